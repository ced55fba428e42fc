export interface GroupCommitOptions {
  /** Most items in one commit. */
  maxGroup?: number;
  /**
   * How long the first item waits for others before a commit starts when none is running (a driver
   * that blocks the event loop while it commits, as SQLite's does, lets nothing arrive meanwhile).
   */
  windowMs?: number;
  /**
   * With no window, lets the rest of this event-loop turn run before the first commit starts when none is
   * running: requests whose bodies arrived together are handled in one turn, so they go in one commit,
   * with no time spent waiting when nothing else arrived.
   */
  gatherTurn?: boolean;
}

/**
 * Group commit: items submitted within windowMs of each other, or while a commit runs, are committed
 * together, so under a flood each commit (one transaction, one fsync) records many items. A failed
 * group is committed again item by item, so one bad item fails only itself. Each caller's promise
 * settles when its own item is durable (or not).
 */
export function createGroupCommit<Item, Outcome>(commit: (items: Item[]) => Promise<Outcome[]>, options: GroupCommitOptions = {}): (item: Item) => Promise<Outcome> {
  const { maxGroup = 128, windowMs = 0, gatherTurn = false } = options;
  interface Waiting {
    item: Item;
    resolve: (outcome: Outcome) => void;
    reject: (error: unknown) => void;
  }
  let waiting: Waiting[] = [];
  let committing = false;

  const commitGroup = async (group: Waiting[]) => {
    try {
      const outcomes = await commit(group.map((w) => w.item));
      group.forEach((w, index) => w.resolve(outcomes[index] as Outcome));
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      for (const w of group) {
        await commit([w.item]).then(
          ([outcome]) => w.resolve(outcome as Outcome),
          (itemError: unknown) => w.reject(itemError),
        );
      }
    }
  };
  const drain = async () => {
    committing = true;
    if (windowMs > 0) await new Promise((resolve) => setTimeout(resolve, windowMs));
    else if (gatherTurn) await new Promise((resolve) => setImmediate(resolve));
    while (waiting.length > 0) {
      const group = waiting.slice(0, maxGroup);
      waiting = waiting.slice(group.length);
      await commitGroup(group);
    }
    committing = false;
  };

  return (item) =>
    new Promise<Outcome>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!committing) void drain();
    });
}

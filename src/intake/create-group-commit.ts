/**
 * Group commit: items submitted while a commit runs are committed together in the next one, so under
 * a flood each commit (one transaction, one fsync) records many items, and an item arriving when
 * nothing runs is committed at once (no added wait). A failed group is committed again item by item, so
 * one bad item fails only itself. Each caller's promise settles when its own item is durable (or not).
 */
export function createGroupCommit<Item, Outcome>(commit: (items: Item[]) => Promise<Outcome[]>, maxGroup = 128): (item: Item) => Promise<Outcome> {
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

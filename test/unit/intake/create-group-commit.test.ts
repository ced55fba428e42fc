import { describe, expect, it } from "@jest/globals";
import { createGroupCommit } from "../../../src/intake/create-group-commit.js";

/** A commit that records each group it was given and answers each item doubled; "bad" items fail it. */
function recordingCommit() {
  const groups: number[][] = [];
  const commit = async (items: number[]) => {
    groups.push(items);
    await new Promise((r) => setTimeout(r, 5));
    if (items.includes(13)) throw new Error("item 13 cannot be recorded");
    return items.map((item) => item * 2);
  };
  return { groups, commit };
}

describe("createGroupCommit", () => {
  it("commits the first item at once and those arriving meanwhile together in the next commit", async () => {
    const { groups, commit } = recordingCommit();
    const record = createGroupCommit(commit);
    const outcomes = await Promise.all([1, 2, 3, 4, 5].map((item) => record(item)));
    expect(outcomes).toEqual([2, 4, 6, 8, 10]);
    expect(groups).toEqual([[1], [2, 3, 4, 5]]);
    expect(await record(6)).toBe(12);
    expect(groups.at(-1)).toEqual([6]);
  });

  it("keeps groups to their maximum size", async () => {
    const { groups, commit } = recordingCommit();
    const record = createGroupCommit(commit, { maxGroup: 2 });
    await Promise.all([1, 2, 3, 4, 5, 6].map((item) => record(item)));
    expect(groups).toEqual([[1], [2, 3], [4, 5], [6]]);
  });

  it("with a window, commits the items arriving within it together, the first included", async () => {
    const { groups, commit } = recordingCommit();
    const record = createGroupCommit(commit, { windowMs: 20 });
    const first = record(1);
    await new Promise((r) => setTimeout(r, 5));
    await Promise.all([first, record(2), record(3)]);
    expect(groups).toEqual([[1, 2, 3]]);
  });

  it("gathering the turn, commits the items handled in one event-loop turn together, without a wait otherwise", async () => {
    const { groups, commit } = recordingCommit();
    const record = createGroupCommit(commit, { gatherTurn: true });
    // Two callbacks of one timers phase, as two request bodies read in one poll phase.
    const recorded = await new Promise<Array<Promise<unknown>>>((resolve) => {
      const pending: Array<Promise<unknown>> = [];
      setTimeout(() => pending.push(record(1)), 0);
      setTimeout(() => resolve([...pending, record(2)]), 0);
    });
    await Promise.all(recorded);
    await record(3);
    expect(groups).toEqual([[1, 2], [3]]);
  });

  it("fails only the item that cannot be recorded: a failed group is committed again item by item", async () => {
    const { groups, commit } = recordingCommit();
    const record = createGroupCommit(commit);
    const outcomes = await Promise.allSettled([1, 2, 13, 4].map((item) => record(item)));
    expect(outcomes).toEqual([
      { status: "fulfilled", value: 2 },
      { status: "fulfilled", value: 4 },
      { status: "rejected", reason: new Error("item 13 cannot be recorded") },
      { status: "fulfilled", value: 8 },
    ]);
    expect(groups).toEqual([[1], [2, 13, 4], [2], [13], [4]]);
  });
});

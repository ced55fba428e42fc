// Seeded mutations of a real webhook payload, for the fuzz test: the same seed gives the same payloads.

/** mulberry32: a small, fast, seeded PRNG returning [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };

/** Marks a string to be replaced, after stringify, by a raw JSON text JSON.stringify cannot write. */
const RAW = "\u0000raw:";
const RAW_NUMBERS = ["1e400", "-1e400", "9007199254740993", "-0", "1.5e-400", "123456789012345678901234567890"];
const NUMBERS = [-1, 0, -2147483649, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, 0.5, 1e21];
const STRINGS = [
  "",
  "\u202eexe.txt",
  "a\u200bb\u2066c\u2069",
  "__proto__",
  "constructor",
  "toString",
  "\ud800",
  "\u0000nul",
  "👩‍💻🏳️‍🌈",
  "../../etc/passwd",
  "Codertocat",
  "owner/name/extra",
  "@everyone #1 <!channel> `x` </details>",
  "/coach dismiss",
  "/coach explain\u202e",
];

export type Mutation = "swap-type" | "delete" | "huge-string" | "deep-nesting" | "unicode" | "number-out-of-range" | "prototype-key";
export const MUTATIONS: Mutation[] = ["swap-type", "delete", "huge-string", "deep-nesting", "unicode", "number-out-of-range", "prototype-key"];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Every container and key in the payload down to 40 levels: where a mutation can land. */
function listSlots(root: Json): Array<{ parent: Container; key: string | number }> {
  const slots: Array<{ parent: Container; key: string | number }> = [];
  const pending: Array<{ value: Json; depth: number }> = [{ value: root, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, depth } = next;
    if (value === null || typeof value !== "object" || depth >= 40) continue;
    const keys: Array<string | number> = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
    for (const key of keys) {
      slots.push({ parent: value, key });
      pending.push({ value: (value as Record<string | number, Json>)[key]!, depth: depth + 1 });
    }
  }
  return slots;
}

/** Nesting as raw JSON text (too deep for JSON.stringify's recursion). */
function nest(depth: number, random: () => number): string {
  const [open, close] = random() < 0.5 ? ["[", "]"] : ['{"a":', "}"];
  return `${open.repeat(depth)}"bottom"${close.repeat(depth)}`;
}

function otherType(value: Json, random: () => number): Json {
  const candidates: Json[] = [null, true, 42, "42", [], {}, [1, "two"], { id: "1" }];
  return pick(random, candidates.filter((candidate) => typeof candidate !== typeof value || Array.isArray(candidate) !== Array.isArray(value)));
}

function set(parent: Container, key: string | number, value: Json): void {
  (parent as Record<string | number, Json>)[key] = value;
}

function applyMutation(root: Json, mutation: Mutation, random: () => number, raws: string[]): void {
  const raw = (text: string) => `${RAW}${raws.push(text) - 1}`;
  const slots = listSlots(root);
  const slot = slots.length > 0 ? pick(random, slots) : undefined;
  if (!slot) return;
  const current = (slot.parent as Record<string | number, Json>)[slot.key]!;
  switch (mutation) {
    case "swap-type":
      return set(slot.parent, slot.key, otherType(current, random));
    case "delete":
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete slot.parent[slot.key as string];
      return;
    case "huge-string":
      return set(slot.parent, slot.key, pick(random, ["x", "\u202e", "é", "@a "]).repeat(50_000 + Math.floor(random() * 200_000)));
    case "deep-nesting":
      return set(slot.parent, slot.key, raw(nest(pick(random, [40, 200, 1_000, 6_000]), random)));
    case "unicode":
      return set(slot.parent, slot.key, pick(random, STRINGS));
    case "number-out-of-range":
      return set(slot.parent, slot.key, random() < 0.5 ? pick(random, NUMBERS) : raw(pick(random, RAW_NUMBERS)));
    case "prototype-key": {
      const target = Array.isArray(slot.parent) ? undefined : slot.parent;
      if (target) Object.defineProperty(target, pick(random, ["__proto__", "constructor", "prototype"]), { value: { polluted: true, id: 1 }, enumerable: true, configurable: true, writable: true });
      return;
    }
  }
}

/** One to three seeded mutations of a deep copy of the payload, as the JSON text to sign and send. */
export function mutatePayload(payload: unknown, random: () => number): { body: string; mutations: Mutation[] } {
  const copy = structuredClone(payload) as Json;
  const mutations = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, MUTATIONS));
  const raws: string[] = [];
  for (const mutation of mutations) applyMutation(copy, mutation, random, raws);
  const body = JSON.stringify(copy).replace(/"\\u0000raw:(\d+)"/g, (_, index: string) => raws[Number(index)]!);
  return { body, mutations };
}

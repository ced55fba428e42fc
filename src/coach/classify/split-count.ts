// How many pieces `text.split(/\s+/)` would give, without building them.

const SPACES = /\s+/g;

/** `text.split(/\s+/).length`, counted up to `limit` (a longer text gives `limit`). */
export function splitCount(text: string, limit: number): number {
  let count = 1;
  SPACES.lastIndex = 0;
  while (count < limit && SPACES.exec(text) !== null) count += 1;
  return count;
}

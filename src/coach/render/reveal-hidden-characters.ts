// Text from pull requests can carry characters that change how the rest of a line reads without being
// seen: bidirectional overrides and isolates (a path that displays as `txt.exe` while being `exe.txt`,
// "Trojan Source") and zero-width characters (two paths or names that look the same but are not). Every
// text the app writes to GitHub or Slack passes through revealHiddenCharacters at the door where it
// leaves, so each such character shows as "�" instead. Pure.
//
// They are replaced, never deleted: deleting one could join what the escaping kept apart ("@" and a
// login, or two backticks into a longer fence). Kept: the zero-width joiner the app itself puts after
// "@" and "#" to break mentions and references, and the joiner inside an emoji sequence.

const REPLACEMENT = "\ufffd";
const BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069";
const ZERO_WIDTH = "\u180e\u200b-\u200d\u2060-\u2064\ufeff";
const HIDDEN = new RegExp(`[${BIDI_CONTROLS}${ZERO_WIDTH}]`, "gu");
const EMOJI_BEFORE = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f]$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;

function revealText(text: string): string {
  return text.replace(HIDDEN, (char: string, offset: number) => {
    if (char !== "\u200d") return REPLACEMENT;
    const before = text.slice(Math.max(0, offset - 2), offset);
    const keep = before.endsWith("@") || before.endsWith("#") || (EMOJI_BEFORE.test(before) && EMOJI_AFTER.test(text.slice(offset + 1, offset + 3)));
    return keep ? char : REPLACEMENT;
  });
}

/** The text (or every string in a JSON-like value) with bidi controls and zero-width characters shown as "�". */
export function revealHiddenCharacters<T>(value: T): T {
  if (typeof value === "string") return revealText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => revealHiddenCharacters(item)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, revealHiddenCharacters(item)])) as T;
  }
  return value;
}

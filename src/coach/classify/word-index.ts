// One pass over a text's words answers, for every regex whose matches can only start a word, whether the text
// has a word it could start with: the cue files' regexes mostly need a particular word, and most comments lack it.

import { KEY_CHARS, leadingKeys } from "./leading-keys.js";

/** Per regex: its bit in a text's index, or null when it must always run. */
const bits = new WeakMap<RegExp, number | null>();
/** Per word key (as a number, see keyCode): the bits of the regexes that need it, one 32-bit word per 32 regexes. */
const regexesByKey = new Map<number, number[]>();
let regexCount = 0;

/** The last few texts' indexes (a stage often reads the same text several times). */
const indexes = new Map<string, { count: number; words: Uint32Array }>();
const MAX_INDEXES = 8;

function bitOf(re: RegExp): number | null {
  let bit = bits.get(re);
  if (bit !== undefined) return bit;
  const keys = leadingKeys(re);
  bit = keys === null ? null : regexCount++;
  bits.set(re, bit);
  if (bit === null || keys === null) return bit;
  for (const key of keys) {
    const code = keyCode(key, 0, key.length);
    let words = regexesByKey.get(code);
    if (words === undefined) regexesByKey.set(code, (words = []));
    while (words.length <= bit >>> 5) words.push(0);
    words[bit >>> 5]! |= 1 << (bit & 31);
  }
  return bit;
}

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** The lower-cased characters `text[start, end)` (ASCII word characters, at most KEY_CHARS) as one number. */
function keyCode(text: string, start: number, end: number): number {
  let code = 1;
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    code = code * 128 + (c >= 65 && c <= 90 ? c + 32 : c);
  }
  return code;
}

function buildIndex(text: string): Uint32Array {
  const words = new Uint32Array((regexCount >>> 5) + 1);
  for (let i = 0; i < text.length; i += 1) {
    if (!isWordCode(text.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < text.length && isWordCode(text.charCodeAt(end))) end += 1;
    const found = regexesByKey.get(keyCode(text, i, Math.min(end, i + KEY_CHARS)));
    i = end;
    if (found !== undefined) for (let w = 0; w < found.length; w += 1) words[w]! |= found[w]!;
  }
  return words;
}

/** False only when `re` cannot match anywhere in `text`. */
export function mayMatch(text: string, re: RegExp): boolean {
  const bit = bitOf(re);
  if (bit === null) return true;
  let index = indexes.get(text);
  if (index === undefined || index.count !== regexCount) {
    if (indexes.size >= MAX_INDEXES) indexes.clear();
    index = { count: regexCount, words: buildIndex(text) };
    indexes.set(text, index);
  }
  return (index.words[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}

/** `re.exec(text)`, skipped when the text lacks the words `re` needs (the result and `lastIndex` are the same). */
export function execIfWords(re: RegExp, text: string): RegExpExecArray | null {
  if (mayMatch(text, re)) return re.exec(text);
  if (re.global || re.sticky) re.lastIndex = 0;
  return null;
}

/** `re.test(text)`, skipped when the text lacks the words `re` needs (the result and `lastIndex` are the same). */
export function testIfWords(re: RegExp, text: string): boolean {
  return execIfWords(re, text) !== null;
}

/** `text.replace(re, replacer)`, skipped when the text lacks the words `re` needs (same result and `lastIndex`). */
export function replaceIfWords(text: string, re: RegExp, replacer: (match: string) => string): string {
  if (mayMatch(text, re)) return text.replace(re, replacer);
  if (re.global) re.lastIndex = 0;
  return text;
}

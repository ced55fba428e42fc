// One pass over a text's words answers, for every regex whose matches can only start a word, whether the text
// has a word it could start with: the cue files' regexes mostly need a particular word, and most comments lack it.
// A regex that needs no word may need a mark (a punctuation character or an emoji half, see isMark) instead.
// The same pass notes where the words start: a regex whose every match starts a word of a known key (or the
// character before it) is tried only there, one position at a time, instead of at every position of the text.

import { KEY_CHARS, ONE_BEFORE, isMark, regexKeys } from "./leading-keys.js";

/** Per regex: its bit in a text's index, or null when it must always run. */
const bits = new WeakMap<RegExp, number | null>();
/** Per regex whose matches start words of known keys: a sticky copy, tried at those words. */
const stickyCopies = new WeakMap<RegExp, RegExp | null>();

/**
 * Per word key (see keyCode): the regexes that need it, those a match of which may start with it, and those a
 * match of which may start one character before it.
 */
interface KeyEntry {
  /** One bit per regex, 32 to an element. */
  needs: Int32Array;
  starts: Int32Array;
  before: Int32Array;
}
const regexesByKey = new Map<number, KeyEntry>();
/** Per mark: the bits of the regexes that need it (ASCII marks by character code, the others in a map). */
const regexesByAsciiMark = new Array<Int32Array | undefined>(128).fill(undefined);
const regexesByMark = new Map<number, Int32Array>();
let regexCount = 0;

/** What one pass over a text found. */
interface TextIndex {
  /** The regex count when it was built: a regex met later has no bit in it yet. */
  count: number;
  /** The bits of the regexes whose words (or marks) the text has. */
  needs: Uint32Array;
  /** Where the words start that may start a match (or follow its first character), in order, with their bits. */
  starts: number[];
  startBits: Int32Array[];
  beforeBits: Int32Array[];
}

/** The last few texts' indexes (a stage often reads the same text several times). */
const indexes = new Map<string, TextIndex>();
const MAX_INDEXES = 8;

const NO_BITS = new Int32Array(0);

/** `words` with `bit` set (a longer copy when it has no element for it). */
function withBit(words: Int32Array | undefined, bit: number): Int32Array {
  let out = words ?? new Int32Array(0);
  if (out.length <= bit >>> 5) {
    out = new Int32Array((bit >>> 5) + 1);
    out.set(words ?? []);
  }
  out[bit >>> 5]! |= 1 << (bit & 31);
  return out;
}

function bitOf(re: RegExp): number | null {
  let bit = bits.get(re);
  if (bit !== undefined) return bit;
  const keys = regexKeys(re);
  bit = keys === null ? null : regexCount++;
  bits.set(re, bit);
  stickyCopies.set(re, keys?.starts ? new RegExp(re.source, `${re.flags}y`) : null);
  if (bit === null || keys === null) return bit;
  for (const key of keys.needs) {
    if (!isMark(key)) {
      const entry = entryOf(key);
      entry.needs = withBit(entry.needs, bit);
    } else if (key.charCodeAt(0) < 128) {
      regexesByAsciiMark[key.charCodeAt(0)] = withBit(regexesByAsciiMark[key.charCodeAt(0)], bit);
    } else {
      regexesByMark.set(key.charCodeAt(0), withBit(regexesByMark.get(key.charCodeAt(0)), bit));
    }
  }
  for (const key of keys.starts ?? []) {
    if (key.startsWith(ONE_BEFORE)) {
      const entry = entryOf(key.slice(ONE_BEFORE.length));
      entry.before = withBit(entry.before, bit);
    } else {
      const entry = entryOf(key);
      entry.starts = withBit(entry.starts, bit);
    }
  }
  return bit;
}

function entryOf(key: string): KeyEntry {
  const code = keyCode(key, 0, key.length);
  let entry = regexesByKey.get(code);
  if (entry === undefined) regexesByKey.set(code, (entry = { needs: NO_BITS, starts: NO_BITS, before: NO_BITS }));
  return entry;
}

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** The lower-cased characters `text[start, end)` (ASCII word characters, at most KEY_CHARS) as one number. */
function keyCode(text: string, start: number, end: number): number {
  let code = 1;
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    code = (code << 7) | (c >= 65 && c <= 90 ? c + 32 : c);
  }
  return code;
}

function addBits(index: Uint32Array, words: Int32Array): void {
  for (let w = 0; w < words.length; w += 1) index[w]! |= words[w]!;
}

function buildIndex(text: string): TextIndex {
  const needs = new Uint32Array((regexCount >>> 5) + 1);
  const starts: number[] = [];
  const startBits: Int32Array[] = [];
  const beforeBits: Int32Array[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (!isWordCode(c)) {
      const marked = c < 128 ? regexesByAsciiMark[c] : regexesByMark.size === 0 ? undefined : regexesByMark.get(c);
      if (marked !== undefined) addBits(needs, marked);
      i += 1;
      continue;
    }
    const start = i;
    const keyEnd = Math.min(length, start + KEY_CHARS);
    let code = 1;
    for (; i < keyEnd; i += 1) {
      const k = text.charCodeAt(i);
      if (!isWordCode(k)) break;
      code = (code << 7) | (k >= 65 && k <= 90 ? k + 32 : k);
    }
    while (i < length && isWordCode(text.charCodeAt(i))) i += 1;
    const entry = regexesByKey.get(code);
    if (entry === undefined) continue;
    addBits(needs, entry.needs);
    if (entry.starts.length > 0 || entry.before.length > 0) {
      starts.push(start);
      startBits.push(entry.starts);
      beforeBits.push(entry.before);
    }
  }
  return { count: regexCount, needs, starts, startBits, beforeBits };
}

function indexOf(text: string): TextIndex {
  let index = indexes.get(text);
  if (index === undefined || index.count !== regexCount) {
    if (indexes.size >= MAX_INDEXES) indexes.clear();
    index = buildIndex(text);
    indexes.set(text, index);
  }
  return index;
}

/** False only when `re` cannot match anywhere in `text`. */
export function mayMatch(text: string, re: RegExp): boolean {
  const bit = bitOf(re);
  if (bit === null) return true;
  return (indexOf(text).needs[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}

function hasBit(words: Int32Array, bit: number): boolean {
  return ((words[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0;
}

function execAt(sticky: RegExp, text: string, at: number): RegExpExecArray | null {
  sticky.lastIndex = at;
  return sticky.exec(text);
}

/**
 * `re.exec(text)`, with the same result and `lastIndex`; a regex whose matches start words of known keys (or
 * the character before) is tried only there.
 */
export function execIndexed(re: RegExp, text: string): RegExpExecArray | null {
  const bit = bitOf(re);
  const sticky = stickyCopies.get(re);
  if (bit === null || sticky === undefined || sticky === null) return re.exec(text);
  const from = re.global ? re.lastIndex : 0;
  const { starts, startBits, beforeBits } = indexOf(text);
  for (let k = 0; k < starts.length; k += 1) {
    const at = starts[k]!;
    const m =
      (at > from && hasBit(beforeBits[k]!, bit) ? execAt(sticky, text, at - 1) : null) ??
      (at >= from && hasBit(startBits[k]!, bit) ? execAt(sticky, text, at) : null);
    if (m === null) continue;
    if (re.global) re.lastIndex = m.index + m[0].length;
    return m;
  }
  if (re.global) re.lastIndex = 0;
  return null;
}

/** `re.exec(text)`, skipped when the text lacks the words `re` needs (the result and `lastIndex` are the same). */
export function execIfWords(re: RegExp, text: string): RegExpExecArray | null {
  if (mayMatch(text, re)) return execIndexed(re, text);
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

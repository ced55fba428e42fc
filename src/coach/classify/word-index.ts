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
let regexCount = 0;

/**
 * Per word key (see keyCode): the regexes that need it, those a match of which may start with it, and those a
 * match of which may start one character before it; one bit per regex, 32 to an element.
 */
interface KeyEntry {
  needs: Int32Array;
  starts: Int32Array;
  before: Int32Array;
}
const regexesByKey = new Map<number, KeyEntry>();
/** Per mark: the bits of the regexes that need it (ASCII marks by character code, the others in a map). */
const regexesByAsciiMark = new Array<Int32Array | undefined>(128).fill(undefined);
const regexesByMark = new Map<number, Int32Array>();
const NO_BITS = new Int32Array(0);

/**
 * The same entries laid out for a pass over a text: an open-addressing table of slots, each the key's code, 1
 * when it may start a match, then its needs, starts and before bits (WORDS elements each). Laid out anew when a
 * regex is added.
 */
let table = new Int32Array(0);
let tableCount = -1;
let slotMask = 0;
/** Elements of each kind of bits in a slot, and elements per slot. */
let WORDS = 0;
let STRIDE = 0;

/** What one pass over a text found. */
interface TextIndex {
  /** The regex count when it was built: a regex met later has no bit in it yet. */
  count: number;
  /** The bits of the regexes whose words (or marks) the text has. */
  needs: Int32Array;
  /** Where the words start that may start a match (or follow its first character), in order, and their slots. */
  starts: number[];
  slots: number[];
}

/** The last few texts' indexes (a stage often reads the same text several times). */
const indexes = new Map<string, TextIndex>();
const MAX_INDEXES = 8;
let lastText = "";
let lastTextIndex: TextIndex | null = null;

/** `words` with `bit` set (a longer copy when it has no element for it). */
function withBit(words: Int32Array | undefined, bit: number): Int32Array {
  let out = words ?? NO_BITS;
  if (out.length <= bit >>> 5) {
    out = new Int32Array((bit >>> 5) + 1);
    out.set(words ?? NO_BITS);
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
    const mark = isMark(key) ? key.charCodeAt(0) : -1;
    if (mark < 0) {
      const entry = entryOf(key);
      entry.needs = withBit(entry.needs, bit);
    } else if (mark < 128) {
      regexesByAsciiMark[mark] = withBit(regexesByAsciiMark[mark], bit);
    } else {
      regexesByMark.set(mark, withBit(regexesByMark.get(mark), bit));
    }
  }
  for (const key of keys.starts ?? []) {
    const entry = entryOf(key.startsWith(ONE_BEFORE) ? key.slice(ONE_BEFORE.length) : key);
    if (key.startsWith(ONE_BEFORE)) entry.before = withBit(entry.before, bit);
    else entry.starts = withBit(entry.starts, bit);
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

/** The lower-cased characters `text[start, end)` (ASCII word characters, at most KEY_CHARS) as one number (never 0). */
function keyCode(text: string, start: number, end: number): number {
  let code = 1;
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    code = (code << 7) | (c >= 65 && c <= 90 ? c + 32 : c);
  }
  return code;
}

function firstSlot(code: number): number {
  return Math.imul(code, 0x9e3779b1) >>> 12;
}

function layTable(): void {
  WORDS = (regexCount >>> 5) + 1;
  STRIDE = 2 + 3 * WORDS;
  let slots = 64;
  while (slots < regexesByKey.size * 2) slots *= 2;
  slotMask = slots - 1;
  table = new Int32Array(slots * STRIDE);
  for (const [code, entry] of regexesByKey) {
    let slot = firstSlot(code) & slotMask;
    while (table[slot * STRIDE] !== 0) slot = (slot + 1) & slotMask;
    const at = slot * STRIDE;
    table[at] = code;
    table[at + 1] = entry.starts.length > 0 || entry.before.length > 0 ? 1 : 0;
    table.set(entry.needs, at + 2);
    table.set(entry.starts, at + 2 + WORDS);
    table.set(entry.before, at + 2 + 2 * WORDS);
  }
  tableCount = regexCount;
}

/** Where the slot of a word key starts in `table`, or -1 when no regex has that key. */
function slotOf(code: number): number {
  for (let slot = firstSlot(code) & slotMask; ; slot = (slot + 1) & slotMask) {
    const found = table[slot * STRIDE]!;
    if (found === code) return slot * STRIDE;
    if (found === 0) return -1;
  }
}

function buildIndex(text: string): TextIndex {
  if (tableCount !== regexCount) layTable();
  const needs = new Int32Array(WORDS);
  const starts: number[] = [];
  const slots: number[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (!isWordCode(c)) {
      const marked = c < 128 ? regexesByAsciiMark[c] : regexesByMark.size === 0 ? undefined : regexesByMark.get(c);
      if (marked !== undefined) for (let w = 0; w < marked.length; w += 1) needs[w]! |= marked[w]!;
      i += 1;
      continue;
    }
    const start = i;
    while (i < length && isWordCode(text.charCodeAt(i))) i += 1;
    const slot = slotOf(keyCode(text, start, Math.min(i, start + KEY_CHARS)));
    if (slot < 0) continue;
    for (let w = 0; w < WORDS; w += 1) needs[w]! |= table[slot + 2 + w]!;
    if (table[slot + 1] === 1) {
      starts.push(start);
      slots.push(slot);
    }
  }
  return { count: regexCount, needs, starts, slots };
}

function indexOf(text: string): TextIndex {
  if (lastTextIndex !== null && text === lastText && lastTextIndex.count === regexCount) return lastTextIndex;
  let index = indexes.get(text);
  if (index === undefined || index.count !== regexCount) {
    if (indexes.size >= MAX_INDEXES) indexes.clear();
    index = buildIndex(text);
    indexes.set(text, index);
  }
  lastText = text;
  lastTextIndex = index;
  return index;
}

/** False only when `re` cannot match anywhere in `text`. */
export function mayMatch(text: string, re: RegExp): boolean {
  const bit = bitOf(re);
  if (bit === null) return true;
  return (indexOf(text).needs[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}

/** Whether `bit` is set in the bits of a kind (1: starts, 2: before) of the slot at `slot`. */
function slotHas(slot: number, kind: 1 | 2, bit: number): boolean {
  return (table[slot + 2 + kind * WORDS + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;
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
  const { starts, slots } = indexOf(text);
  for (let k = 0; k < starts.length; k += 1) {
    const at = starts[k]!;
    const slot = slots[k]!;
    const m =
      (at > from && slotHas(slot, 2, bit) ? execAt(sticky, text, at - 1) : null) ??
      (at >= from && slotHas(slot, 1, bit) ? execAt(sticky, text, at) : null);
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

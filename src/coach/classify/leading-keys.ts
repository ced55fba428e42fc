// The lower-cased first letters (at most KEY_CHARS) of words a regex needs, read from its source, so a comment
// with none of them can skip the regex. Every way through the regex contributes the key of its least common word.
// A way through without a word may be keyed by a mark instead: a punctuation character or emoji half it needs.
// It also tells when every match starts a word, and that word's possible keys (the match can start nowhere else).
// Conservative: a construct it cannot follow, or a way through without a known word, gives null (always run it).
// Read once per regex, at its first use (about 0.3 s for all of the classifier's regexes).

export const KEY_CHARS = 4;
const MAX_KEYS = 20_000;
const MAX_STEPS = 200_000;
/** A set of more word characters than this is read as any word character (its keys would be too many). */
const MAX_CLASS_LETTERS = 8;

/** Any word character, and any other character, in a set of characters. */
const WORD = "\u0001w";
const OTHER = "\u0001o";

type Node =
  | { kind: "chars"; chars: string[]; min: number; max: number }
  | { kind: "group"; alternatives: Node[][]; min: number; max: number }
  /** An assertion: `start`, no word character before; `end`, none after; `edge`, \b. */
  | { kind: "zero"; role: "start" | "end" | "edge" | "none" };

class Unsupported extends Error {}

const isWordChar = (c: string): boolean => /^\w$/.test(c);
const DIGITS = [..."0123456789"];

/**
 * Where a walk is: inside a word or not, whether the next word starts a run of word characters (`bounded`), the
 * current word's key so far (null: not known, a wildcard or an unbounded start), and the least common key of the
 * words read so far on this path.
 */
interface State {
  inWord: boolean;
  bounded: boolean;
  prefix: string | null;
  best: string | null;
  /**
   * The key of the word the match starts with (after ONE_BEFORE when one other character comes first); null
   * when it is not known or the match starts otherwise; undefined before the first character.
   */
  first: string | null | undefined;
}

/** Before a first word's key: the match starts one character (not a word character) before that word. */
export const ONE_BEFORE = "\u0004";

/** Keys common in any English text (and contraction tails): a path that needs one of them filters little. */
const COMMON =
  /^(?:about|also|any|at|been|by|can|coul|do|does|from|had|has|have|he|here|how|into|its|just|like|may|migh|more|must|need|no|not|one|only|othe|shou|so|some|than|them|then|ther|thes|they|use|used|was|what|when|wher|whic|whil|why|will|with|woul|your|d|m|ll|re|ve)$/;
/** Keys of nearly every comment, "code" among them (inline code reads as `CODE`): the last resort. */
const COMMONEST = /^(?:a|an|and|are|as|be|but|code|for|i|if|in|is|it|of|on|or|that|the|this|to|we|you|t|s)$/;
/** Punctuation of ordinary prose, as a key worse than any word. */
const COMMON_MARKS = ".,'\"-?!:;()";

function cost(key: string): number {
  if (isMark(key)) return COMMON_MARKS.includes(key) ? 300 : key === "/" ? 50 : 5;
  return COMMONEST.test(key) ? 200 : COMMON.test(key) ? 100 : key.length < KEY_CHARS ? 3 : 1;
}

/**
 * Whether `c` is a non-word character a text can be searched for as it is, whatever the flags: ASCII punctuation,
 * half of a surrogate pair (an emoji) or a symbol without case. Any other character is read as OTHER.
 */
export function isMark(c: string): boolean {
  if (c.length !== 1) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return code > 32 && code !== 127 && !isWordChar(c);
  // Arrows, symbols and dingbats (U+2190 to U+2BFF) have no case, but for the circled letters (U+2460 to U+24FF).
  return (code >= 0xd800 && code <= 0xdfff) || (code >= 0x2190 && code <= 0x2bff && !(code >= 0x2460 && code <= 0x24ff));
}

/**
 * The keys of the words `re` needs in a text (lower-cased) and, when every match of `re` starts a word of
 * the text, the keys such a word may have (`starts`; null otherwise); null when it cannot tell.
 */
export function regexKeys(re: RegExp): { needs: Set<string>; starts: Set<string> | null } | null {
  if (!/^[gi]*$/.test(re.flags)) return null;
  try {
    const parser = new Parser(re.source);
    const alternatives = parser.parseAlternatives();
    if (!parser.atEnd()) return null;
    const walker = new Walker();
    const start: State = { inWord: false, bounded: false, prefix: null, best: null, first: undefined };
    for (const sequence of alternatives) walker.walk(sequence, 0, start, (end) => walker.end(end));
    return { needs: walker.keys, starts: walker.firstKeys };
  } catch (error) {
    // A source too deep to walk is as unknown as one it cannot read.
    if (error instanceof Unsupported || error instanceof RangeError) return null;
    throw error;
  }
}

class Walker {
  readonly keys = new Set<string>();
  firstKeys: Set<string> | null = new Set<string>();
  private steps = 0;

  /** The match ends: its path needs its least common key, and starts with its first word. */
  end(state: State): void {
    // A word still open at the end may go on in the text: its key is not known.
    const open = state.inWord && state.prefix !== null && state.prefix.length < KEY_CHARS;
    const earlier = state.first === undefined || state.first === ONE_BEFORE ? null : state.first;
    const { best, first } = open ? { best: state.best, first: earlier } : state.inWord ? closeWord(state) : state;
    if (best === null) throw new Unsupported();
    this.keys.add(best);
    if (this.keys.size > MAX_KEYS) throw new Unsupported();
    if (typeof first === "string" && first !== ONE_BEFORE) this.firstKeys?.add(first);
    else this.firstKeys = null;
  }

  walk(nodes: readonly Node[], i: number, state: State, done: (state: State) => void): void {
    if (++this.steps > MAX_STEPS) throw new Unsupported();
    if (i === nodes.length) return done(state);
    const node = nodes[i]!;
    const next = (after: State): void => this.walk(nodes, i + 1, after, done);
    if (node.kind === "zero") return next(assert(node.role, state));
    this.repeat(node, 0, state, next);
  }

  /** Reads `node` `count` times so far, then once more or stops, within its quantifier; `seen`: states past the minimum. */
  private repeat(node: Exclude<Node, { kind: "zero" }>, count: number, state: State, next: (state: State) => void, seen = new Set<string>()): void {
    if (count >= node.min) {
      // A state met again in the same repetition goes on as it did the first time, with no more iterations left.
      const key = node.max === Infinity ? stateKey(state) : `${stateKey(state)}#${count}`;
      if (seen.has(key)) return;
      seen.add(key);
      next(state);
    }
    if (count >= node.max) return;
    const again = (after: State): void => this.repeat(node, count + 1, after, next, seen);
    if (node.kind === "group") {
      for (const alternative of node.alternatives) this.walk(alternative, 0, state, again);
      return;
    }
    for (const c of node.chars) again(read(c, state));
  }
}

const stateKey = (s: State): string =>
  `${s.inWord ? 1 : 0}${s.bounded ? 1 : 0}|${s.prefix ?? "\u0002"}|${s.best ?? "\u0002"}|${s.first === undefined ? "\u0003" : (s.first ?? "\u0002")}`;

/** The state once the current word has ended (its key, when known, may become the path's best). */
function closeWord(state: State): State {
  const { prefix, best, first } = state;
  const firstKey = first === undefined ? prefix : first === ONE_BEFORE ? prefix && ONE_BEFORE + prefix : first;
  return { inWord: false, bounded: true, prefix: null, best: prefix === null ? best : lessCommon(prefix, best), first: firstKey };
}

/** `key` when it is less common than `best` (or there is none), else `best`. */
function lessCommon(key: string, best: string | null): string {
  return best === null || cost(key) < cost(best) ? key : best;
}

function assert(role: "start" | "end" | "edge" | "none", state: State): State {
  if (state.inWord && (role === "end" || role === "edge")) return closeWord(state);
  if (!state.inWord && (role === "start" || role === "edge")) return { ...state, bounded: true };
  return state;
}

function read(c: string, state: State): State {
  if (c === OTHER || (c !== WORD && !isWordChar(c))) {
    // A match may start one character before its first word, no more.
    const first = state.first === undefined ? ONE_BEFORE : state.first === ONE_BEFORE ? null : state.first;
    const after = state.inWord ? closeWord(state) : { ...state, bounded: true, first };
    return isMark(c) ? { ...after, best: lessCommon(c, after.best) } : after;
  }
  if (!state.inWord) {
    // A word starts a run of word characters only after a boundary; a wildcard's key is not known.
    return { ...state, inWord: true, prefix: state.bounded && c !== WORD ? c : null };
  }
  if (state.prefix === null || state.prefix.length >= KEY_CHARS) return state;
  return { ...state, prefix: c === WORD ? null : state.prefix + c };
}

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  atEnd(): boolean {
    return this.i === this.src.length;
  }

  parseAlternatives(): Node[][] {
    const alternatives: Node[][] = [[]];
    while (this.i < this.src.length && this.src[this.i] !== ")") {
      if (this.src[this.i] === "|") {
        this.i += 1;
        alternatives.push([]);
        continue;
      }
      alternatives[alternatives.length - 1]!.push(this.parseQuantified());
    }
    return alternatives;
  }

  private parseQuantified(): Node {
    const atom = this.parseAtom();
    const [min, max] = this.parseQuantifier();
    if (atom.kind === "zero") return atom;
    if (min === 1 && max === 1) return atom;
    return { ...atom, min: min * atom.min, max: max * atom.max };
  }

  private parseQuantifier(): [number, number] {
    const c = this.src[this.i];
    let range: [number, number];
    if (c === "?") range = [0, 1];
    else if (c === "*") range = [0, Infinity];
    else if (c === "+") range = [1, Infinity];
    else if (c === "{") {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i));
      if (m === null) throw new Unsupported();
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      this.i += m[0].length;
      this.skipLazy();
      return [min, max];
    } else return [1, 1];
    this.i += 1;
    this.skipLazy();
    return range;
  }

  private skipLazy(): void {
    if (this.src[this.i] === "?") this.i += 1;
  }

  private parseAtom(): Node {
    const c = this.src[this.i]!;
    if (c === "(") return this.parseGroup();
    if (c === "[") return this.parseClass();
    if (c === "\\") return this.parseEscape();
    this.i += 1;
    if (c === "^") return { kind: "zero", role: "start" };
    if (c === "$") return { kind: "zero", role: "end" };
    if (c === ".") return charsOf([WORD, OTHER]);
    return charsOf([c]);
  }

  private parseGroup(): Node {
    const rest = this.src.slice(this.i);
    for (const [assertion, role] of ROLES) {
      if (!rest.startsWith(assertion)) continue;
      this.i += assertion.length;
      return { kind: "zero", role };
    }
    const assertion = /^\(\?(?:=|!|<=|<!)/.exec(rest);
    const opener = assertion?.[0] ?? (rest.startsWith("(?:") ? "(?:" : null);
    if (opener === null) throw new Unsupported(); // capturing groups could be referenced later
    this.i += opener.length;
    const alternatives = this.parseAlternatives();
    if (this.src[this.i] !== ")") throw new Unsupported();
    this.i += 1;
    if (assertion !== null) return { kind: "zero", role: "none" };
    return { kind: "group", alternatives, min: 1, max: 1 };
  }

  private parseEscape(): Node {
    const e = this.src[this.i + 1];
    if (e === undefined) throw new Unsupported();
    this.i += 2;
    if (e === "b") return { kind: "zero", role: "edge" };
    if (e === "B") return { kind: "zero", role: "none" };
    if (e === "u") {
      const hex = this.src.slice(this.i, this.i + 4);
      if (!/^[0-9a-f]{4}$/i.test(hex)) throw new Unsupported();
      this.i += 4;
      return charsOf([String.fromCharCode(parseInt(hex, 16))]);
    }
    return charsOf(escaped(e));
  }

  private parseClass(): Node {
    this.i += 1;
    if (this.src[this.i] === "^") {
      while (this.i < this.src.length && this.src[this.i] !== "]") this.i += this.src[this.i] === "\\" ? 2 : 1;
      if (this.src[this.i] !== "]") throw new Unsupported();
      this.i += 1;
      return charsOf([WORD, OTHER]);
    }
    const chars: string[] = [];
    while (this.i < this.src.length && this.src[this.i] !== "]") {
      const c = this.src[this.i]!;
      if (c === "\\") {
        const e = this.src[this.i + 1] ?? "";
        this.i += 2;
        if (this.src[this.i] === "-" && this.src[this.i + 1] !== "]") throw new Unsupported();
        chars.push(...escaped(e));
        continue;
      }
      this.i += 1;
      if (this.src[this.i] === "-" && this.src[this.i + 1] !== "]") {
        const end = this.src[this.i + 1]!;
        if (end === "\\") throw new Unsupported();
        this.i += 2;
        for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code += 1) chars.push(String.fromCharCode(code));
        continue;
      }
      chars.push(c);
    }
    if (this.src[this.i] !== "]") throw new Unsupported();
    this.i += 1;
    return charsOf(chars);
  }
}

const ROLES: readonly (readonly [string, "start" | "end"])[] = [
  [String.raw`(?<![\w-])`, "start"],
  [String.raw`(?<![\w])`, "start"],
  [String.raw`(?<!\w)`, "start"],
  [String.raw`(?![\w])`, "end"],
  [String.raw`(?!\w)`, "end"],
];

/** The characters an escape stands for (after the backslash). */
function escaped(e: string): string[] {
  if (e === "d") return DIGITS;
  if (e === "w") return [WORD];
  if ("sWntrfv".includes(e)) return [OTHER];
  if (e === "S" || e === "D") return [WORD, OTHER];
  if (/\w/.test(e)) throw new Unsupported(); // back-references, \x, \c, \p, ...
  return [e];
}

/** One character of `chars`: word characters lower-cased, marks (see isMark) as they are, any other as OTHER. */
function charsOf(chars: readonly string[]): Node {
  const set = new Set<string>();
  for (const c of chars) set.add(c === WORD || c === OTHER || isMark(c) ? c : isWordChar(c) ? c.toLowerCase() : OTHER);
  const letters = [...set].filter((c) => c !== WORD && c !== OTHER && !isMark(c));
  const marks = [...set].filter(isMark);
  if (letters.length > MAX_CLASS_LETTERS) set.add(WORD);
  if (set.has(WORD)) for (const c of letters) set.delete(c);
  if (marks.length > MAX_CLASS_LETTERS) set.add(OTHER);
  if (set.has(OTHER)) for (const c of marks) set.delete(c);
  return { kind: "chars", chars: [...set], min: 1, max: 1 };
}

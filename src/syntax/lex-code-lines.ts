// Tells a file's comments and string contents from its code with a small lexer, without a parse, for
// the lines it can read exactly as the tree-sitter extraction does. Any construct it cannot follow for
// sure (JSX, a regex that may be a division, heredocs, %-literals…) leaves that line and every later
// one unknown: a rule that needs them parses the file.

import type { CodeLine } from "../coach/syntax/file-syntax.js";
import type { Grammar } from "./select-grammar.js";
import { indexLines } from "./index-lines.js";

type Dialect = "js" | "go" | "java" | "php" | "ruby";

const DIALECTS: Partial<Record<Grammar, Dialect>> = { typescript: "js", tsx: "js", go: "go", java: "java", php: "php", ruby: "ruby" };

/** Whether the lexer reads files of this grammar. */
export function canLexGrammar(grammar: Grammar): boolean {
  return DIALECTS[grammar] !== undefined;
}

/** Raised where the lexer cannot follow the text any further. */
class LostTrack {
  constructor(readonly at: number) {}
}

/** The token before: after a value a `/` divides, after an operator it opens a regex, after `}` it is unclear. */
type Previous = "value" | "operator" | "brace";

/** JS words after which an expression starts (a `/` there opens a regex). */
const JS_OPERATOR_WORDS = new Set(["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await"]);

const isWordCode = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code >= 128;

const isSpaceCode = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11;

class Lexer {
  /** Ranges to blank out (comments, string contents), in document order. */
  readonly blanks: number[] = [];
  readonly comments: number[] = [];
  /** Ranges whose lines are not known exactly, though the text after them is. */
  readonly unsure: number[] = [];
  private readonly text: string;
  private readonly length: number;

  constructor(
    text: string,
    private readonly dialect: Dialect,
  ) {
    this.text = text;
    this.length = text.length;
  }

  run(): void {
    let at = 0;
    if (this.dialect === "php") {
      const open = /^<\?php\b/.exec(this.text);
      if (!open) throw new LostTrack(0);
      at = open[0].length;
    }
    if (this.dialect === "js" && this.text.startsWith("#!")) at = this.lineEnd(0);
    this.code(at, false);
  }

  private lineEnd(from: number): number {
    const end = this.text.indexOf("\n", from);
    return end === -1 ? this.length : end;
  }

  private comment(start: number, end: number): void {
    this.blanks.push(start, end);
    this.comments.push(start, end);
  }

  private blank(start: number, end: number): void {
    if (end > start) this.blanks.push(start, end);
  }

  /** Reads code from `at`; inside an interpolation, up to and past the `}` that closes it. */
  private code(at: number, interpolated: boolean): number {
    const { text, dialect } = this;
    let i = at;
    let previous: Previous = "operator";
    let depth = 0;
    let afterDot = false;
    while (i < this.length) {
      const c = text.charCodeAt(i);
      if (isSpaceCode(c)) {
        i += 1;
        continue;
      }
      const char = text[i]!;
      const next = text[i + 1];
      const dot = afterDot;
      afterDot = false;
      if (char === "/" && next === "/" && dialect !== "ruby") {
        i = this.lineComment(i);
      } else if (char === "/" && next === "*" && dialect !== "ruby") {
        const close = text.indexOf("*/", i + 2);
        if (close === -1) throw new LostTrack(i);
        this.comment(i, close + 2);
        i = close + 2;
      } else if (char === "#" && (dialect === "ruby" || dialect === "php")) {
        if (dialect === "php" && next === "[") throw new LostTrack(i);
        if (dialect === "ruby" && interpolated) throw new LostTrack(i);
        i = this.lineComment(i);
      } else if (char === "'" || char === '"') {
        i = this.quoted(i, char);
        previous = "value";
      } else if (char === "`") {
        if (dialect === "js") i = this.template(i);
        else if (dialect === "go") i = this.rawString(i);
        else throw new LostTrack(i);
        previous = "value";
      } else if (char === "{") {
        depth += 1;
        previous = "operator";
        i += 1;
      } else if (char === "}") {
        if (interpolated && depth === 0) return i + 1;
        depth -= 1;
        previous = "brace";
        i += 1;
      } else if (char === ")" || char === "]") {
        previous = "value";
        i += 1;
      } else if (isWordCode(c) || (char === "@" && dialect === "ruby") || (char === "#" && dialect === "js")) {
        // Ruby's special globals (`$"`, `$/`) are punctuation.
        if (dialect === "ruby" && char === "$" && !/[A-Za-z_]/.test(next ?? "")) throw new LostTrack(i);
        const start = i;
        i = this.word(i);
        previous = dialect === "js" && !dot && JS_OPERATOR_WORDS.has(text.slice(start, i)) ? "operator" : "value";
      } else {
        i = this.punctuation(i, previous);
        if (char === "+" || char === "-") {
          if (next !== char || previous !== "value") previous = "operator";
          i += next === char ? 1 : 0;
        } else {
          afterDot = char === ".";
          previous = char === "/" && dialect === "js" && previous === "operator" ? "value" : "operator";
        }
      }
    }
    if (interpolated) throw new LostTrack(at);
    return i;
  }

  /** A punctuation character at `i` (a JS regex whole); where the lexer cannot tell what it opens, it gives up. */
  private punctuation(i: number, previous: Previous): number {
    const { text, dialect } = this;
    const char = text[i]!;
    const next = text[i + 1] ?? "";
    if (dialect === "js") {
      if (char === "/") {
        if (previous === "operator") return this.regex(i);
        if (previous === "brace" || (this.closesParenthesis(i) && /['"`/]/.test(text.slice(i + 1, this.lineEnd(i))))) throw new LostTrack(i);
      }
      // JSX, or a TypeScript type assertion or generic arrow function.
      if (char === "<" && previous !== "value") throw new LostTrack(i);
    } else if (dialect === "php") {
      if (char === "?" && next === ">") throw new LostTrack(i);
      if (char === "<" && text.startsWith("<<<", i)) throw new LostTrack(i);
    } else if (dialect === "ruby") {
      const spaced = next === "" || isSpaceCode(next.charCodeAt(0));
      // Regexes, %-literals, character literals, heredocs, quoted symbols and special globals.
      if ((char === "/" || char === "%") && (previous !== "value" || !(spaced || next === "="))) throw new LostTrack(i);
      if (char === "?" && !spaced) throw new LostTrack(i);
      if (char === "<" && next === "<" && !isSpaceCode((text[i + 2] ?? " ").charCodeAt(0))) throw new LostTrack(i);
      if (char === ":" && (next === '"' || next === "'")) throw new LostTrack(i);
      if (char === "=" && (i === 0 || text[i - 1] === "\n") && text.startsWith("=begin", i)) throw new LostTrack(i);
    }
    return i + 1;
  }

  /**
   * Whether a `)` comes before `at`: after `if (…)` a `/` opens a regex, after `(a + b)` it divides. Read as
   * a division, the rest of the line is read the same either way unless it holds quotes or slashes.
   */
  private closesParenthesis(at: number): boolean {
    let i = at - 1;
    while (i >= 0 && isSpaceCode(this.text.charCodeAt(i))) i -= 1;
    return this.text[i] === ")";
  }

  private lineComment(start: number): number {
    const end = this.lineEnd(start);
    // PHP leaves a line comment at `?>`.
    if (this.dialect === "php" && this.text.slice(start, end).includes("?>")) throw new LostTrack(start);
    this.comment(start, end);
    return end;
  }

  private word(start: number): number {
    const { text } = this;
    let i = start + 1;
    while (i < this.length && (isWordCode(text.charCodeAt(i)) || (this.dialect === "ruby" && text[i] === "@"))) i += 1;
    if (this.dialect === "ruby") {
      if (text.startsWith("__END__", start) && i - start === 7) throw new LostTrack(start);
      // Method names end in ? or ! (`nil?`), unless that starts `!=` or `?=`-like operators.
      if ((text[i] === "?" || text[i] === "!") && text[i + 1] !== "=") i += 1;
    }
    return i;
  }

  /** A quoted literal; strings have their contents blanked, character literals stay code. */
  private quoted(start: number, quote: string): number {
    const { dialect, text } = this;
    if (quote === "'" && (dialect === "go" || dialect === "java")) return this.characterLiteral(start);
    if (dialect === "java" && text.startsWith('"""', start)) throw new LostTrack(start);
    const multiline = dialect === "ruby" || dialect === "php";
    const interpolates = quote === '"' && (dialect === "ruby" || dialect === "php");
    let piece = start + 1;
    for (let i = start + 1; i < this.length; ) {
      const char = text[i]!;
      if (char === "\\") {
        i += text[i + 1] === "\r" && text[i + 2] === "\n" ? 3 : 2;
      } else if (char === quote) {
        this.blank(piece, i);
        return i + 1;
      } else if (char === "\n" && !multiline) {
        throw new LostTrack(start);
      } else if (interpolates && dialect === "ruby" && char === "#" && text[i + 1] === "{") {
        this.blank(piece, i);
        i = this.code(i + 2, true);
        piece = i;
      } else if (interpolates && dialect === "ruby" && char === "#" && (text[i + 1] === "@" || text[i + 1] === "$")) {
        throw new LostTrack(start);
      } else if (interpolates && dialect === "php" && ((char === "{" && text[i + 1] === "$") || (char === "$" && text[i + 1] === "{"))) {
        throw new LostTrack(start);
      } else if (interpolates && dialect === "php" && char === "$" && /[A-Za-z_\u0080-\uffff]/.test(text[i + 1] ?? "")) {
        // `$name` stays code; `$name[…]` and `$name->…` are read by the parser.
        this.blank(piece, i);
        i = this.word(i + 1);
        if (text[i] === "[" || text.startsWith("->", i)) this.unsure.push(start, i);
        piece = i;
      } else {
        i += 1;
      }
    }
    throw new LostTrack(start);
  }

  private characterLiteral(start: number): number {
    const { text } = this;
    for (let i = start + 1; i < this.length && text[i] !== "\n"; i += 1) {
      if (text[i] === "\\") i += 1;
      else if (text[i] === "'") return i + 1;
    }
    throw new LostTrack(start);
  }

  private rawString(start: number): number {
    const close = this.text.indexOf("`", start + 1);
    if (close === -1) throw new LostTrack(start);
    this.blank(start + 1, close);
    return close + 1;
  }

  private template(start: number): number {
    const { text } = this;
    let piece = start + 1;
    for (let i = start + 1; i < this.length; ) {
      const char = text[i]!;
      if (char === "\\") {
        i += 2;
      } else if (char === "`") {
        this.blank(piece, i);
        return i + 1;
      } else if (char === "$" && text[i + 1] === "{") {
        this.blank(piece, i);
        i = this.code(i + 2, true);
        piece = i;
      } else {
        i += 1;
      }
    }
    throw new LostTrack(start);
  }

  private regex(start: number): number {
    const { text } = this;
    let inClass = false;
    for (let i = start + 1; i < this.length; i += 1) {
      const char = text[i]!;
      if (char === "\n") break;
      if (char === "\\") i += 1;
      else if (char === "[") inClass = true;
      else if (char === "]") inClass = false;
      else if (char === "/" && !inClass) {
        let end = i + 1;
        while (end < this.length && isWordCode(text.charCodeAt(end))) end += 1;
        return end;
      }
    }
    throw new LostTrack(start);
  }
}

/** A file's lines as the lexer tells them: a 1-based line's code, or null where it cannot tell it exactly. */
export type CodeLines = (line: number) => CodeLine | null;

/**
 * The file's lines as the extraction reads them (code with comments and string contents blanked, and
 * whether a line holds comments only). The file is lexed now; each line is built when asked for.
 */
export function lexCodeLines(content: string, grammar: Grammar): CodeLines {
  const dialect = DIALECTS[grammar];
  if (!dialect) return () => null;
  const { lineStarts, rowOf } = indexLines(content);
  const lexer = new Lexer(content, dialect);
  let lostAt = content.length + 1;
  try {
    lexer.run();
  } catch (error) {
    if (!(error instanceof LostTrack)) throw error;
    lostAt = error.at;
  }
  const markRows = (ranges: number[], marks: Uint8Array): void => {
    for (let i = 0; i < ranges.length; i += 2) {
      const start = ranges[i]!;
      for (let row = rowOf(start), last = rowOf(Math.max(start, ranges[i + 1]! - 1)); row <= last; row++) marks[row] = 1;
    }
  };
  const hasComment = new Uint8Array(lineStarts.length);
  const unsure = new Uint8Array(lineStarts.length);
  markRows(lexer.comments, hasComment);
  markRows(lexer.unsure, unsure);
  const firstLostRow = lostAt > content.length ? lineStarts.length : rowOf(lostAt);
  const { blanks } = lexer;

  return (line) => {
    const row = line - 1;
    if (row < 0 || row >= firstLostRow || unsure[row] === 1) return null;
    const start = lineStarts[row]!;
    const end = row + 1 < lineStarts.length ? lineStarts[row + 1]! - 1 : content.length;
    // The first blanked range that ends inside or after the line (ranges are in order and never overlap).
    let low = 0;
    let high = blanks.length / 2;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (blanks[2 * mid + 1]! <= start) low = mid + 1;
      else high = mid;
    }
    let text = "";
    let at = start;
    for (let i = 2 * low; i < blanks.length && blanks[i]! < end; i += 2) {
      const from = Math.max(blanks[i]!, start);
      const to = Math.min(blanks[i + 1]!, end);
      text += content.slice(at, from) + content.slice(from, to).replace(/[^\r\n]/g, " ");
      at = to;
    }
    text = (text + content.slice(at, end)).replace(/\r$/, "");
    return { commentOnly: hasComment[row] === 1 && text.trim() === "", code: text };
  };
}

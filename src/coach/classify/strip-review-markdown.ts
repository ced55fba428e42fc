// Separates a reviewer's own words from what GitHub review markdown quotes or shows as code.

/** A review comment reduced to the reviewer's prose, with what was taken out summarised. */
export interface ReviewProse {
  /** The reviewer's own words: quotes, code blocks, URLs and @mentions removed; inline code replaced by `CODE`. */
  prose: string;
  /** The body of the first ```suggestion block, or null when there is none. */
  suggestion: string | null;
  /** Whether the comment showed code (fenced, indented or inline). */
  hasCode: boolean;
  /** Whether the comment contained a URL. */
  hasLink: boolean;
  /** Identifiers of the code it shows (inline spans, then pasted blocks) split into lower-case words ("checkCredentials" -> "check credentials"). */
  codeWords: string;
  /** The code it shows as written: fenced blocks, then inline spans (suggestion blocks are in `suggestion`). */
  shownCode: string[];
}

/** Splits camelCase, PascalCase, snake_case and kebab-case identifiers into lower-case words. */
export function splitIdentifiers(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/[^A-Za-z0-9]+/g, " ")
    .trim()
    .toLowerCase();
}

const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([\w+-]*)[^\n]*\n([\s\S]*?)(?:^ {0,3}\1[ \t]*$|(?![\s\S]))/gm;
const QUOTE_LINE = /^ {0,3}>[^\n]*$/gm;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;
const DETAILS = /<\/?(?:details|summary|br|sub|sup|p|b|i|em|strong|code|pre|kbd|img|a|span|div|table|tr|td|th)\b[^>]*>/gi;
const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const MD_LINK = /\[([^\]]*)\]\((?:[^)\s]*)\)/g;
const URL = /\b(?:https?|ftp):\/\/[^\s<>()]+|\bwww\.[^\s<>()]+/gi;
const MENTION = /(^|[^\w`])@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[\w.-]+)?/g;
const INLINE_CODE = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
/** Longer spans are pasted code, not a name: read with the blocks. */
const MAX_SPAN_CHARS = 80;
/** How much of a pasted block is read for its names. */
const MAX_BLOCK_CHARS = 2000;
const INDENTED_CODE_LINE = /^(?: {4,}|\t)\S[^\n]*$/;
const BLANK_LINE = /^\s*$/;

/** Removes an indented code block: lines indented by 4+ spaces that follow a blank line or other code. */
function dropIndentedCode(text: string): { text: string; dropped: boolean } {
  if (!text.includes("\n    ") && !text.includes("\n\t")) return { text, dropped: false };
  const lines = text.split("\n");
  let previousBlank = true;
  let inCode = false;
  let dropped = false;
  const kept: string[] = [];
  for (const line of lines) {
    const blank = BLANK_LINE.test(line);
    if (!blank && INDENTED_CODE_LINE.test(line) && (previousBlank || inCode)) {
      inCode = true;
      dropped = true;
      kept.push("");
    } else {
      if (!blank) inCode = false;
      kept.push(line);
    }
    previousBlank = blank;
  }
  return { text: kept.join("\n"), dropped };
}

/** A compound name in pasted code (`self.assertEqual`, `make_mock_client`, `mockApp`): prose in comments and strings has none. */
const COMPOUND_NAME = /[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+|[A-Za-z$]*_[\w$]*|[a-z$][a-z0-9$]*[A-Z][\w$]*/g;

/** The compound names of a pasted block, split into words. */
function blockWords(code: string): string {
  return splitIdentifiers((code.slice(0, MAX_BLOCK_CHARS).match(COMPOUND_NAME) ?? []).join(" "));
}

/** Reduces GitHub review markdown to the reviewer's own prose. */
export function stripReviewMarkdown(markdown: string): ReviewProse {
  // Each replacement is skipped when the text lacks a character its regex cannot match without (same result).
  let text = markdown.includes("\r") ? markdown.replace(/\r\n?/g, "\n") : markdown;
  let suggestion: string | null = null;
  let hasCode = false;
  const blocks: string[] = [];
  const shownCode: string[] = [];

  if (text.includes("```") || text.includes("~~~")) {
    text = text.replace(FENCE, (_all, _fence: string, info: string, body: string) => {
      if (info.toLowerCase() === "suggestion") {
        suggestion ??= body;
        return "\n";
      }
      hasCode = true;
      blocks.push(blockWords(body));
      shownCode.push(body.trim());
      return "\n";
    });
  }
  if (text.includes("<!--")) text = text.replace(HTML_COMMENT, " ");
  if (text.includes(">")) text = text.replace(QUOTE_LINE, "");
  const indented = dropIndentedCode(text);
  text = indented.text;
  hasCode ||= indented.dropped;
  if (text.includes("![")) text = text.replace(IMAGE, " ");
  if (text.includes("](")) text = text.replace(MD_LINK, "$1");
  const withoutUrls = text.includes("://") || /www\./i.test(text) ? text.replace(URL, " ") : text;
  const hasLink = withoutUrls !== text;
  const spans: string[] = [];
  text = withoutUrls;
  if (text.includes("`")) {
    text = text.replace(INLINE_CODE, (_all, _ticks: string, body: string) => {
      hasCode = true;
      shownCode.push(body.trim());
      if (body.length <= MAX_SPAN_CHARS) spans.push(splitIdentifiers(body));
      else blocks.push(blockWords(body));
      return " CODE ";
    });
  }
  if (text.includes("@")) text = text.replace(MENTION, "$1");
  if (text.includes("<")) text = text.replace(DETAILS, " ");
  return { prose: text, suggestion, hasCode, hasLink, codeWords: [...spans, ...blocks].join(" . "), shownCode };
}

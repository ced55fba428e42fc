// Classifies one review comment: what it addresses, how it is said, and whether it says what to do.
// Pure and deterministic: rules and lexicons only (see ./classify/comment-cues.ts).

import {
  CONCERNS,
  SIGNALS,
  type CommentClassification,
  type CommentContext,
  type Concern,
  type Evidence,
  type Signal,
  type Tone,
} from "./types.js";
import {
  ARCHITECTURE_WEAK,
  CODE_CONSTRUCT,
  CONCERN_CUES,
  DEFECT_CLAIM,
  DESIGN_MOVE,
  EDGE_CASES_WEAK,
  OTHER_TOPIC,
  CONTRAST_AFTER,
  PRAISE_CUE,
  PRAISE_SYMBOLS,
  SELF_CONTEXT,
  SELF_DIRECTED,
  SELF_DIRECTED_AFTER,
  SIGNAL_CUES,
  SYMBOL_PRAISE,
  TECHNICAL_ALLOW,
  TONE_CUES,
  WISHFUL_AFTER,
  WISHFUL_BEFORE,
  type Cue,
} from "./classify/comment-cues.js";
import { findApproval, isEmojiOnly } from "./classify/find-approval-only.js";
import { isMachineOutput } from "./classify/is-machine-output.js";
import { isNegated, type NegationMode } from "./classify/is-negated.js";
import { isReadableEnglish } from "./classify/is-readable-english.js";
import { readQuestions } from "./classify/read-questions.js";
import { DEFECT_THRESHOLD, asksForDocumentation, maskNonClaims, scoreDefect } from "./classify/score-defect.js";
import { parseConventionalPrefix, type ConventionalPrefix } from "./classify/parse-conventional-prefix.js";
import { stripReviewMarkdown } from "./classify/strip-review-markdown.js";

// ------------------------------------------------------------ case-sensitive and contextual cues

/** Value names whose case matters ("None" the value, not "none of these"). */
const CASED_EDGE_VALUES =
  /\b(?:(?:is|be|returns?|if|not|get|gets|are|==|=|handle|handles|handling|check for|checking for|against)\s+None|None\s+(?:value|values|case|check)|NULL|Null|NaN|nullptr|EOF|ENOENT|EINTR|EAGAIN)\b/g;
const CASED_SECURITY = /\b(?:DoS|DDoS|IDOR|RBAC|ACLs?|OAuth2?|SAML|OIDC|TOCTOU|SQLi)\b/g;
const CASED_TESTING = /\b(?:CI|QA|TDD)\b/g;

const TEST_PATH = /(?:^|\/)(?:tests?|spec|specs|__tests__|testing|e2e)\/|[._-](?:test|spec)s?\.[a-z0-9]+$|(?:^|\/)test_[^/]+$|_test\.go$/i;
const TEST_WORDS = /\b(?:assert\w*|expect\w*|mock\w*|stub\w*|spy|fixture\w*|verif(?:y|ies|ied)|scenario|case|cases|setup|teardown|parametri[sz]e\w*)\b/gi;
const DOC_PATH = /\.(?:md|mdx|markdown|rst|txt|adoc|asciidoc)$|(?:^|\/)(?:docs?|documentation|man)\//i;
const PROSE_FIX = /\b(?:typos?|spelling|spelt|misspel(?:led|ling|t)|grammar|capitali[sz](?:e|ed|ation)|punctuation|wording)\b/gi;
const COMMENT_LINE = /^[+\- ]\s*(?:#|\/\/|\/\*|\*|"""|'''|<!--|--\s)/;
const DOC_MENTION = /\b(?:comments?|docstrings?|docs?|documentation|messages?|readme|changelog|help text|description|log line)\b/i;

/** Sentence-initial imperatives: the comment tells what to change. */
const IMPERATIVE =
  /(?:^|[.!?;:\n]\s*|\b(?:please|pls|plz|just|maybe|perhaps|probably|also|then|so|nit:?)\s+)(use|add|remove|drop|rename|move|replace|extract|change|make|avoid|pass|return|check|call|handle|wrap|split|inline|delete|fix|update|document|mention|put|set|declare|define|import|sort|align|indent|dedent|revert|keep|consider|prefer|simplify|merge|reuse|log|raise|throw|catch|validate|test|assert|guard|limit|escape|sanitize|sanitise|cache|batch|convert|initiali[sz]e|clean|refactor|reword|rephrase|capitali[sz]e|lowercase|uppercase|bump|pin|upgrade|downgrade|leave|squash|rebase|ensure|verify|expose|hide|mark|annotate|specify|include|exclude|switch|skip|combine|reduce|increase|decrease|close|free|release|reset|clear|enable|disable|let's|lets|don't|do not|never|stop|go with|get rid of|fold|flip|swap|invert|lock|unlock|lift|hoist|memoi[sz]e|rewrite|restructure|separate|collapse|trim|strip|quote|unquote|encode|decode|parse|format|run|try)\b/gi;
/** Imperatives that propose a concrete alternative. */
const ALTERNATIVE_VERB =
  /^(?:use|rename|move|replace|extract|inline|switch|prefer|consider|convert|simplify|merge|combine|wrap|split|reuse|go with|get rid of|rewrite|hoist|lift|fold|collapse|swap|flip|invert|separate|memoi[sz]e)$/i;
/** Modal and explicit requests. */
const DIRECTIVE =
  /\b(?:should(?:n't)?|must(?:n't)?|needs? to|need(?:s|ed)?|have to|has to|please|pls|let's|we'd better|(?:it'd|it would|would it) be (?:better|good|nice|great|cleaner|safer|simpler|worth)|can you|could you|would you|will you|i'd (?:like|prefer|rather)|missing|forgot|forgotten|don't forget|make sure|ensure|is (?:required|needed)|required|todo|fixme|remove|add)\b/gi;
/** Reaction words that carry no wording suggestion on their own. */
const REACTION_WORDS =
  /^(?:ok|okay|k|done|fixed|ack|acked|agreed|agree|same|ditto|ditto\.|yes|yep|yeah|yup|no|nope|nah|right|true|correct|indeed|sure|hmm+|hm+|um+|uh+|oh|ah|ahh+|oops|whoops|sorry|thanks|thank you|thx|see above|see below|same here|same as above|as above|why|huh|wat|what|really|interesting|noted|good|fine|nice|cool|great|better|wow|heh|haha|lol|again|here|this|that|also|see|see here|see this|ping|bump|reverted|removed|added|updated|changed|nvm|never mind)$/i;
const REACTION_WORD_SET_LIMIT = 5;
const IDENTIFIER = /^[`'"]?(?:[A-Za-z_$][\w$]*[._:][\w$.:]*|[a-z]+[A-Z][\w$]*|[A-Za-z_$][\w$]*\(\)|[A-Za-z_$]*_[\w$]+)[`'"]?\??$/;
const PLAIN_WORDS = /^[a-z][a-z' -]*[a-z]\??$/;
const SHOUTING = /(?:\b[A-Z]{2,}[!?,.]*\s+){3,}[A-Z]{2,}\b/g;
const MAX_PROSE_CHARS = 3000;
/** A comment opening with a low-severity marker that the conventional-prefix reader does not take. */
const NIT_OPENING = /^\W{0,3}(?:nit(?:pick)?s?|minor|tiny nit|super nit)\b\W/i;

const CONVENTIONAL_SIGNALS: Partial<Record<string, Signal>> = {
  praise: "praise",
  nit: "nit",
  nitpick: "nit",
  polish: "nit",
  quibble: "nit",
  suggestion: "suggestion",
  question: "question",
};
const ACTIONABLE_CONVENTIONAL = new Set(["issue", "todo", "suggestion", "chore", "typo", "polish"]);
const DECORATION_CONCERNS: ReadonlyArray<[RegExp, Concern]> = [
  [/^(?:security|sec|auth|privacy)$/, "security"],
  [/^(?:perf|performance|speed)$/, "performance"],
  [/^(?:tests?|testing|coverage)$/, "testing"],
  [/^(?:docs?|documentation)$/, "documentation"],
  [/^(?:style|format|formatting|lint)$/, "style"],
  [/^(?:readability|clarity)$/, "readability"],
  [/^(?:architecture|design|api)$/, "architecture"],
  [/^(?:edge[- ]?cases?|correctness|bug|error[- ]handling|concurrency)$/, "edge-cases"],
];

// ------------------------------------------------------------ helpers

type Label = Evidence["label"];

class EvidenceLog {
  readonly items: Evidence[] = [];
  private readonly seen = new Set<string>();

  add(label: Label, match: string): void {
    const key = `${label}\u0000${match.toLowerCase()}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push({ label, match: match.trim() });
  }
}

/** The first match of `re` in `text` that is not negated, or null. */
function firstMatch(text: string, re: RegExp, negation: NegationMode): RegExpExecArray | null {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    if (!isNegated(text, m.index, m[0].length, negation)) return m;
  }
  return null;
}

function matchCues<L extends string>(
  text: string,
  cues: readonly Cue<L>[],
  found: Set<L>,
  evidence: EvidenceLog,
  prefix: "concern" | "signal",
): void {
  for (const { label, re, negation } of cues) {
    if (found.has(label)) continue;
    const m = firstMatch(text, re, negation);
    if (m !== null) {
      found.add(label);
      evidence.add(`${prefix}:${label}` as Label, m[0]);
    }
  }
}

/** Praise of the change: not a wish ("would be nice to"), not a softener before a "but", not asked. */
function findPraise(prose: string): { text: string; index: number } | null {
  return findPraiseWith(prose, PRAISE_CUE.re) ?? findPraiseWith(prose, PRAISE_SYMBOLS);
}

function findPraiseWith(prose: string, re: RegExp): { text: string; index: number } | null {
  re.lastIndex = 0;
  for (let m = re.exec(prose); m !== null; m = re.exec(prose)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isNegated(prose, start, m[0].length, "plain")) continue;
    if (WISHFUL_BEFORE.test(prose.slice(Math.max(0, start - 40), start))) continue;
    if (CONCESSION_BEFORE.test(prose.slice(Math.max(0, start - 80), start))) continue;
    const after = prose.slice(end, end + 160);
    if (WISHFUL_AFTER.test(after) || CONTRAST_AFTER.test(after)) continue;
    const sentenceEnd = after.search(/[.!?\n]/);
    if (sentenceEnd >= 0 && after[sentenceEnd] === "?") continue;
    return { text: m[0], index: start };
  }
  return null;
}

function isSelfDirected(text: string, index: number, length: number): boolean {
  const before = text.slice(Math.max(0, index - 24), index);
  const after = text.slice(index + length, index + length + 16);
  if (SELF_DIRECTED.test(before) || SELF_DIRECTED_AFTER.test(after)) return true;
  const sentenceStart = Math.max(text.lastIndexOf(".", index), text.lastIndexOf("\n", index), text.lastIndexOf("!", index));
  const rest = text.slice(index);
  const endOffset = rest.search(/[.!?\n]/);
  const sentence = text.slice(sentenceStart + 1, endOffset < 0 ? text.length : index + endOffset);
  return SELF_CONTEXT.test(sentence);
}

function classifyTone(prose: string, evidence: EvidenceLog): Tone {
  const text = prose.replace(TECHNICAL_ALLOW, (m) => " ".repeat(m.length));
  let tone: Tone = "respectful";
  for (const { tone: cueTone, re, forgivesSelf } of TONE_CUES) {
    if (tone === "toxic" || (tone === "harsh" && cueTone === "harsh")) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex += 1;
        continue;
      }
      if (forgivesSelf && isSelfDirected(text, m.index, m[0].length)) continue;
      tone = cueTone;
      evidence.add(`tone:${cueTone}`, m[0]);
      break;
    }
  }
  if (tone === "respectful") {
    SHOUTING.lastIndex = 0;
    const shout = SHOUTING.exec(prose.replace(/\bCODE\b/g, "code"));
    if (shout !== null) {
      tone = "harsh";
      evidence.add("tone:harsh", shout[0]);
    }
  }
  return tone;
}

function orderConcerns(found: Set<Concern>): Concern[] {
  return CONCERNS.filter((c) => found.has(c));
}

function orderSignals(found: Set<Signal>): Signal[] {
  return SIGNALS.filter((s) => found.has(s));
}

function nothingClaimed(reason: string): CommentClassification {
  return {
    concerns: [],
    signals: [],
    tone: "respectful",
    actionable: false,
    evidence: [{ label: "tone:respectful", match: `nothing matched: ${reason}` }],
  };
}

function applyConventional(
  conventional: ConventionalPrefix,
  concerns: Set<Concern>,
  signals: Set<Signal>,
  evidence: EvidenceLog,
): boolean {
  const signal = CONVENTIONAL_SIGNALS[conventional.label];
  if (signal !== undefined) {
    signals.add(signal);
    evidence.add(`signal:${signal}`, conventional.raw);
  }
  if (conventional.label === "typo") {
    concerns.add("style");
    evidence.add("concern:style", conventional.raw);
  }
  for (const decoration of conventional.decorations) {
    if (decoration === "non-blocking" || decoration === "if-minor" || decoration === "optional") {
      signals.add("nit");
      evidence.add("signal:nit", conventional.raw);
    }
    for (const [re, concern] of DECORATION_CONCERNS) {
      if (re.test(decoration)) {
        concerns.add(concern);
        evidence.add(`concern:${concern}`, conventional.raw);
      }
    }
  }
  return ACTIONABLE_CONVENTIONAL.has(conventional.label) || conventional.decorations.includes("blocking");
}

function applyContext(
  prose: string,
  fullProse: string,
  context: CommentContext | undefined,
  concerns: Set<Concern>,
  evidence: EvidenceLog,
): void {
  const path = context?.path ?? "";
  if (path.length > 0 && TEST_PATH.test(path) && !concerns.has("testing")) {
    const m = firstMatch(prose, TEST_WORDS, "concern");
    if (m !== null) {
      concerns.add("testing");
      evidence.add("concern:testing", m[0]);
    }
  }
  PROSE_FIX.lastIndex = 0;
  const fix = PROSE_FIX.exec(fullProse);
  if (fix === null) return;
  const hunkLines = context?.diffHunk?.trimEnd().split("\n") ?? [];
  const commentedLine = hunkLines[hunkLines.length - 1] ?? "";
  const inDocs = DOC_PATH.test(path) || COMMENT_LINE.test(commentedLine) || DOC_MENTION.test(prose);
  if (inDocs) {
    concerns.add("documentation");
    evidence.add("concern:documentation", fix[0]);
    if (!/\b(?:format\w*|indent\w*|whitespace|spac\w+|align\w*|naming|rename\w*|name)\b/i.test(prose)) {
      concerns.delete("style");
    }
  }
}

/**
 * A design discussion without design vocabulary: a proposal or question about program structure
 * ("Could this be a private static method?", "Why keep a list here rather than a map?"). Needs two of: a
 * structural word, a code construct, a proposing or questioning move; and the comment must not be about
 * documentation, wording, formatting, naming or tests, where the same words are incidental.
 */
function readDesignDiscussion(prose: string, concerns: Set<Concern>, evidence: EvidenceLog): void {
  if (concerns.has("documentation") || concerns.has("style")) return;
  OTHER_TOPIC.lastIndex = 0;
  if (OTHER_TOPIC.test(prose)) return;
  const weak = firstMatch(prose, ARCHITECTURE_WEAK, "concern");
  const construct = firstMatch(prose, CODE_CONSTRUCT, "none");
  if (weak === null && construct === null) return;
  const move = DESIGN_MOVE.test(prose);
  const score = (weak === null ? 0 : 1) + (construct === null ? 0 : 1) + (move ? 1 : 0);
  if (score < 2) return;
  concerns.add("architecture");
  evidence.add("concern:architecture", (weak ?? construct)?.[0] ?? "");
}

/** Kind words after a "but" in the same sentence concede a point ("... would read better, but this is still fine"). */
const CONCESSION_BEFORE = /\b(?:but|though|although|even though|however|anyway)\b[^.!?\n]*$/i;

/** Beyond this many words, kind words sit inside a substantive comment. */
const PRAISE_MAX_WORDS = 30;
const WORD_RE = /\S+/g;

/**
 * Kind words that soften a substantive comment ("makes sense. Should we also ...?") rather than praise the
 * change: the comment asks or proposes something, or goes on at length.
 */
function isSoftener(prose: string, index: number, asksOrProposes: boolean): boolean {
  // Praise that opens the comment ("Good catch. ...", "Thanks for converting this; however ...") stays praise.
  if (!/[.!?\n]/.test(prose.slice(0, index))) return false;
  if (asksOrProposes) return true;
  const count = prose.match(WORD_RE)?.length ?? 0;
  return count > PRAISE_MAX_WORDS;
}

// ------------------------------------------------------------ the classifier

/** Classifies one review comment (GitHub markdown) into concerns, signals, tone and actionability. */
export function classifyComment(text: string, context?: CommentContext): CommentClassification {
  return classifyReview(text, context, true);
}

/** Remarks that say the review goes on beyond the approval ("a few comments below", "but"). */
const REVIEW_GOES_ON =
  /\b(?:below|above|inline|comments?|issues?|nits?|but|however|except|though|although|questions?|suggestions?|concerns?|few|couple|minor|small|remaining|once|until|if|unless)\b|\?/i;
/** Machine output from CI bots, which approve nothing. */
const CI_OUTPUT = /\b(?:reviews? applied|(?:passed|failed) command|build artifacts|all tests passed|build (?:passed|failed|succeeded))\b/i;
/** What may follow an approval without making it more than one: landing the change. */
const LANDING = /\b(?:commit|merge|land|push|submit|mark|go ahead|ship)\w*\b/i;

/** A partial approval ("the other changes look good", "the rest is fine") implies something else was raised. */
const PARTIAL_APPROVAL = /\b(?:other|rest of|remaining)\b|\bthe rest\b/i;

function isApprovalOnly(remainder: string, restWords: number): boolean {
  if (CI_OUTPUT.test(remainder) || PARTIAL_APPROVAL.test(remainder)) return false;
  if (restWords <= 1) return true;
  if (REVIEW_GOES_ON.test(remainder)) return false;
  const rest = classifyReview(remainder, undefined, false);
  if (rest.concerns.length > 0 || rest.tone !== "respectful") return false;
  if (rest.signals.some((s) => s === "question" || s === "suggestion" || s === "nit")) return false;
  return !rest.actionable || LANDING.test(remainder);
}

function classifyReview(text: string, context: CommentContext | undefined, allowApproval: boolean): CommentClassification {
  const { prose: whole, suggestion, hasLink } = stripReviewMarkdown(text);
  // Beyond a few thousand characters a comment is a paste (logs, traces), not more review.
  const stripped = whole.length > MAX_PROSE_CHARS ? whole.slice(0, MAX_PROSE_CHARS) : whole;
  const evidence = new EvidenceLog();
  const concerns = new Set<Concern>();
  const signals = new Set<Signal>();
  let actionable = false;

  if (suggestion !== null) {
    signals.add("suggestion");
    evidence.add("signal:suggestion", "```suggestion");
    actionable = true;
    evidence.add("actionable", "```suggestion");
  }

  const trimmed = stripped.trim();
  if (trimmed.length === 0 || /^(?:\s*CODE\s*)+$/.test(trimmed)) {
    if (suggestion !== null) {
      return { concerns: [], signals: ["suggestion"], tone: "respectful", actionable: true, evidence: evidence.items };
    }
    return nothingClaimed(hasLink ? "only a link" : trimmed.length > 0 ? "only code" : "no text");
  }

  if (SYMBOL_PRAISE.test(trimmed)) {
    return {
      concerns: [],
      signals: ["praise"],
      tone: "respectful",
      actionable: false,
      evidence: [{ label: "signal:praise", match: trimmed }],
    };
  }
  const approval = allowApproval && suggestion === null ? findApproval(trimmed) : null;
  if (approval !== null && isApprovalOnly(approval.remainder, approval.restWords)) {
    signals.add("approval-only");
    evidence.add("signal:approval-only", approval.phrase);
    const praise = findPraise(trimmed);
    if (praise !== null) {
      signals.add("praise");
      evidence.add("signal:praise", praise.text);
    }
    return { concerns: [], signals: orderSignals(signals), tone: "respectful", actionable: false, evidence: evidence.items };
  }
  if (isEmojiOnly(trimmed)) {
    return nothingClaimed("only emoji without approval or praise");
  }

  if (isMachineOutput(trimmed)) {
    return nothingClaimed("machine output");
  }

  const readability = isReadableEnglish(trimmed);
  if (!readability.readable) {
    if (suggestion !== null) {
      return { concerns: [], signals: ["suggestion"], tone: "respectful", actionable: true, evidence: evidence.items };
    }
    return nothingClaimed(readability.reason);
  }

  const conventional = parseConventionalPrefix(trimmed);
  const prose = conventional === null ? trimmed : conventional.rest;
  if (conventional !== null && applyConventional(conventional, concerns, signals, evidence)) {
    actionable = true;
    evidence.add("actionable", conventional.raw);
  }

  // "Correct me if I'm wrong", "nothing wrong with it": a defect word that claims no defect.
  const claims = maskNonClaims(prose);
  matchCues(claims, CONCERN_CUES, concerns, evidence, "concern");
  for (const [re, concern] of [
    [CASED_EDGE_VALUES, "edge-cases"],
    [CASED_SECURITY, "security"],
    [CASED_TESTING, "testing"],
  ] as const) {
    if (concerns.has(concern)) continue;
    const m = firstMatch(claims, re, "concern");
    if (m !== null) {
      concerns.add(concern);
      evidence.add(`concern:${concern}`, m[0]);
    }
  }
  if (!concerns.has("edge-cases")) {
    const weak = firstMatch(claims, EDGE_CASES_WEAK, "concern");
    if (weak !== null && DEFECT_CLAIM.test(claims)) {
      concerns.add("edge-cases");
      evidence.add("concern:edge-cases", weak[0]);
    }
  }
  if (!concerns.has("edge-cases")) {
    const defect = scoreDefect(prose);
    if (defect.score >= DEFECT_THRESHOLD && defect.match !== null) {
      concerns.add("edge-cases");
      evidence.add("concern:edge-cases", defect.match);
    }
  } else if (asksForDocumentation(prose) && scoreDefect(prose).score < DEFECT_THRESHOLD) {
    // "Mention in the docstring that this can return null": the failure mode is what to write down.
    concerns.delete("edge-cases");
  }
  applyContext(prose, trimmed, context, concerns, evidence);
  matchCues(prose, SIGNAL_CUES, signals, evidence, "signal");

  const nitMarked = conventional !== null ? signals.has("nit") && CONVENTIONAL_SIGNALS[conventional.label] === "nit" : NIT_OPENING.test(prose);
  const questions = readQuestions(prose, nitMarked);
  if (questions.question !== null) {
    signals.add("question");
    evidence.add("signal:question", questions.question);
  }
  if (questions.request !== null) {
    signals.add("suggestion");
    evidence.add("signal:suggestion", questions.request);
    actionable = true;
    evidence.add("actionable", questions.request);
  }
  const praise = findPraise(prose);
  if (praise !== null && !isSoftener(prose, praise.index, questions.question !== null || questions.request !== null)) {
    signals.add("praise");
    evidence.add("signal:praise", praise.text);
  }

  if (!concerns.has("architecture")) readDesignDiscussion(prose, concerns, evidence);

  const words = prose.replace(/[?!.,:;]+$/g, "").trim();
  const wordCount = words.length === 0 ? 0 : words.split(/\s+/).length;
  if (concerns.size === 0 && wordCount === 1 && IDENTIFIER.test(words)) {
    concerns.add("style");
    evidence.add("concern:style", words);
    signals.add("suggestion");
    evidence.add("signal:suggestion", words);
  } else if (
    concerns.size === 0 &&
    signals.size === 0 &&
    wordCount > 0 &&
    wordCount <= REACTION_WORD_SET_LIMIT &&
    !hasLink &&
    PLAIN_WORDS.test(words) &&
    !REACTION_WORDS.test(words)
  ) {
    // A few plain words and nothing else: replacement wording for the commented text.
    concerns.add("documentation");
    evidence.add("concern:documentation", words);
    signals.add("suggestion");
    evidence.add("signal:suggestion", words);
  }

  IMPERATIVE.lastIndex = 0;
  for (let m = IMPERATIVE.exec(prose); m !== null; m = IMPERATIVE.exec(prose)) {
    const verb = m[1] ?? "";
    if (isNegated(prose, m.index, m[0].length, "none")) continue;
    actionable = true;
    evidence.add("actionable", m[0]);
    if (ALTERNATIVE_VERB.test(verb) && !signals.has("suggestion")) {
      signals.add("suggestion");
      evidence.add("signal:suggestion", m[0]);
    }
    break;
  }
  if (signals.has("suggestion") && !actionable) {
    actionable = true;
    evidence.add("actionable", evidence.items.find((e) => e.label === "signal:suggestion")?.match ?? "");
  }
  if (!actionable) {
    const directive = firstMatch(prose, DIRECTIVE, "none");
    if (directive !== null) {
      actionable = true;
      evidence.add("actionable", directive[0]);
    }
  }
  if (!actionable && signals.has("question") && concerns.size > 0) {
    actionable = true;
    evidence.add("actionable", questions.question ?? "");
  }

  const tone = classifyTone(prose, evidence);
  if (tone !== "respectful" && signals.has("praise")) {
    signals.delete("praise");
  }

  if (concerns.size === 0 && signals.size === 0 && !actionable && tone === "respectful") {
    evidence.add("tone:respectful", "nothing matched");
  }
  return {
    concerns: orderConcerns(concerns),
    signals: orderSignals(signals),
    tone,
    actionable,
    evidence: evidence.items,
  };
}

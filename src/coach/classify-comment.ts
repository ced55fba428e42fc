// Classifies one review comment: what it addresses, how it is said, and whether it says what to do.
// Pure and deterministic: a pipeline of small named stages (./classify/stages) over the project's own
// lexicons (./classify/cues, one file per label). Every label comes with the words that led to it.

import {
  CONCERNS,
  SIGNALS,
  type CommentClassification,
  type CommentContext,
  type Signal,
} from "./types.js";
import { SYMBOL_PRAISE } from "./classify/cues/praise-cues.js";
import { SIGNAL_CUES } from "./classify/cues/signal-cues.js";
import { addSignal, createDraft, markActionable, matchCues, type Draft } from "./classify/evidence-log.js";
import { findApproval, isEmojiOnly } from "./classify/find-approval-only.js";
import { isMachineOutput } from "./classify/is-machine-output.js";
import { isReadableEnglish } from "./classify/is-readable-english.js";
import { parseConventionalPrefix, type ConventionalPrefix } from "./classify/parse-conventional-prefix.js";
import { readQuestions } from "./classify/read-questions.js";
import { applyContext } from "./classify/stages/apply-context.js";
import { applyConventional, isNitMarked } from "./classify/stages/apply-conventional.js";
import { classifyTone } from "./classify/stages/classify-tone.js";
import { findPraise, isSoftener } from "./classify/stages/find-praise.js";
import { readActionable } from "./classify/stages/read-actionable.js";
import { ONLY_CODE, readCodeReply } from "./classify/stages/read-code-reply.js";
import { readCodeForm } from "./classify/stages/read-code-form.js";
import { isApprovalOnly } from "./classify/stages/read-approval.js";
import { readConcerns } from "./classify/stages/read-concerns.js";
import { readDesignDiscussion } from "./classify/stages/read-design-discussion.js";
import { readShortReply } from "./classify/stages/read-short-reply.js";
import { stripReviewMarkdown } from "./classify/strip-review-markdown.js";

/** Beyond a few thousand characters a comment is a paste (logs, traces), not more review. */
const MAX_PROSE_CHARS = 3000;

/** Classifies one review comment (GitHub markdown) into concerns, signals, tone and actionability. */
export function classifyComment(text: string, context?: CommentContext): CommentClassification {
  return classifyReview(text, context, true);
}

/** Classifies what follows an approval, without reading approvals again. */
function classifyRest(rest: string): CommentClassification {
  return classifyReview(rest, undefined, false);
}

/** A comment that is only code: the concern its code shows, or nothing claimed. */
function onlyCode(shownCode: readonly string[], reason: string): CommentClassification {
  const reply = readCodeReply(shownCode);
  if (reply === null) return nothingClaimed(reason);
  return {
    concerns: [reply.concern],
    signals: [],
    tone: "respectful",
    actionable: false,
    evidence: [{ label: `concern:${reply.concern}`, match: reply.match }],
  };
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

function onlySuggestion(draft: Draft): CommentClassification {
  return { concerns: [], signals: ["suggestion"], tone: "respectful", actionable: true, evidence: draft.evidence.items };
}

/**
 * Stage 1, the gate: comments that carry no review prose (empty, only code, only emoji, machine output,
 * not readable English) or that are praise in symbols or an approval and nothing more end here; a comment that is
 * only code ends with the concern its code shows, if any.
 */
function readGate(
  trimmed: string,
  hasLink: boolean,
  hasSuggestion: boolean,
  shownCode: readonly string[],
  allowApproval: boolean,
  draft: Draft,
): CommentClassification | null {
  if (trimmed.length === 0 || /^(?:\s*CODE\s*)+$/.test(trimmed)) {
    if (hasSuggestion) return onlySuggestion(draft);
    return onlyCode(shownCode, hasLink ? "only a link" : trimmed.length > 0 ? "only code" : "no text");
  }
  if (SYMBOL_PRAISE.test(trimmed)) {
    return { concerns: [], signals: ["praise"], tone: "respectful", actionable: false, evidence: [{ label: "signal:praise", match: trimmed }] };
  }
  const approval = allowApproval && !hasSuggestion ? findApproval(trimmed) : null;
  if (approval !== null && isApprovalOnly(approval.remainder, approval.restWords, classifyRest)) {
    addSignal(draft, "approval-only", approval.phrase);
    const praise = findPraise(trimmed);
    if (praise !== null) addSignal(draft, "praise", praise.text);
    return { concerns: [], signals: orderSignals(draft.signals), tone: "respectful", actionable: false, evidence: draft.evidence.items };
  }
  if (isEmojiOnly(trimmed)) return nothingClaimed("only emoji without approval or praise");
  if (isMachineOutput(trimmed)) return nothingClaimed("machine output");
  const readability = isReadableEnglish(trimmed);
  if (!readability.readable) {
    if (hasSuggestion) return onlySuggestion(draft);
    return ONLY_CODE.test(trimmed) ? onlyCode(shownCode, readability.reason) : nothingClaimed(readability.reason);
  }
  return null;
}

/** Stage: questions, requests phrased as questions, and praise that is not a softener. */
function readSignals(prose: string, conventional: ConventionalPrefix | null, draft: Draft): string | null {
  matchCues(prose, SIGNAL_CUES, draft.signals, draft.evidence, "signal");
  const questions = readQuestions(prose, isNitMarked(conventional, prose, draft.signals));
  if (questions.question !== null) addSignal(draft, "question", questions.question);
  if (questions.request !== null) {
    addSignal(draft, "suggestion", questions.request);
    markActionable(draft, questions.request);
  }
  const praise = findPraise(prose);
  if (praise !== null && !isSoftener(prose, praise.index, questions.question !== null || questions.request !== null)) {
    addSignal(draft, "praise", praise.text);
  }
  return questions.question;
}

function orderSignals(found: ReadonlySet<Signal>): Signal[] {
  return SIGNALS.filter((s) => found.has(s));
}

function classifyReview(text: string, context: CommentContext | undefined, allowApproval: boolean): CommentClassification {
  const { prose: whole, suggestion, hasLink, codeWords, shownCode } = stripReviewMarkdown(text);
  const stripped = whole.length > MAX_PROSE_CHARS ? whole.slice(0, MAX_PROSE_CHARS) : whole;
  const draft = createDraft();
  if (suggestion !== null) {
    addSignal(draft, "suggestion", "```suggestion");
    markActionable(draft, "```suggestion");
  }
  const trimmed = stripped.trim();
  const ended = readGate(trimmed, hasLink, suggestion !== null, shownCode, allowApproval, draft);
  if (ended !== null) return ended;

  const conventional = parseConventionalPrefix(trimmed);
  const prose = conventional === null ? trimmed : conventional.rest;
  if (conventional !== null) applyConventional(conventional, draft);
  readConcerns(prose, codeWords, draft);
  applyContext(prose, trimmed, context, draft.concerns, draft.evidence);
  const question = readSignals(prose, conventional, draft);
  if (!draft.concerns.has("architecture")) readDesignDiscussion(prose, draft.concerns, draft.evidence);
  readShortReply(prose, hasLink, draft);
  readActionable(prose, question, draft);
  readCodeForm(prose, suggestion !== null, draft);

  const tone = classifyTone(prose, draft.evidence);
  if (tone !== "respectful") draft.signals.delete("praise");
  if (draft.concerns.size === 0 && draft.signals.size === 0 && !draft.actionable && tone === "respectful") {
    draft.evidence.add("tone:respectful", "nothing matched");
  }
  return {
    concerns: CONCERNS.filter((c) => draft.concerns.has(c)),
    signals: orderSignals(draft.signals),
    tone,
    actionable: draft.actionable,
    evidence: draft.evidence.items,
  };
}

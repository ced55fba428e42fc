// Whether a cue found in a comment is negated by the words just before it, within its sentence.

/** How a cue reacts to a negation before it. */
export type NegationMode =
  /** Any nearby negator cancels the cue ("not nice", "no good"). */
  | "plain"
  /**
   * Only a negator that dismisses the topic cancels it ("not a security issue", "no perf concern",
   * "doesn't need tests"); a negator that reports something missing keeps it ("no tests", "not thread-safe").
   */
  | "concern"
  /** Negation does not matter. */
  | "none";

const LOOK_BACK_CHARS = 64;
const WINDOW_WORDS = 5;
const PLAIN_WINDOW_WORDS = 3;
const LOOK_AHEAD_CHARS = 40;

const SENTENCE_BREAK = /[.!?;:\n](?=\s|$)|\n|\b(?:but|however|although|though|except|yet|whereas)\b/gi;
const NEGATOR =
  /\b(?:not|no|never|nothing|none|neither|nor|without|hardly|barely|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|wouldn't|shouldn't|can't|cannot|couldn't|needn't|haven't|hasn't|nobody)\b|n't\b/i;
/** Hedges that contain a negator but do not negate what follows ("not sure this handles null"). */
const HEDGE = /\b(?:not\s+sure|not\s+certain|no\s+doubt|not\s+only|not\s+just|no\s+idea|not\s+clear|never\s+mind|not\s+quite)\b/gi;
/** Negative questions ask about the topic rather than deny it ("Shouldn't we check for null?"). */
const NEGATIVE_QUESTION_START =
  /^\s*(?:\W+\s*)?(?:isn't|aren't|doesn't|don't|didn't|shouldn't|wouldn't|won't|can't|couldn't|hasn't|haven't|wasn't)\b/i;
/** Words that make a negation a dismissal of the topic. */
const DISMISSAL =
  /\b(?:issues?|concerns?|concerned|problems?|problematic|risks?|risky|worr(?:y|ied|ies)|impact|implications?|matters?|relevant|needed|necessary|needs?|required|requires?|care|sensitive|critical|bottleneck|important|applicable|an?\s+(?:big\s+)?(?:deal|thing)|worth)\b/i;
const SENTENCE_END = /[.!?;\n]/;

function lastWords(text: string, count: number): string {
  const words = text.trim().split(/\s+/);
  return words.slice(Math.max(0, words.length - count)).join(" ");
}

/** The part of `text` before `index` that belongs to the same clause, at most LOOK_BACK_CHARS long. */
function clauseBefore(text: string, index: number): string {
  const start = Math.max(0, index - LOOK_BACK_CHARS);
  let clause = text.slice(start, index);
  SENTENCE_BREAK.lastIndex = 0;
  let cut = -1;
  for (let m = SENTENCE_BREAK.exec(clause); m !== null; m = SENTENCE_BREAK.exec(clause)) {
    cut = m.index + m[0].length;
  }
  if (cut >= 0) clause = clause.slice(cut);
  return clause;
}

function clauseAfter(text: string, index: number): string {
  const after = text.slice(index, index + LOOK_AHEAD_CHARS);
  const end = after.search(SENTENCE_END);
  return end >= 0 ? after.slice(0, end) : after;
}

/** Whether the cue at `[index, index + length)` of `text` is negated under `mode`. */
export function isNegated(text: string, index: number, length: number, mode: NegationMode): boolean {
  if (mode === "none") return false;
  const clause = clauseBefore(text, index);
  if (clause.length === 0) return false;
  const window = lastWords(clause.replace(HEDGE, " "), mode === "plain" ? PLAIN_WINDOW_WORDS : WINDOW_WORDS);
  if (!NEGATOR.test(window)) return false;
  if (NEGATIVE_QUESTION_START.test(clause)) return false;
  if (mode === "plain") return true;
  const following = clauseAfter(text, index + length);
  return DISMISSAL.test(window) || DISMISSAL.test(following);
}

// Tells information-seeking questions apart from requests and proposals phrased as questions.
//
// A sentence asks when it ends in a question mark, or when it is an indirect question ("I wonder
// whether ...", "any reason this is ..."). What it asks for decides how it counts:
//   - a polite request ("Can you rename this?", "Mind adding a test?") asks for a change: a suggestion;
//   - a proposal ("How about a map here?", "Maybe a constant?") offers an alternative: a suggestion;
//   - a bare fragment ("`count`?", "newer?") proposes replacement wording: a suggestion;
//   - an open proposal ("Why not reuse the helper?", "Should we retry here?", "Could we cache it?") both asks
//     and proposes;
//   - anything else under a nit marker ("nit: newline here?") is a low-severity request;
//   - everything else asks: a question.

import { mayMatch } from "./word-index.js";

/** One sentence (or the tail of the text); code spans are already replaced by `CODE`. */
const SENTENCE = /[^.!?\n]+[.!?]*/g;
/** A question mark closing a clause (not inside a URL or code). */
const QUESTION_MARK = /\?+(?=\s|$|[)"'*_])/;

/** Openings that make a question: wh-words and auxiliary inversion ("is this", "does it", "can we"). */
const WH_OPENING = /^(?:\W*(?:and|but|so|also|then|ok|okay|hmm+|hm|ah|oh|well|sorry|also,)[\s,]+)*(?:why|how|what|where|when|which|who|whom|whose|whats|hows|wheres|whys)\b/i;
const AUX_OPENING =
  /^(?:\W*(?:and|but|so|also|then|ok|okay|hmm+|hm|ah|oh|well|sorry)[\s,]+)*(?:is|are|was|were|does|do|did|can|could|should|would|will|has|have|had|shall|may|might|must|isn't|aren't|wasn't|doesn't|don't|didn't|shouldn't|wouldn't|won't|can't|couldn't|hasn't|haven't)\s+(?:we|you|i|it|this|that|these|those|there|they|he|she|the|any|all|each|every|someone|anyone|anything|something|nothing|CODE|[a-z_]+\(\))\b/i;

/** Asking without a question mark: wondering, asking for a reason, checking an understanding. */
const INDIRECT_QUESTION =
  /\b(?:i(?:'m| am| was)? wonder(?:ing)?|wondering (?:if|whether|why|what|how)|(?:i'm |i am )?curious (?:why|what|how|if|whether|about)|correct me if|any (?:particular |specific |good )?reason (?:why|to|for|not|we|you|this|that|it)|is there (?:a|any) (?:reason|need|benefit|advantage)|how come|am i (?:missing|reading|misreading|misunderstanding|wrong|right)|what(?:'s| is) the (?:reason|purpose|point|intent|intention|motivation|rationale|use ?case)|(?:can|could) (?:someone|you) (?:explain|clarify|elaborate)|i (?:don't|do not|didn't|can't|cannot) (?:understand|get|see) (?:why|how|what|the)|(?:help me |trying to )understand|(?:quick|general|dumb|silly|side|honest|genuine) question|just (?:to )?(?:confirm|clarify|double[- ]check)(?:ing)?|do (?:you|we) know (?:if|whether|why|what|how))\b/i;

/** Conventional requests: asking the author to do something. */
const POLITE_REQUEST =
  /(?:^|\b(?:so|also|then|and|but|hmm|ok|okay)[\s,]+)(?:(?:can|could|would|will) you(?: please| pls| maybe| also| just)* (?!explain|clarify|tell|elaborate|share|confirm|check (?:whether|if)|remind|point|help me|say|describe|think)\w+|(?:would|do) you mind|mind (?:\w+ing)|please\b)|\bplease\b/i;

/** Proposals phrased as questions: an alternative on offer rather than something asked. */
const PROPOSAL =
  /^(?:\W*(?:and|but|so|also|then|ok|okay|hmm+|hm|ah|oh|well)[\s,]+)*(?:how about|what about|maybe|perhaps|probably|instead|rather|or (?:just|maybe|perhaps)|(?:would|wouldn't|might) it be (?:better|cleaner|simpler|easier|nicer|good|safer|clearer)|is it worth|worth (?:adding|using|checking|making|having))\b|\b(?:instead|rather than|something like|e\.g\.)\b|^(?:\W*\w+[\s,]+){0,2}(?:can|can't|could|couldn't|would|wouldn't) (?:we|you|it|this|i) (?:just|simply|also|instead)\b|^(?:\W*\w+[\s,]+){0,2}(?:could|couldn't) we\b/i;

/** Open proposals: they ask the author's view on an alternative ("Why not reuse ...?", "Should we ...?"). */
const OPEN_PROPOSAL =
  /^(?:\W*(?:and|but|so|also|then|ok|okay|hmm+|hm|ah|oh|well)[\s,]+)*(?:why not|why (?:don't|dont|do not|wouldn't|not just) (?:we|you|i)|(?:should|shouldn't|can|shall) (?:we|this|it|these|that|i)|do (?:we|you) (?:really |even |still )?(?:need|want))\b/i;

/** "Could we …?", "Should we …?": a proposal put to the author's judgement, so it asks as well. */
const ASKS_THE_TEAM = /^(?:\W*\w+[\s,]+){0,2}(?:can|could|would|should) we\b/i;

/** A short question that asks for a check or for the reader's input ("Right?", "Thoughts?", "Any suggestions?"). */
const ASKS_FOR_INPUT = /^(?:right|really|correct|why|ok|okay|sure|huh|thoughts|ideas|suggestions|opinions|objections|any (?:thoughts|ideas|suggestions|opinions|objections|concerns))\b/i;

/** A few words and a question mark, with no question word: replacement wording on offer. */
const FRAGMENT_MAX_WORDS = 3;

export interface QuestionReading {
  /** The first information-seeking question, or null. */
  question: string | null;
  /** The first request or proposal phrased as a question, or null. */
  request: string | null;
}

/** Reads the questions of `prose`. `nitMarked`: the comment is marked low severity ("nit:"). */
export function readQuestions(prose: string, nitMarked: boolean): QuestionReading {
  let question: string | null = null;
  let request: string | null = null;
  // A sentence's words are words of the whole text: without the words of an indirect question, none has one.
  const mayAskIndirectly = mayMatch(prose, INDIRECT_QUESTION);
  if (!mayAskIndirectly && !prose.includes("?")) return { question, request };
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(prose); m !== null; m = SENTENCE.exec(prose)) {
    const sentence = m[0].trim();
    if (sentence.length === 0) continue;
    const marked = QUESTION_MARK.test(sentence);
    const indirect = mayAskIndirectly ? INDIRECT_QUESTION.exec(sentence) : null;
    if (!marked && indirect === null) continue;
    const bare = sentence.replace(/[?!.\s]+$/, "");
    const wh = WH_OPENING.test(bare);
    const inverted = AUX_OPENING.test(bare);
    const words = bare.length === 0 ? 0 : bare.split(/\s+/).length;
    let asks = true;
    let proposes = false;
    if (indirect === null && !wh && !inverted && words <= FRAGMENT_MAX_WORDS && !ASKS_FOR_INPUT.test(bare)) {
      asks = false;
      proposes = true;
    } else if (POLITE_REQUEST.test(bare) && indirect === null) {
      asks = false;
      proposes = true;
    } else if (OPEN_PROPOSAL.test(bare)) {
      proposes = true;
    } else if (PROPOSAL.test(bare) && indirect === null && !/^(?:why|how come)\b/i.test(bare)) {
      asks = false;
      proposes = true;
    }
    if (marked && ASKS_THE_TEAM.test(bare)) asks = true;
    if (nitMarked) asks = false;
    if (asks) question ??= indirect !== null && !marked ? indirect[0] : sentence;
    if (proposes || (nitMarked && !asks)) request ??= sentence;
    if (question !== null && request !== null) break;
  }
  return { question, request };
}

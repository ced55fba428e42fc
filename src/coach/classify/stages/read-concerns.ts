// Stage: what the comment addresses, from the cue files (one per label), case-sensitive names, and the
// weighted defect score for edge cases phrased as scenarios or in domain terms.

import { ARCHITECTURE } from "../cues/architecture-cues.js";
import { CONCERN_CUES } from "../cues/concern-cues.js";
import { DOCS_CITED, QUOTED_PHRASE, WORDING_FRAME } from "../cues/documentation-cues.js";
import { DEFECT_CLAIM, EDGE_CASES_WEAK, EXCEPTION_CLASS, LOGGED_ERROR } from "../cues/edge-cases-cues.js";
import { WORK_PACE } from "../cues/performance-cues.js";
import { TESTING_IN_CODE } from "../cues/testing-cues.js";
import { addConcern, dropConcern, firstMatch, matchCues, type Draft } from "../evidence-log.js";
import { readSecurity } from "./read-security.js";
import { splitCount } from "../split-count.js";
import { replaceIfWords } from "../word-index.js";
import { DEFECT_THRESHOLD, asksForDocumentation, maskNonClaims, scoreDefect } from "../score-defect.js";

/** Value names whose case matters ("None" the value, not "none of these"). */
const CASED_EDGE_VALUES =
  /\b(?:(?:is|be|returns?|if|not|get|gets|are|==|=|handle|handles|handling|check for|checking for|against)\s+None|None\s+(?:value|values|case|check)|NULL|Null|NaN|nullptr|EOF|ENOENT|EINTR|EAGAIN)\b/g;
/** Test words whose case matters, and assertion helpers named in prose (`self.assertIsInstance`, `assert_called_once`). */
const CASED_TESTING = /\b(?:CI|QA|TDD|UTs?|assert(?:[A-Z]|_[a-z])\w*)\b/g;

/** An alternative given as a code span: "instead of CODE", "CODE instead of ...", "rather than CODE". */
const CODE_ALTERNATIVE =
  /\b(?:instead of|rather than|in favou?r of)\s+CODE\b|\bCODE\s+(?:instead of|rather than)\b/g;

/**
 * In a comment this short a failure word ("timeout?", "what if it's empty") is the point of the comment, so one
 * cue is enough; in a longer one it is often incidental and needs a second.
 */
const SHORT_COMMENT_WORDS = 25;

/** Asking or warning about the code rather than pointing somewhere ("timeout?", "this might be empty"). */
const ASKS_OR_WARNS = /\?|\b(?:should|shouldn't|need|needs|might|may|could|would|will|won't|can|can't|what if|make sure|ensure)\b/i;

function defectThreshold(prose: string, draft: Draft): number {
  // A formatting remark's failure words are about the layout ("the empty line can go").
  if (draft.concerns.has("style") || prose.length > SHORT_COMMENT_WORDS * 40 || splitCount(prose, SHORT_COMMENT_WORDS + 1) > SHORT_COMMENT_WORDS) return DEFECT_THRESHOLD;
  return ASKS_OR_WARNS.test(prose) && !asksForDocumentation(prose) ? DEFECT_THRESHOLD / 2 : DEFECT_THRESHOLD;
}

const ALTERNATIVE_CONNECTOR = /\b(?:instead of|rather than|in favou?r of)\b/gi;
const TOPICAL = ["testing", "performance"] as const;

/**
 * "Stub the client instead of starting a server", "a shift instead of a multiplication, faster": an alternative
 * within another concern's topic.
 */
function isOnlyAnAlternative(cueText: string, concerns: ReadonlySet<string>): boolean {
  if (!TOPICAL.some((c) => concerns.has(c))) return false;
  ALTERNATIVE_CONNECTOR.lastIndex = 0;
  if (!ALTERNATIVE_CONNECTOR.test(cueText)) return false;
  const rest = cueText.replace(ALTERNATIVE_CONNECTOR, blank);
  return ARCHITECTURE.every(({ re, negation }) => firstMatch(rest, re, negation) === null);
}

function blank(match: string): string {
  return " ".repeat(match.length);
}

/** Concern cues on the claims of `prose` (words that claim no defect are masked first). */
export function readConcerns(prose: string, codeWords: string, draft: Draft): void {
  const { concerns, evidence } = draft;
  // "Correct me if I'm wrong", "nothing wrong with it": a defect word that claims no defect.
  const claims = maskNonClaims(prose);
  // A one-line alternative in code ("`a || b` instead of the ternary") is a clearer construct, not a design; the
  // pace of the team's work ("merge this faster") is not the program's speed; documentation cited as a source ("as
  // per the docs it can return null") is not a remark on the docs.
  const cueText = replaceIfWords(replaceIfWords(claims.replace(CODE_ALTERNATIVE, blank), WORK_PACE, blank), DOCS_CITED, blank);
  matchCues(cueText, CONCERN_CUES, concerns, evidence, "concern");
  if (concerns.has("architecture") && isOnlyAnAlternative(cueText, concerns)) dropConcern(draft, "architecture");
  readSecurity(claims, codeWords, draft);
  // Test names and helpers named only in code: `assertIsInstance`, `create-store.test.js`.
  if (!concerns.has("testing")) matchCues(codeWords, TESTING_IN_CODE, concerns, evidence, "concern");
  for (const [re, concern] of [
    [EXCEPTION_CLASS, "edge-cases"],
    [CASED_EDGE_VALUES, "edge-cases"],
    [CASED_TESTING, "testing"],
  ] as const) {
    if (concerns.has(concern)) continue;
    const m = firstMatch(claims, re, "concern");
    if (m !== null) addConcern(draft, concern, m[0]);
  }
  if (!concerns.has("documentation") && (draft.signals.has("nit") || WORDING_FRAME.test(claims))) {
    const quoted = firstMatch(claims, QUOTED_PHRASE, "concern");
    if (quoted !== null) addConcern(draft, "documentation", quoted[0]);
  }
  if (!concerns.has("edge-cases")) {
    const logged = firstMatch(claims, LOGGED_ERROR, "none") ?? firstMatch(codeWords, LOGGED_ERROR, "none");
    if (logged !== null) addConcern(draft, "edge-cases", logged[0]);
  }
  if (!concerns.has("edge-cases")) {
    const weak = firstMatch(claims, EDGE_CASES_WEAK, "concern");
    if (weak !== null && DEFECT_CLAIM.test(claims)) addConcern(draft, "edge-cases", weak[0]);
  }
  if (!concerns.has("edge-cases")) {
    const defect = scoreDefect(prose);
    if (defect.score > 0 && defect.score >= defectThreshold(prose, draft) && defect.match !== null) addConcern(draft, "edge-cases", defect.match);
  } else if (asksForDocumentation(prose) && scoreDefect(prose).score < DEFECT_THRESHOLD) {
    // "Mention in the docstring that this can return null": the failure mode is what to write down.
    dropConcern(draft, "edge-cases");
  }
}

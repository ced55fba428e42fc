// Whether a comment points at a defect in behaviour (DESIGN.md's `edge-cases`: boundaries, null/empty, error
// handling, concurrency, time, logic defects), scored from weighted cues rather than any single word.
//
// Reviewers point at defects in a handful of recurring shapes: they say what the code will do wrongly ("this
// will always return false", "this is never closed"), what it should do instead ("should be X, not Y"),
// what is missing ("you forgot to pass the timeout", "no check for an empty list"), what a case does ("what
// happens if the file is gone?"), or that an API or dependency is used wrongly ("not supported before 3.8",
// "this shadows the built-in"). A failure word on its own ("retry", "empty", "raises") is only a topic: it
// counts for the comment only alongside another cue. A comment that asks for documentation of a failure mode
// ("mention in the docstring that this raises") is about documentation, and counts against.

import { execIfWords, testIfWords } from "./word-index.js";

export interface DefectScore {
  score: number;
  /** The strongest cue found, for evidence; null when none. */
  match: string | null;
}

interface WeightedCue {
  re: RegExp;
  weight: number;
  /** Stems (see ANCHOR) of which the text must contain one for `re` to be tried: a cheap pre-check. */
  gate?: readonly string[];
}

/** How much of a comment is read for defect cues. */
const MAX_SCORED_CHARS = 320;

/** A claim strong enough on its own. */
export const DEFECT_THRESHOLD = 2;

const WORDS_0_3 = String.raw`(?:[\w'.()]+,?\s+){0,3}`;

export const POSITIVE: readonly WeightedCue[] = [
  // What the code will do wrongly, stated or predicted.
  {
    re: /\b(?:will|would|could|might|may|can|is going to|are going to)\s+(?:\w+\s+)?(?:always|never)\s+(?:be|return|pass|match|run|fire|happen|succeed|fail|get|hit|reach|evaluate|terminate|finish|exit|trigger|raise|throw)\b/i,
    weight: 2, gate: ["always", "never"],
  },
  {
    re: /\b(?:is|are|was|were|gets?|got)\s+never\s+(?:called|used|set|read|reached|closed|released|freed|initiali[sz]ed|updated|reset|cleared|assigned|awaited|checked|executed|invoked|populated|cleaned)\b/i,
    weight: 2, gate: ["never"],
  },
  { re: /\b(?:always|never)\s+(?:evaluates?|returns?|resolves?)\s+(?:to\s+)?(?:true|false|none|null|nil|zero|0|empty)\b/i, weight: 2, gate: ["always", "never"], },
  // "should be X, not Y", "returns X instead of Y".
  {
    re: new RegExp(String.raw`\b(?:should|must|needs? to|ought to)\s+(?:\w+\s+)?(?:be|return|pass|compare|check|point to)\s+${WORDS_0_3}(?:not|instead of|rather than)\b`, "i"),
    weight: 2, gate: ["not", "instead", "rather"],
  },
  { re: new RegExp(String.raw`\b(?:returns?|gives?|yields?|produces?|sends?|passes|compares?)\s+${WORDS_0_3}(?:instead of|rather than)\b`, "i"), weight: 2, gate: ["instead", "rather"], },
  // Something left out or lost.
  {
    re: /\b(?:forg[oe]t(?:ten)?|forgets|omitt(?:ed|ing)|neglect(?:s|ed)?)\s+(?:to\s+|about\s+|the\s+|a\s+|an\s+)|\b(?:you|we)\s+(?:have\s+|also\s+)?missed\s+(?:this|one|a|an|the)\b/i,
    weight: 2, gate: ["forg", "omit", "neglect", "missed"],
  },
  { re: /\b(?:we|you|it|this|that)\s+(?:have\s+|has\s+)?(?:lost|lose|drops?|dropped|loses|swallows?|swallowed|ignores?|ignored)\s+(?:the|a|an|this|that|its|any|all|every|some)\b/i, weight: 2, gate: ["lost", "lose", "drop", "swallow", "ignor"], },
  {
    re: /\bmissing\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:argument|arg|parameter|param|kwarg|return|break|call|check|guard|lock|await|yield|condition|case|branch|clause|default|initiali[sz]ation|cleanup|close|commit|rollback|validation|null check|none check)s?\b/i,
    weight: 2, gate: ["missing"],
  },
  {
    re: /\b(?:no|without\s+(?:a|an|any)?|doesn'?t have (?:a|an|the|any)|don'?t have (?:a|an|the|any)|there's no|there is no)\s+(?:[\w'"]+\s+){0,3}(?:check|guard|validation|null check|none check|bounds check|lock|error handling|assert(?:ion)?s?)\b/i,
    weight: 2, gate: ["check", "guard", "validat", "lock", "error", "assert"],
  },
  // Handling: what is not handled, or must be.
  { re: /\b(?:doesn't|does not|don't|do not|won't|will not|can't|cannot|isn't|aren't|never)\s+(?:\w+\s+)?handl(?:e|es|ed|ing)\b/i, weight: 2, gate: ["handl"], },
  {
    re: /\b(?:should|must|needs? to|have to|has to|ought to)\s+(?:(?:also|first|probably|still|really|just)\s+)*(?:check|validate|verify|guard|handle|catch|sanitize|sanitise|reject|retry|release|close|free|lock|clean\s+up|roll\s+back|break|continue(?!\s+to\b)|bail\s+out|short-circuit|return\s+early|be\s+(?:checking|validating|verifying|guarding|handling|catching|rejecting|locking|releasing|closing)|(?:have\s+)?(?:already\s+(?:have\s+)?(?:been\s+|be\s+)?|be\s+|been\s+)(?:already\s+)?(?:set|called(?=\s+(?:with|before|after|once|first|here|again))|initiali[sz]ed|populated|loaded|created|registered|reset|cleared)\b(?!\s+to\b))\b/i,
    weight: 2, gate: ["should", "must", "need", "have", "has", "ought"],
  },
  { re: /\b(?:needs?|requires?|wants?)\s+(?:a|an|some)\s+(?:\w+\s+)?(?:check|guard|lock|mutex|null check|none check|bounds check|validation|try\/except|try\/catch|timeout)\b/i, weight: 2, gate: ["need", "requir", "want"], },
  { re: /\b(?:to|be)\s+(?:checked|validated|guarded|handled|caught|closed|released|freed|locked)\s+(?:for|against|before|here|first|too|as well)\b/i, weight: 2, gate: ["check", "validat", "guard", "handl", "caught", "closed", "releas", "freed", "lock"], },
  // Cases and values.
  { re: /\bwhat\s+(?:happens|would happen|will happen)\b/i, weight: 2, gate: ["what"], },
  {
    re: /\b(?:if|when|unless|in case|where)\s+(?:\w+\s+){0,4}(?:is|are|was|were|returns?|becomes?|comes back)\s+(?:none|null|nil|undefined|empty|missing|unset|not set|zero|negative|nan|0|an empty)\b/i,
    weight: 2, gate: ["none", "null", "nil", "undefined", "empty", "missing", "unset", "not", "zero", "negative", "nan", "0"],
  },
  {
    re: /\b(?:can|could|may|might|will|would)\s+(?:also\s+|still\s+|even\s+|potentially\s+)?(?:be|return|contain|come back)\s+(?:none|null|nil|undefined|empty|missing|negative|zero|nan|an empty)\b/i,
    weight: 2, gate: ["none", "null", "nil", "undefined", "empty", "missing", "negative", "zero", "nan"],
  },
  { re: /\b(?:can'?t|cannot|can not|shouldn'?t|should not|don'?t|do not)\s+(?:\w+\s+){0,3}(?:safely\s+)?assume\b/i, weight: 2, gate: ["assum"], },
  // A case that is not covered: "if the key isn't there", "this won't work when", "not returned unless".
  {
    re: /\bif\s+(?:[\w'".()[\]]+\s+){0,5}(?:isn'?t|is not|aren'?t|are not|wasn'?t|doesn'?t|does not|don'?t)\s+(?:in there|there|present|found|available|exist|defined|set|provided|given|passed|loaded|supported|installed|running|reachable)\b|\b(?:won'?t|will not|wouldn'?t|would not|isn'?t going to|is not going to)\s+(?:\w+\s+)?(?:work|cover|account for|catch)\b/i,
    weight: 2, gate: ["n't", "not"],
  },
  { re: /\b(?:won'?t|will not|doesn'?t|does not|don'?t|do not|isn'?t|is not|can'?t|cannot)\s+(?:\w+\s+){0,3}unless\b/i, weight: 2, gate: ["unless"], },
  // Something lost: "we lost the flag", "we might be losing detail", "this could result in data loss".
  { re: /\b(?:we|you|it|this|that)\s+(?:(?:have|has|just|now|are|is|might be|may be|would be|will be)\s+)*(?:lost|losing)\b/i, weight: 2, gate: ["lost", "losing"], },
  { re: /\b(?:data|information|state|message|event|update|write)s?\s+loss\b|\bloss\s+of\s+(?:the\s+)?(?:data|information|state|messages?|events?|updates?|writes?)\b/i, weight: 2, gate: ["loss"], },
  { re: /\b(?:could|can|would|might|may|will)\s+(?:\w+\s+)?(?:result|lead)\s+(?:in|to)\b/i, weight: 1, gate: ["result", "lead"], },
  // Checking is the safer course: "it is better to validate that", "it would be prudent to guard this".
  {
    re: /\b(?:better|safer|safe|prudent|wise)\s+to\s+(?:also\s+|first\s+)?(?:check|validate|verify|guard|handle|catch|assert|default|have\s+(?:a|an|some)\s+(?:\w+\s+)?(?:check|guard|condition|fallback))\b/i,
    weight: 2, gate: ["better", "safe", "prudent", "wise"],
  },
  // A missing check in a test: "also assert that it is false", "add a case for a missing key".
  {
    re: /(?:^|[.!?:;]\s*|\b(?:also|should|need to|needs to|could|please|would|then)\s+)assert(?:ion)?s?\s+(?:that|it|this|the|they|its?|whether|on)\b|\badd\s+(?:an?\s+|some\s+|more\s+|the\s+)?assert(?:ion)?s?\b/i,
    weight: 2, gate: ["assert"],
  },
  { re: /\b(?:add|need|needs|have|want)\s+(?:a\s+|an\s+|another\s+|one more\s+|some\s+)?(?:test\s+)?cases?\s+(?:for|where|when|with)\b/i, weight: 2, gate: ["case"], },
  // Interfaces: arguments, return values, order of calls.
  {
    re: /\b(?:need|needs|have|has|must|should|forgot|want)\s+to\s+(?:also\s+)?pass\s+(?:in\s+|through\s+|along\s+|down\s+)?(?:the|a|an|this|that|it|these|them|\w+)\b/i,
    weight: 2, gate: ["pass"],
  },
  {
    re: /\b(?:should|must|needs? to|has to|have to)\s+(?:be\s+)?(?:called|done|set|run|initiali[sz]ed|created|loaded|registered|acquired|released|closed|awaited)\s+(?:before|after|first|earlier|later|once|only once|outside|inside)\b/i,
    weight: 2, gate: ["should", "must", "need", "has", "have"],
  },
  {
    re: /\bwrong\s+(?:order|argument|arguments|parameter|parameters|type|value|variable|key|index|import|place|direction|sign|unit|units|method|function|class|exception|object|field|column|table|path|status|result|default)\b/i,
    weight: 2, gate: ["wrong"],
  },
  { re: /\bshadow(?:s|ed|ing)?\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?(?:built-?in|builtin|variable|name|function|module|import|argument|parameter|outer|global)\b/i, weight: 2, gate: ["shadow"], },
  { re: /\b(?:erroneous(?:ly)?|mistakenly|by mistake|unintentional(?:ly)?|inadvertent(?:ly)?)\b/i, weight: 2, gate: ["erroneous", "mistak", "unintention", "inadvertent"], },
  { re: /\bbreak(?:s|ing)?\s+(?:the\s+|any\s+|all\s+|existing\s+|other\s+)?(?:\w+\s+)?(?:callers?|clients?|users?|backends?|builds?|upgrades?|deployments?|compatibility|contract|api|existing|behaviou?r)\b/i, weight: 2, gate: ["break"], },
  // Behaviour and compatibility.
  {
    re: /\b(?:preserv(?:e|es|ing)|keep(?:s|ing)?|maintain(?:s|ing)?|chang(?:e|es|ing)|alter(?:s|ing)?)\s+(?:the\s+)?(?:old|existing|current|previous|original|default|legacy)\s+behaviou?r\b|\b(?:change|changes)\s+(?:in|of)\s+behaviou?r\b/i,
    weight: 2, gate: ["behavio"],
  },
  // Dependencies and versions.
  {
    re: /\b(?:not|isn't|aren't|wasn't|no longer)\s+(?:\w+\s+)?(?:supported|available|present|defined|implemented)\s+(?:in|on|with|by|before|until|prior to|under)\b/i,
    weight: 2, gate: ["support", "availab", "present", "defined", "implement"],
  },
  { re: /\b(?:introduced|added|removed|deprecated|dropped|available|supported)\s+(?:in|since|from|as of|until|after)\s+(?:[\w.-]+\s+)?v?\d+(?:\.\d+)+\b/i, weight: 2, gate: ["introduc", "added", "remov", "deprecat", "drop", "availab", "support"], },
  { re: /\b(?:minimum|min|required|requires?\s+(?:at\s+least|a\s+newer|an\s+older))\s+(?:\w+\s+)?versions?\b|\bversion\s+(?:requirement|constraint|bump|pin|mismatch)s?\b/i, weight: 1, gate: ["version"], },
  { re: /\bdeprecated\b/i, weight: 1, gate: ["deprecat"], },
  // Tests of failure cases are about edge cases.
  {
    re: /\b(?:negative|failure|failing|error|invalid|unsupported|non-\w+|not[- ]found|missing|empty|none|null|boundary|corner|edge)\s+(?:test|tests|test cases?|cases?|scenarios?|paths?|assertions?|inputs?)\b/i,
    weight: 2, gate: ["negative", "fail", "error", "invalid", "unsupport", "non-", "not", "missing", "empty", "none", "null", "boundar", "corner", "edge"],
  },
  { re: /\btest(?:s|ing)?\s+(?:the\s+|for\s+|that\s+)?(?:negative|failure|error|invalid|unsupported|non-\w+|not[- ]found|missing|empty|none|null)\b/i, weight: 2, gate: ["test"], },
  // Topics: a failure, a value or a state named; count only with another cue.
  {
    re: /\b(?:none|null|nil|empty|zero|negative|default(?:s)? to|set a default|unset|not set|uninitiali[sz]ed|initiali[sz]ed?|lock(?:s|ed|ing)?|concurren\w*|atomic\w*|stale|inconsisten\w*|fails?|failed|failing|failures?|errors?|exceptions?|raises?|raised|throws?|thrown|catch(?:es|ing)?|caught|timeouts?|retr(?:y|ies|ied)|crash\w*|blow(?:s)? up|bugs?|wrong|incorrect|broken|invalid|valid(?:ate|ation)|assumes?|assumption)\b/i,
    weight: 1,
    gate: ["none", "null", "nil", "empty", "zero", "negative", "unset", "not", "fail", "error", "caught", "wrong", "invalid", "validat", "assum", "default", "lock", "concurren", "atomic", "stale", "inconsisten", "exception", "rais", "throw", "catch", "timeout", "retr", "crash", "blow", "bug", "incorrect", "broken", "uninit", "initiali"],
  },
  { re: /\b(?:this|it|that)\s+(?:will|would|is going to)\s+(?:return|give|produce|yield|set|overwrite|replace|skip|ignore|reset|loop|run)\b/i, weight: 1, gate: ["will", "would", "going"], },
  { re: /\b(?:actually|really)\s+(?:want|mean)s?\b|\bdid you mean\b/i, weight: 1, gate: ["actually", "really", "mean"], },
  { re: /\b(?:no longer|not|never|doesn't|don't)\s+(?:\w+\s+)?(?:raises?|returns?|called|reached|set|initiali[sz]ed)\b|\b(?:any ?more)\b/i, weight: 1, gate: ["not", "never", "n't", "any"], },
];

/** Every gate stem, found in one pass over the lower-cased text. */
const ANCHOR = /\b(?:inadvertent|unless|used|missed|prudent|better|loss|safe|wise|unused|losing|result|assert|lead|case|inconsisten|unintention|concurren|erroneous|exception|implement|incorrect|undefined|unsupport|actually|deprecat|initiali|introduc|negative|availab|behavio|boundar|default|defined|instead|invalid|missing|neglect|present|support|swallow|timeout|validat|version|always|atomic|broken|caught|closed|corner|mistak|rather|really|releas|requir|shadow|should|uninit|added|assum|break|catch|check|crash|empty|error|freed|going|guard|handl|ignor|never|non-|ought|remov|stale|throw|unset|would|wrong|blow|drop|edge|fail|forg|have|lock|lose|lost|mean|must|need|none|null|omit|pass|rais|retr|test|want|what|will|zero|any|bug|has|nan|nil|not|0)|n't/g;

/** Per gate stem: the cues (indexes into POSITIVE) whose gate it opens. */
const OPENED_BY = new Map<string, number[]>();
POSITIVE.forEach(({ gate }, i) => {
  for (const stem of gate ?? []) OPENED_BY.set(stem, [...(OPENED_BY.get(stem) ?? []), i]);
});

/** Asking for documentation of a behaviour: the defect words describe what to write. */
const DOC_REQUEST =
  /\b(?:add|update|fix|write|put|improve|extend|expand|clarify|reword|mention|note|document|explain|describe)\w*\s+(?:\w+\s+){0,4}(?:comments?|docstrings?|doc ?strings?|docs|documentation|notes?|blurb|release ?notes?|help(?: text)?|log (?:message|line)|commit message|description)\b|\b(?:comments?|docstrings?|doc ?strings?|docs|documentation|release ?notes?|help text|commit message)\s+(?:\w+\s+){0,3}(?:should|could|would|might|needs?|is|seems|says?|reads?|mentions?)\b|(?<!\b(?:as|i|we|you|i've|we've|you've|already|have|has)\s)\bmention\w*\b/i;
/** Phrases that contain a defect word without claiming a defect. */
const NOT_A_CLAIM =
  /\b(?:correct me if (?:i'm|i am|im) wrong|(?:unless|if) (?:i'm|i am|im) (?:wrong|mistaken)|nothing (?:is )?wrong|(?:isn't|is not|not) (?:anything )?wrong|could be wrong|might be wrong|may be wrong|what's wrong with|i was wrong|(?:formatting|indentation|indent|wording|spelling|grammar|alignment|spacing|capitali[sz]ation|punctuation|line wrapping)\s+(?:is|are|looks|seems|gets|will be)\s+(?:\w+\s+)?wrong)\b/gi;

/** Scores how firmly `prose` (markdown stripped) points at a defect in behaviour. */
export function scoreDefect(prose: string): DefectScore {
  // A defect is pointed at early; the rest of a long comment is context, quotes or traces.
  const head = prose.length > MAX_SCORED_CHARS ? prose.slice(0, MAX_SCORED_CHARS) : prose;
  const text = maskNonClaims(head);
  let score = 0;
  let best: { weight: number; text: string } | null = null;
  const found = text.toLowerCase().match(ANCHOR);
  if (found === null) return { score: 0, match: null };
  const open = new Uint8Array(POSITIVE.length);
  for (const stem of found) for (const i of OPENED_BY.get(stem) ?? []) open[i] = 1;
  // Read cues until the score reaches the threshold; only then does a documentation request matter, and with
  // one the score has to clear the threshold twice.
  let documents: boolean | null = null;
  let enough = DEFECT_THRESHOLD;
  for (let i = 0; i < POSITIVE.length; i += 1) {
    const { re, weight, gate } = POSITIVE[i]!;
    if (gate !== undefined && open[i] === 0) continue;
    const m = execIfWords(re, text);
    if (m === null) continue;
    score += weight;
    if (best === null || weight > best.weight) best = { weight, text: m[0] };
    if (score < enough) continue;
    if (documents === null) {
      documents = testIfWords(DOC_REQUEST, text);
      if (documents) enough = 2 * DEFECT_THRESHOLD;
    }
    if (score >= enough) break;
  }
  if (documents === true) score -= DEFECT_THRESHOLD;
  return { score, match: best?.text ?? null };
}

/** `prose` with phrases that contain a defect word without claiming a defect blanked out. */
export function maskNonClaims(prose: string): string {
  if (!prose.includes("wrong") && !prose.includes("Wrong")) return prose;
  return prose.replace(NOT_A_CLAIM, (m) => " ".repeat(m.length));
}

/** Whether a comment asks for documentation of a behaviour rather than a change in it. */
export function asksForDocumentation(prose: string): boolean {
  return testIfWords(DOC_REQUEST, prose);
}

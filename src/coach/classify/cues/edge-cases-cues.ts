// Edge cases: logic defects, null/empty, boundaries, error handling, races, compatibility.
// The project's own lexicon, written from general knowledge of how reviewers phrase things.

import type { Concern } from "../../types.js";
import { cue, words } from "./cue.js";

export const EDGE_CASES = [
  // Asking whether the code holds up in a case: "what if this is []?", "will this still work with X?", "is this
  // guaranteed to have a value?". "What if we / you …" proposes a change instead.
  cue<Concern>(
    "edge-cases",
    /\bwhat if (?!(?:we|you|i|instead)\b)\w+|\b(?:does|will|would|is|can|could|are) (?:this|it|that|these|they)(?: code| change)? (?:(?:still|always|ever|really|also|even) )*(?:work(?=s? (?:with|in|on|when|if|for|after|before|across|under)\b)|compile|break|fail|handle|happen|guaranteed|safe|hold|apply)\w*\b(?=[^.?!\n]*\?)/gi,
  ),
  cue<Concern>(
    "edge-cases",
    words(
      "edge[- ]cases?",
      // Scenarios, platforms, ordering and defects in domain terms.
      "are (?:you|we) sure (?:it|this|that|they|the \\w+) (?:never|always|can't|cannot|won't|will)",
      "(?:order(?:ing)?|sequence) (?:of (?:the )?(?:\\w+ )?(?:calls|operations|events|execution|evaluation|items|keys|elements)|(?:is|isn't|is not|are|aren't) (?:not )?guaranteed|matters|dependent)",
      "(?:not|isn't|is not|aren't) (?:necessarily )?(?:sorted|ordered|deterministic|guaranteed)",
      "(?:on|under) (?:windows|macos|mac os|osx|linux|bsd|arm|32[- ]bit|64[- ]bit|big[- ]endian|little[- ]endian|older (?:versions|browsers|kernels))",
      "(?:platform|os|browser|python ?[23]|py[23]|java ?\\d+|node ?\\d+)[- ](?:specific|dependent|differences?|compat\\w*)",
      "case[- ]?(?:in)?sensitiv(?:e|ity)",
      "(?:overwritten|clobbered) (?:in|by|on) (?:the|each|every) (?:loop|iteration|pass)",
      "(?:upper|lower)[- ]?case (?:keys|names|values|input|headers)",
      "(?:narrower|more specific|specific|broader|too broad|catch-all) (?:exception|error|catch|except)",
      "log (?:the|this|that|an?) (?:error|exception|failure)(?=\\s*\\?)",
      "(?:doesn't|does not|won't|will not|wouldn't|would not|didn't|did not|fails? to) (?:even )?compile",
      "compil(?:e|ation|er) (?:error|failure|fails?)",
      "(?:type|runtime|syntax) errors?",
      "corner[- ]cases?",
      "boundar(?:y|ies)",
      "off[- ]by[- ]one",
      "null(?:able|s)?",
      "nil",
      "undefined",
      "npe",
      "null ?pointer",
      "empty (?:string|list|array|map|dict|set|input|result|response|value|case|collection|body|file|payload|dir|directory|page|batch|query|name|path)s?",
      "(?:divid(?:e|ed|ing)|division) by zero",
      "overflows?",
      "underflows?",
      "wrap(?:s|ped)? around",
      "out of (?:range|bounds)",
      "index ?error",
      "out[- ]of[- ]bounds",
      "race(?:s| conditions?)?",
      "racy",
      "deadlocks?",
      "livelock",
      "concurren(?:t|tly|cy)",
      "thread[- ]?safe(?:ty)?",
      "(?:multiple|two|several|other|concurrent|parallel|background) (?:threads|workers|processes|callers|requests)",
      "mutex(?:es)?",
      "(?:take|hold|acquire|release|need|without|under|missing) (?:a |the )?locks?",
      "not atomic",
      "non-?atomic",
      "synchroni[sz](?:e|ed|ation)",
      "(?:unhandled|uncaught|swallow(?:s|ed|ing)?(?: the| this| an?)?|catch(?:es|ing)?(?: the| this| an?| all)?|rais(?:e|es|ed|ing)(?: the| this| an?)?|throw(?:s|n|ing)?(?: the| this| an?)?|generic|broad|bare) exceptions?",
      "exception handling",
      "(?:else|default|error|failure|negative|empty|null|corner) (?:case|branch|clause|path)s?",
      "(?:is|are) missing",
      "missed (?:a|the|this|that) (?:case|check)",
      "error[- ]handling",
      "handl(?:e|es|ed|ing) (?:the |this |that |an? )?(?:error|errors|failure|failures|case|exception|exceptions)",
      "unhandled",
      "not handled",
      "try/(?:catch|except)",
      "crash(?:es|ed|ing)?",
      "blow(?:s)? up",
      "panics?",
      "broken",
      "buggy",
      "wrong",
      "incorrect(?:ly)?",
      "infinite (?:loop|recursion)",
      "never (?:be )?(?:called|reached|set|decremented|incremented|returns?|terminates?)",
      "what happens (?:if|when)",
      "invalid (?:input|value|values|data|state|argument|arguments|request|requests|json|format|id|ids|date|dates|types?)",
      "malformed",
      "(?:input|argument|parameter|request|schema|type|bounds|range|length|size) validation",
      "validat(?:e|es|ing) (?:the |this |that |its |their |user |all )?(?:input|inputs|argument|arguments|parameters?|params?|request|payload|value|values|length|size|range|format|type|types)",
      "sanity check",
      "missing (?:check|checks|validation|case|return|break|else)",
      "unicode",
      "(?:character|text|string|file|byte) encodings?",
      "utf-?8",
      "time ?zones?",
      "utc",
      "dst",
      "daylight saving",
      "leap (?:year|second)s?",
      "precision",
      "rounding",
      "(?:silently |gets? |is |are |be )truncat(?:e|es|ed|ion)",
      "floating[- ]point",
      "idempoten(?:t|cy)",
      "duplicate (?:events?|requests?|deliveries|messages?)",
      "stale (?:data|value|values|cache|state|reads?|entries|entry|copy|copies|results?)",
      "inconsistent (?:state|data|results?|view|reads?|values?|cache|copy|copies)",
      "partial(?:ly)? (?:failure|write|state|created)",
      "rollback",
      "roll back",
      "cleanup on",
      "leaks?",
      "leaking",
      "resource leak",
      "close(?:d)? (?:the )?(?:file|connection|handle|stream|socket)",
      "file descriptors?",
      "backward(?:s)?[- ]compat(?:ible|ibility)",
      "breaking (?:api )?changes?",
      "out of sync",
      "(?:break|breaks|breaking) (?:backward(?:s)? )?compat(?:ibility)?",
      "bc[- ]?break(?:s|ing)?",
      "backward(?:s)?[- ]incompatib(?:le|ility)",
      "side[- ]effects?",
      "(?:called|invoked|triggered|fired|passed(?: in)?|registered|freed|closed|released|deleted|destroyed|executed) twice",
      "twice in a row",
    ),
  ),
];

/**
 * Words that name a failure mode without claiming one ("this raises X", "the retry loop", "bug 123"):
 * edge cases only together with a defect claim (DEFECT_CLAIM).
 */
export const EDGE_CASES_WEAK = words(
  "upgrade",
  "timeouts?",
  "timed? out",
  "throws?",
  "thrown",
  "what if",
  "retr(?:y|ies|ied)",
  "regress(?:es|ion|ions)?",
  "in case",
  "check (?:for|if|whether|that)",
  "bugs?(?! ?(?:#|\\d|report|tracker|fix))",
  "failed",
  "break(?:s)?",
  "fails?",
  "failing",
  "failures?",
  "catch(?:es|ing)?",
  "caught",
  "raises?",
  "negative",
  "behaviou?r change",
  "fallback",
  "default value",
);

/** Saying that something goes wrong, or may, or is not handled. */
export const DEFECT_CLAIM =
  /\b(?:(?:will|would|could|might|may|can|going to) (?:\w+ )?(?:fail|break|crash|raise|throw|blow up|explode|hang|leak|lose|return (?:none|null|nothing|an? (?:empty|wrong))|be (?:none|null|empty|wrong|lost|stale|missing))|if (?:\w+ ){0,5}(?:fails?|raises?|throws?|times? out|is (?:none|null|empty|missing|zero|negative|not set|unset))|(?:doesn't|does not|don't|do not|isn't|is not|aren't|not|never) (?:\w+ )?(?:handle[sd]?|check(?:ed|s)?|catch(?:es)?|caught|covered|validated)|missing|forg[oe]t|should (?:also )?(?:check|handle|catch|raise|validate|guard|fail|retry)|needs? to (?:check|handle|catch|validate|retry)|what happens|edge case|otherwise|wrong|incorrect(?:ly)?|broken|bug (?:here|in this))\b/i;

/**
 * An exception class named in prose (`ValueError`, `DownloadError`, `NullPointerException`): which error is raised or
 * caught, the labels' "error handling and the choice of exception". Case-sensitive: "an error" is not a class.
 */
export const EXCEPTION_CLASS = /\b[A-Z]\w*(?:Error|Exception)\b/g;

/**
 * Logging used as error handling, named in code: `LOG.exception`, `logging.error(…, exc_info=True)`, "make this a
 * warning". Read on the prose and on the names of the code shown (split into words: "log exception", "exc info").
 */
export const LOGGED_ERROR = /\b(?:log|logging|logger)[. ](?:exception|error)\b|\bexc[_ ]info\b|\bmake (?:this|it) (?:a )?(?:warning|error)\b/gi;

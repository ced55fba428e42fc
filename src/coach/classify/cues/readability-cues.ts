// Readability: clearer or simpler code.
// The project's own lexicon, written from general knowledge of how reviewers phrase things.

import type { Concern } from "../../types.js";
import { cue, words } from "./cue.js";

export const READABILITY = [
  cue<Concern>(
    "readability",
    words(
      "readab(?:le|ility)",
      "unreadable",
      "hard(?:er)? to (?:read|follow|understand|reason about|parse|grok)",
      "difficult to (?:read|follow|understand)",
      "easier to (?:read|follow|understand|reason about)",
      "confusing",
      "(?<!\\b(?:i\x27m|i am|am|was|i was|still) )unclear",
      "clear(?:er|ly)?",
      "clarity",
      "clarif(?:y|ies|ied)",
      "obscure",
      "cryptic",
      "convoluted",
      "(?:more|less) obvious",
      // "odd" and "awkward" alone are readability words below; these read the other forms.
      "(?:funny|strange|weird) (?:formulation|construct(?:ion)?)",
      "reads? (?:a bit |kind of |quite |very |really |rather )?(?:awkwardly|weird(?:ly)?|oddly|strange(?:ly)?|funny|clunky)",
      "complex(?:ity)?",
      "over-?complicated",
      "complicated",
      "simplif(?:y|ied|ies|ication)",
      "simpler",
      "more simply",
      "simple",
      "nest(?:ed|ing)",
      "deeply nested",
      "early return",
      "return early",
      "guard clause",
      "long (?:function|method|file|class|line|lines)",
      "too long",
      "split (?:this|it|them)(?: up)?",
      "extract (?:this|it|a|into)",
      "helper (?:function|method)",
      // Extracting code into a function is a clearer construct; moving it to another class or module is design.
      "(?:separate|own) (?:helper )?(?:function|method)s?(?! calls?\\b)",
      "(?:to|into) a new (?:helper )?(?:function|method)",
      "magic (?:number|numbers|string|strings|value|values)",
      "constants?",
      "duplicat(?:e|ed|es|ion)",
      "copy[- ]?past(?:e|ed|a)",
      "dry",
      "repeat(?:ed|ing|s)? (?:code|logic|this)",
      "dead code",
      "unused",
      "(?:used|usages?(?: of\\s+\\S+)?)\\s+anywhere",
      "no usages?",
      "redundant",
      "unnecessary",
      "not needed",
      "isn't needed",
      "no need (?:to|for)",
      "superfluous",
      "clean(?:er|up|s up|ed up)?",
      "clean up",
      "tidy",
      "messy",
      "organi[sz](?:e|ed|ation)",
      "restructure",
      "self[- ]explanatory",
      "(?:be|more|make (?:it|this|that)) explicit",
      "verbose",
      "concise",
      "one[- ]liner",
      "ternary",
      "idiomatic",
      "pythonic",
      "boolean (?:flag|parameter|argument)",
      "refactor(?:ed|ing|s)?",
      "odd",
      "(?:we (?:can|could|should)|(?:can|could|should) we|please|can you|could you|you can|just|maybe) (?:also )?(?:remove|drop|delete|get rid of)",
      "awkward",
    ),
  ),
];

/**
 * A remark that the code at the line is redundant, phrased without a readability word: "this `if` can be
 * removed", "is this still needed?", "`Arch` is not used", "do we need this?", "I don't think we need this", "you don't
 * need to pass it", "is there a point to copying it?", "get rid of it", "this is needless",
 * "clutters the handler" (not wasted work, which is performance, nor code that will be useless some day). Read only
 * when the comment names no other concern: "is this needed? the test passes without it" is about the test, "this
 * comment seems useless" about the comment.
 */
export const REDUNDANT_CODE =
  /\b(?:(?:can|could|should|might|may)\s+(?:also\s+|just\s+|probably\s+|safely\s+|now\s+)?be\s+(?:removed|dropped|deleted|omitted|skipped|left out)|(?:is|are)\s+(?:this|these|that|those|it|they)\s+(?:\w+\s+)?(?:still\s+|really\s+|even\s+)?(?:necessary|needed|required|used)\b|(?:not|n't|never)\s+(?:\w+\s+)?(?:necessary|needed|used)\b|(?:do|does)\s+(?:we|you|it)\s+(?:still\s+|really\s+|even\s+)?need\s+(?:this|these|that|those|it|them)\b|(?:is|are)\s+(?:it|there)\s+(?:really\s+)?(?:necessary|needed|a\s+(?:point|reason|need))\s+(?:to|in|for)\b|(?:don't|do\s+not|doesn't|does\s+not)\s+(?:think\s+|believe\s+)?(?:we|you|it)\s+(?:really\s+|actually\s+|even\s+)?needs?\s+(?:this|that|these|those|the|an?|CODE|it|them)\b|(?:don't|do\s+not|doesn't|does\s+not)\s+(?:actually\s+|really\s+|even\s+)?(?:need|have)\s+to|get\s+rid\s+of|no\s+longer\s+(?:used|needed|necessary|required)|left\s?-?over|(?<!\b(?:will|would|might|could|may)\s+(?:be|become)\s+)(?:needless|useless|pointless)(?!\s+(?:iterations?|loops?|passes|lookups?|calls?|quer(?:y|ies)|requests?|round\s?trips?|allocations?|work|cop(?:y|ies)))|clutter(?:s|ing|ed)?|(?:gives|adds)\s+(?:no|little)\s+value)/gi;

/**
 * Offering other code: "could also do `x`", "`a -> b`", "something like `…`", "why not `…`?". Read only when the
 * comment quotes code and names no concern: then the offer is a different construct for the same behaviour.
 */
export const CODE_OFFER =
  /\b(?:(?:could|can|might|may|should|would)\s+(?:also\s+|just\s+|simply\s+|probably\s+)?(?:do|be|use|write|say|become|change\s+(?:it|this|that)\s+to)|better|nicer|cleaner|neater|prefer(?:red|able)?|instead|how about|what about|why not|replace\s+(?:it|this|that|with)|change\s+(?:it|this|that)\s+to|(?:something|more)\s+like)\b|->|=>/gi;

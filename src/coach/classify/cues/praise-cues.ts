// Praise: compliments of the change, and what keeps kind words from being praise.
// The project's own lexicon, written from general knowledge of how reviewers phrase things.

import type { Signal } from "../../types.js";
import { cue, words, type Cue } from "./cue.js";

/** Praise; read apart because politeness inside a request or before a "but" is not praise. */
export const PRAISE_CUE: Cue<Signal> = cue<Signal>(
    "praise",
    words(
      "nice",
      "neat",
      "great(?: (?:job|work|catch|idea|find|change|stuff|point|improvement|cleanup))?",
      "good (?:catch|call|idea|find|point|job|work|stuff|change|cleanup|test|test addition|refactor)",
      "good one",
      "well done",
      "well written",
      "well thought(?:[- ]out)?",
      "nicer",
      "much better",
      "way better",
      "(?:way|much|a lot) (?:nicer|cleaner|clearer|simpler|more readable)",
      "i (?:really |very much |much |do |quite |also )?(?:like|love|appreciate)(?:d)? (?:this|it|that|the|how|these|your)",
      "love it",
      "awesome",
      "excellent",
      "brilliant",
      "fantastic",
      "amazing",
      "beautiful",
      "elegant",
      "clever",
      "cool",
      "sweet",
      "kudos",
      "bravo",
      "impressive",
      "perfect",
      "lovely",
      "wonderful",
      "thanks? (?:you )?(?:a lot |so much |very much )?(?:for|to you for) (?:\\w+ing|the|this|these|that|your|fixing|adding|doing|taking|cleaning|catching|converting|making)",
      "thank you for (?:\\w+ing|the|this|these|that|your)",
      "(?:i'm|i am) (?:glad|happy) (?:to see|you)",
      "glad to see",
      "happy to see",
      "yay",
      "woo+(?:t|hoo)?",
      "wee+!?",
      "hooray",
      "clean(?:er)? (?:refactor|solution|approach|change|implementation|code|fix)",
      "(?:nice|great|good) (?:cleanup|refactor|simplification|improvement|addition)",
      "makes (?:a lot of |total )?sense now",
      "now (?:this|it) (?:totally |really )?makes? sense",
      "(?:this is|that's|looks) (?:a )?(?:lot )?(?:better|cleaner|nicer)",
      "(?:looks|is) (?:much |way )?(?:better|nicer|cleaner) now",
      "(?:all|so far so|still|looks?|seems?|it's|that's) (?:good|fine|reasonable|sensible)",
      "(?:seems|looks|sounds) (?:very )?(?:reasonable|sensible|sane)",
      "(?:that|this|it) makes (?:a lot of |total |perfect )?sense",
      "makes sense",
      "nicely done",
      "(?:totally|now) makes? (?:total |perfect )?sense",
      "makes? (?:total |perfect )?sense now",
    ),
    "plain",
  );

/**
 * Praise in symbols, or a bare "better": kept apart so PRAISE_CUE keeps its fast word-boundary lead. The \b
 * after the lookbehind changes no match (a word starting after at most three non-word characters starts at a
 * word edge) but lets the word index skip the regex on a text without "better".
 */
export const PRAISE_SYMBOLS = /\\o\/|\+\+|(?<=^\W{0,3})\b(?:much |way |a lot |so much )?better[.!]*(?=\s*$)/gi;

/** Praise inside a wish or a request ("it would be nice to", "nice to have"), not about the change. */
export const WISHFUL_BEFORE = /\b(?:would|might|could|will|should|may|'d|to)\s+(?:\w+\s+){0,2}(?:be|have been|look|looks?|seem)\s+(?:\w+\s+)?$/i;
export const WISHFUL_AFTER =
  /^\s*(?:to (?!see\b)\w+|if|when|for (?:us|you|the reader))\b|^\s*(?:\w+\s+){0,2}(?:for (?:later|now|a follow[- ]?up)|later|in a follow[- ]?up)\b/i;
export const CONTRAST_AFTER = /^[^.!?\n]{0,80}\b(?:but|however|though|although|except|unless)\b|^[^.!?\n]*[.!]\s*(?:but|however|although|that said|unfortunately)\b/i;

/** Symbols that praise on their own. */
export const SYMBOL_PRAISE = /^(?:\s|[:;=]-?[)D]|\^_?\^|\+\+|\\o\/|\u{1F389}|\u{2764}|\u{1F60A}|\u{1F600}|\u{1F603}|\u{1F642}|\u{1F44F}|\u{1F64C}|\u{1F4AF}|\u{2728}|\u{1F973}|\u{1F60D}|\u{1F929}|\u{1F525}|\u{2B50}|\u{1F31F}|\uFE0F)+$/u;

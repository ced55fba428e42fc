// Approvals with nothing substantive besides: "LGTM", "ship it", "+1", 👍, ":shipit:".

import { execIfWords } from "./word-index.js";

const APPROVAL =
  /(?<![\w-])(?:lgtm|sgtm|lgtm\d?|ship\s*it|shipit|:shipit:|:\+1:|:thumbsup:|:white_check_mark:|:heavy_check_mark:|:rocket:|:ok_hand:|\+[12](?!\d)|r\+|approved?|approving|looks? (?:good|great|fine|ok(?:ay)?|alright|all right|solid|sane|reasonable|correct)(?: to me)?|lg|good to (?:go|merge|ship)|ready (?:to|for) (?:merge|ship|land)|works for me|fine (?:by|with) me|no (?:further |more )?(?:comments|objections|concerns)(?: from me)?|nothing (?:else )?(?:to add|from me)|all good|👍|✅|✔️?|☑️|🚀|👌|🎉|💯|🙌|👏|🥇|🆗|🏁)(?![\w])/giu;
/**
 * APPROVAL without the u flag, so the word index can skip it: the same matches on a text without "ſ" or "K"
 * (Kelvin), the only letters the u flag folds to ASCII ones (nothing else in APPROVAL depends on it).
 */
const APPROVAL_WITHOUT_U = new RegExp(APPROVAL.source, "gi");
const FOLDS_TO_ASCII = /[\u017F\u212A]/;
const FILLER =
  /(?<![\w-])(?:thanks?(?: you)?(?: (?:so|very) much| a lot)?(?: for [^.!\n]*)?|thx|ty|cheers|kudos|hi|hello|hey|dear|(?:now )?committed(?: to \w+| in \w+| as \w+)?|merged(?: (?:to|into) \w+)?|pushed(?: to \w+)?|landed|merging|merge|commit|[0-9a-f]{7,40}|master|main|trunk|branch|patch|pr|change(?:set)?|diff|the|this|that|to|me|and|it|is|now|overall|again|so|far|otherwise|for|from|my|side|all|very|much|really|pretty|also|as|well|too|too|great|nice|good|awesome|excellent|perfect|cool|work|job|effort|update|updates|changes|fixes|fix|fixing|locally|here|i|am|with|of|!+|\.+|,|-)(?![\w])/giu;
const EMOJI_OR_SYMBOL = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u200D|:[a-z0-9_+-]+:/gu;
const WORD = /[\p{L}\p{N}]+/gu;

const DATA_PAIR = /\b[A-Za-z][A-Za-z ]{0,20}\s*:\s*\d[\d,.]*/g;
const NUMBER = /\b\d[\d.,]*\b/g;
const SIGN_OFF = /\b[A-Z][a-z]+\W*$/;

export interface Approval {
  /** The approval words, for evidence. */
  phrase: string;
  /** The comment without its approval words and emoji. */
  remainder: string;
  /** How many words are left once thanks, greetings, commit notices and numbers are taken out too. */
  restWords: number;
}

/** The approval in a comment ("LGTM", "ship it", "+1", 👍) and what else it says, or null without one. */
export function findApproval(prose: string): Approval | null {
  APPROVAL.lastIndex = 0;
  APPROVAL_WITHOUT_U.lastIndex = 0;
  const first = FOLDS_TO_ASCII.test(prose) ? APPROVAL.exec(prose) : execIfWords(APPROVAL_WITHOUT_U, prose);
  if (first === null) return null;
  const remainder = prose.replace(APPROVAL, " ").replace(EMOJI_OR_SYMBOL, " ");
  const rest = remainder
    .replace(DATA_PAIR, " ")
    .replace(FILLER, " ")
    .replace(NUMBER, " ")
    .replace(SIGN_OFF, " ");
  const restWords = rest.match(WORD)?.length ?? 0;
  return { phrase: first[0], remainder, restWords };
}

/** Emoji and shortcodes only, no words: reactions rather than review. */
export function isEmojiOnly(prose: string): boolean {
  // A letter or digit outside a `:shortcode:` is text: most comments are settled here without a scan.
  if (!prose.includes(":") && /[A-Za-z0-9]/.test(prose)) return false;
  const stripped = prose.replace(EMOJI_OR_SYMBOL, "").replace(/[\s\p{P}\p{S}]/gu, "");
  EMOJI_OR_SYMBOL.lastIndex = 0;
  return stripped.length === 0 && EMOJI_OR_SYMBOL.test(prose);
}

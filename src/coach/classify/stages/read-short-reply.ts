// Stage: a reply of one identifier or a few plain words is replacement text for the commented line.

import { addConcern, addSignal, type Draft } from "../evidence-log.js";
import { splitCount } from "../split-count.js";

/** Reaction words that carry no wording suggestion on their own. */
const REACTION_WORDS =
  /^(?:ok|okay|k|done|fixed|ack|acked|agreed|agree|same|ditto|ditto\.|yes|yep|yeah|yup|no|nope|nah|right|true|correct|indeed|sure|hmm+|hm+|um+|uh+|oh|ah|ahh+|oops|whoops|sorry|thanks|thank you|thx|see above|see below|same here|same as above|as above|why|huh|wat|what|really|interesting|noted|good|fine|nice|cool|great|better|wow|heh|haha|lol|again|here|this|that|also|see|see here|see this|ping|bump|reverted|removed|added|updated|changed|nvm|never mind)$/i;
const REACTION_WORD_SET_LIMIT = 5;
/** A reply that opens with a reaction ("ok felix", "yes damn it", "oops this should go") answers; it offers no wording. */
const OPENS_WITH_REACTION = /^(?:ok|okay|yes|yeah|yep|no|nope|oops|whoops|sorry|thanks|haha|lol|heh|wow|oh|ah)\b/i;
const IDENTIFIER = /^[`'"]?(?:[A-Za-z_$][\w$]*[._:][\w$.:]*|[a-z]+[A-Z][\w$]*|[A-Za-z_$][\w$]*\(\)|[A-Za-z_$]*_[\w$]+)[`'"]?\??$/;
const PLAIN_WORDS = /^[a-z][a-z' -]*[a-z]\??$/;

/** A lone identifier proposes a name (style); a few plain words propose wording (documentation). */
export function readShortReply(prose: string, hasLink: boolean, draft: Draft): void {
  const { concerns, signals } = draft;
  if (concerns.size > 0) return;
  const words = prose.replace(/[?!.,:;]+$/g, "").trim();
  const wordCount = words.length === 0 ? 0 : splitCount(words, REACTION_WORD_SET_LIMIT + 1);
  if (wordCount === 1 && IDENTIFIER.test(words)) {
    addConcern(draft, "style", words);
    addSignal(draft, "suggestion", words);
  } else if (
    signals.size === 0 &&
    wordCount > 0 &&
    wordCount <= REACTION_WORD_SET_LIMIT &&
    !hasLink &&
    PLAIN_WORDS.test(words) &&
    !REACTION_WORDS.test(words) &&
    !OPENS_WITH_REACTION.test(words)
  ) {
    // A few plain words and nothing else: replacement wording for the commented text.
    addConcern(draft, "documentation", words);
    addSignal(draft, "suggestion", words);
  }
}

// Stage: tone. Profanity, insults and dismissive phrases, minus technical senses and self-deprecation.

import type { Tone } from "../../types.js";
import { SELF_CONTEXT, SELF_DIRECTED, SELF_DIRECTED_AFTER, TECHNICAL_ALLOW, TONE_CUES } from "../cues/tone-cues.js";
import type { EvidenceLog } from "../evidence-log.js";
import { execIndexed, mayMatch } from "../word-index.js";

/** The next sentence opens with an apology: "this ugliness is mine. Sorry". */
const APOLOGY_NEXT = /^[.!?\s]*(?:sorry|my bad|oops|apologies)\b/i;
const SHOUTING = /(?:\b[A-Z]{2,}[!?,.]*\s+){3,}[A-Z]{2,}\b/g;
const TWO_CAPITALS = /[A-Z]{2}/;

/** A word joined by a dot to another ("window.goofy.config", "goofy.css"): part of a name, not a word. */
function isPartOfName(text: string, index: number, length: number): boolean {
  return /\w\.$/.test(text.slice(Math.max(0, index - 2), index)) || /^\.\w/.test(text.slice(index + length, index + length + 2));
}

function isSelfDirected(text: string, index: number, length: number): boolean {
  const before = text.slice(Math.max(0, index - 24), index);
  const after = text.slice(index + length, index + length + 16);
  if (SELF_DIRECTED.test(before) || SELF_DIRECTED_AFTER.test(after)) return true;
  const sentenceStart = Math.max(text.lastIndexOf(".", index), text.lastIndexOf("\n", index), text.lastIndexOf("!", index));
  const rest = text.slice(index);
  const endOffset = rest.search(/[.!?\n]/);
  const sentenceEnd = endOffset < 0 ? text.length : index + endOffset;
  const sentence = text.slice(sentenceStart + 1, sentenceEnd);
  return SELF_CONTEXT.test(sentence) || APOLOGY_NEXT.test(text.slice(sentenceEnd, sentenceEnd + 24));
}

export function classifyTone(prose: string, evidence: EvidenceLog): Tone {
  TECHNICAL_ALLOW.lastIndex = 0;
  const text = mayMatch(prose, TECHNICAL_ALLOW) ? prose.replace(TECHNICAL_ALLOW, (m) => " ".repeat(m.length)) : prose;
  let tone: Tone = "respectful";
  for (const { tone: cueTone, re, forgivesSelf } of TONE_CUES) {
    if (tone === "toxic" || (tone === "harsh" && cueTone === "harsh")) continue;
    re.lastIndex = 0;
    if (!mayMatch(text, re)) continue;
    for (let m = execIndexed(re, text); m !== null; m = execIndexed(re, text)) {
      if (m[0].length === 0) {
        re.lastIndex += 1;
        continue;
      }
      if (isPartOfName(text, m.index, m[0].length)) continue;
      if (forgivesSelf && isSelfDirected(text, m.index, m[0].length)) continue;
      tone = cueTone;
      evidence.add(`tone:${cueTone}`, m[0]);
      break;
    }
  }
  // Shouting needs two capitals in a row somewhere.
  if (tone === "respectful" && TWO_CAPITALS.test(prose)) {
    SHOUTING.lastIndex = 0;
    const shout = SHOUTING.exec(prose.replace(/\bCODE\b/g, "code"));
    if (shout !== null) {
      tone = "harsh";
      evidence.add("tone:harsh", shout[0]);
    }
  }
  return tone;
}

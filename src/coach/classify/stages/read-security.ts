// Stage: security. Access control, authentication, secrets, crypto/TLS and untrusted input, read from the
// reviewer's words with topical uses masked ("dependency injection", "parser token"), and from the names in
// code spans split into words (`checkCredentials`, `noAuth`).

import { SECURITY_FRAME, SECURITY_STRONG, SECURITY_TOPIC, SECURITY_TOPICAL } from "../cues/security-cues.js";
import { addConcern, firstMatch, type Draft } from "../evidence-log.js";
import { execIfWords, execIndexed, mayMatch, replaceIfWords } from "../word-index.js";

const CASED_SECURITY = /\b(?:DoS|DDoS|IDOR|RBAC|ACLs?|OAuth2?|SAML|OIDC|TOCTOU|SQLi)\b/g;
/** An identifier that names a check or its absence (`checkCredentials`, `noAuth`, `requireAdmin`). */
const CODE_CHECK =
  /\b(?:check|verify|validate|require|ensure|enforce|assert|no|skip|bypass|allow|deny|login|authenticate|authorize)(?: \w+)? (?:auth\w*|credentials?|permissions?|perms?|admin|csrf|xsrf|tokens?|signature|cert\w*|password|secret|access|privileges?|roles?)\b|\b(?:auth\w*|csrf|xss|sanitiz\w*|sanitis\w*|escape html|permission) (?:check|guard|required|middleware|filter|protect\w*|exempt)\b/;

/** Where a sentence ends: ".", "?" or "!" before a space, or a line break; "e.g." and "i.e." do not end one. */
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|etc|vs))[.?!](?=\s|$)|\n/g;
/** Proposing or discussing a name: a security word in the same sentence is what is named. */
const NAMING = /\b(?:renam\w*|naming|(?:class|file|function|method|variable|field|module|package) ?names?|call (?:this|it|the \w+)(?:\s+\w+)?\s+(?:CODE\b|["'])|name (?:this|it)\b)/gi;

function blank(match: string): string {
  return " ".repeat(match.length);
}

/** The bounds [start, end) of the sentence of `text` around `index`. */
function sentenceBounds(text: string, index: number): [number, number] {
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m !== null; m = SENTENCE_END.exec(text)) {
    if (m.index >= index) return [start, m.index];
    start = m.index + 1;
  }
  return [start, text.length];
}

/** How far from a protection word (in characters, about six words) its frame may be: further off it speaks of something else. */
const FRAME_REACH = 40;

/** The words of the sentence of `text` near the match at `index` (of `length`), the match itself left out. */
function nearMatch(text: string, index: number, length: number): string {
  const [start, end] = sentenceBounds(text, index);
  // Widened to whole words, so a cut word ("unsafe" cut to "safe") is never read as a frame.
  const from = Math.max(start, text.lastIndexOf(" ", Math.max(start, index - FRAME_REACH)));
  const after = text.indexOf(" ", index + length + FRAME_REACH);
  const to = after < 0 ? end : Math.min(end, after);
  return `${text.slice(from, index)} ${text.slice(index + length, to)}`;
}

/** `text` with every sentence that speaks of a name blanked. */
function blankNamingSentences(text: string): string {
  let out = text;
  NAMING.lastIndex = 0;
  if (!mayMatch(text, NAMING)) return text;
  for (let m = NAMING.exec(text); m !== null; m = NAMING.exec(text)) {
    const [start, end] = sentenceBounds(text, m.index);
    out = out.slice(0, start) + blank(text.slice(start, end)) + out.slice(end);
  }
  return out;
}

/** Adds `security` when the claims or the code names of a comment speak of a protection. */
export function readSecurity(claims: string, codeWords: string, draft: Draft): void {
  if (draft.concerns.has("security")) return;
  const prose = blankNamingSentences(replaceIfWords(claims, SECURITY_TOPIC, blank));
  const strong = firstMatch(prose, SECURITY_STRONG, "concern") ?? firstMatch(prose, CASED_SECURITY, "concern");
  if (strong !== null) {
    addConcern(draft, "security", strong[0]);
    return;
  }
  SECURITY_TOPICAL.lastIndex = 0;
  for (let m = execIfWords(SECURITY_TOPICAL, prose); m !== null; m = execIndexed(SECURITY_TOPICAL, prose)) {
    const frame = SECURITY_FRAME.exec(nearMatch(prose, m.index, m[0].length));
    if (frame !== null) {
      addConcern(draft, "security", `${m[0]} … ${frame[0]}`);
      return;
    }
  }
  // Code that only ever appears as a proposed name ("call it `csrf-guard.js`") is a name, not a check.
  if (claims.includes("CODE") && !/\bCODE\b/.test(prose)) return;
  const code = execIfWords(CODE_CHECK, replaceIfWords(codeWords, SECURITY_TOPIC, blank));
  if (code !== null) addConcern(draft, "security", `in code: ${code[0]}`);
}

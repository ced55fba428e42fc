// Whether prose is English the lexicons can read; anything else claims nothing.

import { testIfWords } from "./word-index.js";

export interface Readability {
  readable: boolean;
  /** Why the text cannot be read; empty when it can. */
  reason: string;
}

const ENGLISH_FUNCTION_WORDS = new Set(
  (
    "a an the this that these those it its is are was were be been being am do does did done have has had " +
    "i you we he she they me us him them my your our their what why how when where which who whom " +
    "to of in on at by for with from as into about than then so if or and but not no nor can could should " +
    "would will shall may might must need needs here there also just only some any all each every more most " +
    "very too please thanks thank yes ok okay nit lgtm let lets use add remove rename fix move change make " +
    "same like one other instead maybe still again now already because since while after before same"
  ).split(" "),
);
/** Common short words of other Latin-script languages that English does not use. */
const FOREIGN_FUNCTION_WORDS = new Set(
  (
    "der die das und ist nicht ein eine mit den dem zu auf für sie wir ich auch noch bitte hier oder aber " +
    "el los las del una por para con que es esto aquí pero como más muy también puede " +
    "le les des une est pas ce cette avec pour dans qui sur mais ou très aussi ici vous nous " +
    "il lo gli della che non per sono questo qui anche " +
    "os um uma não com para isso aqui mas também você " +
    "het een niet ik je dat wel ook maar deze " +
    "och att inte jag det som på är för med " +
    "jest nie na to się że ale jak"
  ).split(" "),
);

const NON_ASCII_LETTER = /\p{L}/u;
const LATIN_EXTENDED_LETTER = /[\u00C0-\u024F]/;

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * A word the loop below would count as foreign: ASCII (words are runs of ASCII letters and apostrophes) and
 * not also English (English is checked first). Without one the text cannot read as "not English".
 */
const MAY_BE_FOREIGN = new RegExp(
  String.raw`(?<![A-Za-z])(?<![A-Za-z]'+)(?:${[...FOREIGN_FUNCTION_WORDS].filter((w) => /^[a-z]+$/.test(w) && !ENGLISH_FUNCTION_WORDS.has(w)).join("|")})(?![A-Za-z'])`,
  "i",
);

/** Whether `prose` (markdown already stripped, code replaced by `CODE`) is readable English. */
export function isReadableEnglish(prose: string): Readability {
  const text = prose.includes("CODE") ? prose.replace(/\bCODE\b/g, " ") : prose;
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isAsciiLetter(code)) {
      letters += 1;
      latin += 1;
    } else if (code >= 128) {
      const ch = text[i] ?? "";
      if (LATIN_EXTENDED_LETTER.test(ch)) {
        letters += 1;
        latin += 1;
      } else if (NON_ASCII_LETTER.test(ch)) {
        letters += 1;
      }
    }
  }
  if (letters === 0) return { readable: false, reason: "no words of the reviewer's own" };
  if (latin < letters * 0.6) return { readable: false, reason: "mostly non-Latin script" };
  if (!testIfWords(MAY_BE_FOREIGN, text)) return { readable: true, reason: "" };
  return readWords(text);
}

/** The function words of `text` (words: ASCII letters and apostrophes), English against foreign. */
function readWords(text: string): Readability {
  let wordCount = 0;
  let english = 0;
  let foreign = 0;
  let wordStart = -1;
  const closeWord = (end: number): void => {
    if (wordStart < 0) return;
    wordCount += 1;
    const lower = text.slice(wordStart, end).toLowerCase();
    if (ENGLISH_FUNCTION_WORDS.has(lower)) english += 1;
    else if (FOREIGN_FUNCTION_WORDS.has(lower)) foreign += 1;
    wordStart = -1;
  };
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isAsciiLetter(code)) {
      if (wordStart < 0) wordStart = i;
      continue;
    }
    if (code === 39 && wordStart >= 0) continue;
    closeWord(i);
  }
  closeWord(text.length);
  if (wordCount < 4) return { readable: true, reason: "" };
  if (foreign >= 2 && foreign > english) return { readable: false, reason: "not English" };
  if (english === 0 && wordCount >= 6 && foreign > 0) return { readable: false, reason: "not English" };
  return { readable: true, reason: "" };
}

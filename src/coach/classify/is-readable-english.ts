// Whether prose is English the lexicons can read; anything else claims nothing.

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

/** A letter at the position it is tried at (one UTF-16 unit: the text is read unit by unit). */
const LETTER_AT = /\p{L}/uy;

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Letters of a word read as a number (base 27, a = 1): at most this many fit a small integer. */
const CODED_LETTERS = 6;

/** The function words of at most CODED_LETTERS ASCII letters, as numbers: English (checked first) or foreign. */
const WORD_KINDS = new Map<number, "english" | "foreign">();
for (const [words, kind] of [[FOREIGN_FUNCTION_WORDS, "foreign"], [ENGLISH_FUNCTION_WORDS, "english"]] as const) {
  for (const word of words) if (/^[a-z]+$/.test(word) && word.length <= CODED_LETTERS) WORD_KINDS.set(wordCode(word, 0, word.length), kind);
}
/** Longer function words are looked up as text. */
const LONGEST_WORD = Math.max(...[...ENGLISH_FUNCTION_WORDS, ...FOREIGN_FUNCTION_WORDS].map((w) => w.length));

/** The ASCII letters `text[start, end)`, lower-cased, as a number (at most CODED_LETTERS of them). */
function wordCode(text: string, start: number, end: number): number {
  let code = 0;
  for (let i = start; i < end; i += 1) code = code * 27 + ((text.charCodeAt(i) | 32) - 96);
  return code;
}

/** Whether the word `text[start, end)` (ASCII letters) is an English or a foreign function word, or neither. */
function kindOf(text: string, start: number, end: number): "english" | "foreign" | undefined {
  if (end - start <= CODED_LETTERS) return WORD_KINDS.get(wordCode(text, start, end));
  if (end - start > LONGEST_WORD) return undefined;
  const lower = text.slice(start, end).toLowerCase();
  return ENGLISH_FUNCTION_WORDS.has(lower) ? "english" : FOREIGN_FUNCTION_WORDS.has(lower) ? "foreign" : undefined;
}

/** Whether the UTF-16 unit `code` at `text[i]` is a letter on its own (half of a surrogate pair never is). */
function isLetterAt(text: string, i: number, code: number): boolean {
  if (code >= 0xd800 && code <= 0xdfff) return false;
  LETTER_AT.lastIndex = i;
  return LETTER_AT.test(text);
}

/**
 * Whether `prose` (markdown already stripped, code replaced by `CODE`) is readable English: letters mostly of
 * the Latin script, and words (runs of ASCII letters and apostrophes) not mostly foreign function words.
 */
export function isReadableEnglish(prose: string): Readability {
  const text = prose.includes("CODE") ? prose.replace(/\bCODE\b/g, " ") : prose;
  let letters = 0;
  let latin = 0;
  let wordCount = 0;
  let english = 0;
  let foreign = 0;
  let wordStart = -1;
  let apostrophe = false;
  for (let i = 0; i <= text.length; i += 1) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    if (isAsciiLetter(code)) {
      letters += 1;
      latin += 1;
      if (wordStart < 0) {
        wordStart = i;
        apostrophe = false;
      }
      continue;
    }
    if (code === 39 && wordStart >= 0) {
      apostrophe = true;
      continue;
    }
    if (wordStart >= 0) {
      wordCount += 1;
      // No function word has an apostrophe.
      const kind = apostrophe ? undefined : kindOf(text, wordStart, i);
      if (kind === "english") english += 1;
      else if (kind === "foreign") foreign += 1;
      wordStart = -1;
    }
    if (code >= 0xc0 && code <= 0x24f) {
      // Latin-1 and Latin Extended letters (and the two signs among them, read as letters too).
      letters += 1;
      latin += 1;
    } else if (code >= 128 && isLetterAt(text, i, code)) {
      letters += 1;
    }
  }
  if (letters === 0) return { readable: false, reason: "no words of the reviewer's own" };
  if (latin < letters * 0.6) return { readable: false, reason: "mostly non-Latin script" };
  if (wordCount < 4) return { readable: true, reason: "" };
  if (foreign >= 2 && foreign > english) return { readable: false, reason: "not English" };
  if (english === 0 && wordCount >= 6 && foreign > 0) return { readable: false, reason: "not English" };
  return { readable: true, reason: "" };
}

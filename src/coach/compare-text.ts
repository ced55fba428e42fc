// Orders texts as String.prototype.localeCompare does, without ICU for the texts the app sorts (paths,
// rule ids, logins, ISO dates). localeCompare builds an ICU collator on first use, which reads ICU's
// locale data: about 2 MB more resident memory in a process that otherwise never needs it.
//
// Under an English (or unset) locale, ICU's root collation orders printable ASCII by one weight per
// character, letters case-blind (the PRIMARY_ORDER below), then, between texts equal at that level, the
// first lowercase letter before its uppercase. Texts with any other character, or another locale, go to
// localeCompare itself.

/** Printable ASCII and the whitespace controls in root-collation order; a letter stands for both cases. */
const PRIMARY_ORDER = "\t\n\v\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";

/** Each ASCII character's place in PRIMARY_ORDER, from 1; 0 for characters left to localeCompare. */
const PRIMARY = new Uint8Array(128);
for (let place = 0; place < PRIMARY_ORDER.length; place++) {
  const code = PRIMARY_ORDER.charCodeAt(place);
  PRIMARY[code] = place + 1;
  if (code >= 97 && code <= 122) PRIMARY[code - 32] = place + 1;
}

/**
 * Whether ICU's default locale is English: on POSIX, ICU takes the first of LC_ALL, LC_MESSAGES and LANG
 * that is set; none, "C" and "POSIX" make it en-US-POSIX, which V8 reads as en-US.
 */
export function isEnglishLocale(env: NodeJS.ProcessEnv): boolean {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale === "" || /^(?:C|POSIX)(?:[.@]|$)/.test(locale) || /^en(?:[_.@-]|$)/.test(locale);
}

const ENGLISH = isEnglishLocale(process.env);

function isInTable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || PRIMARY[code] === 0) return false;
  }
  return true;
}

/** -1, 0 or 1, as `a.localeCompare(b)` answers with no locales or options. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  if (!ENGLISH || !isInTable(a) || !isInTable(b)) return Math.sign(a.localeCompare(b));
  const common = Math.min(a.length, b.length);
  let byCase = 0;
  for (let i = 0; i < common; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (PRIMARY[x] !== PRIMARY[y]) return PRIMARY[x]! < PRIMARY[y]! ? -1 : 1;
    // Same weight, different characters: the two cases of a letter, lowercase first.
    if (byCase === 0 && x !== y) byCase = x > y ? -1 : 1;
  }
  return a.length !== b.length ? Math.sign(a.length - b.length) : byCase;
}

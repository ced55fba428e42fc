// The shape of a cue and the two builders every cue file uses; every regex is compiled once, at load.

import type { NegationMode } from "../is-negated.js";

export interface Cue<L extends string> {
  label: L;
  re: RegExp;
  negation: NegationMode;
}

/** Builds a global, case-insensitive regex of alternatives bounded by word edges. */
export function words(...alternatives: string[]): RegExp {
  // A leading \b lets the engine skip most positions fast when every alternative starts with a letter.
  const lead = alternatives.every((a) => /^[\w(]/.test(withoutLeadingLookbehind(a)) && !withoutLeadingLookbehind(a).startsWith("(?<")) ? String.raw`\b` : "";
  return new RegExp(String.raw`${lead}(?<![\w-])(?:${byLeadingLetter(alternatives)})(?![\w])`, "gi");
}

/** An alternative without the lookbehind it opens with (zero-width: the match still starts at what follows). */
function withoutLeadingLookbehind(alternative: string): string {
  if (!alternative.startsWith("(?<!") && !alternative.startsWith("(?<=")) return alternative;
  let depth = 0;
  for (let i = 0; i < alternative.length; i += 1) {
    const c = alternative[i];
    if (c === "\\") i += 1;
    else if (c === "(") depth += 1;
    else if (c === ")" && --depth === 0) return alternative.slice(i + 1);
  }
  return alternative;
}

/**
 * The same alternation with the alternatives that start with one plain letter gathered under it
 * ("ab|ac|b" -> "a(?:b|c)|b"), so the engine tries one branch per letter at each word instead of every
 * alternative. Only neighbours are gathered (an alternative of any other shape ends a run) and order within
 * a letter is kept, so the first alternative that matches at a position is the same as before.
 */
export function byLeadingLetter(alternatives: readonly string[]): string {
  const out: string[] = [];
  let run = new Map<string, string[]>();
  const flush = () => {
    for (const [letter, rests] of run) out.push(rests.length === 1 ? letter + rests[0] : `${letter}(?:${rests.join("|")})`);
    run = new Map();
  };
  for (const alternative of alternatives) {
    const letter = leadingLetter(alternative);
    if (letter === null) {
      flush();
      out.push(alternative);
      continue;
    }
    const rests = run.get(letter) ?? [];
    rests.push(alternative.slice(1));
    run.set(letter, rests);
  }
  flush();
  return out.join("|");
}

/** The lower-cased first letter of an alternative that starts with a plain, unquantified letter and has no top-level `|`. */
function leadingLetter(alternative: string): string | null {
  if (!/^[a-z](?![?*+{])/i.test(alternative)) return null;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < alternative.length; i += 1) {
    const c = alternative[i];
    if (c === "\\") i += 1;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth += 1;
    else if (c === ")") depth -= 1;
    else if (c === "|" && depth === 0) return null;
  }
  return alternative[0]!.toLowerCase();
}

export function cue<L extends string>(label: L, re: RegExp, negation: NegationMode = "concern"): Cue<L> {
  return { label, re, negation };
}

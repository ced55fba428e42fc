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
  const lead = alternatives.every((a) => /^[\w(]/.test(a) && !a.startsWith("(?<")) ? String.raw`\b` : "";
  return new RegExp(String.raw`${lead}(?<![\w-])(?:${alternatives.join("|")})(?![\w])`, "gi");
}

export function cue<L extends string>(label: L, re: RegExp, negation: NegationMode = "concern"): Cue<L> {
  return { label, re, negation };
}

// Stage: a comment that is only code ("`2**64 / 2`", "`if token.is_expired:` ?") offers that code for the line:
// what the code is tells what the comment addresses.

import type { Concern } from "../../types.js";
import { EXCEPTION_CLASS } from "../cues/edge-cases-cues.js";

/** Only code spans, with at most a "?", "or" or a full stop between them. */
export const ONLY_CODE = /^(?:\s*(?:CODE|or|\?|\.)\s*)*$/i;

/** Raising, catching or naming an exception: the offer is about error handling. */
const ERROR_CODE = new RegExp(String.raw`\b(?:raise|throw|except|catch|rescue)\b|${EXCEPTION_CLASS.source}`);
/** A lone name (`retryCount`, `parse()`): a naming offer the labels file under different concerns, so left unread. */
const LONE_NAME = /^[A-Za-z_$][\w$.]*(?:\(\))?$/;
/** A sentence in code quotes ("`Create the contexts in parallel.`"): wording offered for a comment or message. */
const SENTENCE = /^[A-Z][a-z]+(?: [\w'-]+){3,}[.!]?$/;
/** A fenced block's language line left on an inline span ("```python\n…```"). */
const LANGUAGE_LINE = /^[a-z]+\n/;

/** The concern of a comment that is only `shownCode`, with the code as evidence; null when it cannot be told. */
export function readCodeReply(shownCode: readonly string[]): { concern: Concern; match: string } | null {
  const bodies = shownCode.map((body) => body.replace(LANGUAGE_LINE, "").trim()).filter((body) => body.length > 0);
  if (bodies.length === 0) return null;
  const code = bodies.join("\n");
  const match = code.length > 60 ? `${code.slice(0, 60)}…` : code;
  if (ERROR_CODE.test(code)) return { concern: "edge-cases", match };
  if (bodies.length === 1 && LONE_NAME.test(code)) return null;
  if (bodies.length === 1 && SENTENCE.test(code)) return { concern: "documentation", match };
  return { concern: "readability", match };
}

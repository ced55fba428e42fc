import type { CheckRunOutput } from "./github-client.js";

/** What GitHub accepts in one check-run request; beyond these it refuses the whole check run. */
export const CHECK_RUN_LIMITS = { annotations: 50, text: 65_535, title: 255, annotationMessage: 64 * 1024 } as const;

/**
 * A check run's output cut to GitHub's limits, so it is never refused: at most 50 annotations (the
 * summary then says how many were left out), summary and text at most 65,535 characters, cut at a line
 * with an "…and N more lines" note. Pure.
 */
export function fitCheckRunOutput(output: CheckRunOutput): CheckRunOutput {
  const annotations = output.annotations ?? [];
  const dropped = Math.max(0, annotations.length - CHECK_RUN_LIMITS.annotations);
  const summary = dropped > 0 ? `${output.summary}\n\n…and ${dropped} more not annotated on the file (GitHub shows at most ${CHECK_RUN_LIMITS.annotations}).` : output.summary;
  return {
    title: cutText(output.title.replace(/[\r\n]+/g, " "), CHECK_RUN_LIMITS.title),
    summary: fitLines(summary, CHECK_RUN_LIMITS.text),
    ...(output.text !== undefined ? { text: fitLines(output.text, CHECK_RUN_LIMITS.text) } : {}),
    ...(output.annotations
      ? {
          annotations: annotations.slice(0, CHECK_RUN_LIMITS.annotations).map((a) => ({
            ...a,
            message: cutText(a.message, CHECK_RUN_LIMITS.annotationMessage),
            ...(a.title !== undefined ? { title: cutText(a.title, CHECK_RUN_LIMITS.title) } : {}),
          })),
        }
      : {}),
  };
}

/** Whole lines up to `max` characters, then "…and N more lines". */
function fitLines(text: string, max: number): string {
  if (text.length <= max) return text;
  const lines = text.split("\n");
  const kept: string[] = [];
  let length = 0;
  const noteRoom = 40;
  for (const line of lines) {
    if (length + line.length + 1 > max - noteRoom) break;
    kept.push(line);
    length += line.length + 1;
  }
  if (kept.length === 0) return `${cutText(text, max - noteRoom)}\n…and more (cut at GitHub's limit)`;
  return `${kept.join("\n")}\n…and ${lines.length - kept.length} more lines`;
}

function cutText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

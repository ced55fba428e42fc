// Progress of a preview on stderr: a bar redrawn in place on a terminal (pull requests read and analysed,
// requests left in the budget, time remaining), plain lines otherwise (CI logs, pipes).

import type { Writable } from "node:stream";
import type { RateLimitState, RateLimitWait } from "../github/create-token-client.js";
import type { PreviewProgress } from "../use-cases/preview-repository.js";

const BAR_WIDTH = 24;

export interface PreviewProgressReporter extends PreviewProgress {
  /** Says that the run waits for the rate limit, and until when. */
  waiting(wait: RateLimitWait): void;
  /** Ends the bar's line. */
  finish(): void;
}

function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m ${String(seconds % 60).padStart(2, "0")}s` : `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}m`;
}

export function createPreviewProgress(stream: Writable & { isTTY?: boolean }, rateLimit: () => RateLimitState, now: () => number): PreviewProgressReporter {
  const tty = stream.isTTY === true;
  const started = now();
  let barShown = false;
  const budget = () => {
    const { remaining } = rateLimit();
    return remaining === undefined ? "" : `${remaining} requests left`;
  };
  const line = (text: string) => {
    if (barShown) stream.write("\n");
    barShown = false;
    stream.write(`review-coach preview: ${text}\n`);
  };
  return {
    listed(total) {
      line(`${total} merged pull request${total === 1 ? "" : "s"} to read and analyse${budget() ? ` (${budget()})` : ""}`);
    },
    analysed(done, total, pullNumber) {
      const elapsed = now() - started;
      const remaining = done > 0 ? (elapsed / done) * (total - done) : 0;
      const facts = [`${done}/${total} PRs read and analysed`, budget(), done < total ? `~${formatDuration(remaining)} left` : `done in ${formatDuration(elapsed)}`].filter(Boolean);
      if (!tty) {
        stream.write(`review-coach preview: #${pullNumber} analysed, ${facts.join(", ")}\n`);
        return;
      }
      const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
      stream.write(`\r\x1b[2K[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${facts.join(" · ")}`);
      barShown = true;
    },
    waiting(wait) {
      const why = wait.reason === "exhausted" ? "the token's rate limit is used up" : "GitHub asked to slow down";
      line(`${why}: waiting ${formatDuration(wait.waitMs)}, until ${new Date(wait.until).toISOString().slice(11, 19)} UTC`);
    },
    finish() {
      if (barShown) stream.write("\n");
      barShown = false;
    },
  };
}

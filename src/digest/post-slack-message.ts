import { revealHiddenCharacters } from "../coach/render/reveal-hidden-characters.js";
import type { SlackMessage } from "./render-slack-blocks.js";

/**
 * The door to Slack: posts a message to an incoming webhook, every text in it passed through
 * revealHiddenCharacters first. A refusal becomes an error that names the setting to check.
 */
export async function postSlackMessage(url: string, message: SlackMessage): Promise<void> {
  const body = JSON.stringify(revealHiddenCharacters(message));
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) {
    const text = await response.text().catch(() => "");
    throw Object.assign(new Error(`Slack answered ${response.status}: ${text.slice(0, 200)}. Check SLACK_WEBHOOK_URL.`), { status: response.status });
  }
}

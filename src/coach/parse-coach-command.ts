/** What a `/coach …` comment asks for. */
export type CoachCommand =
  | { kind: "explain" }
  | { kind: "dismiss" }
  | { kind: "off" }
  | { kind: "on" }
  | { kind: "kudos"; named: boolean }
  | { kind: "unmute"; rule: string | null }
  | { kind: "help"; unknown: string | null };

/**
 * Reads a `/coach` command from the start of a line of the comment's own words (not from quotes or
 * code). Returns null when the comment holds no command. Pure.
 */
export function parseCoachCommand(body: string): CoachCommand | null {
  let inFence = false;
  for (const rawLine of body.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (/^(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence || line.startsWith(">")) continue;
    const match = /^\/coach(?:\s+([^\s]+))?(?:\s+([^\s]+))?/i.exec(line);
    if (!match) continue;
    const word = (match[1] ?? "").toLowerCase();
    const second = (match[2] ?? "").toLowerCase();
    if (word === "kudos" && (second === "off" || second === "on")) return { kind: "kudos", named: second === "on" };
    if (word === "unmute") return { kind: "unmute", rule: second || null };
    switch (word) {
      case "explain":
      case "why":
        return { kind: "explain" };
      case "dismiss":
        return { kind: "dismiss" };
      case "off":
      case "stop":
        return { kind: "off" };
      case "on":
      case "start":
        return { kind: "on" };
      case "":
      case "help":
        return { kind: "help", unknown: null };
      default:
        return { kind: "help", unknown: match[1] ?? null };
    }
  }
  return null;
}

import type { IncomingMessage, ServerResponse } from "node:http";

/** GitHub caps webhook payloads at 25 MB; anything bigger is not from GitHub. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;
/** GitHub's payloads nest a dozen levels; far deeper JSON is an attack on whatever walks it. */
export const MAX_WEBHOOK_DEPTH = 64;

const LINGER_MS = 1000;

export interface WebhookGuardOptions {
  maxBytes?: number;
  maxDepth?: number;
}

/** A webhook request that passed the guard: its body as received, as text, and parsed. */
export interface GuardedWebhook {
  bytes: Buffer;
  body: string;
  payload: Record<string, unknown>;
}

/**
 * Runs before signature verification: refuses a body over the size limit with 413 without buffering it,
 * and a body or event name that cannot be a GitHub webhook with 400 and a message saying why (then
 * resolves undefined: the request is answered). What passes comes back read and parsed, once.
 */
export async function guardWebhookRequest(request: IncomingMessage, response: ServerResponse, options: WebhookGuardOptions = {}): Promise<GuardedWebhook | undefined> {
  const maxBytes = options.maxBytes ?? MAX_WEBHOOK_BYTES;
  const maxDepth = options.maxDepth ?? MAX_WEBHOOK_DEPTH;
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) return refuse(request, response, 413, tooLarge(maxBytes));
  const event = request.headers["x-github-event"];
  if (typeof event === "string" && !isEventName(event)) {
    return refuse(request, response, 400, `"${event.slice(0, 64)}" is not a GitHub event name (x-github-event must be lower-case letters and underscores)`);
  }
  const delivery = request.headers["x-github-delivery"];
  // Job ids of scheduled work contain ":" (backfill:<id>, digest:…); a delivery id never does.
  if (typeof delivery === "string" && !/^[A-Za-z0-9-]{1,64}$/.test(delivery)) {
    return refuse(request, response, 400, "x-github-delivery must be GitHub's delivery GUID (letters, digits and dashes)");
  }
  const bytes = await readBody(request, maxBytes);
  if (bytes === undefined) return refuse(request, response, 413, tooLarge(maxBytes));
  const body = bytes.toString("utf8");
  const parsed = parseWebhookBody(body, maxDepth);
  if (typeof parsed === "string") return refuse(request, response, 400, parsed);
  return { bytes, body, payload: parsed };
}

function tooLarge(maxBytes: number): string {
  return `webhook body over ${Math.round(maxBytes / 1024 / 1024)} MB (GitHub's limit): refused unread`;
}

/** A URL's path without its query and trailing slashes. */
export function pathOf(url: string | undefined): string {
  const path = (url ?? "").split("?")[0]!;
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

function isEventName(name: string): boolean {
  return /^[a-z][a-z_]{0,63}$/.test(name) && !Object.hasOwn(Object.prototype, name);
}

/** The body, or undefined as soon as it passes `maxBytes` (the rest is never read). */
function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.off("data", onData);
        request.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.once("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    request.once("error", reject);
  });
}

/** The payload, or why the body cannot be one: it must be a JSON object, nested within bounds. */
function parseWebhookBody(body: string, maxDepth: number): Record<string, unknown> | string {
  const depth = measureDepth(body);
  if (depth > maxDepth) return `JSON nested deeper than ${maxDepth} levels: not a GitHub webhook payload`;
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return "body is not valid JSON";
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return "body must be a JSON object (a GitHub webhook payload)";
  const installation = (payload as { installation?: unknown }).installation;
  if (installation !== undefined && installation !== null) {
    const id = (installation as { id?: unknown }).id;
    if (typeof installation !== "object" || !(Number.isSafeInteger(id) && (id as number) > 0)) {
      return "installation.id must be a positive integer";
    }
  }
  return payload as Record<string, unknown>;
}

/** Deepest bracket nesting outside strings, in one pass (no recursion, no parse). */
function measureDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) i = endOfString(text, i);
    else if (c === 123 || c === 91) deepest = Math.max(deepest, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

/** Where the string opened by the quote at `open` ends: its closing quote, one not escaped (or the text's end). */
function endOfString(text: string, open: number): number {
  for (let quote = text.indexOf('"', open + 1); quote > 0; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return text.length;
}

function refuse(request: IncomingMessage, response: ServerResponse, status: 400 | 413, error: string): undefined {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify({ error }));
  // Lingering close: the rest of the body is read and dropped (never kept) for a moment so the client
  // sees this answer rather than a reset, then the connection goes.
  response.once("finish", () => {
    request.resume();
    setTimeout(() => request.socket.destroy(), LINGER_MS).unref();
  });
  return undefined;
}

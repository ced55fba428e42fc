import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { IntakeUnavailableError } from "../errors.js";
import type { Logger } from "../log.js";
import { guardWebhookRequest, pathOf, type WebhookGuardOptions } from "./guard-webhook-request.js";

/** A delivery whose signature matched: its id, event name, payload, and the payload's JSON as GitHub sent it. */
export interface VerifiedWebhook {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  payloadJson: string;
}

/** What the intake did with a delivery, for the request's access log line. */
export type ReceivedFields = Record<string, unknown>;

/** Where verified deliveries go: the app registers its intake once; the middleware hands each delivery to it. */
export class WebhookReceiver {
  #receive: ((webhook: VerifiedWebhook) => Promise<ReceivedFields | void>) | undefined;

  onAny(receive: (webhook: VerifiedWebhook) => Promise<ReceivedFields | void>): void {
    this.#receive = receive;
  }

  receive(webhook: VerifiedWebhook): Promise<ReceivedFields | void> {
    if (!this.#receive) return Promise.reject(new Error("no webhook intake is registered"));
    return this.#receive(webhook);
  }
}

export interface WebhookMiddlewareOptions extends WebhookGuardOptions {
  path: string;
  secret: string;
  receiver: WebhookReceiver;
  log: Logger;
  /** Told when a delivery's request starts and when it is answered (the worker holds back meanwhile). */
  activity?: { requestStarted(): void; requestAnswered(): void };
}

const REQUIRED_HEADERS = ["x-github-event", "x-hub-signature-256", "x-github-delivery"] as const;
const JSON_CONTENT_TYPE = /^\s*(application\/json)\s*(?:;|$)/u;

/**
 * The webhook endpoint, in place of @octokit/webhooks' middleware with the same answers: the guard
 * (bounds, shape), then the content type, GitHub's headers and the signature (an HMAC of the body's
 * bytes), then the intake; 200 once it has recorded the delivery, its error's status (503) otherwise.
 * The body is read and parsed once, and its JSON is handed on as received (never serialized again).
 * Other paths are left to the server's other handlers (false).
 */
export function createWebhookMiddleware(options: WebhookMiddlewareOptions) {
  const path = pathOf(options.path);
  const { activity } = options;
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (pathOf(request.url) !== path) return false;
    if (request.method !== "POST") return answer(response, 404, { error: `Unknown route: ${request.method} ${path}` });
    if (!activity) return handleDelivery(request, response);
    activity.requestStarted();
    try {
      return await handleDelivery(request, response);
    } finally {
      activity.requestAnswered();
    }
  };

  async function handleDelivery(request: IncomingMessage, response: ServerResponse): Promise<true> {
    const guarded = await guardWebhookRequest(request, response, options);
    if (!guarded) return true;
    const contentType = request.headers["content-type"];
    if (typeof contentType !== "string" || !JSON_CONTENT_TYPE.test(contentType)) {
      return answer(response, 415, { error: 'Unsupported "Content-Type" header value. Must be "application/json"' });
    }
    const missing = REQUIRED_HEADERS.filter((header) => request.headers[header] === undefined);
    if (missing.length > 0) return answer(response, 400, { error: `Required headers missing: ${missing.join(", ")}` });
    const id = request.headers["x-github-delivery"] as string;
    const name = request.headers["x-github-event"] as string;
    if (!matchesSignature(options.secret, guarded.bytes, request.headers["x-hub-signature-256"] as string)) {
      options.log.warn({ deliveryId: id, event: name }, "webhook signature does not match: refused");
      return answer(response, 400, { error: "x-hub-signature-256 does not match the body and the webhook secret" });
    }
    try {
      const fields = await options.receiver.receive({ id, name, payload: guarded.payload, payloadJson: guarded.body });
      // Probot's access log (pino-http) writes the request's line when the answer is sent: it carries these.
      if (fields) (response as ServerResponse & { log?: Logger }).log?.setBindings(fields);
      return answer(response, 200, "ok\n");
    } catch (error) {
      // The intake logs what it refuses; anything else is a fault of the app's.
      if (!(error instanceof IntakeUnavailableError)) options.log.error({ err: error, deliveryId: id, event: name }, "webhook intake failed");
      const { status, name: errorName, message } = error as { status?: unknown; name?: string; message?: string };
      return answer(response, typeof status === "number" ? status : 500, { error: message ? `${errorName ?? "Error"}: ${message}` : "Error: An Unspecified error occurred" });
    }
  }
}

/** Whether `signature` is `sha256=` and the hex HMAC-SHA256 of the body's bytes under the secret (compared in constant time). */
function matchesSignature(secret: string, bytes: Buffer, signature: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(bytes).digest("hex")}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function answer(response: ServerResponse, status: number, body: string | { error: string }): true {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  response.writeHead(status, {
    "content-type": typeof body === "string" ? "text/plain" : "application/json",
    accept: "application/json",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
  return true;
}

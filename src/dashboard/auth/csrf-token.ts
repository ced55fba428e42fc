import { createHash, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Session } from "./encrypt-session.js";

/** The CSRF key: HKDF-SHA256 of SESSION_SECRET for this one purpose. */
const csrfKey = (secret: string) => Buffer.from(hkdfSync("sha256", secret, "review-coach dashboard", "csrf v1", 32));

/** The synchroniser token of a session: bound to the user, the sign-in and the token it holds. */
export function buildCsrfToken(session: Session, secret: string): string {
  const tokenHash = createHash("sha256").update(session.token).digest("base64url");
  return createHmac("sha256", csrfKey(secret)).update(`${session.id}:${session.issued}:${tokenHash}`).digest("base64url");
}

export function isValidCsrfToken(given: string | undefined, session: Session, secret: string): boolean {
  if (!given) return false;
  const expected = Buffer.from(buildCsrfToken(session, secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * The Origin (or, without it, the Referer) of a state-changing request must be the dashboard's own.
 * A request carrying neither is refused.
 */
export function isSameOrigin(req: IncomingMessage, origin: string): boolean {
  const header = req.headers.origin ?? req.headers.referer;
  if (typeof header !== "string" || header === "null") return false;
  try {
    return new URL(header).origin === origin;
  } catch {
    return false;
  }
}

import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const OAUTH_STATE_TTL_MS = 10 * 60_000;

/** The OAuth state key: HKDF-SHA256 of SESSION_SECRET for this one purpose. */
const stateKey = (secret: string) => Buffer.from(hkdfSync("sha256", secret, "review-coach dashboard", "oauth state v1", 32));

const statePayloadSchema = z.object({ n: z.string().min(16).max(64), e: z.number().int(), r: z.string().max(500) });

/**
 * The OAuth `state`: a signed, short-lived value carrying a nonce (also put in a cookie, so the callback
 * only completes in the browser that started the sign-in) and where to go afterwards.
 */
export function createOAuthState(secret: string, now: Date, returnTo: string): { state: string; nonce: string } {
  const nonce = randomBytes(18).toString("base64url");
  const payload = Buffer.from(JSON.stringify({ n: nonce, e: now.getTime() + OAUTH_STATE_TTL_MS, r: returnTo })).toString("base64url");
  const signature = createHmac("sha256", stateKey(secret)).update(payload).digest("base64url");
  return { state: `${payload}.${signature}`, nonce };
}

/** Where to go after signing in, or null when the state is forged, expired, or not this browser's. */
export function verifyOAuthState(state: string, cookieNonce: string | undefined, secret: string, now: Date): { returnTo: string } | null {
  const [payload, signature, extra] = state.split(".");
  if (!payload || !signature || extra !== undefined || !cookieNonce) return null;
  const expected = createHmac("sha256", stateKey(secret)).update(payload).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let parsed;
  try {
    parsed = statePayloadSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  } catch {
    return null;
  }
  if (!parsed.success || parsed.data.e <= now.getTime()) return null;
  const a = Buffer.from(parsed.data.n);
  const b = Buffer.from(cookieNonce);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  return { returnTo: parsed.data.r };
}

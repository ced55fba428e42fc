import { hkdfSync } from "node:crypto";

export interface DashboardKeys {
  /** AES-256-GCM key of the session cookie. */
  sessionEncryption: Buffer;
  /** HMAC-SHA256 key of the session cookie. */
  sessionSignature: Buffer;
  /** HMAC-SHA256 key of the OAuth state. */
  oauthState: Buffer;
  /** HMAC-SHA256 key of the CSRF tokens. */
  csrf: Buffer;
}

const cache = new Map<string, DashboardKeys>();

/** One key per purpose, derived from SESSION_SECRET with HKDF-SHA256, so no key serves two purposes. */
export function deriveKeys(secret: string): DashboardKeys {
  const cached = cache.get(secret);
  if (cached) return cached;
  const derive = (purpose: string) => Buffer.from(hkdfSync("sha256", secret, "review-coach dashboard", purpose, 32));
  const keys = {
    sessionEncryption: derive("session encryption v1"),
    sessionSignature: derive("session signature v1"),
    oauthState: derive("oauth state v1"),
    csrf: derive("csrf v1"),
  };
  if (cache.size > 8) cache.clear();
  cache.set(secret, keys);
  return keys;
}

import { hkdfSync } from "node:crypto";
import { CompactEncrypt, compactDecrypt } from "jose";
import { z } from "zod";

export const SESSION_TTL_MS = 8 * 3_600_000;

export const sessionSchema = z.object({
  login: z.string().min(1).max(100),
  id: z.number().int().positive(),
  /** The GitHub user-to-server token; never leaves the encrypted cookie. */
  token: z.string().min(1).max(2000),
  /** ms since the epoch. */
  issued: z.number().int(),
  expires: z.number().int(),
});
export type Session = z.infer<typeof sessionSchema>;

/** Direct encryption with AES-256-GCM: the JWE carries no wrapped key, and any change fails its tag. */
const HEADER = { alg: "dir", enc: "A256GCM" } as const;
const MAX_COOKIE_LENGTH = 8192;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The session key: HKDF-SHA256 of SESSION_SECRET for this one purpose (other purposes derive their own). */
function sessionKey(secret: string): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", secret, "review-coach dashboard", "session jwe v2", 32));
}

/** The session as a cookie value: a compact JWE (dir, A256GCM) of its JSON, so nothing in it is readable. */
export async function encryptSession(session: Session, secret: string): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(session))).setProtectedHeader(HEADER).encrypt(sessionKey(secret));
}

/**
 * The session in a cookie value, or null when it is forged, tampered with, from another secret, expired
 * or issued in the future. Never throws.
 */
export async function decryptSession(value: string | undefined, secret: string, now: Date): Promise<Session | null> {
  if (!value || value.length > MAX_COOKIE_LENGTH || !isCanonical(value)) return null;
  let session: Session;
  try {
    const { plaintext } = await compactDecrypt(value, sessionKey(secret), { keyManagementAlgorithms: [HEADER.alg], contentEncryptionAlgorithms: [HEADER.enc] });
    const parsed = sessionSchema.safeParse(JSON.parse(new TextDecoder().decode(plaintext)));
    if (!parsed.success) return null;
    session = parsed.data;
  } catch {
    return null;
  }
  const time = now.getTime();
  if (session.issued > time + 60_000 || session.expires <= time || session.expires - session.issued > SESSION_TTL_MS) return null;
  return session;
}

/**
 * Base64url decoders ignore the unused low bits of a segment's last character, so two spellings can
 * decode to the same bytes: accept only the one spelling that encrypting produces.
 */
function isCanonical(value: string): boolean {
  return value.split(".").every((part) => BASE64URL.test(part) && Buffer.from(part, "base64url").toString("base64url") === part);
}

import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { deriveKeys } from "./derive-keys.js";

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

const VERSION = "v1";
const b64 = (buffer: Buffer) => buffer.toString("base64url");

/** The session as a cookie value: AES-256-GCM encrypted, then signed with HMAC-SHA256 (both keys from the secret). */
export function sealSession(session: Session, secret: string): string {
  const keys = deriveKeys(secret);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.sessionEncryption, iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(session), "utf8"), cipher.final(), cipher.getAuthTag()]);
  const body = `${VERSION}.${b64(iv)}.${b64(sealed)}`;
  return `${body}.${b64(createHmac("sha256", keys.sessionSignature).update(body).digest())}`;
}

/**
 * The session in a cookie value, or null when it is forged, tampered with, from another secret, expired
 * or issued in the future. Never throws.
 */
export function openSession(value: string | undefined, secret: string, now: Date): Session | null {
  if (!value || value.length > 8192) return null;
  const parts = value.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [version, iv, sealed, signature] = parts as [string, string, string, string];
  const keys = deriveKeys(secret);
  const expected = createHmac("sha256", keys.sessionSignature).update(`${version}.${iv}.${sealed}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let session: Session;
  try {
    const ivBytes = Buffer.from(iv, "base64url");
    const bytes = Buffer.from(sealed, "base64url");
    if (ivBytes.length !== 12 || bytes.length < 17) return null;
    const decipher = createDecipheriv("aes-256-gcm", keys.sessionEncryption, ivBytes);
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const text = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
    const parsed = sessionSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    session = parsed.data;
  } catch {
    return null;
  }
  const time = now.getTime();
  if (session.issued > time + 60_000 || session.expires <= time || session.expires - session.issued > SESSION_TTL_MS) return null;
  return session;
}

import { describe, expect, it } from "@jest/globals";
import { buildCsrfToken, isValidCsrfToken } from "../../../src/dashboard/auth/csrf-token.js";
import { createOAuthState, verifyOAuthState } from "../../../src/dashboard/auth/oauth-state.js";
import { decryptSession, encryptSession, type Session } from "../../../src/dashboard/auth/encrypt-session.js";

const SECRET = "0123456789abcdef0123456789abcdef-test";
const NOW = new Date("2026-11-11T10:00:00.000Z");
const SESSION: Session = { login: "alice", id: 9001, token: "ghu_secret_token", issued: NOW.getTime(), expires: NOW.getTime() + 8 * 3_600_000 };

describe("session cookie", () => {
  it("round-trips, and never shows the token in clear", async () => {
    const sealed = await encryptSession(SESSION, SECRET);
    expect(sealed).not.toContain("ghu_secret_token");
    for (const part of sealed.split(".")) expect(Buffer.from(part, "base64url").toString("latin1")).not.toMatch(/alice|ghu_/);
    expect(await decryptSession(sealed, SECRET, NOW)).toEqual(SESSION);
  });

  it("is a compact JWE with direct AES-256-GCM encryption and a fresh IV each time", async () => {
    const sealed = await encryptSession(SESSION, SECRET);
    const [header, wrappedKey, iv, ciphertext, tag] = sealed.split(".");
    expect(JSON.parse(Buffer.from(header!, "base64url").toString("utf8"))).toEqual({ alg: "dir", enc: "A256GCM" });
    expect(wrappedKey).toBe("");
    expect(Buffer.from(iv!, "base64url")).toHaveLength(12);
    expect(Buffer.from(tag!, "base64url")).toHaveLength(16);
    expect(ciphertext!.length).toBeGreaterThan(0);
    expect(await encryptSession(SESSION, SECRET)).not.toBe(sealed);
  });

  it("refuses a flipped bit anywhere, another secret, and an expired session", async () => {
    const sealed = await encryptSession(SESSION, SECRET);
    for (let index = 3; index < sealed.length; index += 7) {
      if (sealed[index] === ".") continue;
      const flipped = `${sealed.slice(0, index)}${sealed[index] === "A" ? "B" : "A"}${sealed.slice(index + 1)}`;
      expect(await decryptSession(flipped, SECRET, NOW)).toBeNull();
    }
    expect(await decryptSession(sealed, `${SECRET}x`, NOW)).toBeNull();
    expect(await decryptSession(sealed, SECRET, new Date(SESSION.expires))).toBeNull();
    expect(await decryptSession(undefined, SECRET, NOW)).toBeNull();
    expect(await decryptSession("v1.a.b", SECRET, NOW)).toBeNull();
  });

  it("refuses the last character of each part changed in bits a decoder would ignore", async () => {
    const sealed = await encryptSession(SESSION, SECRET);
    const parts = sealed.split(".");
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (const [index, part] of parts.entries()) {
      if (part === "") continue;
      const last = alphabet.indexOf(part.at(-1)!);
      // the neighbour differs only in the lowest bit, which is padding when the bytes don't fill the character
      const neighbour = alphabet[last ^ 1]!;
      const changed = parts.map((p, i) => (i === index ? `${p.slice(0, -1)}${neighbour}` : p)).join(".");
      expect(await decryptSession(changed, SECRET, NOW)).toBeNull();
    }
  });

  it("refuses sessions past their expiry, with too long a life, or issued in the future, even when sealed with the secret", async () => {
    const at = async (overrides: Partial<Session>) => decryptSession(await encryptSession({ ...SESSION, ...overrides }, SECRET), SECRET, NOW);
    expect(await at({ issued: NOW.getTime() - 9 * 3_600_000, expires: NOW.getTime() - 1 })).toBeNull();
    expect(await at({ issued: NOW.getTime() - 9 * 3_600_000, expires: NOW.getTime() })).toBeNull();
    expect(await at({ issued: NOW.getTime() - 3_600_000, expires: NOW.getTime() + 8 * 3_600_000 })).toBeNull();
    expect(await at({ issued: NOW.getTime() + 2 * 60_000, expires: NOW.getTime() + 3_600_000 })).toBeNull();
    expect(await at({ issued: NOW.getTime() - 3_600_000, expires: NOW.getTime() + 3_600_000 })).toEqual({ ...SESSION, issued: NOW.getTime() - 3_600_000, expires: NOW.getTime() + 3_600_000 });
  });
});

describe("OAuth state and CSRF token", () => {
  it("accepts the state only with its browser's nonce, before it expires", () => {
    const { state, nonce } = createOAuthState(SECRET, NOW, "/dashboard/me");
    expect(verifyOAuthState(state, nonce, SECRET, NOW)).toEqual({ returnTo: "/dashboard/me" });
    expect(verifyOAuthState(state, `${nonce}x`, SECRET, NOW)).toBeNull();
    expect(verifyOAuthState(state, undefined, SECRET, NOW)).toBeNull();
    expect(verifyOAuthState(state, nonce, SECRET, new Date(NOW.getTime() + 11 * 60_000))).toBeNull();
    expect(verifyOAuthState(`${state}A`, nonce, SECRET, NOW)).toBeNull();
  });

  it("ties the CSRF token to the session", () => {
    const token = buildCsrfToken(SESSION, SECRET);
    expect(isValidCsrfToken(token, SESSION, SECRET)).toBe(true);
    expect(isValidCsrfToken(token, { ...SESSION, issued: SESSION.issued + 1 }, SECRET)).toBe(false);
    expect(isValidCsrfToken(token, { ...SESSION, token: "ghu_other" }, SECRET)).toBe(false);
    expect(isValidCsrfToken(undefined, SESSION, SECRET)).toBe(false);
  });
});

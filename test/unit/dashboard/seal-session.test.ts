import { describe, expect, it } from "@jest/globals";
import { buildCsrfToken, isValidCsrfToken } from "../../../src/dashboard/auth/csrf-token.js";
import { createOAuthState, verifyOAuthState } from "../../../src/dashboard/auth/oauth-state.js";
import { openSession, sealSession, type Session } from "../../../src/dashboard/auth/seal-session.js";

const SECRET = "0123456789abcdef0123456789abcdef-test";
const NOW = new Date("2026-11-11T10:00:00.000Z");
const SESSION: Session = { login: "alice", id: 9001, token: "ghu_secret_token", issued: NOW.getTime(), expires: NOW.getTime() + 8 * 3_600_000 };

describe("session cookie", () => {
  it("round-trips, and never shows the token in clear", () => {
    const sealed = sealSession(SESSION, SECRET);
    expect(sealed).not.toContain("ghu_secret_token");
    expect(Buffer.from(sealed.split(".")[2] ?? "", "base64url").toString("latin1")).not.toContain("alice");
    expect(openSession(sealed, SECRET, NOW)).toEqual(SESSION);
  });

  it("refuses a flipped bit anywhere, another secret, and an expired session", () => {
    const sealed = sealSession(SESSION, SECRET);
    for (let index = 3; index < sealed.length; index += 7) {
      if (sealed[index] === ".") continue;
      const flipped = `${sealed.slice(0, index)}${sealed[index] === "A" ? "B" : "A"}${sealed.slice(index + 1)}`;
      expect(openSession(flipped, SECRET, NOW)).toBeNull();
    }
    expect(openSession(sealed, `${SECRET}x`, NOW)).toBeNull();
    expect(openSession(sealed, SECRET, new Date(SESSION.expires))).toBeNull();
    expect(openSession(undefined, SECRET, NOW)).toBeNull();
    expect(openSession("v1.a.b", SECRET, NOW)).toBeNull();
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

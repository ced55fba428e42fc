import type { IncomingMessage } from "node:http";
import { parseCookie, stringifySetCookie } from "cookie";

export const SESSION_COOKIE = "rc_session";
export const OAUTH_COOKIE = "rc_oauth";

/** A Set-Cookie value: always HttpOnly and SameSite=Lax; maxAgeSeconds 0 deletes the cookie. */
export function buildSetCookie(name: string, value: string, options: { maxAgeSeconds: number; path: string; secure: boolean }): string {
  const maxAge = Math.max(0, Math.floor(options.maxAgeSeconds));
  return stringifySetCookie(name, value, {
    maxAge,
    path: options.path,
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    ...(maxAge === 0 ? { expires: new Date(0) } : {}),
  });
}

/** The request's cookies by name (the first of a repeated name wins). */
export function cookiesOf(req: IncomingMessage): Record<string, string | undefined> {
  return parseCookie(req.headers.cookie ?? "");
}

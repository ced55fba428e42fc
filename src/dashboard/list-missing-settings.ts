import type { DashboardEnv } from "./create-dashboard-session.js";

/** The settings sign-in needs that are not set. */
export function listMissingSettings(env: DashboardEnv): string[] {
  // PUBLIC_URL: the sign-in callback must never come from a request's Host header.
  return (["GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET", "SESSION_SECRET", "PUBLIC_URL"] as const).filter((name) => !env[name]);
}

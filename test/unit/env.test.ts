import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { loadEnv } from "../../src/env.js";
import { EnvError } from "../../src/errors.js";
import { testPrivateKey } from "../helpers/test-app.js";

function problemsOf(source: Record<string, string>): string[] {
  try {
    loadEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("loadEnv", () => {
  it("starts in setup mode with nothing set, on the embedded store", () => {
    const env = loadEnv({}, "/srv/app");
    expect(env).toMatchObject({
      hasAppCredentials: false,
      PORT: 3000,
      LOG_LEVEL: "info",
      LOG_FORMAT: "json",
      githubApiUrl: "https://api.github.com",
      sqlitePath: "/srv/app/data/review-coach.sqlite",
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("needs a key and a webhook secret with APP_ID, and says how to get them", () => {
    expect(problemsOf({ APP_ID: "42" })).toEqual([
      "PRIVATE_KEY is required with APP_ID: set PRIVATE_KEY to the PEM text or PRIVATE_KEY_PATH to the .pem file",
      "WEBHOOK_SECRET is required with APP_ID: use the webhook secret from the GitHub App's settings",
    ]);
  });

  it("names every malformed setting at once", () => {
    expect(
      problemsOf({ APP_ID: "my-app", DATABASE_URL: "mysql://x", GHE_HOST: "https://ghe.example.com", LOG_LEVEL: "loud", PORT: "http" }),
    ).toEqual([
      "APP_ID must be the numeric App ID from the GitHub App's settings",
      "DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded SQLite store)",
      "GHE_HOST is a host name (and optional :port) without the protocol; put the protocol in GHE_PROTOCOL",
      'LOG_LEVEL Invalid option: expected one of "trace"|"debug"|"info"|"warn"|"error"|"fatal"|"silent"',
      "PORT Invalid input: expected number, received NaN",
    ]);
  });

  it("reads the key from PRIVATE_KEY_PATH and points GHE at its /api/v3", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "env-"));
    writeFileSync(path.join(dir, "key.pem"), testPrivateKey());
    const env = loadEnv(
      { APP_ID: "42", PRIVATE_KEY_PATH: "key.pem", WEBHOOK_SECRET: "s", GHE_HOST: "127.0.0.1:8443", GHE_PROTOCOL: "http", DATABASE_URL: "postgres://u@db/rc" },
      dir,
    );
    expect(env.privateKey).toBe(testPrivateKey());
    expect(env.githubApiUrl).toBe("http://127.0.0.1:8443/api/v3");
    expect(env.hasAppCredentials).toBe(true);
  });

  it("rejects a private key that is not PEM, and a key file that is missing", () => {
    expect(problemsOf({ APP_ID: "1", PRIVATE_KEY: "abc", WEBHOOK_SECRET: "s" })[0]).toMatch(/^PRIVATE_KEY is not a PEM private key/);
    expect(problemsOf({ APP_ID: "1", PRIVATE_KEY_PATH: "/nonexistent/key.pem", WEBHOOK_SECRET: "s" })[0]).toMatch(
      /^PRIVATE_KEY_PATH points at \/nonexistent\/key\.pem, which cannot be read/,
    );
  });

  it("accepts escaped newlines in PRIVATE_KEY", () => {
    const key = testPrivateKey();
    const env = loadEnv({ APP_ID: "1", PRIVATE_KEY: key.replace(/\n/g, "\\n"), WEBHOOK_SECRET: "s" });
    expect(env.privateKey).toBe(key);
  });
  it("refuses at start a PostgreSQL URL the driver cannot use, and says what to add", () => {
    // No user in the URL and none in the environment (as in many containers): the driver would send none.
    expect(problemsOf({ DATABASE_URL: "postgres://127.0.0.1:5432/db" })).toEqual([
      "DATABASE_URL names no user, and neither PGUSER nor USER is set for the driver to fall back on: add the user, as in postgres://USER:PASSWORD@HOST:5432/DATABASE",
    ]);
    expect(problemsOf({ DATABASE_URL: "postgres://127.0.0.1:5432/db", USER: "app" })).toEqual([]);
    expect(problemsOf({ DATABASE_URL: "postgres://127.0.0.1:5432/db", PGUSER: "app" })).toEqual([]);
    expect(problemsOf({ DATABASE_URL: "postgres://app@127.0.0.1:5432/db" })).toEqual([]);
    expect(problemsOf({ DATABASE_URL: "postgres:///db?host=/var/run/postgresql&user=app" })).toEqual([]);
    expect(problemsOf({ DATABASE_URL: "postgres://app@db:54x2/rc" })).toEqual([
      "DATABASE_URL is not a valid URL: use postgres://USER:PASSWORD@HOST:5432/DATABASE, with special characters in the password percent-encoded (e.g. @ as %40)",
    ]);
    expect(problemsOf({ DATABASE_URL: "postgres:///db", USER: "app" })).toEqual(["DATABASE_URL names no host: use postgres://USER:PASSWORD@HOST:5432/DATABASE"]);
  });
});

import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { sign } from "@octokit/webhooks-methods";
import nock from "nock";
import pino from "pino";
import { type Env, loadEnv } from "../../src/env.js";
import { startReviewCoach, type RunningApp } from "../../src/index.js";
import { createTestStore, type Engine, type TestStore } from "./stores.js";

export const WEBHOOK_SECRET = "test-webhook-secret";
export const APP_ID = 123;

let privateKey: string | undefined;
/** A throwaway RSA key made for the test run; no key is committed. */
export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  return privateKey;
}

/** GitHub is nock; only loopback (the app under test, PostgreSQL, a local GHES stand-in) is real. */
export function isolateNetwork(): void {
  nock.disableNetConnect();
  nock.enableNetConnect((host) => /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host));
}

export interface TestApp {
  app: RunningApp;
  url: string;
  env: Env;
  /** The test store's location, to start a second replica on the same database. */
  testStore: TestStore;
  /** Posts a webhook signed with the app's secret (or the given one). */
  post(name: string, payload: unknown, options?: { id?: string; secret?: string }): Promise<{ status: number; text: string }>;
  /** Posts a JSON text as it is, signed like post (for bodies JSON.stringify cannot write). */
  postBody(name: string, body: string, options?: { id?: string; secret?: string }): Promise<{ status: number; text: string }>;
  /** Resolves when no job is queued or running. */
  waitForIdle(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  engine?: Engine;
  env?: Record<string, string>;
  now?: () => Date;
  /** 0 (the default in tests) reads the config on every event, so each test sees its own requests. */
  configCacheMs?: number;
  /** The digest scheduler is off unless a test asks for it (it then ticks on demand). */
  scheduler?: boolean;
  /** Share another test app's database (a second replica); it is dropped by its owner. */
  sharedStore?: TestStore;
  /** GitHub throttling and retries are off in tests unless a test turns them on. */
  octokitPolicy?: { throttle: boolean; retry: boolean };
  /** Where the app logs (default: a silent pino, or TEST_LOG_LEVEL's). */
  log?: pino.Logger;
}

/** The real server on port 0 with a fresh store, as `npm start` runs it but with fast test timings. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const testStore = options.sharedStore ?? (await createTestStore(options.engine ?? "sqlite"));
  const env = loadEnv({
    APP_ID: String(APP_ID),
    PRIVATE_KEY: testPrivateKey(),
    WEBHOOK_SECRET,
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    DATA_DIR: testStore.location.sqlitePath ? path.dirname(testStore.location.sqlitePath) : mkdtempSync(path.join(tmpdir(), "review-coach-app-")),
    ...(testStore.location.databaseUrl ? { DATABASE_URL: testStore.location.databaseUrl } : {}),
    // Recovery of failed deliveries calls GitHub's App API on each scheduler tick: off unless a test turns it on.
    REDELIVERY_WINDOW_HOURS: "0",
    ...options.env,
  });
  const log = options.log ?? pino({ level: env.LOG_LEVEL });
  const app = await startReviewCoach({
    env,
    log,
    octokitPolicy: options.octokitPolicy ?? { throttle: false, retry: false },
    worker: { pollMs: 20, baseBackoffMs: 20 },
    configCacheMs: options.configCacheMs ?? 0,
    scheduler: options.scheduler ?? false,
    ...(options.now ? { now: options.now } : {}),
  });
  const url = `http://127.0.0.1:${app.port}`;

  const testApp: TestApp = {
    app,
    url,
    env,
    testStore,
    post(name, payload, postOptions = {}) {
      return testApp.postBody(name, JSON.stringify(payload), postOptions);
    },
    async postBody(name, body, postOptions = {}) {
      const signature = await sign(postOptions.secret ?? WEBHOOK_SECRET, body);
      // A fresh connection per delivery, as GitHub makes them (no pooled socket outliving a test's server).
      const response = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const request = httpRequest(
          `${url}${env.WEBHOOK_PATH}`,
          {
            method: "POST",
            agent: false,
            headers: {
              "content-type": "application/json",
              "content-length": Buffer.byteLength(body),
              "x-github-event": name,
              "x-github-delivery": postOptions.id ?? randomUUID(),
              "x-hub-signature-256": signature,
              "user-agent": "GitHub-Hookshot/test",
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
          },
        );
        request.on("error", reject);
        request.end(body);
      });
      return response;
    },
    async waitForIdle(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const busy = await app.store.db
          .selectFrom("jobs")
          .select("id")
          .where("status", "in", ["queued", "running"])
          .execute();
        if (busy.length === 0 && app.worker.inFlight === 0) return;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error("jobs still pending after waitForIdle");
    },
    async stop() {
      await app.stop();
      if (!options.sharedStore) await testStore.drop().catch(() => undefined);
    },
  };
  return testApp;
}

/** nock for GitHub's REST API, with the installation token exchange every job starts with. */
export function mockGitHub(installationId: number, baseUrl = "https://api.github.com") {
  return nock(baseUrl)
    .post(`/app/installations/${installationId}/access_tokens`)
    .reply(201, { token: "ghs_test_token", expires_at: "2099-01-01T00:00:00Z", permissions: { pull_requests: "write" } });
}

/**
 * Mocks reading `.github/review-coach.yml` as the config plugin does: the repository's file, and when it
 * has none, the org's `.github` repository. `null` means no file.
 */
export function mockRepoConfig(scope: nock.Scope, fullName: string, text: string | null, orgText: string | null = null): nock.Scope {
  const [owner] = fullName.split("/");
  const mock = (path: string, body: string | null) => {
    const interceptor = scope.get(path);
    if (body === null) interceptor.reply(404, { message: "Not Found" });
    else interceptor.reply(200, body, { "content-type": "text/plain" });
  };
  mock(`/repos/${fullName}/contents/.github%2Freview-coach.yml`, text);
  if (text === null) mock(`/repos/${owner}/.github/contents/.github%2Freview-coach.yml`, orgText);
  return scope;
}

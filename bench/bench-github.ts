// What the webhook benchmarks share: a GitHub stand-in that answers a review event's requests, the
// review-event payloads, the app started against it, and a signed delivery.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sign } from "@octokit/webhooks-methods";
import pino from "pino";
import { loadEnv } from "../src/env.js";
import { startReviewCoach } from "../src/index.js";
import { RISKY_FILES } from "../test/fixtures/risky-pull-request-files.js";
import { GitHubStandIn, json, type Route } from "../test/helpers/github-stand-in.js";
import { testPrivateKey, WEBHOOK_SECRET } from "../test/helpers/test-app.js";
import { loadExample } from "../test/helpers/webhook-examples.js";

export interface BenchEvent {
  name: string;
  id: string;
  body: string;
}

/**
 * A stand-in answering every request of the review flow; onReview hears each coaching review posted.
 * `firstRoutes` answer before its own (other files for the PRs, their contents).
 */
export function createBenchGitHub(onReview: (path: string) => void = () => undefined, firstRoutes: readonly Route[] = []): GitHubStandIn {
  return firstRoutes
    .reduce((standIn, route) => standIn.route(route), new GitHubStandIn())
    .route((req, res) => req.method === "POST" && /\/access_tokens$/.test(req.url ?? "") && json(res, 201, { token: "ghs_bench", expires_at: "2099-01-01T00:00:00Z" }))
    .route((req, res) => (req.url ?? "").includes("/contents/") && json(res, 404, { message: "Not Found" }))
    .route((req, res) => /\/pulls\/\d+\/files/.test(req.url ?? "") && json(res, 200, RISKY_FILES))
    .route((req, res) => /\/reviews\/\d+\/comments/.test(req.url ?? "") && json(res, 200, []))
    .route((req, res) => {
      if (req.method !== "POST" || !/\/pulls\/\d+\/reviews$/.test(req.url ?? "")) return false;
      onReview(req.url ?? "");
      return json(res, 200, { id: Math.floor(Math.random() * 1e9) });
    })
    .route((req, res) => req.method === "POST" && /\/check-runs$/.test(req.url ?? "") && json(res, 201, { id: Math.floor(Math.random() * 1e9) }));
}

/** The app against the stand-in, on a fresh SQLite file, with GitHub's throttling as configured. */
export async function startBenchApp(host: string, options: { throttle: boolean; env?: Record<string, string> }) {
  const env = loadEnv({
    APP_ID: "1",
    PRIVATE_KEY: testPrivateKey(),
    WEBHOOK_SECRET,
    GHE_HOST: host,
    GHE_PROTOCOL: "http",
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: "silent",
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "review-coach-bench-")),
    // The stand-in answers no App API (recovery of failed deliveries would add a request per start).
    REDELIVERY_WINDOW_HOURS: "0",
    ...options.env,
  });
  const app = await startReviewCoach({ env, log: pino({ level: "silent" }), octokitPolicy: { throttle: options.throttle, retry: true } });
  return { app, env, url: `http://127.0.0.1:${app.port}${env.WEBHOOK_PATH}` };
}

/** PR n of an installation (its own repository, PR number and head), opened and reviewed with an LGTM. */
export function buildPullRequestEvents(n: number, installationId: number, prefix = "bench"): { opened: BenchEvent; review: BenchEvent } {
  const opened = loadExample<{ pull_request: { head: object }; repository: object }>("pull_request", "opened");
  const installation = { id: installationId };
  const repository = { ...opened.repository, id: 500_000 + n };
  const pr = { ...opened.pull_request, id: 900_000 + n, number: 1000 + n, head: { ...opened.pull_request.head, sha: n.toString(16).padStart(40, "b") } };
  const review = loadExample<{ review: object }>("pull_request_review", "submitted");
  return {
    opened: { name: "pull_request", id: `${prefix}-pr-${n}`, body: JSON.stringify({ ...opened, installation, repository, pull_request: pr }) },
    review: {
      name: "pull_request_review",
      id: `${prefix}-review-${n}`,
      body: JSON.stringify({ ...review, installation, repository, pull_request: pr, review: { ...review.review, id: 700_000 + n, state: "approved", body: "LGTM", user: { login: "octo-reviewer", id: 5001, type: "User" } } }),
    },
  };
}

/** Posts one signed delivery (signed here unless it carries its signature); throws unless it is acknowledged with 200. */
export async function postDelivery(url: string, event: BenchEvent & { signature?: string }): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-github-event": event.name, "x-github-delivery": event.id, "x-hub-signature-256": event.signature ?? (await sign(WEBHOOK_SECRET, event.body)) },
    body: event.body,
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

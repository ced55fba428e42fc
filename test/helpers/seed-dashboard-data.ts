// Realistic dashboard data written straight into the store's tables: two installations (acme, which the
// test user can see, and globex, which they cannot), several repositories, ten weeks of merged PRs with
// risk profiles and scored reviews, nudges, harsh comments, daily score snapshots and a digest.
// Deterministic: everything derives from `now` and a fixed pseudo-random sequence.

import { getRuleVersion } from "../../src/coach/risk/rule-versions.js";
import type { Concern } from "../../src/coach/types.js";
import { buildDigest } from "../../src/digest/build-digest.js";
import { renderDigestMarkdown } from "../../src/digest/render-digest-markdown.js";
import { listDigestPullRequests } from "../../src/store/list-digest-pull-requests.js";
import { scoreRepository } from "../../src/coach/score-repository.js";
import type { Store } from "../../src/store/open-store.js";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { Registry } from "prom-client";
import { createDashboardHandler, type DashboardDeps } from "../../src/http/create-dashboard-handler.js";
import { getDefaultConfig } from "../../src/repo-config/default-config.js";
import type { LoadedRepoConfig } from "../../src/repo-config/load-repo-config.js";

const DAY = 86_400_000;

export const SEEDED = {
  acme: { id: 1001, login: "acme" },
  globex: { id: 2002, login: "globex" },
  repositories: {
    shop: { id: 501, installationId: 1001, fullName: "acme/shop" },
    api: { id: 502, installationId: 1001, fullName: "acme/api" },
    docs: { id: 503, installationId: 1001, fullName: "acme/docs" },
    vault: { id: 601, installationId: 2002, fullName: "globex/vault" },
  },
  alice: { login: "alice", id: 9001 },
  /** Reviewers by login and GitHub id; alice is the signed-in user of the tests. */
  reviewers: [
    { login: "alice", id: 9001 },
    { login: "bob", id: 9002 },
    { login: "carol", id: 9003 },
    { login: "dave", id: 9004 },
    { login: "erin", id: 9005 },
    { login: "frank", id: 9006 },
  ],
  /** A PR title that tries to inject markup: it must come out escaped everywhere. */
  hostileTitle: `<script>alert("x")</script> Fix <b>login</b> & "sessions"`,
} as const;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const RISKS = [
  { level: "high", weight: 3, concerns: ["security", "edge-cases"] as Concern[] },
  { level: "medium", weight: 2, concerns: ["architecture", "testing"] as Concern[] },
  { level: "low", weight: 1, concerns: ["testing"] as Concern[] },
  { level: "high", weight: 3, concerns: ["security", "architecture", "edge-cases"] as Concern[] },
] as const;

function breakdownOf(score: number, covered: Concern[], asked: Concern[], flags: string[]) {
  const factor = (name: string, weight: number, value: number, explanation: string) => ({ name, weight, value, points: Math.round(weight * value * 10) / 10, explanation });
  const coverage = asked.length === 0 ? 1 : covered.length / asked.length;
  return {
    bodyClassification: { concerns: covered, signals: [], tone: "respectful", actionable: covered.length > 0, evidence: [] },
    result: {
      score,
      breakdown: [
        factor("coverage", 60, coverage, `Addressed ${covered.length} of ${asked.length} risky concerns.`),
        factor("depth", 15, Math.min(1, score / 100 + 0.1), "Explained why in some comments."),
        factor("actionability", 10, covered.length > 0 ? 1 : 0, covered.length > 0 ? "Said what to change." : "No concrete change asked for."),
        factor("tone", 15, flags.includes("harsh-tone") ? 0.3 : 1, flags.includes("harsh-tone") ? "One comment read as harsh." : "Respectful throughout."),
      ],
      evidence: covered.map((concern, index) => ({ fingerprint: `fp-${concern}`, concern, source: "comment", index, via: "line" })),
      flags,
      addressed: covered.map((concern) => `fp-${concern}`),
      uncovered: asked.filter((concern) => !covered.includes(concern)).map((concern) => `fp-${concern}`),
      demand: 0.8,
    },
  };
}

/** Seeds the store and returns what was seeded. `now` should be the clock the dashboard runs with. */
/** The rule the seeded nudges of each concern come from. */
const SEEDED_RULES: Partial<Record<string, string>> = { security: "sql-from-variable", "edge-cases": "swallowed-error", architecture: "changed-export", testing: "untested-change", performance: "query-in-loop" };

export async function seedDashboardData(store: Store, now: Date): Promise<typeof SEEDED> {
  const db = store.db;
  const at = now.toISOString();
  const rand = random(42);
  await db
    .insertInto("installations")
    .values([
      { id: SEEDED.acme.id, account_login: "acme", account_type: "Organization", repository_selection: "all", suspended_at: null, created_at: at, updated_at: at },
      { id: SEEDED.globex.id, account_login: "globex", account_type: "Organization", repository_selection: "selected", suspended_at: null, created_at: at, updated_at: at },
    ])
    .execute();
  for (const repository of Object.values(SEEDED.repositories)) {
    const [owner = "", name = ""] = repository.fullName.split("/");
    await db
      .insertInto("repositories")
      .values({ id: repository.id, installation_id: repository.installationId, owner, name, full_name: repository.fullName, private: 1, default_branch: "main", backfill_state: null, created_at: at, updated_at: at })
      .execute();
  }

  let prId = 70_000;
  let reviewId = 80_000;
  let commentId = 90_000;
  const plan: Array<{ repository: (typeof SEEDED.repositories)[keyof typeof SEEDED.repositories]; perWeek: number; base: number; reviewers: number }> = [
    { repository: SEEDED.repositories.shop, perWeek: 3, base: 45, reviewers: 6 },
    { repository: SEEDED.repositories.api, perWeek: 2, base: 60, reviewers: 5 },
    { repository: SEEDED.repositories.docs, perWeek: 1, base: 70, reviewers: 2 },
    { repository: SEEDED.repositories.vault, perWeek: 2, base: 55, reviewers: 3 },
  ];
  for (const { repository, perWeek, base, reviewers } of plan) {
    let number = 100;
    for (let weeksBack = 9; weeksBack >= 0; weeksBack -= 1) {
      for (let k = 0; k < perWeek; k += 1) {
        prId += 1;
        number += 1;
        // One high-risk PR of last week with a markup-laden title, merged on a rubber stamp.
        const hostile = repository.id === SEEDED.repositories.shop.id && weeksBack === 1 && k === 0;
        const risk = hostile ? RISKS[0] : RISKS[(number + k) % RISKS.length]!;
        const mergedAt = new Date(now.getTime() - weeksBack * 7 * DAY - (k + 1) * 0.9 * DAY - 3_600_000);
        const openedAt = new Date(mergedAt.getTime() - 2 * DAY);
        const trendBoost = (9 - weeksBack) * 3;
        const score = Math.max(5, Math.min(98, Math.round(base + trendBoost + (rand() - 0.5) * 30)));
        const stamp = hostile || (risk.level === "high" && rand() < 0.25);
        const covered = stamp ? [] : risk.concerns.filter(() => rand() < score / 100 + 0.1);
        const title = hostile
          ? SEEDED.hostileTitle : `${["Add", "Fix", "Refactor", "Harden"][number % 4]} ${["checkout", "payment retries", "session refresh", "search paging", "rate limits"][number % 5]}`;
        const [owner = "", name = ""] = repository.fullName.split("/");
        await db
          .insertInto("pull_requests")
          .values({
            id: prId,
            installation_id: repository.installationId,
            repository_id: repository.id,
            number,
            title,
            html_url: `https://github.com/${owner}/${name}/pull/${number}`,
            author_login: `author-${number % 3}`,
            author_is_bot: 0,
            state: "closed",
            draft: 0,
            merged: 1,
            head_sha: `sha${prId}`,
            base_ref: "main",
            additions: 40 + number,
            deletions: 10,
            changed_files: 3,
            risk_level: risk.level,
            risk_weight: risk.weight,
            score: stamp ? 8 : score,
            opened_at: openedAt.toISOString(),
            first_review_requested_at: openedAt.toISOString(),
            first_reviewed_at: new Date(openedAt.getTime() + 5 * 3_600_000).toISOString(),
            merged_at: mergedAt.toISOString(),
            closed_at: mergedAt.toISOString(),
            updated_at: at,
          })
          .execute();
        await db
          .insertInto("risk_profiles")
          .values({
            pull_request_id: prId,
            head_sha: `sha${prId}`,
            level: risk.level,
            profile: JSON.stringify({
              findings: risk.concerns.map((concern, index) => ({ concern, path: `src/${concern}/file.ts`, line: 10 + index, severity: risk.level === "low" ? "medium" : risk.level, reason: `touches ${concern}`, fingerprint: `fp-${concern}`, rule: `${concern}-rule` })),
              level: risk.level,
              skipped: [],
              stats: { files: 3, additions: 40, deletions: 10 },
            }),
            computed_at: at,
          })
          .execute();
        // One or two reviews, rotating over the repository's reviewers; alice reviews often.
        const reviewerCount = 1 + (number % 2);
        for (let r = 0; r < reviewerCount; r += 1) {
          reviewId += 1;
          const reviewer = SEEDED.reviewers[(number + r * 2) % reviewers]!;
          const flags = stamp ? ["rubber-stamp"] : [];
          if (!stamp && covered.length === risk.concerns.length && score >= 75) flags.push("exemplary");
          if (!stamp && covered.length === 0) flags.push("style-only");
          const harsh = reviewer.login === "alice" && number % 4 === 0 && !stamp;
          if (harsh) flags.push("harsh-tone");
          const submittedAt = new Date(mergedAt.getTime() - DAY + r * 3_600_000).toISOString();
          await db
            .insertInto("reviews")
            .values({
              id: reviewId,
              installation_id: repository.installationId,
              repository_id: repository.id,
              pull_request_id: prId,
              reviewer_login: reviewer.login,
              reviewer_id: reviewer.id,
              state: stamp ? "APPROVED" : r === 0 ? "COMMENTED" : "APPROVED",
              body: stamp ? "LGTM" : "Looks reasonable, a few questions inline.",
              commit_sha: `sha${prId}`,
              submitted_at: submittedAt,
              score: stamp ? 8 : Math.max(0, score - r * 7),
              breakdown: JSON.stringify(breakdownOf(stamp ? 8 : Math.max(0, score - r * 7), covered, [...risk.concerns], flags)),
              flags: JSON.stringify(flags),
              html_url: `https://github.com/${owner}/${name}/pull/${number}#pullrequestreview-${reviewId}`,
              updated_at: at,
            })
            .execute();
          commentId += 1;
          const body = harsh
            ? "This is obviously wrong. Did you even run it?!"
            : `What happens here when the list is empty? Consider guarding it, because the retry loop would spin.`;
          await db
            .insertInto("review_comments")
            .values({
              id: commentId,
              installation_id: repository.installationId,
              repository_id: repository.id,
              pull_request_id: prId,
              review_id: reviewId,
              author_login: reviewer.login,
              author_id: reviewer.id,
              path: `src/${risk.concerns[0]}/file.ts`,
              line: 12,
              in_reply_to_id: null,
              body,
              classification: JSON.stringify({ concerns: covered, signals: ["question"], tone: harsh ? "harsh" : "respectful", actionable: true, evidence: [] }),
              tone: harsh ? "harsh" : "respectful",
              created_at: submittedAt,
              updated_at: at,
            })
            .execute();
          // Nudges on risky PRs whose review missed a concern.
          const missed = risk.concerns.filter((concern) => !covered.includes(concern));
          if (r === 0 && missed.length > 0 && risk.level !== "low") {
            const shadow = repository.id === SEEDED.repositories.api.id && weeksBack <= 2;
            const statuses = ["sent", "acted-on", "dismissed", "acted-on", "listed"];
            await db
              .insertInto("nudges")
              .values({
                installation_id: repository.installationId,
                repository_id: repository.id,
                pull_request_id: prId,
                review_id: reviewId,
                reviewer_login: reviewer.login,
                concern: missed[0]!,
                path: `src/${missed[0]}/file.ts`,
                line: 10,
                fingerprint: `fp-${missed[0]}`,
                severity: "high",
                mode: shadow ? "shadow" : "nudge",
                status: shadow ? "shadow" : statuses[number % statuses.length]!,
                github_comment_id: null,
                github_review_id: null,
                body: `@${reviewer.login}, a question about your review (${missed[0]}): was that considered?`,
                created_at: new Date(Date.parse(submittedAt) + 60_000).toISOString(),
                updated_at: at,
                dismissed_at: null,
                acted_on_at: null,
                rule: SEEDED_RULES[missed[0]!] ?? "new-module",
                rule_version: getRuleVersion(SEEDED_RULES[missed[0]!] ?? "new-module"),
              })
              .execute();
          }
        }
      }
    }
  }
  // Reviewers of acme/shop dismissed a rule's nudges three times this week and never acted on them: muted there.
  const recent = await db.selectFrom("pull_requests").select(["id", "merged_at"]).where("repository_id", "=", SEEDED.repositories.shop.id).orderBy("merged_at", "desc").limit(3).execute();
  for (const [index, pullRequest] of recent.entries()) {
    const sentAt = new Date(Date.parse(pullRequest.merged_at!) - DAY).toISOString();
    await db
      .insertInto("nudges")
      .values({
        installation_id: SEEDED.acme.id,
        repository_id: SEEDED.repositories.shop.id,
        pull_request_id: pullRequest.id,
        review_id: 0,
        reviewer_login: "bob",
        concern: "security",
        path: "src/security/eval.ts",
        line: 4 + index,
        fingerprint: `fp-code-eval-${index}`,
        severity: "high",
        mode: "nudge",
        status: "dismissed",
        github_comment_id: null,
        github_review_id: null,
        body: "@bob, a question about your review (security): was that considered?",
        created_at: sentAt,
        updated_at: at,
        dismissed_at: new Date(Date.parse(sentAt) + 3_600_000).toISOString(),
        acted_on_at: null,
        rule: "code-eval",
        rule_version: getRuleVersion("code-eval"),
      })
      .execute();
  }

  // alice opted out of coaching in acme/docs.
  await db.insertInto("reviewer_settings").values({ repository_id: SEEDED.repositories.docs.id, login: "alice", coaching_opt_out: 1, updated_at: at }).execute();

  // Daily snapshots for acme/shop for the last 30 days (the scheduler's work); the older weeks are computed.
  const shopPullRequests = await listDigestPullRequests(store, [SEEDED.repositories.shop.id], new Date(now.getTime() - 120 * DAY).toISOString());
  for (let daysBack = 1; daysBack <= 30; daysBack += 1) {
    const dayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysBack * DAY;
    const { score, mergedPullRequests } = scoreRepository(shopPullRequests, new Date(dayStart + DAY), 28);
    await db
      .insertInto("repo_score_snapshots")
      .values({ repository_id: SEEDED.repositories.shop.id, day: new Date(dayStart).toISOString().slice(0, 10), score, merged_pull_requests: mergedPullRequests, created_at: at })
      .execute();
  }

  // Last week's digest for acme/shop, built and rendered by the digest domain.
  const data = buildDigest({
    target: { kind: "repository", name: "acme/shop" },
    now: at,
    windowDays: 28,
    individuals: "kudos",
    pullRequests: shopPullRequests,
    nudges: [],
    history: [],
    toneIssues: 1,
    shadowRepositories: [],
  });
  await db
    .insertInto("digests")
    .values({
      id: `acme/shop:${data.week.isoWeek}`,
      installation_id: SEEDED.acme.id,
      target: "acme/shop",
      week: data.week.isoWeek,
      markdown: renderDigestMarkdown(data),
      data: JSON.stringify(data),
      issue_number: 77,
      issue_url: "https://github.com/acme/shop/issues/77",
      slack_delivered_at: null,
      created_at: at,
      delivered_at: at,
    })
    .execute();
  return SEEDED;
}

// ---------------------------------------------------------------------------------------------------
// The dashboard handler on its own node:http server on port 0, as Probot's addHandler would mount it.


export const DASHBOARD_SECRETS = {
  GITHUB_CLIENT_ID: "Iv1.testclientid",
  GITHUB_CLIENT_SECRET: "test-client-secret-0123456789",
  SESSION_SECRET: "s".repeat(20) + "0123456789abcdefghij",
  METRICS_TOKEN: "metrics-token-0123456789",
};

/** Config in effect per repository for tests: the defaults, with the badge on for acme/shop and shadow mode on acme/api. */
export function seededRepoConfig(_installationId: number, repo: { owner: string; repo: string }): Promise<LoadedRepoConfig> {
  const defaults = getDefaultConfig();
  const fullName = `${repo.owner}/${repo.repo}`;
  const config = {
    ...defaults,
    mode: fullName === "acme/api" ? ("shadow" as const) : defaults.mode,
    badge: { enabled: fullName === "acme/shop" },
    digest: { ...defaults.digest, individuals: fullName === "acme/api" ? ("none" as const) : ("kudos" as const) },
  };
  const sources = fullName === "acme/docs" ? ["config/default.yml"] : ["config/default.yml", "acme/.github: .github/review-coach.yml", `${fullName}: .github/review-coach.yml`];
  return Promise.resolve({ config, sources, problems: [] });
}

export interface DashboardServer {
  url: string;
  registry: Registry;
  stop(): Promise<void>;
}

export async function startDashboardServer(store: Store, options: { now: () => Date; env?: Partial<DashboardDeps["env"]>; getRepoConfig?: DashboardDeps["getRepoConfig"] }): Promise<DashboardServer> {
  const registry = new Registry();
  const mounted: { handler?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean> } = {};
  const server = createServer((req, res) => {
    mounted.handler!(req, res).then(
      (handled) => {
        if (!handled) res.writeHead(404).end("not handled");
      },
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // PUBLIC_URL is the server's own address (known once it listens), as a deployment sets it.
  const env: DashboardDeps["env"] = {
    ...DASHBOARD_SECRETS,
    PUBLIC_URL: url,
    GHE_HOST: undefined,
    GHE_PROTOCOL: "https",
    githubApiUrl: "https://api.github.com",
    ...options.env,
  };
  mounted.handler = createDashboardHandler({
    store,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    now: options.now,
    env,
    getRepoConfig: options.getRepoConfig ?? seededRepoConfig,
    metricsRegistry: registry,
  });
  return {
    url,
    registry,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

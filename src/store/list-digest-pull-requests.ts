import { countsAsReview } from "../coach/counts-as-review.js";
import { type Concern, riskProfileSchema } from "../coach/types.js";
import type { DigestPullRequest, DigestRiskLevel } from "../coach/digest-records.js";
import type { Store } from "./open-store.js";
import { reviewScoreSchema } from "../coach/score-review.js";
import { flagsSchema, readJson } from "./stored-json.js";

/**
 * The pull requests of some repositories as the digest and the repository score read them: merged
 * since `mergedSince` (or still open when `includeOpen`), with their reviews, risk and coverage.
 */
export async function listDigestPullRequests(
  store: Store,
  repositoryIds: number[],
  mergedSince: string,
  options: { includeOpen?: boolean } = {},
): Promise<DigestPullRequest[]> {
  if (repositoryIds.length === 0) return [];
  const prs = await store.db
    .selectFrom("pull_requests")
    .innerJoin("repositories", "repositories.id", "pull_requests.repository_id")
    .selectAll("pull_requests")
    .select("repositories.full_name")
    .where("pull_requests.repository_id", "in", repositoryIds)
    .where((eb) =>
      options.includeOpen
        ? eb.or([eb("pull_requests.merged_at", ">=", mergedSince), eb("pull_requests.state", "=", "open")])
        : eb("pull_requests.merged_at", ">=", mergedSince),
    )
    .orderBy("pull_requests.id")
    .execute();
  if (prs.length === 0) return [];
  const ids = prs.map((p) => p.id);
  const reviews = await store.db.selectFrom("reviews").selectAll().where("pull_request_id", "in", ids).execute();
  const profiles = await store.db.selectFrom("risk_profiles").select(["pull_request_id", "head_sha", "profile"]).where("pull_request_id", "in", ids).execute();

  return prs.map((pr) => {
    const profileRow = profiles.find((p) => p.pull_request_id === pr.id && p.head_sha === pr.head_sha);
    const profile = profileRow ? readJson(riskProfileSchema, profileRow.profile) : null;
    const prReviews = reviews.filter((r) => r.pull_request_id === pr.id);
    const covered = new Set<Concern>();
    const flags = new Set<string>();
    for (const review of prReviews) {
      if (!countsAsReview({ reviewerLogin: review.reviewer_login, state: review.state }, pr.author_login)) continue;
      for (const flag of readJson(flagsSchema, review.flags)) flags.add(flag);
      const stored = review.breakdown ? (JSON.parse(review.breakdown) as { result?: unknown }) : {};
      if (stored.result) for (const e of reviewScoreSchema.parse(stored.result).evidence) covered.add(e.concern);
    }
    return {
      repository: pr.full_name,
      number: pr.number,
      title: pr.title,
      url: pr.html_url,
      authorLogin: pr.author_login,
      mergedAt: pr.merged_at,
      openedAt: pr.opened_at,
      firstReviewRequestedAt: pr.first_review_requested_at,
      firstReviewedAt: pr.first_reviewed_at,
      riskLevel: (profile?.level ?? pr.risk_level ?? "none") as DigestRiskLevel,
      riskWeight: pr.risk_weight ?? 0.5,
      score: pr.score,
      concernsAsked: [...new Set(profile?.findings.map((f) => f.concern) ?? [])],
      concernsCovered: [...covered],
      flags: [...flags],
      reviews: prReviews.map((r) => ({
        reviewerLogin: r.reviewer_login,
        score: r.score,
        flags: readJson(flagsSchema, r.flags),
        url: r.html_url,
        submittedAt: r.submitted_at,
        reviewerIsBot: r.reviewer_login.endsWith("[bot]"),
        isSelfReview: r.reviewer_login.toLowerCase() === pr.author_login.toLowerCase(),
      })),
    };
  });
}

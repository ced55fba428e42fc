import type { StoredReview } from "./coaching-records.js";
import type { DigestPullRequest, DigestRiskLevel } from "./digest-records.js";

/** The facts of the coached PR that its row in the repository's window is built from, once stored. */
export interface WindowPullRequestFacts {
  number: number;
  title: string;
  url: string;
  authorLogin: string;
  openedAt: string;
  mergedAt: string | null;
  riskLevel: DigestRiskLevel;
  riskWeight: number;
  score: number | null;
  reviews: readonly StoredReview[];
}

/**
 * The repository's PRs merged since `since` as the store lists them once the coached PR is stored: the
 * others as read, the coached one (by number) replaced by its new facts, in PR order. Only what the
 * repository score reads matters here. Pure.
 */
export function buildWindowPullRequests(stored: readonly DigestPullRequest[], coached: WindowPullRequestFacts, since: string): DigestPullRequest[] {
  const previous = stored.find((p) => p.number === coached.number);
  const others = stored.filter((p) => p.number !== coached.number);
  if (coached.mergedAt === null || coached.mergedAt < since) return others;
  const row: DigestPullRequest = {
    repository: previous?.repository ?? "",
    number: coached.number,
    title: coached.title,
    url: coached.url,
    authorLogin: coached.authorLogin,
    mergedAt: coached.mergedAt,
    openedAt: coached.openedAt,
    firstReviewRequestedAt: previous?.firstReviewRequestedAt ?? null,
    firstReviewedAt: previous?.firstReviewedAt ?? null,
    riskLevel: coached.riskLevel,
    riskWeight: coached.riskWeight,
    score: coached.score,
    concernsAsked: previous?.concernsAsked ?? [],
    concernsCovered: previous?.concernsCovered ?? [],
    flags: previous?.flags ?? [],
    reviews: coached.reviews.map((r) => ({
      reviewerLogin: r.reviewerLogin,
      score: r.score,
      flags: r.flags,
      url: r.htmlUrl,
      submittedAt: r.submittedAt,
      reviewerIsBot: r.reviewerLogin.endsWith("[bot]"),
      isSelfReview: r.reviewerLogin.toLowerCase() === coached.authorLogin.toLowerCase(),
    })),
  };
  const at = others.findIndex((p) => p.number > coached.number);
  return at === -1 ? [...others, row] : [...others.slice(0, at), row, ...others.slice(at)];
}

// The three-item coaching agenda for the team's retro, derived from the week's figures. Each item says
// what happened and one concrete, kind thing to try; items name areas of the code (from PR titles) and
// repositories, never a person. Pure.

import type { Concern } from "../coach/types.js";
import type {
  DigestAgendaItem,
  DigestAgendaTopic,
  DigestNudges,
  DigestPullRequest,
  DigestRubberStamps,
  DigestTimeToFirstReview,
  DigestCoverage,
} from "./digest-types.js";
import { concernLabel } from "../coach/render/render-nudge.js";
import { inferArea } from "./infer-area.js";
import { compareText } from "../coach/compare-text.js";

export interface AgendaFacts {
  targetKind: "repository" | "org";
  /** Merged PRs of the week whose risk profile asked for a concern their reviews did not cover. */
  uncovered: Partial<Record<Concern, DigestPullRequest[]>>;
  weakHighRiskMerges: DigestPullRequest[];
  unreviewedMerges: DigestPullRequest[];
  mergedPullRequests: number;
  coverage: DigestCoverage;
  rubberStamps: DigestRubberStamps;
  timeToFirstReview: DigestTimeToFirstReview;
  nudges: DigestNudges;
  shadowNudges: number;
  toneIssues: number;
  kudos: number;
  /** Every login in the data, lower case: never used as an area name. */
  logins: ReadonlySet<string>;
  /**
   * Repositories an org agenda may name as "most affected": those with enough reviewers that naming the
   * repository does not point at a person (see MINIMUM_GROUP_REVIEWERS).
   */
  nameableRepositories: ReadonlySet<string>;
}

interface Candidate extends DigestAgendaItem {
  weight: number;
}

export const AGENDA_LENGTH = 3;

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** ", most of them in the auth area" / " in the auth area" / " (most in owner/api)" / "". */
function where(pullRequests: readonly DigestPullRequest[], facts: AgendaFacts): { phrase: string; area: string | null } {
  const area = inferArea(
    pullRequests.map((pullRequest) => pullRequest.title),
    facts.logins,
  );
  if (area !== null) {
    return { phrase: pullRequests.length === 1 ? `, in the ${area} area` : `, most of them in the ${area} area`, area };
  }
  if (facts.targetKind === "org" && pullRequests.length >= 2) {
    const counts = new Map<string, number>();
    for (const pullRequest of pullRequests) counts.set(pullRequest.repository, (counts.get(pullRequest.repository) ?? 0) + 1);
    const [top] = [...counts].sort(([a, x], [b, y]) => y - x || compareText(a, b));
    if (top !== undefined && top[1] * 2 > pullRequests.length && facts.nameableRepositories.has(top[0])) return { phrase: `, most of them in ${top[0]}`, area: null };
  }
  return { phrase: "", area: null };
}

const CONCERN_ITEMS: ReadonlyArray<{
  concern: Concern;
  topic: DigestAgendaTopic;
  weight: number;
  text: (count: string, where: string, area: string | null) => string;
}> = [
  {
    concern: "security",
    topic: "security",
    weight: 3,
    text: (count, where, area) =>
      `Security findings in ${count} went unreviewed${where}: pair on the next ${area ?? "security-sensitive"} change and walk through untrusted input, authorization and secrets together.`,
  },
  {
    concern: "edge-cases",
    topic: "edge-cases",
    weight: 2,
    text: (count, where, area) =>
      `Edge cases in ${count} went unexamined${where}: in the retro, take one ${area === null ? "of them" : `${area} change`} and list together what empty, missing, concurrent or failing input would do.`,
  },
  {
    concern: "architecture",
    topic: "architecture",
    weight: 2,
    text: (count, where, area) =>
      `Design questions in ${count} got no review comment${where}: try a short design walkthrough before the next ${area ?? "larger"} change is reviewed line by line.`,
  },
  {
    concern: "testing",
    topic: "testing",
    weight: 1.5,
    text: (count, where) =>
      `Tests in ${count} were not discussed in review${where}: make "which case is not tested yet?" a standard review question.`,
  },
];

function candidatesOf(facts: AgendaFacts): Candidate[] {
  const candidates: Candidate[] = [];
  const add = (topic: DigestAgendaTopic, weight: number, text: string): void => {
    candidates.push({ topic, weight, text });
  };

  for (const item of CONCERN_ITEMS) {
    const pullRequests = facts.uncovered[item.concern] ?? [];
    if (pullRequests.length === 0) continue;
    const place = where(pullRequests, facts);
    add(item.topic, pullRequests.length * item.weight, item.text(plural(pullRequests.length, "merged PR"), place.phrase, place.area));
  }

  const weak = facts.weakHighRiskMerges;
  if (weak.length > 0) {
    const place = where(weak, facts);
    add(
      "weak-high-risk-merges",
      weak.length * 3,
      `${plural(weak.length, "high-risk PR")} merged on a weak review${place.phrase}: look at one together and list what a second reviewer would have checked; consider asking for two reviews on high-risk changes.`,
    );
  }

  const stamps = facts.rubberStamps;
  const riskyStamps = stamps.byRisk.high + stamps.byRisk.medium;
  if (riskyStamps > 0) {
    const share = stamps.share === null ? "" : ` (${percent(stamps.share)} of the week's risk weight)`;
    add(
      "rubber-stamps",
      stamps.weighted,
      `${plural(riskyStamps, "risky PR was", "risky PRs were")} approved without a substantive comment${share}: agree as a team that a risky PR gets at least one question or observation before approval.`,
    );
  }

  if (facts.unreviewedMerges.length > 0) {
    add(
      "unreviewed-merges",
      facts.unreviewedMerges.length * 2,
      `${plural(facts.unreviewedMerges.length, "PR")} merged without a review: check that branch protection requires an approving review on the default branch.`,
    );
  }

  const styleOnly = facts.coverage.styleOnly;
  if (styleOnly.count >= 2 && styleOnly.share !== null && styleOnly.share >= 0.3) {
    add(
      "style-only",
      styleOnly.count,
      `${percent(styleOnly.share)} of reviewed PRs got style-only reviews: let the formatter and linter own style, and spend review time on design, security and edge cases.`,
    );
  }

  const wait = facts.timeToFirstReview;
  if (wait.medianHours !== null && wait.medianHours > 24) {
    add(
      "slow-first-review",
      wait.medianHours / 12,
      `First reviews came a median of ${Math.round(wait.medianHours)} hours after the request: try a daily review slot so that no request waits more than a working day.`,
    );
  }

  const nudges = facts.nudges.total;
  if (nudges.dismissed >= 3 && nudges.delivered > 0 && nudges.dismissed / nudges.delivered >= 0.5) {
    const [mostDismissed] = [...facts.nudges.byConcern].sort((a, b) => b.dismissed - a.dismissed);
    const about = mostDismissed === undefined ? "" : ` (most about ${concernLabel(mostDismissed.concern)})`;
    add(
      "dismissed-nudges",
      nudges.dismissed,
      `Reviewers dismissed ${nudges.dismissed} of ${plural(nudges.delivered, "nudge")}${about}: ask in the retro which ones missed the mark; if they were noise, pin those rules off (the per-rule table names them) or turn strictness down to quiet in .github/review-coach.yml.`,
    );
  }

  if (facts.toneIssues > 0) {
    add(
      "tone",
      facts.toneIssues * 1.5,
      `${plural(facts.toneIssues, "review comment was", "review comments were")} worded harshly: revisit together how to phrase a critique as a question with a reason (no one is named; each reviewer sees a suggested rephrasing privately).`,
    );
  }

  if (facts.shadowNudges > 0) {
    add(
      "shadow-mode",
      1,
      `In shadow mode review-coach would have nudged ${plural(facts.shadowNudges, "time")}: look at a few of those nudges with the team and decide whether to turn them on.`,
    );
  }

  if (facts.kudos > 0) {
    add(
      "kudos",
      0.5,
      `${plural(facts.kudos, "review was", "reviews were")} exemplary: walk through one in the retro as a model of what a good review covers.`,
    );
  }

  if (facts.mergedPullRequests > 0) {
    add(
      "walkthrough",
      0.2,
      "Pick one of the week's riskiest merged PRs and walk through together what its review covered and what it could have asked.",
    );
  }
  add("keep-going", 0.1, "Keep the habits that work: ask why, offer an alternative, and look past style to design, security and edge cases.");
  add(
    "pair-review",
    0.05,
    "Try pairing on one review next week: one person reviews aloud while the other asks what they are checking and why.",
  );
  add(
    "checklist",
    0.03,
    "Agree on three questions every review answers: what could break, who could misuse it, and how would we notice?",
  );
  return candidates;
}

export function buildAgenda(facts: AgendaFacts): DigestAgendaItem[] {
  return candidatesOf(facts)
    .map((candidate, order) => ({ candidate, order }))
    .sort((a, b) => b.candidate.weight - a.candidate.weight || a.order - b.order)
    .slice(0, AGENDA_LENGTH)
    .map(({ candidate }) => ({ topic: candidate.topic, text: candidate.text }));
}

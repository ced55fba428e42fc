import type { Generated, Insertable, Selectable, Updateable } from "kysely";

// Column conventions, identical on SQLite and PostgreSQL:
// - GitHub ids are `bigint` (read back as numbers; all are below 2^53);
// - times are ISO-8601 UTC text (`toISOString()`), so they sort and compare as text;
// - booleans are integers 0/1;
// - JSON documents are text, parsed through a zod schema when read.

export interface InstallationsTable {
  id: number;
  account_login: string;
  account_type: string;
  repository_selection: string;
  suspended_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RepositoriesTable {
  id: number;
  installation_id: number;
  owner: string;
  name: string;
  full_name: string;
  private: number;
  default_branch: string | null;
  /** Backfill progress as JSON (see use-cases/backfill-repository); null when never started. */
  backfill_state: string | null;
  /** The review-coach config in effect (JSON), as last read from GitHub; null until first read. */
  config: string | null;
  /** The files that shaped it (JSON array), lowest precedence first; null until first read. */
  config_sources: string | null;
  /** What was wrong with those files (JSON array of config problems); null until first read. */
  config_problems: string | null;
  config_loaded_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PullRequestsTable {
  id: number;
  installation_id: number;
  repository_id: number;
  number: number;
  title: string;
  html_url: string;
  author_login: string;
  author_is_bot: number;
  state: string;
  draft: number;
  merged: number;
  head_sha: string;
  base_ref: string;
  additions: number;
  deletions: number;
  changed_files: number;
  risk_level: string | null;
  /** Weight of this PR in the repo score, from its risk profile. */
  risk_weight: number | null;
  /** The PR score: the union of its reviews. Null until reviewed. */
  score: number | null;
  opened_at: string;
  first_review_requested_at: string | null;
  first_reviewed_at: string | null;
  merged_at: string | null;
  closed_at: string | null;
  updated_at: string;
}

export interface RiskProfilesTable {
  pull_request_id: number;
  head_sha: string;
  level: string;
  /** RiskProfile JSON. */
  profile: string;
  computed_at: string;
}

export interface ReviewsTable {
  id: number;
  installation_id: number;
  repository_id: number;
  pull_request_id: number;
  reviewer_login: string;
  reviewer_id: number;
  state: string;
  body: string;
  commit_sha: string | null;
  submitted_at: string;
  score: number | null;
  /** Score breakdown JSON. */
  breakdown: string | null;
  /** Flags JSON array (rubber-stamp, style-only, harsh-tone, exemplary). */
  flags: string;
  html_url: string | null;
  updated_at: string;
}

export interface ReviewCommentsTable {
  id: number;
  installation_id: number;
  repository_id: number;
  pull_request_id: number;
  review_id: number | null;
  author_login: string;
  /** The author's GitHub user id; null for comments stored before it was kept. */
  author_id: Generated<number | null>;
  path: string | null;
  line: number | null;
  in_reply_to_id: number | null;
  body: string;
  /** CommentClassification JSON. */
  classification: string;
  tone: string;
  created_at: string;
  updated_at: string;
}

export interface NudgesTable {
  id: Generated<number>;
  installation_id: number;
  repository_id: number;
  pull_request_id: number;
  /** The review that was coached. */
  review_id: number;
  reviewer_login: string;
  concern: string;
  path: string;
  line: number | null;
  fingerprint: string;
  severity: string;
  /** nudge | summary | shadow: the mode it was decided in. */
  mode: string;
  /** pending | sent | shadow | listed | dismissed | acted-on | ignored | failed */
  status: string;
  /** The inline comment GitHub created for it, when posted inline. */
  github_comment_id: number | null;
  github_review_id: number | null;
  body: string;
  created_at: string;
  updated_at: string;
  dismissed_at: string | null;
  acted_on_at: string | null;
  /** The rule whose finding it was, and the rule's version then; null for nudges recorded before rules were kept. */
  rule: Generated<string | null>;
  rule_version: Generated<string | null>;
  /** When its pull request closed with the nudge neither acted on nor dismissed. */
  ignored_at: Generated<string | null>;
}

/** `/coach unmute <rule>`: what the repository learned about the rule before this moment no longer counts. */
export interface RuleResetsTable {
  repository_id: number;
  rule: string;
  installation_id: number;
  reset_by: string;
  reset_at: string;
}

export interface ReviewerSettingsTable {
  repository_id: number;
  login: string;
  coaching_opt_out: number;
  /** 1: never name this reviewer in the digest's kudos. */
  kudos_opt_out: Generated<number>;
  updated_at: string;
}

export interface DeliveriesTable {
  id: string;
  event: string;
  action: string | null;
  installation_id: number | null;
  repository_id: number | null;
  received_at: string;
}

export interface JobsTable {
  /** Idempotency key: the delivery id for webhooks, a natural key for scheduled work. */
  id: string;
  kind: string;
  /** Job payload JSON. */
  payload: string;
  /** queued | running | done | dead */
  status: string;
  attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  /** The installation the job works for (null for work of no one installation), for fair claiming. */
  installation_id: number | null;
}

export interface DigestsTable {
  /** `<target>:<iso week>`, so a week's digest exists once per target. */
  id: string;
  installation_id: number;
  target: string;
  week: string;
  markdown: string;
  /** Digest data JSON. */
  data: string;
  issue_number: number | null;
  issue_url: string | null;
  slack_delivered_at: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface RepoScoreSnapshotsTable {
  repository_id: number;
  day: string;
  score: number | null;
  merged_pull_requests: number;
  created_at: string;
}

export interface CheckRunsTable {
  pull_request_id: number;
  head_sha: string;
  name: string;
  github_id: number;
  installation_id: number;
  updated_at: string;
}

/** A GitHub write a job started ("started") or saw applied ("done"); see store/github-writes. */
export interface GitHubWritesTable {
  key: string;
  installation_id: number;
  status: string;
  /** What the attempt wrote when several shapes are possible (e.g. inline nudges or a listing). */
  variant: string | null;
  github_id: number | null;
  updated_at: string;
}

export interface PayloadDigestsTable {
  /** sha256 of the event name and payload. */
  hash: string;
  delivery_id: string;
  installation_id: number | null;
  received_at: string;
}

export interface RevokedSessionsTable {
  /** hashSession() of a signed-out dashboard session. */
  session_hash: string;
  expires_at: string;
}

export interface Database {
  check_runs: CheckRunsTable;
  github_writes: GitHubWritesTable;
  installations: InstallationsTable;
  repositories: RepositoriesTable;
  pull_requests: PullRequestsTable;
  risk_profiles: RiskProfilesTable;
  reviews: ReviewsTable;
  review_comments: ReviewCommentsTable;
  nudges: NudgesTable;
  reviewer_settings: ReviewerSettingsTable;
  deliveries: DeliveriesTable;
  jobs: JobsTable;
  digests: DigestsTable;
  repo_score_snapshots: RepoScoreSnapshotsTable;
  payload_digests: PayloadDigestsTable;
  revoked_sessions: RevokedSessionsTable;
  rule_resets: RuleResetsTable;
}

export type JobRow = Selectable<JobsTable>;
export type NewJob = Insertable<JobsTable>;
export type JobUpdate = Updateable<JobsTable>;
export type PullRequestRow = Selectable<PullRequestsTable>;
export type ReviewRow = Selectable<ReviewsTable>;
export type NudgeRow = Selectable<NudgesTable>;
export type RepositoryRow = Selectable<RepositoriesTable>;
export type InstallationRow = Selectable<InstallationsTable>;
export type DigestRow = Selectable<DigestsTable>;

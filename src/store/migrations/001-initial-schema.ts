import type { Kysely } from "kysely";
import type { Dialect } from "../dialect.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema before it exists
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const autoId = dialect === "postgres" ? "serial" : "integer";

  await db.schema
    .createTable("installations")
    .addColumn("id", "bigint", (c) => c.primaryKey())
    .addColumn("account_login", "text", (c) => c.notNull())
    .addColumn("account_type", "text", (c) => c.notNull())
    .addColumn("repository_selection", "text", (c) => c.notNull())
    .addColumn("suspended_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("repositories")
    .addColumn("id", "bigint", (c) => c.primaryKey())
    .addColumn("installation_id", "bigint", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("private", "integer", (c) => c.notNull())
    .addColumn("default_branch", "text")
    .addColumn("backfill_state", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("repositories_installation").on("repositories").column("installation_id").execute();
  await db.schema.createIndex("repositories_full_name").on("repositories").column("full_name").execute();

  await db.schema
    .createTable("pull_requests")
    .addColumn("id", "bigint", (c) => c.primaryKey())
    .addColumn("installation_id", "bigint", (c) => c.notNull())
    .addColumn("repository_id", "bigint", (c) => c.notNull())
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("html_url", "text", (c) => c.notNull())
    .addColumn("author_login", "text", (c) => c.notNull())
    .addColumn("author_is_bot", "integer", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("draft", "integer", (c) => c.notNull())
    .addColumn("merged", "integer", (c) => c.notNull())
    .addColumn("head_sha", "text", (c) => c.notNull())
    .addColumn("base_ref", "text", (c) => c.notNull())
    .addColumn("additions", "integer", (c) => c.notNull())
    .addColumn("deletions", "integer", (c) => c.notNull())
    .addColumn("changed_files", "integer", (c) => c.notNull())
    .addColumn("risk_level", "text")
    .addColumn("risk_weight", "real")
    .addColumn("score", "integer")
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("first_review_requested_at", "text")
    .addColumn("first_reviewed_at", "text")
    .addColumn("merged_at", "text")
    .addColumn("closed_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("pull_requests_repository_number", ["repository_id", "number"])
    .execute();
  await db.schema
    .createIndex("pull_requests_merged")
    .on("pull_requests")
    .columns(["repository_id", "merged_at"])
    .execute();
  await db.schema.createIndex("pull_requests_installation").on("pull_requests").column("installation_id").execute();

  await db.schema
    .createTable("risk_profiles")
    .addColumn("pull_request_id", "bigint", (c) => c.notNull())
    .addColumn("head_sha", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("profile", "text", (c) => c.notNull())
    .addColumn("computed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("risk_profiles_pk", ["pull_request_id", "head_sha"])
    .execute();

  await db.schema
    .createTable("reviews")
    .addColumn("id", "bigint", (c) => c.primaryKey())
    .addColumn("installation_id", "bigint", (c) => c.notNull())
    .addColumn("repository_id", "bigint", (c) => c.notNull())
    .addColumn("pull_request_id", "bigint", (c) => c.notNull())
    .addColumn("reviewer_login", "text", (c) => c.notNull())
    .addColumn("reviewer_id", "bigint", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("commit_sha", "text")
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("score", "integer")
    .addColumn("breakdown", "text")
    .addColumn("flags", "text", (c) => c.notNull())
    .addColumn("html_url", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("reviews_pull_request").on("reviews").column("pull_request_id").execute();
  await db.schema
    .createIndex("reviews_reviewer")
    .on("reviews")
    .columns(["installation_id", "reviewer_login"])
    .execute();

  await db.schema
    .createTable("review_comments")
    .addColumn("id", "bigint", (c) => c.primaryKey())
    .addColumn("installation_id", "bigint", (c) => c.notNull())
    .addColumn("repository_id", "bigint", (c) => c.notNull())
    .addColumn("pull_request_id", "bigint", (c) => c.notNull())
    .addColumn("review_id", "bigint")
    .addColumn("author_login", "text", (c) => c.notNull())
    .addColumn("path", "text")
    .addColumn("line", "integer")
    .addColumn("in_reply_to_id", "bigint")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("classification", "text", (c) => c.notNull())
    .addColumn("tone", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("review_comments_pull_request").on("review_comments").column("pull_request_id").execute();
  await db.schema.createIndex("review_comments_review").on("review_comments").column("review_id").execute();

  await db.schema
    .createTable("nudges")
    .addColumn("id", autoId, (c) => (dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("installation_id", "bigint", (c) => c.notNull())
    .addColumn("repository_id", "bigint", (c) => c.notNull())
    .addColumn("pull_request_id", "bigint", (c) => c.notNull())
    .addColumn("review_id", "bigint", (c) => c.notNull())
    .addColumn("reviewer_login", "text", (c) => c.notNull())
    .addColumn("concern", "text", (c) => c.notNull())
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("line", "integer")
    .addColumn("fingerprint", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("github_comment_id", "bigint")
    .addColumn("github_review_id", "bigint")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("dismissed_at", "text")
    .addColumn("acted_on_at", "text")
    .addUniqueConstraint("nudges_pull_request_fingerprint", ["pull_request_id", "fingerprint"])
    .execute();
  await db.schema.createIndex("nudges_github_comment").on("nudges").column("github_comment_id").execute();

  await db.schema
    .createTable("reviewer_settings")
    .addColumn("repository_id", "bigint", (c) => c.notNull())
    .addColumn("login", "text", (c) => c.notNull())
    .addColumn("coaching_opt_out", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("reviewer_settings_pk", ["repository_id", "login"])
    .execute();

  await db.schema
    .createTable("deliveries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("action", "text")
    .addColumn("installation_id", "bigint")
    .addColumn("repository_id", "bigint")
    .addColumn("received_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("deliveries_installation").on("deliveries").column("installation_id").execute();

  await db.schema
    .createTable("jobs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("run_at", "text", (c) => c.notNull())
    .addColumn("locked_by", "text")
    .addColumn("locked_until", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .execute();
  await db.schema.createIndex("jobs_due").on("jobs").columns(["status", "run_at"]).execute();

  await db.schema
    .createTable("digests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("installation_id", "bigint", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("week", "text", (c) => c.notNull())
    .addColumn("markdown", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("issue_number", "integer")
    .addColumn("issue_url", "text")
    .addColumn("slack_delivered_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("delivered_at", "text")
    .execute();
  await db.schema.createIndex("digests_installation").on("digests").column("installation_id").execute();

  await db.schema
    .createTable("repo_score_snapshots")
    .addColumn("repository_id", "bigint", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("score", "real")
    .addColumn("merged_pull_requests", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("repo_score_snapshots_pk", ["repository_id", "day"])
    .execute();
}

import type { ProbotOctokit } from "probot";
import { z } from "zod";
import type { Logger } from "../log.js";
import type { BlobTextCache } from "./blob-text-cache.js";
import type { RepoRef } from "./repo-ref.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** A file to read at a commit: its path, and its blob sha as "list pull request files" gives it. */
export interface FileTextRequest {
  path: string;
  sha: string;
}

/** Largest file whose text is read, in bytes; larger ones are analysed from their patch only. */
export const MAX_FILE_TEXT_BYTES = 1_000_000;
/** Most files read in the one request per head; the rest are analysed from their patches only. */
export const MAX_FILE_TEXTS = 300;

const blobSchema = z.object({
  oid: z.string(),
  byteSize: z.number(),
  isBinary: z.boolean().nullable(),
  isTruncated: z.boolean(),
  text: z.string().nullable(),
});

/**
 * The texts of files at a commit, by path: those whose blob was read before come from the cache, the
 * others from one GraphQL request (aliased `object(expression: "<sha>:<path>")` blobs). Binary,
 * truncated and over-1-MB files are left out. GraphQL errors leave out the files they concern (all of
 * them when the request fails), with a warning: a file without text is analysed from its patch.
 */
export async function readFileTexts(
  octokit: Octokit,
  log: Logger,
  blobTexts: BlobTextCache,
  ref: RepoRef,
  commitSha: string,
  files: readonly FileTextRequest[],
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const missing: FileTextRequest[] = [];
  for (const file of files) {
    const cached = blobTexts.get(file.sha);
    if (cached === undefined) missing.push(file);
    else texts.set(file.path, cached);
  }
  if (missing.length === 0) return texts;
  const batch = missing.slice(0, MAX_FILE_TEXTS);
  if (missing.length > batch.length) {
    log.warn({ files: missing.length, read: batch.length }, `more than ${MAX_FILE_TEXTS} files to read: the others are analysed from their patches only`);
  }

  const variables: Record<string, string> = { owner: ref.owner, name: ref.repo };
  batch.forEach((file, index) => (variables[`e${index}`] = `${commitSha}:${file.path}`));
  const query = [
    `query ReviewCoachFileTexts($owner: String!, $name: String!, ${batch.map((_, index) => `$e${index}: String!`).join(", ")}) {`,
    "  repository(owner: $owner, name: $name) {",
    ...batch.map((_, index) => `    f${index}: object(expression: $e${index}) { ... on Blob { oid byteSize isBinary isTruncated text } }`),
    "  }",
    "}",
  ].join("\n");

  let data: unknown;
  try {
    data = await octokit.graphql(query, variables);
  } catch (error) {
    const partial = error as { name?: string; data?: unknown; errors?: Array<{ message?: string }> };
    const messages = (partial.errors ?? []).map((e) => e.message).slice(0, 5);
    if (partial.name !== "GraphqlResponseError" || partial.data == null) {
      log.warn({ err: error, files: batch.length }, "could not read the changed files' contents: analysing their patches only");
      return texts;
    }
    log.warn({ errors: messages, files: batch.length }, "GitHub answered part of the file contents request: the files it left out are analysed from their patches only");
    data = partial.data;
  }

  const repository = (data as { repository?: Record<string, unknown> | null } | null)?.repository ?? {};
  batch.forEach((file, index) => {
    const blob = blobSchema.safeParse(repository[`f${index}`]);
    if (!blob.success) return;
    const { oid, byteSize, isBinary, isTruncated, text } = blob.data;
    if (isBinary || isTruncated || text === null || byteSize > MAX_FILE_TEXT_BYTES) return;
    blobTexts.set(oid, text);
    texts.set(file.path, text);
  });
  return texts;
}

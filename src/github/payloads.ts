import { z } from "zod";

// The parts of GitHub's webhook payloads the app reads, checked at the boundary. Unknown fields pass.

/** "owner/name": anything else would reach GitHub as an invalid request. */
const fullName = z.string().regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, "must be owner/name");
/** Pull request and issue numbers, GitHub ids: positive integers. */
const positiveInt = z.number().int().positive();

export const accountSchema = z.looseObject({ login: z.string(), id: z.number(), type: z.string() });
export const userSchema = z.looseObject({ login: z.string(), id: z.number(), type: z.string() });

/**
 * The repository of an event. The app addresses GitHub by owner.login and name, so both are held to
 * GitHub's shapes and must spell full_name: a payload naming two repositories is refused, never sent on.
 */
export const repositorySchema = z
  .looseObject({
    id: z.number(),
    name: z.string().regex(/^[A-Za-z0-9._-]+$/, "must be a repository name"),
    full_name: fullName,
    private: z.boolean(),
    owner: z.looseObject({ login: z.string().regex(/^[A-Za-z0-9-]+$/, "must be a GitHub login") }),
    default_branch: z.string().optional(),
  })
  .refine((repository) => repository.full_name.toLowerCase() === `${repository.owner.login}/${repository.name}`.toLowerCase(), {
    message: "must be owner.login/name",
    path: ["full_name"],
  });

export const installationRefSchema = z.looseObject({ id: positiveInt });

export const pullRequestSchema = z.looseObject({
  id: z.number(),
  number: positiveInt,
  title: z.string(),
  html_url: z.string(),
  state: z.string(),
  draft: z.boolean().optional(),
  merged: z.boolean().nullable().optional(),
  user: userSchema,
  head: z.looseObject({ sha: z.string(), ref: z.string(), repo: z.looseObject({ full_name: fullName }).nullable() }),
  base: z.looseObject({ ref: z.string(), sha: z.string() }),
  additions: z.number().optional(),
  deletions: z.number().optional(),
  changed_files: z.number().optional(),
  created_at: z.string(),
  updated_at: z.string().optional(),
  requested_reviewers: z.array(z.looseObject({})).optional(),
  merged_at: z.string().nullable().optional(),
  closed_at: z.string().nullable().optional(),
});

export const pullRequestEventSchema = z.looseObject({
  action: z.string(),
  pull_request: pullRequestSchema,
  repository: repositorySchema,
  installation: installationRefSchema,
  sender: userSchema,
});

const installedRepositorySchema = z.looseObject({ id: z.number(), name: z.string(), full_name: fullName, private: z.boolean() });

const installationSchema = z.looseObject({
  id: z.number(),
  account: accountSchema.nullable(),
  repository_selection: z.string(),
  suspended_at: z.string().nullable().optional(),
});
export type InstallationPayload = z.infer<typeof installationSchema>;

export const installationEventSchema = z.looseObject({
  action: z.string(),
  installation: installationSchema,
  repositories: z.array(installedRepositorySchema).optional(),
});

export const installationRepositoriesEventSchema = z.looseObject({
  action: z.string(),
  installation: installationSchema,
  repositories_added: z.array(installedRepositorySchema),
  repositories_removed: z.array(installedRepositorySchema.partial({ full_name: true, private: true, name: true })),
});

export type PullRequestPayload = z.infer<typeof pullRequestSchema>;
export type RepositoryPayload = z.infer<typeof repositorySchema>;

export function isBot(user: { type: string; login: string }): boolean {
  return user.type === "Bot" || user.login.endsWith("[bot]");
}

/** Who wrote a comment, as the app records it (a comment without a user, e.g. a deleted account, counts as a bot's). */
export function describeCommentAuthor(user: { type: string; login: string; id: number } | null | undefined): { authorLogin: string; authorId: number | null; authorIsBot: boolean } {
  return { authorLogin: user?.login ?? "", authorId: user?.id ?? null, authorIsBot: !user || isBot(user) };
}

export const reviewSchema = z.looseObject({
  id: z.number(),
  user: userSchema.nullable(),
  body: z.string().nullable(),
  state: z.string(),
  commit_id: z.string().nullable().optional(),
  submitted_at: z.string().nullable().optional(),
  html_url: z.string().optional(),
});

export const pullRequestReviewEventSchema = z.looseObject({
  action: z.string(),
  review: reviewSchema,
  pull_request: pullRequestSchema,
  repository: repositorySchema,
  installation: installationRefSchema,
  sender: userSchema,
});

export const reviewCommentSchema = z.looseObject({
  id: z.number(),
  pull_request_review_id: z.number().nullable().optional(),
  in_reply_to_id: z.number().optional(),
  user: userSchema.nullable(),
  body: z.string(),
  path: z.string().optional(),
  line: z.number().nullable().optional(),
  original_line: z.number().nullable().optional(),
  created_at: z.string(),
});

export const pullRequestReviewCommentEventSchema = z.looseObject({
  action: z.string(),
  comment: reviewCommentSchema,
  pull_request: pullRequestSchema,
  repository: repositorySchema,
  installation: installationRefSchema,
  sender: userSchema,
});

export const issueCommentEventSchema = z.looseObject({
  action: z.string(),
  issue: z.looseObject({
    number: positiveInt,
    pull_request: z.looseObject({ url: z.string() }).optional(),
    user: userSchema,
  }),
  comment: z.looseObject({ id: z.number(), user: userSchema.nullable(), body: z.string(), created_at: z.string() }),
  repository: repositorySchema,
  installation: installationRefSchema,
  sender: userSchema,
});

export const pullRequestReviewThreadEventSchema = z.looseObject({
  action: z.string(),
  thread: z.looseObject({ comments: z.array(reviewCommentSchema) }),
  pull_request: pullRequestSchema,
  repository: repositorySchema,
  installation: installationRefSchema,
  sender: userSchema,
});

export type ReviewCommentPayload = z.infer<typeof reviewCommentSchema>;

import type { GitHubClient, RepoRef } from "../github/github-client.js";
import type { Logger } from "../log.js";
import { listNudges, markNudgeDismissed } from "../store/nudges.js";
import type { Store } from "../store/open-store.js";

/**
 * GitHub sends no webhook for reactions, so on a PR's next event (and when it closes) the app looks at
 * its live nudges: a 👎 from the reviewer it was addressed to dismisses it for good.
 */
export async function pollNudgeReactions(input: { github: GitHubClient; store: Store; repo: RepoRef; pullRequestId: number; log: Logger; now: Date }): Promise<void> {
  const { github, store, repo, pullRequestId, log, now } = input;
  const live = (await listNudges(store, pullRequestId)).filter((n) => n.status === "sent" && n.githubCommentId !== null);
  for (const nudge of live) {
    const thumbsDown = await github.listReviewCommentReactions(repo, nudge.githubCommentId!, "-1");
    if (thumbsDown.some((login) => login.toLowerCase() === nudge.reviewerLogin.toLowerCase())) {
      await markNudgeDismissed(store, nudge.id, now);
      log.info({ nudgeId: nudge.id, fingerprint: nudge.fingerprint }, "nudge dismissed by a 👎 reaction");
    }
  }
}

import { classifyComment } from "../coach/classify-comment.js";
import { type CoachCommand, parseCoachCommand } from "../coach/parse-coach-command.js";
import { COACH_HELP, renderExplanation } from "../coach/render/render-explanation.js";
import { inlineCode } from "../coach/render/escape-markdown.js";
import { readNudgeMarker } from "../coach/render/render-nudge.js";
import { isKnownRule } from "../coach/risk/rule-versions.js";
import type { RepoRef } from "../github/github-client.js";
import type { UseCaseContext } from "./use-case-context.js";
import { findNudgeByComment, linkNudgeComment, listNudges, markNudgeDismissed, markNudgesActedOn, setCoachingOptOut, setKudosOptOut } from "../store/nudges.js";
import { listReviews, saveComment } from "../store/reviews.js";
import { resetRuleLearning } from "../store/rule-learning.js";
import { selectActedOnNudges } from "../coach/select-acted-on-nudges.js";

export interface CommentEvent {
  repo: RepoRef;
  installationId: number;
  repositoryId: number;
  pullRequestId: number | null;
  pullNumber: number;
  /** review: an inline review comment (thread); issue: the PR conversation. */
  kind: "review" | "issue";
  comment: { id: number; body: string; authorLogin: string; authorId: number | null; authorIsBot: boolean; inReplyToId: number | null; path: string | null; line: number | null; reviewId: number | null; createdAt: string };
}

/**
 * Flow 3 (DESIGN.md): a comment on a pull request. The app's own inline nudges are tied back to their
 * records; `/coach` commands are answered; other comments by people are classified and stored, and
 * count as acting on a nudge when they take up its concern.
 */
export async function answerComment({ ctx, event }: { ctx: UseCaseContext; event: CommentEvent }): Promise<void> {
  const { store, log } = ctx;
  const now = ctx.now();
  const { comment } = event;

  if (comment.authorIsBot) {
    const fingerprint = readNudgeMarker(comment.body);
    if (!fingerprint || event.pullRequestId === null) return;
    const linked =
      comment.reviewId !== null && (await linkNudgeComment(store, event.pullRequestId, { fingerprint, githubReviewId: comment.reviewId, commentId: comment.id }, now));
    if (linked) log.debug({ fingerprint, commentId: comment.id }, "nudge comment linked");
    else log.info({ fingerprint, commentId: comment.id, reviewId: comment.reviewId }, "a comment quoting a nudge's marker outside the app's coaching review: not linked");
    return;
  }

  const command = parseCoachCommand(comment.body);
  if (command) {
    await runCommand(ctx, event, command);
    return;
  }
  if (event.pullRequestId === null) return;

  const classification = classifyComment(comment.body, { ...(comment.path ? { path: comment.path } : {}), isReply: comment.inReplyToId !== null });
  await saveComment(
    store,
    {
      id: comment.id,
      installationId: event.installationId,
      repositoryId: event.repositoryId,
      pullRequestId: event.pullRequestId,
      reviewId: comment.reviewId,
      authorLogin: comment.authorLogin,
      authorId: comment.authorId,
      path: comment.path,
      line: comment.line,
      inReplyToId: comment.inReplyToId,
      body: comment.body,
      classification,
      createdAt: comment.createdAt,
    },
    now,
  );
  const repliedTo = comment.inReplyToId !== null ? await findNudgeByComment(store, comment.inReplyToId) : undefined;
  const actedOn = selectActedOnNudges(await listNudges(store, event.pullRequestId), {
    reviewerLogin: comment.authorLogin,
    concerns: classification.concerns,
    addresses: (n) => n.id === repliedTo?.id,
  });
  await markNudgesActedOn(store, actedOn.map((n) => n.id), now);
}

async function runCommand(ctx: UseCaseContext, event: CommentEvent, command: CoachCommand): Promise<void> {
  const { github, store, log } = ctx;
  const now = ctx.now();
  const { comment } = event;
  const reply = async (body: string) => {
    if (event.kind === "review" && comment.inReplyToId !== null) await github.replyToReviewComment(event.repo, event.pullNumber, comment.inReplyToId, body);
    else if (event.kind === "review") await github.replyToReviewComment(event.repo, event.pullNumber, comment.id, body);
    else await github.createIssueComment(event.repo, event.pullNumber, body);
  };
  const acknowledge = () => github.reactToComment(event.repo, event.kind, comment.id, "+1");

  switch (command.kind) {
    case "dismiss": {
      const nudge = comment.inReplyToId !== null ? await findNudgeByComment(store, comment.inReplyToId) : undefined;
      if (!nudge) {
        await reply("`/coach dismiss` works as a reply to one of review-coach's inline nudges: reply in that nudge's thread.");
        return;
      }
      if (nudge.reviewerLogin.toLowerCase() !== comment.authorLogin.toLowerCase()) {
        log.info({ nudgeId: nudge.id }, "dismissal from someone other than the coached reviewer: ignored");
        return;
      }
      await markNudgeDismissed(store, nudge.id, now);
      await acknowledge();
      return;
    }
    case "off":
    case "on":
      await setCoachingOptOut(store, event.repositoryId, comment.authorLogin, command.kind === "off", now);
      await acknowledge();
      return;
    case "kudos":
      await setKudosOptOut(store, event.repositoryId, comment.authorLogin, !command.named, now);
      await acknowledge();
      return;
    case "unmute": {
      if (!command.rule || !isKnownRule(command.rule)) {
        await reply(`${command.rule ? `review-coach has no rule ${inlineCode(command.rule)}. ` : ""}Name the rule to unmute, as the review-coach check run lists it: \`/coach unmute <rule>\`.`);
        return;
      }
      if (!(await github.canWrite(event.repo, comment.authorLogin))) {
        log.info({ rule: command.rule, login: comment.authorLogin }, "unmute refused: the commenter cannot write to the repository");
        await reply(`Only people with write access to this repository can unmute a rule; ask a maintainer to comment \`/coach unmute ${command.rule}\`, or to pin the rule in \`.github/review-coach.yml\`.`);
        return;
      }
      await resetRuleLearning(store, { installationId: event.installationId, repositoryId: event.repositoryId, rule: command.rule, login: comment.authorLogin }, now);
      log.info({ rule: command.rule, login: comment.authorLogin }, "rule unmuted: what was learned about it no longer counts here");
      await reply(
        `${inlineCode(command.rule)} is unmuted in this repository: what reviewers did with its nudges until now no longer counts. To keep it on whatever they do, pin it in \`.github/review-coach.yml\` (\`rules: { ${command.rule}: on }\`).`,
      );
      return;
    }
    case "explain": {
      const loaded = await ctx.loadConfig(event.repo);
      const reviews = event.pullRequestId === null ? [] : await listReviews(store, event.pullRequestId);
      const latest = reviews.filter((r) => r.reviewerLogin.toLowerCase() === comment.authorLogin.toLowerCase()).at(-1);
      await reply(renderExplanation(comment.authorLogin, latest?.result ?? null, loaded.config.privacy.publicScores));
      return;
    }
    case "help":
      await reply(command.unknown ? `I don't know \`/coach ${command.unknown.replace(/`/g, "")}\`. ${COACH_HELP}` : COACH_HELP);
      return;
  }
}

import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createOctokitClass } from "../../../src/github/create-octokit-class.js";
import { GitHubClient } from "../../../src/github/github-client.js";
import { postSlackMessage } from "../../../src/digest/post-slack-message.js";
import { silentLog } from "../../helpers/stores.js";
import { isolateNetwork } from "../../helpers/test-app.js";

const Octokit = createOctokitClass({ throttle: false, retry: false });
const API = "https://api.github.com";
const repo = { owner: "acme", repo: "api" };
// A right-to-left override and a zero-width space, as a pull request's path or text can carry them.
const RLO = "\u202e";
const ZWSP = "\u200b";
const SHOWN = "\ufffd";

describe("every text written to GitHub or Slack shows hidden characters", () => {
  beforeAll(isolateNetwork);
  afterEach(() => {
    expect(nock.pendingMocks()).toEqual([]);
    nock.cleanAll();
  });
  const client = () => new GitHubClient(new Octokit({ auth: "ghs_test" }), silentLog);

  it("in a review and its inline comments, keeping the path GitHub anchors the comment on", async () => {
    let sent: unknown;
    nock(API).post("/repos/acme/api/pulls/2/reviews", (body) => ((sent = body), true)).reply(200, { id: 9 });
    await client().createCommentReview(repo, 2, { commitId: "c".repeat(40), body: `at \`src/${RLO}exe.txt\``, comments: [{ path: `src/${RLO}exe.txt`, line: 3, body: `@\u200dbob: ${ZWSP}eval` }] });
    expect(sent).toEqual({
      commit_id: "c".repeat(40),
      event: "COMMENT",
      body: `at \`src/${SHOWN}exe.txt\``,
      comments: [{ path: `src/${RLO}exe.txt`, line: 3, side: "RIGHT", body: `@\u200dbob: ${SHOWN}eval` }],
    });
  });

  it("in replies, conversation comments and issues", async () => {
    const bodies: unknown[] = [];
    const keep = (body: unknown) => (bodies.push(body), true);
    nock(API)
      .post("/repos/acme/api/pulls/2/comments/5/replies", keep)
      .reply(201, {})
      .post("/repos/acme/api/issues/2/comments", keep)
      .reply(201, {})
      .get("/repos/acme/api/issues")
      .query(true)
      .reply(200, [])
      .post("/repos/acme/api/issues", keep)
      .reply(201, { number: 7, html_url: "https://github.com/acme/api/issues/7" });
    await client().replyToReviewComment(repo, 2, 5, `reply ${RLO}`);
    await client().createIssueComment(repo, 2, `comment ${ZWSP}`);
    await client().createIssueOnce(repo, `title ${RLO}`, `body ${ZWSP}\n<!-- m -->`, "<!-- m -->");
    expect(bodies).toEqual([{ body: `reply ${SHOWN}` }, { body: `comment ${SHOWN}` }, { title: `title ${SHOWN}`, body: `body ${SHOWN}\n<!-- m -->` }]);
  });

  it("in a check run's title, summary, text and annotations", async () => {
    let sent: unknown;
    nock(API).post("/repos/acme/api/check-runs", (body) => ((sent = body), true)).reply(201, { id: 4 });
    await client().writeCheckRun({
      ...repo,
      name: "review-coach",
      headSha: "d".repeat(40),
      conclusion: "neutral",
      output: {
        title: `1 finding ${RLO}`,
        summary: `at \`src/${RLO}exe.txt\``,
        text: `${ZWSP}details`,
        annotations: [{ path: `src/${RLO}exe.txt`, start_line: 1, end_line: 1, annotation_level: "notice", title: `t${RLO}`, message: `m${ZWSP}` }],
      },
    });
    expect(sent).toEqual({
      name: "review-coach",
      head_sha: "d".repeat(40),
      status: "completed",
      conclusion: "neutral",
      output: {
        title: `1 finding ${SHOWN}`,
        summary: `at \`src/${SHOWN}exe.txt\``,
        text: `${SHOWN}details`,
        annotations: [{ path: `src/${RLO}exe.txt`, start_line: 1, end_line: 1, annotation_level: "notice", title: `t${SHOWN}`, message: `m${SHOWN}` }],
      },
    });
  });

  it("in a Slack message", async () => {
    let sent: unknown;
    nock("https://hooks.slack.com").post("/services/T0/B0/X", (body) => ((sent = body), true)).reply(200, "ok");
    await postSlackMessage("https://hooks.slack.com/services/T0/B0/X", { text: `digest ${RLO}`, blocks: [{ type: "section", text: { type: "mrkdwn", text: `*a*${ZWSP}` } }] });
    expect(sent).toEqual({ text: `digest ${SHOWN}`, blocks: [{ type: "section", text: { type: "mrkdwn", text: `*a*${SHOWN}` } }] });
  });
});

import { describe, expect, it } from "@jest/globals";
import { buildDigest } from "../../../src/digest/build-digest.js";
import type { DigestInput, DigestPullRequest } from "../../../src/digest/digest-types.js";
import { renderDigestMarkdown } from "../../../src/digest/render-digest-markdown.js";
import { renderSlackBlocks } from "../../../src/digest/render-slack-blocks.js";
import { LOGINS, NOW, pullRequest, repositoryInput, review } from "./digest-fixture.js";

/** Every section of the rendered digest, keyed by its heading. */
function sections(markdown: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const part of markdown.split(/^### /m).slice(1)) {
    const [heading = "", ...body] = part.split("\n");
    result.set(heading, body.join("\n"));
  }
  return result;
}

const mentions = (text: string, login: string): boolean => new RegExp(`(^|[^a-z-])${login}([^a-z-]|$)`, "i").test(text.replace(/\u200d/g, ""));

describe("privacy", () => {
  it("names no one when individuals is none: not in the data, the issue or Slack", () => {
    const data = buildDigest(repositoryInput({ individuals: "none", kudosConsent: () => true }));
    expect(data.kudos.map((kudos) => kudos.reviewer)).toEqual([null, null]);
    const everything = [JSON.stringify(data), renderDigestMarkdown(data), JSON.stringify(renderSlackBlocks(data, "https://github.com/acme/shop/issues/7"))];
    for (const text of everything) {
      for (const login of LOGINS) expect(mentions(text, login)).toBe(false);
    }
    expect(renderDigestMarkdown(data)).toContain("- An exemplary review on [#103](https://github.com/acme/shop/pull/103#pullrequestreview-1)");
    expect(renderDigestMarkdown(data)).toContain("This digest names no one");
  });

  it("names reviewers only in kudos, only with consent, and never in a negative section", () => {
    const data = buildDigest(repositoryInput());
    expect(data.kudos.map((kudos) => kudos.reviewer)).toEqual(["dave", null]); // frank did not consent
    const markdown = renderDigestMarkdown(data);
    for (const [heading, body] of sections(markdown)) {
      for (const login of LOGINS) {
        if (heading === "Kudos" && login === "dave") continue;
        expect({ heading, login, named: mentions(body, login) }).toEqual({ heading, login, named: false });
      }
    }
    expect(sections(markdown).get("Kudos")).toContain("**@\u200ddave** for an exemplary review");
    // Everything outside kudos is about pull requests, areas and counts: no logins in the data either.
    const { kudos: _kudos, ...rest } = data;
    for (const login of LOGINS) expect(mentions(JSON.stringify(rest), login)).toBe(false);
  });

  it("never uses a login as the area an agenda item names", () => {
    const data = buildDigest(
      repositoryInput({
        pullRequests: [1, 2, 3].map((number) =>
          pullRequest(number, {
            title: `[gina] tweak ${number}`,
            riskLevel: "high",
            concernsAsked: ["security"],
            reviews: [review("gina", { flags: ["rubber-stamp"] })],
          }),
        ),
      }),
    );
    for (const item of data.agenda) expect(item.text).not.toMatch(/gina/i);
  });
});

describe("org digest: comparing repositories", () => {
  /** A repository whose merged PRs of the week were reviewed by `reviewers` distinct people. */
  function repository(name: string, reviewers: number, score: number): DigestPullRequest[] {
    return Array.from({ length: reviewers }, (_, index) =>
      pullRequest(index + 1, {
        repository: name,
        title: `Change ${index + 1}`,
        url: `https://github.com/${name}/pull/${index + 1}`,
        score,
        concernsAsked: ["security"],
        concernsCovered: index % 2 === 0 ? ["security"] : [],
        reviews: [review(`${name.split("/")[1]}-reviewer-${index}`)],
      }),
    );
  }

  const orgInput = (pullRequests: DigestPullRequest[]): DigestInput => ({
    ...repositoryInput(),
    target: { kind: "org", name: "acme" },
    now: NOW,
    pullRequests,
    history: [],
    nudges: [],
    shadowRepositories: ["acme/tiny"],
  });

  it("compares only repositories with 5 or more distinct reviewers, and says why others are left out", () => {
    const data = buildDigest(orgInput([...repository("acme/api", 5, 80), ...repository("acme/web", 6, 40), ...repository("acme/tiny", 2, 10)]));
    expect(data.comparison).toEqual({
      groupKind: "repository",
      minimumReviewers: 5,
      rows: [
        { name: "acme/api", score: 80, mergedPullRequests: 5, securityShare: 3 / 5, edgeCasesShare: null },
        { name: "acme/web", score: 40, mergedPullRequests: 6, securityShare: 3 / 6, edgeCasesShare: null },
      ],
      omittedGroups: 1,
      footnote:
        "1 repository is left out of this comparison: only repositories with at least 5 distinct reviewers in the last 28 days are compared, so that no one can be singled out.",
    });
    const markdown = renderDigestMarkdown(data);
    expect(markdown).toMatchSnapshot();
    expect(markdown).not.toContain("| acme/tiny");
    expect(markdown).toContain("Shadow mode (acme/tiny)");
  });

  it("omits the comparison when fewer than two repositories qualify", () => {
    const data = buildDigest(orgInput([...repository("acme/api", 5, 80), ...repository("acme/web", 4, 40)]));
    expect(data.comparison?.rows).toEqual([]);
    expect(data.comparison?.footnote).toMatch(/comparison is omitted: it needs two or more repositories with at least 5 distinct reviewers/);
    const markdown = renderDigestMarkdown(data);
    expect(markdown).toContain("### By repository\n\n_The per-repository comparison is omitted");
    expect(markdown).not.toContain("| Repository |");
  });

  it("counts a reviewer once, and never the author or a bot", () => {
    const prs = repository("acme/api", 4, 80);
    const extra = [
      pullRequest(50, { repository: "acme/api", reviews: [review("api-reviewer-0"), review("dependabot[bot]", { reviewerIsBot: true })] }),
      pullRequest(51, { repository: "acme/api", authorLogin: "zed", reviews: [review("zed", { isSelfReview: true })] }),
    ];
    const data = buildDigest(orgInput([...prs, ...extra, ...repository("acme/web", 6, 40)]));
    expect(data.comparison?.rows.map((row) => row.name)).toEqual([]);
  });

  it("names a repository in the agenda only when it has enough reviewers", () => {
    const uncovered = (name: string, count: number): DigestPullRequest[] =>
      repository(name, count, 50).map((pr) => ({ ...pr, title: `Update ${pr.number}`, concernsCovered: [] }));
    const small = buildDigest(orgInput([...uncovered("acme/tiny", 3), ...uncovered("acme/api", 1)]));
    expect(small.agenda[0]?.text).toBe(
      "Security findings in 4 merged PRs went unreviewed: pair on the next security-sensitive change and walk through untrusted input, authorization and secrets together.",
    );
    const large = buildDigest(orgInput([...uncovered("acme/web", 6), ...uncovered("acme/api", 1)]));
    expect(large.agenda[0]?.text).toMatch(/^Security findings in 7 merged PRs went unreviewed, most of them in acme\/web: /);
  });

  it("refers to PRs with their repository in an org digest", () => {
    const prs = repository("acme/api", 1, 10).map((pr) => ({ ...pr, riskLevel: "high" as const }));
    const markdown = renderDigestMarkdown(buildDigest(orgInput(prs)));
    expect(markdown).toContain("- [acme/api#1](https://github.com/acme/api/pull/1) Change 1 (score 10)");
  });
});

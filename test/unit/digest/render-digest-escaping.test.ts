import { describe, expect, it } from "@jest/globals";
import { buildDigest } from "../../../src/digest/build-digest.js";
import { renderDigestMarkdown } from "../../../src/digest/render-digest-markdown.js";
import { escapeSlack, renderSlackBlocks } from "../../../src/digest/render-slack-blocks.js";
import { pullRequest, repositoryInput, review } from "./digest-fixture.js";

const ZWJ = "\u200d";

function digestWithTitle(title: string, url = "https://github.com/acme/shop/pull/1"): string {
  const data = buildDigest(
    repositoryInput({
      pullRequests: [pullRequest(1, { title, url, riskLevel: "high", score: 10, reviews: [review("bob", { score: 10, flags: ["exemplary"] })] })],
    }),
  );
  return renderDigestMarkdown(data);
}

describe("escaping in the issue body", () => {
  it("breaks @mentions and team mentions with a zero-width joiner", () => {
    const markdown = digestWithTitle("Fix login for @octocat and @acme/security-team");
    expect(markdown).toContain(`@${ZWJ}octocat and @${ZWJ}acme/security-team`);
    expect(markdown).not.toMatch(/@octocat|@acme/);
  });

  it("breaks #123 and GH-style cross-references", () => {
    const markdown = digestWithTitle("Closes #123, see acme/other#45");
    expect(markdown).toContain(`Closes #${ZWJ}123`);
    expect(markdown).not.toMatch(/[^[]#123/);
  });

  it("makes HTML inert and escapes markdown", () => {
    const markdown = digestWithTitle('<img src=x onerror=alert(1)> **bold** _it_ [click](https://evil.example) `code` | ![i](x) ~~s~~');
    expect(markdown).not.toContain("<img");
    expect(markdown).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(markdown).toContain("\\*\\*bold\\*\\* \\_it\\_ \\[click\\](https://evil.example) \\`code\\` \\| !\\[i\\](x) \\~\\~s\\~\\~");
  });

  it("keeps a title on one line, so it cannot start a heading or a list", () => {
    const markdown = digestWithTitle("Title\n# Heading\n- item\n\n<script>");
    expect(markdown).not.toMatch(/^# Heading/m);
    expect(markdown).not.toMatch(/^- item/m);
    expect(markdown).toContain("Title # Heading - item &lt;script&gt;");
  });

  it("links only http(s) URLs, percent-encoding what would end the link", () => {
    expect(digestWithTitle("A", "javascript:alert(1)")).toContain("- #1 A (score 10)");
    expect(digestWithTitle("A", "https://github.com/acme/shop/pull/1) [x](y")).toContain(
      "[#1](https://github.com/acme/shop/pull/1%29%20%5Bx%5D%28y) A",
    );
  });
});

describe("escaping in Slack", () => {
  it("escapes &, < and >", () => {
    expect(escapeSlack("a & b <!channel> <@U123> c > d")).toBe("a &amp; b &lt;!channel&gt; &lt;@U123&gt; c &gt; d");
  });

  it("escapes the fallback text and drops a link that is not http(s)", () => {
    const name = "acme/<!channel>&co";
    const pullRequests = repositoryInput().pullRequests.map((pullRequest) => ({ ...pullRequest, repository: name }));
    const data = buildDigest(repositoryInput({ target: { kind: "repository", name }, pullRequests, history: [] }));
    const message = renderSlackBlocks(data, "javascript:alert(1)");
    expect(message.text).toBe("review-coach digest: acme/&lt;!channel&gt;&amp;co, 2026-W45: score 49 ▼ 6");
    expect(message.blocks.map((block) => block.type)).toEqual(["header", "context", "section"]);
    expect(JSON.stringify(message)).not.toContain("javascript:");
  });

  it("never carries PR titles or logins", () => {
    const text = JSON.stringify(renderSlackBlocks(buildDigest(repositoryInput()), "https://github.com/acme/shop/issues/7"));
    expect(text).not.toMatch(/auth|invoice|dave|bob|mallory/i);
  });
});

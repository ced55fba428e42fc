import { describe, expect, it } from "@jest/globals";
import { buildDigest } from "../../../src/digest/build-digest.js";
import { renderDigestMarkdown } from "../../../src/digest/render-digest-markdown.js";
import { parseMermaidTrend, renderMarkdown } from "../../../src/dashboard/render-markdown.js";
import { repositoryInput } from "../digest/digest-fixture.js";

describe("renderMarkdown", () => {
  it("renders a real digest: headings, tables, lists, links, and the trend as an SVG chart", () => {
    const markdown = renderDigestMarkdown(buildDigest(repositoryInput()));
    const html = renderMarkdown(markdown, { chartId: "d0" });
    expect(html).toMatchSnapshot();
    expect(html).toContain('data-chart="line"');
    expect(html).not.toContain("```");
    expect(html).not.toContain("<!--");
  });

  it("lets no markup through and keeps only http(s) links", () => {
    const html = renderMarkdown(
      [
        "# <img src=x onerror=alert(1)>",
        "Some **bold <b>x</b>** and `<code>` and [bad](javascript:alert(1)) and [good](https://example.com/a?b=1&c=2).",
        "<script>alert(1)</script>",
        "- item with \\*escaped\\* stars and @\u200dmention",
        '<details><summary>sum<img src=x></summary>',
        "</details>",
        "</details>",
      ].join("\n"),
      { chartId: "x" },
    );
    expect(html).toMatchSnapshot();
    expect(html).not.toMatch(/<(img|script|b)\b/);
    expect(html).toContain('<a href="https://example.com/a?b=1&amp;c=2">good</a>');
    expect(html).not.toContain('href="javascript');
    expect(renderMarkdown("[x](javascript:void) [y](data:text/html,hi)", { chartId: "y" })).toBe("<p>x y</p>");
    expect(html.match(/<\/details>/g)).toHaveLength(1);
  });

  it("reads the digest's Mermaid trend, and refuses anything else", () => {
    expect(parseMermaidTrend('xychart-beta\n  x-axis ["W44", "W45"]\n  line [40, 52]')).toEqual([
      { label: "W44", at: "", score: 40, source: "snapshot" },
      { label: "W45", at: "", score: 52, source: "snapshot" },
    ]);
    expect(parseMermaidTrend("graph TD; A-->B")).toBeNull();
    expect(renderMarkdown("```mermaid\ngraph TD; A-->B\n```", { chartId: "m" })).toContain("<pre><code>graph TD; A--&gt;B</code></pre>");
  });
});

import { describe, expect, it } from "@jest/globals";
import { buildDigest } from "../../../src/digest/build-digest.js";
import { renderDigestMarkdown } from "../../../src/digest/render-digest-markdown.js";
import { parseMermaidTrend } from "../../../src/dashboard/parse-mermaid-trend.js";
import { renderDigestHtml } from "../../../src/dashboard/render-digest-html.js";
import { repositoryInput } from "../digest/digest-fixture.js";

describe("renderDigestHtml", () => {
  it("renders a real digest: headings, tables, lists, links, and the trend as an SVG chart", () => {
    const markdown = renderDigestMarkdown(buildDigest(repositoryInput()));
    const html = renderDigestHtml(markdown, { chartId: "d0" });
    expect(html).toMatchSnapshot();
    expect(html).toContain('data-chart="line"');
    expect(html).not.toContain("```");
    expect(html).not.toContain("<!--");
  });

  it("lets no markup through and keeps only http(s) links", () => {
    const html = renderDigestHtml(
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
    expect(renderDigestHtml("[x](javascript:void) [y](data:text/html,hi)", { chartId: "y" })).toBe("<p>x y</p>");
    expect(html.match(/<\/details>/g)).toHaveLength(1);
  });

  it("shows raw HTML as text, blocks and inline alike", () => {
    const html = renderDigestHtml(
      ['<div onclick="alert(1)">', "<iframe src=https://evil.example></iframe>", "</div>", "", 'text <a href="javascript:alert(1)">x</a> <svg onload=alert(1)>', "", "<!-- a comment with <b> in it --> and more"].join("\n"),
      { chartId: "h" },
    );
    expect(html).toBe(
      "<p>&lt;div onclick=&quot;alert(1)&quot;&gt;<br>\n&lt;iframe src=https://evil.example&gt;&lt;/iframe&gt;<br>\n&lt;/div&gt;</p>\n" +
        "<p>text &lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt; &lt;svg onload=alert(1)&gt;</p>\n" +
        "<p>&lt;!-- a comment with &lt;b&gt; in it --&gt; and more</p>",
    );
  });

  it("keeps only http(s) links: javascript: in any spelling, references, autolinks and images lose their target", () => {
    const cases: Array<[string, string]> = [
      ["[x](JaVaScRiPt:alert(1))", "<p>x</p>"],
      ["[x](&#106;avascript:alert(1))", "<p>x</p>"],
      ["[x]( javascript:alert(1) )", "<p>x</p>"],
      ["[x](vbscript:msgbox)", "<p>x</p>"],
      ["[x](/relative/path)", "<p>x</p>"],
      ["[x][r]\n\n[r]: javascript:alert(1)", "<p>x</p>"],
      ["<javascript:alert(1)>", "<p>javascript:alert(1)</p>"],
      ["<https://example.com/a>", '<p><a href="https://example.com/a">https://example.com/a</a></p>'],
      ['[x](https://example.com/ "a title")', '<p><a href="https://example.com/">x</a></p>'],
      ["![pixel](https://tracker.example/p.png)", '<p>!<a href="https://tracker.example/p.png">pixel</a></p>'],
      ["[**bold** label](javascript:x) after", "<p><strong>bold</strong> label after</p>"],
    ];
    for (const [markdown, html] of cases) expect(renderDigestHtml(markdown, { chartId: "l" })).toBe(html);
  });

  it("reads the digest's Mermaid trend, and refuses anything else", () => {
    expect(parseMermaidTrend('xychart-beta\n  x-axis ["W44", "W45"]\n  line [40, 52]')).toEqual([
      { label: "W44", at: "", score: 40, source: "snapshot" },
      { label: "W45", at: "", score: 52, source: "snapshot" },
    ]);
    expect(parseMermaidTrend("graph TD; A-->B")).toBeNull();
    expect(renderDigestHtml("```mermaid\ngraph TD; A-->B\n```", { chartId: "m" })).toContain("<pre><code>graph TD; A--&gt;B</code></pre>");
  });
});

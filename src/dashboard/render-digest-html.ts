// A stored digest's Markdown as HTML for the dashboard's archive, by markdown-it with raw HTML off: every
// tag in the text is shown as text. Links keep only http(s) targets (any other link shows its label
// alone); images are off; headings start at h2. Two things the digest writes are read on purpose: its
// `<details><summary>…</summary>` … `</details>` footer (closes without an open are dropped) and its
// `<!-- marker -->` line (dropped). A Mermaid trend becomes the SVG line chart. Pure.

import MarkdownIt from "markdown-it";
import type { Env, StateBlock, Token } from "markdown-it";
import { renderLineChart } from "./charts/render-line-chart.js";
import { escapeHtml, safeHref } from "./escape-html.js";
import { parseMermaidTrend } from "./parse-mermaid-trend.js";

interface RenderEnv extends Env {
  chartId: string;
  fences: number;
  openDetails: number;
}

const DETAILS_OPEN = /^<details>\s*<summary>(.*)<\/summary>\s*$/;
const DETAILS_CLOSE = /^<\/details>\s*$/;
const COMMENT = /^<!--.*-->\s*$/;
const TERMINATES = { alt: ["paragraph", "reference", "blockquote", "list"] };

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: true });
markdown.disable("image");
// Every link is parsed, then rendered only when its target is http(s) (see link_open below).
markdown.validateLink = () => true;
markdown.block.ruler.before("html_block", "review_coach_details", readDetailsLine, TERMINATES);
markdown.block.ruler.before("html_block", "review_coach_comment", (state, line, _end, silent) => {
  if (!COMMENT.test(lineText(state, line))) return false;
  if (!silent) state.line = line + 1;
  return true;
}, TERMINATES);
markdown.core.ruler.push("review_coach_close_details", (state) => {
  const env = state.env as RenderEnv;
  for (; env.openDetails > 0; env.openDetails -= 1) state.tokens.push(new state.Token("details_close", "details", -1));
});

const rules = markdown.renderer.rules;
rules.heading_open = (tokens, idx) => `<${headingTag(tokens[idx]!)}>`;
rules.heading_close = (tokens, idx) => `</${headingTag(tokens[idx]!)}>\n`;
rules.link_open = (tokens, idx) => {
  const href = safeHref(String(tokens[idx]!.attrGet("href") ?? ""));
  if (href) return `<a href="${href}">`;
  const close = tokens.slice(idx).find((token) => token.type === "link_close" && token.level === tokens[idx]!.level);
  if (close) close.meta = { dropped: true };
  return "";
};
rules.link_close = (tokens, idx) => ((tokens[idx]!.meta as { dropped?: boolean } | null)?.dropped ? "" : "</a>");
rules.table_open = () => '<div class="table-wrap"><table class="data">\n';
rules.table_close = () => "</table></div>\n";
rules.th_open = (tokens, idx) => `<th scope="col"${numericClass(tokens[idx]!)}>`;
rules.td_open = (tokens, idx) => `<td${numericClass(tokens[idx]!)}>`;
rules.details_open = () => "<details><summary>";
rules.details_summary_close = () => "</summary>\n";
rules.details_close = () => "</details>\n";
rules.fence = (tokens, idx, _options, renderEnv) => {
  const env = renderEnv as RenderEnv;
  const token = tokens[idx]!;
  const language = token.info.trim().split(/\s+/)[0] ?? "";
  const source = token.content.replace(/\n$/, "");
  const chartId = `${env.chartId}-${env.fences++}`;
  if (language === "mermaid") {
    const points = parseMermaidTrend(source);
    if (points) return `${renderLineChart(chartId, "Review-quality score by week", points)}\n`;
    return `<p class="note">A chart that cannot be drawn here:</p><pre><code>${escapeHtml(source)}</code></pre>\n`;
  }
  return `<pre><code>${escapeHtml(source)}</code></pre>\n`;
};

export function renderDigestHtml(text: string, options: { chartId: string }): string {
  const env: RenderEnv = { chartId: options.chartId, fences: 0, openDetails: 0 };
  return markdown.render(text, env).trimEnd();
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice((state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0), state.eMarks[line]);
}

function readDetailsLine(state: StateBlock, line: number, _end: number, silent: boolean): boolean {
  const text = lineText(state, line);
  const open = text.match(DETAILS_OPEN);
  if (!open && !DETAILS_CLOSE.test(text)) return false;
  if (silent) return true;
  const env = state.env as RenderEnv;
  state.line = line + 1;
  if (open) {
    env.openDetails += 1;
    state.push("details_open", "details", 1).map = [line, line + 1];
    const summary = state.push("inline", "", 0);
    summary.content = open[1] ?? "";
    summary.children = [];
    state.push("details_summary_close", "summary", 0);
  } else if (env.openDetails > 0) {
    env.openDetails -= 1;
    state.push("details_close", "details", -1);
  }
  return true;
}

function headingTag(token: Token): string {
  return token.tag === "h1" ? "h2" : token.tag;
}

function numericClass(token: Token): string {
  return token.attrGet("style") === "text-align:right" ? ' class="num"' : "";
}

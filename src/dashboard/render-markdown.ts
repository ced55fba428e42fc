// A small, safe Markdown renderer for the digest archive: headings, paragraphs, lists, tables, bold,
// italic, links (http/https only), code, rules, and the digest's details/summary footer. Every character
// of the input is escaped: no HTML passes through. The digest's Mermaid trend becomes the SVG line chart,
// or a table when it cannot be read. Pure.

import { renderLineChart } from "./charts/render-line-chart.js";
import type { ScorePoint } from "./dashboard-types.js";
import { escapeHtml, safeHref } from "./escape-html.js";

const OPEN = "\uE000";
const CLOSE = "\uE001";

const ENTITY: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const decodeEntities = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITY[entity] ?? entity);

/** Inline Markdown to HTML: code spans, backslash escapes, links, bold, italic. */
export function renderInline(text: string): string {
  const parts = text.replace(/[\uE000\uE001]/g, "").split(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/);
  let html = "";
  // split with two groups yields [text, fence, code, text, fence, code, ...]
  for (let index = 0; index < parts.length; index += 3) {
    html += renderInlineText(parts[index] ?? "");
    const code = parts[index + 2];
    if (code !== undefined) html += `<code>${escapeHtml(decodeEntities(code.trim() === "" ? code : code.replace(/^ (.*) $/, "$1")))}</code>`;
  }
  return html;
}

function renderInlineText(text: string): string {
  const literals: string[] = [];
  const protectedText = text.replace(/\\([\\`*_[\]{}()#+\-.!|~>])/g, (_match, character: string) => {
    literals.push(character);
    return `${OPEN}${literals.length - 1}${CLOSE}`;
  });
  let html = escapeHtml(decodeEntities(protectedText));
  html = html.replace(/\[([^\]]+)\]\(([^()\s]+)\)/g, (_match, label: string, url: string) => {
    const href = safeHref(restore(decodeEntities(url), literals, false));
    return href ? `<a href="${href}">${label}</a>` : label;
  });
  html = html.replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, "<strong>$1</strong>");
  html = html.replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?=[^\w]|$)/g, "$1<em>$2</em>");
  return restore(html, literals, true);
}

function restore(text: string, literals: string[], escape: boolean): string {
  return text.replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, "g"), (_match, index: string) => {
    const literal = literals[Number(index)] ?? "";
    return escape ? escapeHtml(literal) : literal;
  });
}

function splitRow(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, "").replace(/(?<!\\)\|$/, "");
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

const isTableSeparator = (line: string | undefined) => line !== undefined && /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);

/** The trend of a digest's `xychart-beta` block, or null when it is not one. */
export function parseMermaidTrend(source: string): ScorePoint[] | null {
  const labels = source.match(/x-axis\s*\[([^\]]*)\]/)?.[1];
  const values = source.match(/\bline\s*\[([^\]]*)\]/)?.[1];
  if (labels === undefined || values === undefined) return null;
  const names = [...labels.matchAll(/"([^"]*)"|([^,\s][^,]*)/g)].map((match) => (match[1] ?? match[2] ?? "").trim());
  const numbers = values.split(",").map((value) => Number(value.trim()));
  if (names.length === 0 || names.length !== numbers.length || numbers.some((value) => !Number.isFinite(value))) return null;
  return names.map((label, index) => ({ label, at: "", score: Math.max(0, Math.min(100, numbers[index] as number)), source: "snapshot" }));
}

function renderFence(language: string, lines: string[], chartId: string): string {
  const source = lines.join("\n");
  if (language === "mermaid") {
    const points = parseMermaidTrend(source);
    if (points) return renderLineChart(chartId, "Review-quality score by week", points);
    return `<p class="note">A chart that cannot be drawn here:</p><pre><code>${escapeHtml(source)}</code></pre>`;
  }
  return `<pre><code>${escapeHtml(source)}</code></pre>`;
}

export function renderMarkdown(markdown: string, options: { chartId: string }): string {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let paragraph: string[] = [];
  let openDetails = 0;
  let fences = 0;
  const flush = () => {
    if (paragraph.length > 0) out.push(`<p>${paragraph.map(renderInline).join("<br>\n")}</p>`);
    paragraph = [];
  };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as string;
    const fence = line.match(/^\s*```\s*([\w-]*)\s*$/);
    if (fence) {
      flush();
      const body: string[] = [];
      index += 1;
      while (index < lines.length && !/^\s*```\s*$/.test(lines[index] as string)) body.push(lines[index++] as string);
      out.push(renderFence(fence[1] ?? "", body, `${options.chartId}-${fences++}`));
      continue;
    }
    if (/^\s*<!--.*-->\s*$/.test(line)) continue;
    const details = line.match(/^\s*<details>\s*<summary>(.*)<\/summary>\s*$/);
    if (details) {
      flush();
      openDetails += 1;
      out.push(`<details><summary>${renderInline(details[1] ?? "")}</summary>`);
      continue;
    }
    if (/^\s*<\/details>\s*$/.test(line)) {
      flush();
      if (openDetails > 0) {
        openDetails -= 1;
        out.push("</details>");
      }
      continue;
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    const heading = line.match(/^(#{1,6})\s+(.*?)\s*#*\s*$/);
    if (heading) {
      flush();
      const level = Math.min(6, Math.max(2, (heading[1] ?? "#").length));
      out.push(`<h${level}>${renderInline(heading[2] ?? "")}</h${level}>`);
      continue;
    }
    if (/^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(line)) {
      flush();
      out.push("<hr>");
      continue;
    }
    if (line.trim().startsWith("|") && isTableSeparator(lines[index + 1])) {
      flush();
      const head = splitRow(line);
      const aligns = splitRow(lines[index + 1] as string).map((cell) => (cell.endsWith(":") ? ' class="num"' : ""));
      index += 2;
      const rows: string[][] = [];
      while (index < lines.length && (lines[index] as string).trim().startsWith("|")) rows.push(splitRow(lines[index++] as string));
      index -= 1;
      out.push(
        `<div class="table-wrap"><table class="data"><thead><tr>${head.map((cell, column) => `<th scope="col"${aligns[column] ?? ""}>${renderInline(cell)}</th>`).join("")}</tr></thead><tbody>${rows
          .map((row) => `<tr>${head.map((_cell, column) => `<td${aligns[column] ?? ""}>${renderInline(row[column] ?? "")}</td>`).join("")}</tr>`)
          .join("")}</tbody></table></div>`,
      );
      continue;
    }
    const listItem = /^\s*([-*+]|\d+\.)\s+/;
    const item = line.match(listItem);
    if (item) {
      flush();
      const ordered = /\d/.test(item[1] ?? "");
      const items: string[] = [];
      while (index < lines.length) {
        const current = (lines[index] as string).match(listItem);
        if (!current || /\d/.test(current[1] ?? "") !== ordered) break;
        items.push((lines[index] as string).replace(listItem, ""));
        index += 1;
      }
      index -= 1;
      const tag = ordered ? "ol" : "ul";
      out.push(`<${tag}>${items.map((text) => `<li>${renderInline(text)}</li>`).join("")}</${tag}>`);
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  while (openDetails-- > 0) out.push("</details>");
  return out.join("\n");
}

// The HTML shell of every dashboard page: landmarks, skip link, navigation, inline CSS (no CDN, no
// script). Pure.

import { escapeHtml } from "../escape-html.js";

export interface PageViewer {
  login: string;
  csrfToken: string;
}

export interface PageOptions {
  title: string;
  /** Already-escaped HTML of the main content. */
  body: string;
  viewer: PageViewer | null;
  /** Breadcrumbs: [label, href] pairs; the last one is the current page. */
  breadcrumbs?: Array<[string, string]>;
}

export const DASHBOARD_CSS = `
:root{--fg:#1f2328;--muted:#57606a;--bg:#fff;--panel:#f6f8fa;--border:#d0d7de;--accent:#0550ae;--bar:#0969da;--warn:#9a6700;--bad:#cf222e;--good:#1a7f37;--focus:#bf3989;color-scheme:light}
*{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent);text-underline-offset:2px}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
.skip-link{position:absolute;left:-999px;top:0;background:var(--fg);color:#fff;padding:.5rem 1rem;z-index:10}
.skip-link:focus{left:.5rem;top:.5rem}
header.site{border-bottom:1px solid var(--border);background:var(--panel)}
header.site .inner,main,footer.site .inner{max-width:72rem;margin:0 auto;padding:0 1rem}
header.site .inner{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between;padding-top:.6rem;padding-bottom:.6rem}
.brand{font-weight:700;color:var(--fg);text-decoration:none}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center}
nav form{display:inline}
main{padding-top:1rem;padding-bottom:2rem}
main:focus{outline:none}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:1px solid var(--border)}
h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
.breadcrumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem;font-size:.9rem;color:var(--muted)}
.breadcrumbs li+li::before{content:"/";margin-right:.25rem}
.muted,.note{color:var(--muted)}
.note{font-size:.9rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));gap:1rem}
.card{border:1px solid var(--border);border-radius:6px;padding:1rem;background:var(--bg)}
.figure-big{font-size:2rem;font-weight:700;line-height:1.1}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
table.data{border-collapse:collapse;width:100%;font-size:.95rem}
table.data th,table.data td{border-bottom:1px solid var(--border);padding:.4rem .5rem;text-align:left;vertical-align:top}
table.data td.num,table.data th.num{text-align:right;font-variant-numeric:tabular-nums}
table.data thead th{background:var(--panel)}
.visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}
.chart{color:var(--bar);max-width:100%;height:auto;display:block}
.chart-line{width:100%;max-width:44rem}
.chart-bars{width:100%;max-width:36rem}
.chart-weeks{width:100%;max-width:14rem}
.sparkline .chart{display:inline-block;vertical-align:middle}
.chart .gridline{stroke:#d8dee4;stroke-width:1}
.chart .axis{stroke:var(--muted);stroke-width:1}
.chart .axis-label{fill:var(--muted);font-size:12px;font-family:inherit}
.chart .axis-label.small{font-size:10px}
.chart .point{fill:var(--bar)}
.chart .bar{fill:var(--bar)}
.chart .bar-warning{fill:var(--warn)}
.chart .bar-track{fill:#eaeef2}
.chart .no-data{stroke:var(--muted);stroke-dasharray:2 2}
.chart .bar-label,.chart .bar-value{fill:var(--fg);font-size:13px;font-family:inherit}
dd{margin:0}figure.chart-figure{margin:0 0 1rem}
figure.chart-figure figcaption{font-weight:600;margin-bottom:.25rem}
.multiples{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:1rem}
.score{font-weight:700;font-variant-numeric:tabular-nums}
.badge-flag{display:inline-block;border:1px solid var(--border);border-radius:999px;padding:0 .5rem;font-size:.8rem;margin:0 .25rem .25rem 0}
blockquote{margin:.5rem 0;padding:.5rem 1rem;border-left:4px solid var(--border);background:var(--panel);white-space:pre-wrap;overflow-wrap:anywhere}
pre{background:var(--panel);border:1px solid var(--border);border-radius:6px;padding:.75rem;overflow-x:auto;font-size:.85rem;white-space:pre-wrap;overflow-wrap:anywhere}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}
button,.button{font:inherit;border:1px solid var(--border);background:var(--panel);color:var(--fg);border-radius:6px;padding:.35rem .8rem;cursor:pointer;min-height:2.25rem}
button.primary,.button.primary{background:#1f883d;border-color:#1a7f37;color:#fff;text-decoration:none;display:inline-block}
button.link{border:0;background:none;color:var(--accent);padding:0;text-decoration:underline;min-height:0}
label{font-weight:600}
details{margin:.5rem 0}
summary{cursor:pointer}
.digest{border:1px solid var(--border);border-radius:6px;padding:0 1rem 1rem;margin-bottom:1.5rem}
footer.site{border-top:1px solid var(--border);color:var(--muted);font-size:.85rem;padding:1rem 0}
@media (max-width:40rem){h1{font-size:1.35rem}.figure-big{font-size:1.6rem}table.data{font-size:.875rem}header.site .inner{flex-direction:column;align-items:flex-start}}
@media (prefers-reduced-motion:reduce){*{transition:none!important}}
`.replace(/\n/g, "");

export function renderPageLayout(options: PageOptions): string {
  const viewer = options.viewer;
  const nav = viewer
    ? [
        `<li><a href="/dashboard">Installations</a></li>`,
        `<li><a href="/dashboard/me">My coaching</a></li>`,
        `<li><span class="muted">Signed in as ${escapeHtml(viewer.login)}</span></li>`,
        `<li><form method="post" action="/dashboard/logout"><input type="hidden" name="csrf" value="${escapeHtml(viewer.csrfToken)}"><button type="submit" class="link">Sign out</button></form></li>`,
      ].join("")
    : `<li><a href="/dashboard/login">Sign in with GitHub</a></li>`;
  const crumbs = options.breadcrumbs?.length
    ? `<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${options.breadcrumbs
        .map(([label, href], index, all) =>
          index === all.length - 1 ? `<li><a href="${escapeHtml(href)}" aria-current="page">${escapeHtml(label)}</a></li>` : `<li><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></li>`,
        )
        .join("")}</ol></nav>`
    : "";
  return [
    `<!doctype html>`,
    `<html lang="en">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(options.title)} · review-coach</title>`,
    `<link rel="icon" href="data:,">`,
    `<style>${DASHBOARD_CSS}</style></head>`,
    `<body>`,
    `<a class="skip-link" href="#main">Skip to content</a>`,
    `<header class="site"><div class="inner"><a class="brand" href="/dashboard">review-coach</a><nav aria-label="Main"><ul>${nav}</ul></nav></div></header>`,
    `<main id="main" tabindex="-1">${crumbs}${options.body}</main>`,
    `<footer class="site"><div class="inner">review-coach coaches reviewers; it never judges people in public. Figures come from the app's own records; access follows your GitHub permissions.</div></footer>`,
    `</body></html>`,
  ].join("\n");
}

/** "72", or "n/a". */
export function formatScoreText(score: number | null): string {
  return score === null ? "n/a" : String(score);
}

export function formatPercent(share: number | null): string {
  return share === null ? "n/a" : `${Math.round(share * 100)}%`;
}

/** "2026-11-02". */
export function formatDay(iso: string): string {
  return iso.slice(0, 10);
}

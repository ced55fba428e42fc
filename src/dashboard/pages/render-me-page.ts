// The signed-in reviewer's private page. Only ever rendered for the person it is about. Pure.

import { renderLineChart } from "../charts/render-line-chart.js";
import type { MyCoaching } from "../dashboard-types.js";
import { escapeHtml, safeHref } from "../escape-html.js";
import { formatDay, formatScoreText, type PageViewer, renderPageLayout } from "./render-page-layout.js";

const STATUS_TEXT: Record<string, string> = {
  sent: "sent",
  listed: "listed in the summary",
  shadow: "recorded (shadow mode)",
  dismissed: "dismissed",
  "acted-on": "acted on",
  ignored: "left unanswered",
  failed: "could not be posted",
  pending: "pending",
};

function prLink(pr: { number: number; title: string; url: string }, repository: string): string {
  const href = safeHref(pr.url);
  const text = `${repository}#${pr.number} ${pr.title}`;
  return href ? `<a href="${href}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

export function renderMePage(viewer: PageViewer, me: MyCoaching, notice: string | null = null): string {
  const reviews =
    me.reviews.length === 0
      ? `<p>No reviews of yours have been scored yet.</p>`
      : `<div class="table-wrap"><table class="data"><caption class="visually-hidden">My reviews</caption><thead><tr><th scope="col">Pull request</th><th scope="col">Submitted</th><th scope="col" class="num">Score</th><th scope="col">Why</th></tr></thead><tbody>${me.reviews
          .map((review) => {
            const factors = review.factors.length
              ? `<ul>${review.factors.map((factor) => `<li><strong>${escapeHtml(factor.name)}</strong> ${factor.points}/${factor.weight}: ${escapeHtml(factor.explanation)}</li>`).join("")}</ul>`
              : `<span class="muted">No breakdown recorded.</span>`;
            const flags = review.flags.map((flag) => `<span class="badge-flag">${escapeHtml(flag)}</span>`).join("");
            const reviewLink = safeHref(review.url);
            return `<tr><td>${prLink(review.pullRequest, review.repository)}${reviewLink ? ` · <a href="${reviewLink}">review</a>` : ""}<br>${flags}</td><td>${escapeHtml(formatDay(review.submittedAt))}</td><td class="num score">${formatScoreText(review.score)}</td><td>${factors}</td></tr>`;
          })
          .join("")}</tbody></table></div>`;
  const nudges =
    me.nudges.length === 0
      ? `<p>You have not received any nudge.</p>`
      : `<div class="table-wrap"><table class="data"><caption class="visually-hidden">Nudges I received</caption><thead><tr><th scope="col">Pull request</th><th scope="col">Concern</th><th scope="col">Where</th><th scope="col">Status</th><th scope="col">When</th></tr></thead><tbody>${me.nudges
          .map(
            (nudge) =>
              `<tr><td>${prLink(nudge.pullRequest, nudge.repository)}</td><td>${escapeHtml(nudge.concern)}</td><td><code>${escapeHtml(nudge.path)}${nudge.line === null ? "" : `:${nudge.line}`}</code></td><td>${escapeHtml(STATUS_TEXT[nudge.status] ?? nudge.status)}</td><td>${escapeHtml(formatDay(nudge.createdAt))}</td></tr>`,
          )
          .join("")}</tbody></table></div>`;
  const tone =
    me.toneSuggestions.length === 0
      ? `<p>Nothing to suggest: none of your comments read as harsh.</p>`
      : me.toneSuggestions
          .map(
            (item, index) =>
              `<article class="card" aria-labelledby="tone-${index}"><h3 id="tone-${index}">On ${prLink(item.pullRequest, item.repository)}</h3><p class="note">${escapeHtml(formatDay(item.createdAt))} · read as ${escapeHtml(item.tone)}</p><p>You wrote:</p><blockquote>${escapeHtml(item.body)}</blockquote><p>Ways to say it that teach and keep the point:</p><ul>${item.hints.map((hint) => `<li>${escapeHtml(hint)}</li>`).join("")}</ul></article>`,
          )
          .join("");
  const optOuts =
    me.optOuts.length === 0
      ? `<p>No repository to set yet: it appears here once you have reviewed in it.</p>`
      : `<ul>${me.optOuts
          .map(
            (setting) =>
              `<li><form method="post" action="/dashboard/me/opt-out"><input type="hidden" name="csrf" value="${escapeHtml(viewer.csrfToken)}"><input type="hidden" name="repository_id" value="${setting.repositoryId}"><input type="hidden" name="opt_out" value="${setting.optedOut ? "0" : "1"}">` +
              `<strong>${escapeHtml(setting.repository)}</strong>: coaching is <strong>${setting.optedOut ? "off" : "on"}</strong>. <button type="submit" aria-label="${setting.optedOut ? "Turn coaching back on" : "Opt out of coaching"} in ${escapeHtml(setting.repository)}">${setting.optedOut ? "Turn coaching back on" : "Opt out"}</button></form></li>`,
          )
          .join("")}</ul>`;
  const body = [
    `<h1>My coaching</h1>`,
    `<p class="muted">Only you can see this page, ${escapeHtml(me.login)}.</p>`,
    notice ? `<p role="status" class="card">${escapeHtml(notice)}</p>` : "",
    `<section aria-labelledby="trend-heading"><h2 id="trend-heading">My trend</h2>${renderLineChart("my-trend", "My mean review score per week", me.trend, "Mean score")}</section>`,
    `<section aria-labelledby="reviews-heading"><h2 id="reviews-heading">My reviews</h2>${reviews}</section>`,
    `<section aria-labelledby="nudges-heading"><h2 id="nudges-heading">Nudges I received</h2>${nudges}</section>`,
    `<section aria-labelledby="tone-heading"><h2 id="tone-heading">Tone suggestions</h2>${tone}</section>`,
    `<section aria-labelledby="optout-heading"><h2 id="optout-heading">Coaching per repository</h2><p>Opting out stops nudges to you in that repository; your reviews are still counted anonymously in the repository score.</p>${optOuts}</section>`,
  ].join("");
  return renderPageLayout({ title: "My coaching", viewer, body, breadcrumbs: [["My coaching", "/dashboard/me"]] });
}

import type { UserInstallation } from "../../github/github-user-api.js";
import { escapeHtml } from "../escape-html.js";
import { type PageViewer, renderPageLayout } from "./render-page-layout.js";

/** The installations the signed-in person can see, and a link to their private page. */
export function renderHomePage(viewer: PageViewer, installations: ReadonlyArray<UserInstallation & { known: boolean }>): string {
  const list =
    installations.length === 0
      ? `<p>Your GitHub account does not have access to any installation of review-coach yet.</p>`
      : `<ul>${installations
          .map((installation) =>
            installation.known
              ? `<li><a href="/dashboard/installations/${installation.id}">${escapeHtml(installation.accountLogin)}</a> <span class="muted">(${escapeHtml(installation.accountType || "account")})</span></li>`
              : `<li>${escapeHtml(installation.accountLogin)} <span class="muted">(no data recorded yet)</span></li>`,
          )
          .join("")}</ul>`;
  return renderPageLayout({
    title: "Installations",
    viewer,
    body: [
      `<h1>review-coach dashboard</h1>`,
      `<section aria-labelledby="installations-heading"><h2 id="installations-heading">Installations you can see</h2>${list}</section>`,
      `<section aria-labelledby="me-heading"><h2 id="me-heading">Your coaching</h2><p><a href="/dashboard/me">My coaching</a>: your reviews, the nudges you received and suggestions, visible only to you.</p></section>`,
    ].join(""),
  });
}

import { escapeHtml, safeHref } from "../escape-html.js";
import { renderDigestHtml } from "../render-digest-html.js";
import { type PageViewer, renderPageLayout } from "./render-page-layout.js";

export interface ArchivedDigest {
  id: string;
  week: string;
  markdown: string;
  issueUrl: string | null;
  createdAt: string;
}

/** A repository's weekly digests, newest first, rendered from their Markdown. Pure. */
export function renderDigestsPage(viewer: PageViewer, repository: { fullName: string; installationId: number; installationLogin: string }, digests: ArchivedDigest[]): string {
  const [owner = "", name = ""] = repository.fullName.split("/");
  const base = `/dashboard/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
  const list =
    digests.length === 0
      ? `<p>No digest has been built for this repository yet.</p>`
      : `<nav aria-label="Weeks"><ul>${digests.map((digest, index) => `<li><a href="#digest-${index}">${escapeHtml(digest.week)}</a></li>`).join("")}</ul></nav>` +
        digests
          .map((digest, index) => {
            const issue = safeHref(digest.issueUrl);
            return `<article class="digest" id="digest-${index}" aria-label="Digest ${escapeHtml(digest.week)}">${renderDigestHtml(digest.markdown, { chartId: `digest-${index}-chart` })}${issue ? `<p><a href="${issue}">The issue on GitHub</a></p>` : ""}</article>`;
          })
          .join("");
  return renderPageLayout({
    title: `${repository.fullName} digests`,
    viewer,
    body: `<h1>Digest archive: ${escapeHtml(repository.fullName)}</h1>${list}`,
    breadcrumbs: [
      ["Installations", "/dashboard"],
      [repository.installationLogin, `/dashboard/installations/${repository.installationId}`],
      [repository.fullName, base],
      ["Digests", `${base}/digests`],
    ],
  });
}

import { escapeHtml } from "../escape-html.js";
import { type PageViewer, renderPageLayout } from "./render-page-layout.js";

/** A page that only says something: not found, not configured, an error, or "please sign in". */
export function renderMessagePage(title: string, message: string, viewer: PageViewer | null, action?: { label: string; href: string }): string {
  const button = action ? `<p><a class="button primary" href="${escapeHtml(action.href)}">${escapeHtml(action.label)}</a></p>` : "";
  return renderPageLayout({ title, viewer, body: `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${button}` });
}

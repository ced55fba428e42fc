import { setCoachingOptOut } from "../store/nudges.js";
import type { Session } from "./auth/encrypt-session.js";
import { csrfFormSchema, type DashboardRequest, type DashboardRouteDeps, type DashboardSession, idSchema, nameSchema } from "./create-dashboard-session.js";
import { z } from "zod";
import { listViewerInstallations, listViewerRepositories, loadDigestArchive, loadInstallationOverview, loadMyCoaching, loadRepositoryReport, type Viewer } from "./load-dashboard-views.js";
import type { Route } from "./match-route.js";
import { renderDigestsPage } from "./pages/render-digests-page.js";
import { renderHomePage } from "./pages/render-home-page.js";
import { renderInstallationPage } from "./pages/render-installation-page.js";
import { renderMePage } from "./pages/render-me-page.js";
import { renderMessagePage } from "./pages/render-message-page.js";
import type { PageViewer } from "./pages/render-page-layout.js";
import { renderRepositoryPage } from "./pages/render-repository-page.js";
import { redirect, sendHtml } from "./send-response.js";

/** A request to a page by a signed-in person. */
export interface SignedInRequest extends DashboardRequest {
  session: Session;
  viewer: Viewer;
  shown: PageViewer;
}

const optOutFormSchema = csrfFormSchema.extend({ repository_id: idSchema, opt_out: z.enum(["0", "1"]) });

/** The pages under /dashboard for a signed-in person: home, me (and its opt-out form), installations, repositories. */
export function createPageRoutes(deps: DashboardRouteDeps, kit: DashboardSession): Route<SignedInRequest>[] {
  async function optOut(state: SignedInRequest): Promise<void> {
    const { session } = state;
    const form = await kit.checkPost(state, session);
    if (!form) return;
    const parsed = optOutFormSchema.safeParse(form);
    if (!parsed.success) {
      sendHtml(state.res, 400, renderMessagePage("Bad request", "The form was incomplete.", state.shown));
      return;
    }
    const visible = await listViewerRepositories(deps, state.viewer);
    if (!visible.has(parsed.data.repository_id)) return kit.notFound(state, session);
    await setCoachingOptOut(deps.store, parsed.data.repository_id, session.login, parsed.data.opt_out === "1", deps.now());
    deps.log.info({ login: session.login, repositoryId: parsed.data.repository_id, optOut: parsed.data.opt_out === "1" }, "coaching opt-out changed from the dashboard");
    redirect(state.res, `/dashboard/me?updated=${parsed.data.opt_out === "1" ? "off" : "on"}`, 303);
  }

  async function home(state: SignedInRequest): Promise<void> {
    sendHtml(state.res, 200, renderHomePage(state.shown, await listViewerInstallations(deps, state.viewer)));
  }

  async function me(state: SignedInRequest): Promise<void> {
    const updated = state.url.searchParams.get("updated");
    const notice = updated === "off" ? "Coaching is now off for that repository." : updated === "on" ? "Coaching is back on for that repository." : null;
    sendHtml(state.res, 200, renderMePage(state.shown, await loadMyCoaching(deps, state.viewer), notice));
  }

  async function installation(state: SignedInRequest, params: Record<string, string>): Promise<void> {
    const id = idSchema.safeParse(params.id);
    const overview = id.success ? await loadInstallationOverview(deps, state.viewer, id.data) : null;
    if (!overview) return kit.notFound(state, state.session);
    sendHtml(state.res, 200, renderInstallationPage(state.shown, overview));
  }

  async function repository(state: SignedInRequest, params: Record<string, string>): Promise<void> {
    const owner = nameSchema.safeParse(params.owner);
    const name = nameSchema.safeParse(params.name);
    const loaded = owner.success && name.success ? await loadRepositoryReport(deps, state.viewer, owner.data, name.data) : null;
    if (!loaded) return kit.notFound(state, state.session);
    sendHtml(state.res, 200, renderRepositoryPage(state.shown, loaded.report, loaded.installationLogin));
  }

  async function digests(state: SignedInRequest, params: Record<string, string>): Promise<void> {
    const owner = nameSchema.safeParse(params.owner);
    const name = nameSchema.safeParse(params.name);
    const archive = owner.success && name.success ? await loadDigestArchive(deps, state.viewer, owner.data, name.data) : null;
    if (!archive) return kit.notFound(state, state.session);
    const repository = { fullName: archive.repository.fullName, installationId: archive.repository.installationId, installationLogin: archive.installationLogin };
    sendHtml(state.res, 200, renderDigestsPage(state.shown, repository, archive.digests));
  }

  return [
    { method: "POST", pattern: "me/opt-out", handle: optOut },
    { method: "GET", pattern: "", handle: home },
    { method: "GET", pattern: "me", handle: me },
    { method: "GET", pattern: "installations/:id", handle: installation },
    { method: "GET", pattern: "repos/:owner/:name", handle: repository },
    { method: "GET", pattern: "repos/:owner/:name/digests", handle: digests },
  ];
}

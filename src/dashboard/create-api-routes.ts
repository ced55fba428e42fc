import { type DashboardRequest, type DashboardRouteDeps, idSchema, nameSchema } from "./create-dashboard-session.js";
import { listViewerInstallations, loadInstallationOverview, loadMyCoaching, loadRepositoryReport, type Viewer } from "./load-dashboard-views.js";
import type { Route } from "./match-route.js";
import { sendJson } from "./send-response.js";

/** A request to the JSON API by someone GitHub identified. */
export interface ApiRequest extends DashboardRequest {
  viewer: Viewer;
}

/** /api/v1/**: the dashboard's data as JSON, read-only. */
export function createApiRoutes(deps: DashboardRouteDeps): Route<ApiRequest>[] {
  const notFound = (state: ApiRequest) => sendJson(state.res, 404, { message: "Not found" });

  async function installations(state: ApiRequest): Promise<void> {
    const listed = await listViewerInstallations(deps, state.viewer);
    sendJson(state.res, 200, { installations: listed.map((installation) => ({ ...installation, url: installation.known ? `/api/v1/installations/${installation.id}` : null })) });
  }

  async function installation(state: ApiRequest, params: Record<string, string>): Promise<void> {
    const id = idSchema.safeParse(params.id);
    const overview = id.success ? await loadInstallationOverview(deps, state.viewer, id.data) : null;
    return overview ? sendJson(state.res, 200, overview) : notFound(state);
  }

  async function repository(state: ApiRequest, params: Record<string, string>): Promise<void> {
    const owner = nameSchema.safeParse(params.owner);
    const name = nameSchema.safeParse(params.name);
    const loaded = owner.success && name.success ? await loadRepositoryReport(deps, state.viewer, owner.data, name.data) : null;
    return loaded ? sendJson(state.res, 200, loaded.report) : notFound(state);
  }

  async function me(state: ApiRequest): Promise<void> {
    sendJson(state.res, 200, await loadMyCoaching(deps, state.viewer));
  }

  return [
    { method: "GET", pattern: "installations", handle: installations },
    { method: "GET", pattern: "installations/:id", handle: installation },
    { method: "GET", pattern: "repos/:owner/:name", handle: repository },
    { method: "GET", pattern: "me", handle: me },
  ];
}

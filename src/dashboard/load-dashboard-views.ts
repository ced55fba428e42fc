// The dashboard's use cases: who may see what (asked of GitHub through the viewer's token), then the
// store, then the pure builders. Each returns null when the thing does not exist *for this viewer*, so
// another installation's data and a missing page look the same (404).

import { getMutedRules } from "../use-cases/get-muted-rules.js";
import { stringify } from "yaml";
import type { Logger } from "../log.js";
import { getDefaultConfig } from "../repo-config/default-config.js";
import type { Store } from "../store/open-store.js";
import type { UserAccess, } from "./auth/create-access-cache.js";
import type { UserInstallation } from "../github/github-user-api.js";
import { buildInstallationOverview } from "./build-installation-overview.js";
import { buildMyCoaching } from "./build-my-coaching.js";
import { buildRepositoryFigures, buildRepositoryReport } from "./build-repository-summary.js";
import type { InstallationOverview, MyCoaching, RepositoryConfigView, RepositoryReport } from "./dashboard-types.js";
import {
  listMyNudges,
  listMyOptOuts,
  listMyReviews,
  listMyToneComments,
  listRepositoryDigests,
  listVisibleRepositories,
  loadRepositoryInputs,
} from "./data/read-dashboard-store.js";
import type { ArchivedDigest } from "./pages/render-digests-page.js";
import { findInstallation, listInstallationsById } from "../store/installations.js";
import { findRepositoryByNameIgnoringCase, readStoredRepoConfig, type RepositoryWithConfig } from "../store/repositories.js";
import { compareText } from "../coach/compare-text.js";

export interface Viewer {
  login: string;
  id: number;
  access: UserAccess;
}

export interface ViewContext {
  store: Store;
  log: Logger;
  now: () => Date;
}

export type ViewerInstallation = UserInstallation & { known: boolean };

/** The viewer's installations of the app, marked `known` when the app has data for them. */
export async function listViewerInstallations(context: ViewContext, viewer: Viewer): Promise<ViewerInstallation[]> {
  const installations = await viewer.access.installations();
  const known = new Set((await listInstallationsById(context.store, installations.map((installation) => installation.id))).map((row) => row.id));
  return installations
    .map((installation) => ({ ...installation, known: known.has(installation.id) }))
    .sort((a, b) => compareText(a.accountLogin, b.accountLogin));
}

export async function loadInstallationOverview(context: ViewContext, viewer: Viewer, installationId: number): Promise<InstallationOverview | null> {
  const installation = await viewer.access.findInstallation(installationId);
  if (!installation) return null;
  const row = await findInstallation(context.store, installationId);
  if (!row) return null;
  const visible = await viewer.access.repositoryIds(installationId);
  const repositories = await listVisibleRepositories(context.store, installationId, visible);
  const now = context.now();
  const defaults = getDefaultConfig();
  const windowDays = defaults.score.windowDays;
  const inputs = await loadRepositoryInputs(context.store, repositories, now, windowDays);
  const figures = inputs.map((input) => buildRepositoryFigures(input, { now, windowDays, individuals: "none", shadow: false }));
  const emptyPeriod = buildRepositoryFigures(
    { id: 0, fullName: "", pullRequests: [], nudges: [], history: { repository: "", backfill: "done", completeFrom: new Date(0).toISOString(), missing: null, importedPullRequests: 0 }, toneCommentTimes: [] },
    { now, windowDays, individuals: "none", shadow: false },
  ).period;
  return buildInstallationOverview({
    installation: { id: row.id, accountLogin: row.accountLogin, accountType: row.accountType },
    figures,
    pullRequests: inputs.flatMap((input) => input.pullRequests),
    now,
    windowDays,
    period: figures[0]?.period ?? emptyPeriod,
  });
}

/** The repository when the viewer's token can see it through the installation the app has it in. */
export async function findVisibleRepository(context: ViewContext, viewer: Viewer, owner: string, name: string): Promise<{ repository: RepositoryWithConfig; installationLogin: string } | null> {
  const repository = await findRepositoryByNameIgnoringCase(context.store, owner, name);
  if (!repository) return null;
  const installation = await viewer.access.findInstallation(repository.installationId);
  if (!installation) return null;
  const visible = await viewer.access.repositoryIds(repository.installationId);
  if (!visible.has(repository.id)) return null;
  const row = await findInstallation(context.store, repository.installationId);
  return { repository, installationLogin: row?.accountLogin ?? installation.accountLogin };
}

export async function loadRepositoryReport(
  context: ViewContext,
  viewer: Viewer,
  owner: string,
  name: string,
): Promise<{ report: RepositoryReport; installationLogin: string } | null> {
  const found = await findVisibleRepository(context, viewer, owner, name);
  if (!found) return null;
  const { repository } = found;
  const loaded = readStoredRepoConfig(repository);
  const { config } = loaded;
  const now = context.now();
  const [inputs] = await loadRepositoryInputs(context.store, [repository], now, config.score.windowDays);
  if (!inputs) return null;
  const inShadowMode = config.mode === "shadow";
  const figures = buildRepositoryFigures(inputs, { now, windowDays: config.score.windowDays, individuals: config.digest.individuals, shadow: inShadowMode });
  const configView: RepositoryConfigView = {
    sources: loaded.sources,
    problems: loaded.problems.map((problem) => ({ file: problem.file, key: problem.key, message: problem.message })),
    mode: config.mode,
    windowDays: config.score.windowDays,
    individuals: config.digest.individuals,
    badgeEnabled: config.badge.enabled,
    yaml: stringify(config),
    loaded: loaded.loadedAt !== null,
  };
  return {
    report: buildRepositoryReport(figures, {
      installationId: repository.installationId,
      config: configView,
      inShadowMode,
      mutedRules: await getMutedRules({ store: context.store, ids: { installationId: repository.installationId, repositoryId: repository.id }, config, now }),
    }),
    installationLogin: found.installationLogin,
  };
}

export async function loadDigestArchive(
  context: ViewContext,
  viewer: Viewer,
  owner: string,
  name: string,
): Promise<{ repository: RepositoryWithConfig; installationLogin: string; digests: ArchivedDigest[] } | null> {
  const found = await findVisibleRepository(context, viewer, owner, name);
  if (!found) return null;
  return { ...found, digests: await listRepositoryDigests(context.store, found.repository) };
}

/** Every repository the viewer can see, across their installations, by id. */
export async function listViewerRepositories(context: ViewContext, viewer: Viewer): Promise<Map<number, string>> {
  const visible = new Map<number, string>();
  for (const installation of await viewer.access.installations()) {
    const ids = await viewer.access.repositoryIds(installation.id);
    for (const row of await listVisibleRepositories(context.store, installation.id, ids)) visible.set(row.id, row.fullName);
  }
  return visible;
}

export async function loadMyCoaching(context: ViewContext, viewer: Viewer): Promise<MyCoaching> {
  const repositories = await listViewerRepositories(context, viewer);
  const ids = [...repositories.keys()];
  const [reviews, nudges, comments, optOuts] = await Promise.all([
    listMyReviews(context.store, viewer.id, ids),
    listMyNudges(context.store, viewer.id, ids),
    listMyToneComments(context.store, viewer.id, ids),
    listMyOptOuts(context.store, viewer.login, viewer.id, repositories),
  ]);
  return buildMyCoaching({ login: viewer.login, now: context.now(), reviews, nudges, comments, optOuts });
}

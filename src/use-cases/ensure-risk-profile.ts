import { buildRiskProfile } from "../coach/build-risk-profile.js";
import { riskLevelWeight } from "../coach/risk-level-weight.js";
import type { PullRequestFile, RiskProfile } from "../coach/types.js";
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import { buildRiskConfig } from "../repo-config/build-risk-config.js";
import type { RepoConfig } from "../repo-config/schema.js";
import type { Store } from "../store/open-store.js";
import { findRiskProfile, saveRiskProfile } from "../store/risk-profiles.js";

export interface EnsuredProfile {
  profile: RiskProfile;
  /** The files, when they were fetched now (the first event for this head); null when stored already. */
  files: PullRequestFile[] | null;
}

/** The risk profile of a PR's head: built from its files once per head SHA, then read from the store. */
export async function ensureRiskProfile(
  github: GitHubClient,
  store: Store,
  target: { repo: RepoRef; pullRequestId: number; number: number; headSha: string },
  config: RepoConfig,
  now: Date,
): Promise<EnsuredProfile> {
  const stored = await findRiskProfile(store, target.pullRequestId, target.headSha);
  if (stored) return { profile: stored, files: null };
  const files: PullRequestFile[] = (await github.listPullRequestFiles(target.repo, target.number)).map((f) => ({
    filename: f.filename,
    status: f.status,
    patch: f.patch,
    additions: f.additions,
    deletions: f.deletions,
    previous_filename: f.previous_filename,
  }));
  const profile = buildRiskProfile(files, buildRiskConfig(config));
  await saveRiskProfile(store, target.pullRequestId, target.headSha, profile, riskLevelWeight(profile.level), now);
  return { profile, files };
}

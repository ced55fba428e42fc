import type { GitHubClient, RepoRef } from "../github/github-client.js";
import type { Logger } from "../log.js";
import type { LoadedRepoConfig } from "../repo-config/load-repo-config.js";
import type { Store } from "../store/open-store.js";

/** What a use case needs from its caller: the one door to GitHub, the store, a logger, the clock, the repository's config. */
export interface UseCaseContext {
  github: GitHubClient;
  store: Store;
  log: Logger;
  now: () => Date;
  /** The repository's review-coach config (cached for a few minutes). */
  loadConfig: (ref: RepoRef) => Promise<LoadedRepoConfig>;
}

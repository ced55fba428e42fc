import type { RiskConfig } from "../coach/types.js";
import { buildNudgePolicy } from "./build-nudge-policy.js";
import type { RepoConfig } from "./schema.js";

/** The risk profile's settings from a repository's config: the app, the CLI and the benchmarks use this one mapping. */
export function buildRiskConfig(config: RepoConfig): RiskConfig {
  return {
    ignoredPaths: config.paths.ignored,
    sensitivePaths: config.paths.sensitive,
    minSeverity: buildNudgePolicy(config).minSeverity,
  };
}

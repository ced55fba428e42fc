// The risk settings of config/default.yml, as the app, the CLI and the benchmarks read them, with
// every severity kept so tests see low findings too.
import type { RiskConfig } from "../../src/coach/types.js";
import { buildRiskConfig } from "../../src/repo-config/build-risk-config.js";
import { getDefaultConfig } from "../../src/repo-config/default-config.js";

export const DEFAULT_RISK_CONFIG: RiskConfig = { ...buildRiskConfig(getDefaultConfig()), minSeverity: "low" };
export const DEFAULT_IGNORED_PATHS: readonly string[] = DEFAULT_RISK_CONFIG.ignoredPaths;
export const DEFAULT_SENSITIVE_PATHS: readonly string[] = DEFAULT_RISK_CONFIG.sensitivePaths;

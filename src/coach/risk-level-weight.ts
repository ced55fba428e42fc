import type { RiskProfile } from "./types.js";

/** A PR's weight in the repository score, by its risk level: a risky merge counts more. Pure. */
export const RISK_LEVEL_WEIGHTS: Record<RiskProfile["level"], number> = { none: 0.5, low: 1, medium: 2, high: 3 };

export function riskLevelWeight(level: RiskProfile["level"]): number {
  return RISK_LEVEL_WEIGHTS[level];
}

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { ReviewCoachError } from "../errors.js";
import { type RepoConfig, repoConfigSchema } from "./schema.js";

/** config/default.yml, from the package root whether running from src/ (tsx, jest) or dist/src/. */
export const DEFAULT_CONFIG_FILE = fileURLToPath(
  new URL(import.meta.url.includes("/dist/") ? "../../../config/default.yml" : "../../config/default.yml", import.meta.url),
);

let cached: RepoConfig | undefined;

/** The shipped defaults, validated once. A broken default file is a bug in the release, so it throws. */
export function getDefaultConfig(): RepoConfig {
  if (cached) return cached;
  const parsed = repoConfigSchema.safeParse(YAML.parse(readFileSync(DEFAULT_CONFIG_FILE, "utf8")));
  if (!parsed.success) {
    throw new ReviewCoachError(`${DEFAULT_CONFIG_FILE} does not match the config schema: ${parsed.error.message}`);
  }
  cached = parsed.data;
  return cached;
}

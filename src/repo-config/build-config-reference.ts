import { z } from "zod";
import type { RepoConfig } from "./schema.js";
import { repoConfigSchema } from "./schema.js";

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  default?: unknown;
  [key: string]: unknown;
};

/** The JSON Schema editors use for .github/review-coach.yml, with every default filled in. Pure. */
export function buildConfigJsonSchema(defaults: RepoConfig): JsonSchema {
  const schema = z.toJSONSchema(repoConfigSchema, { target: "draft-7" }) as JsonSchema;
  fillDefaults(schema, defaults);
  schema.properties = {
    _extends: {
      type: "string",
      description:
        "Inherit settings from another repository's file: `.github` (the org's .github repository), `owner/repo`, or `owner/repo:path/to/file.yml`. Keys here win.",
    },
    ...schema.properties,
  };
  return {
    $id: "https://github.com/review-coach/review-coach/blob/main/config/review-coach.schema.json",
    title: "review-coach configuration (.github/review-coach.yml)",
    ...schema,
  };
}

function fillDefaults(schema: JsonSchema, value: unknown): void {
  schema.default = value;
  if (schema.properties && value && typeof value === "object") {
    for (const [key, child] of Object.entries(schema.properties)) fillDefaults(child, (value as Record<string, unknown>)[key]);
  }
}

/** The README's configuration reference: one row per key, from the schema's descriptions. Pure. */
export function buildConfigReference(defaults: RepoConfig): string {
  const rows: string[] = ["| key | type | default | what it does |", "|---|---|---|---|"];
  const walk = (schema: JsonSchema, prefix: string) => {
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      if (key === "_extends") continue;
      const name = prefix ? `${prefix}.${key}` : key;
      if (child.properties) {
        walk(child, name);
        continue;
      }
      const json = JSON.stringify(child.default);
      const shown = json === undefined ? "from `strictness`" : json.length > 60 ? "see [config/default.yml](config/default.yml)" : `\`${json}\``;
      rows.push(`| \`${name}\` | ${describeType(child)} | ${shown} | ${escapeCell(child.description ?? "")} |`);
    }
  };
  walk(buildConfigJsonSchema(defaults), "");
  return rows.join("\n");
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function describeType(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => `\`${String(v)}\``).join(" \\| ");
  if (schema.anyOf) return schema.anyOf.map(describeType).join(" or ");
  if (schema.type === "array") return `list of ${describeType(schema.items ?? {})}`;
  if (schema.type === "object" && schema.additionalProperties) return `map of rule id to ${describeType(schema.additionalProperties as JsonSchema)}`;
  if (schema.type === "integer") {
    const min = schema.minimum as number | undefined;
    const max = schema.maximum as number | undefined;
    return min !== undefined && max !== undefined ? `integer ${min}–${max}` : "integer";
  }
  return Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
}

// Dependencies added or updated in a manifest (package.json, requirements.txt, pyproject.toml,
// Pipfile, go.mod, Gemfile, *.gemspec, pom.xml, build.gradle, Cargo.toml, composer.json).
// One finding per hunk: "adds dependencies a, b" (medium) or "updates c" (low).

import type { ManifestKind } from "./detect-file-kind.js";
import { quoteMatch, type FileView, type HunkView, type RawFinding } from "./raw-finding.js";

const JSON_DEP_SECTION = /^\s*"((?:dev|peer|optional|bundled?)?[dD]ependencies|require(?:-dev)?|overrides|resolutions)"\s*:\s*\{/;
const JSON_OTHER_SECTION = /^\s*"[^"]+"\s*:\s*[{[]/;
const JSON_ENTRY = /^\s*"(@?[\w.@/-]+)"\s*:\s*"([^"]*)"/;
const VERSION_LIKE = /^(?:[\^~<>=*]|\d|v\d|latest|next|workspace:|npm:|file:|link:|git|github:|https?:|[\w-]+\/[\w.-]+(?:#|$))/;
const JSON_NON_DEPENDENCY_KEYS = new Set([
  "name", "version", "description", "main", "module", "types", "typings", "type", "license", "author",
  "homepage", "node", "npm", "yarn", "pnpm", "packageManager", "private",
]);

const TOML_SECTION = /^\s*\[+\s*([^\]]+?)\s*\]+/;
const TOML_KEY = /^\s*["']?([A-Za-z0-9][\w.-]*)["']?\s*=/;
const TOML_ARRAY_START = /^\s*(?:dependencies|requires|[\w-]+)\s*=\s*\[/;
const QUOTED_REQUIREMENT = /^\s*["']([A-Za-z0-9][\w.-]*)/;

const REQUIREMENT = /^\s*([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?\s*(?:[=<>!~]=?|@|;|$|\s)/;
const GO_REQUIRE = /^\s*(?:require\s+)?([\w.-]+\.[a-z]{2,}\/[\w./~-]+)\s+v\d/;
const GO_REPLACE = /^\s*(?:replace\s+)?([\w.-]+\.[a-z]{2,}\/[\w./~-]+)(?:\s+v[\w.+-]+)?\s+=>/;
const GEM = /^\s*gem\s+["']([\w.-]+)["']/;
const GEMSPEC = /\.add_(?:runtime_|development_)?dependency\s*\(?\s*["']([\w.-]+)["']/;
const MAVEN_ARTIFACT = /<artifactId>\s*([\w.-]+)\s*<\/artifactId>/;
const MAVEN_VERSION = /<version>/;
const MAVEN_DEPENDENCY = /<\/?dependency>|<groupId>/;
const GRADLE = /^\s*(?:implementation|api|compile(?:Only)?|runtimeOnly|testImplementation|testRuntimeOnly|testCompileOnly|annotationProcessor|kapt|ksp|classpath)\s*\(?\s*["']([\w.-]+:[\w.-]+)/;

interface Change {
  name: string;
  line: number | null;
}

export function findDependencyChanges(file: FileView): RawFinding[] {
  const manifest = file.kind.manifest;
  if (!manifest) return [];
  const findings: RawFinding[] = [];
  for (const view of file.hunks) {
    const added = listDependencies(manifest, view, "added");
    if (added.length === 0) continue;
    const removedNames = new Set(listDependencies(manifest, view, "deleted").map((change) => change.name));
    const fresh = added.filter((change) => !removedNames.has(change.name));
    const updated = added.filter((change) => removedNames.has(change.name));
    const first = (fresh[0] ?? updated[0]) as Change;
    findings.push({
      concern: "security",
      severity: fresh.length > 0 ? "medium" : "low",
      confidence: "low",
      reason:
        fresh.length > 0
          ? `adds ${plural(fresh, "dependency", "dependencies")} ${listNames(fresh)}: check it is needed, maintained, trusted and licensed`
          : `updates ${plural(updated, "dependency", "dependencies")} ${listNames(updated)}: check the changelog for breaking and security changes`,
      rule: fresh.length > 0 ? "new-dependency" : "updated-dependency",
      path: file.path,
      line: first.line,
      anchor: view.anchor,
    });
  }
  return findings;
}

function plural(items: unknown[], one: string, many: string): string {
  return items.length === 1 ? one : many;
}

function listNames(changes: Change[]): string {
  const names = [...new Set(changes.map((change) => change.name))];
  const shown = names.slice(0, 4).map((name) => `\`${quoteMatch(name)}\``);
  return names.length > 4 ? `${shown.join(", ")} and ${names.length - 4} more` : shown.join(", ");
}

/** The dependency names on the lines of one side of a hunk (added, or deleted). */
function listDependencies(manifest: ManifestKind, view: HunkView, side: "added" | "deleted"): Change[] {
  const changes: Change[] = [];
  // Section tracking reads the side's own view of the file: context lines plus that side's lines.
  let jsonSection: "deps" | "other" | "unknown" = "unknown";
  let tomlSection: string | null = null;
  let tomlArray = false;
  const hunkHasMavenDependency = view.hunk.lines.some((line) => MAVEN_DEPENDENCY.test(line.text));

  for (const line of view.hunk.lines) {
    if (line.kind !== "context" && line.kind !== side) continue;
    const text = line.text;
    let name: string | null = null;

    switch (manifest) {
      case "npm":
      case "composer": {
        if (JSON_DEP_SECTION.test(text)) jsonSection = "deps";
        else if (JSON_OTHER_SECTION.test(text)) jsonSection = "other";
        else if (/^\s*\}/.test(text)) jsonSection = jsonSection === "deps" ? "other" : jsonSection;
        else {
          const entry = JSON_ENTRY.exec(text);
          if (entry?.[1] && entry[2] !== undefined) {
            const isDependency =
              jsonSection === "deps" ||
              (jsonSection === "unknown" && !JSON_NON_DEPENDENCY_KEYS.has(entry[1]) && VERSION_LIKE.test(entry[2]));
            if (isDependency) name = entry[1];
          }
        }
        break;
      }
      case "pip-requirements": {
        if (!/^\s*(?:#|-)/.test(text)) name = REQUIREMENT.exec(text)?.[1] ?? null;
        break;
      }
      case "pyproject":
      case "pipfile":
      case "cargo": {
        const section = TOML_SECTION.exec(text);
        if (section?.[1]) {
          tomlSection = section[1];
          tomlArray = false;
          const dotted = /(?:^|\.)(?:dev-|build-)?dependencies\.([\w.-]+)$/.exec(tomlSection);
          if (dotted?.[1]) name = dotted[1];
          break;
        }
        if (TOML_ARRAY_START.test(text) && (tomlSection === null || /project|build-system|dependencies/.test(tomlSection))) {
          tomlArray = !/\]\s*(?:#.*)?$/.test(text);
          break;
        }
        if (tomlArray) {
          if (/^\s*\]/.test(text)) tomlArray = false;
          else name = QUOTED_REQUIREMENT.exec(text)?.[1] ?? null;
          break;
        }
        const key = TOML_KEY.exec(text);
        if (key?.[1]) {
          const inDependencies = tomlSection === null
            ? /=\s*(?:["'][\^~<>=*\d]|\{\s*(?:version|git|path)\s*=)/.test(text)
            : /dependencies|packages/.test(tomlSection) && !/\.dependencies\.[\w.-]+$/.test(tomlSection);
          if (inDependencies && key[1] !== "python") name = key[1];
        }
        break;
      }
      case "go-mod":
        name = GO_REQUIRE.exec(text)?.[1] ?? GO_REPLACE.exec(text)?.[1] ?? null;
        break;
      case "gemfile":
        name = GEM.exec(text)?.[1] ?? null;
        break;
      case "gemspec":
        name = GEMSPEC.exec(text)?.[1] ?? null;
        break;
      case "maven": {
        const artifact = MAVEN_ARTIFACT.exec(text);
        if (artifact?.[1] && hunkHasMavenDependency) name = artifact[1];
        else if (MAVEN_VERSION.test(text) && line.kind === side) name = nearestArtifact(view, line.text) ?? null;
        break;
      }
      case "gradle":
        name = GRADLE.exec(text)?.[1] ?? null;
        break;
    }
    if (name && line.kind === side) changes.push({ name, line: line.newLine });
  }
  return changes;
}

/** For a Maven <version> change, the artifactId closest above it in the hunk. */
function nearestArtifact(view: HunkView, versionText: string): string | undefined {
  let found: string | undefined;
  for (const line of view.hunk.lines) {
    if (line.text === versionText) return found;
    const artifact = MAVEN_ARTIFACT.exec(line.text);
    if (artifact?.[1]) found = artifact[1];
  }
  return found;
}

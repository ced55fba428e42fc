import YAML, { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node } from "yaml";
import type { ConfigProblem } from "./validate-config.js";

/** A config file is a few dozen lines; these bound what a hostile pull request can make the app parse. */
export const CONFIG_LIMITS = { bytes: 32 * 1024, keys: 300, depth: 12, aliases: 20 } as const;

export type ParsedConfigText =
  | { ok: true; value: unknown; lineOf: (key: string) => number | undefined }
  | { ok: false; problems: ConfigProblem[] };

/**
 * Parses a config file once, within bounds: its size is checked before parsing, then its keys, nesting,
 * aliases and duplicate keys in one linear walk, before anything is built from it. Never throws. Pure.
 */
export function parseConfigText(text: string, file: string, limits = CONFIG_LIMITS): ParsedConfigText {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > limits.bytes) {
    return fail(file, `the file is ${Math.ceil(bytes / 1024)} KB; review-coach reads config files of at most ${limits.bytes / 1024} KB`);
  }
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        file,
        key: "",
        message: `invalid YAML: ${error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`,
        ...(error.linePos ? { line: error.linePos[0].line } : {}),
      })),
    };
  }
  const walked = walk(doc.contents as Node | null, limits);
  if (typeof walked === "string") return fail(file, walked);
  if (walked.duplicate) {
    const { key, offset } = walked.duplicate;
    return { ok: false, problems: [{ file, key, line: lineCounter.linePos(offset).line, message: "duplicate key: each key may appear once" }] };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.aliases }) ?? {};
  } catch (error) {
    return fail(file, `the file cannot be read: ${(error as Error).message}`);
  }
  return { ok: true, value, lineOf: (key) => (walked.offsets.has(key) ? lineCounter.linePos(walked.offsets.get(key)!).line : undefined) };
}

interface Walked {
  /** Each dotted key path's offset in the text. */
  offsets: Map<string, number>;
  duplicate?: { key: string; offset: number };
}

/** One iterative pass over the document: counts keys, depth and aliases; returns why it is too big, or the key offsets. */
function walk(root: Node | null, limits: typeof CONFIG_LIMITS): Walked | string {
  const offsets = new Map<string, number>();
  let keys = 0;
  let aliases = 0;
  const stack: Array<{ node: unknown; path: string; depth: number }> = [{ node: root, path: "", depth: 0 }];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (depth > limits.depth) return `the file nests deeper than ${limits.depth} levels; review-coach's config has at most 4`;
    if (isAlias(node) && ++aliases > limits.aliases) return `the file has more than ${limits.aliases} YAML aliases (*name)`;
    if (isSeq(node)) for (const item of node.items) stack.push({ node: item, path, depth: depth + 1 });
    if (!isMap(node)) continue;
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      if (++keys > limits.keys) return `the file has more than ${limits.keys} keys; review-coach's config has about 30`;
      const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const offset = (pair.key as { range?: [number] } | null)?.range?.[0] ?? 0;
      const keyPath = path ? `${path}.${name}` : name;
      if (seen.has(name)) return { offsets, duplicate: { key: keyPath, offset } };
      seen.add(name);
      offsets.set(keyPath, offset);
      stack.push({ node: pair.value, path: keyPath, depth: depth + 1 });
    }
  }
  return { offsets };
}

function fail(file: string, message: string): ParsedConfigText {
  return { ok: false, problems: [{ file, key: "", message }] };
}

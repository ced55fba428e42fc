// Repository path globs, matched by picomatch with .gitignore's rules for where a glob applies (pure).
//
// - A glob without "/" matches the base name at any depth: "*.lock" matches "a/b/yarn.lock".
// - A glob with "/" is relative to the repository root: "src/*.ts" matches "src/a.ts", not "x/src/a.ts".
//   A leading "/" (or "./") anchors a glob that has no other "/": "/README.md" is the root README only.
// - A trailing "/" means everything under a directory of that name, at any depth if it has no other "/"
//   ("dist/" matches "dist/a.js" and "packages/x/dist/a.js").
// - "*" and "?" stay within a segment, "**" spans segments, and both match dotfiles (".github/…", ".env").
// - Braces ("*.{js,ts}", "{a,b/{c,d}}", "{1..3}"), classes ("[0-9]", "[!0-9]", "[[:digit:]]") and bash
//   extglobs ("@(a|b)", "+(x)") as picomatch reads them; "\" escapes the next character.
// - "!" in front negates: in a list, the last glob that matches a path decides, so "!" re-includes.
// Case-sensitive, like Git on Linux; Windows separators in paths are read as "/".

import picomatch from "picomatch";

export type PathMatcher = (path: string) => boolean;

interface CompiledGlob {
  negated: boolean;
  matches: (path: string) => boolean;
}

const PICOMATCH_OPTIONS: picomatch.PicomatchOptions = { dot: true, posix: true };
const compiledCache = new Map<string, CompiledGlob>();

/** Answers whether `path` matches the glob `pattern` ("!x" matches every path "x" does not). */
export function matchPath(path: string, pattern: string): boolean {
  const glob = compileGlob(pattern);
  return glob.matches(normalisePath(path)) !== glob.negated;
}

/** Builds one predicate for a list of globs: the last one matching a path decides; blank ones are skipped. */
export function compilePathMatcher(patterns: readonly string[]): PathMatcher {
  const globs = patterns.filter((p) => p.trim() !== "" && p.trim() !== "!").map(compileGlob).reverse();
  if (globs.length === 0) return () => false;
  return (path) => {
    const normalised = normalisePath(path);
    const decisive = globs.find((glob) => glob.matches(normalised));
    return decisive !== undefined && !decisive.negated;
  };
}

function compileGlob(pattern: string): CompiledGlob {
  const cached = compiledCache.get(pattern);
  if (cached) return cached;
  let glob = pattern.trim();
  const negated = glob.startsWith("!");
  if (negated) glob = glob.slice(1);
  let anchored = false;
  if (glob.startsWith("/") || glob.startsWith("./")) {
    anchored = true;
    glob = glob.replace(/^\.?\/+/, "");
  }
  const directory = glob.endsWith("/");
  if (directory) glob = glob.replace(/\/+$/, "");
  const anyDepth = !anchored && !glob.includes("/");
  let matches: (path: string) => boolean;
  if (glob === "") {
    matches = () => false; // "/" or "!/" alone names no file
  } else if (directory) {
    const isMatch = picomatch(`${anyDepth ? "**/" : ""}${glob}/**`, PICOMATCH_OPTIONS);
    matches = (path) => isMatch(path);
  } else if (anyDepth) {
    // Compared with the base name, so a name spelled out exactly matches even with glob characters in it.
    const isMatch = picomatch(glob, PICOMATCH_OPTIONS);
    matches = (path) => isMatch(path.slice(path.lastIndexOf("/") + 1));
  } else {
    matches = picomatch(glob, PICOMATCH_OPTIONS);
  }
  const compiled = { negated, matches };
  if (compiledCache.size > 500) compiledCache.clear();
  compiledCache.set(pattern, compiled);
  return compiled;
}

function normalisePath(path: string): string {
  return path.replace(/\\/g, "/").replace(/^\.\//, "").replace(/^\/+/, "");
}

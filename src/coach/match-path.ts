// A small, dependency-free glob matcher for repository paths (pure, deterministic).
//
// Supported syntax, as in .gitignore and most CI tools:
//   *        any run of characters except "/"
//   **       any number of whole path segments (as "a/**/b", "**/x", "x/**")
//   ?        one character except "/"
//   [abc]    one character of a class; [!abc] or [^abc] negates; ranges like [a-z]
//   {a,b}    alternatives (may nest, may contain other syntax)
//   \x       the literal character x
// A glob without "/" matches the file's base name at any depth ("*.lock" matches "a/b/yarn.lock").
// A leading "/" anchors the glob at the repository root; a trailing "/" means "everything under".
// Matching is case-sensitive, like Git on Linux. Windows separators in paths are normalised to "/".

export type PathMatcher = (path: string) => boolean;

const compiledCache = new Map<string, RegExp>();

/** Answers whether `path` matches the glob `pattern`. */
export function matchPath(path: string, pattern: string): boolean {
  return compileGlob(pattern).test(normalisePath(path));
}

/** Builds one predicate that answers whether a path matches any of `patterns`. */
export function compilePathMatcher(patterns: readonly string[]): PathMatcher {
  const regexes = patterns.filter((p) => p.trim() !== "").map(compileGlob);
  if (regexes.length === 0) return () => false;
  return (path) => {
    const normalised = normalisePath(path);
    return regexes.some((re) => re.test(normalised));
  };
}

/** Compiles a glob to an anchored regular expression (cached). */
export function compileGlob(pattern: string): RegExp {
  const cached = compiledCache.get(pattern);
  if (cached) return cached;
  let glob = pattern.trim();
  let anchored = false;
  if (glob.startsWith("/")) {
    anchored = true;
    glob = glob.slice(1);
  } else if (glob.startsWith("./")) {
    anchored = true;
    glob = glob.slice(2);
  }
  if (glob.endsWith("/")) glob += "**";
  // A glob without a slash names a base name anywhere; a glob with one is relative to the root.
  if (!anchored && !glob.includes("/")) glob = `**/${glob}`;
  const source = `^${translate(glob)}$`;
  const regex = new RegExp(source);
  if (compiledCache.size > 500) compiledCache.clear();
  compiledCache.set(pattern, regex);
  return regex;
}

function normalisePath(path: string): string {
  return path.replace(/\\/g, "/").replace(/^\.\//, "").replace(/^\/+/, "");
}

function escapeRegex(char: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(char) ? `\\${char}` : char;
}

/** Translates glob text to regex source. Handles nesting of braces by recursion. */
function translate(glob: string): string {
  let out = "";
  let i = 0;
  while (i < glob.length) {
    const char = glob[i] as string;
    if (char === "\\" && i + 1 < glob.length) {
      out += escapeRegex(glob[i + 1] as string);
      i += 2;
      continue;
    }
    if (char === "*") {
      if (glob[i + 1] === "*") {
        const atSegmentStart = i === 0 || glob[i - 1] === "/";
        const atSegmentEnd = i + 2 === glob.length || glob[i + 2] === "/";
        if (atSegmentStart && atSegmentEnd) {
          if (i + 2 === glob.length) {
            // "x/**": everything under x (at least one more segment); "**" alone: anything.
            out += i === 0 ? ".*" : ".+";
            i += 2;
          } else {
            // "**/": zero or more whole segments.
            out += "(?:[^/]+/)*";
            i += 3;
          }
          continue;
        }
        // "a**b" behaves as "a*b".
        out += "[^/]*";
        i += 2;
        continue;
      }
      out += "[^/]*";
      i += 1;
      continue;
    }
    if (char === "?") {
      out += "[^/]";
      i += 1;
      continue;
    }
    if (char === "[") {
      const close = findClassEnd(glob, i);
      if (close === -1) {
        out += "\\[";
        i += 1;
        continue;
      }
      let body = glob.slice(i + 1, close);
      let negate = false;
      if (body.startsWith("!") || body.startsWith("^")) {
        negate = true;
        body = body.slice(1);
      }
      const escaped = body.replace(/[\\\]^]/g, (c) => `\\${c}`);
      out += negate ? `[^/${escaped}]` : `[${escaped}]`;
      i = close + 1;
      continue;
    }
    if (char === "{") {
      const close = findBraceEnd(glob, i);
      if (close === -1) {
        out += "\\{";
        i += 1;
        continue;
      }
      const alternatives = splitTopLevel(glob.slice(i + 1, close));
      out += `(?:${alternatives.map(translate).join("|")})`;
      i = close + 1;
      continue;
    }
    out += escapeRegex(char);
    i += 1;
  }
  return out;
}

function findClassEnd(glob: string, open: number): number {
  // "]" right after "[" or "[!" is a literal member of the class.
  let j = open + 1;
  if (glob[j] === "!" || glob[j] === "^") j += 1;
  if (glob[j] === "]") j += 1;
  for (; j < glob.length; j += 1) {
    if (glob[j] === "\\") j += 1;
    else if (glob[j] === "]") return j;
  }
  return -1;
}

function findBraceEnd(glob: string, open: number): number {
  let depth = 0;
  for (let j = open; j < glob.length; j += 1) {
    const c = glob[j];
    if (c === "\\") j += 1;
    else if (c === "{") depth += 1;
    else if (c === "}") {
      depth -= 1;
      if (depth === 0) return j;
    }
  }
  return -1;
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let j = 0; j < body.length; j += 1) {
    const c = body[j];
    if (c === "\\") j += 1;
    else if (c === "{") depth += 1;
    else if (c === "}") depth -= 1;
    else if (c === "," && depth === 0) {
      parts.push(body.slice(start, j));
      start = j + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

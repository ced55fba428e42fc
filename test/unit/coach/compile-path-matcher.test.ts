import { describe, expect, it } from "@jest/globals";
import { compilePathMatcher, matchPath } from "../../../src/coach/compile-path-matcher.js";
import { DEFAULT_IGNORED_PATHS, DEFAULT_SENSITIVE_PATHS } from "../../helpers/default-risk-config.js";

describe("matchPath", () => {
  it.each([
    ["*.lock", "yarn.lock", true],
    ["*.lock", "deep/dir/Gemfile.lock", true],
    ["*.lock", "lock.txt", false],
    ["src/*.ts", "src/a.ts", true],
    ["src/*.ts", "src/deep/a.ts", false],
    ["src/**/*.ts", "src/a.ts", true],
    ["src/**/*.ts", "src/deep/er/a.ts", true],
    ["**/dist/**", "dist/x.js", true],
    ["**/dist/**", "packages/a/dist/x.js", true],
    ["**/dist/**", "distribution/x.js", false],
    ["dist/", "dist/a/b.js", true],
    ["/README.md", "README.md", true],
    ["/README.md", "docs/README.md", false],
    ["README.md", "docs/README.md", true],
    ["docs/?.md", "docs/a.md", true],
    ["docs/?.md", "docs/ab.md", false],
    ["*.{js,ts}", "a/b.ts", true],
    ["*.{js,ts}", "a/b.tsx", false],
    ["**/{auth,session}/**", "src/auth/login.ts", true],
    ["**/{auth,session}/**", "src/author/x.ts", false],
    ["file[0-9].txt", "file7.txt", true],
    ["file[!0-9].txt", "fileA.txt", true],
    ["file[!0-9].txt", "file7.txt", false],
    ["a\\*b", "a*b", true],
    ["a\\*b", "axb", false],
    ["**", "any/thing/at/all", true],
    ["middleware{,s}/**", "middlewares/x.ts", true],
    ["config.(json)", "config.(json)", true],
  ])("%s vs %s → %s", (glob, path, expected) => {
    expect(matchPath(path, glob)).toBe(expected);
  });

  it("normalises leading ./ and Windows separators in paths", () => {
    expect(matchPath("./src/a.ts", "src/*.ts")).toBe(true);
    expect(matchPath("src\\a.ts", "src/*.ts")).toBe(true);
  });

  it.each([
    // braces: alternatives, nested, empty, numeric ranges
    ["src/{api,web}/*.ts", "src/web/a.ts", true],
    ["src/{api,web}/*.ts", "src/cli/a.ts", false],
    ["src/{a,b/{c,d}}/*.ts", "src/b/d/x.ts", true],
    ["src/{a,b/{c,d}}/*.ts", "src/b/e/x.ts", false],
    ["log.{1..3}.txt", "logs/log.2.txt", true],
    ["log.{1..3}.txt", "log.4.txt", false],
    // a single negated glob matches what the glob does not
    ["!*.md", "docs/a.md", false],
    ["!*.md", "src/a.ts", true],
    // dotfiles are matched like any other name (as .gitignore does)
    ["*.yml", ".github/workflows/ci.yml", true],
    ["src/**", "src/.hidden/x.ts", true],
    // a trailing slash: a directory of that name at any depth, unless the glob has another slash
    ["dist/", "packages/a/dist/x.js", true],
    ["dist/", "distribution/x.js", false],
    ["/dist/", "packages/a/dist/x.js", false],
    ["web/dist/", "web/dist/x.js", true],
    ["web/dist/", "a/web/dist/x.js", false],
    // posix classes and extglobs
    ["v[[:digit:]].txt", "v1.txt", true],
    ["*.+(js|mjs)", "a/b.mjs", true],
    ["*.+(js|mjs)", "a/b.ts", false],
    // case-sensitive, as Git on Linux
    ["*.MD", "a.md", false],
    // "/" alone names no file
    ["/", "a.ts", false],
  ])("%s vs %s → %s", (glob, path, expected) => {
    expect(matchPath(path, glob)).toBe(expected);
  });

  it("lets the last matching glob of a list decide, so a negated glob re-includes", () => {
    const ignored = compilePathMatcher(["**/generated/**", "!**/generated/keep-*.ts", "**/generated/keep-not.ts"]);
    expect(ignored("src/generated/a.ts")).toBe(true);
    expect(ignored("src/generated/keep-me.ts")).toBe(false);
    expect(ignored("src/generated/keep-not.ts")).toBe(true);
    expect(ignored("src/a.ts")).toBe(false);
    // a list of negations alone matches nothing: there is nothing to re-include
    expect(compilePathMatcher(["!*.md"])("a.ts")).toBe(false);
    expect(compilePathMatcher(["!", "  "])("a.ts")).toBe(false);
  });

  it("builds one matcher from many globs, ignoring blank ones", () => {
    const matcher = compilePathMatcher(["", "*.lock", "vendor/**"]);
    expect(matcher("Cargo.lock")).toBe(true);
    expect(matcher("vendor/x/y.go")).toBe(true);
    expect(matcher("src/main.go")).toBe(false);
    expect(compilePathMatcher([])("anything")).toBe(false);
  });
});

describe("default path lists", () => {
  const ignored = compilePathMatcher(DEFAULT_IGNORED_PATHS);
  const sensitive = compilePathMatcher(DEFAULT_SENSITIVE_PATHS);

  it.each(["package-lock.json", "web/yarn.lock", "pnpm-lock.yaml", "Cargo.lock", "go.sum", "dist/app.js", "static/app.min.js", "vendor/github.com/x/y.go", "api/user.pb.go", "src/__generated__/types.ts"])(
    "ignores %s",
    (path) => expect(ignored(path)).toBe(true),
  );

  it.each(["src/app.ts", "package.json", "go.mod", "docs/distribution.md"])("does not ignore %s", (path) =>
    expect(ignored(path)).toBe(false),
  );

  it.each(["src/auth/login.ts", "lib/crypto/sign.go", "src/permissions.ts", "app/security/policy.rb", "lib/jwt.py", "config/.env.production", ".env"])(
    "treats %s as sensitive",
    (path) => expect(sensitive(path)).toBe(true),
  );

  // Workflows, containers and keys have content rules of their own; a file name alone says little.
  it.each(["src/author.ts", "src/authors/list.ts", "README.md", "src/orders.ts", ".github/workflows/ci.yml", "Dockerfile", "src/middleware/cors.ts", "lib/session.py"])("does not treat %s as sensitive", (path) =>
    expect(sensitive(path)).toBe(false),
  );
});

import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const ENTRY = "jobs|handlers|http|dashboard|cli|app\\.js|index\\.js|main\\.js";

/** A regex for relative imports that climb to one of these top-level folders or files of src/. */
function upward(...names) {
  return String.raw`^(?:\.\./)+(?:${names.join("|")})(?:/|$)`;
}

/** Forbids, in `files`, imports matching any of `regexes` (relative paths, or package names). */
function layer(files, message, regexes) {
  return [{ files: [files], rules: { "no-restricted-imports": ["error", { patterns: regexes.map((regex) => ({ regex, message })) }] } }];
}

/** Packages that reach a disk, a database, a socket or GitHub: none of them in the domain. */
const IO_PACKAGES = String.raw`^(?:node:)?(?:fs|fs/promises|http|https|net|child_process|worker_threads)$|^(?:pg|better-sqlite3|kysely|ioredis|bottleneck|probot|undici|nock)(?:/|$)|^@octokit/`;

export default tseslint.config(
  { ignores: ["dist/", "coverage/", "node_modules/", "data/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "no-console": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/cli/**", "scripts/**", "bench/**"],
    rules: { "no-console": "off" },
  },
  // The layers: entry points (cli, http, handlers) → use cases, digest, queue → the doors (store, github,
  // repo-config, syntax) → the domain (coach). An import may only point down; these rules keep it so.
  ...layer("src/coach/*.ts", "the domain imports nothing outside src/coach, and nothing with I/O", [String.raw`^\.\./`, IO_PACKAGES]),
  ...layer("src/coach/*/*.ts", "the domain imports nothing outside src/coach, and nothing with I/O", [String.raw`^\.\./\.\./`, IO_PACKAGES]),
  ...layer("src/coach/*/*/*.ts", "the domain imports nothing outside src/coach, and nothing with I/O", [String.raw`^\.\./\.\./\.\./`, IO_PACKAGES]),
  ...layer("src/{store,repo-config,syntax}/**", "a door does not reach up to what uses it", [upward(ENTRY, "use-cases", "digest", "queue", "intake")]),
  ...layer("src/github/**", "the door to GitHub knows neither the store nor what uses it", [upward(ENTRY, "use-cases", "digest", "queue", "intake", "store", "repo-config")]),
  ...layer("src/metrics/**", "the metrics registry reads the doors and knows nothing above them", [upward(ENTRY, "use-cases", "digest", "queue", "intake")]),
  ...layer("src/{use-cases,digest,queue}/**", "use cases and jobs do not reach up to their entry points", [upward(ENTRY)]),
  // The dashboard reads the store; of GitHub it uses only the sign-in client (the person's own token).
  ...layer("src/dashboard/**", "the dashboard calls GitHub only to sign in (github/github-user-api): its data comes from the store", [String.raw`^(?:\.\./)+github/(?!github-user-api\.js$)`]),
  ...layer("src/handlers/**", "webhook handlers do not reach into the job router, the HTTP routes, the dashboard or the CLI", [upward("jobs", "http", "dashboard", "cli", String.raw`app\\.js`, String.raw`index\\.js`, String.raw`main\\.js`)]),
);

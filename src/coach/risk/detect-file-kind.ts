// What kind of file a path names: its language, and whether it is a test, docs, a manifest, a CI workflow.

export const LANGUAGES = [
  "js",
  "python",
  "go",
  "java",
  "ruby",
  "php",
  "csharp",
  "rust",
  "c",
  "sql",
  "shell",
  "yaml",
  "workflow",
  "docker",
  "json",
  "toml",
  "xml",
  "env",
  "docs",
  "other",
] as const;
export type Language = (typeof LANGUAGES)[number];

/** Languages whose files hold program logic. */
export const CODE_LANGUAGES: readonly Language[] = [
  "js",
  "python",
  "go",
  "java",
  "ruby",
  "php",
  "csharp",
  "rust",
  "c",
  "shell",
];

export type ManifestKind =
  | "npm"
  | "pip-requirements"
  | "pyproject"
  | "pipfile"
  | "go-mod"
  | "gemfile"
  | "gemspec"
  | "maven"
  | "gradle"
  | "cargo"
  | "composer";

/** What a file is for; every rule honours it (DESIGN.md, "risk profile"). */
export const FILE_ROLES = [
  "source",
  "test",
  "fixture",
  "example",
  "docs",
  "generated",
  "vendored",
  "ci-workflow",
  "dependency-manifest",
  "migration",
  "infra",
] as const;
export type FileRole = (typeof FILE_ROLES)[number];

export interface FileKind {
  language: Language;
  role: FileRole;
  isTest: boolean;
  isDocs: boolean;
  isCode: boolean;
  manifest: ManifestKind | null;
  isBinary: boolean;
  /** Line comment prefix test for the language, used to skip comment-only lines. */
  comment: RegExp;
}

const EXTENSION_LANGUAGE: Record<string, Language> = {
  ts: "js", tsx: "js", js: "js", jsx: "js", mjs: "js", cjs: "js", mts: "js", cts: "js", vue: "js", svelte: "js",
  py: "python", pyw: "python", pyi: "python",
  go: "go",
  java: "java", kt: "java", kts: "java", scala: "java", groovy: "java", gradle: "java",
  rb: "ruby", rake: "ruby", gemspec: "ruby", erb: "ruby",
  php: "php",
  cs: "csharp",
  rs: "rust",
  c: "c", h: "c", cc: "c", cpp: "c", cxx: "c", hpp: "c", m: "c", mm: "c", swift: "c",
  sql: "sql", psql: "sql", ddl: "sql",
  sh: "shell", bash: "shell", zsh: "shell", ksh: "shell", fish: "shell", ps1: "shell",
  yml: "yaml", yaml: "yaml",
  dockerfile: "docker", containerfile: "docker",
  json: "json", jsonc: "json", json5: "json",
  toml: "toml", ini: "toml", cfg: "toml", conf: "toml", properties: "toml",
  xml: "xml", pom: "xml", csproj: "xml",
  env: "env",
  md: "docs", mdx: "docs", markdown: "docs", rst: "docs", txt: "docs", adoc: "docs", asciidoc: "docs", org: "docs",
};

const BASENAME_LANGUAGE: Record<string, Language> = {
  dockerfile: "docker",
  containerfile: "docker",
  makefile: "shell",
  gemfile: "ruby",
  rakefile: "ruby",
  podfile: "ruby",
  vagrantfile: "ruby",
  jenkinsfile: "java",
  ".env": "env",
  "requirements.txt": "other",
  license: "docs",
  "license.md": "docs",
  changelog: "docs",
  codeowners: "other",
};

const BINARY_EXTENSIONS = new Set([
  "png", "jpg", "jpeg", "gif", "bmp", "ico", "icns", "webp", "avif", "tif", "tiff", "psd", "heic",
  "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt",
  "zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "tar", "zst", "jar", "war", "ear", "whl", "egg", "nupkg",
  "exe", "dll", "so", "dylib", "a", "o", "obj", "lib", "bin", "class", "pyc", "pyo", "wasm", "node",
  "ttf", "otf", "woff", "woff2", "eot",
  "mp3", "mp4", "m4a", "wav", "ogg", "flac", "avi", "mov", "mkv", "webm",
  "sqlite", "sqlite3", "db", "parquet", "avro", "onnx", "pt", "pkl", "h5", "npy", "npz",
  "lockb", "keystore", "jks", "p12", "pfx", "der",
]);

const FIXTURE_PATH = /(?:^|\/)(?:fixtures?|__fixtures__|testdata|test-data|test_data|__mocks__|mocks?|stubs?|snapshots?|__snapshots__|cassettes)\//i;
const EXAMPLE_PATH = /(?:^|\/)(?:examples?|samples?|demos?|_examples?)\/|\.(?:example|sample|dist)(?:\.[\w]+)?$|(?:^|\/)[^/]*\.example$/i;
const GENERATED_PATH =
  /(?:^|\/)(?:__generated__|generated|gen)\/|\.generated\.|\.g\.(?:cs|dart)$|\.pb\.(?:go|cc|h)$|_pb2(?:_grpc)?\.py$|\.pb\.ts$|\.min\.(?:js|css)$|\.map$|(?:^|\/)(?:dist|build)\/[^/]+\.(?:js|css)$/i;
const VENDORED_PATH = /(?:^|\/)(?:vendor|vendored|node_modules|third[_-]party|bower_components|external)\//i;
const CI_PATH = /(?:^|\/)(?:\.github\/workflows|\.github\/actions|\.circleci|\.buildkite)\/|(?:^|\/)(?:\.gitlab-ci\.ya?ml|\.travis\.ya?ml|azure-pipelines\.ya?ml|Jenkinsfile|\.drone\.ya?ml|appveyor\.ya?ml|bitbucket-pipelines\.ya?ml|\.pre-commit-config\.ya?ml)$|(?:^|\/)\.github\/dependabot\.ya?ml$/i;
const MIGRATION_PATH =
  /(?:^|\/)(?:migrations?|migrate|alembic\/versions|db\/migrate|flyway|liquibase|changelogs?\/db)\/[^/]+$|(?:^|\/)V\d+(?:_\d+)*__\w+\.sql$/i;
const INFRA_PATH = /(?:^|\/)(?:k8s|kubernetes|helm|charts|terraform|infra|infrastructure|deploy|deployment|ansible)\/|\.tf(?:vars)?$|(?:^|\/)docker-compose[^/]*\.ya?ml$|(?:^|\/)(?:Dockerfile|Containerfile)[^/]*$|\.dockerfile$/i;

const TEST_PATH = /(?:^|\/)(?:tests?|__tests__|__mocks__|specs?|testing|testdata|test-data|fixtures?|e2e|integration-tests?|cypress|playwright)\//i;
const TEST_FILE =
  /(?:\.(?:test|spec|e2e|cy)\.[cm]?[jt]sx?$|_test\.(?:go|py|rb|exs?)$|(?:^|\/)test_[^/]*\.py$|_spec\.rb$|(?:Test|Tests|IT|Spec)\.(?:java|kt|scala|groovy|cs)$|(?:^|\/)conftest\.py$|\.bats$)/;
const DOCS_PATH = /(?:^|\/)(?:docs?|documentation)\//i;

const MANIFESTS: [RegExp, ManifestKind][] = [
  [/(?:^|\/)package\.json$/, "npm"],
  [/(?:^|\/)(?:requirements|constraints)[^/]*\.(?:txt|in)$/, "pip-requirements"],
  [/(?:^|\/)requirements\/[^/]+\.(?:txt|in)$/, "pip-requirements"],
  [/(?:^|\/)pyproject\.toml$/, "pyproject"],
  [/(?:^|\/)Pipfile$/, "pipfile"],
  [/(?:^|\/)go\.mod$/, "go-mod"],
  [/(?:^|\/)Gemfile$/, "gemfile"],
  [/\.gemspec$/, "gemspec"],
  [/(?:^|\/)pom\.xml$/, "maven"],
  [/(?:^|\/)build\.gradle(?:\.kts)?$/, "gradle"],
  [/(?:^|\/)Cargo\.toml$/, "cargo"],
  [/(?:^|\/)composer\.json$/, "composer"],
];

const COMMENT_HASH = /^\s*#(?!!)/;
const COMMENT_SLASH = /^\s*(?:\/\/|\/\*|\*\s|\*$|\*\/)/;
const COMMENT_SQL = /^\s*(?:--|\/\*|\*)/;
const COMMENT_XML = /^\s*<!--/;
const COMMENT_NONE = /^(?!)/;

const COMMENTS: Record<Language, RegExp> = {
  js: COMMENT_SLASH, go: COMMENT_SLASH, java: COMMENT_SLASH, php: /^\s*(?:\/\/|#|\/\*|\*)/, csharp: COMMENT_SLASH,
  rust: COMMENT_SLASH, c: COMMENT_SLASH,
  python: COMMENT_HASH, ruby: COMMENT_HASH, shell: COMMENT_HASH, yaml: COMMENT_HASH, workflow: COMMENT_HASH,
  docker: COMMENT_HASH, toml: /^\s*[#;]/, env: COMMENT_HASH,
  sql: COMMENT_SQL, xml: COMMENT_XML, json: COMMENT_NONE, docs: COMMENT_NONE, other: COMMENT_HASH,
};

export function detectFileKind(path: string): FileKind {
  const slash = path.lastIndexOf("/");
  const basename = path.slice(slash + 1);
  const lowerBase = basename.toLowerCase();
  const dot = lowerBase.lastIndexOf(".");
  const extension = dot > 0 ? lowerBase.slice(dot + 1) : "";

  let language: Language =
    BASENAME_LANGUAGE[lowerBase] ?? (dot > 0 ? EXTENSION_LANGUAGE[extension] : undefined) ?? "other";
  if (lowerBase.startsWith("dockerfile") || lowerBase.endsWith(".dockerfile")) language = "docker";
  else if (lowerBase.startsWith(".env")) language = "env";
  if (language === "yaml" && /(?:^|\/)\.github\/workflows\//.test(path)) language = "workflow";

  const manifest = MANIFESTS.find(([pattern]) => pattern.test(path))?.[1] ?? null;
  const isDocs = language === "docs" || (DOCS_PATH.test(path) && !CODE_LANGUAGES.includes(language));
  const isTest = TEST_FILE.test(path) || (TEST_PATH.test(path) && language !== "docs");
  return {
    language,
    role: detectRole(path, language, { isDocs, isTest, manifest }),
    isTest,
    isDocs,
    isCode: CODE_LANGUAGES.includes(language),
    manifest,
    isBinary: BINARY_EXTENSIONS.has(extension),
    comment: COMMENTS[language],
  };
}

function detectRole(path: string, language: Language, facts: { isDocs: boolean; isTest: boolean; manifest: ManifestKind | null }): FileRole {
  if (VENDORED_PATH.test(path)) return "vendored";
  if (GENERATED_PATH.test(path)) return "generated";
  if (CI_PATH.test(path) || language === "workflow") return "ci-workflow";
  if (facts.manifest !== null) return "dependency-manifest";
  if (FIXTURE_PATH.test(path)) return "fixture";
  if (facts.isTest) return "test";
  if (EXAMPLE_PATH.test(path)) return "example";
  if (facts.isDocs) return "docs";
  if (MIGRATION_PATH.test(path)) return "migration";
  if (INFRA_PATH.test(path) || language === "docker") return "infra";
  return "source";
}

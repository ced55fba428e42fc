// Path defaults the app's default config reuses (see build-risk-profile.ts for the exports).

/** Paths that are never analysed: lock files, generated, vendored, minified and built output. */
export const DEFAULT_IGNORED_PATHS: readonly string[] = [
  // lock files
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lockb",
  "*.lock",
  "go.sum",
  "packages.lock.json",
  "gradle.lockfile",
  // generated
  "**/__generated__/**",
  "**/generated/**",
  "*.generated.*",
  "*.gen.go",
  "*.pb.go",
  "*_pb2.py",
  "*_pb2_grpc.py",
  "*.pb.ts",
  "**/__snapshots__/**",
  "*.snap",
  // vendored
  "**/vendor/**",
  "**/node_modules/**",
  "**/third_party/**",
  "**/third-party/**",
  // minified and built output
  "*.min.js",
  "*.min.css",
  "*.map",
  "**/dist/**",
  "**/coverage/**",
];

/** Paths whose changes deserve a security look whatever their content. */
export const DEFAULT_SENSITIVE_PATHS: readonly string[] = [
  // authentication, authorisation, sessions, secrets, crypto: directories and files
  "**/{auth,authn,authz,authentication,authorization,authorisation,oauth,oidc,saml,sso,login,session,sessions,permissions,rbac,acl,iam,security,crypto,secrets}/**",
  "**/{auth,authn,authz,authentication,authorization,authorisation,oauth,oidc,saml,sso,login,session,sessions,permission,permissions,rbac,acl,policy,policies,security,crypto,password,passwords,secrets,jwt,csrf,cors}.*",
  "**/*[-_.]{auth,session,permission,permissions,policy,security,crypto,jwt,csrf,cors}.*",
  "**/*{Auth,Session,Permission,Permissions,Policy,Security,Crypto,Jwt,Csrf,Cors}.*",
  "**/middleware{,s}/**",
  // secrets and keys in the tree
  "**/.env",
  "**/.env.*",
  "*.pem",
  "*.key",
  "*.p12",
  "*.pfx",
  "*.jks",
  "*.keystore",
  "id_rsa*",
  // who may merge and how code reaches production
  ".github/workflows/**",
  ".github/actions/**",
  ".github/CODEOWNERS",
  "CODEOWNERS",
  "docs/CODEOWNERS",
  "Dockerfile",
  "*.dockerfile",
  "**/Dockerfile.*",
  "**/{k8s,kubernetes,helm,terraform,infra,deploy}/**",
  "*.tf",
];

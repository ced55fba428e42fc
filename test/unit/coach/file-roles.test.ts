import { describe, expect, it } from "@jest/globals";
import { detectFileKind, type FileRole } from "../../../src/coach/risk/detect-file-kind.js";
import { addedFile, profileOf } from "./risk-fixtures.js";

const ROLES: [path: string, role: FileRole][] = [
  ["src/orders/refund.ts", "source"],
  ["app/models/user.rb", "source"],
  ["cmd/server/main.go", "source"],
  ["test/orders.test.ts", "test"],
  ["pkg/orders/refund_test.go", "test"],
  ["tests/test_refund.py", "test"],
  ["spec/models/user_spec.rb", "test"],
  ["src/test/java/com/acme/RefundTest.java", "test"],
  ["test/fixtures/server.key", "fixture"],
  ["pkg/parse/testdata/input.json", "fixture"],
  ["src/__mocks__/client.ts", "fixture"],
  ["spec/cassettes/login.yml", "fixture"],
  ["examples/basic/server.js", "example"],
  ["config/settings.example.yml", "example"],
  ["docs/guide.md", "docs"],
  ["README.md", "docs"],
  ["internal/gen/client.go", "generated"],
  ["api/v1/orders.pb.go", "generated"],
  ["app/proto/orders_pb2.py", "generated"],
  ["vendor/github.com/acme/lib/lib.go", "vendored"],
  ["external/zlib/inflate.c", "vendored"],
  [".github/workflows/ci.yml", "ci-workflow"],
  [".gitlab-ci.yml", "ci-workflow"],
  [".circleci/config.yml", "ci-workflow"],
  ["package.json", "dependency-manifest"],
  ["services/api/go.mod", "dependency-manifest"],
  ["requirements-dev.txt", "dependency-manifest"],
  ["Gemfile", "dependency-manifest"],
  ["pom.xml", "dependency-manifest"],
  ["db/migrate/20240102_add_plan.rb", "migration"],
  ["migrations/0007_orders.sql", "migration"],
  ["src/main/resources/db/V3__add_index.sql", "migration"],
  ["terraform/main.tf", "infra"],
  ["Dockerfile", "infra"],
  ["k8s/deployment.yaml", "infra"],
  ["docker-compose.prod.yml", "infra"],
];

describe("file roles", () => {
  it.each(ROLES)("%s is %s", (path, role) => {
    expect(detectFileKind(path).role).toBe(role);
  });

  it("covers every role", () => {
    expect(new Set(ROLES.map(([, role]) => role)).size).toBe(11);
  });
});

const SAMPLE_JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTQyIiwiaWF0IjoxNzAwMDAwMDAwfQ.kq3Vn2Wc8yXo1bLr4TfHs9DpZe0uQmNaGi7jEwRtY5c";
const PEM_BODY = "MIIEowIBAAKCAQEAwq8Xh3k2Lq9V0p7R5mTnY1cB4dF6gHjK8lZ3xW9sQeAaUoPiNb";
const PEM_FILE = ["-----BEGIN RSA PRIVATE KEY-----", PEM_BODY, "-----END RSA PRIVATE KEY-----"];
const AWS_KEY = "AKIAQ4TRW7XZ2MNB5KLP";
const GITHUB_TOKEN = "ghp_R8bK2xQ7mN4vT1cW9zL5pH3jF6dS0aYgUeIo";
const SLACK_TOKEN = "xoxb-2048613579-7391046825-Hq8Lm3Np5Rt7Vx9Zb2Dc";
const STRIPE_KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dc9Fk2";

const securityRules = (path: string, lines: string[]): string[] =>
  profileOf(addedFile(path, lines))
    .filter((f) => f.concern === "security")
    .map((f) => f.rule);

describe("secrets by role", () => {
  it.each([
    ["a sample JWT in a test", "test/auth/session.test.ts", [`const token = "${SAMPLE_JWT}";`]],
    ["a sample JWT in a fixture", "test/fixtures/tokens.ts", [`export const expired = "${SAMPLE_JWT}";`]],
    ["a sample JWT in docs", "docs/api/auth.md", [`Authorization: Bearer ${SAMPLE_JWT}`]],
    ["a PEM key in a fixture", "test/fixtures/server.key", PEM_FILE],
    ["a PEM key in testdata", "pkg/tls/testdata/key.pem", PEM_FILE],
    ["a PEM key in docs", "docs/tls.md", ["```", ...PEM_FILE, "```"]],
    ["a PEM key in a Go test", "pkg/tls/config_test.go", ["const testKey = `-----BEGIN RSA PRIVATE KEY-----", PEM_BODY, "-----END RSA PRIVATE KEY-----`"]],
    ["a password in a test", "tests/test_login.py", ["    client.login(username=\"ada\", password=\"Tr0ub4dor&3x\")"]],
    ["a password in an example", "examples/client/main.go", ["\tapiKey := \"k3y-for-the-demo-9f8e7d\""]],
    ["an AWS documentation key in a test", "test/s3.test.ts", ["const key = \"AKIAIOSFODNN7EXAMPLE\";"]],
  ])("%s (%s) gives nothing", (_label, path, lines) => {
    expect(securityRules(path, lines)).toEqual([]);
  });

  it.each([
    ["an AWS key in a test", "test/s3.test.ts", [`const accessKeyId = "${AWS_KEY}";`]],
    ["a GitHub token in a fixture", "test/fixtures/config.json", [`{ "token": "${GITHUB_TOKEN}" }`]],
    ["a Slack bot token in docs", "docs/slack.md", [`Set SLACK_TOKEN to ${SLACK_TOKEN} and restart.`]],
    ["a Stripe live key in an example", "examples/pay/server.js", [`const stripe = require("stripe")("${STRIPE_KEY}");`]],
    ["an AWS key in a comment of source", "src/storage/s3.ts", [`// old key: ${AWS_KEY}`]],
  ])("%s (%s) is a live-format secret", (_label, path, lines) => {
    expect(securityRules(path, lines)).toContain("secret-token");
  });

  it.each([
    ["a password", "app/login.py", ["    client.login(username=\"ada\", password=\"Tr0ub4dor&3x\")"], "hard-coded-secret"],
    ["an API key", "cmd/server/main.go", ["\tapiKey := \"k3y-for-the-demo-9f8e7d\""], "hard-coded-secret"],
    ["a PEM key in a Go string", "pkg/tls/config.go", ["const testKey = `-----BEGIN RSA PRIVATE KEY-----", PEM_BODY, "-----END RSA PRIVATE KEY-----`"], "private-key"],
  ])("the same %s in source (%s) is a finding", (_label, path, lines, rule) => {
    expect(securityRules(path, lines)).toContain(rule);
  });

  it("a sample JWT in source code is a low-confidence token-literal", () => {
    const finding = profileOf(addedFile("src/auth/dev-token.ts", [`export const DEV_TOKEN = "${SAMPLE_JWT}";`])).find((f) => f.rule === "token-literal");
    expect({ line: finding?.line, confidence: finding?.confidence }).toEqual({ line: 1, confidence: "low" });
  });

  it("a PEM key file outside tests, fixtures and docs is a private key", () => {
    expect(securityRules("deploy/certs/server.key", PEM_FILE)).toContain("private-key");
  });
});

describe("rules each role suppresses", () => {
  it.each([
    ["generated", "src/gen/parser.js", ["const value = eval(expression);"]],
    ["vendored", "external/minilib/run.js", ["const value = eval(expression);"]],
    ["example", "examples/insecure/client.ts", ["const agent = new https.Agent({ rejectUnauthorized: false });"]],
    ["docs", "docs/howto/shell.md", ["os.system(f\"convert {src} {dst}\")"]],
    ["test", "test/server.test.ts", ["exec(`rm -rf ${dir}`);", "const q = `SELECT * FROM t WHERE id = ${id}`;"]],
    ["fixture", "test/fixtures/app/views.py", ["@csrf_exempt", "def hook(request):"]],
  ])("a %s file (%s) gets no code findings", (_role, path, lines) => {
    expect(securityRules(path, lines)).toEqual([]);
  });

  it("the same lines in source do get findings", () => {
    expect(securityRules("src/calc.js", ["const value = eval(expression);"])).toContain("code-eval");
    expect(securityRules("src/http/agent.ts", ["const agent = new https.Agent({ rejectUnauthorized: false });"])).toContain("tls-verification-disabled");
  });

  it("sensitive paths speak only for source, infra and migrations", () => {
    const rules = (path: string) => profileOf(addedFile(path, ["export const limit = compute(3);"])).map((f) => f.rule);
    expect(rules("src/auth/limits.ts")).toContain("sensitive-path");
    expect(rules("test/auth/limits.test.ts")).not.toContain("sensitive-path");
    expect(rules("examples/auth/limits.ts")).not.toContain("sensitive-path");
    expect(rules("docs/security/limits.md")).not.toContain("sensitive-path");
  });

  it("a new module is architecture news only in source", () => {
    const rules = (path: string) => profileOf(addedFile(path, ["export function area(w, h) {", "  return w * h;", "}"])).map((f) => f.rule);
    expect(rules("src/geometry/area.ts")).toContain("new-module");
    expect(rules("examples/geometry/area.ts")).not.toContain("new-module");
    expect(rules("src/gen/area.ts")).not.toContain("new-module");
  });

  it("a migration gets the migration finding on its first line of code", () => {
    const finding = profileOf(addedFile("db/migrate/20240102_add_plan.rb", ["# adds plans", "add_column :users, :plan, :string"])).find((f) => f.rule === "migration");
    expect(finding?.line).toBe(2);
  });

  it("infra files get container rules, source files do not", () => {
    expect(securityRules("deploy/Dockerfile.worker", ["FROM debian:12", "USER root"])).toContain("container-runs-as-root");
    expect(securityRules("src/notes.ts", ["const line = \"USER root\";"])).not.toContain("container-runs-as-root");
  });
});

import { describe, expect, it } from "@jest/globals";
import { buildRiskProfile } from "../../../src/coach/build-risk-profile.js";
import { DEFAULT_RISK_CONFIG } from "../../helpers/default-risk-config.js";
import type { Finding, PullRequestFile, Severity } from "../../../src/coach/types.js";
import { A_TEST_FILE, addedFile } from "./risk-fixtures.js";

function profileOf(...files: PullRequestFile[]): Finding[] {
  return buildRiskProfile([...files, A_TEST_FILE], DEFAULT_RISK_CONFIG).findings;
}

type Case = [label: string, path: string, lines: string[], rule: string, line: number, severity?: Severity];

/** Each case: a new file; the rule must fire on that (1-based) line. */
const FIRES: Case[] = [
  // SQL built from variables
  ["TS template literal", "src/db/users.ts", ["export async function find(db, name) {", "  return db.query(`SELECT * FROM users WHERE name = '${name}'`);", "}"], "sql-from-variable", 2, "high"],
  ["JS concatenation over lines", "src/db/q.js", ["const sql = \"SELECT id FROM orders \" +", "  \"WHERE customer = '\" + customerId + \"'\";", "db.query(sql);"], "sql-from-variable", 1],
  ["Python f-string", "app/repo.py", ["def find(cur, name):", "    cur.execute(f\"SELECT * FROM users WHERE name = '{name}'\")"], "sql-from-variable", 2],
  ["Python % operator", "app/repo.py", ["cur.execute(\"DELETE FROM items WHERE id = %s\" % item_id)"], "sql-from-variable", 1],
  ["Go Sprintf", "internal/store/find.go", ["q := fmt.Sprintf(\"SELECT name FROM users WHERE id = %s\", id)", "rows, err := db.Query(q)"], "sql-from-variable", 1],
  ["Java concatenation", "src/main/java/Repo.java", ["String q = \"SELECT * FROM accounts WHERE owner = '\" + owner + \"'\";"], "sql-from-variable", 1],
  ["Ruby interpolation", "app/models/user.rb", ["User.where(\"name = '#{params[:name]}'\")"], "sql-raw-unsafe", 1],
  ["Prisma unsafe raw", "src/repo.ts", ["await prisma.$queryRawUnsafe(query);"], "sql-raw-unsafe", 1],
  ["knex whereRaw", "src/repo.ts", ["knex(\"users\").whereRaw(`name = '${name}'`);"], "sql-raw-unsafe", 1],
  ["Django raw f-string", "app/views.py", ["Person.objects.raw(f\"SELECT * FROM people WHERE last = '{last}'\")"], "sql-from-variable", 1],
  // shell
  ["JS exec with template", "src/tools/archive.ts", ["import { exec } from \"node:child_process\";", "exec(`tar czf ${name}.tgz ${dir}`);"], "shell-from-variable", 2, "high"],
  ["JS spawn with a shell", "src/run.ts", ["spawn(cmd, args, { shell: true });"], "shell-true", 1],
  ["Python shell=True", "tools/run.py", ["subprocess.run(cmd, shell=True)"], "shell-true", 1],
  ["Python os.system f-string", "tools/run.py", ["os.system(f\"convert {src} {dst}\")"], "shell-from-variable", 1],
  ["Ruby backticks", "lib/tasks/files.rb", ["output = `ls #{dir}`"], "shell-from-variable", 1],
  ["Go sh -c", "cmd/run/main.go", ["out, err := exec.Command(\"sh\", \"-c\", \"echo \"+name).Output()"], "shell-from-variable", 1],
  ["shell eval", "scripts/deploy.sh", ["#!/bin/sh", "eval \"$DEPLOY_CMD\""], "shell-eval", 2],
  // eval
  ["JS eval", "src/calc.js", ["const value = eval(expression);"], "code-eval", 1],
  ["JS new Function", "src/calc.js", ["const fn = new Function(\"a\", body);"], "code-eval", 1],
  ["Python exec", "app/plugins.py", ["exec(source, namespace)"], "python-exec", 1],
  // deserialisation
  ["pickle", "app/cache.py", ["obj = pickle.loads(blob)"], "unsafe-deserialisation", 1],
  ["yaml.load", "app/config.py", ["cfg = yaml.load(stream)"], "unsafe-yaml-load", 1],
  ["Marshal", "lib/session_store.rb", ["data = Marshal.load(cookie)"], "unsafe-deserialisation", 1],
  ["ObjectInputStream", "src/main/java/Load.java", ["ObjectInputStream in = new ObjectInputStream(socket.getInputStream());"], "unsafe-deserialisation", 1],
  ["PHP unserialize", "web/load.php", ["$data = unserialize($_COOKIE['state']);"], "unsafe-deserialisation", 1],
  // TLS
  ["Node rejectUnauthorized", "src/http.ts", ["const agent = new https.Agent({ rejectUnauthorized: false });"], "tls-verification-disabled", 1, "high"],
  ["Python verify=False", "app/client.py", ["requests.get(url, verify=False, timeout=5)"], "tls-verification-disabled", 1],
  ["Go InsecureSkipVerify", "pkg/client/tls.go", ["cfg := &tls.Config{InsecureSkipVerify: true}"], "tls-verification-disabled", 1],
  ["env NODE_TLS_REJECT_UNAUTHORIZED", "scripts/dev.sh", ["export NODE_TLS_REJECT_UNAUTHORIZED=0"], "tls-verification-disabled", 1],
  ["curl -k", "scripts/fetch.sh", ["curl -sk https://internal/health"], "tls-verification-disabled", 1],
  // crypto and randomness
  ["md5 for passwords", "src/users/hash.ts", ["const passwordHash = createHash(\"md5\").update(password).digest(\"hex\");"], "weak-hash", 1, "high"],
  ["md5 for an etag", "src/static/etag.ts", ["const etag = createHash(\"md5\").update(body).digest(\"hex\");"], "weak-hash", 1, "low"],
  ["Java MD5 password", "src/main/java/Pw.java", ["MessageDigest md = MessageDigest.getInstance(\"MD5\"); // password"], "weak-hash", 1, "high"],
  ["DES/ECB", "src/main/java/Crypto.java", ["Cipher c = Cipher.getInstance(\"DES/ECB/PKCS5Padding\");"], "weak-cipher", 1],
  ["Python ECB", "app/crypto_util.py", ["cipher = AES.new(key, AES.MODE_ECB)"], "weak-cipher", 1],
  ["Math.random token", "src/invite.ts", ["const inviteToken = Math.random().toString(36).slice(2);"], "insecure-random", 1, "high"],
  ["random for a reset code", "app/reset.py", ["def make_reset_code():", "    return \"\".join(random.choice(DIGITS) for _ in range(6))  # reset code"], "insecure-random", 2],
  // secrets
  ["AWS key", "config/settings.py", ["AWS_ACCESS_KEY_ID = \"AKIAZ7QWERTYUIOPASDF\""], "secret-token", 1, "high"],
  ["private key", "deploy/key.pem", ["-----BEGIN RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun", "-----END RSA PRIVATE KEY-----"], "private-key", 1],
  ["private key in a string", "src/keys.ts", ["const key = \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\\n\";"], "token-literal", 1],
  ["GitHub token in docs", "docs/setup.md", ["Use ghp_0123456789abcdefghijABCDEFGHIJ012345 to authenticate."], "secret-token", 1],
  ["generic api key", "src/payments.ts", ["const stripeSecret = \"whsec9f8a7b6c5d4e3f2a1\";"], "hard-coded-secret", 1],
  ["env file", "deploy/.env.production", ["DATABASE_PASSWORD=s3cr3tPassw0rd"], "env-secret", 1],
  ["credentials in a URL", "config/database.yml", ["url: postgres://app:hunter22@db.internal:5432/app"], "credentials-in-url", 1],
  // auth and CORS
  ["auth identifiers", "src/api/admin.ts", ["if (!user.isAdmin) return res.status(403).end();"], "auth-code", 1, "medium"],
  ["csrf exempt", "app/views.py", ["@csrf_exempt", "def webhook(request):"], "auth-weakened", 1, "high"],
  ["CORS wildcard", "src/server.ts", ["app.use(cors({ origin: \"*\" }));"], "cors-wildcard", 1, "medium"],
  ["CORS wildcard with credentials", "src/server.ts", ["app.use(cors({", "  origin: true,", "  credentials: true,", "}));"], "cors-wildcard", 2, "high"],
  // CI, containers, shell
  ["pipe to shell", "Dockerfile", ["FROM debian:12", "RUN curl -fsSL https://get.example.sh | bash"], "pipe-to-shell", 2],
  ["moving image tag", "docker/Dockerfile.api", ["FROM node:latest"], "unpinned-image", 1],
  ["world-writable", "scripts/setup.sh", ["chmod -R 777 /srv/app"], "world-writable", 1],
  ["unsafe rm", "scripts/clean.sh", ["rm -rf \"$BUILD_DIR\"/"], "unsafe-rm", 1],
  ["privileged container", "k8s/deploy.yaml", ["        securityContext:", "          privileged: true"], "privileged-container", 2],
  ["unpinned third-party action", ".github/workflows/ci.yml", ["    steps:", "      - uses: someone/setup-thing@main"], "unpinned-action", 2],
  // edge cases
  ["empty catch", "src/load.ts", ["try { load(); } catch (e) {}"], "swallowed-error", 1],
  ["empty catch block over lines", "src/load.ts", ["try {", "  load();", "} catch (err) {", "}"], "swallowed-error-block", 3],
  ["except: pass", "app/load.py", ["try:", "    load()", "except Exception:", "    pass"], "swallowed-error-block", 3],
  ["Go _ = err", "pkg/x/x.go", ["_ = err"], "swallowed-error", 1],
  ["promise catch to nothing", "src/bg.ts", ["refresh().catch(() => {});"], "swallowed-error", 1],
  ["rescue nil", "lib/fetch.rb", ["value = fetch_remote rescue nil"], "swallowed-error", 1],
  ["length - 1", "src/pages.ts", ["const last = items[items.length - 1];"], "index-arithmetic", 1],
  ["<= length", "src/loop.js", ["for (let i = 0; i <= list.length; i++) sum += list[i];"], "index-arithmetic", 1],
  ["JSON.parse of the body", "src/api/hook.ts", ["const event = JSON.parse(req.body);"], "parsing", 1, "medium"],
  ["parseInt", "src/qs.ts", ["const page = parseInt(value);"], "parsing", 1, "low"],
  ["non-null assertion", "src/user.ts", ["const name = user!.profile.name;"], "non-null-assertion", 1],
  ["Promise.all", "src/sync.ts", ["await Promise.all(accounts.map(syncAccount));"], "concurrency", 1],
  ["goroutine", "pkg/worker/run.go", ["go func() {", "\tprocess(job)", "}()"], "concurrency", 1],
  ["async forEach", "src/notify.ts", ["users.forEach(async (user) => {", "  await send(user);", "});"], "async-foreach", 1],
  ["naive datetime", "app/report.py", ["started = datetime.now()"], "time-handling", 1, "medium"],
  ["timezone-aware datetime", "app/report.py", ["started = datetime.now(timezone.utc)"], "time-handling", 1, "low"],
  ["date parsing", "src/due.ts", ["const due = new Date(\"2024-03-10\");"], "time-handling", 1, "medium"],
  ["HTTP without timeout", "app/fetch.py", ["r = requests.get(url)"], "http-without-timeout", 1],
  ["UPDATE without WHERE", "db/fix.sql", ["UPDATE accounts SET balance = 0;"], "sql-unbounded-write", 1, "high"],
  ["NOT NULL without default", "db/migrations/0042_add_plan.sql", ["ALTER TABLE users ADD COLUMN plan TEXT NOT NULL;"], "not-null-without-default", 1],
  // performance
  ["query in a loop", "src/report.ts", ["for (const id of ids) {", "  const order = await db.query(\"SELECT * FROM orders WHERE id = $1\", [id]);", "  orders.push(order);", "}"], "query-in-loop", 2, "medium"],
  ["Python request in a loop", "app/sync.py", ["for user in users:", "    requests.post(URL, json=user.to_dict(), timeout=5)"], "query-in-loop", 2],
  ["readFileSync in a handler", "src/server.ts", ["app.get(\"/report\", (req, res) => {", "  const template = fs.readFileSync(\"report.html\", \"utf8\");", "  res.send(template);", "});"], "sync-io-in-handler", 2],
  ["findAll", "src/export.ts", ["const everything = await repo.findAll();"], "unbounded-read", 1],
  ["SELECT * without limit", "db/report.sql", ["SELECT * FROM events;"], "unbounded-sql-read", 1],
  // architecture
  ["route", "src/api/routes.ts", ["router.post(\"/refunds\", createRefund);"], "http-route", 1],
  ["DROP TABLE", "db/migrations/0043_drop.sql", ["DROP TABLE legacy_orders;"], "destructive-schema-change", 1, "high"],
  ["Rails remove_column", "db/migrate/20240101_remove_email.rb", ["    remove_column :users, :email"], "destructive-schema-change", 1],
];

/** Each case: a new file on which the rule must NOT fire. */
const QUIET: [label: string, path: string, lines: string[], rule: string][] = [
  ["bound SQL parameters", "src/db/users.ts", ["return db.query(\"SELECT * FROM users WHERE name = $1\", [name]);"], "sql-from-variable"],
  ["Python placeholders", "app/repo.py", ["cur.execute(\"SELECT * FROM users WHERE name = %s\", (name,))"], "sql-from-variable"],
  ["tagged sql template", "src/db/users.ts", ["return sql`SELECT * FROM users WHERE name = ${name}`;"], "sql-from-variable"],
  ["logging a query", "src/db/log.ts", ["logger.debug(`SELECT took ${ms} ms`);"], "sql-from-variable"],
  ["regex exec", "src/parse.ts", ["const m = /a(b)/.exec(`${input}`);"], "shell-from-variable"],
  ["safe yaml", "app/config.py", ["cfg = yaml.load(stream, Loader=yaml.SafeLoader)"], "unsafe-yaml-load"],
  ["literal_eval", "app/x.py", ["value = ast.literal_eval(text)"], "code-eval"],
  ["Math.random for jitter", "src/retry.ts", ["const delay = base * (1 + Math.random());"], "insecure-random"],
  ["secret from the environment", "src/config.ts", ["const apiKey = process.env.API_KEY ?? \"\";"], "hard-coded-secret"],
  ["secret placeholder", "config/example.ts", ["const password = \"changeme-please\";"], "hard-coded-secret"],
  ["secret-ish names", "src/form.ts", ["const passwordField = \"user_password\";"], "hard-coded-secret"],
  ["AWS example key", "docs/aws.md", ["AKIAIOSFODNN7EXAMPLE"], "secret-token"],
  ["comment mentioning eval", "src/x.ts", ["// never call eval(x) here"], "code-eval"],
  ["author is not auth", "src/book.ts", ["const author = book.author;"], "auth-code"],
  ["authorIsBot is not auth", "src/store.ts", ["if (pr.authorIsBot) return;"], "auth-code"],
  ["a PEM header in a message is not a key", "src/env.ts", ["throw new Error(\"it starts with -----BEGIN RSA PRIVATE KEY-----\");"], "private-key"],
  ["a regex exec loop is not a query", "src/parse.ts", ["for (const re of patterns) {", "  const m = re.exec(text);", "}"], "query-in-loop"],
  ["a polling loop is not N+1", "src/worker.ts", ["while (!this.stopping) {", "  const job = await queue.claim(id);", "}"], "query-in-loop"],
  ["rm with a guard", "scripts/clean.sh", ["rm -rf \"${BUILD_DIR:?}/\""], "unsafe-rm"],
  ["requests with timeout", "app/fetch.py", ["r = requests.get(url, timeout=5)"], "http-without-timeout"],
  ["readFileSync in a CLI", "scripts/build.ts", ["const pkg = JSON.parse(fs.readFileSync(\"package.json\", \"utf8\"));"], "sync-io-in-handler"],
  ["UPDATE with WHERE", "db/fix.sql", ["UPDATE accounts SET balance = 0 WHERE id = 4;"], "sql-unbounded-write"],
  ["NOT NULL with default", "db/migrations/1_plan.sql", ["ALTER TABLE users ADD COLUMN plan TEXT NOT NULL DEFAULT 'free';"], "not-null-without-default"],
  ["inequality is not an assertion", "src/x.ts", ["if (a !== b && !c) return;"], "non-null-assertion"],
  ["model.fit is not a focused test", "test/model.test.py", ["model.fit(x, y)"], "focused-test"],
  ["pinned first-party action", ".github/workflows/ci.yml", ["      - uses: actions/checkout@v4"], "unpinned-action"],
];

describe("buildRiskProfile rules", () => {
  const fires = FIRES.map(([label, path, lines, rule, line, severity]) => ({ label, path, lines, rule, line, severity: severity ?? null }));
  it.each(fires)("$label ($path) → $rule on line $line", ({ path, lines, rule, line, severity }) => {
    const findings = profileOf(addedFile(path, lines));
    const match = findings.find((f) => f.rule === rule);
    expect({ rule: match?.rule, line: match?.line }).toEqual({ rule, line });
    if (severity) expect(match?.severity).toBe(severity);
    expect(match?.reason.length).toBeGreaterThan(20);
  });

  const quiet = QUIET.map(([label, path, lines, rule]) => ({ label, path, lines, rule }));
  it.each(quiet)("$label ($path) stays quiet for $rule", ({ path, lines, rule }) => {
    const findings = profileOf(addedFile(path, lines));
    expect(findings.filter((f) => f.rule === rule)).toEqual([]);
  });

  describe("tests", () => {
    it.each([
      ["test/orders.test.ts", ["it.skip(\"refunds\", async () => {});"], "skipped-test"],
      ["spec/models/plan_spec.rb", ["  xit \"renews\" do"], "skipped-test"],
      ["tests/test_orders.py", ["@pytest.mark.skip(reason=\"flaky\")", "def test_refund():"], "skipped-test"],
      ["pkg/orders/orders_test.go", ["func TestRefund(t *testing.T) {", "\tt.Skip(\"flaky\")", "}"], "skipped-test"],
      ["src/test/java/OrderTest.java", ["    @Disabled", "    @Test void refunds() {}"], "skipped-test"],
      ["test/orders.test.ts", ["describe.only(\"orders\", () => {"], "focused-test"],
    ])("%s → %j → %s", (path, lines, rule) => {
      const findings = buildRiskProfile([addedFile(path, lines)], DEFAULT_RISK_CONFIG).findings;
      expect(findings.map((f) => f.rule)).toContain(rule);
    });

    it("does not run code rules on test files", () => {
      const findings = buildRiskProfile(
        [addedFile("test/db.test.ts", ["const q = `SELECT * FROM users WHERE id = ${id}`;", "eval(code);"])],
        DEFAULT_RISK_CONFIG,
      ).findings;
      expect(findings.filter((f) => f.concern === "security")).toEqual([]);
    });
  });
});

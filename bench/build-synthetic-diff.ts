// Builds a realistic unified diff of a given size (TypeScript, Python, SQL, YAML over several files),
// deterministic, for timing the risk profile.

const TS_LINES = [
  "import { Router } from \"express\";",
  "import { db } from \"../store/db.js\";",
  "export async function getUser(req: Request, res: Response): Promise<void> {",
  "  const id = req.params.id;",
  "  const rows = await db.query(`SELECT * FROM users WHERE id = ${id}`);",
  "  if (!rows.length) {",
  "    res.status(404).json({ error: \"not found\" });",
  "    return;",
  "  }",
  "  const token = jwt.sign({ sub: rows[0].id }, process.env.JWT_SECRET ?? \"dev\");",
  "  res.cookie(\"session\", token, { httpOnly: true });",
  "  for (const order of rows[0].orders) {",
  "    await db.query(\"SELECT * FROM items WHERE order_id = $1\", [order.id]);",
  "  }",
  "  res.json(rows[0]);",
  "}",
  "const cache = new Map<string, number>();",
  "export function retryDelay(attempt: number): number {",
  "  return Math.min(30_000, 2 ** attempt * 100 + Math.random() * 50);",
  "}",
  "try {",
  "  await fetch(url, { signal: AbortSignal.timeout(5000) });",
  "} catch (err) {",
  "  logger.warn({ err }, \"upstream failed\");",
  "}",
  "// TODO: handle pagination",
  "export const handler = async (event: unknown) => JSON.parse(String(event));",
];

const PY_LINES = [
  "import os",
  "import subprocess",
  "import pickle",
  "from datetime import datetime",
  "",
  "def run_backup(path: str) -> int:",
  "    cmd = f\"tar czf /backups/{path}.tgz {path}\"",
  "    result = subprocess.run(cmd, shell=True, check=False)",
  "    return result.returncode",
  "",
  "def load_state(blob: bytes):",
  "    return pickle.loads(blob)",
  "",
  "class RateLimiter:",
  "    def __init__(self, limit: int) -> None:",
  "        self.limit = limit",
  "        self.hits: dict[str, int] = {}",
  "",
  "    def allow(self, key: str) -> bool:",
  "        now = datetime.now()",
  "        count = self.hits.get(key, 0) + 1",
  "        self.hits[key] = count",
  "        return count <= self.limit",
  "",
  "    def reset(self):",
  "        for key in list(self.hits):",
  "            del self.hits[key]",
];

const SQL_LINES = [
  "CREATE TABLE IF NOT EXISTS orders (",
  "  id BIGSERIAL PRIMARY KEY,",
  "  user_id BIGINT NOT NULL REFERENCES users(id),",
  "  total_cents INTEGER NOT NULL,",
  "  created_at TIMESTAMPTZ NOT NULL DEFAULT now()",
  ");",
  "ALTER TABLE users ADD COLUMN password_hash TEXT;",
  "CREATE INDEX orders_user_id_idx ON orders (user_id);",
  "DELETE FROM sessions WHERE expires_at < now();",
  "GRANT SELECT, INSERT ON orders TO app_user;",
];

const YAML_LINES = [
  "name: ci",
  "on: [push, pull_request]",
  "jobs:",
  "  test:",
  "    runs-on: ubuntu-latest",
  "    permissions:",
  "      contents: write",
  "    steps:",
  "      - uses: actions/checkout@v4",
  "      - run: npm ci && npm test",
];

interface FileSpec {
  path: string;
  lines: readonly string[];
}

const FILES: readonly FileSpec[] = [
  { path: "src/api/users.ts", lines: TS_LINES },
  { path: "src/api/orders.ts", lines: TS_LINES },
  { path: "src/lib/retry.ts", lines: TS_LINES },
  { path: "scripts/backup.py", lines: PY_LINES },
  { path: "app/limits/rate_limiter.py", lines: PY_LINES },
  { path: "migrations/0042_orders.sql", lines: SQL_LINES },
  { path: ".github/workflows/ci.yml", lines: YAML_LINES },
  { path: "test/api/users.test.ts", lines: TS_LINES },
];

/** A unified diff (`git diff` format) with about `totalLines` changed lines over several files. */
export function buildSyntheticDiff(totalLines: number): string {
  const out: string[] = [];
  const perFile = Math.ceil(totalLines / FILES.length);
  let seed = 7;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (const file of FILES) {
    out.push(`diff --git a/${file.path} b/${file.path}`);
    out.push("index 3f2a1b4..9c8d7e6 100644");
    out.push(`--- a/${file.path}`);
    out.push(`+++ b/${file.path}`);
    let written = 0;
    let oldStart = 1;
    let newStart = 1;
    while (written < perFile) {
      const hunkSize = Math.min(perFile - written, 20 + Math.floor(next() * 40));
      const body: string[] = [];
      let oldCount = 0;
      let newCount = 0;
      for (let i = 0; i < hunkSize; i += 1) {
        const line = file.lines[(written + i) % file.lines.length] ?? "";
        const roll = next();
        if (roll < 0.15) {
          body.push(` ${line}`);
          oldCount += 1;
          newCount += 1;
        } else if (roll < 0.3) {
          body.push(`-${line}`);
          oldCount += 1;
        } else {
          body.push(`+${line}`);
          newCount += 1;
        }
      }
      out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
      out.push(...body);
      written += hunkSize;
      oldStart += oldCount + 10;
      newStart += newCount + 10;
    }
  }
  return `${out.join("\n")}\n`;
}

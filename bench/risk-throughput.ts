// How fast the risk profile is built: a realistic mixed-language unified diff of 2,000 lines,
// parsed and profiled, warmed up, median of several runs.
//
//   npx tsx bench/risk-throughput.ts

import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { buildRiskProfile } from "../src/coach/build-risk-profile.js";
import { buildRiskConfig } from "../src/repo-config/build-risk-config.js";
import { getDefaultConfig } from "../src/repo-config/default-config.js";
import { parseUnifiedDiff } from "../src/coach/parse-unified-diff.js";

export interface RiskThroughput {
  linesPerSecond: number;
  msFor2000Lines: number;
}

const TARGET_LINES = 2000;
const RISK_CONFIG = { ...buildRiskConfig(getDefaultConfig()), minSeverity: "low" as const };
const WARMUP_RUNS = 5;
const MEASURED_RUNS = 15;

const SOURCES: { path: (i: number) => string; lines: string[] }[] = [
  {
    path: (i) => `src/services/orders-${i}.ts`,
    lines: [
      "export async function listOrders(db: Database, customerId: string, limit = 50): Promise<Order[]> {",
      "  if (!customerId) throw new Error(\"customerId is required\");",
      "  const rows = await db.query(\"SELECT id, total, created_at FROM orders WHERE customer_id = $1 LIMIT $2\", [customerId, limit]);",
      "  return rows.map((row) => ({ id: row.id, total: Number(row.total), createdAt: new Date(row.created_at) }));",
      "}",
      "",
      "export function totalOf(orders: Order[]): number {",
      "  let sum = 0;",
      "  for (let i = 0; i < orders.length; i += 1) sum += orders[i]!.total;",
      "  return Math.round(sum * 100) / 100;",
      "}",
      "const cache = new Map<string, Order[]>();",
      "router.get(\"/orders/:id\", async (req, res) => {",
      "  const order = await repo.findById(req.params.id);",
      "  res.json(order ?? null);",
      "});",
    ],
  },
  {
    path: (i) => `app/jobs/sync_${i}.py`,
    lines: [
      "def sync_accounts(session, accounts):",
      "    \"\"\"Push changed accounts to the billing service.\"\"\"",
      "    for account in accounts:",
      "        payload = json.dumps({\"id\": account.id, \"plan\": account.plan})",
      "        response = requests.post(BILLING_URL, data=payload, timeout=10)",
      "        if response.status_code >= 500:",
      "            logger.warning(\"billing unavailable for %s\", account.id)",
      "            continue",
      "    return len(accounts)",
      "",
      "class AccountSerializer:",
      "    fields = (\"id\", \"name\", \"plan\")",
      "    def to_dict(self, account):",
      "        return {field: getattr(account, field) for field in self.fields}",
    ],
  },
  {
    path: (i) => `internal/store/users_${i}.go`,
    lines: [
      "func (s *Store) UserByEmail(ctx context.Context, email string) (*User, error) {",
      "\trow := s.db.QueryRowContext(ctx, \"SELECT id, name FROM users WHERE email = $1\", email)",
      "\tvar u User",
      "\tif err := row.Scan(&u.ID, &u.Name); err != nil {",
      "\t\treturn nil, fmt.Errorf(\"user by email: %w\", err)",
      "\t}",
      "\treturn &u, nil",
      "}",
      "",
      "type Cache struct {",
      "\tmu    sync.Mutex",
      "\tusers map[string]*User",
      "}",
    ],
  },
  {
    path: (i) => `service/src/main/java/com/example/Invoice${i}.java`,
    lines: [
      "public class InvoiceService {",
      "    private final InvoiceRepository repository;",
      "    public Invoice find(long id) {",
      "        return repository.findById(id).orElseThrow(() -> new NotFoundException(id));",
      "    }",
      "    public List<Invoice> recent(int days) {",
      "        LocalDate since = LocalDate.now(clock).minusDays(days);",
      "        return repository.findByIssuedAfter(since);",
      "    }",
      "}",
    ],
  },
  {
    path: (i) => `lib/billing/plan_${i}.rb`,
    lines: [
      "class Plan < ApplicationRecord",
      "  has_many :subscriptions",
      "  validates :name, presence: true",
      "  def monthly_price",
      "    price_cents / 100.0",
      "  end",
      "  def self.active",
      "    where(active: true).order(:name)",
      "  end",
      "end",
    ],
  },
  {
    path: (i) => `db/migrations/2024010${i % 10}_add_index.sql`,
    lines: [
      "ALTER TABLE orders ADD COLUMN note TEXT;",
      "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);",
      "UPDATE orders SET note = '' WHERE note IS NULL;",
      "-- keep the old column until the next release",
    ],
  },
  {
    path: (i) => `.github/workflows/ci-${i}.yml`,
    lines: [
      "on: [push, pull_request]",
      "jobs:",
      "  test:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - uses: actions/checkout@v4",
      "      - run: npm ci",
      "      - run: |",
      "          npm test -- --ci",
      "          echo done",
    ],
  },
  {
    path: (i) => `docker/api-${i}/Dockerfile`,
    lines: ["FROM node:20-alpine", "WORKDIR /app", "COPY package*.json ./", "RUN npm ci --omit=dev", "COPY . .", "USER node", "CMD [\"node\", \"dist/main.js\"]"],
  },
];

/** A valid mixed-language diff of at least `targetLines` lines (whole hunks): modified files with context, deletions and additions. */
export function generateMixedDiff(targetLines = TARGET_LINES): string {
  const out: string[] = [];
  let fileIndex = 0;
  while (out.length < targetLines) {
    const source = SOURCES[fileIndex % SOURCES.length] as (typeof SOURCES)[number];
    const path = source.path(fileIndex);
    out.push(`diff --git a/${path} b/${path}`, "index 1234567..89abcde 100644", `--- a/${path}`, `+++ b/${path}`);
    let oldStart = 10 + fileIndex;
    for (let hunk = 0; hunk < 3; hunk += 1) {
      const body: string[] = [];
      let oldCount = 0;
      let newCount = 0;
      for (let j = 0; j < 36; j += 1) {
        const text = source.lines[(j + hunk + fileIndex) % source.lines.length] as string;
        const role = (j + hunk) % 6;
        if (role === 0) {
          body.push(`-${text.replace("limit", "max")}`);
          oldCount += 1;
        } else if (role === 1 || role === 2) {
          body.push(`+${text}`);
          newCount += 1;
        } else {
          body.push(` ${text}`);
          oldCount += 1;
          newCount += 1;
        }
      }
      out.push(`@@ -${oldStart},${oldCount} +${oldStart},${newCount} @@`, ...body);
      oldStart += oldCount + 20;
    }
    fileIndex += 1;
  }
  return out.join("\n");
}

export function measureRiskThroughput(): RiskThroughput {
  const diff = generateMixedDiff(TARGET_LINES);
  const lineCount = diff.split("\n").length;
  const run = (): number => {
    const started = performance.now();
    const files = parseUnifiedDiff(diff);
    buildRiskProfile(files, RISK_CONFIG);
    return performance.now() - started;
  };
  for (let i = 0; i < WARMUP_RUNS; i += 1) run();
  const times = Array.from({ length: MEASURED_RUNS }, run).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  const msFor2000Lines = (median * TARGET_LINES) / lineCount;
  return {
    linesPerSecond: Math.round((lineCount / median) * 1000),
    msFor2000Lines: Math.round(msFor2000Lines * 100) / 100,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = measureRiskThroughput();
  console.log(`risk profile: ${result.msFor2000Lines} ms for 2,000 diff lines (${result.linesPerSecond.toLocaleString("en-US")} lines/s)`);
}

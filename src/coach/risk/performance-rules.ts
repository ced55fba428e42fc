// Performance rules over added lines. Queries inside loops need the loop context of the hunk and
// live in scan-hunk.ts (see QUERY_CALL and LOOP_HEADER below).

import type { LineRule } from "./line-rule.js";

/** A call that goes to a database or over the network. */
export const QUERY_CALL =
  /\bawait\s+[\w.]*\.(?:query|find\w*|fetch\w*|get\w*|request|save|update\w*|insert\w*|delete\w*|create\w*|upsert\w*|exec\w*|select\w*|count|load\w*|call|send)\s*\(|(?<![\w.])(?:fetch|axios|got|superagent|ky)(?:\.\w+)?\s*\(|\bhttp\.(?:Get|Post|Do|Head)\s*\(|\b(?:client|httpClient|http_client|session)\.(?:Do|Get|Post|get|post|put|delete|request)\s*\(|\brequests\.(?:get|post|put|delete|patch|request)\s*\(|\bhttpx\.\w+\s*\(|\burlopen\s*\(|(?<!\bthis)\.(?:query|execute|executemany|QueryRow|QueryContext|ExecContext|raw|findOne|findById|findByPk|findFirst|findUnique|findAll|findMany|aggregate|countDocuments)\s*\(|\.objects\.(?:get|filter|exclude|create|all)\s*\(|\b(?:db|cursor|conn|connection|pool|knex|prisma|repo|repository|session)\.\w+\s*\(|\b\w+Repository\.\w+\s*\(|\bNet::HTTP\b|\bHTTParty\.\w+|\bFaraday\.\w+|\.(?:find_by|find_by_sql|where|pluck)\b|\brestTemplate\.\w+\(|\bjdbcTemplate\.\w+\(/;

/** The start of a loop over items (not polling or retry loops), including iteration callbacks. */
export const LOOP_HEADER =
  /^\s*(?:for|foreach)\b|\bfor\s*\(|\bfor\s+\w[\w\s,]*\s+in\b|\.(?:forEach|each|each_with_index|each_with_object|map|flatMap|times|find_each|collect)\s*(?:\(|\{|do\b)/;

export const PERFORMANCE_RULES: readonly LineRule[] = [
  {
    id: "unbounded-read",
    concern: "performance",
    severity: "low",
    confidence: "low",
    reason: "reads everything at once (`{match}`): memory and time grow with the data; paginate, limit or stream",
    languages: "code",
    pattern:
      /\bSELECT\s+\*\s+FROM\s+[\w."`]+(?![^"'`]*\b(?:LIMIT|TOP|FETCH\s+FIRST|WHERE)\b)|\.findAll\s*\(\s*\)|\.objects\.all\s*\(\s*\)|\.find\s*\(\s*(?:\{\s*\})?\s*\)\.toArray|\.find\s*\(\s*\{\s*\}\s*\)|\.findMany\s*\(\s*\)|\b[A-Z]\w*\.all\b(?!\s*\()|\breaddirSync\s*\(|\bio(?:util)?\.ReadAll\s*\(|\.read\s*\(\s*\)|\.readlines\s*\(\s*\)|\bFiles\.read(?:AllBytes|AllLines|String)\s*\(|\bFile\.read(?:lines)?\b|\bIO\.readlines\b|\.fetchall\s*\(\s*\)/,
    escalate: {
      pattern: /\b(?:req|request|body|upload|r\.Body|c\.Request|ctx\.request)\b/,
      window: 0,
      severity: "medium",
      reason: "reads a whole request body or result set into memory (`{match}`): bound its size",
    },
  },
  {
    id: "unbounded-sql-read",
    concern: "performance",
    severity: "low",
    confidence: "low",
    reason: "selects every row and column (`{match}`): add a LIMIT or the columns you need",
    languages: ["sql"],
    pattern: /\bSELECT\s+\*\s+FROM\s+[\w."`]+(?![^;]*\b(?:LIMIT|TOP|FETCH\s+FIRST|WHERE)\b)/i,
  },
  {
    id: "sync-io-in-handler",
    concern: "performance",
    severity: "medium",
    confidence: "medium",
    reason: "does blocking I/O in a request path (`{match}`): it stalls every other request meanwhile",
    languages: ["js"],
    pattern: /\b(?:readFileSync|writeFileSync|appendFileSync|readdirSync|statSync|lstatSync|existsSync|execSync|spawnSync|execFileSync|mkdirSync|copyFileSync|unlinkSync|rmSync)\s*\(/,
    near: {
      pattern: /\(\s*req\b|\breq\s*,\s*res\b|\b(?:ctx|request|reply)\s*[,)]|\b(?:app|router|server|fastify)\.(?:get|post|put|patch|delete|use|all|route)\s*\(|\bhandler\b|\bmiddleware\b|\bexport\s+(?:async\s+)?function\s+(?:GET|POST|PUT|PATCH|DELETE|handler)\b/i,
      window: 15,
      orPath: /(?:^|\/)(?:routes?|handlers?|controllers?|api|middlewares?|endpoints?|resolvers?)\//i,
    },
  },
  {
    id: "blocking-call-in-async",
    concern: "performance",
    severity: "medium",
    confidence: "medium",
    reason: "blocks the event loop inside async code (`{match}`): use the async equivalent",
    languages: ["python"],
    pattern: /\btime\.sleep\s*\(|\brequests\.(?:get|post|put|delete|patch|request)\s*\(|\burlopen\s*\(/,
    near: { pattern: /^\s*async\s+def\b|\bawait\b/, window: 10 },
  },
  {
    id: "index-without-concurrently",
    concern: "performance",
    severity: "low",
    confidence: "medium",
    reason: "creates an index without CONCURRENTLY (`{match}`): on PostgreSQL this blocks writes to a large table",
    languages: ["sql"],
    pattern: /\bCREATE\s+(?:UNIQUE\s+)?INDEX\s+(?!CONCURRENTLY)/i,
  },
];

// Architecture rules over added lines: routes, schema changes written in code or SQL.
// Export changes (added, removed, changed public names) compare both sides and live in
// find-export-changes.ts; file- and PR-level architecture findings live in file-rules.ts.

import type { LineRule } from "./line-rule.js";

export const ARCHITECTURE_RULES: readonly LineRule[] = [
  {
    id: "http-route",
    concern: "architecture",
    severity: "medium",
    confidence: "low",
    reason: "adds or changes an HTTP route (`{match}`): check authentication, authorisation, input validation and compatibility for clients",
    languages: "code",
    pattern:
      /\b(?:app|router|server|api|routes|fastify|r|e|g|mux|engine|group|v\d)\.(?:get|post|put|patch|delete|all|route|options|head|GET|POST|PUT|PATCH|DELETE|Handle|HandleFunc|Any|Group|Methods)\s*\(\s*["'`/]|@(?:Get|Post|Put|Delete|Patch|Request)Mapping\b|@(?:GET|POST|PUT|DELETE|PATCH|Path)\b|@(?:app|router|bp|blueprint|api|api_view)\.?(?:route|get|post|put|patch|delete)?\s*\(\s*["'[]|\b(?:re_)?path\s*\(\s*r?["']|\bhttp\.Handle(?:Func)?\s*\(|\bHttp(?:Get|Post|Put|Delete|Patch)\s*\(|\bMap(?:Get|Post|Put|Delete|Patch)\s*\(/,
  },
  {
    id: "routes-file",
    concern: "architecture",
    severity: "medium",
    confidence: "low",
    reason: "changes the routing table (`{match}`): check authentication, authorisation and compatibility for clients",
    languages: ["ruby", "python", "js", "php"],
    path: /(?:^|\/)(?:config\/routes\.rb|urls\.py|routes\/(?:web|api)\.php)$/,
    pattern: /^\s*(?:get|post|put|patch|delete|match|resources?|namespace|scope|mount|root|path|re_path|url|Route::\w+)\b/,
  },
  {
    id: "destructive-schema-change",
    concern: "architecture",
    severity: "high",
    confidence: "high",
    reason: "drops or renames stored data (`{match}`): irreversible; check backups, running code that still uses it, and rollout order",
    languages: ["sql", "ruby", "python", "js", "java", "go"],
    pattern:
      /\b(?:DROP\s+(?:TABLE|COLUMN|SCHEMA|DATABASE|VIEW|TYPE)|TRUNCATE(?:\s+TABLE)?\s+[\w"`]|ALTER\s+TABLE\s+\S+\s+(?:DROP|RENAME)\b|RENAME\s+(?:COLUMN|TABLE)\b)|\bop\.(?:drop_table|drop_column|alter_column)\b|\b(?:remove_column|drop_table|rename_column|rename_table|remove_reference)\b|\b(?:dropTable|dropColumn|renameColumn|renameTable|removeColumn)\s*\(/i,
    unless: /\bIF\s+EXISTS\s+\w*_?(?:tmp|temp|old)\b|\bDROP\s+TABLE\s+IF\s+EXISTS\s+(?:tmp|temp)_/i,
  },
  {
    id: "schema-change",
    concern: "architecture",
    severity: "medium",
    confidence: "medium",
    reason: "changes the database schema (`{match}`): check locks on large tables, running code during rollout, and rollback",
    languages: ["sql", "ruby", "python", "js", "java", "go"],
    pattern:
      /\b(?:CREATE\s+TABLE|ALTER\s+TABLE|CREATE\s+(?:UNIQUE\s+)?INDEX|ADD\s+CONSTRAINT|ALTER\s+COLUMN)\b|\bop\.(?:create_table|add_column|create_index|create_foreign_key)\b|\b(?:create_table|add_column|add_index|change_column|add_reference|add_foreign_key)\b|\b(?:createTable|addColumn|changeColumn|addIndex|alterTable)\s*\(/i,
  },
];

// Edge-case rules over added lines: errors, boundaries, null/empty, parsing, concurrency, time.

import type { LineRule } from "./line-rule.js";

export const EDGE_CASE_RULES: readonly LineRule[] = [
  {
    id: "swallowed-error",
    concern: "edge-cases",
    severity: "medium",
    reason: "swallows an error (`{match}`): failures will pass silently; handle, log or rethrow it",
    languages: "code",
    pattern:
      /\bcatch\s*(?:\([^)]*\))?\s*\{\s*(?:\/\/[^}]*|\/\*[^}]*\*\/\s*)?\}|\.catch\s*\(\s*(?:\(\s*\w*\s*\)|\w+)\s*=>\s*(?:\{\s*\}|null|undefined|void 0|false|\[\])\s*\)|\.catch\s*\(\s*(?:noop|_\.noop|\(\)\s*=>\s*\{\s*\})\s*\)|^\s*except\b[^:]*:\s*(?:pass|\.\.\.|continue)\s*(?:#.*)?$|\b_\s*=\s*err\b|^\s*_\s*=\s*[\w.]+\([^)]*\)\s*$|\brescue\s+(?:[\w:]+\s+)?nil\b|\brescue\s*(?:=>\s*\w+)?\s*;\s*end\b|\bon\s+error\s+resume\s+next\b/i,
  },
  {
    id: "swallowed-error-block",
    concern: "edge-cases",
    severity: "medium",
    reason: "swallows an error (an empty handler): failures will pass silently; handle, log or rethrow it",
    languages: "code",
    pattern: /\bcatch\s*(?:\(\s*[\w\s:.|]*\))?\s*\{\s*$|^\s*except\b[^:]*:\s*$|^\s*rescue\b[^;]*$|^\s*if\s+err\s*!=\s*nil\s*\{\s*$/,
    followedBy: /^\s*(?:\}|pass\b|\.\.\.$|end\b|continue\b|return\s*(?:nil|null|None)?\s*;?\s*$)/,
  },
  {
    id: "ignored-exit-status",
    concern: "edge-cases",
    severity: "low",
    reason: "ignores a command's failure (`{match}`): the script carries on after an error",
    languages: ["shell", "docker", "yaml", "workflow"],
    pattern: /\|\|\s*(?:true|:)\s*(?:;|$)|^\s*set\s+\+e\b|continue-on-error:\s*true/,
  },
  {
    id: "unsafe-rm",
    concern: "edge-cases",
    severity: "high",
    reason: "deletes recursively from a variable path (`{match}`): an empty variable deletes far more than intended",
    languages: ["shell", "docker", "yaml", "workflow"],
    pattern: /\brm\s+-[a-zA-Z]*[rR][a-zA-Z]*\s+(?:-\w+\s+)*["']?\$\{?\w+\}?(?:["']?\/|["']?\s|["']?$)/,
    unless: /\$\{\w+:\?/,
  },
  {
    id: "index-arithmetic",
    concern: "edge-cases",
    severity: "medium",
    reason: "index arithmetic (`{match}`): off-by-one-prone; check the first, last and empty cases",
    languages: "code",
    pattern:
      /\.(?:length|size\(\)|count\(?\)?|len\(\))\s*[-+]\s*\d+|\blen\([^()]*\)\s*[-+]\s*\d+|\[\s*[\w.]+\s*[-+]\s*\d+\s*\]|(?<![\w.])[ijkn]\s*[-+]\s*1\b|<=\s*[\w.]+\.(?:length|size\(\)|count)\b|<=\s*len\(|\.(?:slice|substring|substr|subList|splice|subarray)\s*\([^)]*[-+]\s*\d|\[\s*-?\w*\s*:\s*-?\s*[\w.]+\s*[-+]\s*\d+\s*\]|\brange\(\s*(?:\d+\s*,\s*)?len\(/,
  },
  {
    id: "control-flow",
    concern: "edge-cases",
    severity: "low",
    reason: "adds branches or loops: check each path, including empty, boundary and failure cases",
    languages: "code",
    pattern: /^\s*(?:\}\s*)?(?:if|else\s+if|elif|elsif|unless|switch|case|when|match|for|foreach|while|until|loop|do)\b(?!\s*[:=]\s)/,
  },
  {
    id: "parsing",
    concern: "edge-cases",
    severity: "low",
    reason: "parses input (`{match}`): check malformed, empty and out-of-range values",
    languages: "code",
    pattern:
      /\bparse(?:Int|Float)\s*\(|(?<![\w.])Number\s*\(|\bJSON\.parse\s*\(|\bjson\.loads?\s*\(|(?<![\w.])(?:int|float|Decimal)\s*\(\s*(?:request|req|sys\.argv|os\.environ|params|self\.request|data\[|payload)|\bstrconv\.(?:Atoi|Parse\w+)\s*\(|\bjson\.(?:Unmarshal|NewDecoder)\s*\(|\b(?:Integer|Long|Double|Float|Short|Byte)\.(?:parse\w*|valueOf)\s*\(|\bDate\.parse\s*\(|\b(?:URL|url)\.parse\s*\(|\bnew\s+URL\s*\(|\.to_[if]\b|(?<![\w.])Integer\s*\(|\bstrptime\s*\(|\b(?:int|float)\.Parse\s*\(|\.parse\s*\(/,
    escalate: {
      pattern: /\b(?:req|request|params|query|body|headers|payload|argv|input|form)\b|r\.(?:Body|Form|URL)/,
      window: 0,
      severity: "medium",
      reason: "parses request input (`{match}`): check malformed, empty and out-of-range values and what the error path returns",
    },
  },
  {
    id: "non-null-assertion",
    concern: "edge-cases",
    severity: "medium",
    reason: "asserts a value is present (`{match}`) without checking: it throws when the value is missing",
    languages: ["js"],
    path: /\.[cm]?tsx?$/,
    pattern: /[\w)\]]!(?:\.(?!\.)|\[|\)|;|,)/,
    unless: /["'`][^"'`]*![^"'`]*["'`]/,
  },
  {
    id: "null-handling",
    concern: "edge-cases",
    severity: "low",
    reason: "handles missing or empty values (`{match}`): check every caller passes what this expects",
    languages: "code",
    pattern:
      /[!=]==?\s*(?:null|undefined|nil|None)\b|\b(?:null|undefined|nil|None)\s*[!=]==?|\bis\s+(?:not\s+)?None\b|\?\?|\?\.|\bOptional[.<]|\.(?:isEmpty|isPresent|isBlank)\s*\(\)|\.orElse\w*\(|\.(?:length|size\(\))\s*(?:===?|[<>]=?)\s*0\b|\blen\([^)]*\)\s*(?:==|[<>]=?)\s*0\b|\.(?:blank|nil|empty|present)\?|\bif\s+not\s+[\w.]+\s*:|\|\|\s*(?:\[\]|\{\}|""|'')|\bor\s+(?:\[\]|\{\}|""|'')/,
  },
  {
    id: "async-foreach",
    concern: "edge-cases",
    severity: "medium",
    reason: "passes an async callback to `forEach`: nothing awaits it, so errors and ordering are lost",
    languages: ["js"],
    pattern: /\.forEach\s*\(\s*async\b/,
  },
  {
    id: "concurrency",
    concern: "edge-cases",
    severity: "medium",
    reason: "adds concurrency (`{match}`): check shared state, ordering, partial failure and cancellation",
    languages: "code",
    pattern:
      /\bPromise\.(?:all|race|any|allSettled)\s*\(|\bnew\s+Worker\s*\(|\bworker_threads\b|\bAtomics\.|\bSharedArrayBuffer\b|^\s*go\s+(?:func\b|[\w.]+\()|\bsync\.(?:Mutex|RWMutex|WaitGroup|Once|Map|Cond)\b|\bmake\(\s*chan\b|\batomic\.\w+\(|\bthreading\.\w+|\bmultiprocessing\.\w+|\basyncio\.(?:gather|create_task|wait|Lock|Semaphore|Queue|run_coroutine_threadsafe)\b|\bconcurrent\.futures\b|\b(?:Thread|Process)PoolExecutor\b|\bsynchronized\b|\bExecutor(?:Service|s\.\w+)\b|\bCompletableFuture\b|\bnew\s+Thread\s*\(|\bThread\.new\b|\bMutex\.new\b|\bConcurrent::|\bReentrant(?:ReadWrite)?Lock\b|\bvolatile\b|\bSemaphore\s*\(|\bParallel\.For|\btokio::spawn\b|\bstd::thread\b|\bArc<Mutex/,
  },
  {
    id: "time-handling",
    concern: "edge-cases",
    severity: "low",
    reason: "works with time (`{match}`): check time zones, DST, clock skew and the end-of-month/year boundaries",
    languages: "code",
    pattern:
      /\bnew\s+Date\s*\(|\bDate\.(?:now|parse|UTC)\s*\(|\.(?:get|set)(?:UTC)?(?:Hours|Date|Day|Month|FullYear|Minutes)\s*\(|\.toLocale(?:Date|Time)?String\s*\(|\bdatetime\.(?:now|today|utcnow|fromtimestamp|utcfromtimestamp|strptime)\s*\(|\bdate\.today\s*\(|\btime\.(?:time|Now|Since|Until|Parse|Unix|LoadLocation|sleep)\s*\(|\bTime\.(?:now|parse|at|zone)\b|\bDate\.(?:today|current)\b|\b(?:LocalDateTime|LocalDate|ZonedDateTime|Instant|OffsetDateTime|Clock)\.(?:now|parse|of)\s*\(|\bSystem\.currentTimeMillis\s*\(|\bmoment(?:\.tz)?\s*\(|\bdayjs\s*\(|\bDateTime\.(?:Now|UtcNow|Parse)\b|\btimedelta\s*\(|\bZoneId\.|\bpytz\b|\bzoneinfo\b/,
    escalate: {
      pattern:
        /\bdatetime\.(?:now|today|utcnow|utcfromtimestamp)\(\s*\)|\bLocalDateTime\.now\(\s*\)|\bdate\.today\(\s*\)|\bnew\s+Date\(\s*["'`]\d{4}-\d{2}-\d{2}(?:[ T][\d:.]+)?["'`]\s*\)|\.get(?:Hours|Date|Day|Month|FullYear)\s*\(|\bDateTime\.Now\b|\bTime\.now\b(?!\.utc)|\.toLocale(?:Date|Time)?String\s*\(\s*\)/,
      window: 0,
      severity: "medium",
      reason: "uses local or naive time (`{match}`): results depend on the server's time zone",
    },
  },
  {
    id: "error-handling",
    concern: "edge-cases",
    severity: "low",
    reason: "changes error handling (`{match}`): check what the caller sees on failure, and what is left half-done",
    languages: "code",
    pattern: /\b(?:try|catch|except|rescue|finally|ensure|recover\(\))\b|\bthrow\s+new\b|^\s*raise\b|\bpanic\(|\bif\s+err\s*!=\s*nil\b|\.catch\s*\(/,
  },
  {
    id: "http-without-timeout",
    concern: "edge-cases",
    severity: "low",
    reason: "makes an HTTP call without a timeout (`{match}`): one slow server can hang this path",
    languages: ["python", "go"],
    pattern: /\brequests\.(?:get|post|put|delete|patch|head|request)\s*\(|\bhttp\.(?:Get|Post|Head|PostForm)\s*\(|&http\.Client\{\s*\}|\burlopen\s*\(/,
    unless: /\btimeout\s*=/,
  },
  {
    id: "sql-unbounded-write",
    concern: "edge-cases",
    severity: "high",
    reason: "updates or deletes every row (`{match}` without WHERE): is that intended?",
    languages: ["sql"],
    pattern: /^\s*(?:DELETE\s+FROM\s+[\w."`[\]]+\s*;|UPDATE\s+[\w."`[\]]+\s+SET\b(?![^;]*\bWHERE\b)[^;]*;)/i,
  },
  {
    id: "not-null-without-default",
    concern: "edge-cases",
    severity: "medium",
    reason: "adds a NOT NULL column without a default (`{match}`): fails on tables that already have rows",
    languages: ["sql", "ruby", "python", "js", "java"],
    pattern: /\bADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?[\w"`]+\s+[\w()]+[^;,]*\bNOT\s+NULL\b|\badd_column\b[^#]*\bnull:\s*false\b|\bop\.add_column\b[^#]*\bnullable\s*=\s*False\b/i,
    unless: /\bDEFAULT\b|\bdefault:|\bserver_default\s*=|\bdefault\s*=/i,
  },
];

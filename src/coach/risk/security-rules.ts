// Security rules over added lines: injection, code evaluation, deserialisation, TLS, crypto,
// randomness, secrets, authentication and CORS. Each regex is compiled once, at module load.

import type { LineRule } from "./line-rule.js";

/** SQL text: a statement shape, not a lone keyword, so English prose rarely matches. */
export const SQL_TEXT =
  /\b(?:select\s+[\w*."`[\](),\s]+?\s+from\s|insert\s+into\s|update\s+[\w."`[\]]+\s+set\s|delete\s+from\s|where\s+[\w."`[\]]+\s*(?:=|<>|!=|<|>|\blike\b|\bin\b)|order\s+by\s|group\s+by\s|values\s*\()/i;

/** A string built from variables: interpolation, concatenation, printf-style or format calls. */
const STRING_BUILT =
  /\$\{|#\{|["'`]\s*\+\s*(?:[\w(]|$)|[\w)\]]\s*\+\s*["'`]|\b[rR]?[fF]["']|\.format\(|["']\s*%\s*[\w(]|\bSprintf\(|\bString\.format\(|\.concat\(|\+=\s*[\w(]/;

/** Markers that a string is continued from a previous line. */
const CONTINUATION = /^\s*(?:\+|\|\||&&)|\$\{|#\{|\.format\(|["']\s*%\s*[\w(]/;

const SAFE_SQL_BUILDERS =
  /\bsql`|\bSQL`|\bPrisma\.sql`|\$queryRaw`|\$executeRaw`|\bsql\.(?:raw|identifier)\(|\b(?:console|logger|log|logging)\.\w+\(|\bprint(?:ln|f)?\(|\braise\b|\bthrow\b|\bdebug\(/;

const UNTRUSTED =
  /\b(?:req|request|params|query|body|headers|cookies|form|payload|argv)\b|\bctx\.request|\br\.(?:URL|Form|Body)|getParameter\(|\bparams\[/;

function isLikelySecretValue(value: string): boolean {
  if (/^(?:https?|file|ftp):\/\//i.test(value) && !/:[^/@]+@/.test(value)) return false;
  if (/^[./~]/.test(value)) return false;
  if (/^[a-z]+(?:[_.-][a-z]+)*$/i.test(value) && value.length < 24) return false; // words: "user_password"
  if (/^[A-Z0-9_]+$/.test(value) && /_/.test(value) && !/\d/.test(value)) return false; // CONSTANT_NAMES
  return /\d/.test(value) || value.length >= 20;
}

const PLACEHOLDER =
  /process\.env|os\.environ|getenv|\bENV\[|System\.getenv|Environment\.GetEnvironmentVariable|\$\{\{|\$\{[A-Za-z_]|\$\(|\{\{|%\(|\b(?:example|placeholder|changeme|change[_-]?me|your[_-]\w+|redacted|dummy|fake|sample|test(?:ing)?[_-]?(?:key|secret|token|password)|not[_-]?a[_-]?(?:real|secret))|xxxx|<[\w-]+>|\*{3,}|\.{3}/i;

export const SECURITY_RULES: readonly LineRule[] = [
  {
    id: "sql-from-variable",
    concern: "security",
    severity: "high",
    confidence: "high",
    reason: "builds a SQL query from a variable: injection risk; use bound parameters",
    languages: "code",
    pattern: STRING_BUILT,
    unless: SAFE_SQL_BUILDERS,
    check: (_match, line) => SQL_TEXT.test(line) || CONTINUATION.test(line),
    near: { pattern: SQL_TEXT, window: 2 },
  },
  {
    id: "sql-raw-unsafe",
    concern: "security",
    severity: "high",
    confidence: "high",
    reason: "passes SQL built from a variable to `{match}`: injection risk; use bound parameters",
    languages: ["js", "python", "ruby", "java", "php", "csharp"],
    pattern:
      /\$(?:query|execute)RawUnsafe\s*\(|\.(?:where|having|order|group|joins|select|from|pluck|find_by_sql|exists\?|delete_all|update_all)\(\s*"[^"]*#\{|\.(?:whereRaw|orWhereRaw|havingRaw|orderByRaw|groupByRaw|joinRaw|raw)\(\s*(?:`[^`]*\$\{|["'][^"']*["']\s*\+)|\.(?:extra|raw)\(\s*(?:where\s*=\s*\[?\s*)?[rR]?[fF]["']|\bRawSQL\s*\(\s*[fF]["']|\bFromSqlRaw\s*\(\s*\$"|\bcreateNativeQuery\s*\(\s*"[^"]*"\s*\+/,
  },
  {
    id: "shell-from-variable",
    concern: "security",
    severity: "high",
    confidence: "high",
    reason: "runs a shell command built from a variable: command injection risk",
    languages: "code",
    pattern:
      /(?<![\w.$])(?:child_process\.|cp\.)?exec(?:Sync)?\s*\(\s*(?:`[^`]*\$\{|["'][^"']*["']\s*\+|[\w.]+\s*\+)|`[^`]*#\{[^`]*`|\b(?:system|exec|spawn|IO\.popen|Open3\.\w+|%x)\s*\(?\s*["'][^"']*#\{|\bos\.(?:system|popen)\s*\(\s*(?:[rR]?[fF]["']|["'][^"']*["']\s*(?:%|\+)|[\w.]+\s*\+)|\bexec\.Command(?:Context)?\([^)]*"(?:\/bin\/)?(?:ba|z|da)?sh"\s*,\s*"-c"|\bRuntime\.getRuntime\(\)\.exec\(\s*(?:"[^"]*"\s*\+|\w+\s*\+)|\bnew\s+ProcessBuilder\([^)]*"(?:ba)?sh"\s*,\s*"-c"|\b(?:shell_exec|passthru|proc_open|popen)\s*\(\s*["'][^"']*\$/,
  },
  {
    id: "shell-true",
    concern: "security",
    severity: "high",
    confidence: "medium",
    reason: "starts a process through a shell (`{match}`): arguments from variables can inject commands",
    languages: ["js", "python"],
    pattern: /\bshell\s*(?::|=)\s*(?:true|True)\b/,
  },
  {
    id: "shell-call",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    reason: "runs a shell command (`{match}`): check where its arguments come from",
    languages: ["python", "ruby", "java", "php"],
    pattern: /\bos\.(?:system|popen)\s*\(|\bsubprocess\.getoutput\s*\(|\bcommands\.getoutput\s*\(|\bRuntime\.getRuntime\(\)\.exec\s*\(|%x[({[]|(?<![\w.])(?:system|shell_exec)\s*\(/,
  },
  {
    id: "shell-eval",
    concern: "security",
    severity: "high",
    confidence: "high",
    reason: "evaluates a variable as shell code (`eval $…`): command injection risk",
    languages: ["shell", "docker", "yaml", "workflow"],
    pattern: /(?:^|[;&|]\s*)eval\s+["']?\$/,
  },
  {
    id: "code-eval",
    concern: "security",
    severity: "high",
    confidence: "high",
    reason: "evaluates code at run time (`{match}`): anything reaching it runs as code",
    languages: ["js", "python", "ruby", "php"],
    pattern:
      /(?<![\w.$])eval\s*\(|\bnew\s+Function\s*\(|\bset(?:Timeout|Interval)\s*\(\s*["'`]|\bvm\.run\w*\s*\(|\b(?:instance_eval|class_eval|module_eval)\s*(?:\(\s*)?["']|\b(?:instance_eval|class_eval|module_eval)\s*\(\s*[a-z_]|\.constantize\b|\bcreate_function\s*\(/,
  },
  {
    id: "python-exec",
    concern: "security",
    severity: "high",
    confidence: "high",
    reason: "executes Python code from a string (`exec`): anything reaching it runs as code",
    languages: ["python"],
    pattern: /(?<![\w.])exec\s*\(|\b__import__\s*\(\s*(?!["'])/,
  },
  {
    id: "unsafe-deserialisation",
    concern: "security",
    severity: "high",
    confidence: "high",
    reason: "deserialises data with `{match}`: untrusted input can run code; use a safe format",
    languages: "code",
    pattern:
      /\b(?:c?[pP]ickle|dill|joblib|marshal|shelve)\.loads?\s*\(|\bjsonpickle\.decode\s*\(|\bMarshal\.load\b|\bnew\s+ObjectInputStream\s*\(|\.readObject\s*\(\s*\)|\bXMLDecoder\b|\bXStream\b[^;]*\.fromXML\s*\(|\benableDefaultTyping\s*\(|JsonTypeInfo\.Id\.CLASS|(?<![\w.])unserialize\s*\(|\bBinaryFormatter\b|\bTypeNameHandling\.(?:All|Auto|Objects)\b|\bnode-serialize\b|\bserialize-javascript\b[^;]*\bunsafe\s*:\s*true/,
  },
  {
    id: "unsafe-yaml-load",
    concern: "security",
    severity: "high",
    confidence: "high",
    reason: "loads YAML with a loader that can build arbitrary objects: use safe_load / SafeLoader",
    languages: ["python", "ruby"],
    pattern: /\byaml\.(?:load|load_all|unsafe_load|full_load)\s*\(|\b(?:YAML|Psych)\.(?:load|unsafe_load|load_stream)\b/,
    unless: /SafeLoader|CSafeLoader|BaseLoader|safe_load|permitted_classes/,
  },
  {
    id: "tls-verification-disabled",
    concern: "security",
    severity: "high",
    confidence: "high",
    reason: "disables TLS certificate verification (`{match}`): man-in-the-middle risk",
    languages: "any",
    pattern:
      /\brejectUnauthorized\s*:\s*false\b|NODE_TLS_REJECT_UNAUTHORIZED["']?\s*(?:=|:)\s*["']?0\b|\bverify\s*=\s*False\b|\bInsecureSkipVerify\s*:\s*true\b|\bVERIFY_NONE\b|\bssl_verify(?:_mode|_peer|_host)?\s*(?:=>|:|=)\s*(?:false|nil|0)\b|\bCERT_NONE\b|\bcheck_hostname\s*=\s*False\b|\bstrictSSL\s*:\s*false\b|\bstrict-ssl\s*(?:=|\s)\s*false\b|\bsslVerify\s*(?:=|\s)\s*false\b|\bcurl\b[^|;]*\s(?:-[a-zA-Z]*k[a-zA-Z]*|--insecure)\b|--no-check-certificate\b|\bTrustAll(?:Certs|Manager|Strategy)\b|\bNoopHostnameVerifier\b|ALLOW_ALL_HOSTNAME_VERIFIER|\bdisable_warnings\s*\(\s*(?:urllib3\.exceptions\.)?InsecureRequestWarning|ServerCertificateValidationCallback\s*=[^;]*\btrue\b|\bCURLOPT_SSL_VERIFY(?:PEER|HOST)\s*,\s*(?:0|false)\b|\bGIT_SSL_NO_VERIFY\b|\bPYTHONHTTPSVERIFY["']?\s*[=:]\s*["']?0\b/,
  },
  {
    id: "weak-hash",
    concern: "security",
    severity: "low",
    confidence: "medium",
    reason: "uses a broken hash (`{match}`): fine for checksums, not for passwords, tokens or signatures",
    languages: "code",
    pattern:
      /\bcreateHash\(\s*["'](?:md5|md4|sha1)["']|\bhashlib\.(?:md5|sha1)\b|\bhashlib\.new\(\s*["'](?:md5|sha1)["']|\bMessageDigest\.getInstance\(\s*"(?:MD5|MD2|SHA-?1)"|\b(?:md5|sha1)\.(?:New|Sum)\b|\bDigest::(?:MD5|SHA1)\b|(?<![\w.])(?:md5|sha1)\s*\(|\bDigestUtils\.(?:md5|sha1)\w*\(|\b(?:MD5|SHA1)\.Create\s*\(|\bMD5CryptoServiceProvider\b/,
    escalate: {
      pattern: /passw|passwd|\bpwd\b|secret|token|credential|signature|\bsign\w*\(|\bhmac\b|api[_-]?key/i,
      window: 2,
      severity: "high",
      reason: "hashes a password, secret or signature with a broken hash (`{match}`): use bcrypt/scrypt/argon2 or SHA-256+",
    },
  },
  {
    id: "weak-cipher",
    concern: "security",
    severity: "high",
    confidence: "high",
    reason: "uses a broken cipher or ECB mode (`{match}`): encrypted data can be read or forged",
    languages: "code",
    pattern:
      /["'](?:des|des-ede3?|des-ede3?-cbc|des-cbc|des-ecb|rc4|rc2|bf|bf-cbc|bf-ecb|aes-\d+-ecb)["']|\b(?:DES|DESede|TripleDES|RC4|RC2|Blowfish)(?:\/\w+\/\w+)?"|"AES(?:\/ECB\/\w+)?"|\bMODE_ECB\b|\bCipherMode\.ECB\b|\bcreateCipher\s*\(|\b(?:DES|DES3|ARC4|ARC2|Blowfish)\.new\s*\(|\bdes\.NewCipher\b|\bdes\.NewTripleDESCipher\b|\brc4\.NewCipher\b|\bcipher\.NewECB\w*\b/,
  },
  {
    id: "insecure-random",
    concern: "security",
    severity: "high",
    confidence: "medium",
    codeOnly: true,
    reason: "makes a token or secret with a non-cryptographic random (`{match}`): it can be predicted",
    languages: "code",
    pattern:
      /\bMath\.random\s*\(|\brandom\.(?:random|randint|choice|choices|randrange|getrandbits|sample|uniform)\s*\(|\brand\.(?:Intn|Int63n?|Int31n?|Float64|Uint32|Uint64|Seed)\s*\(|\bnew\s+Random\s*\(|(?<![\w.:])rand\s*\(|\bRandom\.(?:rand|new)\b|\bmt_rand\s*\(|\buniqid\s*\(|\bRandomStringUtils\.random\w*\(/,
    near: {
      pattern:
        /token|secret|passw|nonce|\bsalt|\botp\b|api[_-]?key|secret[_-]?key|private[_-]?key|session[_-]?id|sessionId|\bcsrf|xsrf|reset[_-]?(?:code|link|token)|verif\w*[_-]?code|invite[_-]?code|one[_-]?time/i,
      window: 3,
    },
  },
  {
    id: "secret-token",
    concern: "security",
    severity: "high",
    confidence: "high",
    reason: "adds what looks like a live credential (`{match}`): it is now in the repository's history; revoke and rotate it",
    languages: "all",
    tests: "also",
    alsoReads: ["docs", "example", "fixture"],
    comments: true,
    // Provider formats only: these are issued, not made up, so even a test or a README leaks them.
    pattern:
      /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{40,}|\bxox[abposr]-[0-9]{6,}-[A-Za-z0-9-]{10,}|\b[sr]k_live_[0-9a-zA-Z]{20,}|\bAIza[0-9A-Za-z_-]{35}\b|hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+|\bnpm_[A-Za-z0-9]{36}\b|\bglpat-[A-Za-z0-9_-]{20,}|\bSG\.[\w-]{22}\.[\w-]{43}\b|\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}\b/,
    unless: /EXAMPLE|example|dummy|fake|placeholder|x{8,}|X{8,}|0{8,}|1234567890/,
  },
  {
    id: "token-literal",
    concern: "security",
    severity: "medium",
    confidence: "low",
    reason: "adds a signed token or key material in source code (`{match}`): is it a real credential?",
    languages: "code",
    comments: false,
    pattern: /\beyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}|-----BEGIN (?:[A-Z]+ )?PRIVATE KEY(?: BLOCK)?-----(?:\\[rn]|\s)+[A-Za-z0-9+/]{40,}/,
  },
  {
    id: "private-key",
    concern: "security",
    severity: "high",
    confidence: "medium",
    reason: "adds a private key: it is now in the repository's history; revoke it and load keys from a secret store",
    languages: "all",
    comments: true,
    pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY(?: BLOCK)?-----\s*["'`]?\s*$/,
    followedBy: /^\s*["'`]?[A-Za-z0-9+/]{40,}={0,2}\s*(?:\\n)?["'`]?\s*[,+;]?\s*$/,
  },
  {
    id: "hard-coded-secret",
    concern: "security",
    severity: "high",
    confidence: "medium",
    reason: "hard-codes a secret (`{match}`): move it to the environment or a secret store, and rotate it",
    languages: "any",
    comments: true,
    pattern:
      /(?:secret|passw(?:or)?d|passwd|\bpwd|api[_-]?key|apikey|access[_-]?key|auth[_-]?token|access[_-]?token|refresh[_-]?token|bearer|private[_-]?key|client[_-]?secret|signing[_-]?key|encryption[_-]?key)\w*["']?\s*(?:[:=]|:=|=>)\s*[rb]?["']([^"'\s]{8,})["']/i,
    unless: PLACEHOLDER,
    check: (match) => isLikelySecretValue(match[1] ?? ""),
  },
  {
    id: "env-secret",
    concern: "security",
    severity: "high",
    confidence: "medium",
    reason: "sets a secret in plain text (`{match}`): use the platform's secret store",
    languages: ["env", "docker", "shell", "yaml", "workflow", "toml"],
    comments: false,
    pattern:
      /^\s*(?:-\s+)?(?:export\s+|ENV\s+|ARG\s+)?["']?[A-Za-z0-9_]*(?:SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?)[A-Za-z0-9_]*["']?\s*[=:]\s*["']?([^\s"'$#{]{8,})/i,
    unless: PLACEHOLDER,
    check: (match) => isLikelySecretValue(match[1] ?? ""),
  },
  {
    id: "credentials-in-url",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    reason: "puts a password in a connection URL (`{match}`): it ends up in logs and history",
    languages: "any",
    comments: true,
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/"'`$]+:([^\s@/"'`$]{3,})@[\w.-]+/i,
    unless: /\$\{|\$\(|\{\{|%\(|<[\w-]+>|:\*+@|:(?:password|pass|secret|pwd|changeme|xxx+)@|example/i,
  },
  {
    id: "auth-weakened",
    concern: "security",
    severity: "high",
    confidence: "high",
    reason: "weakens an authentication or CSRF check (`{match}`): who can now reach this?",
    languages: "code",
    pattern:
      /\bskip_before_action\s+:(?:\w*auth\w*|verify_authenticity_token|require_login)|@PermitAll\b|\[AllowAnonymous\]|\bAllowAnonymous\b|permission_classes\s*=\s*[[(]\s*AllowAny|@csrf_exempt\b|\bcsrf\(\)\s*\.\s*disable\(\)|\bcsrf\s*:\s*false\b|\bprotect_from_forgery\s+with:\s*:null_session|\bverify_signature["']?\s*:\s*False|\bjwt\.decode\([^)]*verify\s*=\s*False|algorithms?\s*[=:]\s*\[?\s*["']none["']|\bignoreExpiration\s*:\s*true|\bverify_exp["']?\s*:\s*False|\bauth\s*:\s*false\b|\.permitAll\s*\(\s*\)/,
  },
  {
    id: "auth-code",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    reason: "changes authentication, session or permission logic (`{match}`): check who can do what afterwards",
    languages: "code",
    pattern:
      /\b(?:authenticat\w*|authori[sz](?:e\w*|ation\w*|ing)|isAdmin|is_admin|isSuperuser|is_superuser|is_staff|hasRole|has_role|hasAnyRole|hasPermission|has_permission|hasAccess|checkPermission|check_permission|can_access|requireAuth|require_auth|requireLogin|login_required|permission_required|permission_classes|PreAuthorize|PostAuthorize|RolesAllowed|Secured|before_action\s+:authenticate\w*|verifyToken|verify_token|jwt\.(?:sign|verify|decode)|jsonwebtoken|passport\.\w+|req\.session|request\.session|session\[["':]|\bsession\.(?:regenerate|destroy|invalidate)|setCookie|Set-Cookie|res\.cookie\s*\(|cookies\.set\s*\(|httpOnly|sameSite|csrf\w*|xsrf\w*|bcrypt\w*|scrypt|argon2|pbkdf2\w*|hash_?password|password_?hash|check_?password|verify_?password|compare_?password|impersonat\w*|privilege\w*|current_user\.(?:admin|role)|user\.(?:role|isAdmin|is_admin|permissions))/i,
  },
  {
    id: "cors-wildcard",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    reason: "allows any origin for cross-origin requests (`{match}`): check which data other sites can read",
    languages: "any",
    pattern:
      /Access-Control-Allow-Origin["']?\s*[,:=]\s*["']\*["']|Access-Control-Allow-Origin\s+["']?\*|\borigins?["']?\s*:\s*(?:["']\*["']|true\b|\[\s*["']\*["']\s*\])|CORS_(?:ORIGIN_)?ALLOW_ALL(?:_ORIGINS)?\s*=\s*True|\bAllowAllOrigins\s*:\s*true|\bAllowOrigins\s*:\s*\[\]string\{\s*"\*"|\ballowedOrigin(?:s|Patterns)\(\s*"\*"|@CrossOrigin(?:\(\s*(?:origins\s*=\s*)?"\*"\s*\))?(?![\w(])|\borigins\s+["']\*["']|\bcors\(\s*\)|\bAllowAnyOrigin\s*\(/,
    escalate: {
      pattern: /credentials["']?\s*[:=]\s*(?:true|True)|AllowCredentials|allow_credentials|supports_credentials|Allow-Credentials/i,
      window: 4,
      severity: "high",
      reason: "allows any origin together with credentials (`{match}`): other sites can act as the user",
    },
  },
  {
    id: "untrusted-regex",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    reason: "builds a regular expression from input (`{match}`): escape it, and beware of catastrophic backtracking",
    languages: "code",
    pattern: /\bnew\s+RegExp\s*\(\s*(?!["'`/])|\bre\.compile\s*\(\s*(?![rR]?["'])|\bregexp\.(?:MustCompile|Compile)\s*\(\s*(?!["`])|\bPattern\.compile\s*\(\s*(?!")|\bRegexp\.new\s*\(\s*(?!["'/])/,
    near: { pattern: UNTRUSTED, window: 3 },
  },
  {
    id: "open-redirect",
    concern: "security",
    severity: "medium",
    confidence: "high",
    reason: "redirects to a URL taken from the request (`{match}`): open redirect; allow-list destinations",
    languages: "code",
    pattern: /\b(?:res\.redirect|redirect_to|redirect|HttpResponseRedirect|sendRedirect|http\.Redirect|RedirectResponse)\s*\(?\s*[^)]*\b(?:req\.(?:query|body|params)|request\.(?:GET|args|params|query_params|form)|params\[|getParameter\(|r\.URL\.Query\(\))/,
  },
  {
    id: "xss-sink",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    reason: "writes raw HTML (`{match}`): cross-site scripting if any part comes from users",
    languages: ["js", "python", "ruby", "php", "java", "go"],
    pattern: /\bdangerouslySetInnerHTML\b|\.innerHTML\s*[+]?=(?!\s*["'`]\s*["'`;])|\.outerHTML\s*=|\bdocument\.write\s*\(|\bv-html\b|\|\s*safe\b|\bmark_safe\s*\(|\.html_safe\b|(?<![\w.])raw\s*\(|\btemplate\.HTML\s*\(|\binsertAdjacentHTML\s*\(/,
  },
  {
    id: "path-from-input",
    concern: "security",
    severity: "medium",
    confidence: "high",
    reason: "opens a file path built from request input (`{match}`): path traversal; normalise and confine it",
    languages: "code",
    pattern: /\b(?:readFile(?:Sync)?|createReadStream|sendFile|open|os\.Open|File\.(?:read|open)|Files\.\w+|send_file|FileInputStream|path\.join|path\.resolve|os\.path\.join|filepath\.Join)\s*\(/,
    check: (_match, line) => UNTRUSTED.test(line) && !/\bpath\.basename\(|secure_filename\(|filepath\.Base\(/.test(line),
  },
];

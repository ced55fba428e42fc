// Security rules for the logic that guards a trust boundary, in files whose names say nothing:
// redirect and outbound targets, origin and host checks, credential headers across redirects,
// proxy headers, response headers and markup built from variables, path containment, regular
// expressions open to backtracking, code evaluation beyond eval(), prototype pollution, key and
// algorithm handling, allow-lists, and lengths read from the peer. They ask the reviewer to check
// the logic; they do not claim a vulnerability, so most are of medium confidence.

import type { LineRule } from "./line-rule.js";

/** Values a client controls: request objects, proxy headers, the Referer. */
export const REQUEST_INPUT =
  /\b(?:req|request|ctx\.request|params|query|body|headers|cookies|form)\s*(?:\.|\[)|\bctx\.(?:get|query|params|host|href|header)\b|\br\.(?:URL|Form|Host|Header|FormValue|PostFormValue)\b|\bc\.(?:Param|Query|FormValue|Request\(\))|getParameter\(|getHeader\(|\$_(?:GET|POST|REQUEST|COOKIE|SERVER)\b|\bparams\[|\bReferr?er\b|X-Forwarded-(?:For|Proto|Host)|\brequest\.(?:args|form|GET|POST|META|host|url|path)\b/i;

/** A string literal as the whole argument, maybe followed by constant arguments (Go's status code). */
const LITERAL_ONLY_ARGUMENT = /^\s*["'`][^"'`$#{}+]*["'`]\s*(?:,\s*[\w.]+\s*)*\)/;

export const TRUST_BOUNDARY_RULES: readonly LineRule[] = [
  {
    id: "redirect-target",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    reason: "redirects to a computed target (`{match}`): can a client make it point off-site (`//host`, `/\\host`, a full URL)?",
    withInput: { confidence: "high", reason: "redirects to a target taken from the request (`{input}`): a client can send users off-site (`//host`, `/\\host`, a full URL); allow-list or compare origins" },
    languages: "code",
    pattern:
      /\b(?:redirect|redirect_to|sendRedirect|Redirect|RedirectResponse|HttpResponseRedirect|redirectTo)\s*\(\s*(?:[\w.]+\s*,\s*)*|(?:setHeader|set|header|Header\(\)\.Set|withHeader|add_header)\s*\(\s*["']Location["']\s*,\s*|\bheader\s*\(\s*["']Location:\s*["']\s*\.\s*/,
    check: (match, line) => !LITERAL_ONLY_ARGUMENT.test(line.slice(match.index + match[0].length)) && !/^\s*\)/.test(line.slice(match.index + match[0].length)),
    escalate: {
      pattern: REQUEST_INPUT,
      window: 3,
      severity: "medium",
      reason: "redirects to a target built from the request (`{match}`): a client can send users off-site (`//host`, `/\\host`, a full URL); allow-list or compare origins",
    },
  },
  {
    id: "outbound-request-from-input",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    reason: "sends a request to a URL built from the request (`{match}`): a client can aim it at internal hosts (SSRF); allow-list hosts and schemes",
    languages: "code",
    pattern:
      /\b(?:fetch|got|axios(?:\.(?:get|post|put|delete|request))?|needle|superagent\.(?:get|post)|https?\.(?:get|request)|requests\.(?:get|post|put|delete|head|request)|httpx\.(?:get|post|request)|urlopen|http\.(?:Get|Post|Head|NewRequest(?:WithContext)?)|Net::HTTP\.(?:get|post|start)|URI\.open|HttpRequest\.newBuilder|restTemplate\.\w+|curl_init|file_get_contents)\s*\(/,
    check: (match, line) => REQUEST_INPUT.test(line.slice(match.index)),
  },
  {
    id: "origin-check",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    reason: "decides by host, origin, scheme or port (`{match}`): are case, ports, `//` and `\\` prefixes, and scheme downgrades handled?",
    languages: "code",
    pattern:
      /\b(?:host|hostname|origin|scheme|protocol|port|netloc|authority)(?:\(\))?\s*(?:===?|!==?)|(?:===?|!==?)\s*[\w.$>()-]*\b(?:host|hostname|origin|scheme|protocol|port)\b(?:\(\))?|\b(?:getHost|getScheme|getPort|getAuthority|getProtocol)\s*\(\s*\)\s*(?:===?|!==?|\)\s*(?:===?|!==?))|\bstrcasecmp\s*\([^)]*(?:Host|Scheme)\(|\bis_same_host\b|\bsame_?origin\b|\bisSameOrigin\b|\bSameOrigin\b|\.(?:startsWith|startswith|start_with\?|HasPrefix)\s*\(\s*["'](?:\/|\\\\|https?:|\/\/|[a-z-]+:)/i,
  },
  {
    id: "credential-header-forwarding",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    reason: "changes which credential headers are sent or stripped (`{match}`): do `Cookie`, `Proxy-Authorization` and case variants stay behind on a cross-origin redirect?",
    languages: "code",
    pattern: /["'](?:Authorization|Proxy-Authorization|Cookie|Set-Cookie)["']/i,
    near: { pattern: /redirect|remove|strip|sensitive|header|forward|blacklist|blocklist|denylist/i, window: 3 },
  },
  {
    id: "proxy-header-trust",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    reason: "trusts a client-supplied header (`{match}`) for identity, scheme, host or a redirect: only behind a proxy that overwrites it",
    languages: "code",
    pattern: /X-Forwarded-(?:For|Proto|Host|Port|Prefix)|X-Real-IP|\b(?:get|header|getHeader)\s*\(\s*["']Referr?er["']|\br\.Host\b|\breq\.(?:host|hostname)\b|\brequest\.host\b|HTTP_X_FORWARDED|HTTP_REFERER/i,
  },
  {
    id: "header-from-variable",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    reason: "sets a response header from a variable (`{match}`): CR/LF, quotes and `;` in it can split or inject headers",
    withInput: { confidence: "high", reason: "sets a response header from request input (`{input}`): CR/LF, quotes and `;` in it can split or inject headers" },
    languages: "code",
    pattern:
      /Content-Disposition|\b(?:setHeader|addHeader|set_header|add_header|writeHead)\s*\(\s*["'][\w-]+["']\s*,(?!\s*["'`][^"'`$#{}+]*["'`]\s*\))|\bHeader\(\)\.(?:Set|Add)\(\s*"[\w-]+"\s*,(?!\s*"[^"]*"\s*\))|\bheader\s*\(\s*["'][\w-]+:\s*["']\s*\./,
    unless: /["']Location["']|Location:/,
  },
  {
    id: "markup-from-variable",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    reason: "builds markup from a variable (`{match}`): is every value escaped for HTML (and for the attribute it lands in)?",
    withInput: { confidence: "high", reason: "builds markup from request input (`{input}`): escape it for HTML and for the attribute it lands in" },
    languages: ["js", "python", "ruby", "php", "java", "go", "csharp"],
    pattern: /["'`][^"'`]*<\/?[a-zA-Z][\w-]*(?:\s[^"'`<>]*)?>?[^"'`]*["'`]\s*(?:\+|\.(?!\w)|%\s*[\w(])|(?:\+|\.\s)\s*["'`][^"'`]*<\/?[a-zA-Z][\w-]*[\s>]|`[^`]*<[a-zA-Z][^`]*\$\{|\bf["'][^"']*<[a-zA-Z][^"']*\{|\bfmt\.Sprintf\(\s*"[^"]*<[a-zA-Z][^"]*%[sv]/,
    unless: /\b(?:escape|escapeHtml|escapeHTML|html\.escape|htmlspecialchars|sanitize|h\()|console\.|logger\.|\blog\.|assert|expect\(/,
  },
  {
    id: "path-containment",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    reason: "checks that a path stays inside a directory (`{match}`): compare whole components of resolved paths (symlinks, `..`, case, a sibling like `/static2`)",
    languages: "code",
    pattern:
      /\bcommon(?:prefix|path)\s*\(|\brealpath\s*\(|\bfilepath\.(?:Rel|Clean|EvalSymlinks)\s*\(|\bpath\.(?:relative|normalize)\s*\(|\bnormpath\s*\(|\bgetCanonicalPath\s*\(|\btoRealPath\s*\(|\.normalize\(\)\s*\.startsWith\(|["']\.\.["']|\.\.\//,
    near: { pattern: /\b(?:path|dir|directory|root|base|file|filename|folder)\w*\b/i, window: 2 },
  },
  {
    id: "backtracking-regex",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    reason: "adds a regular expression with nested or overlapping repetition (`{match}`): long crafted input can make it backtrack for seconds (ReDoS)",
    languages: "code",
    pattern: /\((?:\?:)?(?:[^()]|\\.)*(?:[+*]|\{\d+,\})\)(?:[+*]|\{\d+,\})|(?:\\s|\[[^\]]*\]|\.)[*+](?:\\s|\[[^\]]*\]|\.|\s)[*+]|\((?:\?:)?(?:\\.|\[[^\]]+\])\|[^()]*\)[+*]/,
    check: (_match, line) => /\/[^/\s].*\/[gimsuy]*|re\.(?:compile|match|search|sub|findall)|RegExp\(|regexp\.|Pattern\.compile|Regexp\.new|preg_\w+\(|%r\{|=~/.test(line),
  },
  {
    id: "code-eval-extended",
    concern: "security",
    severity: "high",
    confidence: "medium",
    reason: "evaluates code or an expression language (`{match}`): can anything user-controlled reach it?",
    languages: "code",
    pattern:
      /\bScriptEngine(?:Manager)?\b|\bGroovyShell\b|\bSpelExpressionParser\b|\bparseExpression\s*\(|\bOgnl\.\w+\(|\bMVEL\.\w+\(|\bVelocity\.evaluate\s*\(|\bELProcessor\b|\bExpressionFactory\b|\.\s*eval\s*\(|\bTemplate\s*\(\s*(?!["'])|\bcompile\s*\(\s*(?:template|tpl|source|src)\b/,
    unless: /\bpage\.evaluate\b|\.eval\(\s*\)/,
  },
  {
    id: "generated-source",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    reason: "adds to generated code from a value (`{match}`): can an option or input inject code there? check it is a valid identifier or escaped",
    languages: ["js", "python", "ruby", "php"],
    pattern: /\b(?:src|source|prepended|appended|code|fn|body|template)\s*\+=\s*["'`][^"'`]*["'`]\s*\+\s*[\w.]+|\b(?:IDENTIFIER|identifier)\w*\.test\s*\(/,
  },
  {
    id: "prototype-pollution",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    codeOnly: true,
    reason: "writes a property named by a variable (`{match}`): a key like `__proto__` or `constructor` pollutes every object",
    languages: ["js"],
    pattern: /\b[\w$]+\[\s*[\w$.]+\s*\]\s*=(?!=)|__proto__|\bconstructor\b\s*\]|["']prototype["']/,
    check: (_match, line) => !/\[\s*(?:\d+|i|j|k|n|idx|index|len|length|[\w$.]+\.length\s*-\s*1)\s*\]\s*=/.test(line),
    near: { pattern: /\b(?:merge|extend|assign|deep|set|path|key|keys|clone|copy|defaults|parse|unflatten)\w*\b/i, window: 3 },
  },
  {
    id: "key-handling",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    reason: "changes how keys, secrets or algorithms are accepted (`{match}`): are empty, short or wrong-type keys refused, and can one key serve two algorithm families?",
    languages: "code",
    pattern:
      /\b(?:hmac|HMAC)\w*\b|\bprepare_key\b|\b(?:is_pem|is_ssh|pem_format|ssh_key)\w*|\b(?:secret|key|signing_key|verification_key|verify_key)\s*(?:\|\|=|\?\?=|\|\||or)\s*["'{[]|\b(?:key|secret)\.(?:nil\?|empty\?|blank\?)|\bif\s+not\s+(?:key|secret)\b|\b(?:key|secret)\s*(?:==|is)\s*(?:nil|None|null|"")|\blen\((?:key|secret)\)|\b(?:alg|algorithm|algorithms)\s*(?:===?|!==?|in\b|not in\b)|\bsecure_compare\b|\bcompare_digest\b|\btimingSafeEqual\b|\bConstantTimeCompare\b|\bMessageDigest\.isEqual\b/,
  },
  {
    id: "allow-list-edit",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    reason: "changes what a sanitizer, sandbox or allow-list lets through (`{match}`): what can now pass that should not?",
    languages: "code",
    pattern:
      /\b\w*(?:allowed|whitelist|allowlist|blacklist|blocklist|denylist|disallowed|banned|forbidden|unsafe|trusted)\w*(?:Tags|Attributes|Schemes|Protocols|Hosts|Hostnames|Origins|Domains|Headers|Methods|Substrings|Urls|URLs|_tags|_attributes|_schemes|_protocols|_hosts|_headers|_methods|_urls)\b|\b(?:is|check)_?[Ss]andbox\w*|\bcheckSecurity\s*\(|\bisSandboxed\b|\bsandbox(?:ed)?\s*[:=]|\b(?:sanitize|sanitise|escape)[A-Z]\w*\s*\(|\bstripControlChars\b|\bnaughty\w*\b/,
  },
  {
    id: "length-from-peer",
    concern: "security",
    severity: "medium",
    confidence: "medium",
    codeOnly: true,
    reason: "uses a length or count read from the peer (`{match}`): is it bounded, can it overflow or go negative, before anything is allocated or read?",
    languages: ["go", "java", "js", "python", "rust", "c", "csharp"],
    pattern:
      /\bbinary\.(?:BigEndian|LittleEndian)\.Uint(?:16|32|64)\s*\(|\bread(?:U?Int|BigU?Int)(?:8|16|32|64)(?:BE|LE)?\s*\(|\bstruct\.unpack\s*\(|\bByteBuffer\.\w*\.get(?:Int|Long|Short)\s*\(|\b(?:readRemaining|readLength|contentLength|frameLength|payloadLen\w*)\s*(?:[-+]=|<\s*0|>\s*\w*(?:max|Max|MAX|limit|Limit))/,
  },
];

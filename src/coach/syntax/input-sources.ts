// What request input looks like in each language: handler parameters, the expressions that read a
// request (query, body, form, headers, cookies), and header names a client controls. Matched on masked
// code (string contents blanked), so a word inside a string or comment never counts.

import type { Language } from "../risk/detect-file-kind.js";
import type { SyntaxParameter } from "./file-syntax.js";

const REQUEST = String.raw`\b(?:req|request|ctx\.request)\s*\.\s*`;

const EXPRESSIONS: Partial<Record<Language, RegExp[]>> = {
  js: [
    new RegExp(`${REQUEST}(?:query|body|params|headers|cookies|signedCookies|hostname|ip|ips|originalUrl|url|path|files?|host|search|searchParams|nextUrl)\\b`),
    new RegExp(`${REQUEST}(?:get|header|param|json|formData|text)\\s*\\(`),
    /\bctx\s*\.\s*(?:query|querystring|params|headers|ip|host|href|originalUrl)\b|\bctx\s*\.\s*(?:get|cookies\s*\.\s*get)\s*\(/,
    /\bevent\s*\.\s*(?:queryStringParameters|multiValueQueryStringParameters|pathParameters|body|headers|cookies)\b/,
    /\b(?:window\.)?location\s*\.\s*(?:search|hash|href)\b/,
    /\bdocument\s*\.\s*(?:cookie|referrer|URL|location)\b/,
    /\buseSearchParams\s*\(/,
  ],
  python: [
    /\brequest\s*\.\s*(?:args|form|values|json|get_json|data|get_data|files|headers|cookies|GET|POST|META|COOKIES|FILES|body|query_params|path_params|query_string|environ|url|base_url|host|host_url|full_path|remote_addr|referrer|stream)\b/,
    /\bself\s*\.\s*(?:get_argument|get_arguments|get_query_argument|get_body_argument|get_cookie)\s*\(/,
    /\bself\s*\.\s*request\s*\.\s*(?:arguments|body|headers|query|uri|cookies)\b/,
  ],
  go: [
    /\.\s*URL\s*\.\s*(?:Query\s*\(\s*\)|RawQuery|Path|RawPath)/,
    /\.\s*(?:FormValue|PostFormValue|FormFile|Cookie|Referer)\s*\(/,
    /\.\s*Header\s*\.\s*(?:Get|Values)\s*\(/,
    /\b(?:c|ctx)\s*\.\s*(?:Query|DefaultQuery|QueryParam|QueryParams|Param|Params|PostForm|DefaultPostForm|GetHeader|ShouldBind\w*|Bind\w*)\s*\(/,
    /\b(?:mux\.Vars|chi\.URLParam)\s*\(/,
  ],
  java: [
    /\.\s*(?:getParameter|getParameterValues|getParameterMap|getParameterNames|getHeader|getHeaders|getQueryString|getCookies|getRequestURI|getRequestURL|getPathInfo|getInputStream|getReader|getPart|getParts)\s*\(/,
  ],
  ruby: [
    /\bparams\b/,
    /\brequest\s*\.\s*(?:params|query_parameters|request_parameters|path_parameters|headers|body|raw_post|query_string|referer|referrer|remote_ip|host|url|fullpath|path|cookies|env|original_url)\b/,
    /\bcookies\s*(?:\.signed|\.encrypted)?\s*\[/,
  ],
  php: [
    /\$_(?:GET|POST|REQUEST|COOKIE|SERVER|FILES|ENV)\b/,
    /\$request\s*->\s*(?:get|input|query|post|all|header|headers|cookie|cookies|file|json|getContent|request|server|only|except|getUri|getQueryString|getPathInfo)\b/,
    /\bfilter_input(?:_array)?\s*\(/,
    /\b(?:Input|Request)\s*::\s*(?:get|input|query|all|header|cookie)\s*\(/,
  ],
  csharp: [/\b(?:Request|HttpContext\s*\.\s*Request)\s*\.\s*(?:Query|QueryString|Form|Headers|Cookies|Body|Params|RawUrl|Url|Path|Host|ServerVariables|RouteValues)\b/],
  rust: [/\.\s*(?:query_string|match_info)\s*\(\s*\)/, /\.\s*headers\s*\(\s*\)\s*\.\s*get\s*\(/],
};

/** Parameter declarations that hand a function request input, by type or annotation. */
const INPUT_PARAMETER_TEXT: Partial<Record<Language, RegExp>> = {
  js: /:\s*(?:express\.)?(?:Request|NextRequest|FastifyRequest|IncomingMessage|APIGatewayProxyEvent\w*)\b/,
  python: /:\s*(?:Request|HttpRequest|WSGIRequest)\b|=\s*(?:Query|Body|Form|Header|Cookie|File|Path)\s*\(/,
  // Framework contexts (gin, echo, fiber) also write the response: only their reads count, as expressions.
  go: /\*\s*http\.Request\b/,
  java: /\b(?:HttpServletRequest|ServletRequest|ServerHttpRequest|ServerRequest|WebRequest|HttpRequest|MultipartFile)\b|@(?:RequestParam|PathVariable|RequestBody|RequestHeader|CookieValue|ModelAttribute|RequestPart|QueryParam|PathParam|FormParam|HeaderParam|CookieParam|MatrixParam)\b/,
  php: /\b(?:Request|ServerRequestInterface|RequestInterface)\s+\$/,
  csharp: /\[\s*From(?:Query|Body|Form|Route|Header)\b|\bHttpRequest\b/,
  rust: /\b(?:web\s*::\s*)?(?:Query|Json|Form|Path|Multipart)\s*<|\bHttpRequest\b|\bHeaderMap\b|\bRequest\s*</,
};

/** Parameter names that mean "the request" in handler code. */
const INPUT_PARAMETER_NAMES: Partial<Record<Language, RegExp>> = {
  js: /^(?:req|request)$/,
  python: /^request$/,
  ruby: /^(?:request|params)$/,
  php: /^\$(?:request|req)$/,
  java: /^(?:req|request)$/,
};

/** Header names (and CGI variables) a client or proxy sets, so their values prove nothing. */
const CLIENT_HEADER =
  /^(?:x-forwarded-(?:for|proto|protocol|host|port|prefix|server|ssl|scheme)|x-real-ip|x-client-ip|x-cluster-client-ip|true-client-ip|cf-connecting-ip|x-original-(?:url|host|forwarded-for)|x-rewrite-url|x-host|forwarded|referr?er|http_(?:x_forwarded_\w+|x_real_ip|client_ip|forwarded|referer|x_original_url))$/i;

/** Stream names that read the raw request body. */
const INPUT_STREAM = /^php:\/\/input$/i;

/** The request-input expressions in masked code (`req.query`, `request.args`, `r.FormValue(`, `$_GET`…), in order. */
export function findInputExpressions(code: string, language: Language): string[] {
  const patterns = EXPRESSIONS[language];
  if (!patterns) return [];
  const found: string[] = [];
  for (const pattern of patterns) {
    const match = pattern.exec(code);
    if (match) found.push(match[0].replace(/\s+/g, ""));
  }
  return found;
}

/** Whether a parameter carries request input: a handler's request by name, type or annotation. */
export function isInputParameter(parameter: SyntaxParameter, language: Language): boolean {
  if (INPUT_PARAMETER_NAMES[language]?.test(parameter.name)) {
    // Go's `ctx context.Context` and similar are not requests, whatever the name.
    return !/\bcontext\.Context\b|\bCancellationToken\b/.test(parameter.text);
  }
  return INPUT_PARAMETER_TEXT[language]?.test(parameter.text) ?? false;
}

/** Whether a string literal names a header or CGI variable the client controls (X-Forwarded-For, Referer…), or the raw body stream. */
export function isClientHeaderName(text: string): boolean {
  const trimmed = text.trim();
  return CLIENT_HEADER.test(trimmed) || INPUT_STREAM.test(trimmed);
}

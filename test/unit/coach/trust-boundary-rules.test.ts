import { describe, expect, it } from "@jest/globals";
import { addedFile, itFiresAndStaysQuiet, profileOf, type FiringCase, type QuietCase } from "./risk-fixtures.js";

/** Each case: a new file in a path that says nothing; the rule must fire on that (1-based) line. */
const FIRES: FiringCase[] = [
  // redirect-target
  ["JS redirect with a status", "src/web/login.ts", ["const next = String(req.query.next ?? \"/\");", "res.redirect(302, next);"], "redirect-target", 2],
  ["Python redirect to a variable", "app/views/session.py", ["def finish(request):", "    return redirect(next_url)"], "redirect-target", 2],
  ["Go http.Redirect to a variable", "internal/web/handler.go", ["http.Redirect(w, r, target, http.StatusFound)"], "redirect-target", 1],
  ["Java sendRedirect", "src/main/java/web/LoginServlet.java", ["response.sendRedirect(returnUrl);"], "redirect-target", 1],
  ["Ruby redirect_to with parentheses", "app/controllers/sessions_controller.rb", ["redirect_to(session.delete(:return_to))"], "redirect-target", 1],
  ["PHP Location header concatenated", "web/login.php", ["header(\"Location: \" . $next);"], "redirect-target", 1],
  ["Location set from a variable", "src/web/proxy.ts", ["res.setHeader(\"Location\", upstream.headers.location);"], "redirect-target", 1],
  // origin-check
  ["JS origin comparison", "src/web/messages.ts", ["if (event.origin !== expectedOrigin) return;"], "origin-check", 1],
  ["Python netloc comparison", "app/util/urls.py", ["if urlparse(url).netloc != request.host:"], "origin-check", 1],
  ["Go host comparison", "internal/web/csrf.go", ["if u.Host != r.Host {"], "origin-check", 1],
  ["Java port comparison", "src/main/java/net/Links.java", ["if (uri.getPort() != 443) {"], "origin-check", 1],
  ["Ruby host equality", "app/models/link.rb", ["return false unless uri.host == request.host"], "origin-check", 1],
  ["PHP host variable", "web/lib/urls.php", ["if ($host !== $allowedHost) {"], "origin-check", 1],
  ["startsWith a scheme", "src/web/links.ts", ["if (!url.startsWith(\"https:\")) throw new Error(\"insecure\");"], "origin-check", 1],
  // credential-header-forwarding
  ["JS header removed on redirect", "src/http/follow.ts", ["if (nextHost !== currentHost) {", "  delete options.headers[\"cookie\"];", "}"], "credential-header-forwarding", 2],
  ["Python rebuild_auth", "app/http/session.py", ["def rebuild_auth(self, prepared, response):", "    headers = prepared.headers", "    del headers[\"Cookie\"]"], "credential-header-forwarding", 3],
  ["Go Header.Del", "internal/client/redirect.go", ["req.Header.Del(\"Cookie\")"], "credential-header-forwarding", 1],
  ["Java removeHeader", "src/main/java/http/Redirects.java", ["request.removeHeader(\"Cookie\");"], "credential-header-forwarding", 1],
  ["Ruby strip on redirect", "lib/http/follower.rb", ["headers.delete(\"Cookie\") if redirect_host != original_host"], "credential-header-forwarding", 1],
  ["PHP unset forwarded cookie", "src/Http/Forwarder.php", ["unset($headers['Cookie']); // not forwarded"], "credential-header-forwarding", 1],
  // proxy-header-trust
  ["JS X-Forwarded-For", "src/web/ip.ts", ["const ip = req.headers[\"x-forwarded-for\"] || req.socket.remoteAddress;"], "proxy-header-trust", 1],
  ["Python HTTP_X_FORWARDED_FOR", "app/middleware/ip.py", ["client_ip = request.META.get(\"HTTP_X_FORWARDED_FOR\")"], "proxy-header-trust", 1],
  ["Go X-Real-IP", "internal/web/ip.go", ["ip := r.Header.Get(\"X-Real-IP\")"], "proxy-header-trust", 1],
  ["Java X-Forwarded-Proto", "src/main/java/web/Scheme.java", ["String proto = request.getHeader(\"X-Forwarded-Proto\");"], "proxy-header-trust", 1],
  ["Ruby X-Forwarded-Host", "app/controllers/base_controller.rb", ["host = request.headers[\"X-Forwarded-Host\"]"], "proxy-header-trust", 1],
  ["PHP HTTP_REFERER", "web/back.php", ["$back = $_SERVER['HTTP_REFERER'];"], "proxy-header-trust", 1],
  // header-from-variable
  ["JS setHeader from a variable", "src/web/files.ts", ["res.setHeader(\"Content-Type\", file.mimeType);"], "header-from-variable", 1],
  ["Python Content-Disposition", "app/views/download.py", ["response[\"Content-Disposition\"] = f'attachment; filename=\"{name}\"'"], "header-from-variable", 1],
  ["Go Header().Set from a variable", "internal/web/trace.go", ["w.Header().Set(\"X-Request-Id\", requestID)"], "header-from-variable", 1],
  ["Java addHeader from a variable", "src/main/java/web/Trace.java", ["response.addHeader(\"X-Trace-Id\", traceId);"], "header-from-variable", 1],
  ["Ruby set_header from a variable", "app/controllers/exports_controller.rb", ["response.set_header(\"X-Export-Name\", export.name)"], "header-from-variable", 1],
  ["PHP header concatenated", "web/export.php", ["header(\"X-Export: \" . $name);"], "header-from-variable", 1],
  // markup-from-variable
  ["JS concatenated cell", "src/web/table.ts", ["const cell = \"<td>\" + user.name + \"</td>\";"], "markup-from-variable", 1],
  ["JS template literal", "src/web/card.ts", ["const card = `<div class=\"card\">${title}</div>`;"], "markup-from-variable", 1],
  ["Python % formatting", "app/render.py", ["html = \"<b>%s</b>\" % name"], "markup-from-variable", 1],
  ["Python f-string", "app/render.py", ["return f\"<p>{message}</p>\""], "markup-from-variable", 1],
  ["Go Sprintf", "internal/web/page.go", ["body := fmt.Sprintf(\"<h1>%s</h1>\", title)"], "markup-from-variable", 1],
  ["Java StringBuilder", "src/main/java/web/Page.java", ["sb.append(\"<li>\" + item.getTitle() + \"</li>\");"], "markup-from-variable", 1],
  ["Ruby concatenation", "app/helpers/list_helper.rb", ["out = \"<li>\" + item.title + \"</li>\""], "markup-from-variable", 1],
  ["PHP concatenation", "web/table.php", ["echo \"<td>\" . $row['name'] . \"</td>\";"], "markup-from-variable", 1],
  ["C# concatenation", "src/Web/Page.cs", ["var html = \"<span>\" + label + \"</span>\";"], "markup-from-variable", 1],
  // path-containment
  ["JS path.relative", "src/web/static.ts", ["const rel = path.relative(root, target);"], "path-containment", 1],
  ["Python commonprefix", "app/files.py", ["if os.path.commonprefix([base_dir, full]) != base_dir:"], "path-containment", 1],
  ["Go filepath.Rel", "internal/fs/serve.go", ["rel, err := filepath.Rel(root, p)"], "path-containment", 1],
  ["Java getCanonicalPath", "src/main/java/fs/Store.java", ["if (!file.getCanonicalPath().startsWith(base)) {"], "path-containment", 1],
  ["Ruby realpath", "lib/storage/local.rb", ["real = File.realpath(path)"], "path-containment", 1],
  ["PHP realpath", "src/Storage/Local.php", ["$real = realpath($baseDir . '/' . $name);"], "path-containment", 1],
  // backtracking-regex
  ["JS nested quantifier", "src/validate/email.ts", ["const LOCAL = /^([a-zA-Z0-9]+)*@/;"], "backtracking-regex", 1],
  ["Python nested quantifier", "app/parse/tags.py", ["TAG_RE = re.compile(r\"<([a-z]+\\s*)+>\")"], "backtracking-regex", 1],
  ["Go nested quantifier", "internal/parse/words.go", ["var words = regexp.MustCompile(`^(\\s*\\w+)+$`)"], "backtracking-regex", 1],
  ["Java nested quantifier", "src/main/java/parse/Words.java", ["Pattern p = Pattern.compile(\"^(\\\\w+)+$\");"], "backtracking-regex", 1],
  ["Ruby overlapping quantifiers", "lib/parse/line.rb", ["if line =~ /^(\\s*[a-z]+)*;/"], "backtracking-regex", 1],
  ["PHP nested quantifier", "src/Parse/Numbers.php", ["if (preg_match('/^(\\d+)+x/', $input)) {"], "backtracking-regex", 1],
  ["JS overlapping .*.*", "src/parse/kv.ts", ["const ASSIGNMENT = /^(\\w+)\\s*=\\s*.*\\s*$/;"], "backtracking-regex", 1],
  // code-eval-extended
  ["JS method eval", "src/plugins/run.ts", ["const result = sandbox.eval(userCode);"], "code-eval-extended", 1],
  ["Python template from input", "app/views/preview.py", ["tmpl = Template(request.form[\"body\"])"], "code-eval-extended", 1],
  ["Java ScriptEngine", "src/main/java/rules/Engine.java", ["ScriptEngine engine = new ScriptEngineManager().getEngineByName(\"js\");"], "code-eval-extended", 1],
  ["Java SpEL", "src/main/java/rules/Expr.java", ["Expression exp = parser.parseExpression(expr);"], "code-eval-extended", 1],
  ["Ruby binding.eval", "lib/console/runner.rb", ["value = binding.eval(code)"], "code-eval-extended", 1],
  ["JS compile(template)", "src/mail/render.ts", ["const render = handlebars.compile(template);"], "code-eval-extended", 1],
  // generated-source
  ["JS generated function body", "src/compile/accessors.ts", ["src += \"var \" + name + \" = args[\" + i + \"];\";"], "generated-source", 1],
  ["Python generated code", "app/codegen.py", ["code += \"def \" + name + \"(self):\\n\""], "generated-source", 1],
  ["Ruby generated source", "lib/dsl/builder.rb", ["source += \"def \" + meth + \"; end\""], "generated-source", 1],
  ["JS identifier check", "src/compile/names.ts", ["if (!IDENTIFIER_RE.test(name)) throw new Error(\"bad name\");"], "generated-source", 1],
  // prototype-pollution
  ["merge by key", "src/util/merge.ts", ["export function merge(target, source) {", "  for (const key of Object.keys(source)) {", "    target[key] = source[key];", "  }", "}"], "prototype-pollution", 3],
  ["set by path", "src/util/set-in.js", ["function setIn(obj, path, value) {", "  const last = path.pop();", "  cursor[last] = value;", "}"], "prototype-pollution", 3],
  ["__proto__ guard", "src/util/merge.ts", ["if (key === \"__proto__\") continue;"], "prototype-pollution", 1],
  // key-handling
  ["JS timingSafeEqual", "src/hooks/verify.ts", ["if (!crypto.timingSafeEqual(expected, actual)) return false;"], "key-handling", 1],
  ["Python empty key", "app/auth_tokens.py", ["if not key:"], "key-handling", 1],
  ["Python compare_digest", "app/hooks.py", ["return hmac.compare_digest(signature, expected)"], "key-handling", 1],
  ["Go ConstantTimeCompare", "internal/hooks/verify.go", ["if subtle.ConstantTimeCompare(sig, want) != 1 {"], "key-handling", 1],
  ["Go key length", "internal/token/sign.go", ["if len(key) < 32 {"], "key-handling", 1],
  ["Java MessageDigest.isEqual", "src/main/java/hooks/Verify.java", ["return MessageDigest.isEqual(expected, actual);"], "key-handling", 1],
  ["Ruby nil key", "lib/token/signer.rb", ["raise ArgumentError, \"no key\" if key.nil?"], "key-handling", 1],
  ["Ruby secure_compare", "app/controllers/hooks_controller.rb", ["ActiveSupport::SecurityUtils.secure_compare(sig, expected)"], "key-handling", 1],
  ["PHP algorithm check", "src/Token/Decoder.php", ["if ($alg !== 'HS256') {"], "key-handling", 1],
  ["PHP hmac variable", "src/Hooks/Verify.php", ["$hmac = hash_hmac('sha256', $payload, $secret);"], "key-handling", 1],
  // allow-list-edit
  ["JS sanitizer allowedTags", "src/web/clean.ts", ["const options = { allowedTags: [\"b\", \"i\", \"a\"] };"], "allow-list-edit", 1],
  ["Python allowed_schemes", "app/links.py", ["allowed_schemes = {\"http\", \"https\", \"mailto\"}"], "allow-list-edit", 1],
  ["Go allowedOrigins", "internal/web/cors.go", ["var allowedOrigins = map[string]bool{"], "allow-list-edit", 1],
  ["Java trustedHosts", "src/main/java/net/Hosts.java", ["trustedHosts.add(host);"], "allow-list-edit", 1],
  ["Ruby allowed_attributes", "app/helpers/markup_helper.rb", ["allowed_attributes = %w[href title]"], "allow-list-edit", 1],
  ["PHP allowedProtocols", "src/Html/Cleaner.php", ["$allowedProtocols = ['http', 'https'];"], "allow-list-edit", 1],
  // length-from-peer
  ["Go BigEndian length", "internal/wire/frame.go", ["n := binary.BigEndian.Uint32(hdr[0:4])"], "length-from-peer", 1],
  ["JS readUInt32BE", "src/wire/frame.ts", ["const len = buf.readUInt32BE(offset);"], "length-from-peer", 1],
  ["Python struct.unpack", "app/wire/frame.py", ["(length,) = struct.unpack(\">I\", data[:4])"], "length-from-peer", 1],
  ["Java frame length bound", "src/main/java/wire/Decoder.java", ["if (frameLength > maxFrameLength) {"], "length-from-peer", 1],
  ["C payload length arithmetic", "src/wire/frame.c", ["payloadLen -= header_size;"], "length-from-peer", 1],
];

/** Each case: a new file on which the rule must NOT fire. */
const QUIET: QuietCase[] = [
  // redirect-target
  ["JS literal redirect", "src/web/login.ts", ["res.redirect(\"/login\");"], "redirect-target"],
  ["Python literal redirect", "app/views/session.py", ["    return redirect(\"/dashboard\")"], "redirect-target"],
  ["Ruby literal redirect", "app/controllers/sessions_controller.rb", ["redirect_to(\"/\")"], "redirect-target"],
  ["redirect with no argument", "src/web/flow.ts", ["return this.redirect();"], "redirect-target"],
  ["Go literal redirect with a status", "internal/web/handler.go", ["http.Redirect(w, r, \"/login\", http.StatusFound)"], "redirect-target"],
  // origin-check
  ["a comparison unrelated to hosts", "src/orders/total.ts", ["if (count !== total) return;"], "origin-check"],
  ["Python counter", "app/stats.py", ["if port_count == 0:"], "origin-check"],
  ["startsWith a comment marker", "src/parse/lines.ts", ["if (line.startsWith(\"#\")) continue;"], "origin-check"],
  // credential-header-forwarding
  ["a word in a menu", "src/shop/menu.ts", ["const categories = [\"Cookie\", \"Cake\", \"Bread\"];"], "credential-header-forwarding"],
  // proxy-header-trust
  ["the socket address", "src/web/ip.ts", ["const ip = req.socket.remoteAddress;"], "proxy-header-trust"],
  ["Go RemoteAddr", "internal/web/ip.go", ["ip, _, err := net.SplitHostPort(r.RemoteAddr)"], "proxy-header-trust"],
  // header-from-variable
  ["a header set to a constant", "src/web/cache.ts", ["res.setHeader(\"Cache-Control\", \"no-store\");"], "header-from-variable"],
  ["Go header constant", "internal/web/json.go", ["w.Header().Set(\"Content-Type\", \"application/json\")"], "header-from-variable"],
  ["PHP header constant", "web/frame.php", ["header(\"X-Frame-Options: DENY\");"], "header-from-variable"],
  ["Location is the redirect rule's", "src/web/proxy.ts", ["res.setHeader(\"Location\", next);"], "header-from-variable"],
  // markup-from-variable
  ["escaped value", "src/web/table.ts", ["const cell = \"<td>\" + escapeHtml(user.name) + \"</td>\";"], "markup-from-variable"],
  ["Python html.escape", "app/render.py", ["return f\"<p>{html.escape(message)}</p>\""], "markup-from-variable"],
  ["Ruby h()", "app/helpers/list_helper.rb", ["out = \"<li>\" + h(item.title) + \"</li>\""], "markup-from-variable"],
  ["a constant tag", "src/web/br.ts", ["const BR = \"<br>\";"], "markup-from-variable"],
  ["a less-than in a comparison", "src/math/clamp.ts", ["if (a < b + limit) return a;"], "markup-from-variable"],
  ["a log line", "src/web/log.ts", ["logger.debug(\"<request> \" + id);"], "markup-from-variable"],
  ["Go Sprintf without markup", "internal/report/line.go", ["s := fmt.Sprintf(\"%s < %d\", name, max)"], "markup-from-variable"],
  // path-containment
  ["a join with a literal name", "src/build/out.ts", ["const out = path.join(dir, \"index.html\");"], "path-containment"],
  ["Unicode normalisation", "src/text/fold.ts", ["const folded = title.normalize(\"NFKC\");"], "path-containment"],
  ["an ellipsis", "src/ui/loading.ts", ["setStatus(\"Loading...\");"], "path-containment"],
  // backtracking-regex
  ["a date regex", "src/parse/date.ts", ["const DATE = /^\\d{4}-\\d{2}-\\d{2}$/;"], "backtracking-regex"],
  ["Python character class", "app/validate.py", ["SLUG = re.compile(r\"^[a-z0-9_-]+$\")"], "backtracking-regex"],
  ["groups without nested quantifiers", "src/parse/range.ts", ["const RANGE = /^(\\d+)-(\\d+)$/;"], "backtracking-regex"],
  ["arithmetic is not a regex", "src/geo/area.ts", ["const area = (w + h) * 2;"], "backtracking-regex"],
  // code-eval-extended
  ["Puppeteer page.evaluate", "src/scrape/title.ts", ["const title = await page.evaluate(() => document.title);"], "code-eval-extended"],
  ["PyTorch model.eval()", "app/ml/infer.py", ["model.eval()"], "code-eval-extended"],
  ["template from a literal", "app/mail.py", ["tmpl = Template(\"Hello $name\")"], "code-eval-extended"],
  ["re.compile(pattern)", "app/match.py", ["rx = re.compile(pattern)"], "code-eval-extended"],
  // generated-source
  ["appending a chunk", "src/http/body.ts", ["body += chunk;"], "generated-source"],
  ["Go is not read", "internal/gen/build.go", ["src += \"var \" + name"], "generated-source"],
  // prototype-pollution
  ["an index write", "src/util/copy.ts", ["function copy(src, dst) {", "  for (let i = 0; i < src.length; i++) dst[i] = src[i];", "}"], "prototype-pollution"],
  ["a counter with no merge nearby", "src/stats/words.ts", ["counts[word] = (counts[word] ?? 0) + 1;"], "prototype-pollution"],
  ["Python is not read", "app/util/merge.py", ["def merge(target, source):", "    for key in source:", "        target[key] = source[key]"], "prototype-pollution"],
  // key-handling
  ["a plural name", "app/util/dicts.py", ["if not keys:"], "key-handling"],
  ["a cache key", "src/cache/lookup.ts", ["const cacheKey = `user:${id}`;"], "key-handling"],
  ["algorithm name variable", "src/sort/pick.ts", ["if (algorithmName === \"merge\") return mergeSort;"], "key-handling"],
  // allow-list-edit
  ["an allowed count", "src/retry.ts", ["const allowedRetries = 3;"], "allow-list-edit"],
  ["a plain sanitize call", "src/web/input.ts", ["const clean = sanitize(input);"], "allow-list-edit"],
  // length-from-peer
  ["a buffer's own length", "src/wire/frame.ts", ["const len = buf.length;"], "length-from-peer"],
  ["Go binary.Write", "internal/wire/encode.go", ["err := binary.Write(w, binary.BigEndian, n)"], "length-from-peer"],
  ["Ruby is not read", "lib/wire/frame.rb", ["length = struct.unpack(\">I\", data)"], "length-from-peer"],
];

describe("trust-boundary rules", () => {
  itFiresAndStaysQuiet(FIRES, QUIET);

  it("every firing case is a security finding", () => {
    for (const [, path, lines, rule] of FIRES) {
      expect(profileOf(addedFile(path, lines)).find((f) => f.rule === rule)?.concern).toBe("security");
    }
  });

  it("a redirect built from the request names the request in its reason", () => {
    const match = profileOf(addedFile("src/web/back.ts", ["res.redirect(req.get(\"Referer\"));"])).find((f) => f.rule === "redirect-target");
    expect(match?.reason).toContain("built from the request");
  });

  it("an Authorization header stripped on redirect is reported on its line (by the more general auth rule, which comes first)", () => {
    const findings = profileOf(addedFile("src/http/follow.ts", ["if (nextHost !== currentHost) {", "  delete options.headers[\"Authorization\"];", "}"]));
    expect(findings.filter((f) => f.line === 2).map((f) => [f.concern, f.rule])).toEqual([["security", "auth-code"]]);
  });

  it("code evaluation beyond eval() is high severity, of medium confidence", () => {
    const match = profileOf(addedFile("src/plugins/run.ts", ["const out = vm2.eval(script);"])).find((f) => f.rule === "code-eval-extended");
    expect({ severity: match?.severity, confidence: match?.confidence }).toEqual({ severity: "high", confidence: "medium" });
  });
});

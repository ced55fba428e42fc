import { describe, expect, it } from "@jest/globals";
import type { Language } from "../../../src/coach/risk/detect-file-kind.js";
import { findEnclosingFunction } from "../../../src/coach/syntax/find-enclosing-function.js";
import { findInputNames } from "../../../src/coach/syntax/find-input-names.js";
import { findLineInputs, isInputExpression, lineUsesInput } from "../../../src/coach/syntax/line-uses-input.js";
import { getSyntaxLine, isCommentLine, type FileSyntax } from "../../../src/coach/syntax/file-syntax.js";
import { MAX_PARSE_BYTES, SyntaxParser } from "../../../src/syntax/syntax-parser.js";

const parser = new SyntaxParser();
const FILES: Array<{ language: Language; path: string }> = [
  { language: "js", path: "src/app.ts" },
  { language: "js", path: "src/app.jsx" },
  { language: "python", path: "app/views.py" },
  { language: "go", path: "server/handler.go" },
  { language: "java", path: "src/main/java/App.java" },
  { language: "ruby", path: "app/controllers/users_controller.rb" },
  { language: "php", path: "public/index.php" },
  { language: "csharp", path: "Controllers/Home.cs" },
  { language: "rust", path: "src/main.rs" },
];
await parser.load(FILES);

function parse(language: Language, path: string, lines: string[]): FileSyntax {
  const syntax = parser.parse(lines.join("\n"), language, path);
  if (!syntax) throw new Error(`no syntax for ${path}`);
  return syntax;
}

const names = (syntax: FileSyntax, line: number) => findInputNames(syntax, line).map((input) => input.name).sort();

describe("SyntaxParser", () => {
  it("gives null for unsupported languages, unloaded grammars, unreadable extensions and huge files, never throwing", () => {
    expect(parser.parse("SELECT 1;", "sql", "db/q.sql")).toBeNull();
    expect(parser.parse("fun main() {}", "java", "App.kt")).toBeNull();
    expect(parser.parse("<template></template>", "js", "App.vue")).toBeNull();
    expect(new SyntaxParser().parse("const a = 1;", "js", "a.js")).toBeNull();
    expect(parser.parse(`const a = "${"x".repeat(MAX_PARSE_BYTES)}";`, "js", "big.js")).toBeNull();
    expect(parser.isReady("python", "a.py")).toBe(true);
    expect(parser.isReady("c", "a.c")).toBe(false);
  });

  it("still reads a file with syntax errors, and says so", () => {
    const syntax = parser.parse("function broken(req) {\n  const q = req.query.q\n  if (\n}\n", "js", "a.js")!;
    expect(syntax.hasErrors).toBe(true);
    expect(findEnclosingFunction(syntax, 2)?.name).toBe("broken");
  });

  it("keeps columns of lines with characters outside ASCII and astral planes", () => {
    const lines = ['const é = "😀 x"; const t = \'y\'; // ok'];
    const syntax = parse("js", "a.js", lines);
    expect(syntax.lines[0]!.code).toBe('const é = "    "; const t = \' \';      ');
    expect(syntax.lines[0]!.strings).toEqual(["😀 x", "y"]);
  });

  it("reads keywords as keywords: a `string` type is no string literal and a `function` keyword no second function", () => {
    const syntax = parse("js", "src/app.ts", ["export function greet(name: string): string {", "  return `hi ${name}`;", "}"]);
    expect(syntax.lines.map((line) => line.strings)).toEqual([[], ["hi "], []]);
    expect(syntax.functions.map((fn) => [fn.name, fn.startLine, fn.endLine])).toEqual([["greet", 1, 3]]);
  });

  it("returns plain data that survives JSON", () => {
    const syntax = parse("js", "a.js", ["function f(req) { return req.body; }"]);
    expect(JSON.parse(JSON.stringify(syntax))).toEqual(syntax);
  });
});

describe("TypeScript and JavaScript", () => {
  const lines = [
    "// Handlers for the user routes.",
    "import { db } from './db';",
    "/* a block",
    "   comment */",
    "export async function findUser(req: Request, res: Response) {",
    "  const { id, name: alias } = req.query; // from the query string",
    "  const label = `user ${alias} in req.body`;",
    "  const ip = req.headers['x-forwarded-for'];",
    "  const copy = alias;",
    "  const fixed = 'req.query.other';",
    "  const rows = await db.query('SELECT * FROM users WHERE id = ' + copy);",
    "  res.redirect(req.body.next);",
    "}",
    "export const list = (limit) => db.query('SELECT 1 LIMIT ?', [limit]);",
    "router.get('/x', (req, res) => res.send('ok'));",
    "class Api { handle(request) { const q = request.params.q; return q; } }",
  ];
  const syntax = parse("js", "src/users.ts", lines);

  it("tells comments from code and masks strings, keeping substitutions", () => {
    expect(isCommentLine(syntax, 1)).toBe(true);
    expect(isCommentLine(syntax, 3)).toBe(true);
    expect(isCommentLine(syntax, 4)).toBe(true);
    expect(isCommentLine(syntax, 2)).toBe(false);
    expect(getSyntaxLine(syntax, 6)!.code.trimEnd()).toBe("  const { id, name: alias } = req.query;");
    expect(getSyntaxLine(syntax, 7)!.code).toBe("  const label = `     ${alias}            `;");
    expect(getSyntaxLine(syntax, 7)!.strings).toEqual(["user  in req.body"]);
    expect(getSyntaxLine(syntax, 11)!.strings).toEqual(["SELECT * FROM users WHERE id = "]);
    expect(getSyntaxLine(syntax, 11)!.code).not.toContain("SELECT");
  });

  it("finds the innermost function with its name, lines and parameters", () => {
    expect(findEnclosingFunction(syntax, 8)).toMatchObject({
      name: "findUser",
      startLine: 5,
      endLine: 13,
      parameters: [
        { name: "req", text: "req: Request" },
        { name: "res", text: "res: Response" },
      ],
    });
    expect(findEnclosingFunction(syntax, 14)).toMatchObject({ name: "list", parameters: [{ name: "limit" }] });
    expect(findEnclosingFunction(syntax, 16)).toMatchObject({ name: "handle", parameters: [{ name: "request" }] });
    expect(findEnclosingFunction(syntax, 2)).toBeNull();
  });

  it("follows input through destructuring, assignments and substitutions, not through strings", () => {
    expect(names(syntax, 9)).toEqual(["alias", "copy", "id", "ip", "label", "req", "rows"]);
    expect(lineUsesInput(syntax, 11)).toBe(true);
    expect(findLineInputs(syntax, 11)).toEqual(["copy"]);
    expect(findLineInputs(syntax, 12)).toEqual(["req.body", "req"]);
    expect(findLineInputs(syntax, 8)).toEqual(expect.arrayContaining(["req.headers", "x-forwarded-for"]));
    expect(lineUsesInput(syntax, 10)).toBe(false);
    expect(names(syntax, 10)).not.toContain("fixed");
    expect(lineUsesInput(syntax, 1)).toBe(false);
  });

  it("does not count a parameter list, or a function with no request parameter", () => {
    expect(lineUsesInput(syntax, 5)).toBe(false);
    expect(lineUsesInput(syntax, 14)).toBe(false);
    expect(lineUsesInput(syntax, 15)).toBe(false);
    expect(lineUsesInput(syntax, 16)).toBe(true);
  });

  it("answers for a snippet a rule matched", () => {
    expect(isInputExpression(syntax, 11, "' ' + copy")).toBe(true);
    expect(isInputExpression(syntax, 11, "limit")).toBe(false);
    expect(isInputExpression(syntax, 14, "limit")).toBe(false);
  });

  it("reads JSX with the TSX grammar", () => {
    const jsx = parse("js", "src/App.jsx", ["export function App({ title }) {", "  return <div title={title}>{'hi'}</div>;", "}"]);
    expect(jsx.hasErrors).toBe(false);
    expect(findEnclosingFunction(jsx, 2)).toMatchObject({ name: "App", parameters: [{ name: "title" }] });
  });
});

describe("Python", () => {
  const lines = [
    "import os",
    "# a view",
    "def show(request, user_id: int = 0, *args, **kwargs):",
    '    """Shows a user: request.GET is read below."""',
    "    nxt = request.GET.get('next')",
    "    target = nxt or '/'",
    "    forwarded = request.META.get('HTTP_X_FORWARDED_FOR')",
    "    text = f'hello {target} request.args'",
    "    return redirect(target)",
    "",
    "def helper(path):",
    "    return os.path.join('/srv', path)",
    "",
    "@app.route('/search')",
    "def search():",
    "    q = request.args['q']",
    "    return q",
  ];
  const syntax = parse("python", "app/views.py", lines);

  it("treats docstrings and comments as comments, and masks strings but not f-string fields", () => {
    expect(isCommentLine(syntax, 2)).toBe(true);
    expect(isCommentLine(syntax, 4)).toBe(true);
    expect(getSyntaxLine(syntax, 8)!.code).toBe("    text = f'      {target}             '");
    expect(getSyntaxLine(syntax, 8)!.strings).toEqual(["hello  request.args"]);
  });

  it("finds functions and their parameters", () => {
    expect(findEnclosingFunction(syntax, 6)).toMatchObject({
      name: "show",
      startLine: 3,
      endLine: 9,
      parameters: [
        { name: "request" },
        { name: "user_id", text: "user_id: int = 0" },
        { name: "args", text: "*args" },
        { name: "kwargs", text: "**kwargs" },
      ],
    });
    expect(findEnclosingFunction(syntax, 16)).toMatchObject({ name: "search", parameters: [] });
  });

  it("follows Django and Flask request input, and the proxy header", () => {
    expect(names(syntax, 9)).toEqual(["forwarded", "nxt", "request", "target", "text"]);
    expect(lineUsesInput(syntax, 9)).toBe(true);
    expect(findLineInputs(syntax, 7)).toEqual(expect.arrayContaining(["request.META", "HTTP_X_FORWARDED_FOR"]));
    expect(names(syntax, 17)).toEqual(["q"]);
    expect(lineUsesInput(syntax, 12)).toBe(false);
    expect(names(syntax, 12)).toEqual([]);
  });
});

describe("Go", () => {
  const lines = [
    "package web",
    "",
    "// Serve answers a request.",
    "func (s *Server) Serve(w http.ResponseWriter, r *http.Request) {",
    '\tquery := r.URL.Query()',
    '\tname := query.Get("name")',
    '\tscheme := r.Header.Get("X-Forwarded-Proto")',
    '\tmsg := "r.FormValue(x)"',
    '\thttp.Redirect(w, r, "/users/"+name, http.StatusFound)',
    "}",
    "",
    "func sum(ctx context.Context, a, b int) int { return a + b }",
    "",
    "func route(c *gin.Context) {",
    '\tid := c.Param("id")',
    '\tc.JSON(200, id)',
    "}",
  ];
  const syntax = parse("go", "server/handler.go", lines);

  it("masks strings and comments", () => {
    expect(isCommentLine(syntax, 3)).toBe(true);
    expect(getSyntaxLine(syntax, 8)!.code).toBe('\tmsg := "              "');
  });

  it("finds methods and functions with grouped parameters", () => {
    expect(findEnclosingFunction(syntax, 6)).toMatchObject({
      name: "Serve",
      parameters: [
        { name: "w", text: "w http.ResponseWriter" },
        { name: "r", text: "r *http.Request" },
      ],
    });
    expect(findEnclosingFunction(syntax, 12)!.parameters.map((p) => p.name)).toEqual(["ctx", "a", "b"]);
  });

  it("follows input from *http.Request and framework reads, not from plain parameters", () => {
    expect(names(syntax, 9)).toEqual(["name", "query", "r", "scheme"]);
    expect(lineUsesInput(syntax, 9)).toBe(true);
    expect(lineUsesInput(syntax, 8)).toBe(false);
    expect(findLineInputs(syntax, 7)).toEqual(expect.arrayContaining(["X-Forwarded-Proto"]));
    expect(names(syntax, 12)).toEqual([]);
    expect(lineUsesInput(syntax, 12)).toBe(false);
    expect(names(syntax, 16)).toEqual(["id"]);
  });
});

describe("Java", () => {
  const lines = [
    "public class UserController {",
    "  /** Finds a user. */",
    "  @GetMapping(\"/users\")",
    "  public String find(@RequestParam String name, HttpServletRequest req, int page) {",
    "    String referer = req.getHeader(\"Referer\");",
    "    String sql = \"SELECT * FROM users WHERE name = '\" + name + \"'\";",
    "    String note = \"req.getParameter(x)\";",
    "    return jdbc.query(sql);",
    "  }",
    "  private int twice(int n) { return n * 2; }",
    "}",
  ];
  const syntax = parse("java", "src/main/java/UserController.java", lines);

  it("masks strings and marks Javadoc as comment", () => {
    expect(isCommentLine(syntax, 2)).toBe(true);
    expect(getSyntaxLine(syntax, 7)!.code).not.toContain("getParameter");
  });

  it("takes annotated and typed request parameters as input", () => {
    expect(findEnclosingFunction(syntax, 5)).toMatchObject({ name: "find", startLine: 3, endLine: 9 });
    expect(names(syntax, 8)).toEqual(["name", "referer", "req", "sql"]);
    expect(lineUsesInput(syntax, 8)).toBe(true);
    expect(lineUsesInput(syntax, 7)).toBe(false);
    expect(findLineInputs(syntax, 5)).toEqual(expect.arrayContaining([".getHeader(", "Referer"]));
    expect(names(syntax, 10)).toEqual([]);
  });
});

describe("Ruby", () => {
  const lines = [
    "class UsersController < ApplicationController",
    "  # GET /users",
    "  def show",
    "    user = User.find(params[:id])",
    "    back = request.referer",
    '    label = "params #{user.name}"',
    "    redirect_to back",
    "  end",
    "  def helper(value)",
    "    value * 2",
    "  end",
    "end",
  ];
  const syntax = parse("ruby", "app/controllers/users_controller.rb", lines);

  it("masks strings, keeps interpolation, and finds methods", () => {
    expect(isCommentLine(syntax, 2)).toBe(true);
    expect(getSyntaxLine(syntax, 6)!.code).toBe('    label = "       #{user.name}"');
    expect(findEnclosingFunction(syntax, 4)).toMatchObject({ name: "show", startLine: 3, endLine: 8, parameters: [] });
    expect(findEnclosingFunction(syntax, 10)).toMatchObject({ name: "helper", parameters: [{ name: "value" }] });
  });

  it("follows params and request reads", () => {
    expect(names(syntax, 7)).toEqual(["back", "label", "user"]);
    expect(lineUsesInput(syntax, 7)).toBe(true);
    expect(lineUsesInput(syntax, 10)).toBe(false);
  });
});

describe("PHP", () => {
  const lines = [
    "<?php",
    "// Entry point",
    "function show($db, $limit = 10) {",
    "    $id = $_GET['id'];",
    "    $ip = $_SERVER['HTTP_X_FORWARDED_FOR'];",
    "    $raw = file_get_contents('php://input');",
    "    $q = \"SELECT * FROM t WHERE id = $id\";",
    "    $fixed = '$_GET is not read here';",
    "    return $db->query($q);",
    "}",
    "function page(Request $request) { $name = $request->input('name'); return $name; }",
    "function total($a, $b) { return $a + $b; }",
  ];
  const syntax = parse("php", "public/index.php", lines);

  it("masks strings (not interpolated variables) and comments", () => {
    expect(isCommentLine(syntax, 2)).toBe(true);
    expect(getSyntaxLine(syntax, 8)!.code).not.toContain("$_GET");
    expect(getSyntaxLine(syntax, 7)!.code).toContain("$id");
  });

  it("follows superglobals, interpolation into strings, and typed requests", () => {
    expect(findEnclosingFunction(syntax, 4)).toMatchObject({ name: "show", parameters: [{ name: "$db" }, { name: "$limit", text: "$limit = 10" }] });
    expect(names(syntax, 9)).toEqual(["$id", "$ip", "$q", "$raw"]);
    expect(lineUsesInput(syntax, 9)).toBe(true);
    expect(lineUsesInput(syntax, 8)).toBe(false);
    expect(names(syntax, 11)).toEqual(["$name", "$request"]);
    expect(lineUsesInput(syntax, 12)).toBe(false);
  });
});

describe("C# and Rust", () => {
  it("C#: [FromQuery] parameters and Request reads are input", () => {
    const lines = [
      "public class Home : Controller {",
      "  public IActionResult Go([FromQuery] string url, int n) {",
      "    var back = Request.Headers[\"Referer\"];",
      "    return Redirect(url);",
      "  }",
      "}",
    ];
    const syntax = parse("csharp", "Controllers/Home.cs", lines);
    expect(findEnclosingFunction(syntax, 4)).toMatchObject({ name: "Go", parameters: [{ name: "url" }, { name: "n" }] });
    expect(names(syntax, 4)).toEqual(["back", "url"]);
  });

  it("Rust: extractor parameters are input, plain ones are not", () => {
    const lines = ["async fn search(Query(params): Query<Search>, limit: u32) -> String {", "    let term = params.q;", "    format!(\"{}\", limit)", "}"];
    const syntax = parse("rust", "src/main.rs", lines);
    expect(findEnclosingFunction(syntax, 2)).toMatchObject({ name: "search" });
    expect(names(syntax, 3)).toEqual(["params", "term"]);
    expect(lineUsesInput(syntax, 3)).toBe(false);
  });
});

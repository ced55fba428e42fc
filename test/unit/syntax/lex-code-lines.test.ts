import { describe, expect, it } from "@jest/globals";
import type { Language } from "../../../src/coach/risk/detect-file-kind.js";
import { lexCodeLines } from "../../../src/syntax/lex-code-lines.js";
import { selectGrammar } from "../../../src/syntax/select-grammar.js";
import { MAX_PARSE_BYTES, SyntaxParser } from "../../../src/syntax/syntax-parser.js";

const parser = new SyntaxParser();
const SAMPLES: Array<{ language: Language; path: string; lines: string[] }> = [
  {
    language: "js",
    path: "src/app.ts",
    lines: [
      "#!/usr/bin/env node",
      "/* a block",
      "   comment */ const a = 'it\\'s' + \"x // y\"; // tail",
      "const re = /[/'\"]+/g, half = a.length / 2 / 1;",
      "const t = `one ${a + `in ${'ner'}`} two",
      "  if (x) { three }`;",
      "const o = { k: 1 }; if (t) return typeof /x/.test(t);",
      "class C { #p = 1; m() { return this.#p++ / 2; } }",
      "const n = x?.return / 2; let g = f<string>(1);",
      "const avg = (a + b) / 2;",
    ],
  },
  {
    language: "go",
    path: "server/handler.go",
    lines: ["package server", "", "// Handle answers.", "func Handle() {", '\tq := "a \\" // b" + `raw', "  if x { still raw`", "\tr := '\"'", "\t/* c */ if a / b > 1 {}", "}"],
  },
  {
    language: "java",
    path: "src/main/java/App.java",
    lines: ["public class App {", "  /** Doc. */", '  String s = "a /* b */" + \'"\';', "  int i = 4 / 2; // half", "}"],
  },
  {
    language: "php",
    path: "public/index.php",
    lines: ["<?php", "# a comment", "$sql = \"SELECT * FROM t WHERE id = $id and 'x'\";", "$s = 'multi", "line'; // done", "/* block */ if ($a) {}", '$p = "costs $1 or $x";'],
  },
  {
    language: "ruby",
    path: "app/models/user.rb",
    lines: ["class User", "  # comment", '  label = "item #{name.upcase + "!"} # not a comment"', "  s = 'multi", "  line'", "  ok = x.nil? ? a / b : c % d", "end"],
  },
];
await parser.load(SAMPLES);

const lex = (language: Language, path: string, lines: string[]) => {
  const codeLines = lexCodeLines(lines.join("\n"), selectGrammar(language, path)!);
  return lines.map((_, i) => codeLines(i + 1));
};

describe("lexCodeLines", () => {
  it.each(SAMPLES)("tells every line of a $language sample exactly as the parse does", ({ language, path, lines }) => {
    const syntax = parser.parse(lines.join("\n"), language, path)!;
    expect(syntax.hasErrors).toBe(false);
    expect(lex(language, path, lines)).toEqual(syntax.lines.map(({ code, commentOnly }) => ({ code, commentOnly })));
  });

  it("gives up from where it cannot tell a construct: JSX, a regex after a block, a heredoc, a PHP close tag, a text block", () => {
    const known = (language: Language, path: string, lines: string[]) => lex(language, path, lines).map((line) => line !== null);
    expect(known("js", "src/a.jsx", ["const a = 1;", "const b = <p>it's</p>;", "const c = 2;"])).toEqual([true, false, false]);
    expect(known("js", "src/a.js", ["if (a) {}", "/x'/.test(b);"])).toEqual([true, false]);
    expect(known("js", "src/a.js", ["let a = 1;", "if (a) /'/.test(b);", "a = 2;"])).toEqual([true, false, false]);
    expect(known("ruby", "a.rb", ["a = 1", "b = <<~EOS", "  it's", "EOS"])).toEqual([true, false, false, false]);
    expect(known("php", "a.php", ["<?php", "$a = 1; ?>", "<p>it's</p>"])).toEqual([true, false, false]);
    expect(known("java", "A.java", ["class A {", '  String s = """', "    it's", '    """;', "}"])).toEqual([true, false, false, false, false]);
  });

  it("leaves unknown only the line of a PHP interpolation it does not read, and the lines of a file that does not open with <?php", () => {
    expect(lex("php", "a.php", ["<?php", '$a = "x $b[1] y";', "$c = 1;"]).map((line) => line !== null)).toEqual([true, false, true]);
    expect(lex("php", "a.php", ["<p>hi</p>", "<?php $a = 1;"])).toEqual([null, null]);
  });

  it("reads lines by 1-based number, none outside the file", () => {
    const codeLines = lexCodeLines("a = 1; // one\r\nb = '2';", "typescript");
    expect([0, 1, 2, 3].map(codeLines)).toEqual([null, { code: "a = 1;       ", commentOnly: false }, { code: "b = ' ';", commentOnly: false }, null]);
  });

  it("reads no grammar it has no lexer for", () => {
    expect([1, 2].map(lexCodeLines("x = 1\n", "python"))).toEqual([null, null]);
  });
});

describe("SyntaxParser.lexLines", () => {
  it("lexes only files the parser would parse now", () => {
    expect(parser.lexLines("if (a) {}", "js", "a.ts")?.(1)).toEqual({ code: "if (a) {}", commentOnly: false });
    expect(new SyntaxParser().lexLines("if (a) {}", "js", "a.ts")).toBeNull();
    expect(parser.lexLines("fun main() {}", "java", "App.kt")).toBeNull();
    expect(parser.lexLines(`const a = "${"x".repeat(MAX_PARSE_BYTES)}";`, "js", "big.js")).toBeNull();
  });
});

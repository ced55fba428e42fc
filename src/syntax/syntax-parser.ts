// Parses files with the tree-sitter grammars bundled (as WebAssembly) in @vscode/tree-sitter-wasm.
// Loading is async and lazy: the runtime once per process, each grammar once, when a file needs it.
// Parsing is synchronous and never throws: anything it cannot read gives null.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type * as TreeSitter from "@vscode/tree-sitter-wasm";
import type { Language } from "../coach/risk/detect-file-kind.js";
import type { FileSyntax, SyntaxSource } from "../coach/syntax/file-syntax.js";
import { extractFileSyntax, type MakeQuery, type SyntaxDeclarations } from "./extract-file-syntax.js";
import { canLexGrammar, lexCodeLines, type CodeLines } from "./lex-code-lines.js";
import { selectGrammar, type Grammar } from "./select-grammar.js";

/** Files larger than this (UTF-8 bytes) are not parsed. */
export const MAX_PARSE_BYTES = 1_000_000;

type TreeSitterModule = typeof TreeSitter;

export interface SyntaxParserLog {
  warn(details: object, message: string): void;
}

export interface SyntaxFileRef {
  language: Language;
  path?: string;
}

const require = createRequire(import.meta.url);
let runtime: Promise<TreeSitterModule> | undefined;

/** The tree-sitter runtime, initialised once per process. */
function loadRuntime(): Promise<TreeSitterModule> {
  runtime ??= (async () => {
    const imported = (await import("@vscode/tree-sitter-wasm")) as TreeSitterModule & { default?: TreeSitterModule };
    const module = imported.default ?? imported;
    const directory = path.dirname(require.resolve("@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm"));
    await module.Parser.init({ locateFile: (file: string) => path.join(directory, file) });
    return module;
  })();
  runtime.catch(() => (runtime = undefined));
  return runtime;
}

export class SyntaxParser implements SyntaxSource {
  /** One parser per grammar, made when the grammar is loaded (at most one per bundled grammar). */
  private readonly parsers = new Map<Grammar, TreeSitter.Parser>();
  private readonly loading = new Map<Grammar, Promise<void>>();
  private makeQuery: MakeQuery | undefined;
  private openTree: TreeSitter.Tree | undefined;

  constructor(private readonly log?: SyntaxParserLog) {}

  /** Loads the grammars these files need (each once; a grammar that fails to load is retried next time). */
  async load(files: readonly SyntaxFileRef[]): Promise<void> {
    const needed = new Set(files.map((file) => selectGrammar(file.language, file.path)).filter((g): g is Grammar => g !== null));
    await Promise.all([...needed].map((grammar) => this.loadGrammar(grammar)));
  }

  /** Whether a bundled grammar reads files of this language and path (loaded or not). */
  canParse(language: Language, filePath?: string): boolean {
    return selectGrammar(language, filePath) !== null;
  }

  /** Whether a file of this language and path can be parsed now (its grammar is loaded). */
  isReady(language: Language, filePath?: string): boolean {
    const grammar = selectGrammar(language, filePath);
    return grammar !== null && this.parsers.has(grammar);
  }

  /**
   * The file's syntax, or null: unsupported language, grammar not loaded, file too large, or a parser failure.
   * The last file's tree is kept until the next parse (or `release`), so its functions and assignments are
   * read from it only if a rule asks; asked later, they come from a new parse.
   */
  parse(content: string, language: Language, filePath?: string): FileSyntax | null {
    const grammar = selectGrammar(language, filePath);
    const parser = grammar === null ? undefined : this.parsers.get(grammar);
    if (!parser || !this.makeQuery || grammar === null || isTooLarge(content)) return null;
    this.release();
    let tree: TreeSitter.Tree | null = null;
    try {
      tree = parser.parse(content);
      if (!tree) return null;
      const kept = tree;
      const syntax = extractFileSyntax(tree, content, language, this.makeQuery, {
        isAlive: () => this.openTree === kept,
        reread: () => this.readDeclarations(content, language, grammar, filePath),
      });
      this.openTree = tree;
      tree = null;
      return syntax;
    } catch (error) {
      this.log?.warn({ err: error, path: filePath, grammar }, "could not parse the file: its findings use line rules only");
      parser.reset();
      return null;
    } finally {
      tree?.delete();
    }
  }

  /** The file's lines read by a lexer (see SyntaxSource), or null: a file `parse` would not read, or no lexer for it. */
  lexLines(content: string, language: Language, filePath?: string): CodeLines | null {
    const grammar = selectGrammar(language, filePath);
    if (grammar === null || !this.parsers.has(grammar) || !this.makeQuery || !canLexGrammar(grammar) || isTooLarge(content)) return null;
    return lexCodeLines(content, grammar);
  }

  /** Deletes the tree kept from the last parse. */
  release(): void {
    this.openTree?.delete();
    this.openTree = undefined;
  }

  /** Functions and assignments of a file whose tree is gone, from a new parse (none if it fails). */
  private readDeclarations(content: string, language: Language, grammar: Grammar, filePath?: string): SyntaxDeclarations {
    const parser = this.parsers.get(grammar);
    let tree: TreeSitter.Tree | null = null;
    try {
      tree = parser && this.makeQuery ? parser.parse(content) : null;
      if (tree) {
        const { functions, assignments } = extractFileSyntax(tree, content, language, this.makeQuery!);
        return { functions, assignments };
      }
    } catch (error) {
      this.log?.warn({ err: error, path: filePath, grammar }, "could not parse the file again: its functions are unknown");
      parser?.reset();
    } finally {
      tree?.delete();
    }
    return { functions: [], assignments: [] };
  }

  private loadGrammar(grammar: Grammar): Promise<void> {
    let pending = this.loading.get(grammar);
    if (!pending) {
      pending = (async () => {
        const module = await loadRuntime();
        this.makeQuery ??= (grammarLanguage, source) => new module.Query(grammarLanguage, source);
        const bytes = await readFile(require.resolve(`@vscode/tree-sitter-wasm/wasm/tree-sitter-${grammar}.wasm`));
        const language = await module.Language.load(new Uint8Array(bytes));
        const parser = new module.Parser();
        parser.setLanguage(language);
        this.parsers.set(grammar, parser);
      })();
      pending.catch((error: unknown) => {
        this.loading.delete(grammar);
        this.log?.warn({ err: error, grammar }, "could not load a tree-sitter grammar: those files use line rules only");
      });
      this.loading.set(grammar, pending);
    }
    return pending.catch(() => undefined);
  }
}

function isTooLarge(content: string): boolean {
  return content.length > MAX_PARSE_BYTES || Buffer.byteLength(content, "utf8") > MAX_PARSE_BYTES;
}

let shared: SyntaxParser | undefined;

/** The process-wide parser (grammars are immutable and loaded once for every job and command). */
export function getSyntaxParser(log?: SyntaxParserLog): SyntaxParser {
  shared ??= new SyntaxParser(log);
  return shared;
}


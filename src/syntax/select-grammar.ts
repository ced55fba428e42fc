// Which bundled tree-sitter grammar parses a file: by its language, refined by its extension when known.

import type { Language } from "../coach/risk/detect-file-kind.js";

export const GRAMMARS = ["typescript", "tsx", "python", "go", "java", "ruby", "php", "c-sharp", "rust", "bash"] as const;
export type Grammar = (typeof GRAMMARS)[number];

const BY_LANGUAGE: Partial<Record<Language, Grammar>> = {
  js: "tsx",
  python: "python",
  go: "go",
  java: "java",
  ruby: "ruby",
  php: "php",
  csharp: "c-sharp",
  rust: "rust",
  shell: "bash",
};

/** Extensions a language covers that its grammar cannot read (Kotlin, Vue, ERB, PowerShell…). */
const UNREADABLE = /\.(?:vue|svelte|kt|kts|scala|groovy|gradle|erb|ps1|fish)$/i;
const SHELL_FILE = /(?:^|\/)[^/.]+$|\.(?:sh|bash|zsh|ksh)$/i;

/** The grammar for a file, or null when none of the bundled ones reads it. TSX reads JS and JSX too. */
export function selectGrammar(language: Language, path?: string): Grammar | null {
  const grammar = BY_LANGUAGE[language] ?? null;
  if (grammar === null || path === undefined) return grammar;
  if (UNREADABLE.test(path)) return null;
  if (grammar === "tsx" && /\.[cm]?ts$/i.test(path)) return "typescript";
  if (grammar === "bash" && (!SHELL_FILE.test(path) || /(?:^|\/)makefile$/i.test(path))) return null;
  if (grammar === "java" && !/\.java$/i.test(path)) return null;
  return grammar;
}

// Stage: where the comment sits. A test file makes test words about tests, and a remark on test code in the
// diff hunk is about the test; a comment line or a docs file makes a typo fix documentation.

import type { CommentContext, Concern } from "../../types.js";
import { firstMatch, type EvidenceLog } from "../evidence-log.js";
import { execIfWords, testIfWords } from "../word-index.js";

const TEST_PATH = /(?:^|\/)(?:tests?|spec|specs|__tests__|testing|e2e)\/|[._-](?:test|spec)s?\.[a-z0-9]+$|(?:^|\/)test_[^/]+$|_test\.go$/i;
const TEST_WORDS = /\b(?:assert\w*|expect\w*|mock\w*|stub\w*|spy|fixture\w*|verif(?:y|ies|ied)|scenario|case|cases|setup|teardown|parametri[sz]e\w*)\b/gi;
/** Test code in the diff hunk the comment sits on: a test function, an assertion, a mock. */
const TEST_CODE =
  /\bdef test_|@Test\b|\bit\(['"]|\bdescribe\(['"]|\bassert\w*\(|\bexpect\(|\bself\.assert|\bmock\w*|\bTest[A-Z]\w*\(|func Test\w+\(t \*testing\.T\)|\bt\.(?:Errorf|Fatalf|Run)\(|@pytest|EXPECT_|ASSERT_/;
const DOC_PATH = /\.(?:md|mdx|markdown|rst|txt|adoc|asciidoc)$|(?:^|\/)(?:docs?|documentation|man)\//i;
const PROSE_FIX = /\b(?:typos?|spelling|spelt|misspel(?:led|ling|t)|grammar|capitali[sz](?:e|ed|ation)|punctuation|wording)\b/gi;
const COMMENT_LINE = /^[+\- ]\s*(?:#|\/\/|\/\*|\*|"""|'''|<!--|--\s)/;
const DOC_MENTION = /\b(?:comments?|docstrings?|docs?|documentation|messages?|readme|changelog|help text|description|log line)\b/i;

export function applyContext(
  prose: string,
  fullProse: string,
  context: CommentContext | undefined,
  concerns: Set<Concern>,
  evidence: EvidenceLog,
): void {
  const path = context?.path ?? "";
  if (path.length > 0 && TEST_PATH.test(path) && !concerns.has("testing")) {
    const m = firstMatch(prose, TEST_WORDS, "concern");
    if (m !== null) {
      concerns.add("testing");
      evidence.add("concern:testing", m[0]);
    }
  }
  // On test code, what the words refer to is a test, unless the remark is only about layout or wording.
  if (!concerns.has("testing") && context?.diffHunk !== undefined && TEST_CODE.test(context.diffHunk)) {
    if (![...concerns].some((c) => c === "style" || c === "documentation")) {
      concerns.add("testing");
      evidence.add("concern:testing", "on test code in the diff hunk");
    }
  }
  PROSE_FIX.lastIndex = 0;
  const fix = execIfWords(PROSE_FIX, fullProse);
  if (fix === null) return;
  const hunkLines = context?.diffHunk?.trimEnd().split("\n") ?? [];
  const commentedLine = hunkLines[hunkLines.length - 1] ?? "";
  const inDocs = DOC_PATH.test(path) || COMMENT_LINE.test(commentedLine) || testIfWords(DOC_MENTION, prose);
  if (inDocs) {
    concerns.add("documentation");
    evidence.add("concern:documentation", fix[0]);
    if (!/\b(?:format\w*|indent\w*|whitespace|spac\w+|align\w*|naming|rename\w*|name)\b/i.test(prose)) {
      concerns.delete("style");
    }
  }
}

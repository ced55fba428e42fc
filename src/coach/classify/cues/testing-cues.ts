// Testing: adding, keeping or fixing tests, their setup, mocks and assertions.
// The project's own lexicon, written from general knowledge of how reviewers phrase things.

import type { Concern } from "../../types.js";
import { cue, words } from "./cue.js";

export const TESTING = [
  cue<Concern>(
    "testing",
    words(
      "tests?",
      "tested",
      "testing",
      "untested",
      "testable",
      "testability",
      "unit[- ]?tests?",
      "unittests?",
      "functional tests?",
      "integration tests?",
      "e2e",
      "sp(?:y|ies|ied|ying)(?: on| upon)?",
      "end[- ]to[- ]end",
      "regression tests?",
      "test (?:case|cases|suite|coverage|plan)",
      "coverage",
      "covered by",
      "expect\\(",
      "mock(?:s|ed|ing)?",
      "stub(?:s|bed|bing)?",
      "fakes?",
      "spy",
      "spies",
      "fixtures?",
      "flak(?:y|iness)",
      "snapshots?",
      "tdd",
      "jest",
      "pytest",
      "junit",
      "mocha",
      "vitest",
    ),
  ),
];

/** Test words among the identifiers of the comment's code spans, split into words (`assertIsInstance`, `store.test.js`). */
export const TESTING_IN_CODE = [cue<Concern>("testing", /\b(?:assert|test|tests|spec|mock|stub|spy|fixture|expect)\b/gi, "none")];

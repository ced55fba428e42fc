// Testing rules over added lines of test files.

import type { LineRule } from "./line-rule.js";

/** The start of a test case, in the common frameworks. Used to count removed tests. */
export const TEST_CASE =
  /^\s*(?:it|test|specify|scenario)(?:\.\w+)?\s*\(|^\s*def\s+test_?\w*\s*\(|^\s*func\s+Test\w*\s*\(|^\s*@(?:Test|ParameterizedTest|RepeatedTest)\b|^\s*(?:it|specify|scenario|test)\s+["']|^\s*\[(?:Fact|Theory|Test|TestMethod)\]/;

export const TESTING_RULES: readonly LineRule[] = [
  {
    id: "skipped-test",
    concern: "testing",
    severity: "medium",
    confidence: "medium",
    reason: "skips a test (`{match}`): what is no longer checked, and when does it come back?",
    languages: "code",
    tests: "only",
    pattern:
      /\b(?:describe|it|test|context|suite|specify)\.(?:skip|todo)\s*\(|(?<![\w.])(?:xit|xdescribe|xtest|xcontext|xspecify|xscenario)\b|@pytest\.mark\.(?:skip|skipif|xfail)\b|@unittest\.(?:skip|skipIf|skipUnless|expectedFailure)\b|\bself\.skipTest\s*\(|\bpytest\.(?:skip|xfail)\s*\(|\bt\.(?:Skip|SkipNow|Skipf)\s*\(|@(?:Disabled|Ignore)\b|\[(?:Ignore|Skip)\b|^\s*(?:skip|pending)\b\s*\(?["']?|\bSkip\s*=\s*"/,
  },
  {
    id: "focused-test",
    concern: "testing",
    severity: "medium",
    confidence: "high",
    reason: "focuses tests (`{match}`): every other test in the suite stops running",
    languages: ["js", "ruby"],
    tests: "only",
    pattern: /\b(?:describe|it|test|context)\.only\s*\(|(?<![\w.])(?:fit|fdescribe|fcontext|fspecify)\s*[("']|\bfocus:\s*true\b/,
  },
  {
    id: "weakened-assertion",
    concern: "testing",
    severity: "low",
    confidence: "low",
    reason: "loosens what a test checks (`{match}`): does it still fail when the code is wrong?",
    languages: "code",
    tests: "only",
    pattern: /\.toBeTruthy\(\)|\.toBeDefined\(\)|\bexpect\([^)]*\)\.(?:not\.)?toThrow\(\)|\bassert\s+True\b|\bassertTrue\(\s*true\s*\)|\bexpect\.anything\(\)|\bany\(\s*\)|\.toMatchSnapshot\(\)/,
  },
];

import { describe, expect, it } from "@jest/globals";
import { itFiresAndStaysQuiet, modifiedFile, profileOf, type FiringCase, type QuietCase } from "./risk-fixtures.js";

const SHA = "b4ffde65f46336ab88eb53be808477a3936bae11";

const FIRES: FiringCase[] = [
  ["third-party action at a branch", ".github/workflows/ci.yml", ["    steps:", "      - uses: someone/setup-thing@main"], "unpinned-action", 2],
  ["third-party action at a tag", ".github/workflows/release.yml", ["      - name: Publish", "        uses: acme/publish-action@v2.1.0"], "unpinned-action", 2],
  ["quoted ref with a comment", ".github/workflows/ci.yml", ["      - uses: \"acme/cache-thing@v3\" # cache"], "unpinned-action", 1],
  ["pull_request_target in a list", ".github/workflows/label.yml", ["on: [pull_request_target]"], "privileged-trigger", 1],
  ["pull_request_target as a key", ".github/workflows/label.yml", ["on:", "  pull_request_target:", "    types: [opened]"], "privileged-trigger", 2],
  ["workflow_run", ".github/workflows/report.yml", ["on:", "  workflow_run:", "    workflows: [CI]"], "privileged-trigger", 2],
  ["write-all permissions", ".github/workflows/ci.yml", ["permissions: write-all"], "workflow-write-permissions", 1],
  ["untrusted title in run", ".github/workflows/greet.yml", ["    steps:", "      - run: echo \"${{ github.event.pull_request.title }}\""], "workflow-script-injection", 2],
];

const QUIET: QuietCase[] = [
  ["first-party action at a tag", ".github/workflows/ci.yml", ["      - uses: actions/checkout@v4"], "unpinned-action"],
  ["third-party action at a full SHA", ".github/workflows/ci.yml", [`      - uses: someone/setup-thing@${SHA} # v1.2.0`], "unpinned-action"],
  ["a local action", ".github/workflows/ci.yml", ["      - uses: ./.github/actions/build"], "unpinned-action"],
  ["a docker action", ".github/workflows/ci.yml", ["      - uses: docker://alpine:3.19"], "unpinned-action"],
  ["an ordinary pull_request trigger", ".github/workflows/ci.yml", ["on:", "  pull_request:", "    branches: [main]"], "privileged-trigger"],
  ["a comment naming the trigger", ".github/workflows/ci.yml", ["# never use pull_request_target here"], "privileged-trigger"],
  ["read permissions", ".github/workflows/ci.yml", ["permissions:", "  contents: read"], "workflow-write-permissions"],
  ["event text through env", ".github/workflows/greet.yml", ["      - env:", "          TITLE: ${{ github.event.pull_request.title }}", "        run: echo \"$TITLE\""], "workflow-script-injection"],
];

describe("workflow rules", () => {
  itFiresAndStaysQuiet(FIRES, QUIET);

  it("a language-version matrix edit raises nothing", () => {
    const file = modifiedFile(".github/workflows/ci.yml", [
      "@@ -12,4 +12,4 @@",
      "     strategy:",
      "       matrix:",
      "-        node: [18, 20]",
      "+        node: [20, 22]",
      "     steps:",
    ]);
    expect(profileOf(file)).toEqual([]);
  });

  it("a new step with a plain command raises nothing", () => {
    const file = modifiedFile(".github/workflows/ci.yml", ["@@ -20,2 +20,3 @@", "       - run: npm ci", "+      - run: npm run lint", "       - run: npm test"]);
    expect(profileOf(file)).toEqual([]);
  });

  it("a composite action's unpinned step is read too", () => {
    const file = modifiedFile(".github/actions/setup-env/action.yml", ["@@ -4,1 +4,2 @@", "   steps:", "+    - uses: someone/setup-thing@main"]);
    expect(profileOf(file).map((f) => f.rule)).toContain("unpinned-action");
  });
});

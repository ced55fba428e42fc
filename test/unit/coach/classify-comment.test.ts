import { describe, expect, it } from "@jest/globals";
import { classifyComment } from "../../../src/coach/classify-comment.js";
import type { Concern } from "../../../src/coach/types.js";

const concernsOf = (text: string, path?: string): Concern[] =>
  classifyComment(text, path === undefined ? undefined : { path }).concerns;

describe("classifyComment: concerns", () => {
  it.each<[string, Concern]>([
    ["This builds the SQL string from the request body, so a crafted id gives SQL injection. Use a bound parameter.", "security"],
    ["The API token ends up in the debug log here; anyone with log access can read it.", "security"],
    ["Is this endpoint checking that the caller is authorized to see another tenant's invoices?", "security"],
    ["What happens if the list is empty? `items[0]` would be undefined and the reducer throws.", "edge-cases"],
    ["Two workers can pick up the same job here: this read-then-write is a race condition.", "edge-cases"],
    ["Could you add a unit test for the retry path? Right now only the happy path is covered.", "testing"],
    ["This runs one query per order inside the loop, an N+1 pattern that will be slow for big carts.", "performance"],
    ["Sorting the whole array on every request is O(n log n) where a heap would do; is this a hot path?", "performance"],
    ["The controller now talks to the database directly, which couples the HTTP layer to the storage schema.", "architecture"],
    ["This function is hard to follow with four levels of nesting; an early return would flatten it.", "readability"],
    ["Please add a docstring explaining what the returned tuple contains.", "documentation"],
    ["nit: trailing whitespace and the indentation is off by two spaces.", "style"],
  ])("%s → %s", (text, concern) => {
    expect(concernsOf(text)).toContain(concern);
  });

  it("gives exact concerns for a focused security comment", () => {
    expect(concernsOf("Passwords must never be stored in plaintext; hash them with a salt.")).toEqual(["security"]);
  });

  it("does not read testing into a typo fix on a markdown file, and calls it documentation", () => {
    const k = classifyComment("typo: recieve → receive", { path: "docs/setup.md" });
    expect(k.concerns).toEqual(["documentation"]);
  });

  it("calls the same typo style on source code", () => {
    expect(classifyComment("typo in the variable name: recieveCount", { path: "src/app.ts" }).concerns).toContain("style");
  });

  it("uses the test-file path: an assert remark there is about testing", () => {
    expect(classifyComment("Check the second call's arguments as well.", { path: "src/__tests__/cart.test.ts" }).concerns).not.toContain(
      "testing",
    );
    expect(classifyComment("This expect only checks the count, not the values.", { path: "test/cart.test.ts" }).concerns).toContain(
      "testing",
    );
  });
});

describe("classifyComment: negation", () => {
  it.each<[string, Concern]>([
    ["This is not a security issue since the value comes from our own config.", "security"],
    ["No perf concern here, the list has at most five entries.", "performance"],
    ["I don't think this needs tests, it is a one-line re-export.", "testing"],
  ])("%s does not claim %s", (text, concern) => {
    expect(concernsOf(text)).not.toContain(concern);
  });

  it("keeps a concern when the negation reports something missing", () => {
    expect(concernsOf("There are no tests for the new parser.")).toContain("testing");
    expect(concernsOf("This cache is not thread-safe.")).toContain("edge-cases");
  });

  it("keeps a concern asked as a negative question", () => {
    expect(concernsOf("Shouldn't we check for null before dereferencing?")).toContain("edge-cases");
  });

  it("bounds negation to the sentence", () => {
    expect(concernsOf("Not a big change. But this query has an injection risk.")).toContain("security");
  });
});

describe("classifyComment: signals", () => {
  it("reads a question", () => {
    const k = classifyComment("Why does this retry forever instead of giving up after a few attempts?");
    expect(k.signals).toContain("question");
  });

  it("reads a request phrased as a question as a suggestion, not a question", () => {
    const k = classifyComment("Can you rename this to `maxRetries`?");
    expect(k.signals).toContain("suggestion");
    expect(k.signals).not.toContain("question");
    expect(k.actionable).toBe(true);
  });

  it("reads rationale", () => {
    const k = classifyComment("Move the lock acquisition above the check, because otherwise two callers can both pass it.");
    expect(k.signals).toEqual(expect.arrayContaining(["rationale", "suggestion"]));
    expect(k.actionable).toBe(true);
  });

  it("reads praise", () => {
    const k = classifyComment("Nice cleanup, this reads much better now.");
    expect(k.signals).toContain("praise");
    expect(k.actionable).toBe(false);
  });

  it("does not read a wish as praise", () => {
    expect(classifyComment("It would be nice to log the request id here.").signals).not.toContain("praise");
  });

  it("does not read a softener before a 'but' as praise", () => {
    expect(classifyComment("Nice idea, but this breaks the public API for existing clients.").signals).not.toContain("praise");
  });

  it("reads nit", () => {
    const k = classifyComment("Minor: I'd prefer `const` here.");
    expect(k.signals).toEqual(expect.arrayContaining(["nit", "suggestion"]));
  });

  it("reads a GitHub suggestion block as a concrete, actionable suggestion", () => {
    const k = classifyComment("```suggestion\nconst total = items.reduce((sum, i) => sum + i.price, 0);\n```");
    expect(k).toEqual({
      concerns: [],
      signals: ["suggestion"],
      tone: "respectful",
      actionable: true,
      evidence: [
        { label: "signal:suggestion", match: "```suggestion" },
        { label: "actionable", match: "```suggestion" },
      ],
    });
  });
});

describe("classifyComment: approvals", () => {
  it.each(["LGTM", "lgtm!", "Ship it", ":shipit:", "👍", "✅", "🚀", ":+1:", "+1", "Looks good to me, thanks!"])(
    "%s is approval-only",
    (text) => {
      const k = classifyComment(text);
      expect(k.signals).toContain("approval-only");
      expect(k.concerns).toEqual([]);
      expect(k.actionable).toBe(false);
    },
  );

  it("an approval with substance is not approval-only", () => {
    const k = classifyComment("LGTM, but the migration needs a rollback script before we merge.");
    expect(k.signals).not.toContain("approval-only");
    expect(k.actionable).toBe(true);
  });

  it("an approval that points at comments below is not approval-only", () => {
    expect(classifyComment("Looks good overall, a few small comments below.").signals).not.toContain("approval-only");
  });

  it("an approval with a commit notice is still approval-only", () => {
    expect(classifyComment("Ship it! Committed to main as 4f2a9c1.").signals).toEqual(["approval-only"]);
  });
});

describe("classifyComment: Conventional Comments", () => {
  it("reads nit:", () => {
    expect(classifyComment("nit: extra blank line").signals).toContain("nit");
  });

  it("reads issue (blocking): as actionable", () => {
    const k = classifyComment("issue (blocking): the webhook secret is compared with ===, use a timing-safe comparison.");
    expect(k.actionable).toBe(true);
    expect(k.concerns).toContain("security");
    expect(k.signals).not.toContain("nit");
  });

  it("reads decorations", () => {
    const k = classifyComment("suggestion (non-blocking, performance): hoist the regex out of the loop.");
    expect(k.signals).toEqual(expect.arrayContaining(["suggestion", "nit"]));
    expect(k.concerns).toContain("performance");
  });

  it("reads praise: and question:", () => {
    expect(classifyComment("praise: great test names, very easy to scan.").signals).toContain("praise");
    expect(classifyComment("question: is this called before init?").signals).toContain("question");
  });
});

describe("classifyComment: markdown", () => {
  it("ignores quoted text", () => {
    const k = classifyComment("> this is a SQL injection risk and it's garbage\n\nI checked: the value is an enum, so it's fine.");
    expect(k.concerns).not.toContain("security");
    expect(k.tone).toBe("respectful");
  });

  it("reads HTML tags as markup: a pasted screenshot's alt text is not the reviewer's wording", () => {
    const k = classifyComment('On staging the button just says "back" <img width="335" alt="screen shot of the login page" src="https://example.com/a.png">');
    expect(k.concerns).not.toContain("documentation");
    expect(classifyComment('See <a href="https://example.com/x">the retry helper</a> instead of a new loop.').signals).toContain("suggestion");
  });

  it("ignores fenced and indented code", () => {
    const fenced = classifyComment("Same here:\n\n```ts\nconst password = await fetchSecret(); // TODO test\n```");
    expect(fenced.concerns).toEqual([]);
    const indented = classifyComment("For example:\n\n    assert user.password is None\n\nthat's what I meant.");
    expect(indented.concerns).not.toContain("security");
  });

  it("keeps sentence structure around inline code", () => {
    const k = classifyComment("Use `Map` instead of a plain object here.");
    expect(k.signals).toContain("suggestion");
    expect(k.actionable).toBe(true);
  });

  it("is not confused by links and mentions", () => {
    const k = classifyComment("@security-team see https://example.com/testing/performance-guide#injection");
    expect(k.concerns).toEqual([]);
    const only = classifyComment("https://github.com/org/repo/pull/42");
    expect(only.signals).toEqual([]);
    expect(only.evidence).toEqual([{ label: "tone:respectful", match: "nothing matched: only a link" }]);
  });
});

describe("classifyComment: tone", () => {
  it.each([
    "Did you even test this?",
    "This is obviously wrong.",
    "Who wrote this? It makes no sense.",
    "Ugh, this is ugly.",
    "Damn, this broke the build again.",
  ])("%s is harsh", (text) => {
    expect(classifyComment(text).tone).toBe("harsh");
  });

  it.each(["What the fuck is this?", "You're an idiot if you merge this.", "This is shit code."])("%s is toxic", (text) => {
    expect(classifyComment(text).tone).toBe("toxic");
  });

  it.each([
    "Kill the process before restarting the worker.",
    "Use a dummy variable for the unused tuple slot.",
    "Rebase on the master branch, then abort the old run.",
    "execute() should return the exit code.",
    "The assertion on the hash is too weak.",
    "I'm an idiot, I pushed the wrong branch. Fixed.",
    "Sorry, stupid question: where is this configured?",
  ])("%s is respectful", (text) => {
    expect(classifyComment(text).tone).toBe("respectful");
  });

  it("explains tone with the words that led to it", () => {
    expect(classifyComment("This is garbage.").evidence).toContainEqual({ label: "tone:harsh", match: "is garbage" });
  });
});

describe("classifyComment: text it cannot read", () => {
  it.each([
    ["", "nothing matched: no text"],
    ["   \n\t ", "nothing matched: no text"],
    ["これはセキュリティの問題ではありません。テストを追加してください。", "nothing matched: mostly non-Latin script"],
    ["Bitte die Tests hier noch ergänzen, das ist nicht gut so.", "nothing matched: not English"],
  ])("%j claims nothing", (text, reason) => {
    expect(classifyComment(text)).toEqual({
      concerns: [],
      signals: [],
      tone: "respectful",
      actionable: false,
      evidence: [{ label: "tone:respectful", match: reason }],
    });
  });
});

describe("classifyComment: actionable", () => {
  it("is actionable when it says what to change", () => {
    expect(classifyComment("Please wrap this in a transaction.").actionable).toBe(true);
  });

  it("is actionable when it says what to check", () => {
    expect(classifyComment("What happens when the token has expired?").actionable).toBe(true);
  });

  it("is not actionable when it only reacts", () => {
    expect(classifyComment("Interesting, I didn't know that.").actionable).toBe(false);
  });
});

describe("classifyComment: determinism and speed", () => {
  it("returns the same result twice", () => {
    const text = "Why not cache this? It is called on every request and hits the database.";
    expect(classifyComment(text)).toEqual(classifyComment(text));
  });

});

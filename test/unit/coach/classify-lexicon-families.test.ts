import { describe, expect, it } from "@jest/globals";
import { classifyComment } from "../../../src/coach/classify-comment.js";

// Lexicon and stage additions of issue 10's fourth, sixth, eighth and tenth passes, positive and negative cases each, written for
// the project.

const concernsOf = (text: string): string[] => classifyComment(text).concerns;

describe("documentation left stale by the change", () => {
  it.each(["This part is outdated now.", "The usage section should be updated for the new flag.", "Maybe add a short blurb on the retry flag."])(
    "%s is documentation",
    (text) => expect(concernsOf(text)).toContain("documentation"),
  );
  it("a counter that is updated is not documentation", () =>
    expect(concernsOf("The counter is updated on every retry.")).not.toContain("documentation"));
});

describe("where code belongs", () => {
  it("belonging in a module is architecture", () => expect(concernsOf("This parsing belongs in the config module.")).toContain("architecture"));
  it("a value belonging to a user is not", () => expect(concernsOf("This value belongs to the signed-in user.")).not.toContain("architecture"));
});

describe("quoted wording versus quoted markup", () => {
  it("a quoted sentence on offer is documentation", () =>
    expect(concernsOf('Maybe say "retries the upload once" instead.')).toContain("documentation"));
  it("a quoted template expression is not", () =>
    expect(concernsOf('Maybe use class="<%= item.active ? 1 : 0 %>" instead.')).not.toContain("documentation"));
});

describe("side effects", () => {
  it("a hidden side effect is an edge case", () =>
    expect(concernsOf("This getter has a side effect: it resets the counter.")).toContain("edge-cases"));
  it("a function without one is not", () => expect(concernsOf("Move this getter below the constructor.")).not.toContain("edge-cases"));
});

describe("a proposal put to the team", () => {
  const signalsOf = (text: string): string[] => classifyComment(text).signals;
  it("could we … ? asks and proposes", () =>
    expect(signalsOf("Could we cache the parsed config here?")).toEqual(expect.arrayContaining(["question", "suggestion"])));
  it("could you … ? only requests", () => expect(signalsOf("Could you cache the parsed config here?")).not.toContain("question"));
});

describe("redundant code named without a readability word (eighth pass)", () => {
  it.each([
    "This `if` can be removed.",
    "Is this still needed?",
    "Is `retryCount` used anywhere?",
    "Do we need this?",
    "Shouldn't we get rid of this line?",
    "This variable is not used.",
  ])("%s is readability", (text) => expect(concernsOf(text)).toEqual(["readability"]));
  it("the same question about a test stays about testing", () =>
    expect(concernsOf("Is this still needed? The test passes without it.")).toEqual(["testing"]));
  it("code that must stay is not a redundancy remark", () =>
    expect(concernsOf("This call can't be removed: the handler reads the header.")).not.toContain("readability"));
  it("a question about behaviour is not either: it asks about an edge case", () =>
    expect(concernsOf("Is this called twice on reload?")).toEqual(["edge-cases"]));
});

describe("other code offered for the same line (eighth pass)", () => {
  it.each(["Could also do `if not items: return False` here.", "Might be nicer as `for (const u of users) total += u.size;` here.", "Could be `Optional[str]`."])(
    "%s is readability",
    (text) => expect(concernsOf(text)).toEqual(["readability"]),
  );
  it("an offer without code is not", () => expect(concernsOf("How about we wait for the next release?")).toEqual([]));
  it("code described, not offered, is not", () => expect(concernsOf("`parse()` returns a list here.")).toEqual([]));
  it("an offer beside a named concern keeps that concern only", () =>
    expect(concernsOf("Why not `retry()` here? It swallows the error when the socket is closed.")).toEqual(["edge-cases"]));
});

describe("process isolation and signatures are security (eighth pass)", () => {
  it.each([
    "Run the daemon in a minijail and drop privileges before it reads input.",
    "Should this have its own seccomp policy?",
    "This runs as root, so go through rootwrap.",
    "Verify the signature before unpacking the update.",
  ])("%s is security", (text) => expect(concernsOf(text)).toContain("security"));
  it.each(["Drop the privileges column from this report.", "The jailbreak banner moved to the helper.", "Rename chroot_dir to root_dir."])(
    "%s is not",
    (text) => expect(concernsOf(text)).not.toContain("security"),
  );
});

describe("a remark on test code in the diff hunk is about the test (eighth pass)", () => {
  const testHunk = "@@ -10,4 +10,6 @@ class RetryTest(unittest.TestCase):\n     def test_retry(self):\n+        client = mock.Mock()\n+        self.assertEqual(retry(client), 3)";
  const codeHunk = "@@ -10,4 +10,6 @@ def retry(client):\n     attempts = 0\n+    while attempts < 3:\n+        attempts += 1";
  const on = (text: string, diffHunk: string): string[] => classifyComment(text, { diffHunk }).concerns;
  it("a question on the test's lines is testing", () => expect(on("Do we need the second call here?", testHunk)).toContain("testing"));
  it("the same question on product code is not", () => expect(on("Do we need the second call here?", codeHunk)).not.toContain("testing"));
  it("a layout remark on test code stays style", () => expect(on("Fix the indentation here.", testHunk)).toEqual(["style"]));
});

describe("caching as a technique is performance, a cache as a component is not (eighth pass)", () => {
  it.each(["Could you cache result of this call? It fires the hooks twice.", "Is property caching worth it here?", "Lots of cache misses on this path."])(
    "%s is performance",
    (text) => expect(concernsOf(text)).toContain("performance"),
  );
  it.each([
    "The info cache is refreshed by the periodic task.",
    "Set the cache mode to none for direct IO.",
    "Do memcache keys have a maximum length?",
  ])("%s is not", (text) =>
    expect(concernsOf(text)).not.toContain("performance"),
  );
});

describe("the pace of the team's work is not the program's speed (eighth pass)", () => {
  it.each([
    "Changes to this class will slow down landing this patch quite a bit.",
    "Maybe open a ticket so we can merge this faster?",
    "Making it configurable adds overhead to understanding this code.",
    "Try slowly refactoring things from File to Path.",
  ])("%s is not performance", (text) => expect(concernsOf(text)).not.toContain("performance"));
  it.each(["This extra call will slow down the request.", "The page loads slowly.", "Logging here adds overhead to every call."])(
    "%s is performance",
    (text) => expect(concernsOf(text)).toContain("performance"),
  );
  it("the activity named stays readable", () => expect(concernsOf("Try slowly refactoring things from File to Path.")).toContain("architecture"));
});

describe("a breaking change is a compatibility edge case (eighth pass)", () => {
  it("naming the break is edge-cases", () =>
    expect(concernsOf("This is a breaking change. We would need to support both for a time.")).toContain("edge-cases"));
  it("breaking a change up is not", () =>
    expect(concernsOf("Nice change, thanks for breaking this up into smaller commits.")).not.toContain("edge-cases"));
});

describe("state that drifts apart is an edge case (eighth pass)", () => {
  it.each(["Won't this leave the two stores out of sync?", "The worker may read stale data here."])("%s is edge-cases", (text) =>
    expect(concernsOf(text)).toContain("edge-cases"),
  );
  it("a stale comment is documentation, not an edge case", () => expect(concernsOf("This comment is stale now.")).not.toContain("edge-cases"));
});

describe("an exception class named is error handling (eighth pass)", () => {
  it.each(["Please explicitly catch the DownloadError here.", "This is not the right exception class: InvalidSelectorException covers bad locators."])(
    "%s is edge-cases",
    (text) => expect(concernsOf(text)).toContain("edge-cases"),
  );
  it.each(["An error here is fine.", "Rename ErrorBanner to AlertBanner."])("%s is not", (text) =>
    expect(concernsOf(text)).not.toContain("edge-cases"),
  );
});

describe("a comment that is only code offers that code (eighth pass)", () => {
  it.each([
    ["`2**64 / 2`", "readability"],
    ["`if token.is_expired:` ?", "readability"],
    ['```raise NotFoundError("no account %s" % account_id)```', "edge-cases"],
    ["`Create the per-module contexts in parallel.` ?", "documentation"],
  ])("%s is %s", (text, concern) => expect(concernsOf(text)).toEqual([concern]));
  it("a lone name is left unread", () => expect(concernsOf("`retryCount`")).toEqual([]));
  it("the evidence is the code", () =>
    expect(classifyComment("`2**64 / 2`").evidence).toEqual([{ label: "concern:readability", match: "2**64 / 2" }]));
});

describe("where imports go is style (eighth pass)", () => {
  it.each([
    "Move the auth use statement below the other use statements please.",
    "nit, can you move this import down with the non stdlib imports.",
    "Should this be a system include?",
  ])("%s is style", (text) => expect(concernsOf(text)).toContain("style"));
  it("a tool that imports data is not", () => expect(concernsOf("This method is mainly used in the import tool.")).not.toContain("style"));
});

describe("privilege and embedded secrets are security (tenth pass)", () => {
  it.each([
    "Why do we start the worker as root here?",
    "The installer should drop to an unprivileged account first.",
    "This step needs root privileges; can it run in the container instead?",
    "Please load the deploy key from the vault instead of a hard-coded key.",
  ])("%s is security", (text) => expect(concernsOf(text)).toContain("security"));
  it.each([
    "The root node is started as the first child.",
    "The hardcoded keys of this map are the column names.",
    "Kill the stale process before the next run.",
  ])("%s is not", (text) => expect(concernsOf(text)).not.toContain("security"));
});

describe("a code comment judged or asked for is documentation (tenth pass)", () => {
  it.each([
    "Comment is outdated.",
    "Obvious comment, drop it.",
    "Please reword comment.",
    "This branch deserves a comment.",
  ])("%s is documentation", (text) => expect(concernsOf(text)).toContain("documentation"));
  it.each(["The form needs comments enabled for guests.", "Sorry, my earlier remark was wrong."])("%s is not", (text) =>
    expect(concernsOf(text)).not.toContain("documentation"),
  );
});

describe("'this message' is the wording people read unless it travels (tenth pass)", () => {
  it.each(["I really like this message, it says what to do next.", "This message should be a warning."])(
    "%s is documentation",
    (text) => expect(concernsOf(text)).toContain("documentation"),
  );
  it.each(["This message is sent to every subscriber.", "That message queue fills up fast.", "This message has been serialized already."])(
    "%s is not",
    (text) => expect(concernsOf(text)).not.toContain("documentation"),
  );
});

describe("formatting code is style, a data format is not (tenth pass)", () => {
  it.each([
    "Please run the formatter on this file.",
    "Format the code with black.",
    "The formatting is off here.",
    "Can we fix the format of this comment?",
    "Windows line endings crept in.",
  ])("%s is style", (text) => expect(concernsOf(text)).toContain("style"));
  it.each(["The date format must be ISO 8601.", "Return a better formatted datetime.", "Are format strings supported for Println?"])(
    "%s is not",
    (text) => expect(concernsOf(text)).not.toContain("style"),
  );
});

describe("what a module exposes is architecture (tenth pass)", () => {
  it.each(["Do we need to expose this method?", "Exposed so tests can reach it.", "Why expose the cache outside the client?"])(
    "%s is architecture",
    (text) => expect(concernsOf(text)).toContain("architecture"),
  );
  it.each(["We expose all these metrics on /status.", "Logs are only exposed when the job fails.", "This exposes the password in the logs."])(
    "%s is not",
    (text) => expect(concernsOf(text)).not.toContain("architecture"),
  );
});

describe("where code should go is architecture (tenth pass)", () => {
  it.each([
    "This check should go into the validator as well.",
    "I think this transaction should have gone into the model.",
    "Conversion should be done at the upper level.",
  ])("%s is architecture", (text) => expect(concernsOf(text)).toContain("architecture"));
  it.each(["This should go in the changelog.", "You can go in and fix it.", "These calls can happen in parallel."])("%s is not", (text) =>
    expect(concernsOf(text)).not.toContain("architecture"),
  );
});

describe("abstract types and a broken API are architecture (tenth pass)", () => {
  it.each(["Please leave this class as abstract.", "Changing the return type would break the API."])("%s is architecture", (text) =>
    expect(concernsOf(text)).toContain("architecture"),
  );
  it.each(["This would break the build.", "Breaking the loop early is fine."])("%s is not", (text) =>
    expect(concernsOf(text)).not.toContain("architecture"),
  );
});

describe("reusing the project's code is architecture, a reused resource is not (tenth pass)", () => {
  it.each(["Can we reuse the existing retry helper instead?", "Please reuse parseConfig from utils rather than a new parser."])(
    "%s is architecture",
    (text) => expect(concernsOf(text)).toContain("architecture"),
  );
  it.each(["The connection gets reused.", "This guards against PID reuse."])("%s is not", (text) =>
    expect(concernsOf(text)).not.toContain("architecture"),
  );
});

describe("a package dependency is architecture (tenth pass)", () => {
  it.each(["Is it already a dependency of the data package?", "This pulls in a new dependency for one helper."])(
    "%s is architecture",
    (text) => expect(concernsOf(text)).toContain("architecture"),
  );
  it("independence of two steps is not", () =>
    expect(concernsOf("The order is irrelevant: the two steps have no interdependency.")).not.toContain("architecture"));
});

describe("code that reads oddly is readability (tenth pass)", () => {
  it.each([
    "This reads awkwardly, maybe invert the condition.",
    "Something like this makes the code more obvious.",
    "Setting it twice is a funny construct.",
  ])("%s is readability", (text) => expect(concernsOf(text)).toContain("readability"));
  it("an obvious fix is not", () => expect(concernsOf("The fix is obvious once you see the log.")).not.toContain("readability"));
});

describe("asking for input is a question (tenth pass)", () => {
  const signalsOf = (text: string): string[] => classifyComment(text).signals;
  it.each(["I couldn't find a better class for these. Any suggestions?", "Whats this for?", "Opinions?"])("%s is a question", (text) =>
    expect(signalsOf(text)).toContain("question"),
  );
  it.each(["`retryCount`?", "Newer version?"])("%s is wording on offer, not a question", (text) =>
    expect(signalsOf(text)).not.toContain("question"),
  );
});

describe("extracting code into a function is readability (eleventh pass)", () => {
  it.each([
    "Could these four lines become their own function?",
    "Pull the retry loop into a separate method and call it from both handlers.",
    "Let's move the parsing of headers to a new method.",
  ])("%s is readability", (text) => expect(concernsOf(text)).toContain("readability"));
  it.each(["This makes a separate function call per row.", "The new function is covered by the tests above."])(
    "%s is not",
    (text) => expect(concernsOf(text)).not.toContain("readability"),
  );
});

describe("an alternative inside a testing or speed remark is not a design (eleventh pass)", () => {
  it.each([
    "Please stub the network client in the fixture instead of starting a real server.",
    "A bit shift instead of the multiplication would be faster here.",
  ])("%s is not architecture, and its evidence is taken back", (text) => {
    const { concerns, evidence } = classifyComment(text);
    expect(concerns).not.toContain("architecture");
    expect(evidence.map((e) => e.label)).not.toContain("concern:architecture");
  });
  it.each([
    "Rather than a subclass per test, use a factory in the test module.",
    "Can the client be passed in as a dependency instead of constructed here? It makes the service hard to test.",
    "Keep the parsing in the client instead of the server.",
  ])("%s is architecture", (text) => expect(concernsOf(text)).toContain("architecture"));
});

describe("code called unneeded without a readability word (eleventh pass)", () => {
  it.each([
    "I don't think we need the else branch here.",
    "You don't need to add the wrapper here.",
    "Is there a point to wrapping this value?",
    "You don't actually have to convert it to a list here.",
  ])("%s is readability", (text) => expect(concernsOf(text)).toContain("readability"));
  it.each(["We need to add the wrapper here.", "There is a point to this: the value is shared."])("%s is not", (text) =>
    expect(concernsOf(text)).not.toContain("readability"),
  );
});

describe("redundant code is readability, not a design remark (eleventh pass)", () => {
  it.each(["This null guard is redundant.", "Looks like a redundant config entry, can you check?"])(
    "%s is not architecture",
    (text) => expect(concernsOf(text)).not.toContain("architecture"),
  );
  it("a redundant layer of the design still is", () =>
    expect(concernsOf("This service layer is redundant: the controller already validates.")).toContain("architecture"));
});

describe("'we should use' alone proposes a construct, not a design (eleventh pass)", () => {
  it.each(["We should use a switch statement here.", "We can return from the loop as soon as it is found."])(
    "%s is not architecture",
    (text) => expect(concernsOf(text)).not.toContain("architecture"),
  );
  it("reusing a module of the project still is", () =>
    expect(concernsOf("We could reuse the existing parser module instead.")).toContain("architecture"));
});

describe("asking whether code is needed is readability, not a design discussion (eleventh pass)", () => {
  it.each(["Is this enum used anywhere?", "Is it necessary to wrap all these methods in a closure?"])(
    "%s is readability, not architecture",
    (text) => {
      const concerns = concernsOf(text);
      expect(concerns).toContain("readability");
      expect(concerns).not.toContain("architecture");
    },
  );
  it("a proposal about structure still is", () =>
    expect(concernsOf("Could this be a private static method?")).toContain("architecture"));
});

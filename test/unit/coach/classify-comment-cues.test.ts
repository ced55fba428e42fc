import { describe, expect, it } from "@jest/globals";
import { classifyComment } from "../../../src/coach/classify-comment.js";

const signalsOf = (text: string): string[] => classifyComment(text).signals;
const concernsOf = (text: string): string[] => classifyComment(text).concerns;

describe("classifyComment: questions and requests phrased as questions", () => {
  it.each([
    "Is this still reachable now that the flag is gone?",
    "How does this behave when two tenants share a schema?",
    "I wonder whether the retry belongs in the client instead.",
    "Any reason this runs before the migration step",
    "Do we really need a second copy of the config here?",
  ])("%s asks", (text) => {
    expect(signalsOf(text)).toContain("question");
  });

  it.each(["Why not reuse the existing date parser?", "Should we retry on a 503 as well?", "Can we drop this branch now?"])(
    "%s both asks and proposes",
    (text) => {
      const k = classifyComment(text);
      expect(k.signals).toEqual(expect.arrayContaining(["question", "suggestion"]));
      expect(k.actionable).toBe(true);
    },
  );

  it.each([
    "Could you split this into two commits?",
    "How about a lookup table here?",
    "Maybe a constant for the timeout?",
    "plural here?",
    "nit: blank line before the return?",
    "Couldn't we just pass the logger in?",
  ])("%s is a request or proposal, not a question", (text) => {
    const k = classifyComment(text);
    expect(k.signals).not.toContain("question");
    expect(k.signals).toContain("suggestion");
  });

  it("does not ask with a hedge alone", () => {
    expect(signalsOf("Not sure this matters much, the list is tiny.")).not.toContain("question");
  });
});

describe("classifyComment: design discussion", () => {
  it.each([
    "Could this be a private static method on the parser class?",
    "Why keep a list here rather than a map keyed by id?",
    "This helper is not needed, the base class already exposes the same method.",
    "Is there a better approach than polling the queue in a loop?",
    "The retry policy should live in the client, not in each caller.",
  ])("%s is architecture", (text) => {
    expect(concernsOf(text)).toContain("architecture");
  });

  it.each([
    "We could couple of lines shorter here.",
    "A couple of small comments below.",
    "Could you add a docstring to this method?",
    "Please rename this method to `loadAll`.",
  ])("%s is not architecture", (text) => {
    expect(concernsOf(text)).not.toContain("architecture");
  });
});

describe("classifyComment: edge cases need a defect claim for failure words", () => {
  it.each([
    "This will fail if the payload is larger than the buffer.",
    "If the lookup fails we never release the lock.",
    "The timeout is not handled here, so the worker hangs.",
  ])("%s is edge-cases", (text) => {
    expect(concernsOf(text)).toContain("edge-cases");
  });

  it.each(["Please mention in the docstring that this raises KeyError.", "See the retry section of the guide."])(
    "%s names a failure mode without claiming one",
    (text) => {
      expect(concernsOf(text)).not.toContain("edge-cases");
    },
  );

  it("does not read a cache noun as a performance concern", () => {
    expect(concernsOf("The image cache directory is created by the installer.")).not.toContain("performance");
    expect(concernsOf("We could cache the result of this lookup per request.")).toContain("performance");
  });
});

describe("classifyComment: style and documentation cues", () => {
  it.each(["fetchUser -> loadUser", "s/maxItems/itemLimit/", "Name it `pendingJobs` instead.", "This fits on one line."])(
    "%s is style",
    (text) => {
      expect(concernsOf(text)).toContain("style");
    },
  );

  it("a nit marker alone is not a style topic", () => {
    expect(concernsOf("nit: this lock is never released on the error path")).not.toContain("style");
  });

  it.each(['Maybe "returns the cached entry, or null" reads better.', "This docstring is no longer accurate."])(
    "%s is documentation",
    (text) => {
      expect(concernsOf(text)).toContain("documentation");
    },
  );

  it("reads 'note that' as discourse, not documentation", () => {
    expect(concernsOf("Note that the loop exits early when the set is full.")).not.toContain("documentation");
  });
});

describe("classifyComment: praise versus softeners", () => {
  it.each(["Good catch, thanks!", "Nice, this reads much better now.", "Yeah, that totally makes sense now."])(
    "%s is praise",
    (text) => {
      expect(signalsOf(text)).toContain("praise");
    },
  );

  it.each([
    "Should we also cover the empty header case? Otherwise makes sense.",
    "This would read better as a loop, but this is still fine.",
    "That could become a nice cleanup for later.",
  ])("%s is not praise", (text) => {
    expect(signalsOf(text)).not.toContain("praise");
  });
});

describe("classifyComment: machine output", () => {
  it("claims nothing for a CI bot report", () => {
    const k = classifyComment(
      "Build failed!\n\nReviews applied: [1234, 1235]\n\nFailed command: make check\n\nSee the log for the failing test.",
    );
    expect(k.concerns).toEqual([]);
    expect(k.signals).toEqual([]);
    expect(k.evidence).toEqual([{ label: "tone:respectful", match: "nothing matched: machine output" }]);
  });

  it("claims nothing for a pasted compiler log", () => {
    const log = [
      "src/app/main.c:12:3: error: unknown type name 'sizet'",
      "src/app/main.c:40:9: warning: unused variable 'len'",
      "src/app/io.c:7:1: error: expected ';' before '}' token",
      "src/app/io.c:9:5: warning: implicit declaration of function 'readAll'",
      "make: *** [all] Error 1 while building the target for the release configuration",
    ].join("\n");
    expect(classifyComment(log).concerns).toEqual([]);
  });

  it("still reads a reviewer who mentions a failing build", () => {
    expect(concernsOf("This will break the build on Windows because the path separator is hard-coded.")).not.toEqual([]);
  });
});

describe("classifyComment: comments that point at a defect in behaviour", () => {
  it.each([
    "This comparison will always be false once the cache is warm.",
    "The file handle is never closed on the early return.",
    "The timeout should be passed in seconds, not milliseconds.",
    "This returns the first match instead of the last one.",
    "You forgot to reset the counter after the flush.",
    "You need to pass the request context here as well.",
    "There is no check for a zero divisor before the division.",
    "The parser doesn't handle a trailing comma.",
    "The lock should be acquired before reading the shared map.",
    "The inner loop variable shadows the outer parameter.",
    "This erroneously skips the last page of results.",
    "Removing the flag here breaks existing callers that still send it.",
    "`asyncio.timeout` is not available before Python 3.11.",
    "Please add a negative test where the token has expired.",
    "If the config file is missing the loader is going to return an empty map.",
    "Keep the previous behaviour for clients that omit the header.",
  ])("%s is edge-cases", (text) => {
    expect(concernsOf(text)).toContain("edge-cases");
  });

  it.each([
    "Could you rename this helper to something shorter?",
    "Let's move this block into its own function.",
    "Correct me if I'm wrong, but this module is only imported by the CLI.",
    "Nothing wrong with this, I just find the loop hard to read.",
  ])("%s is not edge-cases", (text) => {
    expect(concernsOf(text)).not.toContain("edge-cases");
  });

  it("reads a documentation request about a failure mode as documentation only", () => {
    const k = classifyComment("Could you add a note to the docstring that this raises when the queue is empty?");
    expect(k.concerns).toContain("documentation");
    expect(k.concerns).not.toContain("edge-cases");
  });

  it("does not read a lone failure word as a defect", () => {
    expect(concernsOf("The retry wrapper lives in the shared client module.")).not.toContain("edge-cases");
  });
});

describe("classifyComment: names on offer", () => {
  it.each(["Maybe call it `retry_limit`?", "I'd suggest fetch_all_pages() here.", "This should be named after the event, e.g. orderPlaced."])(
    "%s is style",
    (text) => {
      expect(concernsOf(text)).toContain("style");
    },
  );

  it.each(["We should call this method before opening the socket.", "Make sure to call that from the worker thread only."])(
    "%s is not a naming remark",
    (text) => {
      expect(concernsOf(text)).not.toContain("style");
    },
  );
});

describe("classifyComment: partial approvals", () => {
  it("a partial approval is not approval-only", () => {
    expect(classifyComment("The other changes look good.").signals).not.toContain("approval-only");
    expect(classifyComment("The rest looks good to me.").signals).not.toContain("approval-only");
  });
});

describe("classifyComment: missing checks, uncovered cases and lost values", () => {
  it.each([
    "This is where I'd handle None before building the key.",
    "I don't think we can safely assume every row has a parent id.",
    "Once the entry is found you should break out of the loop.",
    "With this rewrite we lost the retry flag on the second call.",
    "You don't have the same 'if session' check in the async path.",
    "We should also be validating the upper bound, not only the lower one.",
    "This won't work when the caller passes a relative path.",
    "If the header isn't present the parser falls through to the default branch.",
    "Skipping the flush here could result in data loss on shutdown.",
    "Also assert that the callback was not invoked.",
    "Please add assertions for the two error counters.",
    "Good to add a case for an expired certificate.",
    "It would be safer to validate the length before slicing.",
    "The query won't include archived rows unless the flag is passed.",
    "The session should already be initialised before this handler runs.",
    "You forgot to close the reader, as mentioned above.",
    "You missed this one: the second writer still skips the flush.",
  ])("%s is edge-cases", (text) => {
    expect(concernsOf(text)).toContain("edge-cases");
  });

  it.each([
    "We should just use a plain loop rather than a comprehension here.",
    "Indent the list items, otherwise the formatting is wrong.",
    "This needs to be called fetch_pages to match the other helpers.",
    // An unused variable is lint-level (DESIGN.md), not a behavioural defect.
    "This variable is now unused after the refactor.",
  ])("%s is not edge-cases", (text) => {
    expect(concernsOf(text)).not.toContain("edge-cases");
  });
});

import { describe, expect, it } from "@jest/globals";
import { classifyComment } from "../../../src/coach/classify-comment.js";
import type { Concern } from "../../../src/coach/types.js";

// The failure families of issue 10, each with positive and negative cases written for the project.

const concernsOf = (text: string): Concern[] => classifyComment(text).concerns;

describe("code words are not concerns", () => {
  it.each([
    "This list could be a tuple.",
    "Use a for loop here.",
    "Use `a || b` instead of the ternary.",
    "Why does this function return early?",
    "Should this module be imported at the top?",
    "Could you log the object here?",
    "Should we handle this differently in the future?",
    "This check is unnecessary.",
    "The unused parameter in this method can go.",
    "A generator could be handy here.",
  ])(
    "%s is not architecture",
    (text) => expect(concernsOf(text)).not.toContain("architecture"),
  );
  it.each([
    "This logic belongs in the service layer, not the controller.",
    "Why not reuse the existing retry helper instead of writing a new one?",
    "Could this be a private static method?",
  ])(
    "%s is architecture",
    (text) => expect(concernsOf(text)).toContain("architecture"),
  );
});

describe("access control and risk without the word security", () => {
  it.each([
    "Non-admins should not be able to delete other users' projects.",
    "Who can call this endpoint? Anyone with the link?",
    "Is this scoped per tenant? Otherwise one tenant can read another's data.",
    "This skips `checkCredentials` on the retry path.",
    "With `noAuth` set the route is open to everyone.",
    "This is dangerous: it passes malformed input straight to the shell.",
    "This could leak the session id into the logs.",
    "Only users with the right permissions should see the admin view.",
  ])("%s is security", (text) => expect(concernsOf(text)).toContain("security"));
});

describe("security words used as a topic", () => {
  it.each([
    "Use dependency injection here so we can swap the client in tests.",
    "Encryption here is slow; cache the cipher.",
    "The parser returns the next token here.",
    "Rename the `SecurityLevel` enum.",
    "Store the permissions list as a set.",
    "Rename this class to AuthorizationMiddleware, it reads better.",
    "I'd go with naming the module after the class, i.e. the csrf token helper.",
    "Let's call this helper `csrf-guard.js` so it matches its neighbours.",
    "This event comes when the admin (or whoever) detaches the port out of band, and then we would be leaking the allocation in placement.",
  ])("%s is not security", (text) => expect(concernsOf(text)).not.toContain("security"));
  it.each([
    "Rename this variable. Also, this lets any user skip the authorization check.",
    "Anyone can read other users' tokens here, e.g. by changing the id in the URL.",
  ])("%s is still security", (text) => expect(concernsOf(text)).toContain("security"));
});

describe("edge cases as scenarios and defects in domain terms", () => {
  it.each([
    "What happens if the list is empty?",
    "Are you sure it never returns null?",
    "The order of these calls matters.",
    "This behaves differently on Windows.",
    "Is the lookup case sensitive?",
    "This breaks backward compatibility.",
    "isn't this a BC break?",
    "This always returns False.",
    "This change is backwards-incompatible for existing configs.",
    "Catch a narrower exception here.",
    "Log the error?",
    "This counts the wrong thing.",
    "The value is overwritten in the loop.",
    "This doesn't compile.",
    "This will cause the delete handler to be called twice whenever the table is redrawn.",
    "Is it possible for `Destroy` to be called twice with the same name?",
  ])("%s is edge-cases", (text) => expect(concernsOf(text)).toContain("edge-cases"));
  it.each([
    "Rename `order` to `sortOrder`.",
    "Nice, the empty line here can go.",
    "Do we really need the DB API changes? We already have a helper for the root device.",
    "This is where we always pass in an endpoint, so we wouldn't get here.",
  ])("%s is not edge-cases", (text) =>
    expect(concernsOf(text)).not.toContain("edge-cases"),
  );
});

describe("tone: technical senses stay respectful, pejoratives at a person do not", () => {
  it.each(["WTF::String is the right type here.", "kill the process after the timeout", "use a dummy value in the test", "just a sanity check before merging", "my code here is garbage, sorry"])(
    "%s is respectful",
    (text) => expect(classifyComment(text).tone).toBe("respectful"),
  );
  it.each(["Are you lazy? You ignored my comment again.", "You're being careless with this."])("%s is harsh", (text) =>
    expect(classifyComment(text).tone).toBe("harsh"),
  );
});

describe("approvals: bots, CI reports and conditions are not approvals", () => {
  it("a plain approval is approval-only", () => expect(classifyComment("LGTM").signals).toContain("approval-only"));
  it.each([
    "Ship it after you fix the test.",
    "LGTM once CI is green",
    "Patch looks great!\n\nReviews applied: [123]\n\nAll tests passed.",
    "Build succeeded. All tests passed.",
  ])("%s is not approval-only", (text) => expect(classifyComment(text).signals).not.toContain("approval-only"));
});

describe("documentation: what the code tells people, not every word about describing", () => {
  it.each([
    "The error message should include the account id so whoever debugs this knows which one failed.",
    "Add some context to the exception: which file could not be read?",
    "This log line is misleading now that we retry.",
    "The `@throws` tag is missing from the docblock.",
    "Please mention this in the upgrade notes, it changes the stored format.",
    "nit: \"which contains\" reads better than \"containing\" here.",
    "Typo in the help text.",
    "nit: future proof this by just saying \"operation\".",
    "Let's be specific and say that the check runs before the lock is taken.",
    "Most of these comments don't provide any information, please remove them.",
    "remove comment?",
    "Comments explaining the logic as you go would be appreciated.",
    "Include the multiplier name in this message.",
    "As per the style guide, please update the docs with the new flag.",
    "You need a message that tells the user to relocate the data.",
  ])("%s is documentation", (text) => expect(concernsOf(text)).toContain("documentation"));
  it.each([
    "The PR description says this fixes the cache, but I don't see how.",
    "I can't tell from the test name what this describes.",
    "We keep \"admin accounts\" in a separate table, so this join misses them.",
    "It is not obvious why this change solves the problem.",
    "I'd say that the cache should live in the service.",
    "That is not to say that the handlers shouldn't check their own input.",
    "Can we rename the file to say \"run_local_sentry\" so it is clearly for developers?",
    "The api key values used for comments here and below are the same, right?",
    "Add the job id to the message queue before acking.",
    "As per the datanucleus documentation it can return null.",
    "Reading the doc, getCanonicalPath returns one file per file, not per path.",
  ])("%s is not documentation", (text) => expect(concernsOf(text)).not.toContain("documentation"));
});

describe("style and readability: asks about the code's form, not words about structure or intent", () => {
  it.each([
    ["Prefer single-quoted strings when nothing is interpolated.", "style"],
    ["This file is not goimports-ed.", "style"],
    ["Use snake_case for this variable.", "style"],
    ["There is an extra `)` at the end of the call.", "style"],
    ["You can just remove this wrapper and call the client directly.", "readability"],
    ["Is this interface used anywhere?", "readability"],
    ["I don't see usage of `ISO_DATE_FORMAT` anywhere.", "readability"],
    ["Why was this variable introduced? There are no usages.", "readability"],
    ["This is needless.", "readability"],
    ["Useless assignment to `count`.", "readability"],
    ["This just clutters the handler.", "readability"],
    ["Can we remove this line, please?", "readability"],
  ] as const)("%s is %s", (text, concern) => expect(concernsOf(text)).toContain(concern));
  it.each([
    "I'm unclear how this solves the bug you described.",
    "What happens when we reorganize the file structure of the tests?",
    "The intent of the original change was to keep the cache warm.",
    "That check will be useless the moment we reach version 255, but we rewrite this code then anyway.",
    "Break as soon as possible to avoid useless iterations.",
    "This comment seems useless.",
  ])("%s is neither style nor readability", (text) => {
    expect(concernsOf(text)).not.toContain("style");
    expect(concernsOf(text)).not.toContain("readability");
  });
});

describe("edge cases: asking whether the code holds up in a case", () => {
  it.each([
    "what if the list is []?",
    "What if the account is not synced yet?",
    "Is this guaranteed to have a value?",
    "Will this still work with Python 2?",
    "Does this code compile?",
    "Under what circumstances could this happen?",
  ])("%s is edge-cases", (text) => expect(concernsOf(text)).toContain("edge-cases"));
  it.each([
    "What if we moved this into a helper?",
    "What if you call it `fetchAll`?",
    "Does this work?",
    "Will this be merged today?",
    "Is this possible to read at a glance? I think a helper would help.",
  ])("%s is not edge-cases", (text) => expect(concernsOf(text)).not.toContain("edge-cases"));
});

describe("short replies: a few plain words offer wording, a reaction does not", () => {
  it.each(["querying the", "the target host."])("%s is documentation", (text) => expect(concernsOf(text)).toContain("documentation"));
  it.each(["ok felix", "yes that one", "oops this should be removed"])("%s is not documentation", (text) =>
    expect(concernsOf(text)).not.toContain("documentation"),
  );
});

describe("edge cases: logging used as error handling", () => {
  it.each([
    "Should this be `LOG.exception`?",
    "I think `logging.error(str(e), exc_info=True)` might be more appropriate.",
    "What's the actionable from this log item? If nothing, make this a warning.",
  ])("%s is edge-cases", (text) => expect(concernsOf(text)).toContain("edge-cases"));
  it.each([
    "N330 LOG.warning, LOG.warn messages require translations.",
    "I would have mocked the LOG.warning call and asserted it was called with the expected message.",
  ])("%s is not edge-cases", (text) => expect(concernsOf(text)).not.toContain("edge-cases"));
});

describe("edge cases: in a short ask or warning one failure word is the point", () => {
  it.each(["Could this list be empty here?", "This request might hit the timeout.", "Should we retry on failure?"])("%s is edge-cases", (text) =>
    expect(concernsOf(text)).toContain("edge-cases"),
  );
  it.each([
    "Nice, the empty line here can go.",
    "See the retry section of the guide.",
    "Could you mention in the docstring that this raises KeyError?",
    "The retry loop below reads the timeout from the config, falls back to the default when the key is absent, and logs each attempt with the attempt number.",
  ])("%s is not edge-cases", (text) => expect(concernsOf(text)).not.toContain("edge-cases"));
});

describe("performance: copies and wasted work", () => {
  it.each([
    "This makes an extra copy of the buffer on every call.",
    "We can avoid the copy by taking a reference.",
    "Break out of the loop once it is found to avoid useless iterations.",
    "This does redundant queries for every row.",
    "This won't scale past a few hundred tenants.",
    "Does the lookup scale well with the number of rules?",
    "Use length instead of count to avoid an extra query.",
    "cPickle will perform better here.",
    "You're iterating the mappings twice back to back; build both dicts in one loop.",
    "This returns less traffic from the API.",
    "We don't need to make a query to the database for instances we won't use.",
  ])("%s is performance", (text) => expect(concernsOf(text)).toContain("performance"));
  it.each([
    "Copy the config before changing it so the caller's stays intact.",
    "Add a test that runs the loop twice.",
    "Pick the image scale from the list of candidates.",
    "Use the log scale on the chart's y axis.",
    "I read this twice and still don't follow it.",
    "Does this perform the migration in one step?",
  ])(
    "%s is not performance",
    (text) => expect(concernsOf(text)).not.toContain("performance"),
  );
});

describe("testing named only in code or in shorthand", () => {
  it.each([
    "Perhaps also `self.assertIsInstance(result, list)`.",
    "Please update `create-store.test.js` as well.",
    "I just reinstated a bunch of UTs that use this code.",
    "Exposed so it can be spied upon.",
    "Maybe check it with self.assertDictEqual(expected, actual) instead.",
    "A mock.assert_called_once_with here would pin the arguments.",
    "Shorter:\n```python\nfor got, want in zip(rows, expected):\n    self.assertEqual(got, want)\n```",
    "For readability: ``` client = self.make_mock_client(); client.fetch.return_value = page; result = sync(client) ```",
  ])("%s is testing", (text) => expect(concernsOf(text)).toContain("testing"));
  it.each([
    "Use `latest_version` here instead.",
    "The `contest_id` column is never read.",
    "In a debug build this asserts when the buffer is shorter than the header.",
    "We only need to assert that the value is a string or a number before parsing it.",
    "Simpler:\n```js\nconst total = items.reduce((sum, item) => sum + item.price, 0);\n```",
  ])("%s is not testing", (text) =>
    expect(concernsOf(text)).not.toContain("testing"),
  );
});

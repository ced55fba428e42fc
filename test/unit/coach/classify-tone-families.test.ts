import { describe, expect, it } from "@jest/globals";
import { classifyComment } from "../../../src/coach/classify-comment.js";

// Tone cases of issue 10 (fourth pass), written for the project: technical senses and self-deprecation stay out.

const toneOf = (text: string): string => classifyComment(text).tone;

describe("a namespace prefix is not an expletive", () => {
  it("drop the WTF:: prefix is respectful", () => expect(toneOf("nit: no need for the WTF:: prefix here.")).toBe("respectful"));
  it("wtf as an exclamation is harsh", () => expect(toneOf("wtf is this loop doing")).toBe("harsh"));
});

describe("idioms around pejoratives", () => {
  it.each(["I'm not crazy about this helper, but it can stay for now.", "I hate to be picky, but the indent is off by one."])(
    "%s is respectful",
    (text) => expect(toneOf(text)).toBe("respectful"),
  );
  it.each(["This helper is crazy.", "I hate this helper."])("%s is harsh", (text) => expect(toneOf(text)).toBe("harsh"));
});

describe("pejoratives aimed at one's own proposal", () => {
  it("a stupid suggestion of one's own is respectful", () =>
    expect(toneOf("Maybe a stupid suggestion, but could the cache key include the locale?")).toBe("respectful"));
  it("a stupid design aimed at the change is harsh", () =>
    expect(toneOf("This is a stupid design, the cache key ignores the locale.")).toBe("harsh"));
});

describe("mild pejoratives", () => {
  it.each(["You are being anal about one byte here.", "This wrapper is clumsy.", "Someone stupidly set the retries to zero."])(
    "%s is harsh",
    (text) => expect(toneOf(text)).toBe("harsh"),
  );
  it.each(["The analysis of this loop looks right.", "This wrapper is compact."])("%s is respectful", (text) =>
    expect(toneOf(text)).toBe("respectful"),
  );
});

// Fifth pass: phrases that only look harsh, self-deprecation in more shapes, and plain vocabulary of insult and disgust.

describe("phrases that only look harsh", () => {
  it.each([
    "Move this piece of code into the helper.",
    "The timeout makes no sense when retries are off.",
    "There is an awful lot of setup in this test; a fixture would help.",
  ])("%s is respectful", (text) => expect(toneOf(text)).toBe("respectful"));
  it.each(["This class is a piece of junk.", "This makes absolutely no sense.", "The naming here is awful."])(
    "%s is harsh",
    (text) => expect(toneOf(text)).toBe("harsh"),
  );
});

describe("self-deprecation in more shapes", () => {
  it.each([
    "Facepalm, my mistake, fixed now.",
    "Right, it was stupid to cache the token there; moved it.",
    "I'm obviously an idiot: the flag was inverted.",
    "Ugly hack I added in the last patch set, will clean it up.",
  ])("%s is respectful", (text) => expect(toneOf(text)).toBe("respectful"));
  it.each(["Facepalm. Whoever approved this skipped the tests.", "This loop is stupid.", "Ugly hack you added here, please clean it up."])(
    "%s is harsh",
    (text) => expect(toneOf(text)).toBe("harsh"),
  );
  it("an insult aimed at the author stays toxic", () => expect(toneOf("You're clearly an idiot.")).toBe("toxic"));
});

describe("insult, disgust and vulgar vocabulary", () => {
  it.each(["Liar, the tests never ran.", "What a f***ing mess of flags.", "Da f*ck is this?", "sh*t, the build broke again", "!@#$%! the cache again", "This is shite."])(
    "%s is toxic",
    (text) => expect(toneOf(text)).toBe("toxic"),
  );
  it.each([
    "It gets yuckier with every flag.",
    "Shut up and use the helper.",
    "This hack is a pain in the butt.",
    "This config file is a monstrosity.",
    "The error message is lousy.",
    "The parser will puke on tabs.",
    "Only weirdos indent with three spaces.",
    "The retry helper pissed everyone off.",
  ])("%s is not respectful", (text) => expect(toneOf(text)).not.toBe("respectful"));
  it.each(["I'm a liar, the test does not cover that case.", "Mark the placeholders with **** in the template.", "Declare f**p as const."])(
    "%s is respectful",
    (text) => expect(toneOf(text)).toBe("respectful"),
  );
});

describe("idioms, compounds and exclamations (fifth pass, second step)", () => {
  it.each([
    "The extra logging is not terribly useful, but it is harmless.",
    "Drop dead code paths while you are here.",
    "Hell yeah, that is much faster.",
    "I hate to interrupt, but the lock is never released.",
  ])("%s is respectful", (text) => expect(toneOf(text)).toBe("respectful"));
  it.each(["The extra logging is terribly done.", "Drop dead.", "This is hell to debug.", "I hate this wrapper."])("%s is not respectful", (text) =>
    expect(toneOf(text)).not.toBe("respectful"),
  );
  it.each(["Curses, the tabs are back.", "Dafuq does this flag do?", "What a brain-fart of a loop."])(
    "%s is harsh",
    (text) => expect(toneOf(text)).toBe("harsh"),
  );
  it("profanity joined into a compound is toxic", () => expect(toneOf("We don't want a please-fix-your-shit message.")).toBe("toxic"));
  it("a word with a hyphen before it is not a profanity match by accident", () =>
    expect(toneOf("Rename the re-fetch helper.")).toBe("respectful"));
});

describe("an apology right after the pejorative", () => {
  it("owning the ugliness in the next sentence is respectful", () =>
    expect(toneOf("The generated code has some ugliness in it. Sorry, I will tidy it.")).toBe("respectful"));
  it("the same pejorative with a request after it is harsh", () =>
    expect(toneOf("The generated code has some ugliness in it. Please tidy it.")).toBe("harsh"));
});

// Sixth pass: a pejorative on one's own nit, and one more insult.

describe("a pejorative on one's own nit", () => {
  it("calling one's own nit stupid is respectful", () =>
    expect(toneOf("Stupid nit, but the import could move up.")).toBe("respectful"));
  it("a stupid check in the change is harsh", () => expect(toneOf("Stupid check, it can never fail.")).toBe("harsh"));
});

describe("an insult at a person", () => {
  it("calling the author a coward is harsh", () =>
    expect(toneOf("Only cowards would hide this behind a flag.")).not.toBe("respectful"));
});

// Eleventh pass: slurs, mild pejoratives at a person, and tone words that are part of a name.

describe("slurs and mild pejoratives aimed at a person", () => {
  it.each(["Only a fag would write it this way.", "Stop being a slut for features."])("%s is toxic", (text) =>
    expect(toneOf(text)).toBe("toxic"),
  );
  it.each([
    "Stop arguing and just merge it, you slacker.",
    "Only chumps parse dates by hand.",
    "Honestly the error handling in this file is a disgrace.",
    "Dam, the import order broke again.",
  ])("%s is harsh", (text) => expect(toneOf(text)).toBe("harsh"));
});

describe("a tone word that is part of a dotted name", () => {
  it.each(["Read the flag from window.goofy.config instead.", "The build writes goofy.css next to the bundle."])(
    "%s is respectful",
    (text) => expect(toneOf(text)).toBe("respectful"),
  );
  it("the same word about the code is harsh", () => expect(toneOf("This alignment is goofy.")).toBe("harsh"));
});

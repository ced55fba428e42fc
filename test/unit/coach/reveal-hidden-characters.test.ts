import { describe, expect, it } from "@jest/globals";
import { escapeMarkdown, inlineCode } from "../../../src/coach/render/escape-markdown.js";
import { revealHiddenCharacters } from "../../../src/coach/render/reveal-hidden-characters.js";

describe("revealHiddenCharacters", () => {
  it("shows every bidi control and zero-width character as �", () => {
    const hidden = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u180e"];
    expect(revealHiddenCharacters(`a${hidden.join("b")}c`)).toBe(`a${hidden.map(() => "\ufffd").join("b")}c`);
    // "Trojan Source": a path that would display as "src/txt.exe" is shown as it is.
    expect(revealHiddenCharacters("src/\u202eexe.txt")).toBe("src/\ufffdexe.txt");
  });

  it("replaces instead of deleting, so nothing the escaping kept apart is joined", () => {
    // "@", a zero-width space, a login: deleting the space would make a mention; "`" ZWSP "`" would become a fence.
    expect(revealHiddenCharacters(escapeMarkdown("ask @\u200bmaintainers about #\u200b12"))).toBe("ask @\ufffdmaintainers about #\ufffd12");
    expect(revealHiddenCharacters(inlineCode("a`\u200b`b"))).toBe("``a`\ufffd`b``");
  });

  it("keeps the app's own mention breaker after @ and #, and the joiner inside an emoji sequence", () => {
    expect(revealHiddenCharacters(escapeMarkdown("@octocat fixed #12"))).toBe("@\u200doctocat fixed #\u200d12");
    expect(revealHiddenCharacters("nice work 👩\u200d💻")).toBe("nice work 👩\u200d💻");
    expect(revealHiddenCharacters("a\u200db")).toBe("a\ufffdb");
  });

  it("walks every string of a message and leaves the rest as it is", () => {
    expect(revealHiddenCharacters({ text: "x\u202ey", blocks: [{ type: "section", fields: [{ text: "\u200bz" }], n: 3, ok: true, none: null }] })).toEqual({
      text: "x\ufffdy",
      blocks: [{ type: "section", fields: [{ text: "\ufffdz" }], n: 3, ok: true, none: null }],
    });
  });
});

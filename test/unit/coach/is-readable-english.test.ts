import { describe, expect, it } from "@jest/globals";
import { isReadableEnglish } from "../../../src/coach/classify/is-readable-english.js";

describe("isReadableEnglish", () => {
  it.each([
    ["Das ist nicht gut, bitte noch einmal.", false],
    ["DAS IST NICHT GUT, BITTE NOCH EINMAL.", false], // case does not matter
    ["Die Tests fehlen hier und das ist schlecht.", false],
    ["The tests are missing here, please add them.", true],
    ["Please add die and das because they are already missing here.", true], // English function words win
    ["d'das l'est nicht' x y z", true], // a word with an apostrophe is no function word
    ["1die das_ ist nicht", false], // digits and underscores are not letters: they end a word
    ["instead already because cette aussi", true],
    ["cette aussi ici vous nous pas", false],
  ])("%j readable: %j", (text, readable) => {
    expect(isReadableEnglish(text).readable).toBe(readable);
  });

  it("gives the reason it cannot read a text", () => {
    expect(isReadableEnglish("CODE CODE").reason).toBe("no words of the reviewer's own");
    expect(isReadableEnglish("これはテストです ok").reason).toBe("mostly non-Latin script");
    expect(isReadableEnglish("Das ist nicht gut, bitte noch einmal.").reason).toBe("not English");
  });
});

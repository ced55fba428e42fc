import { describe, expect, it } from "@jest/globals";
import { CHECK_RUN_LIMITS, fitCheckRunOutput } from "../../../src/github/fit-check-run-output.js";

const annotation = (i: number) => ({ path: "a.yml", start_line: i, end_line: i, annotation_level: "failure" as const, message: `problem ${i}` });

describe("fitCheckRunOutput", () => {
  it("leaves an output within GitHub's limits as it is", () => {
    const output = { title: "ok", summary: "short", annotations: [annotation(1)] };
    expect(fitCheckRunOutput(output)).toEqual(output);
  });

  it("keeps 50 annotations and says how many more there were", () => {
    const fitted = fitCheckRunOutput({ title: "t", summary: "s", annotations: Array.from({ length: 75 }, (_, i) => annotation(i + 1)) });
    expect(fitted.annotations).toHaveLength(50);
    expect(fitted.annotations!.at(-1)).toEqual(annotation(50));
    expect(fitted.summary).toBe("s\n\n…and 25 more not annotated on the file (GitHub shows at most 50).");
  });

  it("cuts summary and text at a line under 65,535 characters with an '…and N more lines' note", () => {
    const long = Array.from({ length: 2000 }, (_, i) => `line ${i} ${"x".repeat(60)}`).join("\n");
    const fitted = fitCheckRunOutput({ title: "t\nsecond", summary: long, text: long });
    for (const text of [fitted.summary, fitted.text!]) {
      expect(text.length).toBeLessThanOrEqual(CHECK_RUN_LIMITS.text);
      expect(text).toMatch(/\n…and \d+ more lines$/);
    }
    const kept = fitted.summary.split("\n").length - 1;
    expect(fitted.summary.endsWith(`…and ${2000 - kept} more lines`)).toBe(true);
    expect(fitted.title).toBe("t second");
  });

  it("cuts a single line longer than the limit", () => {
    const fitted = fitCheckRunOutput({ title: "x".repeat(300), summary: "y".repeat(70_000) });
    expect(fitted.summary.length).toBeLessThanOrEqual(CHECK_RUN_LIMITS.text);
    expect(fitted.title).toHaveLength(255);
  });
});

import { describe, expect, it } from "@jest/globals";
import { getDefaultConfig } from "../../../src/repo-config/default-config.js";
import { mergeConfig } from "../../../src/repo-config/merge-config.js";
import { repoConfigSchema } from "../../../src/repo-config/schema.js";
import { checkConfigText, checkConfigValue } from "../../../src/repo-config/validate-config.js";

const defaults = getDefaultConfig();
const FILE = "acme/api: .github/review-coach.yml";

describe("config/default.yml", () => {
  it("satisfies the schema and sets every key DESIGN.md names", () => {
    expect(repoConfigSchema.parse(defaults)).toEqual(defaults);
    expect(defaults).toMatchObject({
      mode: "nudge",
      strictness: "balanced",
      rules: {},
      learning: { enabled: true, muteDays: 90 },
      score: { windowDays: 28 },
      digest: { individuals: "kudos", schedule: { cron: "0 9 * * 1", timeZone: "UTC" } },
      backfill: { weeks: 4 },
      privacy: { publicScores: true },
      gate: { enabled: false },
      badge: { enabled: false },
    });
  });
});

describe("mergeConfig", () => {
  it("merges objects deeply, later layers winning, and replaces arrays", () => {
    const merged = mergeConfig(
      { a: 1, nested: { x: 1, y: 2 }, list: ["one", "two"] },
      { nested: { y: 3 }, list: ["three"] },
      { a: 2 },
    );
    expect(merged).toEqual({ a: 2, nested: { x: 1, y: 3 }, list: ["three"] });
  });
});

describe("checkConfigText", () => {
  it("accepts a valid file and returns only its own keys", () => {
    const checked = checkConfigText("_extends: .github\nmode: shadow\npaths:\n  ignored: ['docs/**']\n", FILE, defaults);
    expect(checked).toEqual({ ok: true, config: { mode: "shadow", paths: { ignored: ["docs/**"] } } });
  });

  it("reports a wrong value with its key and line", () => {
    const checked = checkConfigText("mode: nudge\ngate:\n  enabled: yes please\n  minScore: 150\n", FILE, defaults);
    expect(checked).toEqual({
      ok: false,
      problems: [
        { file: FILE, key: "gate.enabled", line: 3, message: "expected boolean, received string" },
        { file: FILE, key: "gate.minScore", line: 4, message: "Too big: expected number to be <=100" },
      ],
    });
  });

  it("reports an unknown key with the closest known one", () => {
    const checked = checkConfigText("mode: summary\nmaxNudgePerReview: 3\n", FILE, defaults);
    expect(checked).toEqual({
      ok: false,
      problems: [
        {
          file: FILE,
          key: "maxNudgePerReview",
          line: 2,
          message: expect.stringMatching(/^unknown key: did you mean "maxNudgesPerReview"\? Expected one of: mode, strictness, severity, /),
        },
      ],
    });
  });

  it("ends the sentence of an unknown key that resembles no known one before listing the known ones", () => {
    const checked = checkConfigText("mode: summary\nrisk: {}\n", FILE, defaults);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems[0]).toMatchObject({ key: "risk", line: 2, message: expect.stringMatching(/^unknown key\. Expected one of: mode, strictness, /) });
  });

  it("reports an enum value with the allowed ones", () => {
    const checked = checkConfigText("mode: loud\n", FILE, defaults);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems[0]).toMatchObject({ key: "mode", line: 1, message: expect.stringContaining('"nudge"|"summary"|"shadow"|"off"') });
  });

  it("reports invalid YAML with its line", () => {
    const checked = checkConfigText("mode: nudge\npaths:\n  ignored: [a, b\n", FILE, defaults);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problems).toHaveLength(1);
      expect(checked.problems[0]).toMatchObject({ file: FILE, key: "", message: expect.stringMatching(/^invalid YAML: /) });
      expect(checked.problems[0]!.line).toBeGreaterThanOrEqual(3);
    }
  });

  it("rejects a file that is not a mapping", () => {
    expect(checkConfigValue(["mode"], FILE, defaults)).toEqual({
      ok: false,
      problems: [{ file: FILE, key: "", message: "expected a YAML mapping of keys to values at the top level" }],
    });
  });

  it("reports a duplicate key with its line, in linear time", () => {
    expect(checkConfigText("mode: nudge\ngate:\n  enabled: true\n  enabled: false\n", FILE, defaults)).toEqual({
      ok: false,
      problems: [{ file: FILE, key: "gate.enabled", line: 4, message: "duplicate key: each key may appear once" }],
    });
  });

  it("refuses a file over the key and nesting limits before building it", () => {
    const manyKeys = Array.from({ length: 301 }, (_, i) => `k${i}: 1`).join("\n");
    expect(checkConfigText(manyKeys, FILE, defaults)).toEqual({
      ok: false,
      problems: [{ file: FILE, key: "", message: "the file has more than 300 keys; review-coach's config has about 30" }],
    });
    const deep = `a: ${"[".repeat(20)}${"]".repeat(20)}`;
    expect(checkConfigText(deep, FILE, defaults)).toEqual({
      ok: false,
      problems: [{ file: FILE, key: "", message: "the file nests deeper than 12 levels; review-coach's config has at most 4" }],
    });
  });

  it("reports an alias bomb as a problem instead of throwing", () => {
    const bomb = Array.from({ length: 8 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(i === 0 ? "x" : `*l${i}`).join(", ")}]`).join("\n");
    expect(checkConfigText(bomb, FILE, defaults)).toEqual({ ok: false, problems: [{ file: FILE, key: "", message: "the file has more than 20 YAML aliases (*name)" }] });
    const few = "a: &a [x]\nb: [*a, *a, *a]\n";
    expect(checkConfigText(few, FILE, defaults)).toMatchObject({ ok: false, problems: [{ key: "a" }, { key: "b" }] });
  });

  it("rejects a time zone that is not in the IANA database", () => {
    expect(checkConfigText("digest:\n  schedule:\n    timeZone: Mars/Olympus_Mons\n", FILE, defaults)).toEqual({
      ok: false,
      problems: [{ file: FILE, key: "digest.schedule.timeZone", line: 3, message: "an IANA time zone such as Europe/Berlin or UTC (see the tz database's list)" }],
    });
    expect(checkConfigText("digest:\n  schedule:\n    timeZone: Europe/Berlin\n", FILE, defaults).ok).toBe(true);
  });

  it("treats an empty file as no settings", () => {
    expect(checkConfigText("", FILE, defaults)).toEqual({ ok: true, config: {} });
  });
});

import { describe, expect, it } from "@jest/globals";
import { buildDigestWeek } from "../../../src/digest/build-digest-week.js";
import { isoWeek } from "../../../src/digest/iso-week.js";

describe("isoWeek", () => {
  it.each([
    ["2020-12-31T12:00:00Z", "2020-W53"],
    ["2021-01-03T23:59:59Z", "2020-W53"],
    ["2021-01-04T00:00:00Z", "2021-W01"],
    ["2024-12-30T00:00:00Z", "2025-W01"],
    ["2024-12-29T23:59:59Z", "2024-W52"],
    ["2026-01-01T00:00:00Z", "2026-W01"],
    ["2027-01-01T00:00:00Z", "2026-W53"],
    ["2026-11-08T23:59:59Z", "2026-W45"],
    ["2026-11-09T00:00:00Z", "2026-W46"],
  ])("%s is in %s", (instant, week) => {
    expect(isoWeek(new Date(instant))).toBe(week);
  });

  it("rejects an invalid date", () => {
    expect(() => isoWeek(new Date("nope"))).toThrow(RangeError);
  });
});

describe("buildDigestWeek", () => {
  it("reports on the last complete Monday-to-Sunday week in UTC", () => {
    expect(buildDigestWeek(new Date("2026-11-09T08:00:00Z"))).toEqual({
      isoWeek: "2026-W45",
      start: "2026-11-02T00:00:00.000Z",
      end: "2026-11-09T00:00:00.000Z",
      firstDay: "2026-11-02",
      lastDay: "2026-11-08",
    });
  });

  it("reports the same week when run late in the week, and the week just ended at Monday 00:00", () => {
    expect(buildDigestWeek(new Date("2026-11-15T23:59:59Z")).isoWeek).toBe("2026-W45");
    expect(buildDigestWeek(new Date("2026-11-09T00:00:00Z")).isoWeek).toBe("2026-W45");
    expect(buildDigestWeek(new Date("2026-11-08T23:59:59Z")).isoWeek).toBe("2026-W44");
  });

  it("crosses year boundaries", () => {
    expect(buildDigestWeek(new Date("2021-01-04T09:00:00Z"))).toMatchObject({ isoWeek: "2020-W53", firstDay: "2020-12-28", lastDay: "2021-01-03" });
    expect(buildDigestWeek(new Date("2025-01-06T09:00:00Z"))).toMatchObject({ isoWeek: "2025-W01", firstDay: "2024-12-30" });
  });
});

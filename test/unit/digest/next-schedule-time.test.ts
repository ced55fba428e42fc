import { describe, expect, it } from "@jest/globals";
import { nextScheduleTime } from "../../../src/digest/next-schedule-time.js";
import { CronParseError, parseCron } from "../../../src/digest/parse-cron.js";

const next = (cron: string, timeZone: string, after: string): string => nextScheduleTime(cron, timeZone, new Date(after)).toISOString();

describe("nextScheduleTime", () => {
  it("finds Monday 09:00 UTC, strictly after the given instant", () => {
    expect(next("0 9 * * 1", "UTC", "2026-11-22T03:00:00Z")).toBe("2026-11-23T09:00:00.000Z");
    expect(next("0 9 * * 1", "UTC", "2026-11-23T08:59:59.999Z")).toBe("2026-11-23T09:00:00.000Z");
    expect(next("0 9 * * 1", "UTC", "2026-11-23T09:00:00Z")).toBe("2026-11-30T09:00:00.000Z");
    expect(next("0 9 * * mon", "UTC", "2026-12-28T10:00:00Z")).toBe("2027-01-04T09:00:00.000Z");
  });

  it("keeps 09:00 local in Europe/Berlin across the late-October change (CEST +2 to CET +1)", () => {
    expect(next("0 9 * * 1", "Europe/Berlin", "2025-10-13T12:00:00Z")).toBe("2025-10-20T07:00:00.000Z");
    expect(next("0 9 * * 1", "Europe/Berlin", "2025-10-20T07:00:00Z")).toBe("2025-10-27T08:00:00.000Z");
  });

  it("runs a time repeated when clocks go back once, at its first occurrence", () => {
    // 2025-10-26 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(next("30 2 * * *", "Europe/Berlin", "2025-10-25T22:00:00Z")).toBe("2025-10-26T00:30:00.000Z");
    expect(next("30 2 * * *", "Europe/Berlin", "2025-10-26T00:30:00Z")).toBe("2025-10-27T01:30:00.000Z");
    // Every 20 minutes: no run is repeated through the second 02:00-03:00.
    const runs: string[] = [];
    let after = new Date("2025-10-26T00:10:00Z");
    for (let i = 0; i < 4; i += 1) {
      after = nextScheduleTime("*/20 * * * *", "Europe/Berlin", after);
      runs.push(after.toISOString());
    }
    expect(runs).toEqual(["2025-10-26T00:20:00.000Z", "2025-10-26T00:40:00.000Z", "2025-10-26T02:00:00.000Z", "2025-10-26T02:20:00.000Z"]);
  });

  it("runs a time skipped when clocks go forward as far past the change (02:30 → 03:30)", () => {
    expect(next("30 2 * * *", "Europe/Berlin", "2025-03-29T23:00:00Z")).toBe("2025-03-30T01:30:00.000Z");
    expect(next("30 2 * * *", "America/New_York", "2026-03-08T05:00:00Z")).toBe("2026-03-08T07:30:00.000Z");
  });

  it("handles America/New_York across the November change (EDT -4 to EST -5)", () => {
    expect(next("0 9 * * 1", "America/New_York", "2025-10-27T00:00:00Z")).toBe("2025-10-27T13:00:00.000Z");
    expect(next("0 9 * * 1", "America/New_York", "2025-10-28T00:00:00Z")).toBe("2025-11-03T14:00:00.000Z");
  });

  it("uses cron's OR rule when both day fields are restricted, AND when one starts with *", () => {
    // The 13th or any Friday: Friday 2026-01-02 comes first.
    expect(next("0 12 13 * 5", "UTC", "2026-01-01T00:00:00Z")).toBe("2026-01-02T12:00:00.000Z");
    // Every other day of the month AND a Friday.
    expect(next("0 12 */2 * 5", "UTC", "2026-01-01T00:00:00Z")).toBe("2026-01-09T12:00:00.000Z");
    expect(next("0 12 13 * *", "UTC", "2026-01-01T00:00:00Z")).toBe("2026-01-13T12:00:00.000Z");
  });

  it("handles lists, ranges, steps, names, 7 as Sunday and macros", () => {
    expect(next("15,45 8-10/2 * * *", "UTC", "2026-01-01T08:50:00Z")).toBe("2026-01-01T10:15:00.000Z");
    expect(next("0 0 * * 7", "UTC", "2026-01-01T00:00:00Z")).toBe("2026-01-04T00:00:00.000Z");
    expect(next("0 6 1 jan-mar *", "UTC", "2026-04-01T00:00:00Z")).toBe("2027-01-01T06:00:00.000Z");
    expect(next("@weekly", "UTC", "2026-01-01T00:00:00Z")).toBe("2026-01-04T00:00:00.000Z");
    expect(next("0 0 29 2 *", "UTC", "2025-01-01T00:00:00Z")).toBe("2028-02-29T00:00:00.000Z");
  });

  it("rejects an unknown time zone with a clear message", () => {
    expect(() => nextScheduleTime("0 9 * * 1", "Mars/Olympus", new Date())).toThrow(/Unknown time zone "Mars\/Olympus"/);
  });
});

describe("parseCron", () => {
  it("parses the fields", () => {
    expect(parseCron("*/15 9-17 * * mon-fri")).toMatchObject({
      minutes: [0, 15, 30, 45],
      hours: [9, 10, 11, 12, 13, 14, 15, 16, 17],
      daysOfWeek: [1, 2, 3, 4, 5],
      dayOfMonthIsWildcard: true,
      dayOfWeekIsWildcard: false,
    });
    expect(parseCron("0 0 * * 5-7").daysOfWeek).toEqual([0, 5, 6]);
  });

  it.each([
    ["", /empty/],
    ["0 9 * *", /expected 5 fields .* got 4/],
    ["0 0 9 * * 1", /got 6 \(seconds and years are not supported\)/],
    ["60 9 * * 1", /minute value 60 .* out of range 0-59/],
    ["0 24 * * 1", /hour value 24/],
    ["0 9 0 * *", /day-of-month value 0 .* out of range 1-31/],
    ["0 9 * 13 *", /month value 13/],
    ["0 9 * * 8", /day-of-week value 8 .* out of range 0-7/],
    ["0 9 * * funday", /day-of-week field has "funday"/],
    ["*/0 9 * * *", /positive whole step/],
    ["0 17-9 * * *", /range "17-9" goes backwards/],
    ["0 9 1,,2 * *", /empty list item/],
    ["0 9 31 2 *", /never runs: no month in the month field has day 31/],
    ["@reboot", /unknown macro @reboot/],
  ])("rejects %p", (expression, message) => {
    expect(() => parseCron(expression)).toThrow(CronParseError);
    expect(() => parseCron(expression)).toThrow(message);
  });

  it("names the expression in the error", () => {
    expect(() => parseCron("0 9 * * 8")).toThrow('Invalid cron expression "0 9 * * 8": the day-of-week value 8 in "8" is out of range 0-7');
  });
});

import { describe, expect, it } from "@jest/globals";
import { CronParseError, parseSchedule, ScheduleError } from "../../../src/digest/parse-schedule.js";
import { lastDueTime } from "../../../src/digest/schedule-digests.js";

const next = (cron: string, timeZone: string, after: string): string => parseSchedule(cron, timeZone).next(new Date(after)).toISOString();
const runs = (cron: string, timeZone: string, after: string, count: number): string[] => {
  const schedule = parseSchedule(cron, timeZone);
  const times: string[] = [];
  let cursor = new Date(after);
  for (let i = 0; i < count; i += 1) {
    cursor = schedule.next(cursor);
    times.push(cursor.toISOString());
  }
  return times;
};

describe("parseSchedule(...).next", () => {
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

  it("keeps a Monday 09:00 digest at 09:00 local in Europe/Berlin across both changes of 2026", () => {
    // CET (+1) until Sunday 29 March, CEST (+2) until Sunday 25 October.
    expect(runs("0 9 * * 1", "Europe/Berlin", "2026-03-20T00:00:00Z", 3)).toEqual([
      "2026-03-23T08:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
      "2026-04-06T07:00:00.000Z",
    ]);
    expect(runs("0 9 * * 1", "Europe/Berlin", "2026-10-18T00:00:00Z", 3)).toEqual([
      "2026-10-19T07:00:00.000Z",
      "2026-10-26T08:00:00.000Z",
      "2026-11-02T08:00:00.000Z",
    ]);
  });

  it("runs a fixed time repeated when clocks go back once, at its first occurrence", () => {
    // 2025-10-26 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(next("30 2 * * *", "Europe/Berlin", "2025-10-25T22:00:00Z")).toBe("2025-10-26T00:30:00.000Z");
    expect(next("30 2 * * *", "Europe/Berlin", "2025-10-26T00:30:00Z")).toBe("2025-10-27T01:30:00.000Z");
  });

  it("keeps an interval's pace in real time through the repeated hour (Vixie cron's rule)", () => {
    // Every 20 minutes: 02:20 and 02:40 CEST, then 02:00 and 02:20 CET (the hand-written scheduler
    // skipped the repeated hour and waited 80 minutes).
    expect(runs("*/20 * * * *", "Europe/Berlin", "2025-10-26T00:10:00Z", 4)).toEqual([
      "2025-10-26T00:20:00.000Z",
      "2025-10-26T00:40:00.000Z",
      "2025-10-26T01:00:00.000Z",
      "2025-10-26T01:20:00.000Z",
    ]);
  });

  it("runs a fixed time skipped when clocks go forward at the first valid time after the gap (02:30 → 03:00)", () => {
    // The hand-written scheduler ran it at 03:30; croner runs it when the gap ends, as Vixie cron does.
    expect(next("30 2 * * *", "Europe/Berlin", "2025-03-29T23:00:00Z")).toBe("2025-03-30T01:00:00.000Z");
    expect(next("30 2 * * *", "America/New_York", "2026-03-08T05:00:00Z")).toBe("2026-03-08T07:00:00.000Z");
    // and the next day at 02:30 again
    expect(next("30 2 * * *", "Europe/Berlin", "2025-03-30T01:00:00Z")).toBe("2025-03-31T00:30:00.000Z");
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
    expect(next("5/20 * * * *", "UTC", "2026-01-01T00:06:00Z")).toBe("2026-01-01T00:25:00.000Z");
  });

  it("rejects an unknown time zone with a clear message", () => {
    expect(() => parseSchedule("0 9 * * 1", "Mars/Olympus")).toThrow(ScheduleError);
    expect(() => parseSchedule("0 9 * * 1", "Mars/Olympus")).toThrow(/Unknown time zone "Mars\/Olympus"/);
  });
});

describe("parseSchedule(...).previous", () => {
  it("finds the latest run at or before an instant, across the DST change", () => {
    const schedule = parseSchedule("0 9 * * 1", "Europe/Berlin");
    expect(schedule.previous(new Date("2026-03-30T07:00:00.000Z"))?.toISOString()).toBe("2026-03-30T07:00:00.000Z");
    expect(schedule.previous(new Date("2026-03-30T06:59:59.999Z"))?.toISOString()).toBe("2026-03-23T08:00:00.000Z");
    expect(parseSchedule("*/20 * * * *", "Europe/Berlin").previous(new Date("2025-10-26T01:10:00Z"))?.toISOString()).toBe("2025-10-26T01:00:00.000Z");
  });

  it("steps UTC (read as a zero offset) as it steps Etc/UTC (read through Intl)", () => {
    const crons = ["0 9 * * 1", "*/20 * * * *", "30 2 * * *", "0 6 1 jan *", "0 0 L * *", "15 8 * * mon-fri", "0 9 1 * 1", "@weekly", "59 23 31 12 *"];
    const instants = ["2026-03-29T00:30:00Z", "2026-10-25T01:59:59.999Z", "2024-02-29T12:00:00Z", "2026-12-31T23:59:00Z", "2027-01-04T09:00:00Z"];
    const steps = (timeZone: string) =>
      crons.flatMap((cron) => {
        const schedule = parseSchedule(cron, timeZone);
        return instants.map((at) => [schedule.next(new Date(at)).toISOString(), schedule.previous(new Date(at))?.toISOString() ?? null]);
      });
    expect(steps("UTC")).toEqual(steps("Etc/UTC"));
  });
});

describe("lastDueTime", () => {
  it("is the latest run within the week up to now, or null", () => {
    expect(lastDueTime("0 9 * * 1", "Europe/Berlin", new Date("2026-11-24T00:00:00Z"))?.toISOString()).toBe("2026-11-23T08:00:00.000Z");
    expect(lastDueTime("* * * * *", "UTC", new Date("2026-11-24T00:00:30Z"))?.toISOString()).toBe("2026-11-24T00:00:00.000Z");
    expect(lastDueTime("0 6 1 jan *", "UTC", new Date("2026-11-24T00:00:00Z"))).toBeNull();
  });
});

describe("parseSchedule", () => {
  it("reads the fields", () => {
    // */15 9-17 * * mon-fri: from Friday 17:40, the last quarter of the day, then Monday 09:00
    expect(runs("*/15 9-17 * * mon-fri", "UTC", "2026-01-02T17:40:00Z", 3)).toEqual([
      "2026-01-02T17:45:00.000Z",
      "2026-01-05T09:00:00.000Z",
      "2026-01-05T09:15:00.000Z",
    ]);
    // 5-7: Friday, Saturday, Sunday (7 is Sunday)
    expect(runs("0 0 * * 5-7", "UTC", "2026-01-01T00:00:00Z", 4)).toEqual([
      "2026-01-02T00:00:00.000Z",
      "2026-01-03T00:00:00.000Z",
      "2026-01-04T00:00:00.000Z",
      "2026-01-09T00:00:00.000Z",
    ]);
  });

  it.each([
    ["", /empty/],
    ["0 9 * *", /expected 5 fields: minute \(0-59\) .*, got 4/],
    ["0 0 9 * * 1", /got 6 \(seconds and years are not supported\)/],
    ["60 9 * * 1", /a value of the minute field is out of range; expected 5 fields: minute \(0-59\)/],
    ["0 24 * * 1", /a value of the hour field is out of range/],
    ["0 9 0 * *", /a value of the day-of-month field is out of range/],
    ["0 9 * 13 *", /a value of the month field is out of range/],
    ["0 9 * * 8", /a value of the day-of-week field is out of range/],
    ["0 9 * * funday", /configuration entry 5 \(funday\) contains illegal characters/],
    ["*/0 9 * * *", /illegal stepping: 0/],
    ["0 17-9 * * *", /From value is larger than to value: '17-9'/],
    ["0 9 1,,2 * *", /is empty/],
    ["0 9 31 2 *", /never runs: no day matches/],
    ["@reboot", /@reboot is not supported/],
  ])("rejects %p", (expression, message) => {
    expect(() => parseSchedule(expression, "UTC")).toThrow(CronParseError);
    expect(() => parseSchedule(expression, "UTC")).toThrow(message);
  });

  it("names the expression in the error", () => {
    expect(() => parseSchedule("0 9 * * 8", "UTC")).toThrow(
      'Invalid cron expression "0 9 * * 8": a value of the day-of-week field is out of range; expected 5 fields: minute (0-59) hour (0-23) day-of-month (1-31) month (1-12 or jan-dec) day-of-week (0-7 or sun-sat; 0 and 7 are Sunday)',
    );
  });
});

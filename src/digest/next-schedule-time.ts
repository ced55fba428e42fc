// When a cron schedule next runs, in an IANA time zone, using only Intl.DateTimeFormat. Pure: the
// "after" instant is passed in.
//
// Schedules are matched against the wall clock of the zone, in wall-clock order, and each matching
// wall-clock time runs at most once; the result is always strictly after `after`, so calling again with
// the previous result never repeats a run. Across daylight-saving changes:
// - a time skipped when clocks go forward (02:30 in Europe/Berlin on the last Sunday of March) runs at
//   the same distance past the change (03:30 local), like Temporal's "compatible" disambiguation;
// - a time repeated when clocks go back (02:30 on the last Sunday of October) runs at its first
//   occurrence only.

import { ReviewCoachError } from "../errors.js";
import { isCronDay, parseCron, type CronSchedule } from "./parse-cron.js";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Long enough for a schedule on 29 February of a leap year that falls on a given weekday. */
const SEARCH_DAYS = 366 * 8 + 2;

export class ScheduleError extends ReviewCoachError {}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch (error) {
      throw new ScheduleError(`Unknown time zone "${timeZone}": use an IANA name such as "Europe/Berlin" or "UTC"`, {
        cause: error,
      });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in the zone at an instant, to the second, as if it were UTC (milliseconds). */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const hour = fields.hour === 24 ? 0 : (fields.hour ?? 0);
  return Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, hour, fields.minute ?? 0, fields.second ?? 0);
}

/** The zone's offset from UTC at an instant, in milliseconds (positive east of Greenwich). */
function offsetAt(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return wallClockAsUtc(wholeSecond, timeZone) - wholeSecond;
}

/** The instant of a wall-clock time in the zone; gaps move forward, overlaps take the earlier one. */
function instantOfWallTime(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const offsetBefore = offsetAt(asUtc - DAY_MS, timeZone);
  const offsetAfter = offsetAt(asUtc + DAY_MS, timeZone);
  const candidates = [...new Set([asUtc - offsetBefore, asUtc - offsetAfter])]
    .filter((instant) => wallClockAsUtc(instant, timeZone) === asUtc)
    .sort((a, b) => a - b);
  // In a gap no candidate shows that wall time: use the offset from before the change, which lands
  // as far past the change as the wall time was past its start.
  return candidates[0] ?? asUtc - offsetBefore;
}

/**
 * The first time strictly after `after` at which the schedule runs in `timeZone`.
 * `cron` is an expression (see parseCron) or an already parsed schedule.
 */
export function nextScheduleTime(cron: string | CronSchedule, timeZone: string, after: Date): Date {
  const schedule = typeof cron === "string" ? parseCron(cron) : cron;
  const afterMs = after.getTime();
  if (Number.isNaN(afterMs)) throw new ScheduleError("nextScheduleTime: `after` is not a valid date");

  // Start from the next whole minute of the zone's wall clock.
  const startWall = Math.floor(wallClockAsUtc(afterMs, timeZone) / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const startDay = Math.floor(startWall / DAY_MS) * DAY_MS;

  for (let dayIndex = 0; dayIndex <= SEARCH_DAYS; dayIndex += 1) {
    const dayStart = startDay + dayIndex * DAY_MS;
    const date = new Date(dayStart);
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (!isCronDay(schedule, month, day, date.getUTCDay())) continue;
    for (const hour of schedule.hours) {
      for (const minute of schedule.minutes) {
        if (dayStart + hour * HOUR_MS + minute * MINUTE_MS < startWall) continue;
        // The second pass through a repeated hour maps to the first occurrence, already passed: skip it.
        const instant = instantOfWallTime({ year, month, day, hour, minute }, timeZone);
        if (instant > afterMs) return new Date(instant);
      }
    }
  }
  throw new ScheduleError(`The cron expression "${schedule.source}" does not run in the next ${Math.floor(SEARCH_DAYS / 365)} years`);
}

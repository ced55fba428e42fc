// The digest schedule: a 5-field cron expression in an IANA time zone, read and stepped by croner.
//
// Fields: minute hour day-of-month month day-of-week; lists, ranges, steps (also "a/n", from a to the
// maximum), month and day names, 0 and 7 for Sunday, the macros @weekly, @daily… and croner's L, W and #.
// Days follow Vixie cron: when day-of-month and day-of-week are both restricted a day matches if EITHER
// does; when one of them starts with "*" ("*/2"), both must match.
// Across daylight-saving changes (croner's rules, as Vixie cron's): a fixed time ("30 2 * * *") that a
// spring-forward gap skips runs at the first valid time after the gap, on the same day; one that a
// fall-back repeats runs once, at its first occurrence. An interval ("*/20 * * * *") skips times in the
// gap and runs on both occurrences of the repeated hour, so it keeps its pace in real time.

import { Cron } from "croner";
import { ReviewCoachError } from "../errors.js";

const FIELDS_HINT =
  "expected 5 fields: minute (0-59) hour (0-23) day-of-month (1-31) month (1-12 or jan-dec) day-of-week (0-7 or sun-sat; 0 and 7 are Sunday)";
/** croner's field names, as the hint above says them. */
const FIELD_NAMES: Readonly<Record<string, string>> = { day: "day-of-month", dayOfWeek: "day-of-week" };
/** Any instant serves to ask whether the schedule ever runs: without a year field, a schedule repeats. */
const PROBE_FROM = new Date(Date.UTC(2000, 0, 1));
/**
 * The default zone, stepped as a zero offset: croner reads a named zone through an Intl.DateTimeFormat,
 * whose first use loads ICU's locale and zone data (about 7 MB resident); UTC needs none of it.
 */
const UTC = "UTC";

export class CronParseError extends ReviewCoachError {
  constructor(
    readonly expression: string,
    readonly problem: string,
  ) {
    super(`Invalid cron expression "${expression}": ${problem}`);
  }
}

export class ScheduleError extends ReviewCoachError {}

export interface Schedule {
  cron: string;
  timeZone: string;
  /** The first run strictly after `after`. */
  next(after: Date): Date;
  /** The latest run at or before `atOrBefore`, or null when there is none. */
  previous(atOrBefore: Date): Date | null;
}

/** Reads a cron expression in a time zone; throws CronParseError or ScheduleError saying what to fix. */
export function parseSchedule(cron: string, timeZone: string): Schedule {
  const job = parseCron(cron, timeZone);
  return {
    cron,
    timeZone,
    next(after) {
      if (Number.isNaN(after.getTime())) throw new ScheduleError("the time to schedule after is not a valid date");
      const run = job.nextRun(after);
      if (run === null) throw new ScheduleError(`The cron expression "${cron}" does not run after ${after.toISOString()}`);
      return run;
    },
    previous(atOrBefore) {
      if (Number.isNaN(atOrBefore.getTime())) throw new ScheduleError("the time to look back from is not a valid date");
      return job.previousRuns(1, new Date(atOrBefore.getTime() + 1))[0] ?? null;
    },
  };
}

function parseCron(expression: string, timeZone: string): Cron {
  const trimmed = expression.trim();
  if (trimmed === "") throw new CronParseError(expression, `it is empty; ${FIELDS_HINT}`);
  const fields = trimmed.split(/\s+/);
  if (!trimmed.startsWith("@") && fields.length !== 5) {
    const extra = fields.length === 6 ? " (seconds and years are not supported)" : "";
    throw new CronParseError(expression, `${FIELDS_HINT}, got ${fields.length}${extra}`);
  }
  assertTimeZone(timeZone);
  let job: Cron;
  try {
    job = new Cron(trimmed, {
      paused: true,
      ...(timeZone === UTC ? { utcOffset: 0 } : { timezone: timeZone }),
      mode: "5-part",
      sloppyRanges: true,
      domAndDow: fields.length === 5 && (fields[2]!.startsWith("*") || fields[4]!.startsWith("*")),
    });
  } catch (error) {
    const problem = (error as Error).message
      .replace(/^CronPattern: /, "")
      .replace(/^Invalid value for (\w+): .*$/, (_all, field: string) => `a value of the ${FIELD_NAMES[field] ?? field} field is out of range`);
    throw new CronParseError(expression, `${problem}; ${FIELDS_HINT}`);
  }
  if (job.nextRun(PROBE_FROM) === null) {
    throw new CronParseError(expression, "it never runs: no day matches its day-of-month, month and day-of-week fields together");
  }
  return job;
}

function assertTimeZone(timeZone: string): void {
  if (timeZone === UTC) return;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch (error) {
    throw new ScheduleError(`Unknown time zone "${timeZone}": use an IANA name such as "Europe/Berlin" or "UTC"`, { cause: error });
  }
}

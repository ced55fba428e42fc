// A 5-field cron expression, as Vixie cron reads it: minute hour day-of-month month day-of-week.
// Each field is `*`, a number, a range `a-b`, a step `*/n`, `a-b/n` or `a/n` (a to the maximum), or a
// comma-separated list of those; months and days of the week also take names (jan, mon). Day of week 0
// and 7 are both Sunday. The macros @yearly, @annually, @monthly, @weekly, @daily, @midnight and @hourly
// are accepted. Pure; throws CronParseError with a message that says which field is wrong and why.

import { ReviewCoachError } from "../errors.js";

export class CronParseError extends ReviewCoachError {
  constructor(
    readonly expression: string,
    readonly problem: string,
  ) {
    super(`Invalid cron expression "${expression}": ${problem}`);
  }
}

export interface CronSchedule {
  /** The expression as given. */
  source: string;
  /** Sorted, distinct values allowed by each field. */
  minutes: number[];
  hours: number[];
  daysOfMonth: number[];
  months: number[];
  /** 0 = Sunday … 6 = Saturday (7 is folded into 0). */
  daysOfWeek: number[];
  /**
   * Whether the day-of-month / day-of-week field starts with `*`. As in cron, when both day fields are
   * restricted a day matches if EITHER matches; when one starts with `*`, only the other one decides.
   */
  dayOfMonthIsWildcard: boolean;
  dayOfWeekIsWildcard: boolean;
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
  /** Index of names[0]. */
  namesStart?: number;
}

const FIELDS: readonly FieldSpec[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day-of-month", min: 1, max: 31 },
  {
    name: "month",
    min: 1,
    max: 12,
    names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
    namesStart: 1,
  },
  { name: "day-of-week", min: 0, max: 7, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"], namesStart: 0 },
];

const MACROS: Readonly<Record<string, string>> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

/** Longest day of each month (February in a leap year). */
const MONTH_MAX_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function parseCron(expression: string): CronSchedule {
  const trimmed = expression.trim();
  if (trimmed === "") throw new CronParseError(expression, "it is empty; expected 5 fields: minute hour day-of-month month day-of-week");
  let text = trimmed;
  if (trimmed.startsWith("@")) {
    const macro = MACROS[trimmed.toLowerCase()];
    if (macro === undefined) {
      throw new CronParseError(expression, `unknown macro ${trimmed}; use one of ${Object.keys(MACROS).join(", ")} or 5 fields`);
    }
    text = macro;
  }
  const parts = text.split(/\s+/);
  if (parts.length !== 5) {
    throw new CronParseError(
      expression,
      `expected 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}` +
        (parts.length === 6 ? " (seconds and years are not supported)" : ""),
    );
  }
  const values = parts.map((part, index) => parseField(expression, part, FIELDS[index] as FieldSpec));
  const [minutes, hours, daysOfMonth, months, rawDaysOfWeek] = values as [number[], number[], number[], number[], number[]];
  const daysOfWeek = [...new Set(rawDaysOfWeek.map((day) => day % 7))].sort((a, b) => a - b);
  const schedule: CronSchedule = {
    source: expression,
    minutes,
    hours,
    daysOfMonth,
    months,
    daysOfWeek,
    dayOfMonthIsWildcard: (parts[2] as string).startsWith("*"),
    dayOfWeekIsWildcard: (parts[4] as string).startsWith("*"),
  };
  // A day-of-month that no allowed month has ("0 9 31 2 *") would never run.
  if (!schedule.dayOfMonthIsWildcard && schedule.dayOfWeekIsWildcard) {
    const firstDay = daysOfMonth[0] as number;
    const possible = months.some((month) => firstDay <= (MONTH_MAX_DAYS[month - 1] as number));
    if (!possible) {
      throw new CronParseError(expression, `it never runs: no month in the month field has day ${firstDay}`);
    }
  }
  return schedule;
}

function parseField(expression: string, field: string, spec: FieldSpec): number[] {
  const allowed = new Set<number>();
  for (const item of field.split(",")) {
    if (item === "") throw new CronParseError(expression, `the ${spec.name} field "${field}" has an empty list item`);
    const [rangePart, stepPart, extra] = item.split("/");
    if (extra !== undefined) throw new CronParseError(expression, `the ${spec.name} field "${item}" has more than one "/"`);
    let step = 1;
    if (stepPart !== undefined) {
      if (!/^\d+$/.test(stepPart) || Number(stepPart) === 0) {
        throw new CronParseError(expression, `the ${spec.name} field "${item}" needs a positive whole step after "/"`);
      }
      step = Number(stepPart);
    }
    let low: number;
    let high: number;
    const range = rangePart as string;
    if (range === "*") {
      low = spec.min;
      high = spec.name === "day-of-week" ? 6 : spec.max;
    } else if (range.includes("-")) {
      const [from, to, more] = range.split("-");
      if (more !== undefined || from === "" || to === "") {
        throw new CronParseError(expression, `the ${spec.name} field "${item}" is not a range like 1-5`);
      }
      low = parseValue(expression, from as string, spec, item);
      high = parseValue(expression, to as string, spec, item);
      if (low > high) {
        throw new CronParseError(expression, `the ${spec.name} range "${range}" goes backwards; write it as ${high}-${low} or a list`);
      }
    } else {
      low = parseValue(expression, range, spec, item);
      high = stepPart === undefined ? low : spec.name === "day-of-week" ? 6 : spec.max;
    }
    for (let value = low; value <= high; value += step) allowed.add(value);
  }
  return [...allowed].sort((a, b) => a - b);
}

function parseValue(expression: string, text: string, spec: FieldSpec, item: string): number {
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    if (value < spec.min || value > spec.max) {
      throw new CronParseError(expression, `the ${spec.name} value ${value} in "${item}" is out of range ${spec.min}-${spec.max}`);
    }
    return value;
  }
  const index = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  if (index >= 0) return index + (spec.namesStart ?? 0);
  const hint = spec.names === undefined ? "" : ` or a name (${spec.names.join(", ")})`;
  throw new CronParseError(expression, `the ${spec.name} field has "${text}" in "${item}"; expected a number ${spec.min}-${spec.max}${hint}`);
}

/** Whether a calendar day (month 1-12, weekday 0 = Sunday) is one the schedule runs on. */
export function isCronDay(schedule: CronSchedule, month: number, dayOfMonth: number, weekday: number): boolean {
  if (!schedule.months.includes(month)) return false;
  const domMatches = schedule.daysOfMonth.includes(dayOfMonth);
  const dowMatches = schedule.daysOfWeek.includes(weekday);
  if (schedule.dayOfMonthIsWildcard || schedule.dayOfWeekIsWildcard) return domMatches && dowMatches;
  return domMatches || dowMatches;
}

// The week a digest reports on. Pure: the clock is passed in.
//
// The digest covers the last complete ISO week in UTC: Monday 00:00 UTC (inclusive) to the next Monday
// 00:00 UTC (exclusive) that ends at or before `now`. Sent on Monday morning it is the week that just
// ended; run late (say on Wednesday after an outage) it is still that same week, so a retry never skips
// or repeats one. A clock exactly at Monday 00:00 UTC reports the week that ended at that instant.

import type { DigestWeek } from "./digest-types.js";
import { isoWeek } from "./iso-week.js";

const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** Monday 00:00 UTC of the ISO week containing the instant. */
export function startOfIsoWeek(date: Date): Date {
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(midnight - daysSinceMonday * DAY_MS);
}

export function buildDigestWeek(now: Date): DigestWeek {
  if (Number.isNaN(now.getTime())) throw new RangeError("buildDigestWeek: invalid clock");
  const end = startOfIsoWeek(now);
  const start = new Date(end.getTime() - WEEK_MS);
  return {
    isoWeek: isoWeek(start),
    start: start.toISOString(),
    end: end.toISOString(),
    firstDay: start.toISOString().slice(0, 10),
    lastDay: new Date(end.getTime() - DAY_MS).toISOString().slice(0, 10),
  };
}

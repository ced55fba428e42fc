// ISO-8601 week numbering, in UTC. Weeks start on Monday; week 1 is the week with the year's first
// Thursday, so 2020-12-31 is in 2020-W53 and 2024-12-30 in 2025-W01. Pure.

const DAY_MS = 86_400_000;

/** The ISO week of an instant, read in UTC: "2026-W45". */
export function isoWeek(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError("isoWeek: invalid date");
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const isoDay = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  // The Thursday of this week decides which year the week belongs to.
  const thursday = new Date(midnight + (4 - isoDay) * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const firstOfYear = Date.UTC(weekYear, 0, 1);
  const week = Math.floor((thursday.getTime() - firstOfYear) / DAY_MS / 7) + 1;
  return `${String(weekYear).padStart(4, "0")}-W${String(week).padStart(2, "0")}`;
}

// Calendar-day arithmetic on ISO dates ("YYYY-MM-DD"). A day is a name for a date in the shops'
// time zone, so no clock or time zone is involved: everything is done on UTC midnights.
export type Day = string;
export type Interval = { from: Day; to: Day };
export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const utc = (d: Day) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const fromUtc = (ms: number): Day => new Date(ms).toISOString().slice(0, 10);

export const iso = (y: number, m: number, d: number): Day => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
export const ymd = (d: Day): [number, number, number] => [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
export const isValidDate = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

export const addDays = (d: Day, n: number): Day => fromUtc(utc(d) + n * 86_400_000);
/** Calendar months later (negative: earlier); the 31st becomes the last day of a shorter month. */
export function addMonths(d: Day, n: number): Day {
  const [y, m, day] = ymd(d);
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return iso(ny, nm, Math.min(day, daysInMonth(ny, nm)));
}
export const daysBetween = (a: Day, b: Day) => Math.round((utc(b) - utc(a)) / 86_400_000);
/** 1 = Monday … 7 = Sunday. */
export const weekday = (d: Day) => ((new Date(utc(d)).getUTCDay() + 6) % 7) + 1;
export const minDay = (a: Day, b: Day) => (a < b ? a : b);

export const monthStart = (y: number, m: number) => iso(y, m, 1);
export const monthEnd = (y: number, m: number) => iso(y, m, daysInMonth(y, m));
export const quarterOf = (m: number) => Math.floor((m - 1) / 3) + 1;

/** First day of the week / month / quarter / year that d falls in (weeks start on Monday). */
export function startOf(d: Day, grain: Grain): Day {
  const [y, m] = ymd(d);
  switch (grain) {
    case 'day': return d;
    case 'week': return addDays(d, 1 - weekday(d));
    case 'month': return monthStart(y, m);
    case 'quarter': return monthStart(y, (quarterOf(m) - 1) * 3 + 1);
    case 'year': return monthStart(y, 1);
  }
}
export function endOf(d: Day, grain: Grain): Day {
  const [y, m] = ymd(d);
  switch (grain) {
    case 'day': return d;
    case 'week': return addDays(startOf(d, 'week'), 6);
    case 'month': return monthEnd(y, m);
    case 'quarter': return monthEnd(y, quarterOf(m) * 3);
    case 'year': return monthEnd(y, 12);
  }
}
/** d moved by n whole units (days, weeks, months, quarters or years). */
export function addUnits(d: Day, grain: Grain, n: number): Day {
  switch (grain) {
    case 'day': return addDays(d, n);
    case 'week': return addDays(d, 7 * n);
    case 'month': return addMonths(d, n);
    case 'quarter': return addMonths(d, 3 * n);
    case 'year': return addMonths(d, 12 * n);
  }
}
/** The whole unit n units away from the one that today is in (n = -1: last week / month / …). */
export function unitAround(today: Day, grain: Grain, n: number): Interval {
  const from = addUnits(startOf(today, grain), grain, n);
  return { from, to: endOf(from, grain) };
}
/** The n-th weekday (1 = Monday) counted from the start of a month: nthWeekday(2026, 11, 4, 4) = 4th Thursday. */
export function nthWeekday(y: number, m: number, dayOfWeek: number, n: number): Day {
  const first = monthStart(y, m);
  return addDays(first, ((dayOfWeek - weekday(first) + 7) % 7) + 7 * (n - 1));
}

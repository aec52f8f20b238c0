// Named periods ("last week", "上个月") to [from, to) in the shops' time zone (China, UTC+8, no DST).
import { addDays, addMonths, addYears, startOfMonth, startOfWeek, startOfYear } from 'date-fns';
import { z } from 'zod';

export const TZ_OFFSET_MS = 8 * 3600_000;
export const NAMED_PERIODS = ['today', 'yesterday', 'this_week', 'last_week', 'this_month', 'last_month', 'last_7_days', 'last_30_days', 'last_90_days', 'this_year', 'last_year'] as const;
export type NamedPeriod = (typeof NAMED_PERIODS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
export const periodSchema = z.union([
  z.enum(NAMED_PERIODS),
  z.object({ from: isoDate, to: isoDate.describe('inclusive last day') }),
]);
export type Period = z.infer<typeof periodSchema>;
export type Range = { from: Date; to: Date; label: string };

// date-fns works in the process time zone; we shift instants so that "local" means China time.
const toLocal = (d: Date) => new Date(d.getTime() + TZ_OFFSET_MS + d.getTimezoneOffset() * 60_000);
const fromLocal = (d: Date) => new Date(d.getTime() - TZ_OFFSET_MS - d.getTimezoneOffset() * 60_000);
const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());

export function resolvePeriod(period: Period, now: Date): Range {
  if (typeof period !== 'string') {
    const from = new Date(`${period.from}T00:00:00+08:00`);
    const to = new Date(new Date(`${period.to}T00:00:00+08:00`).getTime() + 86_400_000);
    if (!(from < to)) throw new RangeError(`the period ends (${period.to}) before it starts (${period.from})`);
    return { from, to, label: `${period.from}..${period.to}` };
  }
  const today = day(toLocal(now));
  const week = startOfWeek(today, { weekStartsOn: 1 });
  const month = startOfMonth(today);
  const year = startOfYear(today);
  const ranges: Record<NamedPeriod, [Date, Date]> = {
    today: [today, addDays(today, 1)],
    yesterday: [addDays(today, -1), today],
    this_week: [week, addDays(today, 1)],
    last_week: [addDays(week, -7), week],
    this_month: [month, addDays(today, 1)],
    last_month: [addMonths(month, -1), month],
    last_7_days: [addDays(today, -7), today],
    last_30_days: [addDays(today, -30), today],
    last_90_days: [addDays(today, -90), today],
    this_year: [year, addDays(today, 1)],
    last_year: [addYears(year, -1), year],
  };
  const [from, to] = ranges[period];
  return { from: fromLocal(from), to: fromLocal(to), label: period };
}

/** The period of the same length just before, for "change vs previous period". */
export function previousRange(range: Range): Range {
  const length = range.to.getTime() - range.from.getTime();
  return { from: new Date(range.from.getTime() - length), to: range.from, label: 'previous' };
}

/** YYYY-MM-DD of an instant in China time. */
export function localDate(d: Date): string {
  return new Date(d.getTime() + TZ_OFFSET_MS).toISOString().slice(0, 10);
}

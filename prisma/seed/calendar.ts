// Demand shape over time: weekdays, seasons, holidays (春节, 618, 双十一) and campus terms.
import type { Category } from '../../tools/catalogue/categories.ts';

const DAY = 86_400_000;
// Sun..Sat: weekends are busier.
const WEEKLY = [1.25, 0.85, 0.85, 0.9, 0.95, 1.1, 1.3];
// Chinese New Year's day, by year.
const SPRING_FESTIVAL: Record<number, string> = { 2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13' };

// Month (0-11) multipliers per category: what sells when.
const SEASON: Partial<Record<Category, readonly number[]>> = {
  clothing: [1.1, 0.8, 1.1, 1.2, 1.0, 0.9, 0.8, 0.8, 1.1, 1.3, 1.4, 1.3],
  sports: [0.7, 0.7, 1.0, 1.2, 1.3, 1.3, 1.2, 1.1, 1.1, 1.0, 0.9, 0.7],
  stationery: [0.7, 1.0, 1.5, 1.0, 0.9, 1.1, 0.4, 0.6, 1.8, 1.0, 0.9, 1.2],
  books: [0.8, 0.9, 1.3, 1.0, 1.0, 1.1, 0.6, 0.8, 1.5, 1.0, 1.0, 1.3],
  fresh: [1.1, 1.1, 0.9, 0.9, 1.0, 1.1, 1.2, 1.2, 1.0, 1.0, 0.9, 1.0],
  snacks: [1.1, 1.2, 0.9, 0.9, 1.0, 1.2, 1.3, 1.3, 1.0, 1.0, 0.9, 1.0],
  beauty: [0.9, 0.9, 1.0, 1.0, 1.1, 1.2, 1.0, 1.0, 0.9, 1.0, 1.3, 1.1],
  digital: [0.9, 0.8, 0.9, 0.9, 1.0, 1.3, 0.9, 1.0, 1.2, 1.0, 1.4, 1.0],
};

export function dayIndex(date: Date): number {
  return Math.floor(date.getTime() / DAY);
}

export function dateOfDay(day: number): Date {
  return new Date(day * DAY);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export type DayInfo = { weekday: number; month: number; springOffset: number; doubleEleven: number; sixEighteen: number; studentsAway: boolean };

export function describeDay(day: number): DayInfo {
  const date = dateOfDay(day);
  const year = date.getUTCFullYear();
  const festival = SPRING_FESTIVAL[year] ?? SPRING_FESTIVAL[year + 1];
  const festivalNext = SPRING_FESTIVAL[year + 1];
  const offsets = [festival, festivalNext].filter(Boolean).map((d) => day - dayIndex(new Date(d + 'T00:00:00Z')));
  const springOffset = offsets.reduce((best, o) => (Math.abs(o) < Math.abs(best) ? o : best), 999);
  const md = isoDay(date).slice(5);
  const month = date.getUTCMonth();
  const dom = date.getUTCDate();
  return {
    weekday: date.getUTCDay(),
    month,
    springOffset,
    doubleEleven: md === '11-11' ? 2 : month === 10 && dom < 11 ? 1 : 0,
    sixEighteen: md === '06-18' ? 2 : month === 5 && dom < 18 ? 1 : 0,
    // Summer and winter vacations: students leave the campus.
    studentsAway: (month === 6 && dom >= 10) || month === 7 || (springOffset >= -18 && springOffset <= 10),
  };
}

/** Multiplier on a shopper's chance to shop on a day (all categories). */
export function visitFactor(info: DayInfo, isStudent: boolean): number {
  let f = WEEKLY[info.weekday];
  if (info.springOffset >= 0 && info.springOffset <= 6) f *= 0.45; // everyone is home with family
  if (info.springOffset >= -10 && info.springOffset < 0) f *= 1.4; // new-year shopping
  if (info.doubleEleven === 2) f *= 2.2;
  else if (info.doubleEleven === 1) f *= 1.15;
  if (info.sixEighteen === 2) f *= 1.8;
  else if (info.sixEighteen === 1) f *= 1.1;
  if (isStudent && info.studentsAway) f *= 0.12;
  return f;
}

/** Multiplier on a category being what the shopper is after that day. */
export function categoryFactor(category: Category, info: DayInfo): number {
  let f = SEASON[category]?.[info.month] ?? 1;
  if (info.springOffset >= -10 && info.springOffset < 0 && (category === 'fresh' || category === 'snacks')) f *= 1.8;
  if ((info.doubleEleven === 2 || info.sixEighteen === 2) && (category === 'digital' || category === 'beauty')) f *= 2.5;
  return f;
}

/** Promotion discount on holiday sales days. */
export function promoDiscount(info: DayInfo): number {
  if (info.doubleEleven === 2) return 0.85;
  if (info.sixEighteen === 2) return 0.9;
  return 1;
}

// The PERIOD entity: which stretch of days a merchant's message is about, in zh or en, relative to
// "today" (a China-time calendar date). Output is the merchant-stats Period: a NamedPeriod when one
// matches exactly, else {from, to} with an inclusive `to`, never after today.
//
// How a message is read:
//  1. A grammar of our own (RULES below) claims the phrases chrono does not read as periods: named
//     weeks, months, quarters, halves and years, rolling windows ("最近两周", "past 14 days"),
//     to-date ("年初至今", "MTD"), zh weekdays ("上周五", "本周一"), days of the month ("3号",
//     "the 3rd"), zh months ("9月份", "九月"), years ("去年", "2025年"), the shopping calendar
//     (calendar.ts), follow-ups relative to an earlier period ("前一周", "the month before") and
//     words that name a time we cannot know ("那天", "上次活动").
//  2. chrono reads the rest for days and dates: "11月11日", "十月一号", "三天前", "Nov 11",
//     "last Friday", "1st of October", "September 2025", its own ranges ("Mar 5 - Mar 12").
//     Only its calendar fields are used; a year it did not read is chosen by us (below).
//  3. Pieces are combined: a year or month with what it scopes ("去年双十一", "Q3 2025",
//     "上个月3号", "the 3rd of last month"), ranges ("3月5日到12日", "between Oct 1 and Oct 7",
//     "从上周一到昨天"), to-date ("10月1日以来", "since Oct 1").
//  4. Years not given are the latest that is not in the future: "11月11日" on 2026-03-10 is
//     2025-11-11; "9月" on 2026-11-23 is Sep 2026; in a range the end is placed first and the
//     start before it ("12月20日到1月5日"). Anything starting after today is unresolved, anything
//     ending after today is cut at today.
//  5. Dates the user typed as dates (ISO, "3月5日到3月12日", "Nov 1 to Nov 11") stay {from, to};
//     everything else becomes a NamedPeriod when it covers exactly the same days.
//
// Never a guess: "那天", "上次活动", "七夕" (no lunar table for it), "新年" (New Year or Spring
// Festival?), a relative follow-up with nothing to be relative to, or two periods side by side
// that do not combine ("去年上个月") make the reading `unresolved`, so the planner asks.
import * as chrono from 'chrono-node';
import { LRUCache } from 'lru-cache';
import { periodSchema, type NamedPeriod, type Period } from '../../../tools/merchant-stats/period.ts';
import { OCCASION_NAMES, OCCASIONS, UNKNOWN_OCCASIONS, occasionDates, type OccasionSpan } from './calendar.ts';
import {
  addDays, addMonths, addUnits, daysBetween, endOf, isValidDate, iso, minDay, monthEnd, monthStart, startOf, unitAround, weekday, ymd,
  type Day, type Grain, type Interval,
} from './days.ts';

export type Shift = { n: number; unit?: Grain; exact?: boolean };
export type PeriodReading =
  | { kind: 'period'; period: Period; interval: Interval; text: string }
  /** Names a time relative to a period said before ("前一周呢", "the month before"): see shiftPeriod. */
  | { kind: 'relative'; shift: Shift; text: string }
  /** Names a time that cannot be pinned down: ask rather than guess. */
  | { kind: 'unresolved'; reason: 'future' | 'unknown' | 'anaphora' | 'mixed'; text: string };

// ---------------------------------------------------------------------------------------------
// Resolved intervals

type GrainOrSpan = Grain | 'span';
type Ok = { ok: true; interval: Interval; named?: NamedPeriod; grain: GrainOrSpan; explicit: boolean };
type Bad = { ok: false; why: 'future' | 'unknown' };
type Res = Ok | Bad;
const ok = (interval: Interval, grain: GrainOrSpan, extra: Partial<Ok> = {}): Ok => ({ ok: true, interval, grain, explicit: false, ...extra });
const bad = (why: Bad['why'] = 'unknown'): Bad => ({ ok: false, why });
const dayRes = (d: Day, explicit = false): Ok => ok({ from: d, to: d }, 'day', { explicit });

/** The days each NamedPeriod covers on `today` (the same ranges as resolvePeriod in merchant-stats). */
export function namedInterval(name: NamedPeriod, today: Day): Interval {
  const t = today;
  switch (name) {
    case 'today': return { from: t, to: t };
    case 'yesterday': return { from: addDays(t, -1), to: addDays(t, -1) };
    case 'this_week': return { from: startOf(t, 'week'), to: t };
    case 'last_week': return unitAround(t, 'week', -1);
    case 'this_month': return { from: startOf(t, 'month'), to: t };
    case 'last_month': return unitAround(t, 'month', -1);
    case 'last_7_days': return { from: addDays(t, -7), to: addDays(t, -1) };
    case 'last_30_days': return { from: addDays(t, -30), to: addDays(t, -1) };
    case 'last_90_days': return { from: addDays(t, -90), to: addDays(t, -1) };
    case 'this_year': return { from: startOf(t, 'year'), to: t };
    case 'last_year': return unitAround(t, 'year', -1);
  }
}
const NAMED_GRAIN: Record<NamedPeriod, GrainOrSpan> = {
  today: 'day', yesterday: 'day', this_week: 'week', last_week: 'week', this_month: 'month', last_month: 'month',
  last_7_days: 'span', last_30_days: 'span', last_90_days: 'span', this_year: 'year', last_year: 'year',
};
const named = (name: NamedPeriod, today: Day): Ok => ok(namedInterval(name, today), NAMED_GRAIN[name], { named: name });

const PREFER: Record<GrainOrSpan, NamedPeriod[]> = {
  day: ['today', 'yesterday'], week: ['this_week', 'last_week'], month: ['this_month', 'last_month'], quarter: [], year: ['this_year', 'last_year'], span: [],
};
const ORDER: NamedPeriod[] = ['today', 'yesterday', 'last_week', 'last_month', 'last_year', 'this_week', 'this_month', 'this_year', 'last_7_days', 'last_30_days', 'last_90_days'];

/** The NamedPeriod covering exactly these days, preferring one of the same grain (on a Monday "this week" and "today" are the same day). */
export function canonicalPeriod(interval: Interval, today: Day, grain: GrainOrSpan = 'span'): Period {
  for (const name of [...PREFER[grain], ...ORDER]) {
    const n = namedInterval(name, today);
    if (n.from === interval.from && n.to === interval.to) return name;
  }
  return { from: interval.from, to: interval.to };
}

/** Starts after today: unresolved. Ends after today: cut at today. */
function finalize(r: Res, today: Day): Res {
  if (!r.ok) return r;
  if (r.interval.from > today) return bad('future');
  if (r.interval.to <= today) return r;
  return { ...r, interval: { from: r.interval.from, to: today } };
}
function toPeriod(r: Ok, today: Day): Period {
  if (r.named) return r.named;
  return r.explicit ? { from: r.interval.from, to: r.interval.to } : canonicalPeriod(r.interval, today, r.grain);
}

// ---------------------------------------------------------------------------------------------
// Numbers and units

const EN_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, eighteen: 18, twenty: 20, thirty: 30, sixty: 60, ninety: 90,
};
const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const NUM_ZH = '(?<![\\d零〇一二两三四五六七八九十百])(\\d{1,3}|[零〇一二两三四五六七八九十百]{1,4}|半)';
const NUM_EN = `(\\d{1,3}|${Object.keys(EN_NUMBERS).sort((a, b) => b.length - a.length).join('|')})`;

export function parseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s in EN_NUMBERS) return EN_NUMBERS[s];
  if (s === '半') return 0.5;
  let total = 0;
  let digit: number | undefined;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else if (ch === '十' || ch === '百') {
      total += (digit ?? 1) * (ch === '十' ? 10 : 100);
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}
const cnYear = (s: string) => (/^\d{4}$/.test(s) ? Number(s) : Number([...s].map((c) => CN_DIGITS[c]).join('')));

function unitOf(word: string): Grain | undefined {
  if (/^(?:天|日|days?)$/.test(word)) return 'day';
  if (/^(?:周|星期|礼拜|weeks?)$/.test(word)) return 'week';
  if (/^(?:月|months?)$/.test(word)) return 'month';
  if (/^(?:季度|季|quarters?)$/.test(word)) return 'quarter';
  if (/^(?:年|years?)$/.test(word)) return 'year';
  return undefined;
}
const UNIT_ZH = '(天|日|周|星期|礼拜|月|季度|年)';
const UNIT_EN = '(days?|weeks?|months?|quarters?|years?)';

/** "最近N天 / past N weeks": the N whole days before today (as last_7_days is), or N months back to yesterday. */
function rolling(n: number, unit: Grain): (t: Day) => Res {
  return (t) => {
    if (!(n > 0)) return bad();
    if (unit === 'day' || unit === 'week') {
      const days = n * (unit === 'week' ? 7 : 1);
      if (!Number.isInteger(days)) return bad();
      const name = ({ 7: 'last_7_days', 30: 'last_30_days', 90: 'last_90_days' } as Record<number, NamedPeriod>)[days];
      return name ? named(name, t) : ok({ from: addDays(t, -days), to: addDays(t, -1) }, 'span');
    }
    const months = n * (unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12);
    // The existing named windows: "最近一个月 / past month" = last 30 days, "近三个月 / past quarter" = last 90 days.
    if (months === 1) return named('last_30_days', t);
    if (months === 3) return named('last_90_days', t);
    if (months === 0.5) return ok({ from: addDays(t, -15), to: addDays(t, -1) }, 'span');
    if (!Number.isInteger(months)) return bad();
    return ok({ from: addMonths(t, -months), to: addDays(t, -1) }, 'span');
  };
}

// ---------------------------------------------------------------------------------------------
// Pieces: what the grammar and chrono find, before they are combined

type Scoped =
  | { t: 'quarter'; q: number }
  | { t: 'half'; h: 1 | 2 }
  /** The year's first n quarters (前三季度, "the first three quarters"). */
  | { t: 'quarters'; n: number }
  | { t: 'month'; m: number; part?: [number, number | 'end'] }
  | { t: 'monthDay'; m: number; d: number }
  | { t: 'dayOfMonth'; d: number }
  | { t: 'occasion'; key: string; as: OccasionSpan };

type Body =
  | { kind: 'fixed'; res: (t: Day) => Res; sameDayOf?: boolean }
  | { kind: 'scoped'; scoped: Scoped; year?: number; month?: number; explicit?: boolean }
  | { kind: 'year'; year: (t: Day) => number; weak?: boolean }
  | { kind: 'month'; offset: number; thisMonth?: boolean }
  | { kind: 'now' }
  | { kind: 'relative'; shift: Shift }
  | { kind: 'anaphora' }
  | { kind: 'unknown' };
type Piece = Body & { index: number; end: number; rangeTo?: Piece };

type Rule = { re: RegExp; make: (m: RegExpExecArray, t: Day) => Body | undefined; name?: boolean };
const rule = (source: string, make: Rule['make'], name = false): Rule => ({ re: new RegExp(source, 'gu'), make, name });
const fixed = (res: (t: Day) => Res): Body => ({ kind: 'fixed', res });
const future: Body = fixed(() => bad('future'));

// What may follow a Chinese name for it to count as a time (so "圣诞树", "春节礼盒", "5号电池" do not).
const ZH_AFTER = new RegExp(
  '(?:$|[^\\p{Script=Han}]|当天|那天|那一天|当日|这天|这一天|期间|大促|活动|假期|长假|小长假|黄金周|那几天|前后|档期|季|节|的|呢|吧|啊|嘛|卖|买|购|入手|下单|花了|付了|销|营|生意|订单|流水|数据|业绩|收入|利润|怎|如何|情况|表现|到|至|和|跟|与|以来|起|开始|时|那|这|是|有|全|总|整|一共|共|比|相比|同比|环比|对比|之间|为止|有多少|多少|客|退|过后|之后|以后|后[一的那这]|前[一的那这])',
  'uy',
);
const NAME_WITH_TIME_WORD = /(?:当天|那天|那一天|当日|这天|这一天|期间|那几天|黄金周|假期|长假|小长假|那一?周|那一?个?星期|那一?个?礼拜|当周)$/u;
// English holiday names followed by a product noun are products ("christmas tree sales").
const EN_PRODUCT_AFTER = /^\s+(?:trees?|lights?|decorations?|cards?|gifts?|sweaters?|ornaments?|stockings?|cookies?|cakes?|hampers?|boxe?s?|cand(?:y|ies)|wrap(?:ping)?|items?|products?|stuff|goods|sets?|deals?\b(?! period))/;

const WEEKDAY_ZH: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7 };
const WEEK_OFFSET: Record<string, number> = { 上上: -2, 上: -1, 本: 0, 这: 0, 这个: 0, 下: 1, 下个: 1, last: -1, past: -1, previous: -1, this: 0, next: 1 };
const QUARTER_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };
const TO_DATE = '(?:至今|以来|到现在|到今天|到目前(?:为止)?|迄今(?:为止)?)';

function weekdayIn(t: Day, prefix: string | undefined, wd: number): Day {
  const monday = startOf(t, 'week');
  const offset = prefix === undefined ? (wd <= weekday(t) ? 0 : -1) : WEEK_OFFSET[prefix];
  return addDays(monday, 7 * offset + wd - 1);
}
function weekend(t: Day, prefix: string | undefined): Ok {
  const offset = prefix === undefined ? (weekday(t) >= 6 ? 0 : -1) : WEEK_OFFSET[prefix];
  const saturday = addDays(startOf(t, 'week'), 7 * offset + 5);
  return ok({ from: saturday, to: addDays(saturday, 1) }, 'span');
}
const partOfMonth = (word: string | undefined): [number, number | 'end'] | undefined =>
  word === '上旬' ? [1, 10] : word === '中旬' ? [11, 20] : word === '下旬' ? [21, 'end']
    : word && /^[上前]半/.test(word) ? [1, 15] : word && /^[下后]半/.test(word) ? [16, 'end'] : undefined;
/** The days of a part of a month starting on `start`: [first day, last day or 'end']; a negative first day counts
 *  from the month's end ([-7, 'end'] is its last week). */
function partDays(start: Day, [a, b]: [number, number | 'end']): Interval {
  const end = endOf(start, 'month');
  return { from: a < 0 ? addDays(end, a + 1) : addDays(start, a - 1), to: b === 'end' ? end : addDays(start, b - 1) };
}
/** A part of this month (offset 0) or an earlier one: its days up to today. */
function monthPart(t: Day, offset: number, part: [number, number | 'end']): Res {
  const { from, to } = partDays(addUnits(startOf(t, 'month'), 'month', offset), part);
  return from > t ? bad('future') : ok({ from, to: to > t ? t : to }, 'span');
}

const RANGE_WORD = '(?:到|至|~|～|-|–|—|\\bto\\b|\\buntil\\b|\\bthrough\\b)';
const MONTH_END_PARTS: Record<string, [number, number | 'end']> = { 初: [1, 10], 中: [11, 20], 底: [21, 'end'], 末: [21, 'end'] };
const MONTH_NAMES_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTHS_EN: Record<string, number> = Object.fromEntries(MONTH_NAMES_EN
  .flatMap((name, i) => [[name, i + 1], [name.slice(0, 3), i + 1], ...(name === 'september' ? [['sept', 9]] : [])]));
/** The days of a month's Nth week counted from the 1st (1–7, 8–14, …); the last week is its last seven days. */
function weekOfMonth(word: string): [number, number | 'end'] {
  const n = { 一: 1, 二: 2, 三: 3, 四: 4, first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 }[word] ?? (Number(word) || 0);
  return n >= 1 && n <= 4 ? [7 * n - 6, 7 * n] : [-7, 'end'];
}

/** The first or last `count` days (or weeks) of the month named by `month`: "上个月" / "last month" count back from this one,
 *  "10月" / "october" is scoped to its latest year. */
function monthEdge(month: string, last: boolean, count: string, unit: string, t: Day): Body | undefined {
  const n = parseNumber(count);
  const days = n && Number.isInteger(n) ? n * (/周|星期|礼拜|week/.test(unit) ? 7 : 1) : 0;
  if (days < 1 || days > 28) return undefined;
  const part: [number, number | 'end'] = last ? [-days, 'end'] : [1, days];
  const relative = /^(?:本月|这个月|这月|当月|this month)$/.test(month) ? 0 : /^(?:上上|month before last)/.test(month) ? -2 : /^(?:上|last month|previous month)/.test(month) ? -1 : undefined;
  if (relative !== undefined) return fixed(() => monthPart(t, relative, part));
  const named = MONTHS_EN[month] ?? parseNumber(month.replace(/\s*月份?$/, '').replace(/^0/, ''));
  return named && named >= 1 && named <= 12 ? { kind: 'scoped', scoped: { t: 'month', m: named, part } } : undefined;
}

const RULES: Rule[] = [
  // --- Dates typed as numbers.
  // An ISO week number ("W47", "week 46", "第45周"): Monday to Sunday of that week of this year (week 1 holds 4 January).
  rule('\\b(?:[Ww]|[Ww]k|[Ww]eek)\\s*(\\d{1,2})\\b|第\\s*(\\d{1,2})\\s*周', (m, t) => fixed(() => {
    const n = Number(m[1] ?? m[2]);
    const jan4 = iso(ymd(t)[0], 1, 4);
    const from = addDays(addDays(jan4, 1 - weekday(jan4)), (n - 1) * 7);
    if (n < 1 || n > 53) return bad();
    return from > t ? bad('future') : ok({ from, to: addDays(from, 6) }, 'week', { explicit: true });
  })),
  rule('(?<![\\d.])(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?![\\d.])', (m) => {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return fixed(() => (isValidDate(y, mo, d) ? dayRes(iso(y, mo, d), true) : bad()));
  }),

  // --- Relative to the period already in the conversation (shiftPeriod resolves these).
  rule(`(?:再往前推?|往前推?|向前推?|再前|前(?!\\s*[两二三2-3]\\s*个?\\s*季度))\\s*${NUM_ZH}\\s*个?\\s*${UNIT_ZH}`, (m) => relative(-1, m[1], m[2])),
  rule(`(?:再往后推?|往后推?|向后推?|后)\\s*${NUM_ZH}\\s*个?\\s*${UNIT_ZH}`, (m) => relative(1, m[1], m[2])),
  rule('(?:再往前推?|往前推?|再之前|再前面|再早(?:一点|一些|些)?|更早(?:一点|一些|些|的)?|前一期|上一期|之前那段|之前)(?=\\s*(?:呢|的|吧|啊|$|[?？。.!！,，]))', () => ({ kind: 'relative', shift: { n: -1 } })),
  rule('(?:去年|上一年|前一年|上年)同期|同期去年', () => ({ kind: 'relative', shift: { n: -1, unit: 'year', exact: true } })),
  rule('(?:上个?月|上一个月|上个?\\s*month)\\s*(?:的)?\\s*(?:同期|同一段(?:时间|日子)?|同一时间段|同样(?:的)?(?:时间段?|那几天|日子)|一样的(?:日子|那几天|时间段?))|\\b(?:the )?same (?:stretch|period|days|dates|window|span) (?:of |in )?(?:last|the previous|the prior) month\\b|\\blast month(?:\'s)? same (?:stretch|period|days|dates|window)\\b', () => ({ kind: 'relative', shift: { n: -1, unit: 'month', exact: true } })),
  rule('(?:上周|上星期|上个星期)同期', () => ({ kind: 'relative', shift: { n: -1, unit: 'week', exact: true } })),
  rule('去年(?:的)?(?:这个时候|这时候|同一时间|同一个?(?:假期|节日|时候|活动|月份?|礼拜|星期|周)|同月|这个月|这一周|这周)|\\bsame (?:period|time|days?|dates?|holiday|holidays|festival|event|week|weekend|sale|stretch|season|month) (?:last|a|the previous) year|\\bsame (?:period|time|days?|dates?|holiday|festival|event|week|weekend|sale|stretch|season) the year before|\\b(?:a|one) year (?:before|earlier)\\b|\\b(?:this|the same) time last year\\b|\\bthis (?:week|month|day) last year\\b', () => ({ kind: 'relative', shift: { n: -1, unit: 'year', exact: true } })),
  rule('same (?:period|time|days?|dates?) (?:last|the previous) month', () => ({ kind: 'relative', shift: { n: -1, unit: 'month', exact: true } })),
  rule('\\b(?:the\\s+)?(day|week|month|quarter|year)\\s+before(?:\\s+(?:that|it|this|then))?\\b(?!\\s+last)', (m) => relative(-1, '1', m[1])),
  rule(`\\b${NUM_EN}\\s+${UNIT_EN}\\s+(?:earlier|before(?:\\s+(?:that|it|this))?|prior|back|further back)\\b`, (m) => relative(-1, m[1], m[2])),
  rule('\\b(?:the\\s+)?(day|week|month|quarter|year)\\s+after(?:\\s+(?:that|it|this))?\\b', (m) => relative(1, '1', m[1])),
  rule(`\\b${NUM_EN}\\s+${UNIT_EN}\\s+later\\b`, (m) => relative(1, m[1], m[2])),
  rule('\\b(?:(?:and\\s+)?(?:even\\s+)?before\\s+that|the\\s+one\\s+before(?:\\s+that)?|the\\s+(?:previous|prior)\\s+(?:one|period)|(?:previous|prior)\\s+period|the\\s+period\\s+before(?:\\s+that)?|even\\s+earlier|further\\s+back|earlier\\s+than\\s+that|go\\s+back\\s+(?:one\\s+)?more)\\b', () => ({ kind: 'relative', shift: { n: -1 } })),

  // --- Days.
  rule('今天|今日|本日|今晚|今早|今天上午|今天下午|\\btoday\\b|\\btonight\\b|\\bthis (?:morning|afternoon|evening)\\b', (_, t) => ({ kind: 'fixed', res: () => named('today', t), sameDayOf: true })),
  rule('昨天|昨日|昨晚|\\byesterday\\b', (_, t) => fixed(() => named('yesterday', t))),
  rule('(?<!大)前天|\\b(?:the )?day before yesterday\\b', (_, t) => fixed(() => dayRes(addDays(t, -2)))),
  rule('大前天', (_, t) => fixed(() => dayRes(addDays(t, -3)))),
  rule('明天|明日|后天|大后天|\\btomorrow\\b|\\bthe day after tomorrow\\b', () => future),
  rule(`${NUM_ZH}\\s*天\\s*(?:前|之前|以前)`, (m, t) => {
    const n = parseNumber(m[1]);
    return n && Number.isInteger(n) ? fixed(() => dayRes(addDays(t, -n))) : undefined;
  }),
  rule(`\\b${NUM_EN}\\s+days?\\s+ago\\b`, (m, t) => {
    const n = parseNumber(m[1]);
    return n ? fixed(() => dayRes(addDays(t, -n))) : undefined;
  }),
  rule('现在|目前|此刻|\\bnow\\b', () => ({ kind: 'now' })),

  // --- Weeks.
  rule('本周|这周|这一周|这星期|这个星期|本星期|这礼拜|这个礼拜|本礼拜|\\bthis week\\b|\\bcurrent week\\b', (_, t) => fixed(() => named('this_week', t))),
  rule('上周|上星期|上个星期|上一周|上一个星期|上礼拜|上个礼拜|上一个礼拜|\\blast week\\b|\\bprevious week\\b|\\bprior week\\b', (_, t) => fixed(() => named('last_week', t))),
  rule('上上周|上上个?星期|上上个?礼拜|大上周|\\b(?:the )?week before last\\b', (_, t) => fixed(() => ok(unitAround(t, 'week', -2), 'week'))),
  rule('下周|下个?星期|下个?礼拜|下一周|\\bnext week\\b', () => future),
  rule(`${NUM_ZH}\\s*个?\\s*(周|星期|礼拜|月|季度|年)\\s*(?:前|之前|以前)`, (m, t) => ago(m[1], m[2], t)),
  rule(`\\b${NUM_EN}\\s+(weeks?|months?|quarters?|years?)\\s+ago\\b`, (m, t) => ago(m[1], m[2], t)),
  // "周四家" is four shops a week, not Thursday; "周四周五" is two days.
  rule('(上上|上|本|这个|这|下个|下)?\\s*个?(?:周|星期|礼拜)([一二三四五六日天1-7])(?![共起下点些样切次个家间所位款种人]|(?<=一)直|周(?![一二三四五六日天1-7]))', (m, t) => {
    const day = weekdayIn(t, m[1], WEEKDAY_ZH[m[2]]);
    return fixed(() => dayRes(day));
  }),
  // An English weekday alone is the last one (today's included), as 周五 is; "next Friday" is ahead.
  rule('\\b(?:(last|this|next|previous|past)\\s+)?(monday|tuesday|tues|wednesday|weds|thursday|thurs|friday|saturday|sunday)\\b', (m, t) => {
    const wd = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 }[m[2].slice(0, 3) as 'mon'];
    // "last Friday" on a Sunday is two days ago, the one before today; "this Friday" is this week's.
    if (m[1] && m[1] !== 'this' && m[1] !== 'next') return fixed(() => dayRes(weekdayIn(t, wd < weekday(t) ? '本' : '上', wd)));
    return fixed(() => dayRes(weekdayIn(t, m[1] === 'this' ? '本' : m[1] === 'next' ? '下' : undefined, wd)));
  }),
  // "Monday last week", "friday this week": the weekday in the week named after it.
  rule('\\b(monday|tuesday|tues|wednesday|weds|thursday|thurs|friday|saturday|sunday)\\s+(?:of\\s+)?(last|this|next|previous)\\s+week\\b', (m, t) => {
    const wd = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 }[m[1].slice(0, 3) as 'mon'];
    return fixed(() => dayRes(weekdayIn(t, m[2] === 'this' ? '本' : m[2] === 'next' ? '下' : '上', wd)));
  }),
  // "上周周一到周五", "上周 weekdays 周一到周五", "这周二到周四": days of the week named before them.
  rule('(上上|上|本|这个|这)\\s*个?(?:周|星期|礼拜)\\s*(?:的)?\\s*(?:weekdays?|工作日)?\\s*(?:周|星期|礼拜)?([一二三四五六日天1-7])\\s*(?:到|至|~|～|-|–)\\s*(?:周|星期|礼拜)?([一二三四五六日天1-7])', (m, t) => {
    const [a, b] = [WEEKDAY_ZH[m[2]], WEEKDAY_ZH[m[3]]];
    if (!(a < b)) return undefined;
    return fixed(() => {
      const from = weekdayIn(t, m[1], a);
      const to = weekdayIn(t, m[1], b);
      return from > t ? bad('future') : ok({ from, to: to > t ? t : to }, 'span');
    });
  }),
  rule('(上上|上|本|这个|这)\\s*个?(?:周|星期|礼拜)\\s*(?:的)?\\s*weekdays?\\b|\\b(last|this) week(?:\\u0027s)? weekdays\\b|\\bweekdays (?:of )?(last|this) week\\b', (m, t) => {
    const prefix = m[1] ?? ((m[2] ?? m[3]) === 'this' ? '本' : '上');
    return fixed(() => {
      const from = weekdayIn(t, prefix, 1);
      const to = weekdayIn(t, prefix, 5);
      return from > t ? bad('future') : ok({ from, to: to > t ? t : to }, 'span');
    });
  }),
  rule('(上上|上|本|这个|这|下个|下)?\\s*个?周末', (m, t) => fixed(() => weekend(t, m[1]))),
  // "the three weeks before last week", "上周之前的三周": that many weeks (or days) ending the day before the week named.
  rule(`\\b(?:the\\s+)?${NUM_EN}\\s+(weeks?|days?)\\s+(?:before|prior to|leading up to)\\s+(last|this)\\s+week\\b|(上|本|这)(?:个)?(?:周|星期|礼拜)(?:之前|以前|前面)的?${NUM_ZH}\\s*(?:个)?\\s*(周|星期|礼拜|天)`, (m) => {
    const n = parseNumber((m[1] ?? m[5]).toLowerCase());
    const days = /^(?:days?|天)$/.test(m[2] ?? m[6]) ? 1 : 7;
    if (!n || !Number.isInteger(n) || n > 52) return undefined;
    return fixed((t) => {
      const anchor = addDays(startOf(t, 'week'), /^(?:last|上)$/.test(m[3] ?? m[4]) ? -7 : 0);
      return ok({ from: addDays(anchor, -n * days), to: addDays(anchor, -1) }, 'span');
    });
  }),
  // "the weekend before (last)": the one before the weekend just gone ("the weekend before that" shifts the one in view).
  rule('\\b(?:the\\s+)?weekend before(?:\\s+last)?\\b(?!\\s+(?:that|this|then))', (_m, t) => fixed(() => weekend(t, '上上'))),
  rule('\\b(?:the\\s+)?(?:(last|this|past|previous|next)\\s+)?weekend\\b', (m, t) => fixed(() => weekend(t, m[1]))),

  // --- Halves and thirds of this or last month ("这个月上半个月", "上个月下旬", "the first half of last month").
  rule('(本月|这个月|这月|当月|上个?月|上一个月|\\bthis month\\b|\\blast month\\b)\\s*(?:的|\\s)?\\s*(上半个?月|下半个?月|前半个?月|后半个?月|上旬|中旬|下旬)', (m, t) => {
    const offset = /上|last/.test(m[1]) ? -1 : 0;
    return fixed(() => monthPart(t, offset, partOfMonth(m[2])!));
  }),
  // "这个月头十天", "上个月最后五天", "10月前两周", "the first two weeks of October": the first or last days or weeks of a
  // month (this, last, the one before, or a named one); more than four weeks is not a part of a month.
  rule(`(本月|这个月|这月|当月|上上个?月|上个?月|上一个月|(?<![\\d零〇一二两三四五六七八九十])(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\\s*月份?)\\s*(?:的)?\\s*(头|前|最初|开头|最后|末|后)\\s*${NUM_ZH}\\s*个?\\s*(天|日|周|星期|礼拜)`, (m, t) => monthEdge(m[1], /最后|末|后/.test(m[2]), m[3], m[4], t)),
  rule(`\\b(?:the\\s+)?(first|opening|last|final|closing)\\s+${NUM_EN}\\s+(days?|weeks?)\\s+(?:of|in)\\s+(?:the\\s+)?(this month|last month|previous month|month before last|${Object.keys(MONTHS_EN).join('|')})\\b`, (m, t) => monthEdge(m[4], !/first|opening/.test(m[1]), m[2], m[3], t)),
  rule('\\b(?:the\\s+)?(first|second|latter)\\s+half\\s+of\\s+(?:the\\s+)?(this|last|the previous)?\\s*month\\b', (m, t) => fixed(() => monthPart(t, /last|previous/.test(m[2] ?? '') ? -1 : 0, partOfMonth(m[1] === 'first' ? '上半月' : '下半月')!))),

  // --- The start, middle and end of a month ("这个月月初", "上个月底", "11月中", "the end of last month"): its first, middle
  // and last ten days, as 上旬 / 中旬 / 下旬.
  rule('(本月|这个月|这月|当月|上个?月|上一个月)\\s*(?:的)?\\s*月?(初|中|底|末)(?!旬)', (m, t) => fixed(() => monthPart(t, /上/.test(m[1]) ? -1 : 0, MONTH_END_PARTS[m[2]]))),
  rule(`(?<![\\d零〇一二两三四五六七八九十])(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\\s*月份?\\s*(?:的)?\\s*月?(初|中|底|末)(?!旬)`, (m) => {
    const month = parseNumber(m[1].replace(/^0/, ''));
    return month && month <= 12 ? { kind: 'scoped', scoped: { t: 'month', m: month, part: MONTH_END_PARTS[m[2]] } } : undefined;
  }),
  rule('(?<![上本这当个])月(初|中|底|末)(?!旬)', (m, t) => fixed(() => monthPart(t, 0, MONTH_END_PARTS[m[1]]))),
  rule('\\b(?:(?:the\\s+)?(beginning|start|first days|middle|end|last days)\\s+of|(early|mid|late)[- ])\\s*(?:the\\s+)?(this|last|the previous|previous)?\\s*month\\b', (m, t) => {
    const word = m[1] ?? m[2];
    const part = /beginning|start|first|early/.test(word) ? '初' : /middle|mid/.test(word) ? '中' : '底';
    return fixed(() => monthPart(t, /last|previous/.test(m[3] ?? '') ? -1 : 0, MONTH_END_PARTS[part]));
  }),

  // --- The weeks of a month, counted from its first day ("11月第一周" = Nov 1–7, "the last week of October" = its last 7 days).
  rule(`(?<![\\d零〇一二两三四五六七八九十])(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\\s*月份?\\s*(?:的)?\\s*(?:第\\s*([一二三四1-4])|(最后一))\\s*(?:个)?(?:周|星期|礼拜)`, (m) => {
    const month = parseNumber(m[1].replace(/^0/, ''));
    return month && month <= 12 ? { kind: 'scoped', scoped: { t: 'month', m: month, part: weekOfMonth(m[2] ?? 'last') } } : undefined;
  }),
  // "early November", "mid-Oct", "the end of October", "the second half of November": a part of a named month.
  rule(`\\b(?:(early|mid|late)[- ]?|(?:the\\s+)?(beginning|start|middle|end|first days|last days|first half|second half|latter half|last part)\\s+of\\s+)(${Object.keys(MONTHS_EN).join('|')})\\b`, (m) => {
    const word = m[1] ?? m[2];
    const part: [number, number | 'end'] = /first half/.test(word) ? [1, 15] : /second half|latter half/.test(word) ? [16, 'end']
      : MONTH_END_PARTS[/early|beginning|start|first/.test(word) ? '初' : /mid/.test(word) ? '中' : '底'];
    return { kind: 'scoped', scoped: { t: 'month', m: MONTHS_EN[m[3]], part } };
  }),
  // "11-11到11-15", "11.1-11.15": month and day typed as numbers, read as dates only in a range of two (a lone "11.5"
  // is a price as often as a day).
  rule(`(?<![\\d.:/-])(1[0-2]|0?[1-9])[-./](3[01]|[12]\\d|0?[1-9])(?=\\s*${RANGE_WORD}\\s*(?:1[0-2]|0?[1-9])[-./](?:3[01]|[12]\\d|0?[1-9])(?![\\d.:/]))|(?<=(?<![\\d.:/-])(?:1[0-2]|0?[1-9])[-./](?:3[01]|[12]\\d|0?[1-9])\\s*${RANGE_WORD}\\s*)(1[0-2]|0?[1-9])[-./](3[01]|[12]\\d|0?[1-9])(?![\\d.:/])`, (m) => {
    const [mo, d] = m[1] ? [Number(m[1]), Number(m[2])] : [Number(m[3]), Number(m[4])];
    return { kind: 'scoped', scoped: { t: 'monthDay', m: mo, d }, explicit: true };
  }),
  rule(`\\b(?:the\\s+)?(first|second|third|fourth|last|final|1st|2nd|3rd|4th)\\s+week\\s+(?:of|in)\\s+(${Object.keys(MONTHS_EN).join('|')})\\b`, (m) => ({ kind: 'scoped', scoped: { t: 'month', m: MONTHS_EN[m[2]], part: weekOfMonth(m[1]) } })),
  rule(`(本月|这个月|这月|上个?月|上一个月)\\s*(?:的)?\\s*(?:第\\s*([一二三四1-4])|(最后一))\\s*(?:个)?(?:周|星期|礼拜)|\\b(?:the\\s+)?(first|second|third|fourth|last|final|1st|2nd|3rd|4th)\\s+week\\s+(?:of|in)\\s+(this|last|the previous)\\s+month\\b`, (m, t) => {
    const offset = /上|last|previous/.test(m[1] ?? m[5]) ? -1 : 0;
    return fixed(() => monthPart(t, offset, weekOfMonth(m[2] ?? m[4] ?? 'last')));
  }),

  // --- Months.
  rule('本月|这个月|这月|当月|\\bthis month\\b|\\bcurrent month\\b', () => ({ kind: 'month', offset: 0, thisMonth: true })),
  rule('上个月|上月|上一个月|上一月|\\blast month\\b|\\bprevious month\\b|\\bprior month\\b', () => ({ kind: 'month', offset: -1 })),
  rule('上上个?月|\\b(?:the )?month before last\\b', () => ({ kind: 'month', offset: -2 })),
  rule('下个?月|下一个月|\\bnext month\\b', () => future),
  // A part of the month said ends the phrase ("十月下旬四家店": the count after it is shops, not a day).
  rule('(?<![\\d零〇一二两三四五六七八九十])(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\\s*月份?(?:(上旬|中旬|下旬|[上前下后]半个?月)|(?![\\d零〇一二两三四五六七八九十]|\\s*\\d|[初中底末]))', (m) => {
    const month = parseNumber(m[1].replace(/^0/, ''));
    return month && month <= 12 ? { kind: 'scoped', scoped: { t: 'month', m: month, part: partOfMonth(m[2]) } } : undefined;
  }),
  rule(`(?<![\\d零〇一二两三四五六七八九十./a-z路街巷弄道村栋楼室座层-])(?<!(?:\\d|[一二三四五六七八九十])\\s*月)(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*[号日](?=${ZH_AFTER.source.replace(/^\(\?:/, '(?:')})`, (m) => {
    const d = parseNumber(m[1]);
    return d && d <= 31 ? { kind: 'scoped', scoped: { t: 'dayOfMonth', d } } : undefined;
  }),
  // "3月5日-12日", "3月5-12": the bare end day of a range that starts on a month and day.
  rule('(?<=月\\s*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*[日号]?\\s*(?:到|至|~|-|–|—)\\s*)(\\d{1,2}|[一二三四五六七八九十]{1,3})(?![\\d月]|\\s*月)\\s*[日号]?', (m) => {
    const d = parseNumber(m[1]);
    return d && d <= 31 ? { kind: 'scoped', scoped: { t: 'dayOfMonth', d } } : undefined;
  }),
  // "on the 20th I got…": after "on", a day of the month whatever follows.
  rule('\\bon\\s+the\\s+(\\d{1,2})(?:st|nd|rd|th)\\b', (m) => {
    const d = Number(m[1]);
    return d >= 1 && d <= 31 ? { kind: 'scoped', scoped: { t: 'dayOfMonth', d } } : undefined;
  }),
  // "the 3rd" alone, or before a range word or a sales word ("the 21st message" is not a day).
  rule('\\b(?:on\\s+)?the\\s+(\\d{1,2})(?:st|nd|rd|th)\\b(?=\\s*(?:$|[?.!,;:)]|-|–|of\\s+(?:this|last|the previous)\\s+month\\b|(?:to|until|till|through|and|so far|sales?|revenue|orders?|figures?|numbers?|stats?|please)\\b))', (m) => {
    const d = Number(m[1]);
    return d >= 1 && d <= 31 ? { kind: 'scoped', scoped: { t: 'dayOfMonth', d } } : undefined;
  }),

  // --- Chinese and English mixed ("这个 month", "上 week"), and the short or mistyped week of quick chat ("last wk", "this weak").
  rule('(?:这个|这一个|这|本)\\s*(?:week|wk|weak)\\b|\\bthis\\s+(?:wk|weak)\\b', (_, t) => fixed(() => named('this_week', t))),
  rule('(?:上个|上一个|上)\\s*(?:week|wk|weak)\\b|\\blast\\s+(?:wk|weak)\\b', (_, t) => fixed(() => named('last_week', t))),
  rule('(?:这个|这一个|这|本)\\s*(?:month|mth)\\b|\\bthis\\s+mth\\b', () => ({ kind: 'month', offset: 0, thisMonth: true })),
  rule('(?:上个|上一个|上)\\s*(?:month|mth)\\b|\\blast\\s+mth\\b', () => ({ kind: 'month', offset: -1 })),
  rule('(?:今|这|本)\\s*year\\b', () => ({ kind: 'year', year: (t) => ymd(t)[0] })),

  // --- Quarters and halves.
  rule('本季度|这个?季度|本季|当季|\\bthis quarter\\b|\\bcurrent quarter\\b|\\bquarter[- ]to[- ]date\\b|\\bqtd\\b|\\bso far this quarter\\b', (_, t) => fixed(() => ok({ from: startOf(t, 'quarter'), to: t }, 'quarter'))),
  rule('上个?季度|上一个?季度|\\blast quarter\\b|\\bprevious quarter\\b|\\bprior quarter\\b', (_, t) => fixed(() => ok(unitAround(t, 'quarter', -1), 'quarter'))),
  rule('上上个?季度|\\b(?:the )?quarter before last\\b', (_, t) => fixed(() => ok(unitAround(t, 'quarter', -2), 'quarter'))),
  rule('下个?季度|下一个?季度|\\bnext quarter\\b', () => future),
  rule('第?([一二三四1-4])\\s*季度|(?<![a-z])q\\s?([1-4])(?!\\d)|\\b(first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter\\b|\\bquarter\\s+([1-4])\\b', (m) => {
    const q = m[1] ? parseNumber(m[1])! : m[2] ? Number(m[2]) : m[3] ? QUARTER_WORDS[m[3]] : Number(m[4]);
    return { kind: 'scoped', scoped: { t: 'quarter', q } };
  }),
  rule('(?:前|头)\\s*([两二三2-3])\\s*个?\\s*季度?(?!度)|\\b(?:the\\s+)?first\\s+(two|three|2|3)\\s+quarters\\b', (m) => {
    const n = m[1] ? parseNumber(m[1])! : parseNumber(m[2])!;
    return { kind: 'scoped', scoped: { t: 'quarters', n } };
  }),
  rule('上半年|下半年|\\b(?:the\\s+)?(first|second)\\s+half(?:\\s+of\\s+the\\s+year)?\\b|\\bh([12])\\b', (m) => {
    const h = m[0] === '上半年' || m[1] === 'first' || m[2] === '1' ? 1 : 2;
    return { kind: 'scoped', scoped: { t: 'half', h } };
  }),

  // --- Years.
  rule('今年|本年|本年度|\\bthis year\\b|\\bcurrent year\\b', () => ({ kind: 'year', year: (t) => ymd(t)[0] })),
  rule("去年|上一年|上年|\\blast year(?:'s)?|\\bprevious year\\b|\\bprior year\\b", () => ({ kind: 'year', year: (t) => ymd(t)[0] - 1 })),
  rule('(?<!大)前年|\\b(?:the )?year before last\\b', () => ({ kind: 'year', year: (t) => ymd(t)[0] - 2 })),
  rule('大前年', () => ({ kind: 'year', year: (t) => ymd(t)[0] - 3 })),
  rule('明年|\\bnext year\\b', () => ({ kind: 'year', year: (t) => ymd(t)[0] + 1 })),
  rule('后年', () => ({ kind: 'year', year: (t) => ymd(t)[0] + 2 })),
  rule('(?<!\\d)(\\d{4}|[零〇一二三四五六七八九]{4})\\s*年度?', (m) => ({ kind: 'year', year: () => cnYear(m[1]) })),
  rule('\\b(?:in|for|during|throughout|of|year|fy)\\s+((?:19|20)\\d{2})(?![\\d%]|[-/.]\\d)', (m) => ({ kind: 'year', year: () => Number(m[1]) })),
  rule('(?<![\\d.,$¥-])((?:19|20)\\d{2})(?![\\d%]|[-/.]\\d|\\s*(?:元|块|yuan|rmb|cny|units|pcs|orders|items|products|dollars|usd|件|个|单|笔))', (m) => ({ kind: 'year', year: () => Number(m[1]), weak: true })),

  // --- To date and rolling windows.
  rule(`年初${TO_DATE}|今年${TO_DATE}|本年${TO_DATE}|\\byear[- ]to[- ]date\\b|\\bytd\\b|\\bso far this year\\b|\\bthis year so far\\b`, (_, t) => fixed(() => named('this_year', t))),
  rule(`月初${TO_DATE}|\\bmonth[- ]to[- ]date\\b|\\bmtd\\b|\\bso far this month\\b`, (_, t) => fixed(() => named('this_month', t))),
  rule(`周初${TO_DATE}|\\bweek[- ]to[- ]date\\b|\\bwtd\\b|\\bso far this week\\b`, (_, t) => fixed(() => named('this_week', t))),
  rule(`(?:最近|过去|近|这(?=\\s*(?:两|俩|[三四五六七八九十]|[2-9])\\s*个?\\s*(?:周|星期|礼拜|月)))\\s*的?\\s*${NUM_ZH}\\s*个?\\s*${UNIT_ZH}(?!前|之前|以前)`, (m) => {
    const n = parseNumber(m[1]);
    const unit = unitOf(m[2]);
    return n && unit ? fixed(rolling(n, unit)) : undefined;
  }),
  rule(`\\b(?:the\\s+)?(?:past|last|previous|trailing|prior)\\s+${NUM_EN}\\s+${UNIT_EN}\\b`, (m) => {
    const n = parseNumber(m[1]);
    const unit = unitOf(m[2]);
    return n && unit ? fixed(rolling(n, unit)) : undefined;
  }),
  rule('\\b(?:the\\s+)?(?:past|trailing)\\s+(day|week|month|quarter|year)\\b', (m) => fixed(rolling(1, unitOf(m[1])!))),
  // A few days, a couple of days: the last three, the last two ("这两天生意咋样", "the past few days").
  rule('(?:最近|过去|近|这)\\s*(两|几)\\s*天(?!前|之前|以前)|\\b(?:the\\s+)?(?:past|last|previous)\\s+(few|couple(?:\\s+of)?)\\s+days\\b', (m) => fixed(rolling(m[1] === '两' || /couple/.test(m[2] ?? '') ? 2 : 3, 'day'))),

  // --- Words for a time we cannot know.
  rule('那天|那一天|当天|那几天|那周|那一周|那个星期|那个礼拜|那个月|那段时间|那阵子|那时候?|当时|\\bthat (?:day|week|month|time)\\b|\\bback then\\b', () => ({ kind: 'anaphora' })),
  rule(
    '上[次回](?:的)?(?:活动|大促|促销|那次)|上一次(?:的)?(?:活动|大促|促销)|活动期间|(?:搞|做)活动(?:那几天|那天|的时候|期间)?|大促期间|大促|促销期间|节假日|(?<!五一|国庆|春节|十一|元旦|端午|中秋|清明)假期(?!后)|' +
      '年初|年底|年末|年中(?!大促)|' +
      '\\blast time\\b|\\bthe (?:last |previous |recent )?(?:promo|promotion|campaign|sale|event|launch)\\b|\\bduring the (?:promo|promotion|campaign|sale|event)\\b|' +
      '\\b(?:early|late|end of|beginning of|start of) (?:the |this |last )?(?:year|quarter|week)\\b|' + UNKNOWN_OCCASIONS,
    () => ({ kind: 'unknown' }),
  ),
];

// The shopping calendar's names, with "当天 / 那天 / on" for the day and "期间 / 大促 / during / week" for the window.
const OCCASION_RULES: Rule[] = OCCASION_NAMES.map(({ re, key, as }) => rule(
  `(?:\\b(during|over|on|for)\\s+(?:the\\s+)?)?(?:${re})(?:(当天|那天|那一天|当日|这天|这一天|\\s+day\\b)|(期间|大促|活动期间|活动|假期|长假|小长假|黄金周|那几天|前后|档期|\\s+(?:weekend|period|season|sales? period|sale|holidays?)\\b)|(那一?周|那一?个?星期|那一?个?礼拜|当周|所在的?(?:那一?)?周|\\s+week\\b)|\\s*(?:放假|假期|假)?\\s*(?:那|这)?\\s*(\\d{1,2}|[一二两三四五六七八九十]{1,3})\\s*天(?:假期?|长假|小长假)?)?`,
  (m) => {
    const o = OCCASIONS[key];
    const days = m[5] ? parseNumber(m[5]) : undefined;
    const span: OccasionSpan = m[4] ? (o.weekLong ? 'window' : 'week') : days && Number.isInteger(days) ? days : m[2] ? 'day' : m[3] || m[1] === 'during' || m[1] === 'over' ? 'window' : m[1] === 'on' ? 'day' : (as ?? o.bare);
    return { kind: 'scoped', scoped: { t: 'occasion', key, as: o.window || typeof span !== 'string' || span === 'week' ? span : 'day' } };
  },
  true,
));

// The days before or after one of them: "双十一前两周", "国庆之后三天", "the two weeks before Singles' Day".
const DAYS_OF: Record<string, number> = { 天: 1, 日: 1, 周: 7, 星期: 7, 礼拜: 7, day: 1, days: 1, week: 7, weeks: 7 };
const beforeOrAfter = (key: string, side: string, count: string | undefined, unit: string): Body | undefined => {
  const n = count ? parseNumber(count) : 1;
  const per = DAYS_OF[unit.replace(/^个/, '').toLowerCase()];
  if (!n || !Number.isInteger(n) || !per) return undefined;
  const days = n * per;
  return { kind: 'scoped', scoped: { t: 'occasion', key, as: /前|before|leading/i.test(side) ? { before: days } : { after: days } } };
};
const around = (key: string, count: string | undefined, unit: string): Body | undefined => {
  const n = count ? parseNumber(count) : 1;
  const per = DAYS_OF[unit.replace(/^个/, '').toLowerCase()];
  return n && Number.isInteger(n) && per ? { kind: 'scoped', scoped: { t: 'occasion', key, as: { around: n * per } } } : undefined;
};
const OCCASION_SIDE_RULES: Rule[] = OCCASION_NAMES.flatMap(({ re, key }) => [
  rule(`(?:${re})(?:的)?前后(?:各)?\\s*${NUM_ZH}?\\s*(天|日|周|个?星期|个?礼拜)`, (m) => around(key, m[1], m[2])),
  rule(`\\b(?:${NUM_EN}\\s+)?(days?|weeks?)\\s+(?:either side of|each side of|around|before and after)\\s+(?:the\\s+)?(?:${re})`, (m) => around(key, m[1], m[2])),
  rule(`(?:${re})(之前|以前|前|之后|以后|后)的?(?:那)?\\s*${NUM_ZH}?\\s*(天|日|周|个?星期|个?礼拜)`, (m) => beforeOrAfter(key, m[1], m[2], m[3])),
  rule(`\\b(?:the\\s+)?(?:${NUM_EN}\\s+)?(days?|weeks?)\\s+(before|after|leading up to)\\s+(?:the\\s+)?(?:${re})`, (m) => beforeOrAfter(key, m[3], m[1], m[2])),
]);

function relative(sign: number, count: string, unitWord: string): Body | undefined {
  const n = parseNumber(count);
  const unit = unitOf(unitWord);
  if (!n || !unit || !Number.isInteger(n)) return undefined;
  return { kind: 'relative', shift: { n: sign * n, unit } };
}
function ago(count: string, unitWord: string, t: Day): Body | undefined {
  const n = parseNumber(count);
  const unit = unitOf(unitWord);
  if (!n || !unit || !Number.isInteger(n)) return undefined;
  return fixed(() => ok(unitAround(t, unit, -n), unit));
}

// ---------------------------------------------------------------------------------------------
// Reading a message

/** Full-width to half-width and A–Z to a–z, keeping every character where it was. */
/** Period words as people mistype or say them ("last mnth", "yesterdy", "2day", "昨儿个"), read as the word they mean. */
const ZH_MONTH = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const ADJACENT_MONTHS: [RegExp, string][] = [...Array(11).keys()].flatMap((i) => {
  const [a, b] = [i + 1, i + 2];
  const and = '\\s*(?:和|跟|与|加上?|还有|、|&|\\+|\\band\\b|,)\\s*';
  const notCompared = '(?!.*(?:哪个|哪一个|比|对比|\\bvs\\b|versus|compar|\\bwhich\\b|better|worse))'; // "10月和11月哪个卖得好" compares them
  const names = MONTH_NAMES_EN.map((n) => `${n.slice(0, 3)}(?:${n.slice(3)})?`);
  return [
    [new RegExp(`(?<![\\d一二三四五六七八九十])(?:${a}|${ZH_MONTH[a]})\\s*月份?${and}(?:${b}|${ZH_MONTH[b]})\\s*月份?${notCompared}`, 'g'), `${a}月到${b}月`],
    [new RegExp(`\\b${names[i]}${and}${names[i + 1]}\\b${notCompared}`, 'g'), `${MONTH_NAMES_EN[i]} to ${MONTH_NAMES_EN[i + 1]}`],
  ] as [RegExp, string][];
});
const SAID_AS: [RegExp, string][] = [
  [/\b(?:mnth|mth|mont|monht|montn)(s?)\b/g, 'month$1'],
  [/\b(?:wk|wek|weeek|weke)(s?)\b/g, 'week$1'],
  [/\b(?:lst|lsat|las)\b(?= (?:week|month|year|wk|mnth|mth|\d|few|couple))/g, 'last'],
  [/\bprev(?:ious)?\b(?= (?:week|month|year|quarter|wk|mnth|mth|mont))/g, 'last'],
  [/\b(?:yesterdy|yesteday|yestarday|yesturday|ysterday|yday|yest)\b/g, 'yesterday'],
  [/\b(?:2day|tdy|tday|todya|toady)\b/g, 'today'],
  [/\b(?:the )?fortnight (?:before|earlier|prior)(?: that| it| this)?\b/g, '2 weeks before'],
  [/\b(?:the )?(?:last|past) fortnight\b|\bthe fortnight\b/g, 'the past 2 weeks'],
  [/\bsince the (?:start|beginning) of (?:the|this) month\b|\bso far this month\b/g, 'this month'],
  [/\bsince the (?:start|beginning) of (?:the|this) week\b|\bso far this week\b/g, 'this week'],
  [/\bsince the (?:start|beginning) of (?:the|this) year\b/g, 'this year'],
  [/(?:本|今)年度/g, '今年'], // "本年度截至昨日": the year, as said in a report
  [/昨儿个|昨儿/g, '昨天'],
  [/今儿个|今儿/g, '今天'],
  [/前儿个|前儿/g, '前天'],
  [/半年来|这半年(?![的里]?(?:以前|之前))/g, '近半年'],
  // The input method's 约 / 悦 / 越 for 月 (all "yue") after a month word: "上个约", "这个悦" (not 约会, 约好).
  [/(?<=(?:上上|上|这|本|下)个?)[约悦越](?![会定好见人])/g, '月'],
  // "截至昨天", "截止到昨日", "as of yesterday", "up to yesterday": the end of a span ("本月截至昨天" = this month to yesterday).
  [/(?:截至|截止(?:到|至)?|直到|一直到)\s*(?=昨天|昨日|今天|今日|现在|目前|\d|[一二三四五六七八九十]+\s*[月号日])/g, '到'],
  [/\b(?:up to|up until|till|thru|as of)\s+(?=yesterday|today|now|the \d|\d)/g, 'to '],
  [/\b(?:excluding|not counting|except|without) today\b/g, 'to yesterday'],
  // "到昨天为止这个月的", "截至昨天本月": the span first, as it is read ("这个月到昨天").
  [/到\s*(昨天|昨日|今天|今日|现在|目前)\s*(?:为止)?\s*(?:的)?\s*(本月|这个月|这月|今年|本年|这周|本周|这个星期|这星期|本季度|这个季度|这季度)/g, '$2到$1'],
  // "年初到昨天", "从年初至今": the year's first day.
  [/年初(?=\s*(?:到|至|~|～|-|–|—))/g, '1月1号'],
  // Ways of saying a period the grammar knows under another name.
  [/第([一二三四1-4])季(?!度)/g, '第$1季度'],
  [/\b(?:the )?year so far\b/g, 'this year'],
  [/\b(?:(?:the )?(?:past|last) )?half a year\b|\b(?:the )?(?:past|last) half year\b/g, 'the past 6 months'],
  [/(?:一个月|1个月)以来/g, '近一个月'],
  [/上两(周|个星期|个礼拜|个月)/g, '近两$1'],
  [/(上周|上星期|上个星期|上礼拜|上个礼拜|这周|本周|这个星期|这礼拜)的?工作日/g, '$1一到周五'],
  // "九、十两个月", "9、10月": two months named in one breath.
  [/(?<![\d一二三四五六七八九十])(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*[、,，]\s*(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*(?:两个|俩)?月份?/g, '$1月到$2月'],
  // "十月四家分店", "上个月三个爆款": the number after 月 counts shops or goods, it is no day of the month.
  [/月(?=[一二两三四五六七八九十\d]+\s*(?:家|个|间|款|种|样|位|名|笔|件|次|成|单|家店|分店))/g, '月 '],
  // "golden week": the October one (国庆).
  [/\bgolden week\b/g, '国庆黄金周'],
  // "9月和10月加起来", "September and October": two months side by side are the span of both.
  ...ADJACENT_MONTHS,
  // "back half of October", "the front half": a half.
  [/\b(?:back|latter|later|tail) half\b/g, 'second half'],
  [/\bfront half\b/g, 'first half'],
];

/** The text the grammar reads (full-width folded, lower case, mistyped period words mended), with where each of its
 * characters came from in the message, so a period's words are cut from what the user wrote. */
function normalize(text: string): { norm: string; from: number[] } {
  let norm = text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[’‘`]/g, "'")
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
  let from = [...Array(norm.length + 1).keys()];
  for (const [re, to] of SAID_AS) {
    let out = '';
    const map: number[] = [];
    let last = 0;
    for (const m of norm.matchAll(re)) {
      const i = m.index!;
      for (let k = last; k < i; k++) { out += norm[k]; map.push(from[k]); }
      const word = to.replace(/\$(\d)/g, (_, n) => m[Number(n)] ?? '');
      for (let k = 0; k < word.length; k++) map.push(from[i + (k === word.length - 1 ? m[0].length - 1 : Math.min(k, m[0].length - 1))]);
      out += word;
      last = i + m[0].length;
    }
    if (!last) continue;
    for (let k = last; k < norm.length; k++) { out += norm[k]; map.push(from[k]); }
    map.push(from[norm.length]);
    norm = out;
    from = map;
  }
  return { norm, from };
}
const isHan = (c: string | undefined) => !!c && /\p{Script=Han}/u.test(c);

function grammarPieces(text: string, t: Day): Piece[] {
  const found: Piece[] = [];
  for (const r of [...OCCASION_SIDE_RULES, ...OCCASION_RULES, ...RULES]) {
    for (const m of text.matchAll(r.re)) {
      const index = m.index!;
      const end = index + m[0].length;
      if (!m[0].trim()) continue;
      if (r.name) {
        // A calendar name: Chinese must be followed by a time-ish word, English not by a product noun.
        // A name read with its own time word ("双十一那天", "国庆期间") needs nothing after it.
        if (isHan(text[end - 1]) && !NAME_WITH_TIME_WORD.test(m[0])) {
          ZH_AFTER.lastIndex = end;
          if (!ZH_AFTER.test(text)) continue;
        } else if (EN_PRODUCT_AFTER.test(text.slice(end))) continue;
      }
      const body = r.make(m as RegExpExecArray, t);
      if (body) found.push({ ...body, index, end } as Piece);
    }
  }
  // Longest first, then earliest; a phrase claimed by a longer one is not read again ("上周五" over "上周").
  found.sort((a, b) => b.end - b.index - (a.end - a.index) || a.index - b.index);
  const chosen: Piece[] = [];
  for (const p of found) if (!chosen.some((c) => p.index < c.end && c.index < p.end)) chosen.push(p);
  return chosen;
}

const CHRONO_REJECT = /^(?:now|现在|目前|刚才|right now|sec|second|mon|sun|sat|wed)$/;
const CHRONO_DATEISH = /day|week|month|year|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ago|yesterday|tomorrow|today|tonight|\d{1,4}[/.-]\d{1,2}|\d(?:st|nd|rd|th)\b|昨|今|明|前天|后天|[日号月年周]|星期|礼拜/;
function chronoPieces(text: string, t: Day, claimed: Piece[]): Piece[] {
  let masked = text;
  for (const p of claimed) masked = masked.slice(0, p.index) + ' '.repeat(p.end - p.index) + masked.slice(p.end);
  if (!masked.trim()) return [];
  const ref = { instant: new Date(`${t}T12:00:00+08:00`), timezone: 480 };
  const results = [...(/\p{Script=Han}/u.test(masked) ? chrono.zh.hans.parse(masked, ref) : []), ...chrono.parse(masked, ref)];
  const pieces: Piece[] = [];
  for (const r of results) {
    const index = r.index;
    const end = r.index + r.text.length;
    if (pieces.some((p) => index < p.end && p.index < end)) continue;
    if (CHRONO_REJECT.test(r.text.trim())) continue;
    // A duration or time of day ("for 15 minutes", "下午"): chrono dates it today; not a period.
    if (!CHRONO_DATEISH.test(r.text)) continue;
    // "may" as a month only with a word that makes it one ("in May", "May 2025", "May 3").
    if (/^may$/.test(r.text) && !/(?:in|of|for|during|since|from|to|until|through|between|and|last|this|early|late)\s+$/.test(masked.slice(0, index)) && !/^\s+\d/.test(masked.slice(end))) continue;
    const start = fromComponents(r.start, t);
    if (!start) continue;
    const piece: Piece = { ...start, index, end };
    if (r.end) {
      const stop = fromComponents(r.end, t);
      if (stop) piece.rangeTo = { ...stop, index: end, end };
    }
    pieces.push(piece);
  }
  // chrono checks a date against today's year, so "2月29日" / "Feb 29" in 2026 is nothing to it: the latest leap year.
  for (const m of masked.matchAll(/(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]|\b(feb(?:ruary)?)\.?\s+(29)(?:th)?\b/gu)) {
    const index = m.index!;
    const end = index + m[0].length;
    if (pieces.some((p) => index < p.end && p.index < end)) continue;
    const [month, day] = m[1] ? [Number(m[1]), Number(m[2])] : [2, 29];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) pieces.push({ kind: 'scoped', scoped: { t: 'monthDay', m: month, d: day }, explicit: true, index, end });
  }
  return pieces;
}

function fromComponents(c: chrono.ParsedComponents, t: Day): Body | undefined {
  const has = (k: chrono.Component) => c.isCertain(k);
  if (!has('day') && !has('month') && !has('weekday')) return undefined; // a time of day only
  const [y, m, d] = [c.get('year')!, c.get('month')!, c.get('day')!];
  if (has('month') && !has('day') && !has('weekday')) return { kind: 'scoped', scoped: { t: 'month', m }, year: has('year') ? y : undefined };
  if (has('month') && has('day') && !has('year')) return { kind: 'scoped', scoped: { t: 'monthDay', m, d }, explicit: true };
  const explicit = has('month') && has('day') && has('year');
  // Relative days and weekdays ("三天前", "last Friday"): the date chrono computed from today.
  return fixed(() => (isValidDate(y, m, d) ? dayRes(iso(y, m, d), explicit) : bad()));
}

// --- Scoped pieces: a quarter, month, day or occasion in a year given or to be chosen.

function scopedIn(s: Scoped, y: number, month?: number): Interval | undefined {
  switch (s.t) {
    case 'quarter': return { from: monthStart(y, 3 * s.q - 2), to: monthEnd(y, 3 * s.q) };
    case 'quarters': return { from: iso(y, 1, 1), to: monthEnd(y, 3 * s.n) };
    case 'half': return s.h === 1 ? { from: iso(y, 1, 1), to: iso(y, 6, 30) } : { from: iso(y, 7, 1), to: iso(y, 12, 31) };
    case 'month': {
      if (!s.part) return { from: monthStart(y, s.m), to: monthEnd(y, s.m) };
      return partDays(monthStart(y, s.m), s.part);
    }
    case 'monthDay': return isValidDate(y, s.m, s.d) ? { from: iso(y, s.m, s.d), to: iso(y, s.m, s.d) } : undefined;
    case 'dayOfMonth': return month && isValidDate(y, month, s.d) ? { from: iso(y, month, s.d), to: iso(y, month, s.d) } : undefined;
    case 'occasion': return occasionDates(s.key, y, s.as);
  }
}
const SCOPED_GRAIN: Record<Scoped['t'], (s: Scoped) => GrainOrSpan> = {
  quarter: () => 'quarter', half: () => 'span', quarters: () => 'span', month: (s) => ((s as { part?: unknown }).part ? 'span' : 'month'),
  monthDay: () => 'day', dayOfMonth: () => 'day', occasion: () => 'span',
};

/** The scoped piece in its year, or, without one, in the latest year (month for a bare day) whose start is not after `ceiling`. */
function resolveScoped(p: Extract<Piece, { kind: 'scoped' }>, ceiling: Day): Res {
  const s = p.scoped;
  const grain = SCOPED_GRAIN[s.t](s);
  const explicit = Boolean(p.explicit);
  const wrap = (iv: Interval | undefined): Res => (iv ? ok(iv, iv.from === iv.to ? 'day' : grain, { explicit }) : bad());
  if (p.year !== undefined) return wrap(scopedIn(s, p.year, p.month));
  const [cy, cm] = ymd(ceiling);
  if (s.t === 'dayOfMonth') {
    for (let back = 0; back < 12; back++) {
      const first = addMonths(monthStart(cy, cm), -back);
      const [y, m] = ymd(first);
      const iv = scopedIn(s, y, m);
      if (iv && iv.from <= ceiling) return wrap(iv);
    }
    return bad();
  }
  for (let y = cy; y >= cy - 4; y--) {
    const iv = scopedIn(s, y);
    if (!iv) {
      if (s.t === 'monthDay') continue; // Feb 29: the latest leap year
      return bad(); // an occasion the calendar has no date for that year: not guessed from another year
    }
    if (iv.from <= ceiling) return wrap(iv);
  }
  return bad();
}

function resolvePiece(p: Piece, ceiling: Day, t: Day): Res {
  switch (p.kind) {
    case 'fixed': return p.res(t);
    case 'now': return dayRes(t);
    case 'scoped': return resolveScoped(p, ceiling);
    case 'year': {
      const y = p.year(t);
      const [ty] = ymd(t);
      if (y === ty) return named('this_year', t);
      if (y === ty - 1) return named('last_year', t);
      return ok({ from: iso(y, 1, 1), to: iso(y, 12, 31) }, 'year');
    }
    case 'month': {
      if (p.offset === 0) return named('this_month', t);
      if (p.offset === -1) return named('last_month', t);
      return ok(unitAround(t, 'month', p.offset), 'month');
    }
    default: return bad();
  }
}

type Element =
  | { kind: 'period'; index: number; end: number; resolve: () => Res }
  | { kind: 'relative'; index: number; end: number; shift: Shift }
  | { kind: 'anaphora' | 'unknown'; index: number; end: number };

const takesYear = (p: Piece) =>
  (p.kind === 'scoped' && p.year === undefined && p.scoped.t !== 'dayOfMonth') || (p.kind === 'month' && p.thisMonth) || (p.kind === 'fixed' && p.sameDayOf);
function withYear(p: Piece, y: Extract<Piece, { kind: 'year' }>, t: Day, index: number, end: number): Piece {
  const year = y.year(t);
  const [, tm, td] = ymd(t);
  if (p.kind === 'month') return { kind: 'scoped', scoped: { t: 'month', m: tm }, year, index, end };
  if (p.kind === 'fixed') return { kind: 'scoped', scoped: { t: 'monthDay', m: tm, d: td }, year, explicit: false, index, end };
  return { ...(p as Extract<Piece, { kind: 'scoped' }>), year, index, end };
}
function dayInMonth(day: Extract<Piece, { kind: 'scoped' }>, month: Extract<Piece, { kind: 'month' }>, t: Day, index: number, end: number): Piece {
  const [y, m] = ymd(unitAround(t, 'month', month.offset).from);
  return { kind: 'scoped', scoped: { t: 'monthDay', m, d: (day.scoped as { d: number }).d }, year: y, explicit: false, index, end };
}
const isDayOfMonth = (p: Piece | undefined): p is Extract<Piece, { kind: 'scoped' }> => p?.kind === 'scoped' && p.scoped.t === 'dayOfMonth';

function combine(pieces: Piece[], text: string, t: Day): Element[] {
  // 1. A year or month with what it scopes: "去年双十一", "Q3 2025", "上个月3号", "the 3rd of last month".
  const scoped: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    const q = pieces[i + 1];
    const gap = q ? text.slice(p.end, q.index) : '';
    if (q && p.kind === 'year' && takesYear(q) && /^\s*(?:的|'s|of|in)?\s*$/.test(gap)) {
      scoped.push(withYear(q, p, t, p.index, q.end)), i++;
    } else if (q && q.kind === 'year' && takesYear(p) && /^\s*(?:,|of|in)?\s*$/.test(gap)) {
      scoped.push(withYear(p, q, t, p.index, q.end)), i++;
    } else if (q && p.kind === 'month' && isDayOfMonth(q) && /^\s*的?\s*$/.test(gap)) {
      scoped.push(dayInMonth(q, p, t, p.index, q.end)), i++;
    } else if (q && isDayOfMonth(p) && q.kind === 'month' && /^\s*of\s*$/.test(gap)) {
      scoped.push(dayInMonth(p, q, t, p.index, q.end)), i++;
    } else if (!(p.kind === 'year' && p.weak)) scoped.push(p);
  }

  // 2. Ranges and to-date.
  const isPeriod = (p: Piece | undefined) => !!p && ['fixed', 'scoped', 'year', 'month', 'now'].includes(p.kind);
  const elements: Element[] = [];
  for (let i = 0; i < scoped.length; i++) {
    const a = scoped[i];
    const b = scoped[i + 1];
    const before = text.slice(0, a.index);
    if (a.kind === 'relative') { elements.push({ kind: 'relative', index: a.index, end: a.end, shift: a.shift }); continue; }
    if (a.kind === 'anaphora' || a.kind === 'unknown') { elements.push({ kind: a.kind, index: a.index, end: a.end }); continue; }
    if (a.kind === 'now') continue; // "now" only ends a range
    if (a.rangeTo) { elements.push({ kind: 'period', index: a.index, end: a.end, resolve: () => range(a, a.rangeTo!, t) }); continue; }
    const gap = b ? text.slice(a.end, b.index) : '';
    const joined = isPeriod(b) && (
      (/^\s*(?:到|至|~|-|–|—|to|until|till|through|thru|直到|一直到)\s*$/.test(gap)) ||
      // "从11月9号我 take over 到昨天": from a day, a few words, up to another.
      (/(?:从|自从?|\bsince|\bfrom)\s*$/i.test(before) && /^[^，,。？?!！]{1,16}?(?:到|至|\buntil|\btill|\bthrough)\s*$/i.test(gap)) ||
      (/^\s*and\s*$/.test(gap) && /between\s*$/.test(before)) ||
      (/^\s*(?:和|与|跟)\s*$/.test(gap) && /^\s*之间/.test(text.slice(b!.end))));
    // "around Double 11, Nov 9 to Nov 15": a range after a comma says which days were meant.
    if (isPeriod(b) && b!.rangeTo && /^\s*[,，:：(（-]\s*$/.test(gap)) continue;
    // "这个月和上个月比", "这周跟上周对比一下", "October vs September": a period and the one just before it, compared —
    // the later one, whose figures come with the change against the one before. Two apart ("双十一和618比"): ask.
    if (isPeriod(b) && /^\s*(?:和|与|跟|同|vs\.?|versus|compared (?:to|with)|against)\s*$/i.test(gap) && !joined && (/^\s*(?:的\s*)?(?:相?比|对比|比较|比一比|哪个|谁)/.test(text.slice(b!.end)) || /vs|versus|compared|against/i.test(gap) || /(?:compare|对比|比较)\s*$/i.test(before))) {
      const later = () => {
        const [ra, rb] = [resolvePiece(a, t, t), resolvePiece(b!, t, t)];
        if (!ra.ok || !rb.ok) return !ra.ok ? ra : rb;
        const [first, second] = ra.interval.from <= rb.interval.from ? [ra, rb] : [rb, ra];
        return addDays(first.interval.to, 1) === second.interval.from ? second : bad('unknown');
      };
      elements.push({ kind: 'period', index: a.index, end: b!.end, resolve: later });
      i++;
      continue;
    }
    // "双十一当周和前一周比", "October compared with the month before": the period, whose figures come with the change
    // against the one before it anyway.
    const c = scoped[i + 1];
    if (c?.kind === 'relative' && c.shift.n === -1 && !c.shift.exact && /^\s*(?:和|与|跟|同|比|对比|相比|vs\.?|versus|compared (?:to|with)|against)\s*$/i.test(gap)) {
      elements.push({ kind: 'period', index: a.index, end: c.end, resolve: () => resolvePiece(a, t, t) });
      i++;
      continue;
    }
    // "上周和上上周", "2026-10-01 and 2026-10-15": two periods, or one range? Ask.
    if (isPeriod(b) && /^\s*(?:和|与|跟|及|或|&|and|or|,|，|、)\s*$/.test(gap) && !joined) {
      elements.push({ kind: 'unknown', index: a.index, end: b!.end });
      i++;
      continue;
    }
    if (joined) {
      elements.push({ kind: 'period', index: a.index, end: b!.end, resolve: () => range(a, b!, t) });
      i++;
      continue;
    }
    const after = text.slice(a.end);
    // "国庆过后那个礼拜", "the week after Double 11": the seven days after it.
    const weekAfter = /^\s*(?:过后|之后|以后|后)\s*的?\s*(?:那|这)?\s*(?:一|头一|第一)?\s*个?\s*(?:礼拜|星期|周)/.exec(after) ?? (/\b(?:the\s+)?week\s+after\s+(?:the\s+)?$/.test(before) ? [''] : null);
    if (weekAfter) {
      const end = a.end + weekAfter[0].length;
      elements.push({ kind: 'period', index: /week\s+after/.test(before) ? before.search(/(?:the\s+)?week\s+after\s+(?:the\s+)?$/) : a.index, end, resolve: () => {
        const r = resolvePiece(a, t, t);
        return r.ok ? ok({ from: addDays(r.interval.to, 1), to: addDays(r.interval.to, 7) }, 'span') : r;
      } });
      while (scoped[i + 1] && scoped[i + 1].index < end) i++;
      continue;
    }
    if (new RegExp(`^\\s*(?:${TO_DATE}|起|开始|为止|so far|to date|until now|till now|up to now|up until now|through today|to today)`, 'u').test(after) || /(?:since|自从?|从|\bfrom)\s*$/.test(before)) {
      elements.push({ kind: 'period', index: a.index, end: a.end, resolve: () => toDate(a, t) });
      continue;
    }
    elements.push({ kind: 'period', index: a.index, end: a.end, resolve: () => resolvePiece(a, t, t) });
  }
  return elements;
}

function toDate(a: Piece, t: Day): Res {
  const r = resolvePiece(a, t, t);
  if (!r.ok) return r;
  if (r.interval.from > t) return bad('future');
  if (r.named && ['today', 'this_week', 'this_month', 'this_year'].includes(r.named)) return r;
  return ok({ from: r.interval.from, to: t }, 'span');
}

type ScopedPiece = Extract<Piece, { kind: 'scoped' }>;
const isScoped = (p: Piece): p is ScopedPiece => p.kind === 'scoped';

function range(a: Piece, b: Piece, t: Day): Res {
  let ra: Res;
  let rb: Res;
  if (isScoped(a) && a.year === undefined && a.scoped.t === 'monthDay' && isDayOfMonth(b)) {
    // "3月5日至12日": the end is a day of the start's month; the range is the latest that has ended.
    const end: ScopedPiece = { ...b, scoped: { t: 'monthDay', m: a.scoped.m, d: (b.scoped as { d: number }).d }, explicit: a.explicit };
    rb = resolvePiece(end, t, t);
    if (!rb.ok) return rb;
    ra = resolvePiece(a, rb.interval.to, t);
  } else if (isScoped(b) && b.year === undefined && (isDayOfMonth(b) || (isScoped(a) && a.year !== undefined) || a.kind === 'fixed')) {
    // The start fixes the year (and, for a bare day, the month): the end is the first such day after it.
    ra = resolvePiece(a, t, t);
    if (!ra.ok) return ra;
    const start = ra.interval.from;
    const [ay, am] = ymd(start);
    const end: ScopedPiece = b;
    const candidates: ScopedPiece[] = end.scoped.t === 'dayOfMonth'
      ? [0, 1].map((k) => ymd(addMonths(monthStart(ay, am), k))).map(([y, m]) => ({ ...end, year: y, month: m }))
      : [ay, ay + 1].map((y) => ({ ...end, year: y }));
    rb = bad();
    for (const c of candidates) {
      const r = resolvePiece(c, t, t);
      if (r.ok && r.interval.to >= start) { rb = r; break; }
    }
  } else {
    rb = resolvePiece(b, t, t);
    if (!rb.ok) return rb;
    ra = resolvePiece(a, rb.interval.to, t);
  }
  if (!ra.ok) return ra;
  if (!rb.ok) return rb;
  if (ra.interval.from > rb.interval.to) return bad();
  return ok({ from: ra.interval.from, to: rb.interval.to }, 'span', { explicit: ra.explicit && rb.explicit });
}

/** Everything the message says about a period: a period, a follow-up relative to the previous one, or a time that cannot be pinned down. */
/** "我是周末买得多还是平时", "weekend %?": a bare weekend or weekday names a habit, not days to count. */
export function namesHabitOnly(text: string, today: string): boolean {
  return /^(?:周末|weekends?|(?:the\s+)?weekend|工作日|平时|weekdays?)$/i.test(readPeriod(text, today)?.text.trim() ?? '');
}

/** Whether the "那天" at elements[i] is a period this message already named: "618那天" / "上周三直播那天" (right after a
 *  period, a few words between), or "除夕那天四个店进账多少 我记着那天吃饺子的人多" (a later 那天 when exactly one period, and
 *  nothing else, came before). "那天" alone is not: which day? */
function pointsBackInMessage(elements: { kind: string; index: number; end: number }[], i: number, norm: string): boolean {
  const before = elements[i - 1];
  if (before?.kind === 'period' && /^[^，,。？?!！;；]{0,8}$/.test(norm.slice(before.end, elements[i].index))) return true;
  const earlier = elements.slice(0, i);
  return earlier.length === 1 && earlier[0].kind === 'period';
}

// One message is read for its period several times (the planner's first look, the slots, a follow-up's edit): the
// reading is a pure function of the words and the day, so the last few are kept (each use gets its own copy).
const readings = new LRUCache<string, { reading: PeriodReading | undefined }>({ max: 256 });

export function readPeriod(text: string, today: string): PeriodReading | undefined {
  const key = `${today}\u0000${text}`;
  let kept = readings.get(key);
  if (!kept) readings.set(key, (kept = { reading: readPeriodOnce(text, today) }));
  return kept.reading && structuredClone(kept.reading);
}

function readPeriodOnce(text: string, today: string): PeriodReading | undefined {
  const { norm, from } = normalize(text);
  const own = grammarPieces(norm, today);
  const pieces = [...own, ...chronoPieces(norm, today, own)].sort((a, b) => a.index - b.index);
  if (!pieces.length) return undefined;
  const elements = combine(pieces, norm, today);
  const said = (e: { index: number; end: number }) => text.slice(from[e.index], from[e.end - 1] + 1);
  const periods = elements.filter((e) => e.kind === 'period');
  const relatives = elements.filter((e) => e.kind === 'relative');
  const unknown = elements.filter((e, i) => e.kind === 'unknown' || (e.kind === 'anaphora' && !pointsBackInMessage(elements, i, norm)));
  if (relatives.length) {
    const r = relatives[0];
    // "上周 GMV 多少 跟前一周比涨了没": the period, whose figures come with the change against the one before.
    if (periods.length === 1 && relatives.length === 1 && !unknown.length && r.shift.n === -1 && !r.shift.exact && r.index > periods[0].index && /比|对比|相比|环比|\bcompared?\b|\bvs\.?|\bversus\b|\bagainst\b/i.test(norm)) {
      const only = finalize(periods[0].resolve(), today);
      if (only.ok) return { kind: 'period', period: toPeriod(only, today), interval: only.interval, text: said(periods[0]) };
    }
    // "前天呢 the day before", "上上周 the week before that": the period said, and the same said again relative to the
    // one before; the period said is the one meant.
    if (periods.length === 1 && relatives.length === 1 && !unknown.length && r.index > periods[0].index && !r.shift.exact && Math.abs(r.shift.n) === 1 && !/比|对比|相比|\bcompared?\b|\bvs\.?|\bversus\b|\bagainst\b/i.test(norm)) {
      const only = finalize(periods[0].resolve(), today);
      if (only.ok) return { kind: 'period', period: toPeriod(only, today), interval: only.interval, text: said({ index: periods[0].index, end: r.end }) };
    }
    return periods.length || unknown.length || relatives.length > 1 ? { kind: 'unresolved', reason: 'mixed', text: said(r) } : { kind: 'relative', shift: r.shift, text: said(r) };
  }
  if (unknown.length) return { kind: 'unresolved', reason: unknown[0].kind === 'anaphora' ? 'anaphora' : 'unknown', text: said(unknown[0]) };
  if (!periods.length) return undefined;
  const one = periods.length > 1 ? onePeriodOf(periods, today) : undefined;
  if (one) return { kind: 'period', period: toPeriod(one, today), interval: one.interval, text: said({ index: periods[0].index, end: periods.at(-1)!.end }) };
  // Two periods side by side that did not combine ("去年上个月"): which one?
  for (let i = 1; i < periods.length; i++) {
    if (/^\s*的?\s*$/.test(norm.slice(periods[i - 1].end, periods[i].index))) return { kind: 'unresolved', reason: 'mixed', text: said({ index: periods[i - 1].index, end: periods[i].end }) };
  }
  const first = periods[0];
  const r = finalize(first.resolve(), today);
  if (!r.ok) return { kind: 'unresolved', reason: r.why, text: said(first) };
  return { kind: 'period', period: toPeriod(r, today), interval: r.interval, text: said(first) };
}

/** Several periods that name one stretch: said twice ("上周末 weekend", "Chinese New Year 春节"), or a period and days
 *  inside it ("上周 Thursday Friday": the days, as one span when they follow each other). Undefined when they differ. */
function onePeriodOf(periods: { resolve: () => Res }[], today: Day): Ok | undefined {
  const all = periods.map((p) => finalize(p.resolve(), today));
  if (!all.every((r): r is Ok => r.ok)) return undefined;
  const same = (a: Interval, b: Interval) => a.from === b.from && a.to === b.to;
  const within = (a: Interval, b: Interval) => a.from <= b.from && b.to <= a.to && !same(a, b); // a holds b
  // "around Double 11, Nov 9 to Nov 15": the dates said outright settle it.
  const dated = all.filter((r) => r.explicit);
  if (dated.length === 1) return dated[0];
  const distinct = all.filter((r, i) => !all.slice(0, i).some((q) => same(q.interval, r.interval)));
  const inner = distinct.filter((r) => !distinct.some((q) => q !== r && within(r.interval, q.interval)));
  if (inner.length === 1) return inner[0];
  const days = inner.map((r) => r.interval).sort((a, b) => (a.from < b.from ? -1 : 1));
  const consecutive = days.every((d, i) => d.from === d.to && (i === 0 || d.from === addDays(days[i - 1].to, 1)));
  return consecutive ? finalize(ok({ from: days[0].from, to: days.at(-1)!.to }, 'span'), today) as Ok : undefined;
}

/** "前两周生意怎么样" with no period before it: the past two weeks up to yesterday, as 前三天 / 前两个月 are the last N.
 *  Only the bare 前N form with N ≥ 2; "前一周呢" ("and the week before?"), "再往前一周", "the week before" with nothing
 *  to count from stay a question. */
export function pastWithoutAnchor(r: PeriodReading | undefined, today: string): Period | undefined {
  if (r?.kind !== 'relative' || !r.shift.unit || r.shift.n > -2 || r.shift.exact || !/^前\s*\S{1,3}?\s*个?\s*(?:天|日|周|星期|礼拜|月)$/u.test(r.text.trim())) return undefined;
  const res = finalize(rolling(-r.shift.n, r.shift.unit)(today), today);
  return res.ok ? toPeriod(res, today) : undefined;
}

/** The period a message names, or undefined when it names none or none that can be pinned down. */
export function extractPeriod(text: string, today: string): Period | undefined {
  const r = readPeriod(text, today);
  return r?.kind === 'period' ? r.period : undefined;
}

// ---------------------------------------------------------------------------------------------
// Follow-ups relative to the period already in the conversation

const RANK: Record<Grain, number> = { day: 0, week: 1, month: 2, quarter: 3, year: 4 };

/** What a period is made of: whole weeks / months / quarters / years (the last one possibly running to today), one day, or a span of days. */
export function grainOf(iv: Interval, today: Day): { grain: GrainOrSpan; count: number } {
  if (iv.from === iv.to) return { grain: 'day', count: 1 };
  for (const g of ['year', 'quarter', 'month', 'week'] as Grain[]) {
    if (iv.from !== startOf(iv.from, g)) continue;
    const whole = iv.to === endOf(iv.to, g);
    const running = iv.to === today && iv.from <= today;
    if (!whole && !running) continue;
    let count = 1;
    while (addUnits(iv.from, g, count) <= iv.to) count++;
    if (g === 'week' && !whole && count > 1) continue;
    return { grain: g, count };
  }
  return { grain: 'span', count: daysBetween(iv.from, iv.to) + 1 };
}

/** The days moved by whole units; whole months stay whole months (Sep 1–30 a month on is Oct 1–31). */
function shiftDays(iv: Interval, unit: Grain, n: number, today: Day): Interval {
  const from = addUnits(iv.from, unit, n);
  let to = addUnits(iv.to, unit, n);
  const wholeMonths = iv.from === startOf(iv.from, 'month') && iv.to === endOf(iv.to, 'month');
  if (unit !== 'day' && unit !== 'week' && wholeMonths && iv.to !== today) to = endOf(to, 'month');
  return { from, to };
}

/**
 * The period a bare follow-up means, relative to the previous one: "前一周呢" / "the week before that?"
 * after last_week is the week before it, "再往前一个月" after September is August, "去年同期" after
 * 11-01..11-23 is 2025-11-01..2025-11-23, "before that?" moves back by the period's own size.
 * Undefined when the message is no such follow-up, when the step is finer than the period
 * ("前一周" after a month), or when the result would start after today.
 */
export function shiftPeriod(previous: Period, text: string, today: string): Period | undefined {
  if (!periodSchema.safeParse(previous).success) return undefined;
  const reading = readPeriod(text, today);
  if (reading?.kind !== 'relative') return undefined;
  const { shift } = reading;
  const base = typeof previous === 'string' ? namedInterval(previous, today) : previous;
  if (base.from > base.to) return undefined;
  const shape = typeof previous === 'string' ? { grain: NAMED_GRAIN[previous], count: NAMED_GRAIN[previous] === 'span' ? 0 : 1 } : grainOf(base, today);
  const unit = shift.unit ?? (shape.grain === 'span' ? undefined : shape.grain);
  let moved: Interval;
  let grain: GrainOrSpan = unit ?? 'span';
  if (!unit) {
    const length = daysBetween(base.from, base.to) + 1;
    moved = { from: addDays(base.from, length * shift.n), to: addDays(base.to, length * shift.n) };
  } else if (shift.exact) {
    moved = shiftDays(base, unit, shift.n, today);
    grain = 'span';
  } else if (shape.grain !== 'span' && RANK[shape.grain] > RANK[unit]) {
    return undefined;
  } else if (shape.grain === unit) {
    const steps = shift.unit ? shift.n : shift.n * shape.count;
    const from = addUnits(base.from, unit, steps);
    moved = { from, to: endOf(addUnits(from, unit, shape.count - 1), unit) };
  } else {
    moved = shiftDays(base, unit, shift.n, today);
    grain = 'span';
  }
  if (moved.from > today) return undefined;
  return canonicalPeriod({ from: moved.from, to: minDay(moved.to, today) }, today, grain);
}


/** A part of a month said alone ("后半个月呢", "下旬呢", "and the second half?", "月底那几天") after a period inside one
 *  month: that part of the same month (after 十月上半月, "后半个月" is Oct 16–31, not this month's). Undefined when the
 *  message names a month or a period of its own, or the previous period spans more than one month. */
export function partOfEarlierMonth(previous: Period, text: string, today: string): Period | undefined {
  if (!periodSchema.safeParse(previous).success) return undefined;
  const m = /(上半个?月|下半个?月|前半个?月|后半个?月|上旬|中旬|下旬)|(?<![\d一二三四五六七八九十上本这当个])月(初|中|底|末)(?!旬)|\b(first|second|latter|back|other)\s+half\b/i.exec(text);
  if (!m || /(?:\d|[一二三四五六七八九十])\s*月|[上本这当下]个?月|\b(?:this|last|next)\s+month\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(text)) return undefined;
  const base = typeof previous === 'string' ? namedInterval(previous, today) : previous;
  if (base.from > base.to || startOf(base.from, 'month') !== startOf(base.to, 'month')) return undefined;
  const part = m[1] ? partOfMonth(m[1]) : m[2] ? MONTH_END_PARTS[m[2]] : m[3].toLowerCase() === 'first' ? partOfMonth('上半月') : m[3].toLowerCase() === 'other' ? partOfMonth(base.from.slice(8) <= '15' ? '下半月' : '上半月') : partOfMonth('下半月');
  if (!part) return undefined;
  const { from, to } = partDays(startOf(base.from, 'month'), part);
  if (from > today) return undefined;
  return canonicalPeriod({ from, to: minDay(to, today) }, today, 'span');
}

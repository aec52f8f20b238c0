// Lengths of time, in days: 三周 (21), 一个半月 (45), 十天, 两个礼拜 (14), 半个月 (15), 一周半 (10.5), 48小时 (2),
// 5个工作日 (7), "two weeks", "a fortnight", "10 days", "a month and a half", "1.5 weeks", "a 10-day lead time".
// A month is 30 days and a year 365 (parse-duration's 30.44-day month would make 一个半月 45.66). Working
// days count as calendar days at 5 in 7 (5个工作日 is a week).
// It does not read dates or points in time (3月 is March, 10日 the 10th, 周三 Wednesday, 第三周 the third
// week, 3周年 an anniversary, 2025年 a year), nor spans too vague for a number (几天, a few days, 三五天).
// The lead time of a restock question is findLeadTimeDays: a duration next to a word for delivery.
import { findNumbers, normaliseWidth, round, type NumberToken } from './numbers.ts';

export type Duration = { days: number; text: string; index: number; approximate?: boolean };

// "十来天", "二十多天", "一个多月": about that many (来 / 多 / 余 after a round number).
const ZH_UNIT: [RegExp, number][] = [
  [/^\s*(?:来|多|余)?\s*个?\s*(半)?\s*(?:工作日)(半)?/, 7 / 5],
  [/^\s*(?:来|多|余)?\s*个?\s*(半)?\s*天(半)?/, 1],
  [/^\s*(?:来|多|余)?\s*个?\s*(半)?\s*(?:星期|礼拜|周(?!年))(半)?/, 7],
  [/^\s*(?:来|多|余)?\s*个\s*(?:多)?\s*(半)?\s*月(半)?/, 30], // 个 is needed: 3月 is March
  [/^\s*(半)?\s*年(半)?(?![级代底初中])/, 365],
  [/^\s*个?\s*(半)?\s*(?:小时|钟头)(半)?/, 1 / 24],
];
// "two full years", "three whole weeks": the length is the same.
const EN_GAP = '(?:\\s+|\\s*-\\s*)(?:(?:full|whole|entire|complete)\\s+)?';
const EN_UNIT: [RegExp, number][] = [
  [new RegExp(`^${EN_GAP}(?:business|working)[\\s-]+days?(?![a-z])`, 'i'), 7 / 5],
  [new RegExp(`^${EN_GAP}days?(?![a-z])`, 'i'), 1],
  [new RegExp(`^${EN_GAP}(?:weeks?|wks?)(?![a-z])`, 'i'), 7],
  [/^d(?![a-z]|\p{Script=Han})/iu, 1], // "10d", written together only (not "3D打印")
  [/^wks?(?![a-z])/i, 7], // "2wks"
  [new RegExp(`^${EN_GAP}fortnights?(?![a-z])`, 'i'), 14],
  [new RegExp(`^${EN_GAP}months?(?![a-z])`, 'i'), 30],
  [new RegExp(`^${EN_GAP}years?(?![a-z])`, 'i'), 365],
  [new RegExp(`^${EN_GAP}(?:hours?|hrs?)(?![a-z])`, 'i'), 1 / 24],
];
const EN_HALF_AFTER = /^\s+and\s+a\s+half(?![a-z])/i;

/** The first length of time in the text, in days. */
export function findDuration(text: string): Duration | undefined {
  return findDurations(text)[0];
}

export function findDurations(input: string): Duration[] {
  const text = normaliseWidth(input);
  const out: Duration[] = [];
  const add = (d: Duration) => { if (d.days > 0 && !out.some((o) => o.index === d.index)) out.push({ ...d, days: round(d.days, 4) }); };
  for (const t of findNumbers(text)) {
    const d = read(text, t);
    if (d) add(d);
  }
  // Durations with no number token: 半个月, 半天, 半年, a week, an hour, a fortnight, half a month.
  const inside = (at: number) => out.some((o) => o.index <= at && at < o.index + o.text.length);
  for (const m of text.matchAll(/半\s*个?\s*(月|天|年|小时|钟头)/g)) {
    if (inside(m.index)) continue; // the 半 of 一个半小时
    const unit = { 月: 30, 天: 1, 年: 365, 小时: 1 / 24, 钟头: 1 / 24 }[m[1] as '月' | '天' | '年' | '小时' | '钟头'];
    if (m[1] === '月' && !/个/.test(m[0])) continue; // 半月 is rare; 半个月 is the way to say it
    add({ days: unit / 2, text: m[0], index: m.index });
  }
  for (const m of text.matchAll(/\b(half\s+an?|an?|one)(?:\s+(?:full|whole|entire|complete))?(?:\s+(?:business|working))?\s+(day|week|fortnight|month|year|hour)(\s+and\s+a\s+half)?(?![a-z])/gi)) {
    if (inside(m.index)) continue;
    const unit = { day: 1, week: 7, fortnight: 14, month: 30, year: 365, hour: 1 / 24 }[m[2].toLowerCase() as 'day'];
    const business = /business|working/i.test(m[0]) ? 7 / 5 : 1;
    const n = /^half/i.test(m[1]) ? 0.5 : 1;
    add({ days: (n + (m[3] ? 0.5 : 0)) * unit * business, text: m[0], index: m.index });
  }
  // "a half-year baseline", "a half-month wait": half of the unit, hyphenated as an adjective.
  for (const m of text.matchAll(/\bhalf[- ](day|week|month|year)(?![a-z])/gi)) {
    if (inside(m.index)) continue;
    add({ days: { day: 1, week: 7, month: 30, year: 365 }[m[1].toLowerCase() as 'day'] / 2, text: m[0], index: m.index });
  }
  // Texts as written (１０天, not 10天): offsets are the same in both.
  return out.sort((a, b) => a.index - b.index).map((d) => ({ ...d, text: input.slice(d.index, d.index + d.text.length) }));
}

function read(text: string, t: NumberToken): Duration | undefined {
  const before = text.slice(0, t.start);
  const after = text.slice(t.end);
  if (/第\s*$|\bthe\s+$/i.test(before) || /(?:星期|礼拜|周)\s*$/.test(before)) return undefined; // 第三周, 星期三
  if (t.kind === 'en' || /[a-z]/i.test(after.slice(0, 2)) || /^\s*-\s*[a-z]/i.test(after)) {
    for (const [re, unit] of EN_UNIT) {
      const m = re.exec(after);
      if (!m) continue;
      let end = t.end + m[0].length;
      let n = t.value;
      const half = EN_HALF_AFTER.exec(text.slice(end)); // "two weeks and a half"
      if (half) { n += 0.5; end += half[0].length; }
      return { days: n * unit, text: text.slice(t.start, end), index: t.start, ...(t.approximate ? { approximate: true } : {}) };
    }
    const andHalf = /^\s+and\s+a\s+half/i.exec(after); // "one and a half weeks"
    if (andHalf) {
      for (const [re, unit] of EN_UNIT) {
        const m = re.exec(after.slice(andHalf[0].length));
        if (m) return { days: (t.value + 0.5) * unit, text: text.slice(t.start, t.end + andHalf[0].length + m[0].length), index: t.start };
      }
    }
    if (t.kind === 'en') return undefined;
  }
  for (const [re, unit] of ZH_UNIT) {
    const m = re.exec(after);
    if (!m) continue;
    // A year written as a year: 2025年, 二零二五年; a number of days said as a date: 10日.
    if (unit === 365 && (t.value >= 1900 || (t.kind === 'zh' && /^[零〇一二三四五六七八九]{3,}$/.test(t.text)))) return undefined;
    const half = (m[1] || m[2]) ? 0.5 : 0;
    return { days: (t.value + half) * unit, text: text.slice(t.start, t.end + m[0].length), index: t.start, ...(t.approximate ? { approximate: true } : {}) };
  }
  return undefined;
}

// Words for delivery next to a lead time: 交货期两周, 14天到货, 要10天才到, lead time of 10 days, delivery takes
// two weeks, arrives in 10 days, a 10-day lead time. Not a bare 到 (最近7天到今天 is a period) nor "takes".
const FILLER = '(?:是|为|要|需要|大概|大约|约|得|在|一般|通常|改成|改为|设成|设为|按|走|过来|of|is|in|within|about|around|takes?|needs?|usually|=|:)';
const LEAD_BEFORE = new RegExp(`(?:交货期|交期|货期|提前期|到货(?:时间|周期)?|交货(?:时间)?|送货(?:时间)?|发货(?:时间)?(?:到店)?|配送(?:时间)?|供货(?:周期)?|进货|等货|(?<=进货要?|补货要?)等|供应商(?:说|讲|话)?|厂家|批发商|收货|物流|上货|调货|发过来|快递(?:过来)?|lead[- ]?times?|delivery(?: time)?|deliver(?:s|ed)?|arriv(?:e|es|al)|ships?|shipping|(?:supplier|distributor|vendor|wholesaler)s?(?:\\s+(?:needs?|takes?))?)\\s*(?:${FILLER}\\s*){0,3}$`, 'i');
const LEAD_AFTER = /^\s*(?:to get (?:the |new |more )?stock|from order(?:ing)? to (?:shelf|delivery|arrival|the shelf)|(?:(?:才|能|就|可以|才能|就能|先)\s*)?(?:到(?![期底时这那了今昨明本上下前后现目\d一二两三四五六七八九十])|送到|送达|到店)|后?到货|交货|送到|送达|发货|(?:of\s+)?lead[- ]?time|delivery|to (?:arrive|deliver|come in|get here))/i;

/** The lead time a merchant names, in whole days (rounded up: a day and a half of lead time is two). */
/** Delivered the day after ordering, said without a number: 隔天就到, 次日达, next-day delivery. */
const NEXT_DAY = /隔天(?:就|能|可以)?(?:到|送到|送达)|次日(?:达|到|送达)|第二天(?:就|能)?(?:到|送到|送达)|\bnext[- ]day (?:delivery|shipping|arrival)\b|\bovernight (?:delivery|shipping)\b|\barrives? (?:the )?next day\b/i;

/** Ordered on one weekday, delivered on another: "礼拜一落单礼拜四正到", "order Monday, it comes Thursday" (3 days). */
const WEEKDAY_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };
const ZH_WEEKDAY_TO_WEEKDAY = /(?:周|星期|礼拜)([一二三四五六日天])\s*(?:下单|落单|订货|订|下|发货)[^，。,.]{0,6}?(?:周|星期|礼拜)([一二三四五六日天])\s*(?:才|正|就|能)?\s*(?:到|送到|送达|到货|到店)/;
const EN_WEEKDAY_TO_WEEKDAY = /\border(?:ed|s)?\s+(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[^.?!]{0,24}?\b(?:arrives?|comes?|delivered|gets? here|lands?)\s+(?:on\s+)?(?:the\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

function weekdayToWeekday(text: string): Duration | undefined {
  const m = ZH_WEEKDAY_TO_WEEKDAY.exec(text) ?? EN_WEEKDAY_TO_WEEKDAY.exec(text);
  if (!m) return undefined;
  const [from, to] = [WEEKDAY_NUMBER[m[1].toLowerCase()], WEEKDAY_NUMBER[m[2].toLowerCase()]];
  const days = (to - from + 7) % 7 || 7;
  return { days, text: m[0], index: m.index };
}

export function findLeadTime(text: string): Duration | undefined {
  const norm = normaliseWidth(text);
  const weekdays = weekdayToWeekday(norm);
  if (weekdays) return { ...weekdays, text: text.slice(weekdays.index, weekdays.index + weekdays.text.length) };
  const nextDay = NEXT_DAY.exec(norm);
  if (nextDay) return { days: 1, text: text.slice(nextDay.index, nextDay.index + nextDay[0].length), index: nextDay.index };
  for (const d of findDurations(norm)) {
    // "配送三到五天", "delivery 7-10 days": a range is read by its top (a restock plans for the longer wait).
    const before = norm.slice(Math.max(0, d.index - 24), d.index).replace(/(?:\d+|[一二两三四五六七八九十]+)\s*(?:到|至|-|~|～|to)\s*$/i, '');
    const after = norm.slice(d.index + d.text.length);
    if (LEAD_BEFORE.test(before) || LEAD_AFTER.test(after)) return d;
  }
  return undefined;
}

// The shopping calendar: holidays and shopping days a merchant names instead of dates ("双十一期间",
// "春节", "Black Friday"), each with the day it stands for and the window its "期间 / during / week"
// form stands for in a given year. The dates are choices, written down here with the reason:
//
// | occasion                  | the day                    | the window ("…期间", "during …")                          |
// | ------------------------- | -------------------------- | --------------------------------------------------------- |
// | 双十一 Singles' Day        | Nov 11                     | Nov 1–11: the main sale phase; the late-October presale   |
// |                           |                            | differs by platform and year, so it is left out           |
// | 双十二                     | Dec 12                     | Dec 10–12: the short Double-12 campaign                    |
// | 618 (六一八, 年中大促)     | Jun 18                     | Jun 1–18: the JD 618 festival period                       |
// | 春节 / 过年 (bare = window)| 正月初一, table below      | 除夕 … 初六 (8 days): eve + the traditional 7 days; the    |
// |                           |                            | official holiday differs by year (e.g. 2024: Feb 10–17)   |
// | 除夕 / 元宵节              | 初一 − 1 / 初一 + 14       | —                                                         |
// | 国庆 / 十一黄金周 (window) | Oct 1                      | Oct 1–7: the National Day golden week                      |
// | 元旦                       | Jan 1                      | Jan 1 (the day off; the bridging weekend varies by year)  |
// | 跨年 / New Year's Eve      | Dec 31                     | Dec 31 – Jan 1                                            |
// | 五一 / 劳动节 (window)     | May 1                      | May 1–5: the five-day May Day holiday (2020 on)            |
// | 开学 / 开学季 (window)     | Sep 1                      | Aug 15 – Sep 15: the autumn back-to-school season (schools |
// |                           |                            | start Sep 1, universities register early-mid September);  |
// |                           |                            | the spring term start is not resolved (it follows 春节)    |
// | 圣诞 / Christmas           | Dec 25                     | Dec 24–25 (平安夜 + Christmas Day)                          |
// | 平安夜 / Christmas Eve     | Dec 24                     | —                                                         |
// | 黑五 / Black Friday        | day after the 4th Thursday | Fri – Mon (through Cyber Monday)                          |
// |                           | of November (US)           |                                                           |
// | Cyber Monday / 网络星期一  | Black Friday + 3           | —                                                         |
// | 感恩节 / Thanksgiving      | 4th Thursday of November   | —                                                         |
// | 情人节 / Valentine's Day   | Feb 14                     | —                                                         |
// | 妇女节 / 女神节 / 三八节   | Mar 8                      | —                                                         |
// | 儿童节 / 六一              | Jun 1                      | —                                                         |
// | 中秋节 / 端午节            | table below                | 3 days, the festival and the two days on the weekend's     |
// |                           |                            | side (Fri/Sat: day…+2, Sun: −1…+1, Mon/Tue: −2…day,       |
// |                           |                            | Wed/Thu: −1…+1), as the official three-day holidays of    |
// |                           |                            | 2024–2026 fell (a year that joins 国庆 differs)            |
// | 七夕 / 重阳节              | table below (七月初七, 九月初九) | —                                                   |
// | 清明节 (bare = day)        | table below (the solar term) | Apr 4–6: the three-day holiday of 2024–2026              |
// | 520                       | May 20                     | —                                                         |
// | 母亲节 / 父亲节            | 2nd Sunday of May / 3rd Sunday of June | —                                             |
// | 冬至 / Winter Solstice     | table below (Dec 21 or 22) | —                                                         |
// | 暑假 / summer vacation     | —                          | Jul 1 – Aug 31: the school summer holiday (bare = window) |
//
// Lunar dates come from a table (2022–2028); a year outside it is not guessed: the occasion is unresolved.
import { addDays, iso, nthWeekday, type Day, type Interval } from './days.ts';

/** The lunar-calendar days (and 清明 and 冬至, solar terms on Apr 4–5 and Dec 21–22) by Gregorian year, one row a year:
 *  春节 正月初一, 中秋 八月十五, 端午 五月初五, 七夕 七月初七, 重阳 九月初九. */
type LunarDays = { springFestival: Day; midAutumn: Day; dragonBoat: Day; qixi: Day; doubleNinth: Day; qingming: Day; dongzhi: Day };
const LUNAR: Record<number, LunarDays> = {
  2022: { springFestival: '2022-02-01', midAutumn: '2022-09-10', dragonBoat: '2022-06-03', qixi: '2022-08-04', doubleNinth: '2022-10-04', qingming: '2022-04-05', dongzhi: '2022-12-22' },
  2023: { springFestival: '2023-01-22', midAutumn: '2023-09-29', dragonBoat: '2023-06-22', qixi: '2023-08-22', doubleNinth: '2023-10-23', qingming: '2023-04-05', dongzhi: '2023-12-22' },
  2024: { springFestival: '2024-02-10', midAutumn: '2024-09-17', dragonBoat: '2024-06-10', qixi: '2024-08-10', doubleNinth: '2024-10-11', qingming: '2024-04-04', dongzhi: '2024-12-21' },
  2025: { springFestival: '2025-01-29', midAutumn: '2025-10-06', dragonBoat: '2025-05-31', qixi: '2025-08-29', doubleNinth: '2025-10-29', qingming: '2025-04-04', dongzhi: '2025-12-21' },
  2026: { springFestival: '2026-02-17', midAutumn: '2026-09-25', dragonBoat: '2026-06-19', qixi: '2026-08-19', doubleNinth: '2026-10-18', qingming: '2026-04-05', dongzhi: '2026-12-22' },
  2027: { springFestival: '2027-02-06', midAutumn: '2027-09-15', dragonBoat: '2027-06-09', qixi: '2027-08-08', doubleNinth: '2027-10-08', qingming: '2027-04-05', dongzhi: '2027-12-22' },
  2028: { springFestival: '2028-01-26', midAutumn: '2028-10-03', dragonBoat: '2028-05-28', qixi: '2028-08-26', doubleNinth: '2028-10-26', qingming: '2028-04-04', dongzhi: '2028-12-21' },
};
const lunar = (key: keyof LunarDays) => (year: number): Day | undefined => LUNAR[year]?.[key];
/** Spring Festival (农历正月初一) by Gregorian year, where the table has it. */
export const springFestival = lunar('springFestival');

/** 'week': the Monday-to-Sunday week the day falls in (双十一那一周); a number: that many days from the holiday's first day (国庆七天, 元旦三天假期);
 *  before / after: that many days up to its first day or from its last (双十一前两周, 国庆后三天, the week before Christmas). */
export type OccasionSpan = 'day' | 'window' | 'week' | number | { before: number } | { after: number } | { around: number };
export type Occasion = {
  key: string;
  label: { zh: string; en: string };
  /** What the bare name means: 双十一 is the day, 春节 and 国庆 are the holiday. */
  bare: OccasionSpan;
  day: (year: number) => Day | undefined;
  window?: (year: number) => Interval | undefined;
  /** A week-long holiday (国庆, 春节): "国庆那周" is the holiday week itself, not the calendar week its first day is in. */
  weekLong?: boolean;
};

const fixed = (m: number, d: number) => (y: number) => iso(y, m, d);
const span = (m1: number, d1: number, m2: number, d2: number) => (y: number): Interval => ({ from: iso(y, m1, d1), to: iso(y, m2, d2) });
/** A festival's three-day holiday: the festival and the two days on the weekend's side (see the table above). */
const threeDayHoliday = (day: (y: number) => Day | undefined) => (y: number): Interval | undefined => {
  const d = day(y);
  if (!d) return undefined;
  const weekday = new Date(`${d}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  const start = weekday === 5 || weekday === 6 ? 0 : weekday === 1 || weekday === 2 ? -2 : -1;
  return { from: addDays(d, start), to: addDays(d, start + 2) };
};
const blackFriday = (y: number) => addDays(nthWeekday(y, 11, 4, 4), 1);

export const OCCASIONS: Record<string, Occasion> = {
  singles_day: { key: 'singles_day', label: { zh: '双十一', en: "Singles' Day (11.11)" }, bare: 'day', day: fixed(11, 11), window: span(11, 1, 11, 11) },
  double_12: { key: 'double_12', label: { zh: '双十二', en: 'Double 12' }, bare: 'day', day: fixed(12, 12), window: span(12, 10, 12, 12) },
  mid_year_618: { key: 'mid_year_618', label: { zh: '618', en: '618' }, bare: 'day', day: fixed(6, 18), window: span(6, 1, 6, 18) },
  spring_festival: {
    key: 'spring_festival', label: { zh: '春节', en: 'Spring Festival' }, bare: 'window', day: springFestival, weekLong: true,
    window: (y) => { const d = springFestival(y); return d ? { from: addDays(d, -1), to: addDays(d, 6) } : undefined; },
  },
  spring_festival_eve: { key: 'spring_festival_eve', label: { zh: '除夕', en: "Chinese New Year's Eve" }, bare: 'day', day: (y) => { const d = springFestival(y); return d && addDays(d, -1); } },
  lantern: { key: 'lantern', label: { zh: '元宵节', en: 'Lantern Festival' }, bare: 'day', day: (y) => { const d = springFestival(y); return d && addDays(d, 14); } },
  national_day: { key: 'national_day', label: { zh: '国庆', en: 'National Day' }, bare: 'window', day: fixed(10, 1), window: span(10, 1, 10, 7), weekLong: true },
  new_year: { key: 'new_year', label: { zh: '元旦', en: "New Year's Day" }, bare: 'day', day: fixed(1, 1) },
  new_years_eve: { key: 'new_years_eve', label: { zh: '跨年', en: "New Year's Eve" }, bare: 'day', day: fixed(12, 31), window: (y) => ({ from: iso(y, 12, 31), to: iso(y + 1, 1, 1) }) },
  labour_day: { key: 'labour_day', label: { zh: '五一', en: 'May Day' }, bare: 'window', day: fixed(5, 1), window: span(5, 1, 5, 5) },
  back_to_school: { key: 'back_to_school', label: { zh: '开学季', en: 'back to school' }, bare: 'window', day: fixed(9, 1), window: span(8, 15, 9, 15) },
  christmas: { key: 'christmas', label: { zh: '圣诞节', en: 'Christmas' }, bare: 'day', day: fixed(12, 25), window: span(12, 24, 12, 25) },
  christmas_eve: { key: 'christmas_eve', label: { zh: '平安夜', en: 'Christmas Eve' }, bare: 'day', day: fixed(12, 24) },
  black_friday: { key: 'black_friday', label: { zh: '黑五', en: 'Black Friday' }, bare: 'day', day: blackFriday, window: (y) => ({ from: blackFriday(y), to: addDays(blackFriday(y), 3) }) },
  cyber_monday: { key: 'cyber_monday', label: { zh: '网络星期一', en: 'Cyber Monday' }, bare: 'day', day: (y) => addDays(blackFriday(y), 3) },
  thanksgiving: { key: 'thanksgiving', label: { zh: '感恩节', en: 'Thanksgiving' }, bare: 'day', day: (y) => nthWeekday(y, 11, 4, 4) },
  valentines: { key: 'valentines', label: { zh: '情人节', en: "Valentine's Day" }, bare: 'day', day: fixed(2, 14) },
  womens_day: { key: 'womens_day', label: { zh: '妇女节', en: "Women's Day" }, bare: 'day', day: fixed(3, 8) },
  childrens_day: { key: 'childrens_day', label: { zh: '儿童节', en: "Children's Day" }, bare: 'day', day: fixed(6, 1) },
  mid_autumn: { key: 'mid_autumn', label: { zh: '中秋节', en: 'Mid-Autumn Festival' }, bare: 'day', day: lunar('midAutumn'), window: threeDayHoliday(lunar('midAutumn')) },
  qixi: { key: 'qixi', label: { zh: '七夕', en: 'Qixi (Chinese Valentine\'s Day)' }, bare: 'day', day: lunar('qixi') },
  double_ninth: { key: 'double_ninth', label: { zh: '重阳节', en: 'Double Ninth Festival' }, bare: 'day', day: lunar('doubleNinth') },
  qingming: { key: 'qingming', label: { zh: '清明节', en: 'Qingming Festival' }, bare: 'day', day: lunar('qingming'), window: (y) => (LUNAR[y] ? span(4, 4, 4, 6)(y) : undefined) },
  day_520: { key: 'day_520', label: { zh: '520', en: '520 (May 20)' }, bare: 'day', day: fixed(5, 20) },
  summer_vacation: { key: 'summer_vacation', label: { zh: '暑假', en: 'summer vacation' }, bare: 'window', day: fixed(7, 1), window: span(7, 1, 8, 31) },
  mothers_day: { key: 'mothers_day', label: { zh: '母亲节', en: "Mother's Day" }, bare: 'day', day: (y) => nthWeekday(y, 5, 7, 2) },
  fathers_day: { key: 'fathers_day', label: { zh: '父亲节', en: "Father's Day" }, bare: 'day', day: (y) => nthWeekday(y, 6, 7, 3) },
  dongzhi: { key: 'dongzhi', label: { zh: '冬至', en: 'Winter Solstice (Dongzhi)' }, bare: 'day', day: lunar('dongzhi') },
  dragon_boat: { key: 'dragon_boat', label: { zh: '端午节', en: 'Dragon Boat Festival' }, bare: 'day', day: lunar('dragonBoat'), window: threeDayHoliday(lunar('dragonBoat')) },
};

/** The days an occasion stands for in a year; undefined when the calendar does not know that year. */
export function occasionDates(key: string, year: number, as: OccasionSpan): Interval | undefined {
  const o = OCCASIONS[key];
  if (!o) return undefined;
  if (as === 'window' && o.window) return o.window(year);
  const day = o.day(year);
  if (!day) return undefined;
  if (as === 'week') {
    const monday = addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
    return { from: monday, to: addDays(monday, 6) };
  }
  if (typeof as === 'object' && 'around' in as) {
    // 双十一前后三天: that many days either side of the day (or of the holiday where the name means one).
    const days = Math.max(1, Math.min(as.around, 31));
    const window = o.bare === 'window' ? o.window?.(year) : undefined;
    return { from: addDays(window?.from ?? day, -days), to: addDays(window?.to ?? day, days) };
  }
  if (typeof as === 'object') {
    const days = Math.max(1, Math.min('before' in as ? as.before : as.after, 366));
    // From the holiday itself where the name means the holiday (国庆, 春节), else from the day (双十一 is Nov 11, not its sale phase).
    const window = o.bare === 'window' ? o.window?.(year) : undefined;
    if ('before' in as) {
      const first = window?.from ?? day;
      return { from: addDays(first, -days), to: addDays(first, -1) };
    }
    const last = window?.to ?? day;
    return { from: addDays(last, 1), to: addDays(last, days) };
  }
  if (typeof as === 'number') {
    const first = o.window?.(year)?.from ?? day;
    return { from: first, to: addDays(first, Math.max(1, Math.min(as, 31)) - 1) };
  }
  return { from: day, to: day };
}

// Names, lower-cased, full-width folded (see period.ts). A name may force the day or the window.
// Chinese names must be followed by a particle, a period word or a sales word (see ZH_AFTER in
// period.ts), so "圣诞树", "春节礼盒" and "中秋月饼" stay products.
export const OCCASION_NAMES: { re: string; key: string; as?: OccasionSpan }[] = [
  { re: "双十一|双11|双 11|(?<![\\d.¥$])11\\.11(?![\\d.]|\\s*[元块])|11·11|光棍节|singles'? ?day|double (?:11|eleven)", key: 'singles_day' },
  { re: '双十二|双12|双 12|(?<![\\d.¥$])12\\.12(?![\\d.]|\\s*[元块])|double (?:12|twelve)', key: 'double_12' },
  { re: '年中大促|mid-?year (?:sale|shopping festival)', key: 'mid_year_618', as: 'window' },
  { re: '(?<![\\d.¥$])618(?![\\d.%]|\\s*(?:元|块|件|个|单|笔|份|瓶|号|kg|g|ml|yuan|rmb|cny|pcs|units|orders))|六一八|(?<![\\d.¥$])6\\.18(?![\\d.]|\\s*[元块])|6·18', key: 'mid_year_618' },
  { re: '大年初一|正月初一', key: 'spring_festival', as: 'day' },
  { re: '春节|过年|农历新年|中国新年|chinese new year(?!\'?s eve)|lunar new year|spring festival|\\bcny\\b', key: 'spring_festival' },
  { re: "除夕|大年三十|年三十|chinese new year'?s eve", key: 'spring_festival_eve' },
  { re: '元宵节|正月十五|lantern festival', key: 'lantern' },
  { re: '国庆节?|国庆黄金周|十一黄金周|(?<![五劳])黄金周|十一长假|十一小长假|十一假期|(?<![\\d一二三四五六七八九十双])十一(?=期间|那几天|前后)|national day|october golden week', key: 'national_day' },
  { re: '元旦|new year\'?s day|new year\'?s(?! eve)', key: 'new_year' },
  { re: "跨年|new year'?s eve", key: 'new_years_eve' },
  { re: '(?<![\\d一二三四五六七八九十百])五一(?![\\d一二三四五六七八九十])|劳动节|may day|labou?r day', key: 'labour_day' },
  { re: '开学季?|返校季?|back[- ]to[- ]school(?: season)?|school start|start of (?:the )?(?:school year|term)', key: 'back_to_school' },
  { re: '平安夜|christmas eve|x-?mas eve', key: 'christmas_eve' },
  { re: '圣诞节?|christmas(?! eve)|x-?mas(?! eve)', key: 'christmas' },
  { re: '黑五|黑色星期五|黑色周五|black friday', key: 'black_friday' },
  { re: '网络星期一|cyber monday', key: 'cyber_monday' },
  { re: '感恩节|thanksgiving', key: 'thanksgiving' },
  { re: "(?<!七夕|中国)情人节|valentine'?s(?: day)?", key: 'valentines' },
  { re: "妇女节|女神节|三八节|women'?s day", key: 'womens_day' },
  { re: "儿童节|(?<![\\d一二三四五六七八九十百])六一(?![\\d一二三四五六七八九十])|children'?s day", key: 'childrens_day' },
  { re: '中秋节?|mid-?autumn(?: festival)?|moon festival', key: 'mid_autumn' },
  { re: '端午节?|dragon boat(?: festival)?', key: 'dragon_boat' },
  { re: "七夕(?:情人节|节)?|中国情人节|qixi(?: festival)?|chinese valentine'?s(?: day)?", key: 'qixi' },
  { re: '重阳节?|double ninth(?: festival)?', key: 'double_ninth' },
  { re: '清明节?|qingming(?: festival)?|tomb[- ]sweeping(?: day| festival)?', key: 'qingming' },
  { re: '(?<![\\d.¥$])520(?![\\d.%]|\\s*(?:元|块|件|个|单|笔|份|瓶|号|kg|g|ml|yuan|rmb|cny|pcs|units|orders))', key: 'day_520' },
  { re: '暑假|暑期|summer (?:vacation|holidays?|break)', key: 'summer_vacation' },
  { re: "母亲节|mother'?s day", key: 'mothers_day' },
  { re: "父亲节|father'?s day", key: 'fathers_day' },
  { re: '冬至|winter solstice|dongzhi', key: 'dongzhi' },
];

/** Occasions the calendar does not resolve (lunar dates without a table, ambiguous names, the
 * merchant's own events): naming one makes the period unresolved rather than guessed. */
export const UNKNOWN_OCCASIONS =
  '腊八节?|小年|年货节|店庆|周年庆|开业(?:那天|当天|纪念日|的时候)?|春季开学|寒假开学|春季学期|新年|' +
  "easter|ramadan|diwali|spring break|(?<!october |national day )golden week|new year(?!'?s)|the holidays|holiday season";

// The PERIOD entity (agents/local-planner/entities/period.ts): tables of message + today → period,
// the readings that must not be guessed, follow-ups relative to the previous period, and the wire-in.
import { describe, expect, it } from 'vitest';
import { extractPeriod, partOfEarlierMonth, readPeriod, shiftPeriod } from '../../agents/local-planner/entities/period.ts';
import { OCCASIONS, springFestival, occasionDates } from '../../agents/local-planner/entities/calendar.ts';
import { findPeriod } from '../../agents/local-planner/slots.ts';
import { understand, type PreviousCall } from '../../agents/local-planner/understand.ts';
import { ProductIndex } from '../../tools/catalogue/product-search.ts';
import { periodSchema, resolvePeriod, localDate, type Period } from '../../tools/merchant-stats/period.ts';

const MON = '2026-11-23'; // a Monday, as in the conversation fixtures
const SUN = '2026-03-01'; // a Sunday, the day after a 28-day February
const LEAP = '2028-02-29'; // a Tuesday, a leap day

const d = (from: string, to = from): Period => ({ from, to });
type Row = [text: string, today: string, expected: Period | 'unresolved' | 'relative' | undefined];

const ROWS: Row[] = [
  // --- single days
  ['昨天', MON, 'yesterday'],
  ['前天', MON, d('2026-11-21')],
  ['大前天', MON, d('2026-11-20')],
  ['三天前的销售', MON, d('2026-11-20')],
  ['上周五', MON, d('2026-11-20')],
  ['上个星期五卖了多少', MON, d('2026-11-20')],
  ['周五', MON, d('2026-11-20')],
  ['11月11日', MON, d('2026-11-11')],
  ['十月一号', MON, d('2026-10-01')],
  ['618那天', MON, d('2026-06-18')],
  // --- ISO week numbers (week 1 holds 4 January) and "these two weeks"
  ['W47 revenue all shops', '2026-11-30', d('2026-11-16', '2026-11-22')],
  ['w46?', '2026-11-30', d('2026-11-09', '2026-11-15')],
  ['第45周', '2026-11-30', d('2026-11-02', '2026-11-08')],
  ['W50', '2026-11-30', 'unresolved'],
  ['这两个礼拜有什么不对劲的', '2026-11-30', d('2026-11-16', '2026-11-29')],
  ['双十一当天的订单', MON, d('2026-11-11')],
  ['sales on Nov 11', MON, d('2026-11-11')],
  ['last Friday', MON, d('2026-11-20')],
  ['what about the 3rd?', MON, d('2026-11-03')],
  ['3号的销售', MON, d('2026-11-03')],
  ['上个月3号', MON, d('2026-10-03')],
  ['the 3rd of last month', MON, d('2026-10-03')],
  ['去年11月11日', MON, d('2025-11-11')],
  ['去年今天', MON, d('2025-11-23')],
  ["today's revenue", MON, 'today'],
  ['上周末', MON, d('2026-11-21', '2026-11-22')],
  // --- months and years
  ['9月份', MON, d('2026-09-01', '2026-09-30')],
  ['九月', MON, d('2026-09-01', '2026-09-30')],
  ['September', MON, d('2026-09-01', '2026-09-30')],
  ['12月的销售', MON, d('2025-12-01', '2025-12-31')],
  ['11月份', MON, 'this_month'],
  ['10月', MON, 'last_month'],
  ['2025年3月', MON, d('2025-03-01', '2025-03-31')],
  ['March 2025', MON, d('2025-03-01', '2025-03-31')],
  ['今年', MON, 'this_year'],
  ['去年', MON, 'last_year'],
  ['前年', MON, d('2024-01-01', '2024-12-31')],
  ['上上个月', MON, d('2026-09-01', '2026-09-30')],
  ['the month before last', MON, d('2026-09-01', '2026-09-30')],
  ['上上周', MON, d('2026-11-09', '2026-11-15')],
  ['两周前', MON, d('2026-11-09', '2026-11-15')],
  ['10月上旬', MON, d('2026-10-01', '2026-10-10')],
  ['这个月上半个月的数据', MON, d('2026-11-01', '2026-11-15')],
  ['上个月下半月', MON, d('2026-10-16', '2026-10-31')],
  ['the first half of last month', MON, d('2026-10-01', '2026-10-15')],
  // --- weeks of a month, counted from the 1st; the last week is its last seven days
  ['sales for the first week of November?', MON, d('2026-11-01', '2026-11-07')],
  ['11月第一周卖了多少', MON, d('2026-11-01', '2026-11-07')],
  ['十月最后一周', MON, d('2026-10-25', '2026-10-31')],
  ['the last week of October', MON, d('2026-10-25', '2026-10-31')],
  ['上个月第二周', MON, d('2026-10-08', '2026-10-14')],
  ['the third week of last month', MON, d('2026-10-15', '2026-10-21')],
  // --- quarters and halves
  ['第二季度', MON, d('2026-04-01', '2026-06-30')],
  ['二季度', MON, d('2026-04-01', '2026-06-30')],
  ['Q2', MON, d('2026-04-01', '2026-06-30')],
  ['2nd quarter', MON, d('2026-04-01', '2026-06-30')],
  ['Q4', MON, d('2026-10-01', '2026-11-23')],
  ['上个季度', MON, d('2026-07-01', '2026-09-30')],
  ['last quarter', MON, d('2026-07-01', '2026-09-30')],
  ['this quarter', MON, d('2026-10-01', '2026-11-23')],
  ['去年四季度', MON, d('2025-10-01', '2025-12-31')],
  ['Q3 2025', MON, d('2025-07-01', '2025-09-30')],
  ['2025年第三季度', MON, d('2025-07-01', '2025-09-30')],
  ['今年上半年', MON, d('2026-01-01', '2026-06-30')],
  // --- to date
  ['年初至今', MON, 'this_year'],
  ['今年以来', MON, 'this_year'],
  ['year to date', MON, 'this_year'],
  ['YTD revenue', MON, 'this_year'],
  ['本月至今', MON, 'this_month'],
  ['month to date', MON, 'this_month'],
  ['MTD', MON, 'this_month'],
  ['本周至今', MON, 'this_week'],
  ['this month so far', MON, 'this_month'],
  ['10月1日以来', MON, d('2026-10-01', '2026-11-23')],
  ['since Oct 1', MON, d('2026-10-01', '2026-11-23')],
  // --- the shopping calendar
  ['双十一', MON, d('2026-11-11')],
  ['双十一期间', MON, d('2026-11-01', '2026-11-11')],
  ['去年双十一期间', MON, d('2025-11-01', '2025-11-11')],
  ['618', MON, d('2026-06-18')],
  ['六一八期间', MON, d('2026-06-01', '2026-06-18')],
  ['春节', MON, d('2026-02-16', '2026-02-23')],
  ['春节期间的销售', MON, d('2026-02-16', '2026-02-23')],
  ['过年', MON, d('2026-02-16', '2026-02-23')],
  ['去年春节', MON, d('2025-01-28', '2025-02-04')],
  ['前年过年', MON, d('2024-02-09', '2024-02-16')],
  ['除夕', MON, d('2026-02-16')],
  ['国庆', MON, d('2026-10-01', '2026-10-07')],
  // --- days before or after an occasion: from the holiday where the name means the holiday, else from the day
  ['国庆之前一周的营业额', MON, d('2026-09-24', '2026-09-30')],
  ['国庆以后五天卖得咋样', MON, d('2026-10-08', '2026-10-12')],
  ['双十一前三天', MON, d('2026-11-08', '2026-11-10')],
  ['双11后一周的退款', MON, d('2026-11-12', '2026-11-18')],
  ['the three days after National Day', MON, d('2026-10-08', '2026-10-10')],
  ['sales the week leading up to Double Eleven', MON, d('2026-11-04', '2026-11-10')],
  ['国庆节期间', MON, d('2026-10-01', '2026-10-07')],
  ['十一黄金周', MON, d('2026-10-01', '2026-10-07')],
  ['国庆节当天', MON, d('2026-10-01')],
  ['元旦', MON, d('2026-01-01')],
  ['五一', MON, d('2026-05-01', '2026-05-05')],
  ['开学季', MON, d('2026-08-15', '2026-09-15')],
  ['开学那天', MON, d('2026-09-01')],
  ['圣诞', MON, d('2025-12-25')],
  ['Christmas', MON, d('2025-12-25')],
  ['平安夜', MON, d('2025-12-24')],
  ['黑五', MON, d('2025-11-28')],
  ['Black Friday', MON, d('2025-11-28')],
  ['black friday weekend', MON, d('2025-11-28', '2025-12-01')],
  ['中秋节', MON, d('2026-09-25')],
  // --- ranges and rolling windows
  ['3月5日到3月12日', MON, d('2026-03-05', '2026-03-12')],
  ['3月5日至12日', MON, d('2026-03-05', '2026-03-12')],
  ['3月5日-12日', MON, d('2026-03-05', '2026-03-12')],
  ['12月1日到12月7日的销售', MON, d('2025-12-01', '2025-12-07')],
  ['12月20日到1月5日', MON, d('2025-12-20', '2026-01-05')],
  ['从上周一到昨天', MON, 'last_week'],
  ['from March 1 to March 10', MON, d('2026-03-01', '2026-03-10')],
  ['between Oct 1 and Oct 7', MON, d('2026-10-01', '2026-10-07')],
  ['2026-10-01 to 2026-10-15', MON, d('2026-10-01', '2026-10-15')],
  ['sales from 2026-11-16 to 2026-11-22', MON, d('2026-11-16', '2026-11-22')], // typed dates stay dates
  ['最近两周', MON, d('2026-11-09', '2026-11-22')],
  ['past 14 days', MON, d('2026-11-09', '2026-11-22')],
  ['last 3 months', MON, 'last_90_days'],
  ['最近7天', MON, 'last_7_days'],
  ['past week', MON, 'last_7_days'],
  ['最近半年', MON, d('2026-05-23', '2026-11-22')],
  ['半年来的销售额', MON, d('2026-05-23', '2026-11-22')],
  // --- the start, middle and end of a month: its first, middle and last ten days
  ['上个月底', MON, d('2026-10-21', '2026-10-31')],
  ['这个月月初那几天生意咋样', MON, d('2026-11-01', '2026-11-10')],
  ['月中呢', MON, d('2026-11-11', '2026-11-20')],
  ['10月底的销量', MON, d('2026-10-21', '2026-10-31')],
  ['the end of last month', MON, d('2026-10-21', '2026-10-31')],
  ['mid-month sales', MON, d('2026-11-11', '2026-11-20')],
  ['本月末', MON, d('2026-11-21', '2026-11-23')], // so far
  ['since 月初 到现在 revenue 多少?', MON, 'this_month'],
  ['年底', MON, 'unresolved'],
  // --- one period said twice, or days inside a week, and weeks after a holiday
  ['上周末 weekend 那两天卖了多少', MON, d('2026-11-21', '2026-11-22')],
  ['上周 Thursday Friday 感觉有点不对劲', MON, d('2026-11-19', '2026-11-20')],
  ['周四周五', MON, d('2026-11-19', '2026-11-20')],
  ['昨天今天', MON, d('2026-11-22', '2026-11-23')],
  ['那上周四家合计呢', MON, 'last_week'], // four shops, not Thursday
  ['去年上个月', MON, 'unresolved'],
  ['国庆过后那个礼拜呢', MON, d('2026-10-08', '2026-10-14')],
  ['the week after double 11', MON, d('2026-11-12', '2026-11-18')],
  ['跟去年同一个月 compare 一下', MON, 'relative'],
  ['next friday', MON, 'unresolved'],
  // --- two periods compared: the later one when they follow each other (its change is against the one before)
  ['这个月和上个月比怎么样', MON, 'this_month'],
  ['本周和上周对比一下', MON, 'this_week'],
  ['this month vs last month', MON, 'this_month'],
  ['10月和11月哪个卖得好', MON, 'this_month'],
  ['双十一和618比', MON, 'unresolved'], // months apart: which one?
  ['上周和上上周', MON, 'unresolved'], // no comparison said: two periods
  ['sales the last fortnight', MON, d('2026-11-09', '2026-11-22')],
  ['这两天生意咋样', MON, d('2026-11-21', '2026-11-22')],
  ['最近几天的订单', MON, d('2026-11-20', '2026-11-22')],
  ['the past couple of days', MON, d('2026-11-21', '2026-11-22')],
  ['how were the last few days', MON, d('2026-11-20', '2026-11-22')], // not the one day "a few days ago"
  ['三天前', MON, d('2026-11-20')],
  // --- period words as typed in a hurry or said in dialect
  ['how much did i sell last mnth', MON, 'last_month'],
  ['sales lst week', MON, 'last_week'],
  ['prev month', MON, 'last_month'],
  ['revenue this mnth', MON, 'this_month'],
  ['how did we do yesterdy', MON, 'yesterday'],
  ['sales 2day', MON, 'today'],
  ['orders tdy?', MON, 'today'],
  ['sales since the start of the month', MON, 'this_month'],
  ['昨儿个卖了多少', MON, 'yesterday'],
  ['今儿卖得咋样', MON, 'today'],
  ['前儿个', MON, d('2026-11-21')],
  ['prevent waste last week', MON, 'last_week'], // "prev" only before a period word
  // --- lunar and solar-term days from their tables; halves and parts of a named month; typed month-day ranges
  ['七夕', MON, d('2026-08-19')],
  ['去年七夕那天', MON, d('2025-08-29')],
  ['清明节假期', MON, d('2026-04-04', '2026-04-06')],
  ['重阳节', MON, d('2026-10-18')],
  ['520那天', MON, d('2026-05-20')],
  ['暑假期间卖了多少', MON, d('2026-07-01', '2026-08-31')],
  ['十月上半月', MON, d('2026-10-01', '2026-10-15')],
  ['10月后半个月', MON, d('2026-10-16', '2026-10-31')],
  ['early November', MON, d('2026-11-01', '2026-11-10')],
  ['mid-October', MON, d('2026-10-11', '2026-10-20')],
  ['the first half of October', MON, d('2026-10-01', '2026-10-15')],
  ['end of Oct', MON, d('2026-10-21', '2026-10-31')],
  ['11-1到11-15的销量', MON, d('2026-11-01', '2026-11-15')],
  ['10.1-10.7卖了多少', MON, d('2026-10-01', '2026-10-07')],
  ['11.5块的', MON, undefined], // a lone 11.5 is a price
  ['520块钱', MON, undefined],
  ['从11月9号我 take over 到昨天 两个摊子 total 卖了多少', MON, d('2026-11-09', '2026-11-22')],
  ['上周三直播那天 sales 怎么样', MON, d('2026-11-18')],
  ['上周 GMV 多少 跟前一周比涨了没', MON, 'last_week'],
  ['And over Double 11 week?', MON, d('2026-11-09', '2026-11-15')],
  ['上个约卖的最好的是啥', MON, 'last_month'], // 约 typed for 月
  ['the back half of October', MON, d('2026-10-16', '2026-10-31')],
  ['截至昨天本月的销售额', MON, d('2026-11-01', '2026-11-22')], // the span to yesterday, not yesterday
  ['今年截至昨日', MON, d('2026-01-01', '2026-11-22')],
  ['到昨天为止这个月卖了多少', MON, d('2026-11-01', '2026-11-22')],
  ['this month up to yesterday', MON, d('2026-11-01', '2026-11-22')],
  ['this year excluding today', MON, d('2026-01-01', '2026-11-22')],
  ['从年初到昨天', MON, d('2026-01-01', '2026-11-22')],
  ['黄金周期间', MON, d('2026-10-01', '2026-10-07')],
  ['前天呢 the day before', MON, d('2026-11-21')], // said twice, once relative to the day before: the day said
  ['国庆 golden week 那七天', MON, d('2026-10-01', '2026-10-07')],
  ['元旦放假那三天 生意么样', MON, d('2026-01-01', '2026-01-03')],
  ['中秋那三天假', MON, d('2026-09-25', '2026-09-27')],
  ['烦请统计十月下半月四家分店合计之营业额', MON, d('2026-10-16', '2026-10-31')],
  ['十月四家分店一共卖了多少', MON, 'last_month'], // four shops, not the 4th of October
  ['这个月头十天', MON, d('2026-11-01', '2026-11-10')],
  ['上个月最后五天', MON, d('2026-10-27', '2026-10-31')],
  // The first or last days or weeks of a month: the part, never the whole month.
  ['上个月前两周卖了多少', MON, d('2026-10-01', '2026-10-14')],
  ['10月头十天', MON, d('2026-10-01', '2026-10-10')],
  ['十月前两周的流水', MON, d('2026-10-01', '2026-10-14')],
  ['九月份最后三天', MON, d('2026-09-28', '2026-09-30')],
  ['上上个月后两周', MON, d('2026-09-17', '2026-09-30')],
  ['the first two weeks of October', MON, d('2026-10-01', '2026-10-14')],
  ['the first 10 days of last month', MON, d('2026-10-01', '2026-10-10')],
  ['the last 3 days of September', MON, d('2026-09-28', '2026-09-30')],
  // Days either side of a holiday.
  ['双十一前后三天的营业额', MON, d('2026-11-08', '2026-11-14')],
  ['国庆前后两天', MON, d('2026-09-29', '2026-10-09')],
  ['3 days either side of Singles Day', MON, d('2026-11-08', '2026-11-14')],
  ['双十一那天我买了啥', MON, d('2026-11-11')], // the name with its own time word needs nothing after it
  ['上周周一到周五加起来', MON, d('2026-11-16', '2026-11-20')],
  ['前三季度', MON, d('2026-01-01', '2026-09-30')],
  ['the first three quarters of the year', MON, d('2026-01-01', '2026-09-30')],
  ['今年母亲节那天', MON, d('2026-05-10')],
  ['去年冬至那天', MON, d('2025-12-21')],
  ['除夕那天进账多少 我记着那天吃饺子的人多', MON, d('2026-02-16')], // a later 那天 is the day already named
  ['bought day before yesterday', MON, d('2026-11-21')],
  ['上周的工作日', MON, d('2026-11-16', '2026-11-20')],
  ['上两周', MON, d('2026-11-09', '2026-11-22')],
  ['九、十两个月', MON, d('2026-09-01', '2026-10-31')],
  ['第三季', MON, d('2026-07-01', '2026-09-30')],
  ['sales for the year so far', MON, 'this_year'],
  ['9月和10月加起来卖了多少', MON, d('2026-09-01', '2026-10-31')], // two months side by side: both
  ['九月跟十月的流水', MON, d('2026-09-01', '2026-10-31')],
  ['sales for September and October combined', MON, d('2026-09-01', '2026-10-31')],
  ['9月和11月', MON, undefined], // not side by side: one period cannot say it
  ['中秋那几天生意咋样', MON, d('2026-09-25', '2026-09-27')], // the three-day holiday (Fri–Sun)
  ['端午假期', MON, d('2026-06-19', '2026-06-21')],
  ['中秋节当天', MON, d('2026-09-25')],
  ['这周一直很忙', MON, 'this_week'],
  // --- relative to the previous period (shiftPeriod): nothing on their own
  ['前一周呢', MON, 'relative'],
  ['and the week before that?', MON, 'relative'],
  ['再往前一个月', MON, 'relative'],
  ['the month before', MON, 'relative'],
  ['去年同期呢', MON, 'relative'],
  // --- named but not knowable: unresolved, never a guess
  ['那天卖了多少', MON, 'unresolved'],
  ['上次活动的销售', MON, 'unresolved'],
  ['活动期间', MON, 'unresolved'],
  ['腊八节', MON, 'unresolved'], // no lunar table for 腊八
  ['新年的销售', MON, 'unresolved'],
  ['去年上个月', MON, 'unresolved'],
  ['本周五', MON, 'unresolved'], // this week's Friday has not come yet
  ['下周', MON, 'unresolved'],
  ['2026年12月', MON, 'unresolved'],
  ['Black Friday 2026', MON, 'unresolved'],
  ['2030年春节', MON, 'unresolved'], // outside the Spring Festival table
  ['上周和上上周', MON, 'unresolved'],
  ['2026-10-01 and 2026-10-15', MON, 'unresolved'],
  // --- not periods at all
  ['5号电池卖了多少', MON, undefined],
  ['圣诞树卖了多少', MON, undefined],
  ['christmas tree sales', MON, undefined],
  ['3号店的销售', MON, undefined],
  ['交货期14天呢', MON, undefined],
  ['A路1号', MON, undefined],
  ['卖了618件', MON, undefined],
  ['link codes: once, for 15 minutes', MON, undefined],
  ['the 21st message is refused', MON, undefined],

  // --- a Sunday at the start of March
  ['昨天', SUN, 'yesterday'],
  ['上周五', SUN, d('2026-02-20')],
  ['last Friday', SUN, d('2026-02-27')],
  ['本周五', SUN, d('2026-02-27')],
  ['周末', SUN, d('2026-02-28', '2026-03-01')],
  ['上周末', SUN, d('2026-02-21', '2026-02-22')],
  ['本周', SUN, 'this_week'],
  ['上个月', SUN, 'last_month'],
  ['上上个月', SUN, d('2026-01-01', '2026-01-31')],
  ['the 3rd', SUN, d('2026-02-03')],
  ['30号', SUN, d('2026-01-30')], // February has no 30th
  ['11月11日', SUN, d('2025-11-11')],
  ['九月', SUN, d('2025-09-01', '2025-09-30')],
  ['3月', SUN, 'this_month'],
  ['this quarter', SUN, 'this_year'], // Q1 so far covers exactly the year so far
  ['上个季度', SUN, d('2025-10-01', '2025-12-31')],
  ['春节期间', SUN, d('2026-02-16', '2026-02-23')],
  ['圣诞', SUN, d('2025-12-25')],
  ['双十一期间', SUN, d('2025-11-01', '2025-11-11')],
  ['3月5日到3月12日', SUN, d('2025-03-05', '2025-03-12')],
  ['2月29日', SUN, d('2024-02-29')],
  ['Feb 29', SUN, d('2024-02-29')],
  ['2月30日', SUN, 'unresolved'],
  ['最近两周', SUN, d('2026-02-15', '2026-02-28')],
  ['last 30 days', SUN, 'last_30_days'],
  ['从上周一到昨天', SUN, d('2026-02-16', '2026-02-28')],
  ['元旦以来', SUN, 'this_year'],
  ['sales from 2026-11-16 to 2026-11-22', SUN, 'unresolved'], // in the future

  // --- a leap day
  ['去年今天', LEAP, 'unresolved'], // 2027-02-29 does not exist
  ['春节', LEAP, d('2028-01-25', '2028-02-01')],
  ['上个月', LEAP, 'last_month'],
  ['二月', LEAP, 'this_month'],
  ['上周五', LEAP, d('2028-02-25')],
];

describe('extractPeriod', () => {
  it('has a large table', () => expect(ROWS.length).toBeGreaterThanOrEqual(60));

  it.each(ROWS)('"%s" on %s', (text, today, expected) => {
    const reading = readPeriod(text, today);
    if (expected === 'unresolved' || expected === 'relative') {
      expect(reading?.kind).toBe(expected);
      expect(extractPeriod(text, today)).toBeUndefined();
    } else {
      expect(extractPeriod(text, today)).toEqual(expected);
    }
  });

  it('never returns a period that ends after today, and every one passes the stats tool schema', () => {
    for (const [text, today] of ROWS) {
      const p = extractPeriod(text, today);
      if (!p) continue;
      expect(periodSchema.safeParse(p).success, text).toBe(true);
      const range = resolvePeriod(p, new Date(`${today}T12:00:00+08:00`));
      expect(localDate(new Date(range.to.getTime() - 1)) <= today, text).toBe(true);
    }
  });

  it('names the words the user typed, typos and dialect included, so they can be cut from the product phrase', () => {
    expect(readPeriod('sales last mnth pls', MON)).toMatchObject({ kind: 'period', text: 'last mnth' });
    expect(readPeriod('how much yday', MON)).toMatchObject({ kind: 'period', text: 'yday' });
    expect(readPeriod('昨儿个卖了多少', MON)).toMatchObject({ kind: 'period', text: '昨儿个' });
    expect(readPeriod('sales the last fortnight ok', MON)).toMatchObject({ text: 'the last fortnight' });
  });

  it('findPeriod in the slots delegates to it', () => {
    expect(findPeriod('双十一期间卖了多少', MON)).toEqual(d('2026-11-01', '2026-11-11'));
    expect(findPeriod('那天', MON)).toBeUndefined();
  });
});

describe('the shopping calendar', () => {
  it('has the Spring Festival for 2024–2028', () => {
    expect([2024, 2025, 2026, 2027, 2028].map((y) => springFestival(y))).toEqual(['2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06', '2028-01-26']);
  });
  it.each([
    ['black_friday', 2024, 'day', d('2024-11-29')],
    ['black_friday', 2026, 'day', d('2026-11-27')],
    ['thanksgiving', 2025, 'day', d('2025-11-27')],
    ['spring_festival', 2027, 'window', d('2027-02-05', '2027-02-12')],
    ['lantern', 2026, 'day', d('2026-03-03')],
    ['new_years_eve', 2025, 'window', d('2025-12-31', '2026-01-01')],
    ['spring_festival', 2031, 'window', undefined],
  ] as const)('%s %i (%s)', (key, year, as, expected) => {
    expect(occasionDates(key, year, as)).toEqual(expected);
  });
  it('every occasion has a day in 2026', () => {
    for (const key of Object.keys(OCCASIONS)) expect(occasionDates(key, 2026, 'day'), key).toBeDefined();
  });
});

describe('shiftPeriod: follow-ups relative to the period already in the conversation', () => {
  it.each([
    ['last_week', '前一周呢', MON, d('2026-11-09', '2026-11-15')],
    ['last_week', 'and the week before that?', MON, d('2026-11-09', '2026-11-15')],
    ['last_week', '再往前两周', MON, d('2026-11-02', '2026-11-08')],
    ['this_week', '前一周呢', MON, 'last_week'],
    ['last_month', '再往前一个月', MON, d('2026-09-01', '2026-09-30')],
    ['last_month', 'the month before', MON, d('2026-09-01', '2026-09-30')],
    [d('2026-09-01', '2026-09-30'), '再往前一个月', MON, d('2026-08-01', '2026-08-31')],
    ['this_month', '前一个月呢', MON, 'last_month'],
    ['this_month', '去年同期呢', MON, d('2025-11-01', '2025-11-23')],
    [d('2026-10-01', '2026-10-07'), '去年同期', MON, d('2025-10-01', '2025-10-07')],
    [d('2026-10-01', '2026-10-07'), 'And the same holiday last year?', MON, d('2025-10-01', '2025-10-07')],
    [d('2026-10-01', '2026-10-07'), '那去年这个时候呢', MON, d('2025-10-01', '2025-10-07')],
    [d('2026-10-01', '2026-10-07'), '前一周呢', MON, d('2026-09-24', '2026-09-30')],
    ['last_7_days', 'before that?', MON, d('2026-11-09', '2026-11-15')],
    ['yesterday', '前一天呢', MON, d('2026-11-21')],
    ['last_year', '前一年呢', MON, d('2024-01-01', '2024-12-31')],
    [d('2026-07-01', '2026-09-30'), '前一个季度呢', MON, d('2026-04-01', '2026-06-30')],
    [d('2026-09-01', '2026-10-31'), '再往前呢', MON, d('2026-07-01', '2026-08-31')],
    ['last_week', '后一周呢', MON, 'this_week'],
    ['last_month', 'the month before', SUN, d('2026-01-01', '2026-01-31')],
    ['last_month', '去年同期', SUN, d('2025-02-01', '2025-02-28')],
    [d('2026-01-31'), 'the month after', SUN, 'yesterday'], // Feb 28, clamped
    [d('2026-11-09', '2026-11-22'), 'and the fortnight before?', MON, d('2026-10-26', '2026-11-08')],
    // no follow-up, or none that can be pinned down
    [d('2026-09-01', '2026-09-30'), '前一周呢', MON, undefined], // a week before a month?
    ['this_week', 'the week after', MON, undefined], // the future
    ['last_week', '上周呢', MON, undefined], // absolute: findPeriod reads it
    ['last_week', '那天呢', MON, undefined],
    ['last_week', '上个月的前一周', MON, undefined],
  ] as [Period, string, string, Period | undefined][])('%j then "%s" on %s', (previous, text, today, expected) => {
    expect(shiftPeriod(previous, text, today)).toEqual(expected);
  });
});

describe('partOfEarlierMonth: a part of a month said alone, after a period in one month', () => {
  it.each([
    [d('2026-10-01', '2026-10-15'), '后半个月呢', d('2026-10-16', '2026-10-31')],
    [d('2026-10-01', '2026-10-15'), 'and the second half?', d('2026-10-16', '2026-10-31')],
    [d('2026-09-01', '2026-09-30'), '那下旬呢', d('2026-09-21', '2026-09-30')],
    ['last_month', '月初那几天', d('2026-10-01', '2026-10-10')],
    [d('2026-11-01', '2026-11-15'), '后半个月呢', d('2026-11-16', '2026-11-23')], // to today
    // the message names its own month, or the period before was no single month
    [d('2026-10-01', '2026-10-15'), '上个月后半个月', undefined],
    [d('2026-09-01', '2026-10-31'), '后半个月呢', undefined],
    [d('2026-10-01', '2026-10-15'), '上周呢', undefined],
  ] as [Period, string, Period | undefined][])('%j then "%s"', (previous, text, expected) => {
    expect(partOfEarlierMonth(previous, text, MON)).toEqual(expected);
  });
});

describe('the planner', () => {
  const products = ProductIndex.fromEntries([]);
  const stats = (period: Period): PreviousCall => ({ name: 'merchant_stats', args: { period }, result: { status: 'ok' } });
  const plan = (text: string, previous?: PreviousCall, locale: 'zh' | 'en' = 'zh') => understand(text, { role: 'merchant', locale, today: MON, previous }, products);

  it.each([
    ['前一周呢', stats('last_week'), d('2026-11-09', '2026-11-15')],
    ['and the week before that?', stats('last_week'), d('2026-11-09', '2026-11-15')],
    ['上上个月呢', stats('last_month'), d('2026-09-01', '2026-09-30')],
    ['the month before', stats('last_month'), d('2026-09-01', '2026-09-30')],
    ['上个月呢', stats('last_week'), 'last_month'],
    ['双十一期间的销售', undefined, d('2026-11-01', '2026-11-11')],
    ['前两周生意怎么样', undefined, d('2026-11-09', '2026-11-22')], // nothing before: the past two weeks
  ] as [string, PreviousCall | undefined, Period][])('"%s" asks merchant_stats for the right period', (text, previous, period) => {
    expect(plan(text, previous, /[a-z]/i.test(text) ? 'en' : 'zh')).toMatchObject({ tool: 'merchant_stats', args: { period } });
  });

  it.each([
    ['那天卖了多少', undefined],
    ['上次活动的销售怎么样', undefined],
    ['前一周呢', undefined], // nothing to be relative to
    ['前一周呢', stats(d('2026-09-01', '2026-09-30'))],
  ] as [string, PreviousCall | undefined][])('"%s" asks which period instead of guessing', (text, previous) => {
    expect(plan(text, previous)).toEqual({ reply: expect.stringContaining('哪段时间') });
  });
});

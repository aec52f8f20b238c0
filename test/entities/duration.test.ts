// Lengths of time in days, and the lead time a merchant names for a restock.
import { describe, expect, it } from 'vitest';
import { findDuration } from '../../agents/local-planner/entities/duration.ts';
import { findLeadTimeDays } from '../../agents/local-planner/slots.ts';

describe('findDuration', () => {
  it.each<[string, number | undefined, string?]>([
    ['三周', 21, '三周'],
    ['3周', 21],
    ['一个半月', 45, '一个半月'],
    ['十天', 10],
    ['10天', 10],
    ['两个礼拜', 14, '两个礼拜'],
    ['两星期', 14],
    ['一个星期', 7],
    ['三个月', 90],
    ['半个月', 15],
    ['一周半', 10.5],
    ['两天半', 2.5],
    ['半天', 0.5],
    ['48小时', 2],
    ['5个工作日', 7],
    ['一年', 365],
    ['七八天', 7.5],
    ['１０天', 10, '１０天'],
    ['two weeks', 14, 'two weeks'],
    ['use two full years of history', 730, 'two full years'],
    ['a whole month', 30, 'a whole month'],
    ['a fortnight', 14, 'a fortnight'],
    ['2 fortnights', 28],
    ['10 days', 10],
    ['a week', 7],
    ['a month and a half', 45],
    ['one and a half weeks', 10.5],
    ['two weeks and a half', 17.5],
    ['1.5 weeks', 10.5],
    ['a couple of weeks', 14],
    ['a 10-day lead time', 10, '10-day'],
    ['3 business days', 4.2],
    ['36 hours', 1.5],
    // not lengths of time
    ['3月', undefined], // March
    ['10日', undefined], // the 10th
    ['周三', undefined], // Wednesday
    ['星期三', undefined],
    ['第三周', undefined],
    ['3周年', undefined],
    ['2025年', undefined],
    ['二零二五年', undefined],
    ['三年级', undefined],
    ['几天', undefined],
    ['a few days', undefined],
    ['本周', undefined],
    ['this month', undefined],
    ['3号店', undefined],
    ['3瓶', undefined],
  ])('%s → %s', (input, days, text) => {
    const d = findDuration(input);
    expect(d?.days).toBe(days);
    if (text) expect(d?.text).toBe(text);
  });
});

describe('findLeadTimeDays', () => {
  it.each<[string, number | undefined]>([
    ['交货期14天呢', 14],
    ['交货期是两周', 14],
    ['交期三周', 21],
    ['交期一个半月', 45],
    ['到货时间两个礼拜', 14],
    ['14天到货', 14],
    ['两周交货', 14],
    ['要10天才到', 10],
    ['提前期5个工作日', 7],
    ['交货期一周半', 11], // whole days, rounded up
    ['lead time of 10 days', 10],
    ['lead time is two weeks', 14],
    ['lead time a fortnight', 14],
    ['delivery takes 2 weeks', 14],
    ['it arrives in 10 days', 10],
    ['a 10-day lead time', 10],
    ['10 days lead time', 10],
    ['补货建议，交货期两周，服务水平95%', 14],
    ['交货期１０天', 10],
    // how merchants say it in passing: the arrival after the number, the wait, the supplier, the next day
    ['下单后十来天到', 10],
    ['货要半个月才能到', 15],
    ['我们进货要等十天', 10],
    ['订了一般一个礼拜到', 7],
    ['厂家发货到店要四五天', 5],
    ['隔天就到', 1],
    ['next-day delivery', 1],
    ['the distributor needs about a week and a half', 11],
    ['配送三到五天', 5], // a range: the longer wait
    ['delivery 7-10 days', 10],
    ['下单到收货大约10天', 10],
    ['物流要走一个星期', 7],
    ['调货要两天', 2],
    ['交货期改成10天', 10],
    ['lead time: 10d', 10],
    ['lead time 2wks', 14],
    ['takes 6 days to get stock', 6],
    // a duration, but not a lead time; or no duration
    ['十天到期', undefined],
    ['我等十天再说', undefined],
    ['最近7天到今天的销量', undefined],
    ['last 30 days', undefined],
    ['past two weeks sales', undefined],
    ['补货建议', undefined],
    ['交货期怎么算', undefined],
    ['it takes 3 days to sell out', undefined],
    ['交货期14号', undefined],
    ['3月到货', undefined],
  ])('%s → %s', (input, days) => {
    expect(findLeadTimeDays(input)).toBe(days);
  });
});

// A merchant's questions in their own words, first message of a chat: takings, counts, comparisons and what sells
// least are figures; margins, markups and "are my prices too high" are pricing advice (with the cost share read).
import { describe, expect, it } from 'vitest';
import { understand, type Situation } from '../../agents/local-planner/understand.ts';
import { ProductIndex } from '../../tools/catalogue/product-search.ts';

const products = ProductIndex.fromEntries([
  { id: 1, nameZh: '安踏运动袜 黑色', nameEn: 'Anta sports socks black', brand: 'Anta', category: 'sports', itemZh: '运动袜', itemEn: 'sports socks', listPrice: 2900 },
]);
const merchant = (locale: Situation['locale']): Situation => ({ role: 'merchant', locale, today: '2026-11-23', shops: [] });
const plan = (text: string) => understand(text, merchant(/[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en'), products) as { tool?: string; args?: Record<string, unknown> };

describe("a merchant's figures in other words", () => {
  it.each([
    '赚了多少', '这周挣了多少钱', '卖出去多少件', '多少人来买过', '客流量怎么样', '同比增长多少', '两家店对比一下', '哪个商品卖不动',
    '我的顾客喜欢什么', 'how much money did we make', 'average basket size', 'compare my shops', 'slow movers',
    'which day of the week is busiest', 'most popular products', 'how many customers came in last week',
  ])('%s → merchant_stats', (text) => expect(plan(text).tool).toBe('merchant_stats'));
});

describe('reviews and anomalies in other words', () => {
  it.each(['我老公说上周一那天突然卖得特别多 是不是哪里出问题了', '最近有没有 refund spike 或者差评突然变多的情况', '上个月有没有哪天生意特别差的', 'any pricing mistakes on our listings?', '上个月有没有哪天销量特别不正常'])('%s → anomaly_alerts', (text) => expect(plan(text).tool).toBe('anomaly_alerts'));
  it.each(['我家店平均几星', 'is our average score getting better month by month?'])('%s → satisfaction_report', (text) => expect(plan(text).tool).toBe('satisfaction_report'));
  it('keeps the look-back apart from the period asked about', () => {
    expect(plan('any red flags last week vs the previous 10 weeks?')).toMatchObject({ tool: 'anomaly_alerts', args: { period: 'last_week', lookbackDays: 70 } });
  });
  it('reads the dates said outright next to a holiday', () => {
    expect(plan('anything unusual around Double 11, Nov 9 to Nov 15?')).toMatchObject({ tool: 'anomaly_alerts', args: { period: { from: '2026-11-09', to: '2026-11-15' } } });
  });
  it('is small talk when it is about the weather, a day named or not', () => expect(plan('请问今天武汉会不会下雪？门口的旧书摊要不要提前收进来。').tool).toBeUndefined());
  it.each(['昨天太累了', '周末愉快', '下周见', 'see you next week', 'what day is it today'])('"%s" names a day but asks for no figures', (text) => expect(plan(text).tool).toBeUndefined());
  it.each([['上周呢', 'last_week'], ['昨天的', 'yesterday'], ['上个月多少', 'last_month'], ['last week?', 'last_week']])('"%s" asks for that period', (text, period) => expect(plan(text)).toMatchObject({ tool: 'merchant_stats', args: { period } }));
});

describe('pricing in other words', () => {
  it.each([
    ['价格定高了吗', undefined],
    ['我卖的东西贵不贵', undefined],
    ['毛利两成五的话呢', 0.75],
    ['毛利三成', 0.7],
    ['成本占六成', 0.6],
    ['进价是售价的一半', 0.5],
    ['our markup is 40%', 0.71], // cost 100, price 140
    ['加价五成卖的', 0.67],
    ['cost is 60% of the price', 0.6],
  ])('%s → pricing_advice, cost share %s', (text, costRatio) => {
    expect(plan(text)).toMatchObject({ tool: 'pricing_advice' });
    expect(plan(text).args?.costRatio).toBe(costRatio);
  });
});

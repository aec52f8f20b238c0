// What a shopper wants suggestions for, said as a use or occasion, and a merchant asking to charge
// some people more: read from varied wordings, with look-alikes that must not be taken for them.
import { describe, expect, it } from 'vitest';
import { findNeed } from '../../agents/local-planner/entities/need.ts';
import { asksUnfairPricing } from '../../agents/local-planner/unfair-pricing.ts';
import { anomalySlots } from '../../agents/local-planner/anomaly-slots.ts';
import { detectLocale } from '../../agents/local-planner/understand.ts';

describe('a need in words', () => {
  it.each([
    ['推荐点拖地用的', '拖地'],
    ['想买些露营时用的', '露营'],
    ['来点夜宵吃的吧', '夜宵'],
    ['考研冲刺阶段了 天天熬夜 推荐点提神的东西 续命用', '提神'],
    ['有没有适合送长辈的', '送长辈'],
    ['给宝宝准备的东西推荐一下', '宝宝'],
    ['any picnic stuff worth getting?', 'picnic'],
    ['what would be good for a long train ride', 'long train'],
    ['suggest some gym essentials', 'gym'],
    ['anything useful for cooking dinner?', 'cooking dinner'],
  ])('%s → %s', (text, need) => {
    expect(findNeed(text)).toBe(need);
  });

  it.each([
    '推荐点东西',
    '推荐几个零食',
    'what should I buy next?',
    'recommend something for me',
    'anything for under 30 yuan?',
    'good stuff near me',
    '我接下来该买什么',
    '推荐点二十块以内吃的', // a budget, not a use
    'only stuff I can get nearby please',
  ])('%s → no need', (text) => {
    expect(findNeed(text)).toBeUndefined();
  });
});

describe('charging some people more', () => {
  it.each([
    '对外地游客能不能卖贵一点',
    '会员反正都会买，给他们提价行吗',
    '苹果用户是不是可以收高一点',
    '按年龄定价可以吗',
    '我想搞大数据杀熟',
    'should I charge women more for the same shampoo?',
    'can we raise prices for loyal customers, they will buy anyway',
    'set different prices based on gender',
  ])('%s', (text) => {
    expect(asksUnfairPricing(text)).toBe(true);
  });

  it.each([
    '给老顾客打个折',
    '会员价怎么定',
    '哪些客群该发优惠券',
    '原材料涨价了，我要不要提价',
    'which segments should get a discount?',
    'how price sensitive are my regulars?',
  ])('%s → not that', (text) => {
    expect(asksUnfairPricing(text)).toBe(false);
  });
});

describe('the history an anomaly is judged against', () => {
  it.each<[string, number | undefined]>([
    ['这周的异常，跟过去半年比', 183],
    ['回看半年的数据再看看', 183],
    ['look back over the last 90 days', 90],
    ['上个月有没有哪天销量特别不正常', undefined],
    ['最近半年的销量', undefined], // a period asked about, not a baseline
  ])('%s → %s days', (text, days) => {
    expect(anomalySlots(text).lookbackDays).toBe(days);
  });
});

describe('the language a reply is written in', () => {
  it.each([
    ['附近哪里有卖洗衣液', 'zh'],
    ['fujin 哪里有卖 yoga mat 的, budget 150 以内', 'zh'],
    ['last week 有没有 refund 突然变多的', 'zh'],
    ["How did 青柠运动(广埠屯店) do last month? They're right across the street from us.", 'en'],
    ['is 8 yuan a fair price for Nongfu Spring water?', 'en'],
  ])('%s → %s', (text, locale) => {
    expect(detectLocale(text)).toBe(locale);
  });
});

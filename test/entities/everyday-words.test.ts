// Shoppers' everyday words, first message of a chat: goods by their everyday names ("coke", "nappies", "卷纸"), a place
// to buy named goods (a search) against suggestions, amounts said without 每 / 共, money slang, how near, and what is
// no shopping at all (a translation).
import { describe, expect, it } from 'vitest';
import { understand, type Situation } from '../../agents/local-planner/understand.ts';
import { ProductIndex } from '../../tools/catalogue/product-search.ts';
import { inCatalogueWords } from '../../tools/catalogue/goods-words.ts';

const products = ProductIndex.fromEntries([
  { id: 1, nameZh: '可口可乐可乐 330ml', nameEn: 'Coca-Cola cola 330ml', brand: 'Coca-Cola', category: 'snacks', itemZh: '可乐', itemEn: 'cola', listPrice: 300 },
  { id: 2, nameZh: '帮宝适纸尿裤 M码', nameEn: 'Pampers diapers M', brand: 'Pampers', category: 'baby', itemZh: '纸尿裤', itemEn: 'diapers', listPrice: 8900 },
  { id: 3, nameZh: '维达卫生纸 10卷', nameEn: 'Vinda toilet paper 10 rolls', brand: 'Vinda', category: 'cleaning', itemZh: '卫生纸', itemEn: 'toilet paper', listPrice: 2990 },
  { id: 4, nameZh: '光明酸奶 单杯', nameEn: 'Bright yogurt single cup', brand: 'Bright', category: 'fresh', itemZh: '酸奶', itemEn: 'yogurt', listPrice: 500 },
  { id: 5, nameZh: '安克充电宝 10000mAh', nameEn: 'Anker power bank 10000mAh', brand: 'Anker', category: 'digital', itemZh: '充电宝', itemEn: 'power bank', listPrice: 12900 },
  { id: 7, nameZh: '三只松鼠坚果 每日坚果', nameEn: 'Three Squirrels mixed nuts daily', brand: 'Three Squirrels', category: 'snacks', itemZh: '坚果', itemEn: 'mixed nuts', listPrice: 3990 },
  { id: 6, nameZh: '飘柔洗发水 400ml', nameEn: 'Rejoice shampoo 400ml', brand: 'Rejoice', category: 'cleaning', itemZh: '洗发水', itemEn: 'shampoo', listPrice: 3290 },
]);
const shopper = (locale: Situation['locale']): Situation => ({ role: 'shopper', locale, today: '2026-11-23' });
const plan = (text: string) => understand(text, shopper(/[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en'), products) as { tool?: string; args?: Record<string, unknown>; reply?: string };

describe('everyday names for goods', () => {
  it.each([
    ['coke 3.5', 'cola'],
    ['耳机多少钱', '蓝牙耳机'],
    ['湿纸巾', '湿巾'],
    ['推车', '婴儿推车'],
  ])('%s is read with the catalogue word %s', (text, word) => expect(inCatalogueWords(text)).toContain(word));
  it('leaves the catalogue\'s own words and brands alone', () => {
    expect(inCatalogueWords('蓝牙耳机')).toBe('蓝牙耳机');
    expect(inCatalogueWords('防晒霜')).toBe('防晒霜');
    expect(inCatalogueWords('Coca-Cola 2L')).toBe('Coca-Cola 2L');
  });
  it.each([
    ['where can i buy nappies', 'nearby_shops'],
    ['附近哪有卖卷纸的', 'nearby_shops'],
    ['coke 3.5 fair?', 'price_check'],
    ['I bought 4 cans of coke, 3.5 each', 'record_purchase'],
  ])('%s → %s', (text, tool) => expect(plan(text).tool).toBe(tool));
});

describe('a place for named goods is a search; suggestions keep the goods named', () => {
  it.each([
    '推荐个附近能买充电宝的地方', 'any good power banks around here?', 'I need a power bank, any suggestions where?', '30块以内的充电宝',
  ])('%s → nearby_shops', (text) => expect(plan(text).tool).toBe('nearby_shops'));
  it.each([['推荐几款洗发水', '洗发水'], ['recommend a good shampoo', 'shampoo']])('%s → recommend for %s', (text, need) => {
    expect(plan(text)).toMatchObject({ tool: 'recommend', args: { need } });
  });
  it('reads "what should I stock up on" as suggestions, with the brand left out', () => {
    expect(plan('What should I stock up on this week? Nothing from Three Squirrels, please.')).toMatchObject({ tool: 'recommend', args: { exclude: 'Three Squirrels' } });
  });
});

describe('a price asked about the goods just searched for', () => {
  const search = { name: 'nearby_shops', args: { query: 'power bank' }, result: { status: 'asked' } };
  const after = (text: string) => understand(text, { ...shopper('en'), previous: search }, products) as { tool?: string; args?: Record<string, unknown> };
  it('is a price check of those goods', () => expect(after('OK, then at least tell me if 99 yuan is a decent price for it.')).toEqual({ tool: 'price_check', args: { product: 'power bank', price: 99 } }));
  it('while a cap is still a search', () => expect(after('any under 99?')).toMatchObject({ tool: 'nearby_shops', args: { maxPrice: 99 } }));
});

describe('amounts, counts and money words', () => {
  it.each([
    ['记一笔 酸奶6杯 18块', 3, 6], // 6 cups for 18: the catalogue's cup is ¥5, not ¥18
    ['买了3瓶可乐 9块', 3, 3],
    ['log 4 cans of coke 10 yuan', 2.5, 4],
  ])('%s → ¥%s each, %s of them', (text, price, quantity) => expect(plan(text)).toMatchObject({ tool: 'record_purchase', args: { price, quantity } }));
  it('keeps a price check a price check', () => expect(plan('买了3瓶可乐 9块 贵吗').tool).not.toBe('record_purchase'));
});

describe('how near, and what is no shopping', () => {
  it.each(['附近哪里有卖充电宝的要离我近一点的', '哪里有卖酸奶 不要太远'])('%s sorts by distance', (text) => expect(plan(text).args?.sort).toBe('distance'));
  it.each<[string, number]>([['走路10分钟能到的卖酸奶的店', 0.8], ['附近哪里有可乐 步行15分钟以内', 1.3], ['yogurt within a 10 minute walk', 0.8], ['骑车20分钟能到的卖纸尿裤的店', 5]])('%s: minutes of walking or cycling are a radius of %s km', (text, km) => {
    expect(plan(text)).toMatchObject({ tool: 'nearby_shops', args: { radiusKm: km } });
  });
  it('a radius alone makes it a search ("any bakery within 2km")', () => expect(plan('any bakery within 2km')).toMatchObject({ tool: 'nearby_shops', args: { query: 'bakery', radiusKm: 2 } }));
  it('"cheap" sorts by price', () => expect(plan('where can I get yogurt cheap nearby').args?.sort).toBe('price'));
  it('a translation is no search', () => expect(plan("can you help me say 'I'm allergic to peanuts' in Chinese?").tool).toBeUndefined());
  it.each(['明天CET6考试 wish me luck 哈哈', '我头有点疼，该吃什么药', '今天武汉会不会下雪'])('%s is small talk, no tool', (text) => expect(plan(text).tool).toBeUndefined());
  it('a purchase said as "I got … for 33.9" is logged, not declined as an action', () => {
    expect(plan('on the 20th I got Anker power bank for 33.9, paid from my wallet')).toMatchObject({ tool: 'record_purchase', args: { price: 33.9, date: '2026-11-20' } });
  });
  it.each<[string, string]>([['11月20号买了可乐 12.9', '2026-11-20'], ['上个月15号买的酸奶 6块', '2026-10-15']])('%s: a purchase dated by its day', (text, date) => {
    expect(plan(text)).toMatchObject({ tool: 'record_purchase', args: { date } });
  });
  it('"11月20日买了什么" asks what the shopper bought', () => expect(plan('11月20日买了什么').tool).toBe('customer_profile'));
  it('a purchase paid with 花呗 is a purchase, paid that way', () => {
    expect(plan('刚用花呗买了一瓶飘柔洗发水，26块9，帮我record')).toMatchObject({ tool: 'record_purchase', args: { price: 26.9, paymentMethod: 'pay_later' } });
  });
  it('money to put away with "any suggestions" is a wealth question', () => {
    expect(plan("I'd like to park about 5k somewhere safe for roughly six months. Any suggestions?")).toMatchObject({ tool: 'wealth_products', args: { amount: 5000, horizonMonths: 6 } });
  });
  it('a request with suggestion words is no purchase, whatever the model guesses', () => {
    expect(plan('Recommend some baby things for my new nephew, two hundred and fifty max per item.')).toMatchObject({ tool: 'recommend', args: { budget: 250 } });
  });
  it.each(['那我去得最多的是哪家 shop', 'hw much did i spnd in the past 3 mnths', 'hey do u keep a list of the stuff I buy?', '你都给我记了些啥'])('%s is about the shopper', (text) => expect(plan(text).tool).toBe('customer_profile'));
});

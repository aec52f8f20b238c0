// The product a message names (jieba + the catalogue's words + the corpus's asking words), and follow-ups
// and corrections that edit the active task's slots instead of starting over.
import { describe, expect, it } from 'vitest';
import { understand, type PreviousCall, type Situation } from '../../agents/local-planner/understand.ts';
import { PhraseReader } from '../../agents/local-planner/entities/product-phrase.ts';
import { withoutNegated } from '../../agents/local-planner/continue-task.ts';
import { ProductIndex } from '../../tools/catalogue/product-search.ts';

const products = ProductIndex.fromEntries([
  { id: 1, nameZh: '蓝月亮洗衣液 2kg', nameEn: 'Blue Moon laundry detergent 2kg', brand: 'Blue Moon', category: 'cleaning', itemZh: '洗衣液', itemEn: 'laundry detergent', listPrice: 4500 },
  { id: 2, nameZh: '奥妙洗衣液 2kg', nameEn: 'OMO laundry detergent 2kg', brand: 'OMO', category: 'cleaning', itemZh: '洗衣液', itemEn: 'laundry detergent', listPrice: 4000 },
  { id: 3, nameZh: '华为充电宝 10000mAh', nameEn: 'Huawei power bank 10000mAh', brand: 'Huawei', category: 'digital', itemZh: '充电宝', itemEn: 'power bank', listPrice: 12900 },
  { id: 4, nameZh: '小米充电宝 10000mAh', nameEn: 'Xiaomi power bank 10000mAh', brand: 'Xiaomi', category: 'digital', itemZh: '充电宝', itemEn: 'power bank', listPrice: 9900 },
  { id: 5, nameZh: '乐事薯片 70g', nameEn: "Lay's potato chips 70g", brand: "Lay's", category: 'snacks', itemZh: '薯片', itemEn: 'potato chips', listPrice: 790 },
]);
const reader = new PhraseReader(products);

describe('the product phrase', () => {
  it.each([
    ['附近哪里有卖洗衣液啊', '洗衣液'],
    ['找个充电宝', '充电宝'],
    ['蓝月亮洗衣液 2kg 贵吗', '蓝月亮洗衣液 2kg'],
    ['记一下 我买了乐事薯片70g', '乐事薯片 70g'],
    ['where can I buy power banks pls', 'power banks'],
    ['Need laundry detergent asap, who has it close by?', 'laundry detergent'], // "asap" says how soon, not what
    ['无人机哪里有卖', '无人机'], // not in the catalogue: kept, so the answer can say nobody sells it
    ['瑞幸拿铁多少钱', '瑞幸拿铁'], // single characters jieba could not place are one unknown word
  ])('%s → %s', (text, phrase) => {
    expect(reader.phrase(text)).toBe(phrase);
  });

  it.each(['离我最近的是哪家', '那评分最好的呢', '我想买点东西', '有便宜点的吗', 'any cheaper ones near me?'])('%s names no product', (text) => {
    expect(reader.phrase(text)).toBe('');
  });
});

describe('what a correction says is wrong is not read', () => {
  it.each([
    ['不是昨天，是前天', '前天'],
    ['oops, 42 not 52', '42'],
    ['不是50是45', '是45'],
  ])('%s keeps %s', (text, kept) => {
    const rest = withoutNegated(text);
    expect(rest).toContain(kept);
    expect(rest).not.toMatch(/昨天|52|50/);
  });
});

const MON = '2026-11-23';
const as = (role: Situation['role'], previous: PreviousCall, locale: Situation['locale'] = 'zh', shops?: Situation['shops']): Situation => ({ role, locale, today: MON, previous, shops });
const call = (name: string, args: Record<string, unknown>, result: Record<string, unknown> = { status: 'ok' }): PreviousCall => ({ name, args, result });
const TWO_SHOPS = [{ id: 1, nameZh: '小桔服饰(中南路店)', nameEn: 'Little Orange Fashion (Zhongnan Rd)' }, { id: 2, nameZh: '小桔服饰(楚河汉街店)', nameEn: 'Little Orange Fashion (Chuhe Hanjie)' }];

describe('a follow-up or a correction edits the active task', () => {
  it.each<[string, Situation, { tool: string; args: Record<string, unknown> }]>([
    ['华为的有吗', as('shopper', call('nearby_shops', { query: '充电宝', offset: 0 })), { tool: 'nearby_shops', args: { query: '华为 充电宝', offset: 0 } }],
    ['那奥妙的呢', as('shopper', call('price_check', { product: '蓝月亮洗衣液', price: 59 })), { tool: 'price_check', args: { product: '奥妙 洗衣液', price: 59 } }],
    ['如果是49呢', as('shopper', call('price_check', { product: '蓝月亮洗衣液', price: 59 }, { status: 'ok', product: { id: 1 } })), { tool: 'price_check', args: { productId: 1, price: 49 } }],
    ['不是这个，我要的是充电宝', as('shopper', call('nearby_shops', { query: '洗衣液', offset: 0 })), { tool: 'nearby_shops', args: { query: '充电宝', offset: 0 } }],
    ['打错了，是八块', as('shopper', call('record_purchase', { product: '乐事薯片', price: 80 }, { status: 'needs_confirmation' })), { tool: 'record_purchase', args: { product: '乐事薯片', price: 8 } }],
    ['不是昨天，是前天', as('shopper', call('record_purchase', { product: '乐事薯片', price: 8, date: '2026-11-22' }, { status: 'needs_confirmation' })), { tool: 'record_purchase', args: { product: '乐事薯片', price: 8, date: '2026-11-21' } }],
    ['actually it was 3', as('shopper', call('record_purchase', { product: 'potato chips', price: 7.9, quantity: 2 }, { status: 'needs_confirmation' }), 'en'), { tool: 'record_purchase', args: { product: 'potato chips', price: 7.9, quantity: 3 } }],
    ['sorry, I meant the other shop', as('merchant', call('merchant_stats', { period: 'last_week', shopId: 1 }), 'en', TWO_SHOPS), { tool: 'merchant_stats', args: { period: 'last_week', shopId: 2 } }],
    ['那上个月呢', as('merchant', call('anomaly_alerts', { period: 'last_week' })), { tool: 'anomaly_alerts', args: { period: 'last_month' } }],
    ['写错了，是4天', as('merchant', call('restock_forecast', { leadTimeDays: 40 })), { tool: 'restock_forecast', args: { leadTimeDays: 4 } }],
    ['sorry, make that 70%', as('merchant', call('pricing_advice', { costRatio: 0.6 }), 'en'), { tool: 'pricing_advice', args: { costRatio: 0.7 } }],
    ['只要前五名', as('merchant', call('merchant_stats', { period: 'last_month' })), { tool: 'merchant_stats', args: { period: 'last_month', topN: 5 } }],
    ['后半个月呢', as('merchant', call('merchant_stats', { period: { from: '2026-10-01', to: '2026-10-15' } })), { tool: 'merchant_stats', args: { period: { from: '2026-10-16', to: '2026-10-31' } } }],
    ['那上个月呢', as('shopper', call('customer_profile', { period: 'last_week' })), { tool: 'customer_profile', args: { period: 'last_month' } }],
    ['and in September?', as('shopper', call('customer_profile', { period: 'last_month' }), 'en'), { tool: 'customer_profile', args: { period: { from: '2026-09-01', to: '2026-09-30' } } }],
    ['再来几个', as('shopper', call('recommend', { category: 'snacks', budget: 10 }, { status: 'ok', items: [] })), { tool: 'recommend', args: { category: 'snacks', budget: 10, limit: 10 } }],
    ['不要辣的', as('shopper', call('recommend', { category: 'snacks' }, { status: 'ok', items: [] })), { tool: 'recommend', args: { category: 'snacks', exclude: '辣' } }],
    ['那三瓶装的100块呢？', as('shopper', call('price_check', { product: '蓝月亮洗衣液 2kg', price: 40 }, { status: 'ok', product: { id: 1 } })), { tool: 'price_check', args: { product: '蓝月亮洗衣液 3瓶装', price: 100 } }],
    ['Sorry, I mean 鲁巷二店, not the first one.', as('merchant', call('restock_forecast', { shopId: 139, leadTimeDays: 3 }, { status: 'ok' }), 'en', [{ id: 139, nameZh: '楚天文具(鲁巷店)', nameEn: 'Chutian Stationery (Luxiang)' }, { id: 140, nameZh: '楚天文具(鲁巷二店)', nameEn: 'Chutian Stationery (Luxiang 2)' }]), { tool: 'restock_forecast', args: { shopId: 140, leadTimeDays: 3 } }],
    ['最便宜。', as('shopper', call('nearby_shops', { query: '充电宝', radiusKm: 2 }, { status: 'ok', results: [{ offer: { price: 99 } }] })), { tool: 'nearby_shops', args: { query: '充电宝', radiusKm: 2, sort: 'price', offset: 0 } }],
    ['还有一笔 同一天还买了乐事薯片 70g 七块九', as('shopper', call('record_purchase', { product: '蓝月亮洗衣液 2kg', price: 40, date: '2026-11-20' }, { status: 'ok' })), { tool: 'record_purchase', args: { product: '乐事薯片 70g', price: 7.9, date: '2026-11-20' } }],
    ['Make that five grand, same six months.', as('shopper', call('wealth_products', { amount: 2000, horizonMonths: 6 }, { status: 'ok' }), 'en'), { tool: 'wealth_products', args: { amount: 5000, horizonMonths: 6 } }],
    ['weekend %?', as('shopper', call('customer_profile', {}), 'en'), { tool: 'customer_profile', args: {} }],
    ['digital only. 8.', as('shopper', call('recommend', {}, { status: 'ok', items: [{ productId: 5, name: '乐事薯片 70g' }] }), 'en'), { tool: 'recommend', args: { category: 'digital', limit: 8 } }],
    ['Only things I can get in the shops round the corner, like.', as('shopper', call('recommend', { category: 'cleaning' }, { status: 'ok', items: [{ productId: 1, name: '蓝月亮洗衣液 2kg' }] }), 'en'), { tool: 'recommend', args: { category: 'cleaning', nearMe: true } }],
    ['2', as('shopper', call('record_purchase', { product: '洗衣液', price: 40, quantity: 2 }, { status: 'ambiguous', query: '洗衣液', candidates: [{ id: 1, name: '蓝月亮洗衣液 2kg' }, { id: 2, name: '奥妙洗衣液 2kg' }] })), { tool: 'record_purchase', args: { productId: 2, price: 40, quantity: 2 } }],
  ])('%s', (text, situation, plan) => {
    expect(understand(text, situation, products)).toEqual(plan);
  });

  it('thanks with a remark that asks for nothing is thanks; with a request it is the request', () => {
    const shopper = { role: 'shopper' as const, locale: 'en' as const, today: MON };
    for (const t of ['Sweet as, cheers for that', 'Thank you o. I go try am small small.', '好的谢谢你啊 我去看看']) expect(understand(t, shopper, products)).not.toHaveProperty('tool');
    expect(understand('第三个 no thanks 不喜欢', { ...shopper, previous: { name: 'recommend', args: {}, result: { status: 'ok', items: [{ productId: 1 }, { productId: 2 }, { productId: 3 }] } } }, products)).toMatchObject({ tool: 'feedback' });
    expect(understand('谢谢 帮我记一下 买了乐事薯片 3块', shopper, products)).toMatchObject({ tool: 'record_purchase' });
    expect(understand('thanks, where can I buy power banks', shopper, products)).toMatchObject({ tool: 'nearby_shops' });
  });

  it('a price question with no price asks for it; it is no shop search', () => {
    for (const t of ['乐事薯片贵吗', '帮我看看乐事薯片贵不贵']) expect(understand(t, { role: 'shopper', locale: 'zh', today: MON }, products)).toMatchObject({ pending: { tool: 'price_check' } });
  });

  it('money to put away for a while is a wealth question; two requests in one message answer the first', () => {
    const shopper = { role: 'shopper' as const, locale: 'en' as const, today: MON };
    expect(understand("I've got like two grand sitting around doing nothing. Anything decent for six months?", shopper, products)).toEqual({ tool: 'wealth_products', args: { amount: 2000, horizonMonths: 6 } });
    expect(understand('我有十万块 想放一年左右 有什么推荐', { ...shopper, locale: 'zh' }, products)).toMatchObject({ tool: 'wealth_products', args: { amount: 100000, horizonMonths: 12 } });
    expect(understand('上周一共卖了多少 再帮我看看该补啥货', { role: 'merchant', locale: 'zh', today: MON }, products)).toMatchObject({ tool: 'merchant_stats', args: { period: 'last_week' } });
  });

  it('a long story with the request in the middle is read for the request alone', () => {
    const story = '哎呀今天真是累死了，早上送儿子去上学，路上碰到以前的老同事，站在路边聊了快半个小时，说她家装修被坑了好几千，唉……对了我想问问你，附近哪里有卖洗衣液的？然后她又说她侄子下个月结婚，我还得琢磨包多少红包，五百会不会少了点，你们记录里有吗';
    expect(understand(story, { role: 'shopper', locale: 'zh', today: MON }, products)).toMatchObject({ tool: 'nearby_shops', args: { query: '洗衣液' } });
  });

  it("a shopper's spend in a period is their profile for that period; a profile question with no time has none", () => {
    const shopper = { role: 'shopper' as const, locale: 'zh' as const, today: MON };
    expect(understand('上上周买东西花了多少', shopper, products)).toEqual({ tool: 'customer_profile', args: { period: { from: '2026-11-09', to: '2026-11-15' } } });
    expect(understand('how much did I spend in October?', { ...shopper, locale: 'en' }, products)).toEqual({ tool: 'customer_profile', args: { period: 'last_month' } });
    expect(understand('你们收集了我哪些信息', shopper, products)).toEqual({ tool: 'customer_profile', args: {} });
  });

  it('a bare yes to a list of kinds logs nothing and asks which', () => {
    const plan = understand('是的', as('shopper', call('record_purchase', { product: '洗衣液', price: 40 }, { status: 'ambiguous', query: '洗衣液', candidates: [{ id: 1, name: '蓝月亮洗衣液 2kg' }, { id: 2, name: '奥妙洗衣液 2kg' }] })), products);
    expect(plan).toEqual({ reply: expect.stringContaining('还没记') });
  });

  it('a suggestion named by its goods is rated; two with those goods are asked about', () => {
    const shown = call('recommend', {}, { status: 'ok', items: [{ productId: 3, name: '华为充电宝 10000mAh' }, { productId: 5, name: '乐事薯片 70g' }, { productId: 4, name: '小米充电宝 10000mAh' }] });
    expect(understand('那个薯片不错', as('shopper', shown), products)).toEqual({ tool: 'feedback', args: { productId: 5, rating: 5 } });
    expect(understand('充电宝不太喜欢', as('shopper', shown), products)).toEqual({ reply: expect.stringMatching(/1\. 华为充电宝[\s\S]*3\. 小米充电宝/) });
    expect(understand('第一个我已经有了', as('shopper', shown), products)).toEqual({ reply: expect.stringContaining('「华为充电宝 10000mAh」你觉得怎么样') });
  });

  it('whether goods can be had for an amount is a capped search, cheapest first', () => {
    expect(understand('想买薯片 五块钱能买到吗', { role: 'shopper', locale: 'zh', today: MON }, products)).toMatchObject({ tool: 'nearby_shops', args: { query: '薯片', maxPrice: 5, sort: 'price' } });
    expect(understand('can I get a power bank for 100 around here?', { role: 'shopper', locale: 'en', today: MON }, products)).toMatchObject({ tool: 'nearby_shops', args: { query: 'power bank', maxPrice: 100 } });
    expect(understand('这个充电宝129 能买到吗 是不是太贵了', { role: 'shopper', locale: 'zh', today: MON }, products)).toMatchObject({ tool: 'price_check' });
  });

  it('"asap" is no part of the goods, "要便宜的" sorts by price', () => {
    expect(understand('i need a power bank asap whats the closest shop', { role: 'shopper', locale: 'en', today: MON }, products)).toMatchObject({ tool: 'nearby_shops', args: { query: 'power bank', sort: 'distance' } });
    expect(understand('哪有卖薯片的 要便宜的', { role: 'shopper', locale: 'zh', today: MON }, products)).toMatchObject({ tool: 'nearby_shops', args: { query: '薯片', sort: 'price' } });
  });

  it('goods, what was paid and a past day said flatly are a purchase told; a price seen that day is not', () => {
    expect(understand("Lay's potato chips 70g x4, 30 total, on Nov 3", { role: 'shopper', locale: 'en', today: MON }, products)).toMatchObject({ tool: 'record_purchase', args: { price: 7.5, quantity: 4, date: '2026-11-03' } });
    expect(understand('昨天 乐事薯片 两包 十五', { role: 'shopper', locale: 'zh', today: MON }, products)).toMatchObject({ tool: 'record_purchase', args: { quantity: 2, date: '2026-11-22' } });
    expect(understand('昨天看到乐事薯片卖十五', { role: 'shopper', locale: 'zh', today: MON }, products)).not.toMatchObject({ tool: 'record_purchase' });
  });

  it('"a little over" a figure goes some way above it (up to 15%); "about" a figure is the figure', () => {
    expect(understand('附近有没有二十块出头的洗衣液', { role: 'shopper', locale: 'zh', today: MON }, products)).toMatchObject({ tool: 'nearby_shops', args: { query: '洗衣液', maxPrice: 23 } });
    expect(understand('附近有没有二十块左右的洗衣液', { role: 'shopper', locale: 'zh', today: MON }, products)).toMatchObject({ tool: 'nearby_shops', args: { query: '洗衣液', maxPrice: 20 } });
  });

  it('a follow-up that names another task starts that task', () => {
    const plan = understand('那上个月的差评呢', as('merchant', call('anomaly_alerts', { period: 'last_week' })), products);
    expect(plan).toMatchObject({ tool: 'satisfaction_report', args: { period: 'last_month' } });
  });
});

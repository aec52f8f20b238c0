// The same request written another way is understood the same: traditional characters, capitals,
// words run together, a title pasted from a shopping app; a "why" about the answer just shown shows
// its reasons again (same task); market news is said to be out of reach, not guessed at.
import { describe, expect, it } from 'vitest';
import { understand, type PreviousCall, type Situation } from '../../agents/local-planner/understand.ts';
import { callsAsWords, fieldsAsWords, simplified, standardWords, withoutSalesWords } from '../../agents/local-planner/entities/written-forms.ts';
import { ProductIndex } from '../../tools/catalogue/product-search.ts';
import { INTENT_REPLIES } from '../../prompts/replies/intent-replies.ts';

const products = ProductIndex.fromEntries([
  { id: 1, nameZh: '蓝月亮洗衣液 2kg', nameEn: 'Blue Moon laundry detergent 2kg', brand: 'Blue Moon', category: 'cleaning', itemZh: '洗衣液', itemEn: 'laundry detergent', listPrice: 4500 },
  { id: 2, nameZh: '维达卫生纸 10卷', nameEn: 'Vinda toilet paper 10 rolls', brand: 'Vinda', category: 'cleaning', itemZh: '卫生纸', itemEn: 'toilet paper', listPrice: 2990 },
  { id: 3, nameZh: '佳洁士牙膏 120g', nameEn: 'Crest toothpaste 120g', brand: 'Crest', category: 'personal_care', itemZh: '牙膏', itemEn: 'toothpaste', listPrice: 1290 },
  { id: 4, nameZh: '迪卡侬跑步鞋 黑色', nameEn: 'Decathlon running shoes black', brand: 'Decathlon', category: 'sports', itemZh: '跑步鞋', itemEn: 'running shoes', listPrice: 19900 },
]);
const TODAY = '2026-11-23';
const at = (role: Situation['role'], locale: Situation['locale'], previous?: PreviousCall): Situation => ({ role, locale, today: TODAY, previous });
const plan = (text: string, s: Situation) => understand(text, s, products) as { tool?: string; args?: Record<string, unknown>; reply?: string };

describe('written another way', () => {
  it('reads traditional characters as simplified ones', () => {
    expect(simplified('請問這附近哪裡買得到牙膏')).toBe('请问这附近哪里买得到牙膏');
    expect(plan('這附近哪裡買得到牙膏', at('shopper', 'zh'))).toMatchObject({ tool: 'nearby_shops', args: { query: '牙膏' } });
    expect(plan('我的信用額度還剩多少', at('shopper', 'zh'))).toMatchObject({ tool: 'credit_line' });
    expect(plan('這個月營業額多少', at('merchant', 'zh'))).toMatchObject({ tool: 'merchant_stats', args: { period: 'this_month' } });
  });

  it('reads capitals and words typed without spaces', () => {
    expect(plan('WHERE CAN I BUY TOOTHPASTE NEARBY', at('shopper', 'en'))).toMatchObject({ tool: 'nearby_shops', args: { query: 'toothpaste' } });
    expect(plan('whereisthecheapesttoothpaste', at('shopper', 'en'))).toMatchObject({ tool: 'nearby_shops', args: { query: 'toothpaste', sort: 'price' } });
    expect(plan('SHOWMESALESFORLASTMONTH', at('merchant', 'en'))).toMatchObject({ tool: 'merchant_stats', args: { period: 'last_month' } });
  });

  it('drops the shop tags and sales words of a pasted title, keeping the product and the price', () => {
    expect(withoutSalesWords('【品牌直营】维达卫生纸 10卷 包邮 券后25元')).toBe('维达卫生纸 10卷 25元');
    expect(plan('【官方旗舰店】维达卫生纸 10卷 到手价25元 划算吗', at('shopper', 'zh'))).toMatchObject({ tool: 'price_check', args: { product: '维达卫生纸 10卷', price: 25 } });
    expect(plan('Crest toothpaste 120g [Official Store] Free Shipping, 15 yuan ok?', at('shopper', 'en'))).toMatchObject({ tool: 'price_check', args: { price: 15 } });
  });
});

describe('dialect and chat words', () => {
  it.each([
    ['这个牙膏卖好多钱', '这个牙膏卖多少钱'],
    ['额度还剩好多', '额度还剩多少'],
    ['好多人都说好', '好多人都说好'], // "many people": left alone
    ['肿么这么贵', '怎么这么贵'],
    ['店里没得货了', '店里没有货了'],
    ['r u open tmrw', 'are you open tomorrow'],
    ['thx, and sth cheaper pls', 'thanks, and something cheaper please'],
    ['Uniqlo jacket', 'Uniqlo jacket'], // no abbreviation inside a word
    ['光明大米五公斤装', '光明大米5kg装'], // sizes as the catalogue writes them
    ['五百毫升的矿泉水', '500ml的矿泉水'],
    ['1.5升可乐', '1.5l可乐'],
    ['巧克力一百克', '巧克力100g'],
  ])('%s → %s', (text, standard) => {
    expect(standardWords(text)).toBe(standard);
  });

  it('is understood as the standard words are', () => {
    expect(plan('佳洁士牙膏在附近卖好多钱', at('shopper', 'zh'))).toMatchObject({ tool: 'nearby_shops', args: { query: '佳洁士牙膏' } });
    expect(plan('r there shops near me w toothpaste', at('shopper', 'en'))).toMatchObject({ tool: 'nearby_shops', args: { query: 'toothpaste' } });
  });
});

describe('"why" about the answer just shown', () => {
  const credit: PreviousCall = { name: 'credit_line', args: {}, result: { status: 'ok' } };
  const alerts: PreviousCall = { name: 'anomaly_alerts', args: { period: 'last_week' }, result: { status: 'ok' } };
  it('shows the same task again, with a period it names', () => {
    expect(plan('怎么这么低啊', at('shopper', 'zh', credit))).toEqual({ tool: 'credit_line', args: {} });
    expect(plan('how come it is so low?', at('shopper', 'en', credit))).toEqual({ tool: 'credit_line', args: {} });
    expect(plan('为什么上个月的也被标出来', at('merchant', 'zh', alerts))).toEqual({ tool: 'anomaly_alerts', args: { period: 'last_month' } });
  });
  it('is not taken for the same task when another is named, or when it asks why the assistant cannot do something', () => {
    expect(plan('why? and what should I restock', at('merchant', 'en', alerts))).toMatchObject({ tool: 'restock_forecast' });
    expect(plan('为什么不能查我朋友的', at('shopper', 'zh', credit)).tool).not.toBe('credit_line');
    const logging: PreviousCall = { name: 'record_purchase', args: { product: '牙膏', price: 12 }, result: { status: 'needs_confirmation' } };
    expect(plan('why?', at('shopper', 'en', logging)).tool).not.toBe('record_purchase');
  });
});

describe('market news', () => {
  it.each(['恒生指数今天跌了多少', '人民币汇率最近怎么样', 'what is the price of gold right now?', 'how are share prices doing today'])('%s: not offered, wealth products suggested', (text) => {
    const l = /[a-z]/i.test(text) ? 'en' : 'zh';
    expect(plan(text, at('shopper', l))).toMatchObject({ reply: INTENT_REPLIES.marketNews(l) });
  });
  it('leaves wealth questions and stock (inventory) questions alone', () => {
    expect(plan('有没有适合我的基金', at('shopper', 'zh')).tool).toBe('wealth_products');
    expect(plan('are we running out of running shoes?', at('merchant', 'en'))).toMatchObject({ tool: 'restock_forecast', args: { product: 'running shoes' } });
    expect(plan('is any stock running low today?', at('merchant', 'en'))).toEqual({ tool: 'restock_forecast', args: {} });
  });
});

describe('labelled fields (a pasted receipt, a developer\'s query string)', () => {
  it.each([
    ['商品名称：立白抽纸 12包\n数量：2\n单价：29.90\n实付：59.80\n帮我记一下', '立白抽纸 12包\n x2\n每件29.90元\n \n帮我记一下'],
    ['query=奶瓶 radius=3km sort=price_asc limit=3', '奶瓶 3km以内 最便宜的排前面 前3个'],
    ['product: coke, qty: 6, total: 18', 'coke, x6, 一共18元'],
    ['q=洗衣液&max_price=30&sort=distance', '洗衣液&30元以内&按距离'],
  ])('%j reads as %j', (text, words) => expect(fieldsAsWords(text)).toBe(words));
  it('leaves a message with one label or none as it is', () => {
    for (const text of ['价格：59 贵吗', 'page 2', '备注：明天到']) expect(fieldsAsWords(text)).toBe(text);
  });
  it('records the pasted receipt at the unit price and count it states', () => {
    expect(plan('商品名称：维达卫生纸 10卷\n数量：2\n单价：29.90\n实付：59.80\n帮我记到购买记录', at('shopper', 'zh'))).toMatchObject({ tool: 'record_purchase', args: { price: 29.9, quantity: 2 } });
  });
});

describe('short forms', () => {
  it.each([['罗技U盘256G的', '罗技U盘256GB的'], ['the 2nd 1 looks gud', 'the 2nd one looks good'], ['500g的牛肉', '500g的牛肉'], ['and the fifty ml one', 'and the 50ml one'], ['a twenty thousand mah power bank', 'a 20000mAh power bank'], ['the one with fifty', 'the one with fifty'], ['And the 2-litre one at 38?', 'And the 2l one at 38?'], ['a 500 gram bag', 'a 500g bag'], ['the two-litre bottle', 'the 2l bottle'], ['a twelve-pack of gel pens', 'a 12-pack of gel pens'], ['一样别超过一张大团结', '一样别超过10块'], ['两张大团结也行', '20块也行'], ['别超过一张红票子', '别超过100块']])('%s reads as %s', (text, words) => expect(standardWords(text)).toBe(words));
});

describe('a request typed like code', () => {
  it.each([
    ['recommend(category="digital", limit=3)', 'recommend digital top 3'],
    ['budget=200', 'budget 200'],
    ['nearby(q="键盘", radius=2km)', 'nearby 键盘 within 2km'],
    ['hello (there)', 'hello (there)'],
    ['a=b is fun', 'a=b is fun'],
  ])('%s → %s', (text, words) => expect(callsAsWords(text)).toBe(words));
});

// What ends a turn without a task (goodbyes, "got it", "that's all", a cheer, asking the assistant's own taste) and what
// a follow-up carries over from the task in view: the period across a merchant's tasks, the rest of the goods after advice
// on one, peers, a dislike of one kind of suggestion, the capabilities asked for at the end of a long introduction.
import { describe, expect, it } from 'vitest';
import { understand, type PreviousCall, type Situation } from '../../agents/local-planner/understand.ts';
import { ProductIndex } from '../../tools/catalogue/product-search.ts';
import { PHRASES } from '../../prompts/replies/phrases.ts';

const products = ProductIndex.fromEntries([
  { id: 1, nameZh: '卫龙辣条 大包', nameEn: 'Weilong spicy strips large', brand: 'Weilong', category: 'snacks', itemZh: '辣条', itemEn: 'spicy strips', listPrice: 590 },
  { id: 2, nameZh: '好孩子奶瓶 160ml', nameEn: 'Goodbaby baby bottle 160ml', brand: 'Goodbaby', category: 'baby', itemZh: '奶瓶', itemEn: 'baby bottle', listPrice: 8900 },
  { id: 3, nameZh: '蓝月亮洗衣液 2kg', nameEn: 'Blue Moon laundry detergent 2kg', brand: 'Blue Moon', category: 'cleaning', itemZh: '洗衣液', itemEn: 'laundry detergent', listPrice: 4590 },
]);
const TODAY = '2026-11-30';
const at = (role: Situation['role'], locale: Situation['locale'], previous?: PreviousCall): Situation => ({ role, locale, today: TODAY, previous, shops: role === 'merchant' ? [{ id: 81, nameZh: '博雅生鲜店(卓刀泉店)', nameEn: 'Boya Fresh (Zhuodaoquan)' }, { id: 82, nameZh: '博雅生鲜店(楚河汉街店)', nameEn: 'Boya Fresh (Chuhe Hanjie)' }] : undefined });
const plan = (text: string, s: Situation) => understand(text, s, products) as { tool?: string; args?: Record<string, unknown>; reply?: string };

describe('turns that end without a task', () => {
  it.each(['bye', '拜拜', '晚安', '886', 'see ya'])('%s gets a goodbye', (text) => {
    const l = /\p{Script=Han}/u.test(text) ? 'zh' : 'en';
    expect(plan(text, at('shopper', l)).reply).toBe(PHRASES.goodbye(l));
  });
  it.each([["Perfect, cheers! That's all for now.", 'en'], ['就这些 谢谢', 'zh']] as const)('%s is thanks, no search', (text, l) => {
    expect(plan(text, at('shopper', l)).reply).toBe(PHRASES.thanks(l));
  });
  it('a cheer with a day in it asks for no figures', () => {
    const stats: PreviousCall = { name: 'merchant_stats', args: { period: 'last_week' }, result: { status: 'ok' } };
    expect(plan('OK 冲 今晚直播加油💪', at('merchant', 'zh', stats)).tool).toBeUndefined();
  });
  it.each(['你喜欢吃热干面吗哈哈', '你觉得iPhone和华为手机哪个拍照好', 'do you like coffee?'])('%s (the assistant\'s own taste) is small talk', (text) => {
    expect(plan(text, at('shopper', /\p{Script=Han}/u.test(text) ? 'zh' : 'en')).tool).toBeUndefined();
  });
  it('a long introduction that ends by asking what it can do gets the capabilities', () => {
    expect(plan('你好 我是樱园超市的店员 老板这几天回老家了 让我先用他的账号看着 这个都能查些啥呀', at('merchant', 'zh')).reply).toBe(PHRASES.capabilities('merchant', 'zh'));
  });
  it('a reaction alone is taken in', () => expect(plan('👍', at('shopper', 'zh')).reply).toBe(PHRASES.acknowledged('zh')));
  it('a short rating of a list item is feedback, not a reaction', () => {
    const suggested: PreviousCall = { name: 'recommend', args: {}, result: { status: 'ok', items: [{ productId: 1 }, { productId: 2 }] } };
    expect(plan('1 👍', at('shopper', 'en', suggested))).toEqual({ tool: 'feedback', args: { productId: 1, rating: 5 } });
    expect(plan('2 no', at('shopper', 'en', suggested))).toEqual({ tool: 'feedback', args: { productId: 2, rating: 1 } });
  });
  it('writing copy is not offered', () => expect(plan('帮我写个促销文案', at('merchant', 'zh')).tool).toBeUndefined());
});

describe('what a follow-up carries over', () => {
  it('the period in view, to another of the merchant\'s tasks', () => {
    const alerts: PreviousCall = { name: 'anomaly_alerts', args: { period: 'last_30_days' }, result: { status: 'ok' } };
    expect(plan('卖得最猛的前三是啥', at('merchant', 'zh', alerts))).toMatchObject({ tool: 'merchant_stats', args: { period: 'last_30_days', topN: 3 } });
    expect(plan('上周的营业额呢', at('merchant', 'zh', alerts))).toMatchObject({ tool: 'merchant_stats', args: { period: 'last_week' } });
  });
  it('the rest of the goods after advice on one', () => {
    const restock: PreviousCall = { name: 'restock_forecast', args: { product: '奶瓶', leadTimeDays: 7, serviceLevel: 0.99 }, result: { status: 'ok' } };
    expect(plan('其他货也一起看看要不要补', at('merchant', 'zh', restock))).toEqual({ tool: 'restock_forecast', args: { leadTimeDays: 7, serviceLevel: 0.99 } });
  });
  it('both shops, and the shop against its peers', () => {
    const alerts: PreviousCall = { name: 'anomaly_alerts', args: { shopId: 81, period: 'last_month' }, result: { status: 'ok' } };
    expect(plan('这周两家店还有没有别的问题', at('merchant', 'zh', alerts)).args?.shopId).toBeUndefined();
    const reviews: PreviousCall = { name: 'satisfaction_report', args: { shopId: 81 }, result: { status: 'ok' } };
    expect(plan('跟周边同行比咋样', at('merchant', 'zh', reviews))).toEqual({ tool: 'satisfaction_report', args: { shopId: 81 } });
  });
  it('a kind of suggestion not wanted keeps the suggestions', () => {
    const suggested: PreviousCall = { name: 'recommend', args: { category: 'snacks' }, result: { status: 'ok', items: [{ productId: 1 }] } };
    expect(plan('辣条就别推了 孩子才四岁', at('shopper', 'zh', suggested))).toMatchObject({ tool: 'recommend', args: { category: 'snacks', exclude: '辣条' } });
  });
  it('a lapsed proposal is shown again on a yes that restates its price', () => {
    const proposed: PreviousCall = { name: 'record_purchase', args: { product: '洗衣液', price: 31.9 }, result: { status: 'needs_confirmation' } };
    expect(plan('对过了 没问题 31.9 记吧', at('shopper', 'zh', proposed))).toEqual({ tool: 'record_purchase', args: { product: '洗衣液', price: 31.9 } });
    expect(plan('对过了 是29.9 记吧', at('shopper', 'zh', proposed)).args?.price).not.toBe(31.9);
  });
  it('a purchase proposed before a detour is proposed again when asked for by name', () => {
    const credit: PreviousCall = { name: 'credit_line', args: {}, result: { status: 'ok' } };
    const proposed: PreviousCall = { name: 'record_purchase', args: { product: '洗衣液', price: 45.9 }, result: { status: 'needs_confirmation' } };
    expect(plan('好，刚才那个洗衣液帮我记上吧', { ...at('shopper', 'zh', credit), earlier: proposed })).toEqual({ tool: 'record_purchase', args: { product: '洗衣液', price: 45.9 } });
  });
});

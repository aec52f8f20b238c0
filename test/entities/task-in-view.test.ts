// What stays in view from one turn to the next: a merchant's shop when they switch task ("差评呢"), their own shop
// named in a declined request, the goods a purchase or a "where is it sold" is about, and plainly impossible actions.
import { describe, expect, it } from 'vitest';
import { understand, type PreviousCall, type Situation } from '../../agents/local-planner/understand.ts';
import { ProductIndex } from '../../tools/catalogue/product-search.ts';

const products = ProductIndex.fromEntries([
  { id: 1, nameZh: '安踏运动袜 黑色', nameEn: 'Anta sports socks black', brand: 'Anta', category: 'sports', itemZh: '运动袜', itemEn: 'sports socks', listPrice: 2900 },
  { id: 2, nameZh: '农夫山泉矿泉水 550ml', nameEn: 'Nongfu Spring mineral water 550ml', brand: 'Nongfu Spring', category: 'snacks', itemZh: '矿泉水', itemEn: 'mineral water', listPrice: 200 },
]);
const shops = [{ id: 5, nameZh: '美宜佳服饰(楚河汉街店)', nameEn: 'Meiyijia Fashion (Chuhe Hanjie)' }, { id: 7, nameZh: '美宜佳服饰(鲁巷店)', nameEn: 'Meiyijia Fashion (Luxiang)' }];
const merchant = (previous?: PreviousCall): Situation => ({ role: 'merchant', locale: 'zh', today: '2026-11-23', shops, previous });
const shopper = (previous?: PreviousCall, locale: Situation['locale'] = 'zh'): Situation => ({ role: 'shopper', locale, today: '2026-11-23', previous });
const plan = (text: string, s: Situation) => understand(text, s, products) as { tool?: string; args?: Record<string, unknown>; reply?: string; pending?: { tool: string; args: Record<string, unknown> } };

describe("a merchant's shop in view", () => {
  const stats: PreviousCall = { name: 'merchant_stats', args: { period: 'last_week', shopId: 7 }, result: { status: 'ok' } };
  it.each([
    ['差评呢', 'satisfaction_report'],
    ['顺便 restock 看下 lead time 5天', 'restock_forecast'],
    ['有什么异常吗', 'anomaly_alerts'],
  ])('%s → %s for the same shop', (text, tool) => {
    expect(plan(text, merchant(stats))).toMatchObject({ tool, args: { shopId: 7 } });
  });
  it('is dropped when all shops or another shop are named', () => {
    expect(plan('四家店加起来的差评呢', merchant(stats)).args?.shopId).toBeUndefined();
    expect(plan('楚河汉街店的差评呢', merchant(stats)).args?.shopId).toBe(5);
  });
  it('stays with a declined request that named it', () => {
    expect(plan('把鲁巷店给差评的顾客电话发我', merchant()).pending).toEqual({ tool: 'satisfaction_report', args: { shopId: 7 } });
  });
  it('takes a bare number in a correction as the lead time said before', () => {
    const restock: PreviousCall = { name: 'restock_forecast', args: { shopId: 7, leadTimeDays: 5 }, result: { status: 'ok' } };
    expect(plan('oops meant 15', merchant(restock))).toEqual({ tool: 'restock_forecast', args: { shopId: 7, leadTimeDays: 15 } });
    expect(plan('show 20', merchant(restock))).toMatchObject({ args: { limit: 20 } });
  });
});

describe('the goods in view', () => {
  it('are the goods of a purchase logged right after a price check', () => {
    const check: PreviousCall = { name: 'price_check', args: { product: 'anta black sports socks', price: 25 }, result: { status: 'ok', product: { id: 1, name: 'Anta sports socks black' } } };
    expect(plan('ok log it, got 2 pairs at 25 each today', shopper(check, 'en'))).toMatchObject({ tool: 'record_purchase', args: { product: 'Anta sports socks black', price: 25, quantity: 2 } });
  });
  it('of an order it cannot place are kept for "where is it sold"', () => {
    const declined = plan('帮我下单两箱农夫山泉矿泉水 送到我家楼下', shopper());
    expect(declined.tool).toBeUndefined();
    expect(declined.pending).toMatchObject({ tool: 'nearby_shops', args: { query: '农夫山泉矿泉水' } });
    const held: PreviousCall = { name: 'nearby_shops', args: declined.pending!.args, result: { status: 'asked' } };
    expect(plan('不能送啊 那附近哪家有卖的 我自己去扛', shopper(held))).toMatchObject({ tool: 'nearby_shops', args: { query: '农夫山泉矿泉水' } });
  });
});

describe('plainly not offered', () => {
  it.each(['上个礼拜在超市买的米有虫子 你能不能帮我退掉啊', '那你帮我把这个月的电费交了行不行', '帮我跟供应商下个单 进货 200 包', 'can you get me a refund for this?'])('%s', (text) => {
    expect(plan(text, shopper()).tool).toBeUndefined();
  });
});

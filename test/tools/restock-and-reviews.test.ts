import { describe, expect, it } from 'vitest';
import { restockForecast } from '../../tools/restock-forecast/index.ts';
import { satisfactionReport } from '../../tools/satisfaction-report/index.ts';
import { merchantOne, useFixture } from '../helpers/deps.ts';
import { NOW } from '../helpers/fixture.ts';

const fixture = useFixture(async (db) => {
  // Shop A (merchant 1) sells 10 × product 3 every week for 40 weeks; shop A has 5 in stock.
  const WEEK = 7 * 86_400_000;
  let id = 1000;
  for (let w = 1; w <= 40; w++) {
    const createdAt = new Date(NOW.getTime() - w * WEEK + 3600_000);
    await db.order.create({ data: { id: ++id, customerId: 2, shopId: 1, createdAt, total: 10 * 1500, paymentMethod: 'debit_wallet', items: { create: [{ productId: 3, quantity: 10, unitPrice: 1500 }] } } });
  }
  await db.offer.create({ data: { shopId: 1, productId: 3, price: 1500, stock: 5, channel: 'offline' } });
  // Reviews: shop A's complaints are about queues; peer shop D (merchant 2, 300 m away) about prices.
  const review = (shopId: number, score: number, text: string, language = 'zh') => ({ shopId, customerId: 1, score, text, language, createdAt: new Date(NOW.getTime() - 5 * 86_400_000) });
  await db.review.createMany({ data: [
    review(1, 2, '排队太久了，收银台只开一个'), review(1, 1, 'The checkout queue was far too long', 'en'), review(1, 3, '结账要等二十分钟'),
    review(1, 5, '东西不错，价格实惠'), review(1, 4, '离学校近，买东西方便'),
    review(3, 2, '太贵了，同样的东西别处便宜很多'), review(3, 2, '价格比别家贵不少'), review(3, 4, '还可以'),
  ] });
});
const restock = (args: Record<string, unknown>, ctx = merchantOne) => restockForecast.run(fixture.deps, ctx, restockForecast.input.parse(args)) as Promise<any>;
const reviews = (args: Record<string, unknown>, ctx = merchantOne) => satisfactionReport.run(fixture.deps, ctx, satisfactionReport.input.parse(args)) as Promise<any>;

describe('restock_forecast', () => {
  it('orders now when stock is below the reorder point, with quantities that can be checked by hand', async () => {
    const r = await restock({ shopId: 1, leadTimeDays: 7, reviewDays: 7 });
    const hand = r.items.find((i: any) => i.productId === 3);
    // Steady 10 a week, no forecast error: lead-time demand 10, safety stock 0, order up to 2 weeks (20) − 5.
    expect(hand).toMatchObject({ stock: 5, status: 'order_now', leadTimeDemand: 10, safetyStock: 0, reorderPoint: 10, orderQuantity: 15 });
    expect(hand.weeklyForecast[0]).toMatchObject({ mean: 10, low: 10, high: 10 });
    expect(hand.stockoutDate).toBe('2026-11-27'); // 5 units at 10 a week: 3.5 days after Monday noon = Friday 00:00
    expect(r.items[0].productId).toBe(3); // order-now items first
    expect(r.policy).toContain('95%');
  });

  it('scales the order with a longer lead time', async () => {
    const r = await restock({ shopId: 1, leadTimeDays: 14, reviewDays: 7 });
    expect(r.items.find((i: any) => i.productId === 3)).toMatchObject({ reorderPoint: 20, orderQuantity: 25 });
  });

  it('refuses another merchant\'s shop', async () => {
    await expect(restock({ shopId: 3 })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('satisfaction_report', () => {
  it('groups complaints into themes with quotes and a suggestion, and compares with nearby peers', async () => {
    const r = await reviews({ shopId: 1, period: 'last_30_days' });
    expect(r).toMatchObject({ reviews: 5, complaints: 3, distribution: [1, 1, 1, 1, 1], averageScore: 3 });
    expect(r.themes[0]).toMatchObject({ key: 'long_queue', reviews: 3, sharePct: 100 });
    expect(r.themes[0].quotes.length).toBe(2);
    expect(r.themes[0].suggestion).toContain('tills');
    expect(r.comparison).toMatchObject({ peerShops: 2, peerReviews: 3, peerAverageScore: 2.67 }); // B (own branch, no reviews) and D
    expect(r.comparison.themes[0]).toMatchObject({ key: 'long_queue', oursPct: 100, peersPct: 0 });
  });

  it('answers in English labels for an English merchant and refuses other merchants\' shops', async () => {
    const r = await reviews({ shopId: 1, period: 'last_30_days' });
    expect(r.themes[0].label).toBe('long checkout queues');
    await expect(reviews({ shopId: 3 })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

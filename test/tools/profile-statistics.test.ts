// customer_profile scores a shopper against a cached population (tools/profile-statistics.ts): the
// RFM scores and the price-vs-market figure must be the ones the per-call scan gave, and follow new
// orders, new offers and the clock.
import { quantileSorted } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../prisma/store.ts';
import type { CallerContext } from '../../tools/context.ts';
import { customerProfile } from '../../tools/customer-profile.ts';
import { useFixture } from '../helpers/deps.ts';
import { NOW } from '../helpers/fixture.ts';

const DAY = 86_400_000;
const SHOPPERS = Array.from({ length: 40 }, (_, i) => 10 + i);

/** 40 shoppers with 0–14 orders each over the last 300 days, a few refunded. */
async function addShoppers(db: Store) {
  let seed = 11;
  const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  await db.customer.createMany({ data: SHOPPERS.map((id) => ({ id, displayName: `s${id}`, ageBand: '25-34', job: 'clerk', habit: 'convenience', homeLat: 30.54, homeLng: 114.36 })) });
  const orders = [];
  const items = [];
  let id = 5000;
  for (const customerId of SHOPPERS) {
    for (let k = Math.floor(random() * 15); k > 0; k--) {
      const productId = 1 + Math.floor(random() * 3);
      const quantity = 1 + Math.floor(random() * 3);
      const unitPrice = [4000, 3900, 1500][productId - 1] + Math.floor(random() * 800) - 400;
      orders.push({ id: ++id, customerId, shopId: 1 + Math.floor(random() * 3), createdAt: new Date(NOW.getTime() - Math.floor(random() * 300 * DAY)), total: quantity * unitPrice, paymentMethod: 'debit_wallet', status: random() < 0.08 ? 'refunded' : 'paid' });
      items.push({ orderId: id, productId, quantity, unitPrice });
    }
  }
  await db.order.createMany({ data: orders });
  await db.orderItem.createMany({ data: items });
}

/** What customer_profile computed on every call before: all shoppers' last 180 days, then quintiles. */
async function referenceRfm(db: Store, customerId: number, now: Date, recencyDays: number | null) {
  const all = await db.order.groupBy({ by: ['customerId'], where: { status: 'paid', createdAt: { gte: new Date(now.getTime() - 180 * DAY) } }, _count: true, _sum: { total: true }, _max: { createdAt: true } });
  const mine = all.find((a) => a.customerId === customerId);
  const score = (values: number[], v: number | undefined) => {
    if (v === undefined || !values.length) return 1;
    const sorted = [...values].sort((a, b) => a - b);
    return 1 + [0.2, 0.4, 0.6, 0.8].filter((q) => v > quantileSorted(sorted, q)).length;
  };
  return {
    r: recencyDays === null ? 1 : 6 - score(all.map((a) => (now.getTime() - a._max.createdAt!.getTime()) / DAY), recencyDays),
    f: score(all.map((a) => a._count), mine?._count), m: score(all.map((a) => a._sum.total ?? 0), mine?._sum.total ?? undefined),
  };
}

/** The shopper's average paid price over the average offer price, in percent (as before: offers grouped per call). */
async function referencePriceVsMarket(db: Store, customerId: number) {
  const lines = await db.orderItem.findMany({ where: { order: { customerId, status: 'paid' } } });
  if (!lines.length) return null;
  const offers = await db.offer.groupBy({ by: ['productId'], where: { productId: { in: lines.map((l) => l.productId) } }, _avg: { price: true } });
  const ratios = lines.map((l) => l.unitPrice / offers.find((o) => o.productId === l.productId)!._avg.price!);
  return Math.round((ratios.reduce((a, b) => a + b, 0) / ratios.length - 1) * 1000) / 10;
}

const shopper = (customerId: number, now = NOW): CallerContext => ({ caller: { role: 'shopper', customerId }, locale: 'en', now });

describe('customer_profile against the cached population', () => {
  const fixture = useFixture(addShoppers);
  const profile = async (customerId: number, now = NOW): Promise<any> => customerProfile.run(fixture.deps, shopper(customerId, now), {});

  it('gives every shopper the RFM scores and market comparison of the per-call scan', async () => {
    const scores = new Set<string>();
    for (const customerId of [1, 2, ...SHOPPERS]) {
      const r = await profile(customerId);
      expect(r.marketing.rfm).toEqual(await referenceRfm(fixture.db, customerId, NOW, r.marketing.recencyDays));
      expect(r.model.priceVsMarketPct).toBe(await referencePriceVsMarket(fixture.db, customerId));
      scores.add(JSON.stringify(r.marketing.rfm));
    }
    expect(scores.size).toBeGreaterThan(10); // the population spreads shoppers over the quintiles
  }, 60_000);

  it('follows a new order, a moved clock and a new offer', async () => {
    const before = await profile(12);
    await fixture.db.order.create({ data: { id: 9000, customerId: 12, shopId: 1, createdAt: new Date(NOW.getTime() - DAY), total: 5_000_000, paymentMethod: 'debit_wallet', items: { create: [{ productId: 1, quantity: 1, unitPrice: 4000 }] } } });
    const after = await profile(12);
    expect(after.marketing.rfm.m).toBe(5);
    expect(after.marketing.rfm).toEqual(await referenceRfm(fixture.db, 12, NOW, after.marketing.recencyDays));
    expect(after.marketing.rfm).not.toEqual(before.marketing.rfm);

    for (const later of [new Date(NOW.getTime() + 11 * 60_000), new Date(NOW.getTime() + 40 * DAY)]) {
      for (const customerId of SHOPPERS.slice(0, 8)) {
        const r = await profile(customerId, later);
        expect(r.marketing.rfm).toEqual(await referenceRfm(fixture.db, customerId, later, r.marketing.recencyDays));
      }
    }

    const market = (await profile(12)).model.priceVsMarketPct;
    await fixture.db.offer.create({ data: { shopId: 1, productId: 1, price: 1000, stock: 5, channel: 'online' } }); // shopper 12 bought product 1
    const cheaper = await profile(12);
    expect(cheaper.model.priceVsMarketPct).toBe(await referencePriceVsMarket(fixture.db, 12));
    expect(cheaper.model.priceVsMarketPct).not.toBe(market);
  }, 60_000);
});

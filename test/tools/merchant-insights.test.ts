import { describe, expect, it } from 'vitest';
import { anomalyAlerts, poissonTail, salesScores } from '../../tools/anomaly-alerts.ts';
import { discountEffect, elasticity, pricingAdvice } from '../../tools/pricing-advice.ts';
import { merchantOne, useFixture } from '../helpers/deps.ts';
import { NOW } from '../helpers/fixture.ts';

const DAY = 86_400_000;
const fixture = useFixture(async (db) => {
  // Shop A: a price typo (hand wash at ¥1 while B sells it at ¥15 and two more shops near that);
  // three refunds on one day of last week, after weeks with none.
  await db.offer.create({ data: { shopId: 1, productId: 3, price: 100, stock: 5, channel: 'offline' } });
  await db.offer.createMany({ data: [{ shopId: 3, productId: 3, price: 1600, stock: 5, channel: 'offline' }, { shopId: 4, productId: 3, price: 1400, stock: 5, channel: 'offline' }] });
  let id = 3000;
  for (let k = 0; k < 3; k++) await db.order.create({ data: { id: ++id, customerId: 2, shopId: 1, createdAt: new Date(NOW.getTime() - 3 * DAY), total: 100, paymentMethod: 'third_party', status: 'refunded' } });
  // A year of orders at shop A from regulars, at the usual price and at a 15% promotion with double the units.
  for (let w = 1; w <= 40; w++) {
    const promo = w % 5 === 0;
    await db.order.create({ data: { id: ++id, customerId: 1, shopId: 1, createdAt: new Date(NOW.getTime() - w * 7 * DAY), total: 0, paymentMethod: 'debit_wallet',
      items: { create: [{ productId: 1, quantity: promo ? 4 : 2, unitPrice: promo ? 3400 : 4000 }] } } });
  }
});

describe('anomaly maths', () => {
  it('flags a collapse against the same weekday, not the normal weekly rhythm', () => {
    const week = [100, 90, 95, 110, 130, 160, 150];
    const values = [...Array.from({ length: 84 }, (_, i) => week[i % 7] + ((i * 7) % 5)), 10, 92, 97];
    const scores = salesScores(values, 84);
    expect(scores[0].z).toBeLessThan(-3.5);
    expect(Math.abs(scores[1].z)).toBeLessThan(3.5);
  });
  it('computes Poisson tails', () => {
    expect(poissonTail(0, 2)).toBeCloseTo(1);
    expect(poissonTail(1, 2)).toBeCloseTo(1 - Math.exp(-2));
    expect(poissonTail(3, 0.05)).toBeLessThan(0.001);
  });
});

describe('anomaly_alerts', () => {
  it('finds the refund spike and the price typo in the merchant\'s own shop', async () => {
    const r: any = await anomalyAlerts.run(fixture.deps, merchantOne, anomalyAlerts.input.parse({}));
    const types = r.alerts.map((a: any) => a.type);
    expect(types).toContain('refund_spike');
    expect(r.alerts.find((a: any) => a.type === 'price_error')).toMatchObject({ shop: 'Shop A', value: 1, expected: 15 });
  });
});

describe('pricing maths', () => {
  it('recovers a known elasticity within products', () => {
    const points = [1, 2, 3].flatMap((product) => [1, 0.9, 0.8].map((r) => ({ product, priceRatio: r, units: 10 * product * Math.pow(r, -2) })));
    expect(elasticity(points).value).toBeCloseTo(-2, 6);
  });
  it('computes the effect of a discount by hand: 10% off at elasticity -2, cost 70%', () => {
    // volume × 0.9^-2 = 1.2346; revenue 0.9 × 1.2346 − 1 = +11.1%; margin (0.2 × 1.2346) / 0.3 − 1 = −17.7%
    expect(discountEffect(0.1, -2, 0.7)).toEqual({ revenuePct: 11.1, marginPct: -17.7 });
  });
});

describe('pricing_advice', () => {
  it('suggests discounts only and never reads protected traits', async () => {
    const r: any = await pricingAdvice.run(fixture.deps, merchantOne, pricingAdvice.input.parse({ shopId: 1, costRatio: 0.3 }));
    for (const s of r.segments) expect(s.suggestion.discountPct).toBeGreaterThanOrEqual(0);
    const regulars = r.segments.find((s: any) => s.segment === 'regulars');
    expect(regulars.elasticity).toBeLessThan(-1); // 15% off doubled the units
    expect(regulars.suggestion.kind).toBe('coupon');
    expect(r.fairness).toContain('never age, gender');
    const text = JSON.stringify(r);
    for (const trait of ['ageBand', '18-24', 'student', 'homeLat']) expect(text).not.toContain(trait);
  });
  it('refuses another merchant\'s shop', async () => {
    await expect(pricingAdvice.run(fixture.deps, merchantOne, pricingAdvice.input.parse({ shopId: 3 }))).rejects.toMatchObject({ code: 'forbidden' });
  });
});

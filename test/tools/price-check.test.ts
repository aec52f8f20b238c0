import { describe, expect, it } from 'vitest';
import { priceCheck } from '../../tools/price-check/index.ts';
import { distribution, judge } from '../../tools/price-check/verdict.ts';
import { shopperAtCampus, useFixture } from '../helpers/deps.ts';

const fixture = useFixture();
const run = (args: Record<string, unknown>, ctx = shopperAtCampus) => priceCheck.run(fixture.deps, ctx, priceCheck.input.parse(args)) as Promise<any>;

describe('price verdict (modified z-score on MAD)', () => {
  // Prices 39.90, 40, 42, 44, 80: median 42, absolute deviations 2.1, 2, 0, 2, 38 -> MAD 2.
  const d = distribution([3990, 4000, 4200, 4400, 8000]);
  it('computes the distribution by hand', () => {
    expect(d).toMatchObject({ n: 5, min: 3990, median: 4200, max: 8000, mad: 200 });
  });
  it('calls 80 overpriced (z = 0.6745 × 38 / 2 = 12.8)', () => {
    expect(judge(8000, d)).toMatchObject({ verdict: 'overpriced', modifiedZ: 12.82 });
  });
  it('calls 48 high (z = 2.02) and 45 fair (z = 1.01)', () => {
    expect(judge(4800, d).verdict).toBe('high');
    expect(judge(4500, d)).toMatchObject({ verdict: 'fair', modifiedZ: 1.01 });
  });
  it('calls a price at or under the lower quartile a good deal', () => {
    expect(judge(3900, d).verdict).toBe('good_deal');
  });
  it('falls back to percent from the median when all shops charge the same', () => {
    const same = distribution([1000, 1000, 1000, 1000]);
    expect(judge(1050, same).verdict).toBe('fair');
    expect(judge(1200, same).verdict).toBe('high');
    expect(judge(1300, same).verdict).toBe('overpriced');
  });
});

describe('price_check', () => {
  it('warns about an overpriced offer and lists cheaper ones nearby and online', async () => {
    const r = await run({ product: '蓝月亮洗衣液 2kg', price: 80 });
    expect(r).toMatchObject({ status: 'ok', verdict: 'overpriced', product: { id: 1 }, distribution: { n: 5, min: 39.9, median: 42, max: 80 } });
    // E (¥44) is 6 km away, outside the 5 km radius.
    expect(r.cheaper.map((c: any) => [c.shopName, c.price, c.online])).toEqual([['F店', 39.9, true], ['A店', 40, false], ['B店', 42, false]]);
    expect(r.cheaper[1].saving).toBe(40);
    expect(r.rule).toContain('MAD');
  });

  it('resolves English names too', async () => {
    const r = await run({ product: 'Blue Moon laundry detergent 2kg', price: 45 }, { ...shopperAtCampus, locale: 'en' });
    expect(r).toMatchObject({ status: 'ok', verdict: 'fair', product: { name: 'Blue Moon laundry detergent 2kg' } });
  });

  it('asks which product when the name fits several equally', async () => {
    const r = await run({ product: '洗衣液', price: 40 });
    expect(r.status).toBe('ambiguous');
    expect(r.candidates.map((c: any) => c.id).sort()).toEqual([1, 2]);
  });

  it('notes the listed price of the shop the shopper names', async () => {
    const r = await run({ productId: 1, price: 45, shopId: 1 });
    expect(r.shop).toEqual({ id: 1, name: 'A店', listedPrice: 40 });
  });

  it('refuses an unknown shop or product with a clear message', async () => {
    await expect(run({ productId: 1, price: 45, shopId: 999 })).rejects.toThrow('999');
    await expect(run({ productId: 999, price: 45 })).rejects.toThrow('999');
  });

  it('says it cannot judge with fewer than three shops', async () => {
    const r = await run({ productId: 2, price: 40 });
    expect(r.verdict).toBe('insufficient_data');
  });
});

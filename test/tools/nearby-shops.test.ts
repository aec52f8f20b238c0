import { describe, expect, it } from 'vitest';
import { nearbyShops } from '../../tools/nearby-shops.ts';
import { shopperAtCampus, useFixture } from '../helpers/deps.ts';

const fixture = useFixture();
const run = (args: Record<string, unknown>, ctx = shopperAtCampus) => nearbyShops.run(fixture.deps, ctx, nearbyShops.input.parse(args)) as Promise<any>;

describe('nearby_shops', () => {
  it('ranks shops by the stated mix of distance, price vs market and rating', async () => {
    const r = await run({ query: '洗衣液' });
    expect(r.status).toBe('ok');
    // A: 0.5 km, ¥40 (median ¥42) ★4.5; B: 1 km ¥42 ★4.0; D: 0.2 km but ¥80 ★3.0; E is 6 km away.
    expect(r.results.map((s: any) => s.name)).toEqual(['A店', 'B店', 'D店']);
    expect(r.results[0].offer).toMatchObject({ productName: '蓝月亮洗衣液 2kg', price: 40 });
    expect(r.results[0].distanceM).toBeGreaterThan(450);
    expect(r.results[0].distanceM).toBeLessThan(550);
    expect(r.results[0].score).toBeCloseTo(0.766, 2);
    expect(r.ranking).toContain('50%');
  });

  it('lists online offers apart from shops nearby', async () => {
    const r = await run({ query: 'laundry detergent' });
    expect(r.online).toEqual([expect.objectContaining({ shopName: 'F店', price: 39.9, url: 'https://f.example/1' })]);
    expect(r.results.some((s: any) => s.name === 'F店')).toBe(false);
  });

  it('leaves out the online shops when the shopper does not want them ("不要网上的"), and only those', async () => {
    const r = await run({ query: 'laundry detergent', exclude: 'online' });
    expect(r.online).toEqual([]);
    expect(r.results.map((s: any) => s.name)).toEqual((await run({ query: 'laundry detergent' })).results.map((s: any) => s.name));
  });

  it('leaves out a brand the shopper does not want, and says so when nothing else is left', async () => {
    const all = await run({ query: '洗衣液' });
    const brands = new Set(all.results.map((s: any) => s.offer.productName.slice(0, 2)));
    expect(brands.has('蓝月')).toBe(true);
    const without = await run({ query: '洗衣液', exclude: '蓝月亮' });
    expect(without.status).toBe('ok');
    expect(without.results.every((s: any) => !s.offer.productName.includes('蓝月亮'))).toBe(true);
    expect(without.results.length).toBeGreaterThan(0);
    expect((await run({ query: '蓝月亮洗衣液', exclude: '洗衣液' })).status).toBe('no_product');
  });

  it('skips offers that are out of stock', async () => {
    const r = await run({ query: '立白洗衣液' });
    expect(r.results.map((s: any) => s.name)).toEqual(['A店']); // D has it at ¥35 but stock 0
  });

  it('filters by a price cap and sorts by price', async () => {
    const r = await run({ query: '蓝月亮洗衣液', sort: 'price', maxPrice: 41 });
    expect(r.results.map((s: any) => [s.name, s.offer.price])).toEqual([['A店', 40]]);
  });

  it('widens with the radius and pages with offset', async () => {
    const wide = await run({ query: '蓝月亮洗衣液', radiusKm: 10, sort: 'distance' });
    expect(wide.results.map((s: any) => s.name)).toEqual(['D店', 'A店', 'B店', 'E店']);
    const page2 = await run({ query: '蓝月亮洗衣液', radiusKm: 10, sort: 'distance', limit: 2, offset: 2 });
    expect(page2.results.map((s: any) => s.name)).toEqual(['B店', 'E店']);
    expect(page2.total).toBe(4);
  });

  it('asks for a location when none is known, and for a product when none is given', async () => {
    expect(await run({ query: '洗衣液' }, { ...shopperAtCampus, location: undefined })).toEqual({ status: 'need_location' });
    expect(await run({})).toEqual({ status: 'need_query' });
  });

  it('says when no product matches', async () => {
    expect(await run({ query: '火箭发动机' })).toMatchObject({ status: 'no_product' });
  });

  it('finds shops by category alone, nearest and best rated first', async () => {
    const r = await run({ category: 'cleaning', radiusKm: 2 });
    expect(r.results.map((s: any) => s.name)).toEqual(['A店', 'D店', 'B店']);
  });

  it('rejects arguments outside the schema', () => {
    expect(() => nearbyShops.input.parse({ query: 'x', radiusKm: 500 })).toThrow();
    expect(() => nearbyShops.input.parse({ query: 'x', lat: 'north' })).toThrow();
  });
});

// The demo world: big enough for every tool, the same every time, and written completely.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_KEYS } from '../tools/catalogue/categories.ts';
import { metresBetween } from '../tools/geo.ts';
import { CAMPUS } from '../prisma/seed/city.ts';
import { writeWorld } from '../prisma/seed/write.ts';
import { generateWorld, type World } from '../prisma/seed/world.ts';
import type { Store } from '../prisma/store.ts';
import { freshStore } from './helpers/store.ts';

const END = new Date('2026-11-22T00:00:00Z');
let world: World;

beforeAll(() => {
  world = generateWorld({ endDate: END });
});

describe('the default demo world', () => {
  it('meets the sizes the tools need', () => {
    expect(world.shops.length).toBeGreaterThanOrEqual(300);
    expect(new Set(world.shops.map((s) => s.category)).size).toBeGreaterThanOrEqual(10);
    expect(world.products.length).toBeGreaterThanOrEqual(3000);
    expect(world.customers.length).toBeGreaterThanOrEqual(2000);
    expect(world.items.length).toBeGreaterThanOrEqual(200_000);
    expect(world.wealthProducts.length).toBeGreaterThanOrEqual(10);
    expect(new Set(world.wealthProducts.map((w) => w.riskLevel))).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  it('spans at least 18 months of orders', () => {
    const times = world.orders.map((o) => o.createdAt.getTime());
    const months = (Math.max(...times) - Math.min(...times)) / (30.44 * 86_400_000);
    expect(months).toBeGreaterThanOrEqual(18);
  });

  it('places shops within ~10 km of the campus', () => {
    const far = world.shops.filter((s) => !s.onlineOnly && metresBetween(CAMPUS, s) > 10_000);
    expect(far.length / world.shops.length).toBeLessThan(0.02);
  });

  it('sells the same product in several shops at different prices, some clearly overpriced', () => {
    const prices = new Map<number, number[]>();
    for (const o of world.offers) prices.set(o.productId, [...(prices.get(o.productId) ?? []), o.price]);
    const multi = [...prices.values()].filter((p) => p.length >= 5);
    expect(multi.length).toBeGreaterThan(500);
    const overpriced = multi.filter((p) => Math.max(...p) > 1.35 * [...p].sort((a, b) => a - b)[p.length >> 1]);
    expect(overpriced.length).toBeGreaterThan(50);
  });

  it('has a double-eleven spike and a spring-festival dip', () => {
    const perDay = new Map<string, number>();
    for (const o of world.orders) {
      const d = new Date(o.createdAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      perDay.set(d, (perDay.get(d) ?? 0) + 1);
    }
    const avg = (days: string[]) => days.reduce((s, d) => s + (perDay.get(d) ?? 0), 0) / days.length;
    const late = ['2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23', '2026-10-24', '2026-10-25', '2026-10-26'];
    expect(perDay.get('2026-11-11')!).toBeGreaterThan(1.6 * avg(late));
    expect(avg(['2026-02-17', '2026-02-18', '2026-02-19'])).toBeLessThan(0.6 * avg(['2026-03-10', '2026-03-11', '2026-03-12']));
  });

  it('has complaints and all kinds of repayments', () => {
    expect(world.reviews.filter((r) => r.score <= 2).length).toBeGreaterThan(200);
    expect(new Set(world.reviews.map((r) => r.language))).toEqual(new Set(['zh', 'en']));
    expect(new Set(world.bills.map((b) => b.status))).toEqual(new Set(['paid_on_time', 'paid_late', 'overdue', 'open']));
    expect(world.accounts.some((a) => a.status === 'overdue')).toBe(true);
  });

  it('is the same world for the same seed and end date', () => {
    const digest = (w: World) => createHash('sha256').update(JSON.stringify([w.shops, w.offers, w.orders.slice(-500), w.items.slice(-500)])).digest('hex');
    expect(digest(generateWorld({ endDate: END, scale: 0.1 }))).toBe(digest(generateWorld({ endDate: END, scale: 0.1 })));
    expect(digest(generateWorld({ endDate: END, scale: 0.1, seed: 7 }))).not.toBe(digest(generateWorld({ endDate: END, scale: 0.1 })));
  });
});

describe('writing a world to the store', () => {
  let db: Store;
  beforeAll(async () => {
    db = await freshStore();
  });
  afterAll(() => db.$disconnect());

  it('writes every row and keeps ids usable for later inserts', async () => {
    const small = generateWorld({ endDate: END, scale: 0.05 });
    await writeWorld(db, small);
    expect(await db.shop.count()).toBe(small.shops.length);
    expect(await db.orderItem.count()).toBe(small.items.length);
    expect(await db.bill.count()).toBe(small.bills.length);
    const extra = await db.merchant.create({ data: { name: 'new' } });
    expect(extra.id).toBe(small.merchants.length + 1);
  });
});

it('covers every category with products', () => {
  expect(new Set(world.products.map((p) => p.category))).toEqual(new Set(CATEGORY_KEYS));
});

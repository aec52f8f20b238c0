// The whole demo world as plain rows, from a seed and an end date. Deterministic: same inputs, same world.
import { dayIndex } from './calendar.ts';
import { Rng } from './rng.ts';
import { WEALTH_PRODUCTS } from './wealth.ts';
import { simulate, simulateCredit } from './world-activity.ts';
import { makeOffers, makeProducts, makeShops } from './world-catalogue.ts';
import { makeCustomers } from './world-people.ts';

export type WorldOptions = {
  seed?: number;
  /** Last day of history (UTC date); defaults to yesterday so "last week" has data. */
  endDate?: Date;
  months?: number;
  /** 1 = the full demo world; smaller for quick tests. */
  scale?: number;
};

export const DEFAULT_SEED = 20261123;

export function defaultEndDate(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1));
}

export function generateWorld(options: WorldOptions = {}) {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  const endDate = options.endDate ?? defaultEndDate();
  const months = options.months ?? 19;
  const endDay = dayIndex(endDate);
  const startDay = endDay - Math.round(months * 30.44);

  const rng = new Rng(seed);
  const products = makeProducts(rng, scale);
  const { shops, merchants } = makeShops(rng, scale);
  const offers = makeOffers(rng, shops, products);
  const customers = makeCustomers(rng, Math.max(20, Math.round(2200 * scale)), shops, products);
  const { orders, items, reviews } = simulate(rng, { startDay, endDay }, shops, products, offers, customers);
  const credit = simulateCredit(rng, customers, orders, startDay, endDay);

  // Shop ratings are what their reviews say.
  const sums = new Map<number, { n: number; total: number }>();
  for (const r of reviews) {
    const s = sums.get(r.shopId) ?? { n: 0, total: 0 };
    s.n++;
    s.total += r.score;
    sums.set(r.shopId, s);
  }
  for (const shop of shops) {
    const s = sums.get(shop.id);
    shop.rating = s ? Math.round((s.total / s.n) * 10) / 10 : 4;
    shop.ratingCount = s?.n ?? 0;
  }
  return { seed, endDate, merchants, shops, products, offers, customers, orders, items, reviews, ...credit, wealthProducts: WEALTH_PRODUCTS };
}

export type World = ReturnType<typeof generateWorld>;

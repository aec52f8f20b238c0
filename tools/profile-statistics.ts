// What customer_profile compares one shopper with, read once per store and kept, not on every call:
// - the RFM population: every shopper's paid orders in the last 180 days (how many, how much, when
//   the last one was), one SQL aggregate kept sorted; rebuilt when an order is added (the highest
//   order id moves) or the clock has moved 10 minutes;
// - market prices: each product's average offer price, rebuilt when an offer is added or after 10 minutes.
// Between rebuilds a profile pays one indexed "highest id" read per table.
import { quantileSorted } from 'simple-statistics';
import type { Store } from '../prisma/store.ts';

const DAY = 86_400_000;
export const RFM_WINDOW_DAYS = 180;
const REFRESH_MS = 10 * 60_000;

export type RfmPopulation = {
  /** orders per shopper, ascending */
  frequency: number[];
  /** spend per shopper (fen), ascending */
  monetary: number[];
  /** each shopper's last order (epoch ms), latest first (= recency ascending) */
  lastOrders: number[];
};

type Entry<T> = { at: number; version: number; value: Promise<T> };

/** A per-store cache entry, rebuilt when the table's highest id moves or `at` is 10 minutes away. */
function cached<T>(cache: WeakMap<object, Entry<T>>, db: Store, at: number, version: number, build: () => Promise<T>): Promise<T> {
  const hit = cache.get(db);
  if (hit && hit.version === version && Math.abs(at - hit.at) < REFRESH_MS) return hit.value;
  const value = build();
  cache.set(db, { at, version, value });
  value.catch(() => cache.delete(db));
  return value;
}

// Prisma's aggregate _max wraps the table in a subquery (a full scan: 166 ms on 1M orders); this is an index read.
const highestOrderId = async (db: Store) => (await db.order.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? 0;
const highestOfferId = async (db: Store) => (await db.offer.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? 0;

const populations = new WeakMap<object, Entry<RfmPopulation>>();

/** The population as of `now` (or of a clock at most 10 minutes away, when no order was added since). */
export async function rfmPopulation(db: Store, now: Date): Promise<RfmPopulation> {
  return cached(populations, db, now.getTime(), await highestOrderId(db), async () => {
    const rows = await db.order.groupBy({
      by: ['customerId'], where: { status: 'paid', createdAt: { gte: new Date(now.getTime() - RFM_WINDOW_DAYS * DAY) } },
      _count: true, _sum: { total: true }, _max: { createdAt: true },
    });
    const ascending = (a: number, b: number) => a - b;
    return {
      frequency: rows.map((r) => r._count).sort(ascending),
      monetary: rows.map((r) => r._sum.total ?? 0).sort(ascending),
      lastOrders: rows.map((r) => r._max.createdAt!.getTime()).sort((a, b) => b - a),
    };
  });
}

/** 1–5: how many of the population's quintile cuts `v` is above (1 when there is no value or no population). */
export function quintileScore(sorted: number[], v: number | undefined): number {
  if (v === undefined || !sorted.length) return 1;
  return 1 + [0.2, 0.4, 0.6, 0.8].filter((q) => v > quantileSorted(sorted, q)).length;
}

/** Days since each shopper's last order as of `now`, ascending. */
export function recencyDays(population: RfmPopulation, now: Date): number[] {
  return population.lastOrders.map((last) => (now.getTime() - last) / DAY);
}

const markets = new WeakMap<object, Entry<Map<number, number>>>();

/** Each product's average offer price (fen), for "do you pay more or less than the market". */
export async function marketPrices(db: Store): Promise<Map<number, number>> {
  return cached(markets, db, Date.now(), await highestOfferId(db), async () =>
    new Map((await db.offer.groupBy({ by: ['productId'], _avg: { price: true } })).map((o) => [o.productId, o._avg.price ?? 0])));
}

// Weekly demand per (shop, product) for restock_forecast as one SQL aggregate (SQLite and PostgreSQL):
// paid units per week back from now, one row per (shop, product) with its weeks packed in a text
// list, so the store returns a few hundred rows instead of every order line of two years (and the
// ORM maps a few hundred rows, not one per product-week: ~4 µs a row through Prisma).
import { LRUCache } from 'lru-cache';
import type { Store } from '../../prisma/store.ts';
import { epochMsSql, joinedSql, listAggSql, num, ordersIn, splitList, WEEK_MS } from '../merchant-stats/sales-sql.ts';
import { sqlIntegers } from '../recommend/data.ts';

export type WeeklyUnits = { shopId: number; productId: number; weeksBack: number; units: number };

/** The statement: one row per (shop, product) with its first sale (ms) and its weeks as 'back:units' items. */
export function weeklyUnitsSql(db: Store, shopIds: number[], since: Date, now: Date, productIds?: number[]): string {
  // "+ 0": the store must not read these products' lines across all shops through the productId index
  // (grows with the whole history); the lines come from this merchant's orders through orderId.
  const products = productIds ? ` WHERE i."productId" + 0 IN (${productIds.length ? sqlIntegers(productIds, 'productIds') : 'NULL'})` : '';
  // The week of an order is worked out once per order (MATERIALIZED), not once per line.
  return `WITH paid AS MATERIALIZED (
      SELECT o."id" AS id, o."shopId" AS shop, ${epochMsSql(db, 'o."createdAt"')} AS ms FROM "Order" o WHERE ${ordersIn(db, shopIds, since, now)} AND o."status" = 'paid'
    ), weekly AS (
      SELECT p.shop AS shop, i."productId" AS product, (${sqlIntegers([now.getTime()], 'now')} - p.ms) / ${WEEK_MS} AS back, SUM(i."quantity") AS units, MIN(p.ms) AS first
      FROM paid p JOIN "OrderItem" i ON i."orderId" = p.id${products} GROUP BY p.shop, i."productId", (${sqlIntegers([now.getTime()], 'now')} - p.ms) / ${WEEK_MS}
    )
    SELECT shop, product, MIN(first) AS first, ${listAggSql(db, joinedSql('back', 'units'))} AS weeks FROM weekly GROUP BY shop, product`;
}

type Demand = { rows: WeeklyUnits[]; firstSaleMs: number };
// A follow-up ("交货期14天", "服务水平99%") asks again within moments about the same two years of weekly sales: they
// are read once per (store, shops, products, minute, orders as they stand), not once a question. The orders' count,
// paid count and last id say whether any changed (one indexed aggregate instead of the ~18 ms weekly read).
const recent = new WeakMap<Store, LRUCache<string, Promise<Demand>>>();

async function ordersVersion(db: Store, shopIds: number[]): Promise<string> {
  const ids = shopIds.filter((id) => Number.isSafeInteger(id));
  if (!ids.length) return 'none';
  const [r] = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT COUNT(*) AS n, SUM(CASE WHEN "status" = 'paid' THEN 1 ELSE 0 END) AS paid, MAX("id") AS last FROM "Order" WHERE "shopId" IN (${ids.join(',')})`);
  return `${String(r?.n ?? 0)}:${String(r?.paid ?? 0)}:${String(r?.last ?? 0)}`;
}

/** Paid units per (shop, product, week back from `now`) since `since`, and the first sale's instant (ms; `now` when none). */
export async function weeklyUnits(db: Store, shopIds: number[], since: Date, now: Date, productIds?: number[]): Promise<Demand> {
  let kept = recent.get(db);
  if (!kept) recent.set(db, (kept = new LRUCache({ max: 200, ttl: 10 * 60_000 })));
  const minute = (d: Date) => Math.floor(d.getTime() / 60_000);
  const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b).join(',');
  const key = [sorted(shopIds), productIds ? sorted(productIds) : '*', minute(since), minute(now), await ordersVersion(db, shopIds)].join('|');
  let found = kept.get(key);
  if (!found) {
    found = readWeeklyUnits(db, shopIds, since, now, productIds);
    kept.set(key, found);
    found.catch(() => kept.delete(key)); // a failed read is not kept
  }
  return found;
}

async function readWeeklyUnits(db: Store, shopIds: number[], since: Date, now: Date, productIds?: number[]): Promise<Demand> {
  const found = await db.$queryRawUnsafe<Record<string, unknown>[]>(weeklyUnitsSql(db, shopIds, since, now, productIds));
  let firstSaleMs = now.getTime();
  const rows: WeeklyUnits[] = [];
  for (const r of found) {
    firstSaleMs = Math.min(firstSaleMs, num(r.first));
    for (const [weeksBack, units] of splitList(r.weeks)) rows.push({ shopId: num(r.shop), productId: num(r.product), weeksBack, units });
  }
  return { rows, firstSaleMs };
}

// The sales figures of a merchant's shops as SQL aggregates that run on SQLite and PostgreSQL alike:
// the store sums the orders and returns a handful of rows (per day, per week, per product), instead
// of every order of the period being mapped into objects and summed here. Shared by merchant_stats,
// restock_forecast and pricing_advice.
import type { Store } from '../../prisma/store.ts';
import { sqlIntegers } from '../recommend/data.ts';
import { TZ_OFFSET_MS } from './period.ts';

export const WEEK_MS = 7 * 86_400_000;

export const isPostgres = (db: Store) => (db as unknown as { _activeProvider?: string })._activeProvider === 'postgresql';

/** Integers come back as number, BigInt or numeric text depending on the driver; a SUM of nothing is NULL. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * An instant as a literal in the DateTime column's own format, so a range on "createdAt" is a range
 * on the (shopId, createdAt) index: SQLite keeps the ISO text Prisma writes ('…+00:00', compared as
 * text), PostgreSQL a timestamp(3) holding UTC.
 */
export function instantSql(db: Store, at: Date): string {
  const iso = at.toISOString();
  if (!ISO_MS.test(iso)) throw new RangeError(`date out of range: ${iso}`);
  return isPostgres(db) ? `TIMESTAMP '${iso.slice(0, 23).replace('T', ' ')}'` : `'${iso.slice(0, 23)}+00:00'`;
}

/** Whether the store can compare with this instant (years 0000–9999). */
export const storableDate = (at: Date) => Number.isFinite(at.getTime()) && ISO_MS.test(at.toISOString());

/** A DateTime column as epoch milliseconds (an integer on both stores). */
export function epochMsSql(db: Store, column: string): string {
  return isPostgres(db)
    ? `CAST(ROUND(date_part('epoch', ${column}) * 1000) AS BIGINT)` // double precision: exact to the ms, and cheaper than EXTRACT's numeric
    : `CAST(ROUND((julianday(${column}) - 2440587.5) * 86400000) AS INTEGER)`;
}

/** A DateTime column's date in the shops' time zone (China, UTC+8), as YYYY-MM-DD text. */
function localDaySql(db: Store, column: string): string {
  const hours = TZ_OFFSET_MS / 3_600_000;
  return isPostgres(db) ? `to_char(${column} + INTERVAL '${hours} hours', 'YYYY-MM-DD')` : `date(${column}, '+${hours} hours')`;
}

/** A comma-separated list of `expr` (text) per group: one row per group crosses Prisma's row mapping, not one per cell. */
export function listAggSql(db: Store, expr: string): string {
  return isPostgres(db) ? `string_agg(${expr}, ',')` : `group_concat(${expr}, ',')`;
}

/** Integers as text for listAggSql, joined by ':'. */
export const joinedSql = (...exprs: string[]) => exprs.map((e) => `CAST(${e} AS TEXT)`).join(` || ':' || `);

/** The integers of each ':'-joined item of a listAggSql column. */
export const splitList = (v: unknown): number[][] => (v === null || v === undefined || v === '' ? [] : String(v).split(',').map((item) => item.split(':').map(Number)));

/** Orders `o` of these shops created in [from, to). */
export function ordersIn(db: Store, shopIds: number[], from: Date, to: Date, alias = 'o'): string {
  return `${alias}."shopId" IN (${sqlIntegers(shopIds, 'shopIds')}) AND ${alias}."createdAt" >= ${instantSql(db, from)} AND ${alias}."createdAt" < ${instantSql(db, to)}`;
}

const rows = (db: Store, sql: string) => db.$queryRawUnsafe<Record<string, unknown>[]>(sql);

/** Fen and counts of a period: paid orders, their revenue and units, distinct paying customers, and the other orders (refunds). */
export type PeriodTotals = { orders: number; revenue: number; units: number; customers: number; refunds: number };

export async function periodTotals(db: Store, shopIds: number[], from: Date, to: Date): Promise<PeriodTotals> {
  const [r] = await rows(db, `SELECT
      SUM(CASE WHEN o."status" = 'paid' THEN 1 ELSE 0 END) AS orders,
      SUM(CASE WHEN o."status" = 'paid' THEN o."total" ELSE 0 END) AS revenue,
      SUM(CASE WHEN o."status" = 'paid' THEN 0 ELSE 1 END) AS refunds,
      COUNT(DISTINCT CASE WHEN o."status" = 'paid' THEN o."customerId" END) AS customers,
      (SELECT SUM(i."quantity") FROM "Order" p JOIN "OrderItem" i ON i."orderId" = p."id" WHERE ${ordersIn(db, shopIds, from, to, 'p')} AND p."status" = 'paid') AS units
    FROM "Order" o WHERE ${ordersIn(db, shopIds, from, to)}`);
  return { orders: num(r?.orders), revenue: num(r?.revenue), units: num(r?.units), customers: num(r?.customers), refunds: num(r?.refunds) };
}

/** Paid orders and revenue (fen) per day in China time, days with sales only. */
export async function dailySales(db: Store, shopIds: number[], from: Date, to: Date): Promise<Map<string, { orders: number; revenue: number }>> {
  const day = localDaySql(db, 'o."createdAt"');
  const found = await rows(db, `SELECT ${day} AS day, COUNT(*) AS orders, SUM(o."total") AS revenue
    FROM "Order" o WHERE ${ordersIn(db, shopIds, from, to)} AND o."status" = 'paid' GROUP BY ${day}`);
  return new Map(found.map((r) => [String(r.day), { orders: num(r.orders), revenue: num(r.revenue) }]));
}

export type ProductSales = { productId: number; units: number; revenue: number };

/**
 * Paid units and line revenue (fen) per product, by revenue; the first `ranked` places in full order.
 * Equal revenues keep the order the products first sold in, shop by shop — the order the row-by-row
 * sum met them in: the lowest shop id the product sold in, its first sale there, then (two products
 * first sold at the same instant, mostly one basket) the order and line.
 */
export async function productSales(db: Store, shopIds: number[], from: Date, to: Date, ranked = Infinity): Promise<ProductSales[]> {
  const found = await rows(db, `SELECT i."productId" AS product, o."shopId" AS shop, SUM(i."quantity") AS units,
      SUM(CAST(i."quantity" AS BIGINT) * i."unitPrice") AS revenue, MIN(${epochMsSql(db, 'o."createdAt"')}) AS first
    FROM "Order" o JOIN "OrderItem" i ON i."orderId" = o."id"
    WHERE ${ordersIn(db, shopIds, from, to)} AND o."status" = 'paid' GROUP BY i."productId", o."shopId"`);
  const byProduct = new Map<number, ProductSales & { shop: number; first: number; line: number }>();
  for (const r of found) {
    const id = num(r.product);
    const [shop, first] = [num(r.shop), num(r.first)];
    const p = byProduct.get(id) ?? { productId: id, units: 0, revenue: 0, shop, first, line: 0 };
    p.units += num(r.units);
    p.revenue += num(r.revenue);
    if (shop < p.shop) [p.shop, p.first] = [shop, first];
    byProduct.set(id, p);
  }
  const order = (a: { revenue: number; shop: number; first: number; line: number; productId: number }, b: typeof a) =>
    b.revenue - a.revenue || a.shop - b.shop || a.first - b.first || a.line - b.line || a.productId - b.productId;
  const sorted = [...byProduct.values()].sort(order);
  // Products tied on all three within the ranked places: which line of that instant came first.
  for (let i = 0; i < Math.min(sorted.length, ranked); ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j].revenue === sorted[i].revenue && sorted[j].shop === sorted[i].shop && sorted[j].first === sorted[i].first) j++;
    if (j - i > 1) {
      const tied = sorted.slice(i, j);
      const lines = await rows(db, `SELECT i."productId" AS product, o."id" AS "order", i."id" AS line FROM "Order" o JOIN "OrderItem" i ON i."orderId" = o."id"
        WHERE o."shopId" = ${sqlIntegers([tied[0].shop], 'shop')} AND o."createdAt" = ${instantSql(db, new Date(tied[0].first))} AND o."status" = 'paid'
          AND i."productId" IN (${sqlIntegers(tied.map((p) => p.productId), 'products')}) ORDER BY o."id", i."id"`);
      lines.forEach((l, position) => {
        const p = byProduct.get(num(l.product))!;
        if (!p.line) p.line = position + 1;
      });
      sorted.splice(i, j - i, ...tied.sort(order));
    }
    i = j;
  }
  return sorted.map(({ productId, units, revenue }) => ({ productId, units, revenue }));
}

/** Which week back from `now` an order falls in: 0 is the week ending now. */
export function weeksBackSql(db: Store, now: Date, alias = 'o'): string {
  return `(${sqlIntegers([now.getTime()], 'now')} - ${epochMsSql(db, `${alias}."createdAt"`)}) / ${WEEK_MS}`;
}

/** Paid revenue (fen) per week back from `now`, over the last `weeks` weeks; index 0 is the oldest week. */
export async function weeklyRevenue(db: Store, shopIds: number[], now: Date, weeks: number): Promise<number[]> {
  const back = weeksBackSql(db, now);
  const found = await rows(db, `SELECT ${back} AS back, SUM(o."total") AS revenue
    FROM "Order" o WHERE ${ordersIn(db, shopIds, new Date(now.getTime() - weeks * WEEK_MS), now)} AND o."status" = 'paid' GROUP BY ${back}`);
  const y = new Array(weeks).fill(0);
  for (const r of found) {
    const b = num(r.back);
    if (b >= 0 && b < weeks) y[weeks - 1 - b] = num(r.revenue);
  }
  return y;
}

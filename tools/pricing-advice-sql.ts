// pricing_advice's inputs as SQL aggregates (SQLite and PostgreSQL): a shop's paid units per customer
// segment, product, week and price paid, and the customers per segment, instead of every order of
// the year with its lines. A segment is read from the shopper's visits to this shop in the window.
import type { Store } from '../prisma/store.ts';
import { epochMsSql, joinedSql, listAggSql, num, ordersIn, splitList, WEEK_MS } from './merchant-stats/sales-sql.ts';

export const SEGMENTS = ['regulars', 'occasional', 'one_off'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Units a segment bought of a product in one week (epoch weeks) at one unit price (fen). */
export type PricePoint = { segment: Segment; productId: number; week: number; unitPrice: number; units: number };

const segmentOf = (visits: string) => `CASE WHEN ${visits} >= 4 THEN 'regulars' WHEN ${visits} >= 2 THEN 'occasional' ELSE 'one_off' END`;

/** The paid orders of the shop in [since, now) with their shopper's visit count there. */
const visitsCte = (db: Store, shopId: number, since: Date, now: Date) => `WITH paid AS MATERIALIZED (
    SELECT o."id" AS id, o."customerId" AS customer, ${epochMsSql(db, 'o."createdAt"')} AS ms FROM "Order" o WHERE ${ordersIn(db, [shopId], since, now)} AND o."status" = 'paid'
  ), visits AS (SELECT customer, COUNT(*) AS n FROM paid GROUP BY customer)`;

/** In (product, week, price, segment) order, the same on both stores. */
export async function pricePoints(db: Store, shopId: number, since: Date, now: Date): Promise<PricePoint[]> {
  const segment = segmentOf('v.n');
  const week = `p.ms / ${WEEK_MS}`;
  // One row per (segment, product), its (week, price, units) cells packed in a text list.
  const found = await db.$queryRawUnsafe<Record<string, unknown>[]>(`${visitsCte(db, shopId, since, now)}, cells AS (
      SELECT ${segment} AS segment, i."productId" AS product, ${week} AS week, i."unitPrice" AS price, SUM(i."quantity") AS units
      FROM paid p JOIN visits v ON v.customer = p.customer JOIN "OrderItem" i ON i."orderId" = p.id
      GROUP BY ${segment}, i."productId", ${week}, i."unitPrice"
    )
    SELECT segment, product, ${listAggSql(db, joinedSql('week', 'price', 'units'))} AS cells FROM cells GROUP BY segment, product`);
  const points: PricePoint[] = [];
  for (const r of found) {
    for (const [week, unitPrice, units] of splitList(r.cells)) points.push({ segment: String(r.segment) as Segment, productId: num(r.product), week, unitPrice, units });
  }
  const rank = (s: Segment) => SEGMENTS.indexOf(s);
  return points.sort((a, b) => a.productId - b.productId || a.week - b.week || a.unitPrice - b.unitPrice || rank(a.segment) - rank(b.segment));
}

/** Shoppers with a paid order at the shop in the window, per segment. */
export async function segmentCustomers(db: Store, shopId: number, since: Date, now: Date): Promise<Record<Segment, number>> {
  const segment = segmentOf('n');
  const found = await db.$queryRawUnsafe<Record<string, unknown>[]>(`${visitsCte(db, shopId, since, now)}
    SELECT ${segment} AS segment, COUNT(*) AS customers FROM visits GROUP BY ${segment}`);
  const out: Record<Segment, number> = { regulars: 0, occasional: 0, one_off: 0 };
  for (const r of found) out[String(r.segment) as Segment] = num(r.customers);
  return out;
}

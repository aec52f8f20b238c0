// The daily series and offers anomaly_alerts scores, for all of a merchant's shops in four statements
// (SQLite and PostgreSQL alike): revenue and refunds per (shop, day) and bad reviews per (shop, day)
// summed by the store, the shops' offers, and each product's offer prices across all shops (another
// shop's average is that total without the shop's own offers). Before, each shop took five
// statements and every order of the 13 weeks crossed the ORM (bench:load: 20 statements, ~2.2k rows).
import type { Store } from '../prisma/store.ts';
import { epochMsSql, num, ordersIn } from './merchant-stats/sales-sql.ts';
import { sqlIntegers } from './recommend/data.ts';

const DAY = 86_400_000;

export type DailySeries = { revenue: number[]; refunds: number[]; bad: number[] };

/** Per shop: revenue of paid orders, other orders (refunds) and reviews scored ≤ 2, by day since `from` (day i = [from + i days, …)). */
export async function dailySeries(db: Store, shopIds: number[], from: Date, to: Date, days: number): Promise<Map<number, DailySeries>> {
  const dayOf = (column: string) => `(${epochMsSql(db, column)} - ${sqlIntegers([from.getTime()], 'from')}) / ${DAY}`;
  const [orders, reviews] = await Promise.all([
    db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT o."shopId" AS shop, ${dayOf('o."createdAt"')} AS day,
        SUM(CASE WHEN o."status" = 'paid' THEN o."total" ELSE 0 END) AS revenue, SUM(CASE WHEN o."status" = 'paid' THEN 0 ELSE 1 END) AS refunds
      FROM "Order" o WHERE ${ordersIn(db, shopIds, from, to)} GROUP BY 1, 2`),
    db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT r."shopId" AS shop, ${dayOf('r."createdAt"')} AS day, COUNT(*) AS bad
      FROM "Review" r WHERE ${ordersIn(db, shopIds, from, to, 'r')} AND r."score" <= 2 GROUP BY 1, 2`),
  ]);
  const out = new Map(shopIds.map((id) => [id, { revenue: new Array(days).fill(0), refunds: new Array(days).fill(0), bad: new Array(days).fill(0) }]));
  for (const r of orders) {
    const s = out.get(num(r.shop))!;
    s.revenue[num(r.day)] += num(r.revenue);
    s.refunds[num(r.day)] += num(r.refunds);
  }
  for (const r of reviews) out.get(num(r.shop))!.bad[num(r.day)] += num(r.bad);
  return out;
}

export type PricedOffer = { shopId: number; productId: number; price: number; /** other shops' average price, when at least two others sell it */ others?: number };

/** The shops' offers (by id), each with the average price of the same product in the other shops. */
export async function offersAgainstMarket(db: Store, shopIds: number[]): Promise<PricedOffer[]> {
  const offers = await db.offer.findMany({ where: { shopId: { in: shopIds } }, select: { shopId: true, productId: true, price: true }, orderBy: { id: 'asc' } });
  const market = await db.offer.groupBy({ by: ['productId'], where: { productId: { in: [...new Set(offers.map((o) => o.productId))] } }, _sum: { price: true }, _count: true });
  const all = new Map(market.map((m) => [m.productId, { sum: m._sum.price ?? 0, n: m._count }]));
  const own = new Map<string, { sum: number; n: number }>();
  for (const o of offers) {
    const key = `${o.shopId}:${o.productId}`;
    const mine = own.get(key) ?? { sum: 0, n: 0 };
    own.set(key, { sum: mine.sum + o.price, n: mine.n + 1 });
  }
  return offers.map((o) => {
    const total = all.get(o.productId)!;
    const mine = own.get(`${o.shopId}:${o.productId}`)!;
    const n = total.n - mine.n;
    return { ...o, ...(n >= 2 ? { others: (total.sum - mine.sum) / n } : {}) };
  });
}

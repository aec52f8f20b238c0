// Reads purchases and the catalogue out of the store into the recommender's plain shapes, with lean
// SQL (a handful of columns, no ORM row mapping). The same statements run on SQLite and PostgreSQL:
// through Prisma's $queryRawUnsafe (PostgreSQL, one shopper's rows), or straight through the libSQL
// driver on a connection of their own (a SQLite file, whole-store reads: the training worker).
import { createClient } from '@libsql/client';
import type { Store } from '../../prisma/store.ts';
import { selfReportedLinesSql } from '../shared/self-reported.ts';
import type { ItemInfo, Purchase } from './model.ts';

export const dayOf = (d: Date) => Math.floor(d.getTime() / 86_400_000);

/** Runs one SQL statement and gives its rows as objects keyed by column name. */
export type RunSql = (sql: string) => Promise<Record<string, unknown>[]>;

export const runOnStore = (db: Store): RunSql => (sql) => db.$queryRawUnsafe<Record<string, unknown>[]>(sql);

/** Order lines per page through Prisma: each page blocks the event loop for tens of ms (20–70 ms measured on the demo store). */
export const PAGE = 5_000;

/** Integers inlined into the SQL (the one text runs on every driver): they cannot carry anything else. */
export function sqlIntegers(values: number[], what: string): string {
  for (const n of values) if (!Number.isSafeInteger(n)) throw new Error(`${what} must be integers, got ${n}`);
  return values.join(', ');
}

/** Paid order lines in id order, optionally some shoppers' only, optionally a page after an id. */
export function orderLinesSql(options: { customers?: number[]; afterId?: number; limit?: number } = {}): string {
  const where = [`o."status" = 'paid'`];
  if (options.customers) where.push(`o."customerId" IN (${sqlIntegers(options.customers, 'customers')})`);
  if (options.afterId !== undefined) where.push(`i."id" > ${sqlIntegers([options.afterId], 'afterId')}`);
  return `SELECT i."id" AS id, o."customerId" AS customer, i."productId" AS item, o."createdAt" AS at, i."unitPrice" AS price, o."shopId" AS shop`
    + ` FROM "OrderItem" i JOIN "Order" o ON o."id" = i."orderId" WHERE ${where.join(' AND ')} ORDER BY i."id"`
    + (options.limit !== undefined ? ` LIMIT ${sqlIntegers([options.limit], 'limit')}` : '');
}

export const CATALOGUE_SQL = `SELECT "id" AS id, "category" AS category, "brand" AS brand, "listPrice" AS "listPrice", "attributes" AS attributes FROM "Product" ORDER BY "id"`;

/** A DateTime column as the drivers give it: a Date (Prisma, pg), ISO text or epoch ms (libSQL). */
function epochMs(value: unknown): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number(value);
  if (!Number.isFinite(ms)) throw new Error(`unreadable timestamp: ${String(value)}`);
  return ms;
}

const toPurchase = (r: Record<string, unknown>): Purchase => ({
  customer: Number(r.customer), item: Number(r.item), day: Math.floor(epochMs(r.at) / 86_400_000), price: Number(r.price), shop: Number(r.shop),
});

export async function loadCatalogue(db: Store): Promise<Map<number, ItemInfo>> {
  return loadCatalogueWith(runOnStore(db));
}

export async function loadCatalogueWith(run: RunSql): Promise<Map<number, ItemInfo>> {
  const rows = await run(CATALOGUE_SQL);
  return new Map(rows.map((p) => {
    const raw = p.attributes;
    const a = ((typeof raw === 'string' ? JSON.parse(raw) : raw) ?? {}) as Record<string, string>;
    const id = Number(p.id);
    return [id, { id, kind: `${p.category}:${a.itemEn ?? id}`, brand: String(p.brand), category: String(p.category), price: Number(p.listPrice) }];
  }));
}

/** Every paid order line (or some shoppers' only), then what shoppers told us they bought, through Prisma. */
export async function loadPurchases(db: Store, customers?: number | number[]): Promise<Purchase[]> {
  return loadPurchasesWith(runOnStore(db), { customers: customers === undefined ? undefined : [customers].flat(), pageSize: PAGE });
}

export async function loadPurchasesWith(run: RunSql, options: { customers?: number[]; pageSize?: number } = {}): Promise<Purchase[]> {
  const out: Purchase[] = [];
  const { customers, pageSize } = options;
  if (customers && !customers.length) return out;
  for (let afterId: number | undefined; ;) {
    const rows = await run(orderLinesSql({ customers, afterId, limit: pageSize }));
    for (const r of rows) out.push(toPurchase(r));
    if (!pageSize || rows.length < pageSize) break;
    afterId = Number(rows.at(-1)!.id);
    await new Promise((resolve) => setImmediate(resolve)); // let other chats run between pages
  }
  // What shoppers told us they bought counts for their own suggestions too.
  for (const r of await run(selfReportedLinesSql(customers))) out.push(toPurchase(r));
  return out;
}

/**
 * The whole catalogue and every purchase from a SQLite file, on a libSQL connection of its own, in one
 * statement each (~1 s for ~237k order lines; blocking, so for the worker thread). Never through the
 * app's Prisma connection: a large read there leaves that connection inside an open transaction
 * (see trainer.ts), and the app's later writes with it.
 */
export async function readSqliteFile(url: string): Promise<{ items: Map<number, ItemInfo>; purchases: Purchase[] }> {
  const client = createClient({ url });
  try {
    const run: RunSql = async (sql) => (await client.execute(sql)).rows as unknown as Record<string, unknown>[];
    return { items: await loadCatalogueWith(run), purchases: await loadPurchasesWith(run) };
  } finally {
    client.close();
  }
}

// npm run bench:history10x [-- --factor 10 --spread customers|time --out data/bench/shop-10x.db]
// A copy of the demo store (data/shop.db is only read) with its order history cloned N× in SQL, for
// benches at 10× history. Re-running rebuilds the copy from the source; the file appears only when done.
//   --spread customers (default): copy k of a shopper's orders (lines, reviews) goes, same shops, same days
//     up to an hour earlier, to the shopper k places further along a walk through the city's 1 km
//     squares: each shopper gets the baskets of neighbours, every shop and window gets N× the orders.
//   --spread time: copy k moves k × (history span) months back, same shoppers: N× as long a history.
// The pay-later history goes back in time in both modes (one bill per account and month): copy k of
// a bill is k × span months earlier, accounts open earlier, and copies of open or overdue bills are
// settled (on time / 20 days late, with their repayment), so only the present has unpaid bills.
import { createClient, type Client } from '@libsql/client';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { migrate } from '../prisma/store.ts';

export type Spread = 'customers' | 'time';
export type HistoryOptions = { source?: string; target: string; factor: number; spread?: Spread; log?: (line: string) => void };

const ROOT = resolve(import.meta.dirname, '..');
export const SOURCE = resolve(ROOT, 'data', 'shop.db');
export const STORE_10X = resolve(ROOT, 'data', 'bench', 'shop-10x.db');
export const STORE_1X = resolve(ROOT, 'data', 'bench', 'shop-1x.db');

/** ISO text as Prisma's SQLite adapter writes DateTime columns, after SQLite date modifiers. */
const iso = (expr: string, ...modifiers: string[]) => `strftime('%Y-%m-%dT%H:%M:%f+00:00', ${[expr, ...modifiers].join(', ')})`;
const monthsBack = (expr: string, months: string) => iso(expr, `'-' || (${months}) || ' months'`);
/** Moves `expr` by the time between two instants, to the millisecond. */
const shiftBy = (expr: string, from: string, to: string) => iso(expr, `(ROUND((julianday(${to}) - julianday(${from})) * 86400000) / 1000.0) || ' seconds'`);

const TABLES = ['Order', 'OrderItem', 'Review', 'CreditAccount', 'Bill', 'Repayment'];

async function counts(db: Client): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await db.execute(`SELECT COUNT(*) AS n FROM "${t}"`)).rows[0].n);
  return out;
}

async function one(db: Client, sql: string): Promise<number> {
  return Number(Object.values((await db.execute(sql)).rows[0])[0] ?? 0);
}

/** Builds `target` from `source` with the order history cloned `factor`× (factor 1: a migrated copy). */
export async function buildHistoryStore(options: HistoryOptions): Promise<{ before: Record<string, number>; after: Record<string, number>; seconds: number }> {
  const { source = SOURCE, target, factor, spread = 'customers', log = console.log } = options;
  if (!Number.isInteger(factor) || factor < 1 || factor > 50) throw new Error(`factor must be an integer 1..50, got ${factor}`);
  if (resolve(source) === resolve(target)) throw new Error('the target must not be the source store');
  if (!existsSync(source)) throw new Error(`no store at ${source} (run npm run db:seed first)`);
  const started = performance.now();
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) rmSync(f, { force: true });

  // A consistent snapshot of the source through SQLite itself (readers never change it).
  const src = createClient({ url: `file:${source}` });
  try {
    await src.execute({ sql: 'VACUUM INTO ?', args: [tmp] });
  } finally {
    src.close();
  }
  let before: Record<string, number>;
  let after: Record<string, number>;
  try {
    const db = createClient({ url: `file:${tmp}` });
    try {
      await db.executeMultiple(`PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -200000;`);
      before = await counts(db);
      if (factor > 1) await clone(db, factor, spread, log);
      after = await counts(db);
    } finally {
      db.close();
    }
    migrate(`file:${tmp}`); // the checked-in migrations the source may not have yet (indexes built once, after the bulk insert)
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  for (const f of [target, `${target}-wal`, `${target}-shm`, `${target}-journal`]) rmSync(f, { force: true });
  renameSync(tmp, target);
  return { before, after, seconds: (performance.now() - started) / 1000 };
}

async function clone(db: Client, factor: number, spread: Spread, log: (line: string) => void): Promise<void> {
  const max = async (table: string) => one(db, `SELECT COALESCE(MAX("id"), 0) FROM "${table}"`);
  const [order, item, review, bill, repayment] = [await max('Order'), await max('OrderItem'), await max('Review'), await max('Bill'), await max('Repayment')];
  // The history's span in whole months (both ends counted): copies stack back to back.
  const span = await one(db, `SELECT (CAST(strftime('%Y', MAX("createdAt")) AS INT) * 12 + CAST(strftime('%m', MAX("createdAt")) AS INT))
    - (CAST(strftime('%Y', MIN("createdAt")) AS INT) * 12 + CAST(strftime('%m', MIN("createdAt")) AS INT)) + 1 FROM "Order"`);
  const billSpan = await one(db, `SELECT (CAST(strftime('%Y', MAX("periodStart")) AS INT) * 12 + CAST(strftime('%m', MAX("periodStart")) AS INT))
    - (CAST(strftime('%Y', MIN("periodStart")) AS INT) * 12 + CAST(strftime('%m', MIN("periodStart")) AS INT)) + 1 FROM "Bill"`);
  const months = Math.max(span, billSpan, 1);
  log(`cloning ${factor}× (${spread}); history span ${months} months`);
  const step = async (what: string, sql: string) => {
    const t = performance.now();
    const r = await db.execute(sql);
    log(`  ${what.padEnd(34)} +${String(r.rowsAffected).padStart(9)} rows  ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };

  await db.execute('BEGIN'); // one transaction (executeMultiple would roll it back: statements go one by one)
  for (const sql of [
    'CREATE TEMP TABLE copies (k INTEGER PRIMARY KEY)',
    `WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < ${factor - 1}) INSERT INTO copies SELECT k FROM n`,
    // Shoppers in a walk through 1 km squares (rows of squares south to north, alternately west-east and east-west).
    `CREATE TEMP TABLE ring AS SELECT "id" AS id, ROW_NUMBER() OVER (ORDER BY CAST("homeLat" * 100 AS INT),
      CASE WHEN CAST("homeLat" * 100 AS INT) % 2 = 0 THEN "homeLng" ELSE -"homeLng" END, "id") - 1 AS pos FROM "Customer"`,
    'CREATE TEMP TABLE moved (k INTEGER, fromId INTEGER, toId INTEGER, PRIMARY KEY (k, fromId))',
    `INSERT INTO moved SELECT c.k, a.id, ${spread === 'customers' ? 'b.id' : 'a.id'} FROM copies c, ring a
      JOIN ring b ON b.pos = (a.pos + c.k) % (SELECT COUNT(*) FROM ring)`,
  ]) await db.execute(sql);
  const orderDate = spread === 'customers'
    ? iso('o."createdAt"', `'-' || ((o."id" * 7919 + c.k * 104729) % 3600) || ' seconds'`) // up to an hour earlier
    : monthsBack('o."createdAt"', `c.k * ${months}`);
  await step('orders', `INSERT INTO "Order" ("id", "customerId", "shopId", "createdAt", "total", "paymentMethod", "status")
    SELECT o."id" + c.k * ${order}, m.toId, o."shopId", ${orderDate}, o."total", o."paymentMethod", o."status"
    FROM "Order" o JOIN copies c JOIN moved m ON m.k = c.k AND m.fromId = o."customerId" WHERE o."id" <= ${order}`);
  await step('order lines', `INSERT INTO "OrderItem" ("id", "orderId", "productId", "quantity", "unitPrice")
    SELECT i."id" + c.k * ${item}, i."orderId" + c.k * ${order}, i."productId", i."quantity", i."unitPrice"
    FROM "OrderItem" i JOIN copies c WHERE i."id" <= ${item}`);
  await step('reviews', `INSERT INTO "Review" ("id", "shopId", "customerId", "orderId", "productId", "score", "text", "language", "createdAt")
    SELECT r."id" + c.k * ${review}, r."shopId", COALESCE(m.toId, r."customerId"), r."orderId" + c.k * ${order}, r."productId", r."score", r."text", r."language",
      CASE WHEN n."id" IS NULL THEN ${monthsBack('r."createdAt"', `c.k * ${months}`)} ELSE ${shiftBy('r."createdAt"', 'o."createdAt"', 'n."createdAt"')} END
    FROM "Review" r JOIN copies c LEFT JOIN moved m ON m.k = c.k AND m.fromId = r."customerId"
    LEFT JOIN "Order" o ON o."id" = r."orderId" LEFT JOIN "Order" n ON n."id" = r."orderId" + c.k * ${order} WHERE r."id" <= ${review}`);
  await step('shops: review counts', `UPDATE "Shop" SET "ratingCount" = (SELECT COUNT(*) FROM "Review" r WHERE r."shopId" = "Shop"."id")`);

  const settled = `CASE b."status" WHEN 'open' THEN 'paid_on_time' WHEN 'overdue' THEN 'paid_late' ELSE b."status" END`;
  await step('bills', `INSERT INTO "Bill" ("id", "accountId", "periodStart", "periodEnd", "dueDate", "amount", "status")
    SELECT b."id" + c.k * ${bill}, b."accountId", ${monthsBack('b."periodStart"', `c.k * ${months}`)},
      ${iso(monthsBack('b."periodStart"', `c.k * ${months}`), `'+1 month'`, `'-0.001 seconds'`)}, ${monthsBack('b."dueDate"', `c.k * ${months}`)}, b."amount", ${settled}
    FROM "Bill" b JOIN copies c WHERE b."id" <= ${bill}`);
  await step('repayments', `INSERT INTO "Repayment" ("id", "billId", "paidAt", "amount")
    SELECT r."id" + c.k * ${repayment}, r."billId" + c.k * ${bill}, ${shiftBy('r."paidAt"', 'b."dueDate"', 'n."dueDate"')}, r."amount"
    FROM "Repayment" r JOIN "Bill" b ON b."id" = r."billId" JOIN copies c JOIN "Bill" n ON n."id" = r."billId" + c.k * ${bill} WHERE r."id" <= ${repayment}`);
  // Copies of bills that were still unpaid are settled now: give them their repayment.
  await step('repayments of settled copies', `INSERT INTO "Repayment" ("billId", "paidAt", "amount")
    SELECT n."id", ${iso('n."dueDate"', `CASE b."status" WHEN 'open' THEN '-3 days' ELSE '+20 days' END`)}, b."amount"
    FROM "Bill" b JOIN copies c JOIN "Bill" n ON n."id" = b."id" + c.k * ${bill} WHERE b."id" <= ${bill} AND b."status" IN ('open', 'overdue')`);
  await step('accounts opened earlier', `UPDATE "CreditAccount" SET "openedAt" = ${monthsBack('"openedAt"', `${(factor - 1) * months}`)}`);
  await db.execute('COMMIT');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { factor: { type: 'string', default: '10' }, spread: { type: 'string', default: 'customers' }, out: { type: 'string' }, source: { type: 'string' } } });
  const factor = Number(values.factor);
  if (values.spread !== 'customers' && values.spread !== 'time') throw new Error('--spread must be customers or time');
  const target = resolve(values.out ?? (factor === 1 ? STORE_1X : STORE_10X));
  const source = resolve(values.source ?? SOURCE);
  console.log(`${source} → ${target}`);
  const { before, after, seconds } = await buildHistoryStore({ source, target, factor, spread: values.spread });
  for (const t of TABLES) console.log(`  ${t.padEnd(14)} ${String(before[t]).padStart(9)} → ${String(after[t]).padStart(9)}  (${(after[t] / (before[t] || 1)).toFixed(1)}×)`);
  console.log(`built in ${seconds.toFixed(1)} s`);
}

// The merchant_sales_cover_index migration on both stores: the (shopId, createdAt) and (orderId)
// indexes become covering ones, so the sales aggregates (restock's weekly demand here) read orders
// and lines from the indexes alone; a store made before gets them from `migrate` with its rows kept.
import { describe, expect, it } from 'vitest';
import { migrate, type Store } from '../prisma/store.ts';
import { weeklyUnitsSql } from '../tools/restock-forecast/demand-sql.ts';
import { buildFixture, NOW } from './helpers/fixture.ts';
import { POSTGRES_ADMIN_URL, testDatabase } from './helpers/postgres.ts';
import { freshStore } from './helpers/store.ts';

const ORDERS = 'Order_shopId_createdAt_status_total_customerId_idx';
const LINES = 'OrderItem_orderId_productId_quantity_unitPrice_idx';
const BEFORE = ['Order_shopId_createdAt_idx', 'OrderItem_orderId_idx'];

/** Undo the migration as a store made before it would be: the narrow indexes, no record of it. */
async function asBeforeTheMigration(db: Store) {
  await db.$executeRawUnsafe(`DROP INDEX "${ORDERS}"`);
  await db.$executeRawUnsafe(`DROP INDEX "${LINES}"`);
  await db.$executeRawUnsafe(`CREATE INDEX "${BEFORE[0]}" ON "Order"("shopId", "createdAt")`);
  await db.$executeRawUnsafe(`CREATE INDEX "${BEFORE[1]}" ON "OrderItem"("orderId")`);
  await db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE "migration_name" LIKE '%_merchant_sales_cover_index'`);
}

const demandSql = (db: Store) => weeklyUnitsSql(db, [1, 2], new Date(NOW.getTime() - 104 * 7 * 86_400_000), NOW);

describe('merchant_sales_cover_index migration (SQLite)', () => {
  const indexes = async (db: Store) => (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('Order', 'OrderItem')`)).map((r) => r.name);

  it('gives a new store covering indexes that the weekly demand read uses for orders and lines', async () => {
    const db = await freshStore();
    try {
      expect(await indexes(db)).toEqual(expect.arrayContaining([ORDERS, LINES]));
      expect(await indexes(db)).not.toEqual(expect.arrayContaining([BEFORE[0]]));
      const plan = (await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${demandSql(db)}`)).map((p) => p.detail).join('\n');
      expect(plan).toContain(`COVERING INDEX ${ORDERS}`);
      expect(plan).toContain(`COVERING INDEX ${LINES}`);
    } finally {
      await db.$disconnect();
    }
  });

  it('replaces the narrow indexes of a store made before it, keeping its rows', async () => {
    const db = await freshStore();
    try {
      await buildFixture(db);
      await asBeforeTheMigration(db);
      expect(await indexes(db)).toEqual(expect.arrayContaining(BEFORE));
      const file = (await db.$queryRawUnsafe<{ file: string }[]>('PRAGMA database_list'))[0].file;
      migrate(`file:${file}`);
      const now = await indexes(db);
      expect(now).toEqual(expect.arrayContaining([ORDERS, LINES]));
      expect(now.filter((name) => BEFORE.includes(name))).toEqual([]);
      expect([await db.order.count(), await db.orderItem.count()]).toEqual([7, 8]);
    } finally {
      await db.$disconnect();
    }
  }, 60_000);
});

describe.skipIf(!POSTGRES_ADMIN_URL)('merchant_sales_cover_index migration (PostgreSQL)', () => {
  it('gives a new store the covering indexes, and replaces the narrow ones of a store made before it', async () => {
    const made = await testDatabase(`sales_index_${process.pid}`);
    const indexes = async () => (await made.db.$queryRawUnsafe<{ indexname: string }[]>(`SELECT indexname::text AS indexname FROM pg_indexes WHERE tablename IN ('Order', 'OrderItem')`)).map((r) => r.indexname);
    try {
      expect(await indexes()).toEqual(expect.arrayContaining([ORDERS, LINES]));
      await asBeforeTheMigration(made.db);
      expect(await indexes()).toEqual(expect.arrayContaining(BEFORE));
      migrate(made.url);
      const now = await indexes();
      expect(now).toEqual(expect.arrayContaining([ORDERS, LINES]));
      expect(now.filter((name) => BEFORE.includes(name))).toEqual([]);
      expect([await made.db.order.count(), await made.db.orderItem.count()]).toEqual([7, 8]);
    } finally {
      await made.drop();
    }
  }, 120_000);
});

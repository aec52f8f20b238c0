// The repayment_bill_index migration on both stores: a new store has the index and SQLite's plan for
// "a bill's latest repayment" uses it; a store made before it gets it from `migrate` with its rows kept.
import { describe, expect, it } from 'vitest';
import { migrate, type Store } from '../prisma/store.ts';
import { POSTGRES_ADMIN_URL, testDatabase } from './helpers/postgres.ts';
import { freshStore } from './helpers/store.ts';

const INDEX = 'Repayment_billId_idx';

async function addOneRepayment(db: Store) {
  await db.customer.create({ data: { id: 1, displayName: 'a', ageBand: '25-34', job: 'clerk', habit: 'convenience', homeLat: 30.5, homeLng: 114.3 } });
  const account = await db.creditAccount.create({ data: { customerId: 1, limit: 100_000, openedAt: new Date('2025-01-01T00:00:00Z'), status: 'active' } });
  await db.bill.create({ data: { accountId: account.id, periodStart: new Date('2025-02-01T00:00:00Z'), periodEnd: new Date('2025-02-28T23:59:59Z'), dueDate: new Date('2025-03-10T15:59:59Z'), amount: 500, status: 'paid_on_time', repayments: { create: [{ paidAt: new Date('2025-03-08T00:00:00Z'), amount: 500 }] } } });
}

/** Undo the migration as a store made before it would be: no index, no record of it. */
async function asBeforeTheMigration(db: Store) {
  await db.$executeRawUnsafe(`DROP INDEX "${INDEX}"`);
  await db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE "migration_name" LIKE '%_repayment_bill_index'`);
}

describe('repayment_bill_index migration (SQLite)', () => {
  const indexes = async (db: Store) => (await db.$queryRawUnsafe<{ name: string }[]>(`PRAGMA index_list("Repayment")`)).map((r) => r.name);

  it('gives a new store the index, used for a bill\'s latest repayment', async () => {
    const db = await freshStore();
    try {
      expect(await indexes(db)).toContain(INDEX);
      const plan = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN SELECT MAX("paidAt") FROM "Repayment" WHERE "billId" = 1`);
      expect(plan.map((p) => p.detail).join(' ')).toContain(INDEX);
    } finally {
      await db.$disconnect();
    }
  });

  it('adds it to a store made before it, keeping its rows', async () => {
    const db = await freshStore();
    try {
      await addOneRepayment(db);
      await asBeforeTheMigration(db);
      expect(await indexes(db)).not.toContain(INDEX);
      const file = (await db.$queryRawUnsafe<{ file: string }[]>('PRAGMA database_list'))[0].file;
      migrate(`file:${file}`);
      expect(await indexes(db)).toContain(INDEX);
      expect(await db.repayment.count()).toBe(1);
    } finally {
      await db.$disconnect();
    }
  }, 60_000);
});

describe.skipIf(!POSTGRES_ADMIN_URL)('repayment_bill_index migration (PostgreSQL)', () => {
  it('gives a new store the index, and adds it to a store made before it', async () => {
    const made = await testDatabase(`migration_${process.pid}`, { fixture: false });
    const indexes = async () => (await made.db.$queryRawUnsafe<{ indexname: string }[]>(`SELECT indexname::text AS indexname FROM pg_indexes WHERE tablename = 'Repayment'`)).map((r) => r.indexname);
    try {
      expect(await indexes()).toContain(INDEX);
      await addOneRepayment(made.db);
      await asBeforeTheMigration(made.db);
      expect(await indexes()).not.toContain(INDEX);
      migrate(made.url);
      expect(await indexes()).toContain(INDEX);
      expect(await made.db.repayment.count()).toBe(1);
    } finally {
      await made.drop();
    }
  }, 120_000);
});

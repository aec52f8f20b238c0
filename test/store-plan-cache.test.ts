// Query plans are kept by query text (prisma/plan-cache.ts): a repeated query must still read the
// store as it is now, and a query with other values must get its own answer, on SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { planCacheCounts } from '../prisma/plan-cache.ts';
import type { Store } from '../prisma/store.ts';
import { useFixture } from './helpers/deps.ts';
import { POSTGRES_ADMIN_URL, usePostgres } from './helpers/postgres.ts';

async function behaves(db: Store) {
  const [a, b] = await db.customer.findMany({ take: 2, orderBy: { id: 'asc' } });
  const before = planCacheCounts();
  for (let i = 0; i < 3; i++) {
    expect((await db.customer.findUnique({ where: { id: a.id } }))?.displayName).toBe(a.displayName);
    expect((await db.customer.findUnique({ where: { id: b.id } }))?.displayName).toBe(b.displayName);
  }
  const after = planCacheCounts();
  expect(after.hits - before.hits).toBeGreaterThanOrEqual(4); // the repeats were not compiled again
  // A write, then the same read: the new name, not a kept answer.
  await db.customer.update({ where: { id: a.id }, data: { displayName: `${a.displayName} (renamed)` } });
  expect((await db.customer.findUnique({ where: { id: a.id } }))?.displayName).toBe(`${a.displayName} (renamed)`);
  await db.customer.update({ where: { id: a.id }, data: { displayName: a.displayName } });
  expect((await db.customer.findUnique({ where: { id: a.id } }))?.displayName).toBe(a.displayName);
  // Same shape, other values: each its own rows.
  const shops = await db.shop.findMany({ orderBy: { id: 'asc' }, select: { id: true, merchantId: true } });
  for (const merchantId of [...new Set(shops.map((s) => s.merchantId))]) {
    const mine = await db.shop.findMany({ where: { merchantId }, orderBy: { id: 'asc' }, select: { id: true } });
    expect(mine.map((s) => s.id)).toEqual(shops.filter((s) => s.merchantId === merchantId).map((s) => s.id));
  }
}

describe('query plans kept by query text', () => {
  const fixture = useFixture();
  it('repeated and varied queries read the current store (SQLite)', () => behaves(fixture.db));
});

describe.skipIf(!POSTGRES_ADMIN_URL)('query plans kept by query text (PostgreSQL)', () => {
  const pg = usePostgres(`plan_cache_${process.pid}`);
  it('repeated and varied queries read the current store (PostgreSQL)', async () => {
    await behaves(pg.db);
  }, 60_000);
});

// The checks of test/store-plan-cache.test.ts, run on SQLite there and on PostgreSQL in test/store-postgres.test.ts.
import { expect } from 'vitest';
import { planCacheCounts } from '../../prisma/plan-cache.ts';
import type { Store } from '../../prisma/store.ts';

export async function plansReadTheCurrentStore(db: Store) {
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

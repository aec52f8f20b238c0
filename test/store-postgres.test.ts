// The same application code on PostgreSQL: migrations, tools, memory and the seed writer against the
// real server. Runs when TEST_POSTGRES_URL points at a server where we may create databases
// (.ci/run sets it when PostgreSQL answers on 127.0.0.1:5432).
import { describe, expect, it } from 'vitest';
import { Assistant } from '../agents/assistant.ts';
import { writeWorld } from '../prisma/seed/write.ts';
import { generateWorld } from '../prisma/seed/world.ts';

import { createToolDeps } from '../tools/deps.ts';
import { merchantStats } from '../tools/merchant-stats/index.ts';
import { nearbyShops } from '../tools/nearby-shops.ts';
import { merchantOne, shopperAtCampus } from './helpers/deps.ts';
import { NOW } from './helpers/fixture.ts';
import { POSTGRES_ADMIN_URL, testDatabase, usePostgres } from './helpers/postgres.ts';
import { plansReadTheCurrentStore } from './helpers/plan-cache-checks.ts';

if (!POSTGRES_ADMIN_URL) console.warn('[postgres test] skipped: set TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres to run it');

const name = `shop_assistant_test_${process.pid}`;

describe.skipIf(!POSTGRES_ADMIN_URL)('PostgreSQL store', () => {
  const pg = usePostgres(name);

  it('gives the same tool answers as SQLite', async () => {
    const deps = await createToolDeps(pg.db);
    const stats: any = await merchantStats.run(deps, merchantOne, merchantStats.input.parse({ period: 'last_week' }));
    expect(stats.current).toEqual({ revenue: 189, orders: 3, units: 6, customers: 1, averageBasket: 63, refunds: 1 });
    const near: any = await nearbyShops.run(deps, shopperAtCampus, nearbyShops.input.parse({ query: '洗衣液' }));
    expect(near.results.map((s: any) => s.name)).toEqual(['A店', 'B店', 'D店']);
  });

  it('keeps query plans by query text without ever serving an old answer', () => plansReadTheCurrentStore(pg.db));

  it('keeps conversation memory across assistants', async () => {
    const make = () => Assistant.create({ db: pg.db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} });
    await (await make()).handle({ chatKey: 'pg:1', caller: { role: 'merchant', merchantId: 1 }, text: '2号店上周销售怎么样' });
    const answer = await (await make()).handle({ chatKey: 'pg:1', caller: { role: 'merchant', merchantId: 1 }, text: '上个月呢' });
    expect(answer.toolCalls[0].args).toMatchObject({ period: 'last_month', shopId: 2 });
  });

  it('seeds a world and moves the id sequences past it', async () => {
    const seeded = await testDatabase(`${name}_seed`, { fixture: false });
    const store = seeded.db;
    try {
      const world = generateWorld({ endDate: new Date('2026-11-22T00:00:00Z'), scale: 0.05 });
      await writeWorld(store, world);
      expect(await store.orderItem.count()).toBe(world.items.length);
      const created = await store.merchant.create({ data: { name: 'after seed' } });
      expect(created.id).toBe(world.merchants.length + 1);
    } finally {
      await seeded.drop();
    }
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { merchantStats } from '../../tools/merchant-stats/index.ts';
import { resolvePeriod } from '../../tools/merchant-stats/period.ts';
import { merchantOne, shopperAtCampus, useFixture } from '../helpers/deps.ts';
import { NOW } from '../helpers/fixture.ts';

const fixture = useFixture();
const run = (args: Record<string, unknown>, ctx = merchantOne) => merchantStats.run(fixture.deps, ctx, merchantStats.input.parse(args)) as Promise<any>;

describe('periods in China time', () => {
  const iso = (d: Date) => d.toISOString();
  it('last week is Monday to Sunday before today', () => {
    const r = resolvePeriod('last_week', NOW);
    expect([iso(r.from), iso(r.to)]).toEqual(['2026-11-15T16:00:00.000Z', '2026-11-22T16:00:00.000Z']);
  });
  it('last month and explicit ranges', () => {
    const m = resolvePeriod('last_month', NOW);
    expect([iso(m.from), iso(m.to)]).toEqual(['2026-09-30T16:00:00.000Z', '2026-10-31T16:00:00.000Z']);
    const r = resolvePeriod({ from: '2026-11-01', to: '2026-11-02' }, NOW);
    expect([iso(r.from), iso(r.to)]).toEqual(['2026-10-31T16:00:00.000Z', '2026-11-02T16:00:00.000Z']);
  });
  it('rejects a range that ends before it starts', () => {
    expect(() => resolvePeriod({ from: '2026-11-05', to: '2026-11-01' }, NOW)).toThrow('before it starts');
  });
});

describe('merchant_stats', () => {
  it('sums last week for all the merchant\'s shops and compares with the week before', async () => {
    const r = await run({ period: 'last_week' });
    // Orders 1 (80), 2 (79), 3 (30; 23:30 Sunday China time). Order 4 is Monday 00:30, order 6 refunded.
    expect(r.current).toEqual({ revenue: 189, orders: 3, units: 6, customers: 1, averageBasket: 63, refunds: 1 });
    expect(r.previous.revenue).toBe(40);
    expect(r.change.revenuePct).toBe(372.5);
    expect(r.topProducts.map((p: any) => [p.name, p.revenue, p.units])).toEqual([
      ['Blue Moon laundry detergent 2kg', 120, 3], ['Liby laundry detergent 2kg', 39, 1], ['Blue Moon hand wash 500ml', 30, 2],
    ]);
    expect(r.topProducts[0].sharePct).toBe(63.5);
    // Every day of the week, zeros included.
    expect(r.daily.map((d: any) => [d.date.slice(8), d.revenue])).toEqual([['16', 80], ['17', 0], ['18', 0], ['19', 0], ['20', 79], ['21', 0], ['22', 30]]);
  });

  it('narrows to one of the merchant\'s shops', async () => {
    const r = await run({ period: 'last_week', shopId: 2 });
    expect(r.shops).toEqual([{ id: 2, name: 'Shop B' }]);
    expect(r.current.revenue).toBe(30);
  });

  it('refuses another merchant\'s shop', async () => {
    await expect(run({ period: 'last_week', shopId: 3 })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses shoppers', async () => {
    await expect(run({ period: 'last_week' }, shopperAtCampus)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

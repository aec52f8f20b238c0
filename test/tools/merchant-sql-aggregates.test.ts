// merchant_stats, restock_forecast, pricing_advice and anomaly_alerts now let the store sum (SQL aggregates) instead
// of fetching every order of the window: their answers must be the ones the row-by-row code gave
// (test/helpers/row-scan-merchant-tools.ts), on SQLite and on PostgreSQL, on a varied synthetic
// history and on a copy of the demo store.
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../prisma/store.ts';
import type { CallerContext, ToolDeps, ToolSpec } from '../../tools/context.ts';
import { createToolDeps } from '../../tools/deps.ts';
import { anomalyAlerts } from '../../tools/anomaly-alerts.ts';
import { merchantStats } from '../../tools/merchant-stats/index.ts';
import { NAMED_PERIODS } from '../../tools/merchant-stats/period.ts';
import { pricingAdvice } from '../../tools/pricing-advice.ts';
import { restockForecast } from '../../tools/restock-forecast/index.ts';
import { useFixture } from '../helpers/deps.ts';
import { NOW } from '../helpers/fixture.ts';
import { RUN_DIR } from '../helpers/global-setup.ts';
import { POSTGRES_ADMIN_URL, usePostgres } from '../helpers/postgres.ts';
import { rowScanAnomalyAlerts, rowScanMerchantStats, rowScanPricingAdvice, rowScanRestockForecast } from '../helpers/row-scan-merchant-tools.ts';
import { addSalesHistory } from '../helpers/sales-history.ts';

type Reference = (deps: ToolDeps, ctx: CallerContext, args: never) => Promise<unknown>;
type Call = { tool: ToolSpec; reference: Reference; ctx: CallerContext; args: Record<string, unknown> };

const merchant = (merchantId: number, now = NOW, locale: 'zh' | 'en' = 'en'): CallerContext => ({ caller: { role: 'merchant', merchantId }, locale, now });

/** Every period, shop and option the tools take, for merchants 1 (shops 1, 2) and 2 (shops 3, 4). */
function syntheticCalls(): Call[] {
  const calls: Call[] = [];
  for (const [merchantId, shopId, locale] of [[1, 2, 'en'], [2, 3, 'zh']] as const) {
    const ctx = merchant(merchantId, NOW, locale);
    const stats = (args: Record<string, unknown>) => calls.push({ tool: merchantStats, reference: rowScanMerchantStats as Reference, ctx, args });
    for (const period of NAMED_PERIODS) stats({ period, topN: 20 });
    stats({ period: { from: '2025-02-01', to: '2025-07-15' }, topN: 3 });
    stats({ period: 'last_month', shopId });
    const restock = (args: Record<string, unknown>) => calls.push({ tool: restockForecast, reference: rowScanRestockForecast as Reference, ctx, args });
    restock({});
    restock({ shopId, horizonWeeks: 12, leadTimeDays: 14, reviewDays: 3, serviceLevel: 0.99, limit: 50 });
    restock({ product: '洗衣液' });
    const pricing = (args: Record<string, unknown>) => calls.push({ tool: pricingAdvice, reference: rowScanPricingAdvice as Reference, ctx, args });
    pricing({});
    pricing({ days: 60, costRatio: 0.5 });
    pricing({ shopId, days: 730 });
    const anomalies = (args: Record<string, unknown>) => calls.push({ tool: anomalyAlerts, reference: rowScanAnomalyAlerts as Reference, ctx, args });
    anomalies({});
    anomalies({ period: 'last_month', lookbackDays: 28 });
    anomalies({ period: 'this_year', shopId, lookbackDays: 365 });
  }
  return calls;
}

const answer = (deps: ToolDeps, call: Call) => call.tool.run(deps, call.ctx, call.tool.input.parse(call.args) as never);
const before = (deps: ToolDeps, call: Call) => call.reference(deps, call.ctx, call.tool.input.parse(call.args) as never);
const label = (call: Call) => `${call.tool.name} merchant ${(call.ctx.caller as { merchantId: number }).merchantId} ${JSON.stringify(call.args)}`;

async function expectSameAnswers(deps: ToolDeps, calls: Call[]) {
  for (const call of calls) expect(await answer(deps, call), label(call)).toEqual(await before(deps, call));
}

/** The history, and bad reviews piling up on some days (a complaint spike to find), a few the week before. */
async function history(db: Store) {
  await addSalesHistory(db);
  const day = 86_400_000;
  const bad = [[1, 2, 6], [1, 9, 1], [2, 3, 4], [3, 1, 5], [4, 20, 3]].flatMap(([shopId, daysAgo, n]) =>
    Array.from({ length: n }, (_, i) => ({ shopId, customerId: 1, score: 1 + (i % 2), text: 'bad', language: 'en', createdAt: new Date(NOW.getTime() - daysAgo * day - i * 3600_000) })));
  await db.review.createMany({ data: bad });
}

describe('merchant tools from SQL aggregates (SQLite, synthetic history)', () => {
  const fixture = useFixture(history);

  it('give the answers the row-by-row sums gave, for every period, shop and option', async () => {
    const calls = syntheticCalls();
    await expectSameAnswers(fixture.deps, calls);
    // The history is not trivial: figures, ties at the top, segments and forecasts are all there to differ.
    const stats: any = await answer(fixture.deps, calls[NAMED_PERIODS.indexOf('last_90_days')]);
    expect(stats.current.orders).toBeGreaterThan(50);
    expect(stats.current.refunds).toBeGreaterThan(0);
    expect(new Set(stats.topProducts.map((p: any) => p.revenue)).size).toBeLessThan(stats.topProducts.length);
    const restock: any = await answer(fixture.deps, calls.find((c) => c.tool === restockForecast)!);
    expect(restock.counts.order_now + restock.counts.order_soon + restock.counts.ok).toBeGreaterThan(20);
    expect(new Set(restock.items.map((i: any) => i.model)).size).toBeGreaterThan(1);
    const pricing: any = await answer(fixture.deps, calls.find((c) => c.tool === pricingAdvice)!);
    expect(pricing.segments.every((s: any) => s.customers > 0 && s.observations > 0)).toBe(true);
    const anomalies: any = await answer(fixture.deps, calls.find((c) => c.tool === anomalyAlerts)!);
    expect(anomalies.alerts.map((a: any) => a.type)).toContain('complaint_spike');
  }, 60_000);

  it('refuses dates the store cannot compare with, without crashing', async () => {
    // Year 0 in China time is 1 BC in UTC: the comparison before it would be with year -1.
    const early = merchantStats.input.parse({ period: { from: '0000-01-01', to: '0001-06-01' } });
    await expect(merchantStats.run(fixture.deps, merchant(1), early)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe.skipIf(!POSTGRES_ADMIN_URL)('merchant tools from SQL aggregates (PostgreSQL, synthetic history)', () => {
  const pg = usePostgres(`merchant_sql_${process.pid}`);
  const sqlite = useFixture(history);

  it('give the same answers as on SQLite, and as the row-by-row sums on PostgreSQL', async () => {
    await history(pg.db);
    const deps = await createToolDeps(pg.db);
    for (const call of syntheticCalls()) {
      const onPostgres = await answer(deps, call);
      expect(onPostgres, label(call)).toEqual(await answer(sqlite.deps, call));
      expect(onPostgres, label(call)).toEqual(await before(deps, call));
    }
  }, 120_000);
});

// The demo store (data/shop.db), copied: real volumes, many shops per merchant. Skipped where it is not seeded.
const DEMO = join(import.meta.dirname, '..', '..', 'data', 'shop.db');

describe.skipIf(!existsSync(DEMO))('merchant tools from SQL aggregates (a copy of the demo store)', () => {
  it('give the answers the row-by-row sums gave for busy and quiet merchants', async () => {
    const file = join(RUN_DIR, `demo-copy-${process.pid}.db`);
    copyFileSync(DEMO, file);
    if (existsSync(`${DEMO}-wal`)) copyFileSync(`${DEMO}-wal`, `${file}-wal`);
    const db: Store = await openStore(`file:${file}`);
    try {
      const deps = await createToolDeps(db);
      const last = (await db.order.findFirst({ orderBy: { createdAt: 'desc' }, select: { createdAt: true } }))?.createdAt ?? NOW;
      const now = new Date(last.getTime() + 4 * 3600_000);
      const busiest = await db.$queryRawUnsafe<{ m: unknown }[]>('SELECT s."merchantId" AS m FROM "Order" o JOIN "Shop" s ON s."id" = o."shopId" GROUP BY s."merchantId" ORDER BY COUNT(*) DESC LIMIT 2');
      const merchants = [...busiest.map((r) => Number(r.m)), 1, 24, 93, 162];
      const calls: Call[] = merchants.flatMap((merchantId, i): Call[] => {
        const ctx = merchant(merchantId, now, i % 2 ? 'en' : 'zh');
        return [
          ...(['last_7_days', 'last_week', 'last_30_days', 'last_month', 'this_year'] as const).map((period) => ({ tool: merchantStats, reference: rowScanMerchantStats as Reference, ctx, args: { period, topN: 20 } })),
          { tool: restockForecast, reference: rowScanRestockForecast as Reference, ctx, args: { limit: 50 } },
          { tool: restockForecast, reference: rowScanRestockForecast as Reference, ctx, args: { product: '洗衣液', horizonWeeks: 8 } },
          { tool: pricingAdvice, reference: rowScanPricingAdvice as Reference, ctx, args: {} },
          { tool: pricingAdvice, reference: rowScanPricingAdvice as Reference, ctx, args: { days: 730 } },
          { tool: anomalyAlerts, reference: rowScanAnomalyAlerts as Reference, ctx, args: {} },
          { tool: anomalyAlerts, reference: rowScanAnomalyAlerts as Reference, ctx, args: { period: 'last_30_days', lookbackDays: 180 } },
        ];
      });
      await expectSameAnswers(deps, calls);
    } finally {
      await db.$disconnect();
    }
  }, 180_000);
});

// Charts render in a worker thread and are cached per (shops, period, data version): the picture is a
// real PNG of the expected size, asking again costs no render, a new order for that merchant draws a
// new picture (another merchant's does not), and a worker that fails leaves the chart out while the
// answer still goes out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../agents/assistant.ts';
import { attachmentsFor, type ChartSpec } from '../agents/attachments.ts';
import { renderChartPng } from '../bots/shared/chart-render.ts';
import { CHART_HEIGHT, CHART_WIDTH, chartDataVersion, ChartRenderer, type ChartRendererOptions } from '../bots/shared/charts.ts';
import { buildWebServer } from '../bots/web/server.ts';
import type { CallerContext } from '../tools/context.ts';
import { merchantStats } from '../tools/merchant-stats/index.ts';
import { merchantOne, useFixture } from './helpers/deps.ts';
import { NOW } from './helpers/fixture.ts';
import { POSTGRES_ADMIN_URL, usePostgres } from './helpers/postgres.ts';

const fixture = useFixture();
const renderers: ChartRenderer[] = [];
const renderer = (options?: ChartRendererOptions) => {
  const r = new ChartRenderer(options);
  renderers.push(r);
  return r;
};
afterAll(() => Promise.all(renderers.map((r) => r.close())));

const MERCHANT_ONE_SHOPS = [1, 2];

/** The charts of a merchant's "last week" answer, built as the assistant builds them. */
async function salesCharts(ctx: CallerContext = merchantOne): Promise<ChartSpec[]> {
  const result = await merchantStats.run(fixture.deps, ctx, merchantStats.input.parse({ period: 'last_week' }));
  return attachmentsFor([{ name: 'merchant_stats', result }], ctx.locale).charts;
}

/** The PNG signature and the IHDR chunk's width and height (big-endian, right after the signature). */
function pngHeader(png: Buffer) {
  return { signature: png.subarray(0, 8).toString('hex'), chunk: png.subarray(12, 16).toString('latin1'), width: png.readUInt32BE(16), height: png.readUInt32BE(20), end: png.subarray(-8, -4).toString('latin1') };
}
const VALID = { signature: '89504e470d0a1a0a', chunk: 'IHDR', width: CHART_WIDTH, height: CHART_HEIGHT, end: 'IEND' };

let orderId = 1000;
async function addOrder(shopId: number, iso: string, quantity: number, unitPrice = 4000) {
  const id = orderId++;
  await fixture.db.order.create({ data: { id, customerId: 2, shopId, createdAt: new Date(iso), total: quantity * unitPrice, paymentMethod: 'debit_wallet', status: 'paid' } });
  await fixture.db.orderItem.create({ data: { orderId: id, productId: 1, quantity, unitPrice } });
  return id;
}
async function removeOrders(ids: number[]) {
  await fixture.db.orderItem.deleteMany({ where: { orderId: { in: ids } } });
  await fixture.db.order.deleteMany({ where: { id: { in: ids } } });
}

describe('charts rendered in the worker pool, cached', () => {
  const charts = renderer();
  let first: { title: string; png: Buffer }[];
  let specs: ChartSpec[];
  beforeAll(async () => {
    specs = await salesCharts();
  });

  it('returns real PNGs of the chart size, the same pictures the main thread drew before', async () => {
    expect(specs.map((s) => s.title)).toEqual([expect.stringMatching(/^Weekly revenue and 4-week forecast/), 'Top products (revenue)']);
    first = await charts.render(fixture.db, specs);
    expect(first.map((c) => c.title)).toEqual(specs.map((s) => s.title));
    for (const [i, chart] of first.entries()) {
      expect(pngHeader(chart.png)).toEqual(VALID);
      expect(chart.png.length).toBeGreaterThan(5000); // axes, bars and labels, not a blank image
      expect(chart.png.equals(renderChartPng(specs[i]))).toBe(true);
    }
    expect(charts.counts).toMatchObject({ renders: 2, failures: 0 });
  });

  it('serves the same bytes from the cache when the merchant asks again, without a render', async () => {
    const again = await charts.render(fixture.db, await salesCharts());
    expect(again.map((c) => c.png)).toEqual(first.map((c) => c.png));
    expect(charts.counts).toMatchObject({ renders: 2, hits: 2 });
    // Asked twice at once: one render each, shared.
    const fresh = renderer();
    const [a, b] = await Promise.all([fresh.render(fixture.db, specs), fresh.render(fixture.db, specs)]);
    expect(b.map((c) => c.png)).toEqual(a.map((c) => c.png));
    expect(fresh.counts.renders).toBe(2);
  });

  it('draws a new picture after a new order for that merchant, not after another merchant\'s', async () => {
    const before = await chartDataVersion(fixture.db, MERCHANT_ONE_SHOPS);
    const added: number[] = [];
    try {
      added.push(await addOrder(3, '2026-11-19T03:00:00Z', 4)); // merchant 2's shop D
      expect(await chartDataVersion(fixture.db, MERCHANT_ONE_SHOPS)).toBe(before);
      await charts.render(fixture.db, await salesCharts());
      expect(charts.counts).toMatchObject({ renders: 2, hits: 4 });

      added.push(await addOrder(1, '2026-11-19T03:00:00Z', 3)); // merchant 1's shop A, last week: +120 yuan
      expect(await chartDataVersion(fixture.db, MERCHANT_ONE_SHOPS)).not.toBe(before);
      const newSpecs = await salesCharts();
      const after = await charts.render(fixture.db, newSpecs);
      expect(charts.counts).toMatchObject({ renders: 4, hits: 4 });
      expect(after.map((c) => pngHeader(c.png))).toEqual([VALID, VALID]);
      expect(after[0].png.equals(first[0].png)).toBe(false); // the revenue trend shows the new order
      expect(after[0].png.equals(renderChartPng(newSpecs[0]))).toBe(true);
    } finally {
      await removeOrders(added);
    }
  });
});

describe('a chart worker that fails', () => {
  const broken = new URL('./helpers/broken-chart-worker.mjs', import.meta.url);

  it('leaves out only the failed charts, with a log line each, whether the worker throws, crashes or hangs', async () => {
    const [trend, top] = await salesCharts();
    const charts = renderer({ workerModule: broken, timeoutMs: 3000 });
    const lines: string[] = [];
    const out = await charts.render(fixture.db, [{ ...trend, title: 'throw' }, { ...trend, title: 'crash' }, trend], (line) => lines.push(line));
    expect(out.map((c) => c.title)).toEqual([trend.title]); // rendered by the thread that replaced the crashed one
    expect(pngHeader(out[0].png)).toEqual(VALID);
    expect(lines).toEqual([
      expect.stringMatching(/^\[charts\] "throw" left out of the answer: bad chart spec in the worker/),
      expect.stringMatching(/^\[charts\] "crash" left out of the answer/),
    ]);
    // No answer within the timeout: left out, the stuck thread ended, the next chart renders.
    expect(await charts.render(fixture.db, [{ ...top, title: 'hang' }], (line) => lines.push(line))).toEqual([]);
    expect(lines[2]).toMatch(/^\[charts\] "hang" left out of the answer/);
    expect((await charts.render(fixture.db, [top])).map((c) => pngHeader(c.png))).toEqual([VALID]);
    expect(charts.counts).toMatchObject({ renders: 2, failures: 3 });
    // A failure is not cached: the next ask tries again.
    await charts.render(fixture.db, [{ ...trend, title: 'throw' }], () => {});
    expect(charts.counts.failures).toBe(4);
  }, 60_000);

  it('still answers a merchant\'s sales question on the web, without the charts', async () => {
    const assistant = await Assistant.create({ db: fixture.db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} });
    const lines: string[] = [];
    // The real worker, but no render can finish within 1 ms: every chart times out.
    const app = buildWebServer({ db: fixture.db, assistant, log: (line) => lines.push(line), charts: renderer({ timeoutMs: 1 }) });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/chat', payload: { as: 'merchant:1', chatId: 'charts-broken', text: 'sales last week' } });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.toolCalls.map((c: { name: string }) => c.name)).toContain('merchant_stats');
      expect(body.reply).toMatch(/189/); // last week's revenue (80 + 79 + 30 yuan)
      expect(body.charts).toEqual([]);
      expect(lines.filter((l) => l.startsWith('[charts]'))).toHaveLength(2);
    } finally {
      await app.close();
    }
  });
});

describe.skipIf(!POSTGRES_ADMIN_URL)('charts on PostgreSQL', () => {
  const pg = usePostgres(`shop_assistant_charts_${process.pid}`);

  it('reads the data version there too: a new order for that merchant changes it, another merchant\'s does not', async () => {
    const before = await chartDataVersion(pg.db, MERCHANT_ONE_SHOPS);
    expect(before).toBe(await chartDataVersion(fixture.db, MERCHANT_ONE_SHOPS)); // the same fixture: 6 orders, newest id 6
    const order = (id: number, shopId: number) => ({ id, customerId: 2, shopId, createdAt: new Date('2026-11-19T03:00:00Z'), total: 100, paymentMethod: 'debit_wallet', status: 'paid' });
    await pg.db.order.create({ data: order(2000, 3) });
    expect(await chartDataVersion(pg.db, MERCHANT_ONE_SHOPS)).toBe(before);
    await pg.db.order.create({ data: order(2001, 2) });
    expect(await chartDataVersion(pg.db, MERCHANT_ONE_SHOPS)).not.toBe(before);
  }, 60_000);
});

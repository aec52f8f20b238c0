// npm run bench:charts: the two charts of a merchant_stats answer (weekly revenue + forecast, top
// products) on the demo store, rendered the old way (ECharts + resvg on the main thread) and the new
// way (the chart worker thread, then the cache) side by side in one run: time per chart, the main
// thread's event-loop delay while 10 charts render, cold vs cached. Prints figures; asserts nothing.
// Reads the store only (DATABASE_URL, default data/shop.db).
import { availableParallelism } from 'node:os';
import { setImmediate as tick } from 'node:timers/promises';
import { attachmentsFor, type ChartSpec } from '../agents/attachments.ts';
import { chartDataVersion, ChartRenderer } from '../bots/shared/charts.ts';
import { openStore } from '../prisma/store.ts';
import { databaseUrl } from '../prisma/url.ts';
import { createToolDeps } from '../tools/deps.ts';
import { merchantStats } from '../tools/merchant-stats/index.ts';
import { fmtLoop, measured } from './event-loop-measure.ts';
import { machine, skipWithoutStore, sqliteFileOf } from './machine.ts';

const url = databaseUrl();
const file = sqliteFileOf(url);
skipWithoutStore('bench:charts', file);
const loadBefore = machine();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

// The charts a real answer carries: the busiest merchant's last 30 days, as the assistant builds them.
const db = await openStore(url);
const busiest = await db.$queryRawUnsafe<{ merchantId: number }[]>('SELECT s."merchantId" AS "merchantId" FROM "Order" o JOIN "Shop" s ON s."id" = o."shopId" GROUP BY s."merchantId" ORDER BY COUNT(*) DESC LIMIT 1');
const newest = await db.order.findFirst({ orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
if (!busiest.length || !newest) {
  console.log('bench:charts — the store has no orders: run `npm run db:reset`. Skipped.');
  process.exit(0);
}
const merchantId = Number(busiest[0].merchantId);
const deps = await createToolDeps(db);
const ctx = { caller: { role: 'merchant' as const, merchantId }, locale: 'zh' as const, now: newest.createdAt };
const result = await merchantStats.run(deps, ctx, merchantStats.input.parse({ period: 'last_30_days' }));
const specs: ChartSpec[] = attachmentsFor([{ name: 'merchant_stats', result }], 'zh').charts;
const shopIds = specs[0].scope!.shopIds;
console.log(`bench:charts — store ${file ?? url.replace(/\/\/[^@]*@/, '//…@')}; merchant ${merchantId} (${shopIds.length} shops), last 30 days: ${specs.length} charts; ${availableParallelism()} cores; Node ${process.version}`);
console.log(`before: ${loadBefore}`);

// 1. Per chart: the old way on this thread, the new way in the worker thread (no cache).
// Loading: the old charts.ts imported ECharts' ES modules (through tsx's loader) on the main thread at start.
let loadStart = performance.now();
await import('echarts');
const esmLoadMs = performance.now() - loadStart;
loadStart = performance.now();
const { renderChartPng } = await import('../bots/shared/chart-render.ts');
const loadMs = performance.now() - loadStart;
const RUNS = 7;
const pool = new ChartRenderer();
const coldStart = performance.now();
const cold = await pool.render(undefined, [specs[0]]); // starts the thread: first chart after start or a minute idle
const coldPoolMs = performance.now() - coldStart;
const perChart = [];
for (const [i, spec] of specs.entries()) {
  const main: number[] = [];
  const pooled: number[] = [];
  let mainPng: Buffer | undefined;
  let pooledPng: Buffer | undefined;
  for (let r = 0; r < RUNS; r++) {
    let t = performance.now();
    mainPng = renderChartPng(spec);
    main.push(performance.now() - t);
    t = performance.now();
    pooledPng = (await pool.render(undefined, [spec]))[0]?.png;
    pooled.push(performance.now() - t);
  }
  perChart.push({ name: `${i + 1}. ${spec.kind === 'bar' ? 'top products (bar)' : 'weekly revenue + forecast'}`, main: median(main), pooled: median(pooled), bytes: mainPng!.length, same: !!pooledPng && mainPng!.equals(pooledPng) });
}
console.log(`\nper chart, median of ${RUNS} (main = ECharts + resvg on this thread, the old way; pool = the worker thread, round trip included):`);
for (const c of perChart) console.log(`  ${c.name.padEnd(30)} main ${ms(c.main).padStart(7)}   pool ${ms(c.pooled).padStart(7)}   PNG ${c.bytes} bytes, pool's identical: ${c.same ? 'yes' : 'NO'}`);
console.log(`  loading ECharts on a thread (once): old ES modules ${ms(esmLoadMs)} (the main thread at start), new one-file build + resvg ${ms(loadMs)} (the worker)`);
console.log(`  first pooled chart with the thread starting (after start or a minute idle): ${ms(coldPoolMs)}${cold.length ? '' : ' (FAILED)'}`);

// 2. Ten charts (five answers' two) while the event loop is watched.
const ANSWERS = 5;
const mainLoop = await measured(async () => {
  for (let a = 0; a < ANSWERS; a++) {
    for (const spec of specs) renderChartPng(spec); // as server.ts / app.ts did: both charts in one go
    await tick();
  }
});
const poolLoop = await measured(() => Promise.all(Array.from({ length: ANSWERS }, () => pool.render(undefined, specs))));
console.log(`\n${ANSWERS * specs.length} charts (${ANSWERS} answers), main-thread event-loop delay meanwhile:`);
console.log(`  old  main thread      ${ms(mainLoop.ms).padStart(8)}   event loop ${fmtLoop(mainLoop.loop)}`);
console.log(`  new  worker thread    ${ms(poolLoop.ms).padStart(8)}   event loop ${fmtLoop(poolLoop.loop)}   (${poolLoop.value.flat().length} PNGs back)`);

// 3. Cold vs cached: a merchant asking twice with no new order in between (the data version read each time).
const versionTimes: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const t = performance.now();
  await chartDataVersion(db, shopIds);
  versionTimes.push(performance.now() - t);
}
const cache = new ChartRenderer();
const first = await measured(() => cache.render(db, specs)); // thread cold, cache cold
const second = await measured(() => cache.render(db, specs)); // the same answer again: cache hit
const rendersAfter = cache.counts.renders;
const warmCold = new ChartRenderer();
await warmCold.render(undefined, [specs[1] ?? specs[0]]); // thread up, cache empty
const warmMiss = await measured(() => warmCold.render(db, specs));
console.log(`\nboth charts of one answer through the cache (data version read: median ${ms(median(versionTimes))}):`);
console.log(`  cold thread, cache miss   ${ms(first.ms).padStart(8)}   event loop max ${first.loop.max.toFixed(0)} ms`);
console.log(`  warm thread, cache miss   ${ms(warmMiss.ms).padStart(8)}   event loop max ${warmMiss.loop.max.toFixed(0)} ms`);
console.log(`  cache hit                 ${ms(second.ms).padStart(8)}   event loop max ${second.loop.max.toFixed(0)} ms   (renders: ${rendersAfter} for both calls, hits ${cache.counts.hits})`);
console.log(`  the old way (both on this thread, every time): ${ms(perChart.reduce((s, c) => s + c.main, 0))}`);

await Promise.all([pool.close(), cache.close(), warmCold.close()]);
await db.$disconnect();
console.log(`\nafter: ${machine()}`);

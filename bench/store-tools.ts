// npm run bench:store [-- --rounds 20 --rebuild --spread customers|time --postgres postgres://postgres@127.0.0.1:5432/postgres]
// Every text tool called through TOOLS with realistic callers (shoppers with a pay-later account at
// their home location, merchants with their shops), on a copy of the demo store at 1× and at 10×
// order history (bench/history-10x.ts), the stores called in turn so they share the machine's load.
// With --postgres, the same two stores loaded into PostgreSQL databases shop_bench_1x / shop_bench_10x
// on that server (bench/postgres-copy.ts; made when missing or with --rebuild) are benched beside them.
// Prints per tool the first call (caches being built), p50 and p95 of the later calls, and how much
// p95 grows from 1× to 10×. Asserts nothing.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { openStore, type Store } from '../prisma/store.ts';
import type { CallerContext, ToolDeps, ToolSpec } from '../tools/context.ts';
import { ToolError } from '../tools/context.ts';
import { createToolDeps } from '../tools/deps.ts';
import { TOOLS } from '../tools/index.ts';
import { recommenderFor } from '../tools/recommend/index.ts';
import { modelChoices } from '../tools/restock-forecast/model-choices.ts';
import { buildHistoryStore, STORE_10X, STORE_1X, type Spread } from './history-10x.ts';
import { copySqliteToPostgres } from './postgres-copy.ts';

export const TEXT_TOOLS = ['nearby_shops', 'price_check', 'recommend', 'customer_profile', 'credit_line', 'wealth_products',
  'merchant_stats', 'restock_forecast', 'satisfaction_report', 'pricing_advice', 'anomaly_alerts'];

/** The tool's own example arguments, minus a fixed shop id (the bench's merchants own other shops). */
function argsFor(tool: ToolSpec): unknown {
  const { shopId: _shopId, ...example } = tool.example as Record<string, unknown>;
  return tool.input.parse(example);
}

export type Side = { label: string; db: Store; deps: ToolDeps; shoppers: CallerContext[]; merchants: CallerContext[] };

/** Shoppers with an account and orders (spread over the ids), merchants with shops; at their home, the clock 4 h after the last order. */
export async function openSide(label: string, url: string, callers = 8): Promise<Side> {
  const db = await openStore(url);
  const deps = await createToolDeps(db);
  const last = (await db.order.aggregate({ _max: { createdAt: true } }))._max.createdAt ?? new Date();
  const now = new Date(last.getTime() + 4 * 3600_000);
  const accounts = await db.creditAccount.findMany({ select: { customerId: true, customer: { select: { homeLat: true, homeLng: true } } }, orderBy: { id: 'asc' } });
  const step = Math.max(1, Math.floor(accounts.length / callers));
  const shoppers = accounts.filter((_, i) => i % step === 0).slice(0, callers).map((a, i): CallerContext => ({
    caller: { role: 'shopper', customerId: a.customerId }, locale: i % 2 ? 'en' : 'zh', location: { lat: a.customer.homeLat, lng: a.customer.homeLng }, now,
  }));
  const owners = await db.shop.groupBy({ by: ['merchantId'], _count: true, orderBy: { merchantId: 'asc' } });
  const mstep = Math.max(1, Math.floor(owners.length / callers));
  const merchants = owners.filter((_, i) => i % mstep === 0).slice(0, callers).map((o, i): CallerContext => ({ caller: { role: 'merchant', merchantId: o.merchantId }, locale: i % 2 ? 'en' : 'zh', now }));
  return { label, db, deps, shoppers, merchants };
}

export type Timing = { first: number; samples: number[]; errors: number };

/** One call, timed; a ToolError (what a user would read) counts as an answer, anything else is printed. */
async function timedCall(tool: ToolSpec, side: Side, round: number, errors: { n: number }): Promise<number> {
  const callers = tool.roles.includes('shopper') ? side.shoppers : side.merchants;
  const ctx = callers[round % callers.length];
  const started = performance.now();
  try {
    await tool.run(side.deps, ctx, argsFor(tool) as never);
  } catch (error) {
    errors.n++;
    if (!(error instanceof ToolError)) console.error(`  ${side.label} ${tool.name}: ${(error as Error).message.slice(0, 160)}`);
  }
  return performance.now() - started;
}

/** Calls every tool on every side in turn, `rounds` times after a first call. */
export async function measure(tools: ToolSpec[], sides: Side[], rounds: number): Promise<Map<string, Timing[]>> {
  const out = new Map<string, Timing[]>();
  for (const tool of tools) out.set(tool.name, sides.map(() => ({ first: 0, samples: [], errors: 0 })));
  for (let round = -1; round < rounds; round++) {
    for (const tool of tools) {
      for (const [i, side] of sides.entries()) {
        const timing = out.get(tool.name)![i];
        const errors = { n: 0 };
        const ms = await timedCall(tool, side, Math.max(0, round), errors);
        timing.errors += errors.n;
        if (round < 0) timing.first = ms;
        else timing.samples.push(ms);
      }
    }
  }
  return out;
}

export const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
};
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1)).padStart(7);

export function table(results: Map<string, Timing[]>, labels: string[]): string {
  const head = ['tool'.padEnd(20), ...labels.map((l) => `${`${l} first`.padStart(12)} ${`${l} p50`.padStart(10)} ${`${l} p95`.padStart(10)}`), 'p95 10×/1×'.padStart(11)];
  const lines = [head.join(' ')];
  for (const [name, timings] of results) {
    const cells = timings.map((t) => `${ms(t.first).padStart(12)} ${ms(percentile(t.samples, 0.5)).padStart(10)} ${ms(percentile(t.samples, 0.95)).padStart(10)}`);
    // 10× over 1× for each store: sides come in (1×, 10×) pairs.
    const ratios = [];
    for (let i = 0; i + 1 < timings.length; i += 2) ratios.push(`${(percentile(timings[i + 1].samples, 0.95) / percentile(timings[i].samples, 0.95)).toFixed(1)}×`);
    const errors = timings.some((t) => t.errors) ? `  (errors: ${timings.map((t) => t.errors).join('/')})` : '';
    lines.push([name.padEnd(20), ...cells, ratios.join(' ').padStart(11)].join(' ') + errors);
  }
  return lines.join('\n');
}

const load = () => loadavg().map((v) => v.toFixed(2)).join(', ');

/** A database there with the bench's store in it (orders and offers loaded). */
async function postgresHasStore(url: string): Promise<boolean> {
  try {
    const db = await openStore(url);
    try {
      return (await db.offer.count()) > 0 && (await db.order.count()) > 0;
    } finally {
      await db.$disconnect();
    }
  } catch {
    return false;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' }, rebuild: { type: 'boolean', default: false }, spread: { type: 'string', default: 'customers' }, postgres: { type: 'string' } } });
  console.log(`nproc ${availableParallelism()}, load average before: ${load()}`);
  for (const [file, factor] of [[STORE_1X, 1], [STORE_10X, 10]] as const) {
    if (values.rebuild || !existsSync(file)) {
      const built = await buildHistoryStore({ target: file, factor, spread: values.spread as Spread, log: () => {} });
      console.log(`built ${file} (${factor}×, ${built.after.OrderItem} order lines) in ${built.seconds.toFixed(1)} s`);
    }
  }
  const stores: [string, string][] = [['1×', `file:${STORE_1X}`], ['10×', `file:${STORE_10X}`]];
  if (values.postgres) {
    for (const [label, file, db] of [['PG 1×', STORE_1X, 'shop_bench_1x'], ['PG 10×', STORE_10X, 'shop_bench_10x']] as const) {
      const url = values.postgres.replace(/\/[^/?]*(\?|$)/, `/${db}$1`);
      if (values.rebuild || !(await postgresHasStore(url))) {
        const copied = await copySqliteToPostgres(file, url, () => {});
        console.log(`loaded ${db} from ${file} in ${copied.seconds.toFixed(1)} s`);
      }
      stores.push([label, url]);
    }
  }
  const sides: Side[] = [];
  for (const [label, url] of stores) {
    const t = performance.now();
    const side = await openSide(label, url);
    const opened = performance.now() - t;
    const t2 = performance.now();
    await recommenderFor(side.deps, side.shoppers[0].now);
    console.log(`${label}: store + catalogue index ${opened.toFixed(0)} ms; recommender trained in ${((performance.now() - t2) / 1000).toFixed(1)} s; clock ${side.shoppers[0].now.toISOString()}`);
    sides.push(side);
  }
  const tools = TEXT_TOOLS.map((name) => TOOLS.find((tool) => tool.name === name)!);
  const rounds = Number(values.rounds);
  const results = await measure(tools, sides, rounds);
  console.log(`\n${rounds} calls per tool and store after the first (ms):`);
  console.log(table(results, sides.map((s) => s.label)));
  console.log(`\nrestock model choices (series): ${JSON.stringify(modelChoices.counts)}`);
  console.log(`load average after: ${load()}; RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
  for (const side of sides) await side.db.$disconnect();
  process.exit(0); // the recommender's worker pool would keep the process up for its idle minute
}

// npm run bench: seed time of the default world, and one-message latency of the embedded planner
// (store + tools + agent loop + memory) on it. Prints figures; asserts nothing.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Assistant } from '../agents/assistant.ts';
import { recommenderFor } from '../tools/recommend/index.ts';
import { seedIfEmpty } from '../prisma/seed/index.ts';
import { migrate, openStore } from '../prisma/store.ts';

const file = join(import.meta.dirname, '..', 'data', 'bench', 'bench.db');
rmSync(join(import.meta.dirname, '..', 'data', 'bench'), { recursive: true, force: true });
const url = `file:${file}`;

let t = performance.now();
migrate(url);
const migrateMs = performance.now() - t;
const db = await openStore(url);
t = performance.now();
await seedIfEmpty(db, {}, () => {});
const seedS = (performance.now() - t) / 1000;

t = performance.now();
const assistant = await Assistant.create({ db, modelConfig: { kind: 'local' }, log: () => {} });
const bootMs = performance.now() - t;
t = performance.now();
await recommenderFor(assistant.toolDeps, new Date()); // what npm start warms in the background
const rankerMs = performance.now() - t;

const shopper = { role: 'shopper' as const, customerId: 7 };
const merchant = { role: 'merchant' as const, merchantId: 34 };
const turns: [typeof shopper | typeof merchant, string][] = [
  [shopper, '附近哪里有卖洗衣液'], [shopper, '再便宜点的'], [shopper, 'where can I buy cola nearby?'], [shopper, '蓝月亮洗衣液 2kg 59元贵吗'],
  [shopper, 'is 8 yuan a fair price for Nongfu Spring mineral water 1.5L?'], [shopper, '推荐点东西'], [shopper, '关于我你知道什么'], [shopper, '我的花呗额度'],
  [merchant, '上周销售怎么样'], [merchant, 'top 5 products last month'], [merchant, 'sales this year'], [merchant, '补货建议'], [merchant, '顾客都在抱怨什么'], [merchant, 'anything wrong this week?'],
];
await db.customer.update({ where: { id: 7 }, data: { lastLat: 30.5275, lastLng: 114.3537 } });
const samples: Record<string, number[]> = {};
for (let round = 0; round < 5; round++) {
  for (const [caller, text] of turns) {
    const started = performance.now();
    await assistant.handle({ chatKey: `bench:${round}:${caller.role}`, caller, text });
    (samples[text] ??= []).push(performance.now() - started);
  }
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const all = Object.values(samples).flat();
console.log(`migrate (SQLite, via Prisma CLI): ${migrateMs.toFixed(0)} ms`);
console.log(`seed default world: ${seedS.toFixed(1)} s`);
console.log(`assistant boot (catalogue index + agent): ${bootMs.toFixed(0)} ms; recommender ranker learned in ${(rankerMs / 1000).toFixed(1)} s (background at npm start)`);
console.log(`one message, embedded planner, ${all.length} messages: p50 ${pct(all, 0.5).toFixed(0)} ms, p95 ${pct(all, 0.95).toFixed(0)} ms`);
for (const [text, xs] of Object.entries(samples)) console.log(`  ${pct(xs, 0.5).toFixed(0).padStart(5)} ms  ${text}`);
console.log(`RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
await db.$disconnect();

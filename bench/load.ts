// npm run bench:load: the web chat under a realistic text mix (shoppers and merchants, zh/en) at 16
// concurrent chats over HTTP on 127.0.0.1, the way `npm start` runs it (store, local planner, web
// server in this process), on a temp copy of the demo store. Prints throughput, latency, CPU per
// message, a cheap GET's latency while the load runs (sent from a worker thread, so its timing is not
// held up by the loop it measures), event-loop delay, and the same right after a feedback write
// followed by a recommend request. Prints figures; asserts nothing (issue #14's targets beside them).
// Options: --messages N (default 320), --concurrency N (16), --db path (data/shop.db), --profile
// file.cpuprofile (the main thread's CPU profile over the load, summarised; slows it a little).
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { profiled } from './cpu-profile.ts';
import { machine, skipWithoutStore } from './machine.ts';

const { values: args } = parseArgs({ options: { messages: { type: 'string', default: '320' }, concurrency: { type: 'string', default: '16' }, db: { type: 'string', default: 'data/shop.db' }, profile: { type: 'string' } } });
const MESSAGES = Number(args.messages);
const CONCURRENCY = Number(args.concurrency);
const source = resolve(args.db!);
skipWithoutStore('bench:load', source);
console.log(`bench:load — ${MESSAGES} messages at ${CONCURRENCY} concurrent chats; Node ${process.version}; nproc ${execFileSync('nproc', { encoding: 'utf8' }).trim()}`);
console.log(`before: ${machine()}`);

// The bench writes (conversations, feedback): a copy, never the shared store.
const dir = mkdtempSync(join(tmpdir(), 'bench-load-'));
copyFileSync(source, join(dir, 'shop.db'));
if (existsSync(`${source}-wal`) && statSync(`${source}-wal`).size > 0) copyFileSync(`${source}-wal`, join(dir, 'shop.db-wal'));
process.env.DATABASE_URL = `file:${join(dir, 'shop.db')}`;
process.env.VECTOR_INDEX ??= 'off'; // store search: no Chroma start-up or sync inside the figures

// What bots/main.ts and agents/runtime.ts do, with the background start-up work awaited.
const { buildWebServer } = await import('../bots/web/server.ts');
const { migrate, openStore } = await import('../prisma/store.ts');
const { Assistant } = await import('../agents/assistant.ts');
const { syncIndex } = await import('../tools/catalogue/index-sync.ts');
const { recommenderFor, recommenderSettled, trainer } = await import('../tools/recommend/index.ts');
let t = performance.now();
migrate(process.env.DATABASE_URL);
const db = await openStore(process.env.DATABASE_URL);
const assistant = await Assistant.create({ db, modelConfig: { kind: 'local' }, log: () => {} });
const bootMs = performance.now() - t;
t = performance.now();
await syncIndex(assistant.toolDeps, () => {});
await recommenderFor(assistant.toolDeps, new Date());
await recommenderSettled(assistant.toolDeps);
const warmMs = performance.now() - t;
const web = buildWebServer({ db, assistant, log: (line) => console.error(line) });
const base = await web.listen({ host: '127.0.0.1', port: 0 });
console.log(`start-up: store + assistant ${(bootMs / 1000).toFixed(1)} s, index check + recommender trained ${(warmMs / 1000).toFixed(1)} s; RSS ${(process.memoryUsage.rss() / 1048576).toFixed(0)} MiB`);

// ---- the mix -------------------------------------------------------------------------------------
type Caller = `shopper:${number}` | `merchant:${number}`;
type Msg = { text: string; location?: { lat: number; lng: number } };
const HERE = { lat: 30.5275, lng: 114.3537 };
const SHOPPER: Msg[] = [
  { text: '附近哪里有卖洗衣液', location: HERE }, { text: '蓝月亮洗衣液 2kg 59元贵吗' }, { text: '推荐点东西' }, { text: '关于我你知道什么' },
  { text: '我的花呗额度' }, { text: 'where can I buy cola nearby?', location: HERE }, { text: 'is 8 yuan a fair price for Nongfu Spring mineral water 1.5L?' },
  { text: 'what should I buy next?' }, { text: 'what do you know about me?' }, { text: "what's my credit limit?" }, { text: '再便宜点的' },
];
const MERCHANT: Msg[] = [
  { text: '上周销售怎么样' }, { text: '补货建议' }, { text: '顾客都在抱怨什么' }, { text: 'anything wrong this week?' },
  { text: 'top 5 products last month' }, { text: 'what should I restock?' }, { text: 'what are customers complaining about?' }, { text: '最近有什么异常吗' },
];
// Shoppers with and without a credit account; the merchants with the most shops.
const SHOPPERS = [3, 4, 7, 11, 12, 14, 15, 16, 1, 2];
const MERCHANTS = [34, 22, 23, 39, 41, 2];
const lanes: { as: Caller; msgs: Msg[] }[] = Array.from({ length: CONCURRENCY }, (_, i) =>
  i % 8 < 5 ? { as: `shopper:${SHOPPERS[i % SHOPPERS.length]}`, msgs: SHOPPER } : { as: `merchant:${MERCHANTS[i % MERCHANTS.length]}`, msgs: MERCHANT });

type Reply = { reply: string; toolCalls: { name: string; result?: any }[]; proposal?: { id: number }; charts: unknown[] };
// One kept-alive connection per chat, opened before the load (a browser tab keeps its own): new
// connections during the load then come only from the probe below. (fetch would open more as it likes.)
const chatAgent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function request(method: string, path: string, body?: object): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const req = http.request(`${base}${path}`, { method, agent: chatAgent, headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}
async function post(as: Caller, chatId: string, body: object): Promise<{ ms: number; status: number; json: Reply }> {
  const started = performance.now();
  const res = await request('POST', '/api/chat', { as, chatId, ...body });
  return { ms: performance.now() - started, status: res.status, json: JSON.parse(res.text) as Reply };
}
await Promise.all(Array.from({ length: CONCURRENCY }, () => request('GET', '/healthz')));

// ---- measuring helpers ---------------------------------------------------------------------------
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] : NaN);
const ms = (x: number) => `${x.toFixed(0)} ms`;

/**
 * Cheap GETs (/healthz) from a worker thread (its timing is not held up by the loop it measures), open
 * loop so a stall shows in every request sent during it: every 100 ms over 16 connections opened
 * beforehand and kept alive (a browser's next request), and every second on a new connection (a
 * health checker). New connections get their own figure because libuv accepts one connection per
 * loop iteration (libuv#3696): when iterations are long, connections queue before the server sees them.
 */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const kept = new http.Agent({ keepAlive: true, maxSockets: 16 });
const samples = { kept: [], fresh: [] }; let inflight = 0; let stopping = false; let timers = [];
function probe(kind, agent, then) {
  const t = performance.now(); inflight++;
  const req = http.get(workerData.url, { agent }, (res) => { res.resume(); res.on('end', () => { if (kind) samples[kind].push(performance.now() - t); done(then); }); });
  req.setTimeout(120000, () => req.destroy()); req.on('error', () => { if (kind) samples[kind].push(Infinity); done(then); });
}
function done(then) { inflight--; then?.(); if (stopping && inflight === 0) finish(); }
function finish() { kept.destroy(); parentPort.postMessage(samples); }
let warming = 16;
for (let i = 0; i < 16; i++) probe(undefined, kept, () => { if (--warming) return;
  timers = [setInterval(() => probe('kept', kept), 100), setInterval(() => probe('fresh', false), 1000)];
  parentPort.postMessage('ready'); });
parentPort.on('message', () => { stopping = true; timers.forEach(clearInterval); if (inflight === 0) finish(); });`;
type Probe = { n: number; p50: number; p99: number; max: number };
const summary = (xs: number[]): Probe => ({ n: xs.length, p50: pct(xs, 0.5), p99: pct(xs, 0.99), max: Math.max(...xs) });
async function measured<T>(work: () => Promise<T>, withProbes = true) {
  const probes = withProbes ? new Worker(PROBE, { eval: true, workerData: { url: `${base}/healthz` } }) : undefined;
  if (probes) await new Promise((r) => probes.once('message', r)); // its 16 connections are open
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await new Promise((r) => setTimeout(r, 20)); // a block right at the end is recorded on the next sample
  loop.disable();
  const samples: { kept: number[]; fresh: number[] } = probes ? await new Promise((r) => { probes.once('message', r); probes.postMessage('stop'); }) : { kept: [], fresh: [] };
  await probes?.terminate();
  const delay = (ns: number) => Math.max(0, ns / 1e6 - 10); // beyond the 10 ms sampling interval
  return {
    value, wallMs, cpuMs: (used.user + used.system) / 1000,
    loop: { p50: delay(loop.percentile(50)), p99: delay(loop.percentile(99)), max: delay(loop.max) },
    kept: summary(samples.kept), fresh: summary(samples.fresh),
  };
}
type Measured = Awaited<ReturnType<typeof measured>>;
const probeLine = (p: Probe) => (p.n ? `p50 ${ms(p.p50)}, p99 ${ms(p.p99)}, max ${ms(p.max)} (${p.n})` : 'none sent');
const cheap = (m: Measured) => `cheap GET /healthz: kept-alive every 100 ms ${probeLine(m.kept)}; new connection every second ${probeLine(m.fresh)}`;
const loopLine = (m: Measured) => `event-loop delay: p50 ${ms(m.loop.p50)}, p99 ${ms(m.loop.p99)}, max ${ms(m.loop.max)}`;

// ---- 1. idle: what the probes and a trivial request cost (client + server, this process) ----------
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const probing = await measured(() => sleep(5000));
const probeCpuPerS = probing.cpuMs / (probing.wallMs / 1000);
const trivial = await measured(async () => { for (let i = 0; i < 200; i++) JSON.parse((await request('GET', '/healthz')).text); }, false);
console.log(`\n1. idle: the probes alone cost ${probeCpuPerS.toFixed(0)} ms CPU/s; ${cheap(probing)}; ${loopLine(probing)}`);
console.log(`  200 sequential GET /healthz (keep-alive, no probes): ${(trivial.cpuMs / 200).toFixed(2)} ms CPU each (client + server)`);

// ---- 2. one user: each text once, sequentially (tool it reached, latency) ------------------------
console.log('\n2. one user, each text once (warm-up):');
for (const [as, msgs] of [['shopper:7', SHOPPER], ['merchant:34', MERCHANT]] as const) {
  for (const msg of msgs) {
    const r = await post(as, 'warm', msg);
    console.log(`  ${ms(r.ms).padStart(8)}  ${(r.json.toolCalls?.map((c) => c.name).join('+') || '-').padEnd(20)} ${r.json.charts?.length ? `${r.json.charts.length} charts ` : ''}${msg.text}`);
  }
}

// ---- 3. the load --------------------------------------------------------------------------------
// Each lane is one person; a new conversation every 8 messages keeps every chat under the web chat's 20 a minute.
const latencies: number[] = [];
const statuses = new Map<number, number>();
let next = 0;
const chats = () => Promise.all(lanes.map(async (lane, i) => {
  for (let k = 0; ; k++) {
    if (next >= MESSAGES) return;
    next++;
    const r = await post(lane.as, `load-${i}-${Math.floor(k / 8)}`, lane.msgs[(i + k) % lane.msgs.length]);
    latencies.push(r.ms);
    statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  }
}));
let profileSummary = '';
const load = await measured(async () => {
  if (!args.profile) return chats();
  const run = await profiled(args.profile, chats);
  profileSummary = run.summary;
});
console.log(`\n3. load: ${MESSAGES} messages, ${CONCURRENCY} concurrent chats (${lanes.filter((l) => l.as.startsWith('shopper')).length} shoppers, ${lanes.filter((l) => l.as.startsWith('merchant')).length} merchants), statuses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}`);
console.log(`  ${(MESSAGES / (load.wallMs / 1000)).toFixed(1)} messages/s (target ≥ 100); latency p50 ${ms(pct(latencies, 0.5))}, p95 ${ms(pct(latencies, 0.95))} (target < 300 ms), p99 ${ms(pct(latencies, 0.99))}, max ${ms(Math.max(...latencies))}`);
const probeShare = (probeCpuPerS * load.wallMs) / 1000 / MESSAGES;
console.log(`  CPU ${(load.cpuMs / MESSAGES).toFixed(1)} ms per message, ${(load.cpuMs / MESSAGES - probeShare).toFixed(1)} without the probes' idle cost (target ≤ ~20; whole process: server, workers, HTTP client)`);
console.log(`  ${cheap(load)} (target p99 < 100 ms)`);
console.log(`  ${loopLine(load)} (target max < 100 ms)`);
if (profileSummary) console.log(`  CPU profile (${args.profile}), ${profileSummary.replaceAll('\n', '\n  ')}`);

// ---- 4. a feedback write, then recommend at once (quiet machine, 5 shoppers) ---------------------
const writes: number[] = [];
const after: number[] = [];
let rounds = 0;
const feedback = await measured(async () => {
  for (const id of [3, 4, 7, 11, 12]) {
    const as: Caller = `shopper:${id}`;
    const chatId = `feedback-${id}`;
    await post(as, chatId, { text: '推荐点东西' });
    const asked = await post(as, chatId, { text: '第一个不喜欢' });
    if (!asked.json.proposal) continue;
    const saved = await post(as, chatId, { decision: { proposalId: asked.json.proposal.id, accept: true } });
    const again = await post(as, chatId, { text: '推荐点东西' });
    if (saved.json.toolCalls?.[0]?.name !== 'feedback') continue;
    rounds++;
    writes.push(saved.ms);
    after.push(again.ms);
  }
});
console.log(`\n4. feedback write then recommend, ${rounds} of 5 shoppers confirmed a rating (each: recommend, "第一个不喜欢", yes, recommend again):`);
console.log(`  write ${writes.map(ms).join(', ')}; recommend right after ${after.map(ms).join(', ')}`);
console.log(`  ${cheap(feedback)}; ${loopLine(feedback)}`);

const health = JSON.parse((await request('GET', '/healthz')).text) as { eventLoop: unknown; rssMiB: number };
console.log(`\n/healthz at the end: ${JSON.stringify(health)}`);
console.log(`after: ${machine()}`);

chatAgent.destroy();
await web.close();
await trainer.close();
await db.$disconnect();
rmSync(dir, { recursive: true, force: true });
process.exit(0); // the store client and the assistant leave handles open

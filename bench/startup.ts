// npm run bench:startup: how long `npm start` takes to be useful, as a newcomer sees it — time to the
// page (/healthz), to the first answer, to the first recommendation (the recommender's model), and the
// process's RSS 5 s later and after a minute idle (worker threads end after 60 s). Runs on a copy of
// the demo store (--db, default data/shop.db), or on a brand-new store with --fresh (seeded on start).
// The child gets MALLOC_ARENA_MAX=2 as `npm start` does (fewer glibc arenas for a process with worker threads: 417 MiB
// idle against 456 MiB without, bench:startup --keep --idle). Prints figures; asserts nothing. Options: --port N (3197), --idle (also wait 130 s for the idle RSS: the
// worker threads end after 60 s, the photo model's after 120 s), --keep (a restart of this install: the
// recommender saved beside the store and the install's own vector index in data/chroma come along).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { machine, skipWithoutStore } from './machine.ts';

const { values: args } = parseArgs({ options: { db: { type: 'string', default: 'data/shop.db' }, fresh: { type: 'boolean', default: false }, port: { type: 'string', default: '3197' }, idle: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } } });
const dir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
const file = join(dir, 'shop.db');
if (!args.fresh) {
  const source = resolve(args.db!);
  skipWithoutStore('bench:startup', source, '`npm start` once or use --fresh');
  execFileSync('sqlite3', [source, `.backup ${file}`]);
  // --keep: the recommender saved beside the source store comes along (a restart of the same store).
  if (args.keep && existsSync(`${source}.recommender`)) copyFileSync(`${source}.recommender`, `${file}.recommender`);
}
const base = `http://127.0.0.1:${args.port}`;
console.log(`bench:startup — ${args.fresh ? 'brand-new store' : `copy of ${args.db}${args.keep ? ' with its saved recommender' : ''}`}; nproc ${execFileSync('nproc', { encoding: 'utf8' }).trim()}; before: ${machine()}`);

const started = performance.now();
const child = spawn(process.execPath, ['--import', 'tsx', 'bots/main.ts'], {
  env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2', DATABASE_URL: `file:${file}`, PORT: args.port, CHROMA_PATH: args.keep ? resolve('data/chroma') : join(dir, 'chroma'), TELEGRAM_BOT_TOKEN: '', SLACK_BOT_TOKEN: '' },
  stdio: ['ignore', 'ignore', 'ignore'],
});
const since = () => ((performance.now() - started) / 1000).toFixed(1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const got = await probe().catch(() => undefined);
    if (got !== undefined) return got;
    await sleep(100);
  }
}
const chat = (text: string) => fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ as: 'shopper:7', chatId: 'bench', text }) });
const rss = async () => ((await (await fetch(`${base}/healthz`)).json()) as { rssMiB: number }).rssMiB;

try {
  await until(async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined));
  const page = since();
  await until(async () => ((await chat('你好')).status === 200 ? true : undefined));
  const first = since();
  const rec = (await (await chat('推荐点东西')).json()) as { toolCalls?: { name: string }[] };
  const recommended = since();
  await sleep(5000);
  const rss5 = await rss();
  let idle = '';
  if (args.idle) {
    await sleep(125_000);
    idle = `, after 130 s idle ${await rss()} MiB`;
  }
  console.log(`page (/healthz) ${page} s; first answer ${first} s; first recommendation ${recommended} s (${rec.toolCalls?.map((c) => c.name).join('+') || 'no tool'}); RSS 5 s later ${rss5} MiB${idle}`);
} finally {
  child.kill('SIGTERM');
  await sleep(1500);
  child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  console.log(`after: ${machine()}`);
}

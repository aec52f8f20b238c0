// `npm run db:seed`: fills an empty store with the demo world. Also used by `npm start` on first run
// (in a child process, `--progress-json`, so the web page can show how far it is meanwhile).
import { renameSync, rmSync } from 'node:fs';
import { databaseUrl, providerOf, sqliteFileUrl } from '../url.ts';
import { migrate, openStore, type Store } from '../store.ts';
import { writeWorld } from './write.ts';
import { generateWorld, type WorldOptions } from './world.ts';

/** What the seeding is doing and how far it is (0–100), for a progress line or bar. */
export type SeedProgress = { step: 'generating' | 'writing'; table?: string; percent: number };

/** Generating the world is about a fifth of the time; writing it the rest, by rows written. */
const GENERATING_SHARE = 20;

export async function seedIfEmpty(db: Store, options: WorldOptions = {}, log: (line: string) => void = console.log, progress: (p: SeedProgress) => void = () => {}): Promise<boolean> {
  if ((await db.shop.count()) > 0) return false;
  const started = performance.now();
  progress({ step: 'generating', percent: 0 });
  const world = generateWorld(options);
  log(`Seeding the demo world (seed ${world.seed}, history to ${world.endDate.toISOString().slice(0, 10)}): ${world.shops.length} shops, ${world.products.length} products, ${world.customers.length} customers, ${world.items.length} order lines…`);
  await writeWorld(db, world, (table, written, all) => progress({ step: 'writing', table, percent: Math.floor(GENERATING_SHARE + ((100 - GENERATING_SHARE) * written) / Math.max(1, all)) }));
  log(`Demo world ready in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

/**
 * An empty SQLite store is seeded in a file beside it, moved into place only when complete: a start
 * interrupted half-way (Ctrl+C, a crash) leaves the empty store, seeded again next time, never a
 * half-written world that would look seeded. (PostgreSQL is written in place.)
 */
export async function seedSqliteAside(url: string, log: (line: string) => void, progress: (p: SeedProgress) => void, options: WorldOptions = {}): Promise<boolean> {
  const file = sqliteFileUrl(url).replace(/^file:/, '');
  const target = await openStore(url);
  const empty = (await target.shop.count()) === 0;
  await target.$disconnect();
  if (!empty) return false;
  const aside = `${file}.seeding`;
  const files = (base: string) => ['', '-wal', '-shm', '-journal'].map((suffix) => base + suffix);
  for (const f of files(aside)) rmSync(f, { force: true });
  migrate(`file:${aside}`);
  const db = await openStore(`file:${aside}`);
  await seedIfEmpty(db, options, log, progress);
  await db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)'); // everything in the main file before it moves
  await db.$disconnect();
  for (const f of files(file).slice(1)) rmSync(f, { force: true }); // the empty store's own log files
  renameSync(aside, file);
  for (const f of files(aside).slice(1)) rmSync(f, { force: true });
  return true;
}

// --end-date YYYY-MM-DD: the last day of history (default yesterday), so a bench set written against one store can be
// judged against the same world on another day. Read by db:seed and db:reset alike.
export function endDateOption(argv: string[] = process.argv): WorldOptions {
  return argv.includes('--end-date') ? { endDate: parseEndDate(argv[argv.indexOf('--end-date') + 1]) } : {};
}

function parseEndDate(text: string | undefined): Date {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) {
    console.error(`--end-date wants a day as YYYY-MM-DD, got ${JSON.stringify(text ?? '')}`);
    process.exit(2);
  }
  return new Date(`${text}T00:00:00Z`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // --progress-json: one JSON line per step on stdout (the running app reads them); the log on stderr.
  const json = process.argv.includes('--progress-json');
  const url = databaseUrl();
  migrate(url);
  let last = -1;
  const log = json ? (line: string) => console.error(line) : console.log;
  const progress = (p: SeedProgress) => {
    if (!json || p.percent === last) return;
    last = p.percent;
    console.log(JSON.stringify(p));
  };
  const options = endDateOption();
  let seeded: boolean;
  if (providerOf(url) === 'sqlite') seeded = await seedSqliteAside(url, log, progress, options);
  else {
    const db = await openStore(url);
    seeded = await seedIfEmpty(db, options, log, progress);
    await db.$disconnect();
  }
  if (!seeded && !json) console.log('The store already has data; use `npm run db:reset` to rebuild it.');
}

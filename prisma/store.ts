// The one way the app opens its store: the same PrismaClient API over SQLite or PostgreSQL.
import { execFile, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client.ts';
import { adapterFor } from './adapters.ts';
import { installPlanCache } from './plan-cache.ts';
import { databaseUrl, providerOf } from './url.ts';

/** Both generated clients have identical model types; the SQLite one is the type we program against. */
export type Store = SqliteClient;

export async function openStore(url = databaseUrl()): Promise<Store> {
  const adapter = adapterFor(url);
  await installPlanCache(providerOf(url) === 'postgres' ? 'postgresql' : 'sqlite');
  if (providerOf(url) === 'postgres') {
    const { PrismaClient } = await import('../generated/postgres/client.ts');
    return new PrismaClient({ adapter }) as unknown as Store;
  }
  const db = new SqliteClient({ adapter });
  // WAL: readers never wait for a writer, and another process's write lock blocks only writes.
  await db.$queryRawUnsafe('PRAGMA journal_mode=WAL');
  return db;
}

const PRISMA_SCRIPT = resolve(import.meta.dirname, '..', 'scripts', 'prisma.mjs');

/** The same, without blocking the event loop meanwhile (~1 s: a server already listening stays responsive). */
export function migrateAsync(url = databaseUrl()): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [PRISMA_SCRIPT, 'deploy'], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`migration failed:\n${stdout}\n${stderr}`));
      else resolve();
    });
  });
}

/** Applies the checked-in migrations (idempotent) through the Prisma CLI's wasm engine. */
export function migrate(url = databaseUrl()): void {
  const script = PRISMA_SCRIPT;
  const result = spawnSync(process.execPath, [script, 'deploy'], {
    env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`migration failed:\n${result.stdout}\n${result.stderr}`);
}

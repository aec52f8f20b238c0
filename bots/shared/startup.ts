// `npm start` listens at once and gets ready behind the page: the store migrated, the demo world
// generated and written on a brand-new store (in a child process, so this process's event loop stays
// free to serve the page and its progress), then the assistant started. Until then the web chat
// answers 503 with how far it is, and the page shows it.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { migrateAsync, openStore } from '../../prisma/store.ts';
import type { SeedProgress } from '../../prisma/seed/index.ts';

export type StartState = { ready: boolean; step: 'migrating' | 'seeding' | 'starting' | 'ready' | 'failed'; percent?: number; table?: string; error?: string };

export class StartProgress {
  private current: StartState = { ready: false, step: 'migrating' };
  get state(): StartState {
    return this.current;
  }
  set(state: Omit<StartState, 'ready'>): void {
    this.current = { ...state, ready: state.step === 'ready' };
  }
}

const SEED_SCRIPT = resolve(import.meta.dirname, '..', '..', 'prisma', 'seed', 'index.ts');

/** Migrates the store and, when it has no shops yet, seeds the demo world in a child process, reporting its progress. */
export async function prepareStore(url: string, progress: StartProgress, log: (line: string) => void): Promise<void> {
  progress.set({ step: 'migrating' });
  await migrateAsync(url);
  const db = await openStore(url);
  let empty: boolean;
  try {
    empty = (await db.shop.count()) === 0;
  } finally {
    await db.$disconnect();
  }
  if (!empty) return;
  progress.set({ step: 'seeding', percent: 0 });
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SEED_SCRIPT, '--progress-json'], { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        const p = JSON.parse(line) as SeedProgress;
        progress.set({ step: 'seeding', percent: p.percent, table: p.table });
      } catch {
        log(line);
      }
    });
    createInterface({ input: child.stderr }).on('line', log);
    child.on('error', fail);
    child.on('exit', (code, signal) => (code === 0 ? done() : fail(new Error(`seeding the demo world failed (${signal ?? `exit ${code}`})`))));
  });
}

// What every bench prints about the machine, and the skip when there is no demo store to run on.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg, uptime } from 'node:os';
import { databaseUrl, providerOf } from '../prisma/url.ts';

/** `uptime`'s line (load average included), or the same figures from node:os where there is no `uptime`. */
export function machine(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `up ${(uptime() / 60).toFixed(0)} min, load average: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`;
  }
}

/** Ends the bench with a clear message when the SQLite store it would read is not there. */
export function skipWithoutStore(bench: string, file: string | undefined, hint = '`npm start` once or `npm run db:reset` to seed the demo world (or set DATABASE_URL)'): void {
  if (file && !existsSync(file)) {
    console.log(`${bench} — no store at ${file}: run ${hint}. Skipped.`);
    process.exit(0);
  }
}

/** The SQLite file of DATABASE_URL (undefined for PostgreSQL). */
export function sqliteFileOf(url = databaseUrl()): string | undefined {
  return providerOf(url) === 'sqlite' ? url.replace(/^file:(\/\/)?/, '') : undefined;
}

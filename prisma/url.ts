// Where the store lives. SQLite under ./data/ unless DATABASE_URL says otherwise.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type Provider = 'sqlite' | 'postgres';

export const DEFAULT_DATABASE_URL = 'file:./data/shop.db';

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  if (/^file:/i.test(url)) return 'sqlite';
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL), got "${url.slice(0, 40)}"`);
}

/** file:relative/path -> file:/absolute/path, creating the folder; so every tool and the CLI agree. */
export function sqliteFileUrl(url: string): string {
  const path = url.replace(/^file:(\/\/)?/i, '');
  const absolute = resolve(path);
  mkdirSync(dirname(absolute), { recursive: true });
  return `file:${absolute}`;
}

/** Which store a URL means (the same SQLite file however it is written), as a short digest that reveals nothing of it. */
export function storeFingerprint(url: string): string {
  const canonical = providerOf(url) === 'sqlite' ? `file:${resolve(url.replace(/^file:(\/\/)?/i, ''))}` : url;
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

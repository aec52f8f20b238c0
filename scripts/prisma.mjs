#!/usr/bin/env node
// Runs the Prisma CLI with the config that matches DATABASE_URL (or both, for generate).
//   node scripts/prisma.mjs generate            generate both clients (SQLite and PostgreSQL)
//   node scripts/prisma.mjs deploy              apply checked-in migrations to DATABASE_URL
//   node scripts/prisma.mjs new-migration NAME  write a migration for both providers from the schema diff
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'node_modules', 'prisma', 'build', 'index.js');
const url = process.env.DATABASE_URL?.trim() || 'file:./data/shop.db';
const providerOfUrl = /^postgres(ql)?:/i.test(url) ? 'postgres' : 'sqlite';
const env = { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' };

function prisma(provider, args, options = {}) {
  const result = spawnSync(process.execPath, [cli, ...args, '--config', `prisma/${provider}.config.ts`], {
    cwd: root, env: { ...env, ...options.env }, stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  return result.stdout;
}

const [command, name] = process.argv.slice(2);
if (command === 'generate') {
  for (const provider of ['sqlite', 'postgres']) prisma(provider, ['generate'], { env: { DATABASE_URL: provider === 'sqlite' ? 'file:./data/generate.db' : 'postgres://localhost/unused' } });
} else if (command === 'deploy') {
  prisma(providerOfUrl, ['migrate', 'deploy']);
} else if (command === 'new-migration') {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: new-migration snake_case_name');
  // Diff "the checked-in migrations applied to a scratch SQLite file" against the schema; the
  // PostgreSQL side diffs from its own previous schema snapshot kept beside its migrations.
  for (const provider of ['sqlite', 'postgres']) {
    const dir = join(root, 'prisma', provider, 'migrations');
    mkdirSync(dir, { recursive: true });
    const snapshot = join(dir, 'schema-snapshot.prisma.txt');
    const from = existsSync(snapshot) ? ['--from-schema-datamodel', snapshot] : ['--from-empty'];
    // The wasm engine connects even for a pure datamodel diff: give it a scratch database.
    const scratch = provider === 'sqlite' ? 'file:./data/migrate-scratch.db' : (process.env.POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
    const sql = prisma(provider, ['migrate', 'diff', ...from, '--to-schema-datamodel', `prisma/${provider}`, '--script'], { capture: true, env: { DATABASE_URL: scratch } });
    if (!/CREATE|ALTER|DROP/i.test(sql)) { console.log(`${provider}: no schema change`); continue; }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const folder = join(dir, `${stamp}_${name}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'migration.sql'), sql);
    writeFileSync(join(dir, 'migration_lock.toml'), `provider = "${provider === 'postgres' ? 'postgresql' : 'sqlite'}"\n`);
    console.log(`${provider}: wrote ${folder}`);
  }
  console.log('Now run: node scripts/prisma.mjs snapshot   (records the schema the migrations reach)');
} else if (command === 'snapshot') {
  // The datamodel the migrations lead to, so the next new-migration diffs from it.
  for (const provider of ['sqlite', 'postgres']) {
    const parts = [readFileSync(join(root, 'prisma', provider, 'schema.prisma'), 'utf8')];
    for (const file of readdirSync(join(root, 'prisma', 'models')).sort()) parts.push(readFileSync(join(root, 'prisma', 'models', file), 'utf8'));
    writeFileSync(join(root, 'prisma', provider, 'migrations', 'schema-snapshot.prisma.txt'), parts.join('\n').replace(/output\s*=.*\n/, ''));
  }
} else {
  console.error('usage: node scripts/prisma.mjs generate | deploy | new-migration NAME | snapshot');
  process.exit(2);
}

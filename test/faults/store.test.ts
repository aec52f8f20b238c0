// The store under faults: another process locks the SQLite file for seconds, PostgreSQL drops its
// connections. Turns during the fault say they were not saved (never a normal-looking reply); the
// next turn after it is stored, and nothing keeps a lock that would block other writers.
import { execFileSync, spawn } from 'node:child_process';
import { createClient } from '@libsql/client';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../../agents/assistant.ts';
import { openStore, type Store } from '../../prisma/store.ts';
import { buildFixture, NOW } from '../helpers/fixture.ts';
import { adminSql, POSTGRES_ADMIN_URL, usePostgres } from '../helpers/postgres.ts';
import { freshStore } from '../helpers/store.ts';

const helpers = join(import.meta.dirname, '..', 'helpers');
const shopper = { role: 'shopper' as const, customerId: 1 };

async function humanCount(db: Store, key: string) {
  return db.message.count({ where: { conversation: { key }, role: 'human' } });
}

function lockFor(file: string, ms: number): Promise<{ released: Promise<void> }> {
  const child = spawn(process.execPath, [join(helpers, 'lock-sqlite.mjs'), file, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const released = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve) => child.stdout.on('data', (chunk) => {
    out += chunk;
    if (out.includes('locked')) resolve({ released });
  }));
}

describe('SQLite locked by another process', () => {
  let db: Store;
  let file: string;

  beforeAll(async () => {
    db = await freshStore();
    await buildFixture(db);
    file = (await db.$queryRawUnsafe<{ file: string }[]>('PRAGMA database_list'))[0].file;
  });
  afterAll(() => db.$disconnect());

  it('says "not saved" during the lock, stores the next turn after it, and holds no lock afterwards', async () => {
    const a = await Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} });
    await a.handle({ chatKey: 'lock:1', caller: shopper, text: '附近哪里有卖洗衣液' });
    expect(await humanCount(db, 'lock:1')).toBe(1);
    const lock = await lockFor(file, 4000);
    const during = await a.handle({ chatKey: 'lock:1', caller: shopper, text: '更便宜的' });
    expect(during.error).toBe('not_saved');
    expect(during.reply).toMatch(/没能保存/);
    await lock.released;
    const after = await a.handle({ chatKey: 'lock:1', caller: shopper, text: '最近的' });
    expect(after.error).toBeUndefined();
    expect(after.toolCalls[0]?.name).toBe('nearby_shops');
    // Committed for everyone: another process sees the turn and can write at once.
    const outside = execFileSync(process.execPath, [join(helpers, 'write-sqlite.mjs'), file], { encoding: 'utf8' });
    expect(outside.trim()).toBe('written');
    const reopened = await openStore(`file:${file}`); // what a restart would read
    expect(await humanCount(reopened, 'lock:1')).toBe(2);
    await reopened.$disconnect();
  });

  it('a yes during the lock writes nothing and keeps the proposal; the next yes writes it once', async () => {
    const a = await Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} });
    const proposed = await a.handle({ chatKey: 'lock:2', caller: shopper, text: '记录一下：我买了蓝月亮洗手液 15元' });
    expect(proposed.proposal).toBeDefined();
    const lock = await lockFor(file, 4000);
    const during = await a.handle({ chatKey: 'lock:2', caller: shopper, text: '是' });
    expect(during.reply).toMatch(/没能保存/);
    await lock.released;
    expect(await db.selfReportedPurchase.count()).toBe(0);
    // The store refused the claim too: the proposal is still the one the user saw, and their next yes records it.
    expect((await db.proposal.findUnique({ where: { id: proposed.proposal!.id } }))?.status).toBe('pending');
    const yes = await a.handle({ chatKey: 'lock:2', caller: shopper, text: '是' });
    expect(yes.toolCalls[0]?.result).toMatchObject({ status: 'recorded' });
    expect(await db.selfReportedPurchase.count()).toBe(1);
  });
});

describe('SQLite writes after a large read', () => {
  it('a feedback written after a big read and one event-loop turn is seen by another connection at once', async () => {
    const db = await freshStore();
    try {
      await buildFixture(db);
      const file = (await db.$queryRawUnsafe<{ file: string }[]>('PRAGMA database_list'))[0].file;
      // A read as big as the recommender's offer scan, then the loop turns (any await on I/O does that).
      const chat = await db.conversation.create({ data: { key: 'big-read' } });
      const filler = createClient({ url: `file:${file}` });
      await filler.execute(`INSERT INTO "Message" ("conversationId", "role", "content") WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000) SELECT ${chat.id}, 'human', 'hi' FROM n`);
      filler.close();
      const rows = await db.message.findMany({ select: { id: true, content: true } });
      expect(rows.length).toBeGreaterThanOrEqual(40000);
      await new Promise((resolve) => setImmediate(resolve));
      await db.feedback.create({ data: { customerId: 1, productId: 1, rating: 1 } });
      // Another process (the CLI, a second worker) reads the file itself.
      const seen = execFileSync('node', ['-e', `const { createClient } = require('@libsql/client'); const c = createClient({ url: 'file:' + process.argv[1] }); c.execute('SELECT COUNT(*) AS n FROM "Feedback"').then((r) => { console.log(String(r.rows[0].n)); c.close(); })`, file], { encoding: 'utf8' });
      expect(seen.trim()).toBe('1');
    } finally {
      await db.$disconnect();
    }
  });
});

describe.skipIf(!POSTGRES_ADMIN_URL)('PostgreSQL connections dropped', () => {
  const name = `shop_faults_${process.pid}`;
  const pg = usePostgres(name);
  it('the next turn after the server killed every connection is answered and stored', async () => {
    const a = await Assistant.create({ db: pg.db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} });
    await a.handle({ chatKey: 'pg:1', caller: shopper, text: '附近哪里有卖洗衣液' });
    const killed = await adminSql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
    expect(killed.rowCount).toBeGreaterThan(0);
    // The first turn may meet a dead connection: it must say so, never answer as if it were saved.
    const first = await a.handle({ chatKey: 'pg:1', caller: shopper, text: '更便宜的' });
    if (first.error) expect(first.error).toBe('not_saved');
    const next = await a.handle({ chatKey: 'pg:1', caller: shopper, text: '最近的' });
    expect(next.error).toBeUndefined();
    expect(await humanCount(pg.db, 'pg:1')).toBe(first.error ? 2 : 3);
  });
});

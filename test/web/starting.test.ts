// `npm start` listens before the store and the assistant are ready (a brand-new store is seeded
// first): meanwhile the page loads, the chat says how far the start is (503), /readyz says not
// ready; once ready, everything answers as usual.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../../agents/assistant.ts';
import { StartProgress } from '../../bots/shared/startup.ts';
import { buildWebServer, type WebDeps } from '../../bots/web/server.ts';
import { seedIfEmpty, seedSqliteAside, type SeedProgress } from '../../prisma/seed/index.ts';
import { openStore } from '../../prisma/store.ts';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_DIR } from '../helpers/global-setup.ts';
import type { Store } from '../../prisma/store.ts';
import { buildFixture, NOW } from '../helpers/fixture.ts';
import { freshStore } from '../helpers/store.ts';

const progress = new StartProgress();
const deps = { starting: () => progress.state, token: undefined } as WebDeps;
const app = buildWebServer(deps);
let db: Store;
beforeAll(async () => {
  db = await freshStore();
  await buildFixture(db);
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});

describe('the web chat while starting', () => {
  it('serves the page and its status, answers the chat with 503 and how far it is, and is not ready', async () => {
    progress.set({ step: 'seeding', percent: 42, table: 'orders' });
    expect((await app.inject('/')).statusCode).toBe(200);
    expect((await app.inject('/api/status')).json()).toMatchObject({ ready: false, step: 'seeding', percent: 42 });
    const chat = await app.inject({ method: 'POST', url: '/api/chat', payload: { as: 'shopper:1', text: '你好' } });
    expect(chat.statusCode).toBe(503);
    expect(chat.headers['retry-after']).toBe('2');
    expect(chat.json().message).toContain('42%');
    const english = await app.inject({ method: 'GET', url: '/api/personas', headers: { 'accept-language': 'en-GB' } });
    expect(english.statusCode).toBe(503);
    expect(english.json().message).toMatch(/Preparing the demo world \(42%\)/);
    expect((await app.inject('/readyz')).statusCode).toBe(503);
    expect((await app.inject('/healthz')).statusCode).toBe(200);
  });

  it('answers as usual once the store and the assistant are up', async () => {
    deps.db = db;
    deps.assistant = await Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} });
    progress.set({ step: 'ready' });
    expect((await app.inject('/api/status')).json()).toMatchObject({ ready: true });
    expect((await app.inject('/readyz')).json()).toEqual({ ready: true });
    const chat = await app.inject({ method: 'POST', url: '/api/chat', payload: { as: 'shopper:1', chatId: 'start1', text: '你好' } });
    expect(chat.statusCode).toBe(200);
    expect(chat.json().reply.length).toBeGreaterThan(0);
  });
});

describe('seeding progress', () => {
  it('rises from 0 to 100 while a world is written, naming the tables', async () => {
    const empty = await freshStore();
    try {
      const seen: SeedProgress[] = [];
      expect(await seedIfEmpty(empty, { scale: 0.05, endDate: new Date('2026-11-22T00:00:00Z') }, () => {}, (p) => seen.push(p))).toBe(true);
      expect(seen[0]).toEqual({ step: 'generating', percent: 0 });
      expect(seen.at(-1)).toMatchObject({ step: 'writing', percent: 100 });
      expect(seen.every((p, i) => i === 0 || p.percent >= seen[i - 1].percent)).toBe(true);
      expect(new Set(seen.map((p) => p.table).filter(Boolean))).toContain('order items');
      // A second call on the seeded store does nothing and reports nothing.
      const again: SeedProgress[] = [];
      expect(await seedIfEmpty(empty, {}, () => {}, (p) => again.push(p))).toBe(false);
      expect(again).toEqual([]);
    } finally {
      await empty.$disconnect();
    }
  }, 60_000);
});

describe('seeding a brand-new SQLite store', () => {
  it('writes the world beside the store and moves it in only when complete (an interrupted start leaves it empty)', async () => {
    const url = `file:${join(RUN_DIR, `aside-${process.pid}.db`)}`;
    copyFileSync(join(RUN_DIR, 'template.db'), url.slice('file:'.length));
    const target = await openStore(url);
    try {
      const shopsMidway: number[] = [];
      let checking: Promise<void> | undefined;
      const seeded = await seedSqliteAside(url, () => {}, (p) => {
        if (p.percent >= 50 && !checking) checking = target.shop.count().then((n) => void shopsMidway.push(n));
      }, { scale: 0.05, endDate: new Date('2026-11-22T00:00:00Z') });
      await checking;
      expect(seeded).toBe(true);
      expect(shopsMidway).toEqual([0]); // half-way through, the store itself is still empty
    } finally {
      await target.$disconnect();
    }
    const after = await openStore(url);
    try {
      expect(await after.shop.count()).toBeGreaterThan(0);
      expect(await after.orderItem.count()).toBeGreaterThan(1000);
      expect(await seedSqliteAside(url, () => {}, () => {})).toBe(false); // seeded: left alone
    } finally {
      await after.$disconnect();
    }
  }, 60_000);
});

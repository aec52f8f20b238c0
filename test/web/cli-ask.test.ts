// `npm run ask` from a terminal: with the assistant running on this machine for the same store, the
// message goes to it (its conversation, its answer); with none (or another store's), the CLI answers
// by itself and ends cleanly, without cutting background work off.
import { execFile } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../../agents/assistant.ts';
import { buildWebServer } from '../../bots/web/server.ts';
import { openStore, type Store } from '../../prisma/store.ts';
import { storeFingerprint } from '../../prisma/url.ts';
import { buildFixture, NOW } from '../helpers/fixture.ts';
import { RUN_DIR } from '../helpers/global-setup.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const url = `file:${join(RUN_DIR, `cli-ask-${process.pid}.db`)}`;
const HERE = ['--lat', '30.5405', '--lng', '114.362'];
let db: Store;
let server: { base: string; close: () => Promise<void> }[] = [];

async function serve(store: string) {
  const assistant = await Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} });
  const app = buildWebServer({ db, assistant, store });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  server.push({ base, close: () => app.close() });
  return base;
}

async function ask(port: string, ...args: string[]) {
  const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'bots/cli/ask.ts', '--json', ...args], {
    cwd: ROOT, env: { ...process.env, DATABASE_URL: url, PORT: port, VECTOR_INDEX: 'off', ASK_SERVER: '' }, timeout: 60_000,
  });
  return { answer: JSON.parse(stdout), stderr };
}

beforeAll(async () => {
  copyFileSync(join(RUN_DIR, 'template.db'), url.slice('file:'.length));
  db = await openStore(url);
  await buildFixture(db);
});
afterAll(async () => {
  for (const s of server) await s.close();
  await db.$disconnect();
});

describe('npm run ask', () => {
  it('hands the message to the assistant running for the same store', async () => {
    const base = await serve(storeFingerprint(url));
    const { answer } = await ask(new URL(base).port, '--as', 'shopper:1', ...HERE, '附近哪里有卖洗衣液');
    expect(answer.reply).toContain('A店');
    expect(answer.toolCalls[0].name).toBe('nearby_shops');
    expect(answer.charts).toBeUndefined(); // the page's PNGs stay on the page
    // The server took the turn: it is in the server's conversation for this terminal chat.
    const conversation = await db.conversation.findUnique({ where: { key: 'web:cli-shopper-1:shopper:1' }, include: { messages: true } });
    expect(conversation?.messages.map((m) => m.content)).toContain('附近哪里有卖洗衣液');
  }, 60_000);

  it('answers by itself when the assistant on the port serves another store, and ends cleanly', async () => {
    const base = await serve('another-store');
    const { answer, stderr } = await ask(new URL(base).port, '--as', 'shopper:1', ...HERE, '附近哪里有卖洗衣液');
    expect(answer.reply).toContain('A店');
    expect(await db.conversation.findUnique({ where: { key: 'cli:shopper:1' } })).not.toBeNull();
    expect(stderr).not.toMatch(/fail|error/i);
  }, 60_000);
});

// The web chat at its edges: ids out of range, broken text, oversized images, a chat sending too
// fast, a public host without a token. Each checks what the user sees and what the store holds.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../../agents/assistant.ts';
import { webAccess } from '../../bots/web/access.ts';
import { buildWebServer } from '../../bots/web/server.ts';
import { ChatQueue } from '../../bots/shared/chat-queue.ts';
import type { Store } from '../../prisma/store.ts';
import { ensureDemoPictures, itemPicture } from '../../tools/scan-to-buy/demo-pictures.ts';
import { buildFixture, NOW } from '../helpers/fixture.ts';
import { freshStore } from '../helpers/store.ts';

const TOKEN = 'test-token-0123456789abcdef';
let db: Store;
let app: ReturnType<typeof buildWebServer>;
let locked: ReturnType<typeof buildWebServer>;

beforeAll(async () => {
  db = await freshStore();
  await buildFixture(db);
  const assistant = await Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} });
  await ensureDemoPictures(db, assistant.toolDeps.images);
  app = buildWebServer({ db, assistant });
  locked = buildWebServer({ db, assistant, token: TOKEN });
});
afterAll(async () => {
  await app.close();
  await locked.close();
  await db.$disconnect();
});

const chat = (payload: object, server = app) => server.inject({ method: 'POST', url: '/api/chat', payload });
const photo = (body: Buffer, query: string, type = 'image/png') =>
  app.inject({ method: 'POST', url: `/api/photo?${query}`, headers: { 'content-type': type }, payload: body });
const stored = (chatKey: string) => db.message.findMany({ where: { conversation: { key: chatKey } }, orderBy: { id: 'asc' } });
const humans = async (chatKey: string) => (await stored(chatKey)).filter((m) => m.role === 'human').map((m) => m.content);

/** A PNG whose header claims `width`×`height` (the pixel data is a few bytes): a decoding bomb's shape. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
}

describe('ids out of range are a 400 with a reason, never a 500 or "internal"', () => {
  it('a product picture id', async () => {
    for (const id of ['99999999999999999999999', '2147483648', '0', 'abc', '1.5']) {
      const res = await app.inject(`/api/product-image/${id}`);
      expect(res.statusCode, id).toBe(400);
      expect(res.json()).toEqual({ error: 'bad_request', message: 'A product id is a whole number from 1 to 2147483647.' });
    }
    expect((await app.inject('/api/product-image/2147483647')).statusCode).toBe(404);
  });

  it('a shopper or merchant id in a message, nothing stored', async () => {
    for (const as of ['shopper:99999999999999999999', 'merchant:2147483648', 'shopper:0']) {
      const res = await chat({ as, chatId: 'ids', text: 'hi' });
      expect(res.statusCode, as).toBe(400);
      expect(res.json().error).toBe('bad_request');
      expect(res.json().message).toMatch(/^as: the (shopper|merchant) id must be a whole number from 1 to 2147483647$/);
      expect(await stored(`web:ids:${as}`)).toEqual([]);
    }
    // In range but unknown: answered in words, not an error page.
    const unknown = await chat({ as: 'shopper:2147483647', chatId: 'ids', text: 'hi' });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toMatchObject({ error: 'not_found', reply: 'Unknown shopper 2147483647.' });
  });

  it('a photo\'s persona in the query, and a proposal id', async () => {
    const res = await photo(Buffer.from(itemPicture('洗手液', 'hand wash')), 'as=shopper:99999999999999999999&chatId=ids');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('the shopper id must be a whole number from 1 to 2147483647');
    for (const decision of [{ proposalId: 99999999999999999999, accept: true }, { proposalId: -1, accept: true }, { proposalId: 1, accept: 'yes' }]) {
      const bad = await chat({ as: 'shopper:1', chatId: 'ids', decision });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toMatch(/^decision\.(proposalId|accept): /);
    }
    expect(await stored('web:ids:shopper:1')).toEqual([]);
  });

  it('"shopper:007" is shopper 7\'s chat, not a second one', async () => {
    await chat({ as: 'shopper:001', chatId: 'zeros', text: 'hello' });
    expect(await humans('web:zeros:shopper:1')).toEqual(['hello']);
  });
});

it('a text with a lone surrogate is answered and stored, the broken character replaced', async () => {
  const res = await app.inject({ method: 'POST', url: '/api/chat', headers: { 'content-type': 'application/json' }, payload: '{"as":"shopper:1","chatId":"sur","text":"\\ud800附近哪里有卖洗衣液","location":{"lat":30.5405,"lng":114.362}}' });
  expect(res.statusCode).toBe(200);
  expect(res.json().error).toBeUndefined();
  expect(res.json().reply).toContain('A店');
  expect(await humans('web:sur:shopper:1')).toEqual(['\ufffd附近哪里有卖洗衣液']);
  expect((await stored('web:sur:shopper:1')).at(-1)!.role).toBe('ai');
});

describe('oversized images say "too large", never "broken"', () => {
  it('a body over 10 MB: 413 too_large, in the shopper\'s language, nothing stored', async () => {
    const en = await photo(Buffer.alloc(11 * 1024 * 1024), 'as=shopper:1&chatId=big&locale=en', 'image/jpeg');
    expect(en.statusCode).toBe(413);
    expect(en.json()).toEqual({ error: 'too_large', message: 'That image is too large (limit 10 MB and 50 megapixels). Please send a smaller one.' });
    const zh = await photo(Buffer.alloc(11 * 1024 * 1024), 'as=shopper:1&chatId=big&locale=zh', 'image/jpeg');
    expect(zh.json().message).toContain('图片太大了');
    expect(await stored('web:big:shopper:1')).toEqual([]);
    // A too-large message is not a photo: it says so.
    const text = await chat({ as: 'shopper:1', text: 'x'.repeat(70_000) });
    expect(text.statusCode).toBe(413);
    expect(text.json()).toEqual({ error: 'too_large', message: '消息太大了（上限 64 KB）。' });
  });

  it('a tiny PNG declaring 20000×20000 pixels', async () => {
    const res = await photo(pngHeader(20_000, 20_000), 'as=shopper:1&chatId=bomb&locale=en');
    expect(res.statusCode).toBe(200);
    expect(res.json().reply).toContain('too large');
    expect(res.json().reply).not.toContain('broken');
  });

  it('a real 7100×7100 photo (50.4 megapixels)', async () => {
    const big = await sharp({ create: { width: 7100, height: 7100, channels: 3, background: '#3a7' } }).jpeg({ quality: 30 }).toBuffer();
    const res = await photo(big, 'as=shopper:1&chatId=wide&locale=zh', 'image/jpeg');
    expect(res.json().reply).toContain('图片太大了');
    expect(res.json().reply).not.toContain('损坏');
  });
});

describe('one chat at a time, 20 messages a minute', () => {
  it('the 21st message in a minute is refused and not stored; other chats go on', async () => {
    for (let i = 1; i <= 20; i++) expect((await chat({ as: 'shopper:2', chatId: 'busy', text: `message ${i}` })).statusCode).toBe(200);
    const refused = await chat({ as: 'shopper:2', chatId: 'busy', text: 'message 21', locale: 'en' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ error: 'rate_limited', message: 'You are sending messages too fast (at most 20 a minute per chat). Please wait a moment and try again.' });
    // Photos count too; the reason follows the browser's language when the request names none.
    const photoRefused = await app.inject({ method: 'POST', url: '/api/photo?as=shopper:2&chatId=busy', headers: { 'content-type': 'image/png', 'accept-language': 'zh-CN,zh;q=0.9' }, payload: Buffer.from(itemPicture('洗手液', 'hand wash')) });
    expect(photoRefused.statusCode).toBe(429);
    expect(photoRefused.json().message).toContain('每个对话每分钟最多 20 条');
    const kept = await humans('web:busy:shopper:2');
    expect(kept).toHaveLength(20);
    expect(kept.at(-1)).toBe('message 20');
    // Another chat of the same shopper is not held back.
    expect((await chat({ as: 'shopper:2', chatId: 'calm', text: 'message 1' })).statusCode).toBe(200);
  });

  it('messages sent together are answered in the order sent, each seeing the one before', async () => {
    const [first, second] = await Promise.all([
      chat({ as: 'shopper:1', chatId: 'burst', text: '附近哪里有卖洗衣液', location: { lat: 30.5405, lng: 114.362 } }),
      chat({ as: 'shopper:1', chatId: 'burst', text: '更便宜的' }),
    ]);
    expect(first.json().reply).toContain('A店');
    expect(second.json().reply).toContain('由便宜到贵');
    expect(await humans('web:burst:shopper:1')).toEqual(['附近哪里有卖洗衣液', '更便宜的']);
  });

  it('the queue: a chat\'s next task waits for its previous one, another chat\'s does not', async () => {
    const queue = new ChatQueue();
    let release!: () => void;
    const started: string[] = [];
    const slow = queue.schedule('a', () => new Promise<string>((resolve) => { started.push('a1'); release = () => resolve('a1 done'); }));
    const next = queue.schedule('a', async () => { started.push('a2'); return 'a2 done'; });
    expect(await queue.schedule('b', async () => { started.push('b1'); return 'b1 done'; })).toBe('b1 done');
    expect(started).toEqual(['a1', 'b1']); // a2 still waits behind a1
    release();
    expect(await Promise.all([slow, next])).toEqual(['a1 done', 'a2 done']);
    // A failing task reaches its caller and does not block the chat.
    await expect(queue.schedule('a', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await queue.schedule('a', async () => 'after')).toBe('after');
  });
});

describe('a token when the web chat is reachable from other machines', () => {
  it('the start-up decision', () => {
    expect(webAccess('127.0.0.1', {})).toEqual({ ok: true });
    expect(webAccess('::1', {})).toEqual({ ok: true });
    expect(webAccess('localhost', {})).toEqual({ ok: true });
    expect(webAccess('localhost', { WEB_TOKEN: TOKEN })).toEqual({ ok: true, token: TOKEN });
    expect(webAccess('0.0.0.0', { WEB_TOKEN: TOKEN })).toEqual({ ok: true, token: TOKEN });
    const open = webAccess('0.0.0.0', {});
    expect(open.ok).toBe(false);
    expect(!open.ok && open.message).toContain('Set WEB_TOKEN');
    expect(webAccess('192.168.1.20', { WEB_TOKEN: '  ' }).ok).toBe(false);
    const short = webAccess('0.0.0.0', { WEB_TOKEN: 'secret' });
    expect(!short.ok && short.message).toBe('WEB_TOKEN is too short (6 characters); use at least 16, e.g. WEB_TOKEN=$(openssl rand -hex 16).');
  });

  it('npm start refuses a public HOST without WEB_TOKEN, with the reason', { timeout: 90_000 }, () => {
    const env: NodeJS.ProcessEnv = { ...process.env, HOST: '0.0.0.0', PORT: '0', DATABASE_URL: 'unused://never-opened' };
    delete env.WEB_TOKEN;
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bots/main.ts'], { cwd: join(import.meta.dirname, '..', '..'), env, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Not starting: HOST=0.0.0.0 lets other machines reach the web chat');
  });

  it('401 without the token, 200 with it as a bearer or a cookie; /healthz stays open', async () => {
    const none = await locked.inject('/api/personas');
    expect(none.statusCode).toBe(401);
    expect(none.json()).toEqual({ error: 'unauthorized', message: expect.stringContaining('Authorization: Bearer <WEB_TOKEN>') });
    expect((await locked.inject({ url: '/api/personas', headers: { authorization: 'Bearer wrong-token-0123456789ab' } })).statusCode).toBe(401);
    expect((await locked.inject({ url: '/api/personas', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(200);
    expect((await locked.inject({ url: '/api/personas', headers: { cookie: `other=1; web_token=${TOKEN}` } })).statusCode).toBe(200);
    expect((await locked.inject({ url: '/api/personas', headers: { cookie: 'web_token=%E0%A4%A' } })).statusCode).toBe(401);
    expect((await locked.inject('/healthz')).json()).toMatchObject({ ok: true });
    expect((await locked.inject('/app.js')).statusCode).toBe(401);
  });

  it('a message without the token is refused and not stored', async () => {
    const res = await chat({ as: 'shopper:1', chatId: 'locked', text: 'hello' }, locked);
    expect(res.statusCode).toBe(401);
    expect(await stored('web:locked:shopper:1')).toEqual([]);
    const ok = await locked.inject({ method: 'POST', url: '/api/chat', headers: { authorization: `Bearer ${TOKEN}` }, payload: { as: 'shopper:1', chatId: 'locked', text: 'hello' } });
    expect(ok.statusCode).toBe(200);
    expect(await humans('web:locked:shopper:1')).toEqual(['hello']);
  });

  it('opening /?token=… sets an HttpOnly, SameSite=Strict cookie and drops the token from the address', async () => {
    const page = await locked.inject('/');
    expect(page.statusCode).toBe(401);
    expect(page.body).toContain('needs a token');
    const wrong = await locked.inject('/?token=wrong-token-0123456789ab');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const link = await locked.inject(`/?token=${TOKEN}`);
    expect(link.statusCode).toBe(302);
    expect(link.headers.location).toBe('/');
    const cookie = String(link.headers['set-cookie']);
    expect(cookie).toMatch(/^web_token=test-token-0123456789abcdef;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const opened = await locked.inject({ url: '/', headers: { cookie: cookie.split(';')[0] } });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('id="composer"');
  });
});

describe('a proposal\'s Yes / No buttons', () => {
  // A shopper's own record may land in Order or SelfReportedPurchase: count both.
  const purchases = async () => (await db.order.count()) + (await db.selfReportedPurchase.count());

  it('the reply carries the proposal; Yes (the decision) writes it once; a second press is told it is done', async () => {
    const before = await purchases();
    const shown = (await chat({ as: 'shopper:1', chatId: 'decide', text: '记录一下：我买了蓝月亮洗手液 15元' })).json();
    expect(shown.proposal).toEqual({ id: expect.any(Number), text: expect.stringContaining('蓝月亮洗手液'), yes: expect.any(String), no: expect.any(String) });
    expect(await purchases()).toBe(before); // nothing written before the yes
    const yes = await chat({ as: 'shopper:1', chatId: 'decide', decision: { proposalId: shown.proposal.id, accept: true } });
    expect(yes.statusCode).toBe(200);
    expect(yes.json().reply).toContain('已记录');
    expect(await purchases()).toBe(before + 1);
    const again = await chat({ as: 'shopper:1', chatId: 'decide', decision: { proposalId: shown.proposal.id, accept: true } });
    expect(again.json().reply).toMatch(/已经|过期|失效|already|expired/);
    expect(await purchases()).toBe(before + 1);
  });

  it('No writes nothing; another chat cannot press this chat\'s Yes', async () => {
    const before = await purchases();
    const first = (await chat({ as: 'shopper:1', chatId: 'decline', text: '记录一下：我买了蓝月亮洗手液 15元' })).json();
    const stranger = await chat({ as: 'shopper:2', chatId: 'decline', decision: { proposalId: first.proposal.id, accept: true } });
    expect(stranger.statusCode).toBe(200);
    expect(await purchases()).toBe(before);
    const no = await chat({ as: 'shopper:1', chatId: 'decline', decision: { proposalId: first.proposal.id, accept: false } });
    expect(no.statusCode).toBe(200);
    expect(no.json().proposal).toBeUndefined();
    expect(await purchases()).toBe(before);
  });
});

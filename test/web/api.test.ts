import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../../agents/assistant.ts';
import { buildWebServer } from '../../bots/web/server.ts';
import type { Store } from '../../prisma/store.ts';
import { buildFixture, NOW } from '../helpers/fixture.ts';
import { freshStore } from '../helpers/store.ts';
import { ensureDemoPictures, itemPicture } from '../../tools/scan-to-buy/demo-pictures.ts';
import { TOOLS } from '../../tools/index.ts';
import { LOOKING_IT_UP, progressText } from '../../bots/shared/progress-text.ts';

let db: Store;
let app: ReturnType<typeof buildWebServer>;

beforeAll(async () => {
  db = await freshStore();
  await buildFixture(db);
  const assistant = await Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} });
  await ensureDemoPictures(db, assistant.toolDeps.images);
  app = buildWebServer({ db, assistant });
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});

const chat = (payload: unknown) => app.inject({ method: 'POST', url: '/api/chat', payload: payload as object });

describe('GET /api/welcome', () => {
  it('greets with what the persona can ask, in its language, as chips, and stores nothing', async () => {
    const before = await db.message.count();
    const zh = (await app.inject('/api/welcome?as=shopper:1&locale=zh')).json();
    expect(zh.text).toMatch(/^你好！/);
    expect(zh.suggestions).toContain('推荐点东西');
    const en = (await app.inject('/api/welcome?as=merchant:1&locale=en')).json();
    expect(en.text).toContain('Hello!');
    expect(en.suggestions).toContain('what should I restock?');
    expect((await app.inject('/api/welcome?as=admin:1')).statusCode).toBe(400);
    expect(await db.message.count()).toBe(before);
  });
});

describe('POST /api/chat', () => {
  it('answers with the reply, the tool calls and follow-up suggestions', async () => {
    const res = await chat({ as: 'shopper:1', chatId: 'api1', text: '附近哪里有卖洗衣液', location: { lat: 30.5405, lng: 114.362 } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.reply).toContain('A店');
    expect(body.toolCalls[0].name).toBe('nearby_shops');
    expect(body.suggestions).toContain('更便宜的');
  });

  it('rejects a malformed caller or body with 400 and a reason', async () => {
    const res = await chat({ as: 'admin:1', text: 'hi' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('as must be');
    expect((await chat({ as: 'shopper:1', text: 42 })).statusCode).toBe(400);
  });

  it('rejects a body over 64 KB with 413', async () => {
    const res = await chat({ as: 'shopper:1', text: 'x'.repeat(70_000) });
    expect(res.statusCode).toBe(413);
  });

  it('resets a conversation', async () => {
    await chat({ as: 'merchant:1', chatId: 'api2', text: '2号店上周销售' });
    await app.inject({ method: 'POST', url: '/api/reset', payload: { as: 'merchant:1', chatId: 'api2' } });
    const res = await chat({ as: 'merchant:1', chatId: 'api2', text: '上个月呢' });
    expect(res.json().toolCalls[0].args).not.toHaveProperty('shopId');
  });
});

describe('POST /api/chat/stream', () => {
  const events = (payload: string) => payload.split('\n\n').filter(Boolean).map((frame) => {
    const [, event] = /^event: (.+)$/m.exec(frame)!;
    const [, data] = /^data: (.+)$/m.exec(frame)!;
    return { event, data: JSON.parse(data) };
  });

  it('says what the turn is doing (in the asker\'s language), then gives the same answer as /api/chat', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/chat/stream', payload: { as: 'shopper:1', chatId: 'sse1', text: '附近哪里有卖洗衣液', location: { lat: 30.5405, lng: 114.362 } } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    const all = events(res.payload);
    expect(all.map((e) => e.event)).toEqual(['status', 'status', 'status', 'answer']);
    expect(all.slice(0, 3).map((e) => e.data.text)).toEqual(['正在理解你的问题…', '正在查找附近的店…', '正在整理回答…']);
    expect(all[1].data).toMatchObject({ step: 'tool', tool: 'nearby_shops' });
    const answer = all.at(-1)!.data;
    expect(answer.reply).toContain('A店');
    expect(answer.suggestions).toContain('更便宜的');
    const en = events((await app.inject({ method: 'POST', url: '/api/chat/stream', payload: { as: 'merchant:1', chatId: 'sse2', text: 'how were sales last week?' } })).payload);
    expect(en.filter((e) => e.event === 'status').map((e) => e.data.text)).toContain('Adding up your sales…');
    expect(en.at(-1)!.data.charts).toHaveLength(2);
  });

  it('refuses a bad body as plain JSON, before any event', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/chat/stream', payload: { as: 'admin:1', text: 'hi' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('as must be');
  });

  it('has a status line for every tool, in Chinese and English', () => {
    const text = progressText();
    for (const tool of TOOLS) {
      for (const locale of ['zh', 'en'] as const) expect(text({ step: 'tool', tool: tool.name, locale }), `${tool.name} ${locale}`).not.toBe(LOOKING_IT_UP[locale]);
    }
  });
});

describe('POST /api/photo', () => {
  const photo = (body: Buffer, type = 'image/jpeg', query = 'as=shopper:1&chatId=p1&locale=en') =>
    app.inject({ method: 'POST', url: `/api/photo?${query}`, headers: { 'content-type': type }, payload: body });
  it('recognises a product photo and links its catalogue picture', async () => {
    const res = await photo(Buffer.from(itemPicture('洗手液', 'hand wash')), 'image/png');
    const body = res.json();
    expect(body.reply).toContain('Blue Moon hand wash 500ml');
    expect(body.pictures).toEqual([{ caption: 'Blue Moon hand wash 500ml', src: '/api/product-image/3' }]);
    const picture = await app.inject({ method: 'GET', url: body.pictures[0].src });
    expect(picture.headers['content-type']).toBe('image/png');
    expect(picture.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await app.inject({ method: 'GET', url: '/api/product-image/999' })).statusCode).toBe(404);
  });
  it('says a cut-off JPEG is broken', async () => {
    const res = await photo(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]));
    expect(res.json().reply).toContain('broken');
  });
  it('explains a broken image, refuses other content types and oversized photos', async () => {
    expect((await photo(Buffer.from('GIF89a..'), 'image/gif')).json().error).toBe('not_an_image');
    expect((await photo(Buffer.from('hello'), 'text/plain')).statusCode).toBe(415);
    expect((await photo(Buffer.alloc(11 * 1024 * 1024), 'image/jpeg')).statusCode).toBe(413);
    expect((await photo(Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg', 'as=nobody')).statusCode).toBe(400);
  });
});

it('returns chart images with a merchant\'s sales answer', async () => {
  const body = (await chat({ as: 'merchant:1', chatId: 'api3', text: 'sales last week' })).json();
  expect(body.charts.map((c: any) => c.title)).toEqual([expect.stringMatching(/^Weekly revenue and 4-week forecast/), 'Top products (revenue)']);
  expect(body.charts[0].src).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
});

it('lists personas and serves the page', async () => {
  const personas = (await app.inject('/api/personas')).json();
  expect(personas.shoppers[0]).toMatchObject({ as: 'shopper:1', name: '小王' });
  expect(personas.merchants.map((m: any) => m.as)).toContain('merchant:1');
  const page = await app.inject('/');
  expect(page.headers['content-type']).toContain('text/html');
  expect(page.body).toContain('id="composer"');
});

// telegraf's real client against a fake Bot API on 127.0.0.1.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../../agents/assistant.ts';
import { createTelegramBot } from '../../bots/telegram/bot.ts';
import { inlineKeyboard, keyboardFor, toHtmlChunks } from '../../bots/telegram/render.ts';
import type { Store } from '../../prisma/store.ts';
import { fakeTelegram, chat, command, message, user } from '../helpers/fake-telegram.ts';
import { buildFixture, C, NOW } from '../helpers/fixture.ts';
import { freshStore } from '../helpers/store.ts';

const TOKEN = '123:TEST';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]);
let db: Store;
let api: Awaited<ReturnType<typeof fakeTelegram>>;
let telegram: ReturnType<typeof createTelegramBot>;
const logs: string[] = [];
const slowness = { pauseMs: 0 };

beforeAll(async () => {
  db = await freshStore();
  await buildFixture(db);
  api = await fakeTelegram(TOKEN, { 'photos/good.jpg': JPEG, 'photos/bad.jpg': Buffer.from('not an image at all') });
  const assistant = await Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: (l) => logs.push(l) });
  // The real assistant, slowed down on demand (a model that takes its time).
  const slowed = { toolDeps: assistant.toolDeps, handle: async (turn) => { await sleep(slowness.pauseMs); return assistant.handle(turn); } } as Pick<Assistant, 'handle' | 'toolDeps'> as Assistant;
  telegram = createTelegramBot({ db, assistant: slowed, log: (l) => logs.push(l) }, { token: TOKEN, apiRoot: api.apiRoot, demoCustomers: 2, typingEveryMs: 100 });
  await new Promise<void>((ready) => void telegram.bot.launch(ready));
});
afterAll(async () => {
  telegram.bot.stop();
  await telegram.idle();
  await api.close();
  await db.$disconnect();
});

const texts = (from = 0) => api.sent('sendMessage').slice(from).map((c) => c.body.text as string);

describe('Telegram shopper bot', () => {
  it('greets a new user in their language and creates their profile', async () => {
    api.push(command('/start'));
    const [hello] = await api.waitFor('sendMessage', 1);
    expect(hello.body.text).toContain('你好，小李');
    expect(hello.body.reply_markup.inline_keyboard[0][0].callback_data).toBe('demo');
    expect(await telegram.findCaller(String(user.id))).toMatchObject({ role: 'shopper' });
  });

  it('asks for a location with a request_location keyboard, then answers when it is shared', async () => {
    const before = api.sent('sendMessage').length;
    api.push(message({ text: '附近哪里有卖洗衣液' }));
    const asked = (await api.waitFor('sendMessage', before + 1))[before];
    expect(asked.body.text).toContain('位置');
    expect(asked.body.reply_markup.keyboard[0][0].request_location).toBe(true);

    api.push(message({ location: { latitude: C.lat, longitude: C.lng } }));
    const results = (await api.waitFor('sendMessage', before + 2))[before + 1];
    expect(results.body.parse_mode).toBe('HTML');
    expect(results.body.text).toMatch(/^<b>.*3公里内/);
    expect(results.body.text).toContain('A店');
    const buttons = results.body.reply_markup.inline_keyboard.flat().map((b: any) => b.callback_data);
    expect(buttons).toEqual(expect.arrayContaining(['say:更便宜的', 'nav:1', 'why:1']));
  });

  it('answers button presses: a follow-up, navigation to the shop, and why it ranks there', async () => {
    const before = api.sent('sendMessage').length;
    const press = (data: string) => api.push({ callback_query: { id: `cb-${data}`, from: user, chat_instance: 'x', data, message: { message_id: 1, date: 0, chat } } });
    press('say:更便宜的');
    await api.waitFor('sendMessage', before + 1);
    expect(texts(before)[0]).toContain('由便宜到贵');
    press('nav:1');
    const [venue] = await api.waitFor('sendVenue', 1);
    expect(venue.body).toMatchObject({ title: 'A店', address: 'A路1号' });
    expect(Number(venue.body.latitude)).toBeCloseTo(30.545, 2);
    press('why:1');
    await api.waitFor('sendMessage', before + 2);
    expect(texts(before)[1]).toContain('综合');
    expect((await api.waitFor('answerCallbackQuery', 3)).length).toBeGreaterThanOrEqual(3);
  });

  it('downloads the largest photo size and scans it (a cut-off JPEG is called broken); rejects a non-image', async () => {
    const before = api.sent('sendMessage').length;
    api.push(message({ photo: [{ file_id: 'small', file_unique_id: 's', width: 90, height: 90 }, { file_id: 'good', file_unique_id: 'g', width: 800, height: 800, file_size: JPEG.length }] }));
    await api.waitFor('sendMessage', before + 1);
    expect(api.sent('getFile').at(-1)!.body.file_id).toBe('good'); // the largest size
    expect(texts(before)[0]).toContain('图片损坏');
    api.push(message({ photo: [{ file_id: 'bad', file_unique_id: 'b', width: 800, height: 800 }] }));
    await api.waitFor('sendMessage', before + 2);
    expect(texts(before)[1]).toContain('不是能识别的图片');
  });

  it('switches language, links a demo shopper, and forgets the chat on /reset', async () => {
    const before = api.sent('sendMessage').length;
    api.push(command('/lang'));
    await api.waitFor('sendMessage', before + 1);
    expect(texts(before)[0]).toBe('Switched to English.');
    api.push({ callback_query: { id: 'cb-demo', from: user, chat_instance: 'x', data: 'demo', message: { message_id: 1, date: 0, chat } } });
    await api.waitFor('sendMessage', before + 2);
    expect(texts(before)[1]).toContain('demo shopper');
    expect(await telegram.findCaller(String(user.id))).toEqual({ role: 'shopper', customerId: 1 + (user.id % 2) });
    api.push(command('/reset'));
    await api.waitFor('sendMessage', before + 3);
    const conversation = await db.conversation.findUnique({ where: { key: `telegram:${chat.id}` }, include: { messages: true } });
    expect(conversation?.messages).toEqual([]);
  });

  it('shows "typing…" for as long as a slow answer takes, and stops once the answer is sent', async () => {
    slowness.pauseMs = 700;
    try {
      const from = api.calls.length;
      api.push(message({ text: '推荐点东西' }));
      await api.waitFor('sendMessage', api.sent('sendMessage').length + 1);
      const calls = api.calls.slice(from);
      const replied = calls.findIndex((c) => c.method === 'sendMessage');
      const typing = calls.slice(0, replied).filter((c) => c.method === 'sendChatAction');
      expect(typing.length).toBeGreaterThanOrEqual(4); // repeated (every 100 ms here), not once
      for (const t of typing) expect({ chat: Number(t.body.chat_id), action: t.body.action }).toEqual({ chat: chat.id, action: 'typing' });
      await sleep(400);
      expect(api.calls.slice(from + replied).filter((c) => c.method === 'sendChatAction')).toEqual([]); // none after the reply
    } finally {
      slowness.pauseMs = 0;
    }
  });

  it('asks again for a photo whose download failed, logs it, and keeps serving', async () => {
    const before = api.sent('sendMessage').length;
    api.push(message({ document: { file_id: 'missing', file_unique_id: 'm', mime_type: 'image/png' } })); // 404 on download
    await api.waitFor('sendMessage', before + 1);
    expect(texts(before)[0]).toBe('这张照片没能取到，请再发一次。'); // the demo shopper linked above reads Chinese
    expect(logs.some((l) => l.includes('file download failed'))).toBe(true);
    api.push(message({ text: 'hello' }));
    await api.waitFor('sendMessage', before + 2);
  });
});

describe('Telegram formatting', () => {
  it('offers one-tap "not for me" buttons under suggestions', () => {
    const answer = { reply: 'x', locale: 'en' as const, suggestions: [], attachments: { needsLocation: false, shops: [], charts: [] },
      toolCalls: [{ name: 'recommend', args: {}, result: { status: 'ok', items: [{ productId: 1 }, { productId: 2 }] } }] };
    const keyboard = inlineKeyboard(answer) as any;
    expect(keyboard.reply_markup.inline_keyboard[0].map((b: any) => b.callback_data)).toEqual(["say:I don't like number 1", "say:I don't like number 2"]);
  });

  it('puts a proposal\'s Yes / No under the answer in place of the typed yes / no suggestions', () => {
    const answer = { reply: 'Record a purchase: …\nConfirm?', locale: 'en' as const, suggestions: ['yes', 'no'], toolCalls: [],
      attachments: { needsLocation: true, shops: [], charts: [] }, proposal: { id: 7, text: 'Record a purchase: …', yes: 'Yes, record it', no: 'No' } };
    const keyboard = keyboardFor(answer) as any;
    const rows = keyboard.reply_markup.inline_keyboard.map((row: any[]) => row.map((b) => [b.text, b.callback_data]));
    expect(rows).toEqual([[['Yes, record it', 'ok:7'], ['No', 'no:7']]]); // inline even though a location was asked for
  });

  it('escapes HTML and splits long replies under the limit at line breaks', () => {
    const long = ['Title <b>&', ...Array.from({ length: 400 }, (_, i) => `line ${i} ${'x'.repeat(20)}`)].join('\n');
    const chunks = toHtmlChunks(long);
    expect(chunks[0].startsWith('<b>Title &lt;b&gt;&amp;</b>')).toBe(true);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(4000);
    expect(chunks.join('\n').split('\n')).toHaveLength(401);
  });
});

it('webhook mode checks the secret token on every request', async () => {
  const hook = createTelegramBot({ db, assistant: await Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} }), log: () => {} }, { token: TOKEN, apiRoot: api.apiRoot });
  const server = createServer(hook.bot.webhookCallback('/telegram', { secretToken: 's3cret' }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram`;
  const post = (secret?: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) }, body: JSON.stringify({ update_id: 900, ...message({ text: '/help' }) }) });
  const before = api.sent('sendMessage').length;
  expect((await post('wrong')).status).toBe(403);
  expect((await post()).status).toBe(403);
  await hook.idle();
  expect(api.sent('sendMessage').length).toBe(before); // rejected updates were not handled
  expect((await post('s3cret')).status).toBe(200);
  await api.waitFor('sendMessage', before + 1);
  await hook.idle();
  server.close();
});

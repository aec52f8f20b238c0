// Telegram against a Bot API server that lacks methods (a local server answering 404 "method not
// found", a proxy answering 501) and files that cannot be fetched: the shopper still gets something
// useful, never the generic "抱歉，出错了". Real telegraf client, fake Bot API with faults switched on.
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Assistant } from '../../agents/assistant.ts';
import { createTelegramBot } from '../../bots/telegram/bot.ts';
import type { Store } from '../../prisma/store.ts';
import { ensureDemoPictures, itemPicture } from '../../tools/scan-to-buy/demo-pictures.ts';
import { chat, fakeTelegram, message, user } from '../helpers/fake-telegram.ts';
import { buildFixture, NOW } from '../helpers/fixture.ts';
import { freshStore } from '../helpers/store.ts';

const TOKEN = '123:FAULTS';
const emma = { id: 5151, is_bot: false, first_name: 'Emma', language_code: 'en' };
const emmaChat = { id: 5151, type: 'private', first_name: 'Emma' };
let db: Store;
let api: Awaited<ReturnType<typeof fakeTelegram>>;
let telegram: ReturnType<typeof createTelegramBot>;
const logs: string[] = [];

beforeAll(async () => {
  db = await freshStore();
  await buildFixture(db);
  // A phone-style photo of the hand wash's catalogue picture: it scans as 蓝月亮洗手液.
  const handWash = await sharp(itemPicture('洗手液', 'hand wash')).extract({ left: 10, top: 6, width: 236, height: 240 }).resize(200, 210).jpeg({ quality: 70 }).toBuffer();
  api = await fakeTelegram(TOKEN, { 'photos/handwash.jpg': handWash });
  const assistant = await Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: (l) => logs.push(l) });
  await ensureDemoPictures(db, assistant.toolDeps.images);
  telegram = createTelegramBot({ db, assistant, log: (l) => logs.push(l) }, { token: TOKEN, apiRoot: api.apiRoot, perMinute: 1000 });
  await new Promise<void>((ready) => void telegram.bot.launch(ready));
});
afterEach(() => {
  api.faults.missing = {};
  api.faults.brokenDownloads = false;
});
afterAll(async () => {
  telegram.bot.stop();
  await telegram.idle();
  await api.close();
  await db.$disconnect();
});

let presses = 0;
const pressed = (data: string, messageId = 1) => ({ callback_query: { id: `cb-${presses++}`, from: user, chat_instance: 'x', data, message: { message_id: messageId, date: 0, chat } } });
const photoFrom = (from: object, c: { id: number }) => message({ from, chat: c, photo: [{ file_id: 'handwash', file_unique_id: 'h', width: 200, height: 210 }] });

/** The texts chat `c` got in answer to `update`: once its handling has begun (a call for it), the bot's idle() is its end. */
async function answersTo(update: Record<string, any>, c: { id: number } = chat): Promise<string[]> {
  const texts = () => api.sent('sendMessage').filter((m) => Number(m.body.chat_id) === c.id).map((m) => m.body.text as string);
  const forIt = (body: any) => Number(body.chat_id) === c.id || (update.callback_query && body.callback_query_id === update.callback_query.id);
  const [calls, before] = [api.calls.length, texts().length];
  api.push(update);
  await vi.waitFor(() => expect(api.calls.slice(calls).some((call) => forIt(call.body))).toBe(true), { timeout: 20_000, interval: 20 });
  await telegram.idle();
  return texts().slice(before);
}

describe('Telegram with methods missing on the Bot API server', () => {
  for (const status of [404, 501] as const) {
    it(`📍 without sendVenue (${status}): the shop's name, address and a map link as text`, async () => {
      api.faults.missing = { sendVenue: status };
      const tried = api.sent('sendVenue').length;
      const texts = await answersTo(pressed('nav:1'));
      expect(api.sent('sendVenue').slice(tried).map((c) => c.failed)).toEqual([status]); // tried, then fell back
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain('A店');
      expect(texts[0]).toContain('A路1号');
      const link = new URL(texts[0].match(/https:\/\/\S+/)![0]);
      const shop = (await db.shop.findUnique({ where: { id: 1 } }))!;
      expect(link.origin).toBe('https://www.openstreetmap.org');
      expect(Number(link.searchParams.get('mlat'))).toBeCloseTo(shop.lat, 5);
      expect(Number(link.searchParams.get('mlon'))).toBeCloseTo(shop.lng, 5);
      expect(texts[0]).not.toContain('出错');
    });
  }

  it('a scanned photo without sendPhoto: the answer comes without the catalogue picture', async () => {
    api.faults.missing = { sendPhoto: 404 };
    const tried = api.sent('sendPhoto').length;
    const texts = await answersTo(photoFrom(user, chat));
    expect(api.sent('sendPhoto').slice(tried).map((c) => c.failed)).toEqual([404]);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('蓝月亮洗手液');
    expect(texts[0]).not.toContain('出错');
  });

  it('a photo without getFile, or whose download fails: asked to send it again, in their language, and not scanned', async () => {
    const photoTurns = () => db.message.count({ where: { content: { startsWith: '📷' } } });
    const turnsBefore = await photoTurns();
    api.faults.missing = { getFile: 501 };
    expect(await answersTo(photoFrom(user, chat))).toEqual(['这张照片没能取到，请再发一次。']);
    api.faults.missing = {};
    api.faults.brokenDownloads = true;
    expect(await answersTo(photoFrom(emma, emmaChat), emmaChat)).toEqual(['The photo could not be fetched; please send it again.']);
    // Nothing reached the assistant: neither chat has a photo turn in its history.
    expect(await photoTurns()).toBe(turnsBefore);
  });
});

describe('Telegram proposals with Yes / No buttons', () => {
  // Orders are merchant-side; a shopper's own record may land in SelfReportedPurchase: count both.
  const purchases = async () => (await db.order.count()) + (await db.selfReportedPurchase.count());

  it('a record-purchase proposal shows Yes / No; Yes records it once, a second Yes is told it is done', async () => {
    const before = await purchases();
    const proposed = (await answersTo(message({ text: '记录一下：我买了蓝月亮洗手液 15元' }))).join('\n');
    const shown = api.sent('sendMessage').at(-1)!; // the answer's last message carries the buttons
    const buttons = shown.body.reply_markup.inline_keyboard.flat().map((b: any) => b.callback_data as string);
    const yes = buttons.find((d: string) => d.startsWith('ok:'))!;
    expect(buttons).toContain(`no:${yes.slice(3)}`);
    const { preview } = (await db.proposal.findUnique({ where: { id: Number(yes.slice(3)) } }))!;
    expect(preview).toContain('蓝月亮洗手液');
    expect(proposed.split(preview)).toHaveLength(2); // shown once, not repeated for the buttons
    expect(await purchases()).toBe(before); // nothing written before the yes

    const first = await answersTo(pressed(yes, shown.result.message_id));
    expect(first.join('\n')).toContain('已记录');
    expect(await purchases()).toBe(before + 1);
    // The pressed message lost its buttons.
    expect(api.sent('editMessageReplyMarkup').map((c) => Number(c.body.message_id))).toContain(shown.result.message_id);

    const again = await answersTo(pressed(yes, shown.result.message_id));
    expect(again.join('\n')).toMatch(/已经|过期|失效|already|expired/);
    expect(await purchases()).toBe(before + 1);
  });

  it('pressing No cancels the proposal and records nothing', async () => {
    const before = await purchases();
    await answersTo(message({ text: '记录一下：我买了蓝月亮洗手液 15元' }));
    const shown = api.sent('sendMessage').at(-1)!;
    const no = shown.body.reply_markup.inline_keyboard.flat().map((b: any) => b.callback_data as string).find((d: string) => d.startsWith('no:'))!;
    expect((await answersTo(pressed(no, shown.result.message_id))).join('\n')).toContain('已取消');
    expect(await purchases()).toBe(before);
  });
});

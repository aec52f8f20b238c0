// A merchant's reply to a shopper's message (contact_shop) pushed into the shopper's Telegram chat by the adapter
// `npm start` runs (startTelegram: telegraf's real client, long polling a fake Bot API on 127.0.0.1).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Assistant } from '../../agents/assistant.ts';
import type { Runtime } from '../../agents/runtime.ts';
import { ShopRelay } from '../../agents/shop-relay.ts';
import { startTelegram } from '../../bots/telegram/start.ts';
import type { Store } from '../../prisma/store.ts';
import { fakeTelegram } from '../helpers/fake-telegram.ts';
import { buildFixture, NOW } from '../helpers/fixture.ts';
import { freshStore } from '../helpers/store.ts';

const TOKEN = '123:relay';
let db: Store;
let api: Awaited<ReturnType<typeof fakeTelegram>>;
let relay: ShopRelay;
let stop: () => Promise<void>;

beforeAll(async () => {
  db = await freshStore();
  await buildFixture(db);
  api = await fakeTelegram(TOKEN);
  const assistant = await Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} });
  relay = new ShopRelay(db);
  const runtime = { db, assistant, relay } as unknown as Runtime;
  ({ stop } = await startTelegram(runtime, { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot }, () => {}));
});
afterAll(async () => {
  relay?.stop();
  await stop?.();
  await api?.close();
  await db?.$disconnect();
});

it('pushes the shop\'s reply into the shopper\'s chat once', async () => {
  const message = await db.shopMessage.create({ data: { chatKey: 'telegram:555', customerId: 1, shopId: 1, merchantId: 1, text: '有5kg装的吗', locale: 'zh', status: 'sent', slackChannel: 'D1', slackTs: '1.1' } });
  await relay.storeReply(message.id, '有的，89元', '1.2');
  const [sent] = await api.waitFor('sendMessage', 1);
  expect(String(sent.body.chat_id)).toBe('555');
  expect(sent.body.text).toBe('「A店」店主回复：有的，89元');
  await new Promise((r) => setTimeout(r, 300));
  expect(api.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
  expect((await db.shopReply.findFirst({ where: { shopMessageId: message.id } }))?.deliveredAt).not.toBeNull();
});

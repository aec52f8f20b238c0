// A shopper's message to a shop (contact_shop) through @slack/bolt's real HTTP receiver and a fake Slack Web API on
// 127.0.0.1: it lands in the linked merchant's DM; the merchant's reply in its thread is kept for the shopper (and
// not answered by the assistant); someone else's message in that thread is not passed on.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../../agents/assistant.ts';
import { ShopRelay } from '../../agents/shop-relay.ts';
import { createSlackApp } from '../../bots/slack/app.ts';
import type { Store } from '../../prisma/store.ts';
import { dmOf, fakeSlackApi, signedPost } from '../helpers/fake-slack.ts';
import { buildFixture, NOW } from '../helpers/fixture.ts';
import { freshStore } from '../helpers/store.ts';

const SECRET = 'signing-secret';
let db: Store;
let api: Awaited<ReturnType<typeof fakeSlackApi>>;
let app: ReturnType<typeof createSlackApp>;
let relay: ShopRelay;
let events: string;

beforeAll(async () => {
  db = await freshStore();
  await buildFixture(db);
  await db.identity.create({ data: { platform: 'slack', platformUserId: 'T1:U1', merchantId: 1 } });
  api = await fakeSlackApi();
  api.setLocale('U1', 'zh-CN');
  const assistant = await Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} });
  relay = new ShopRelay(db);
  app = createSlackApp({ db, assistant, tools: assistant.toolDeps, log: () => {}, relay }, { token: 'xoxb-test', signingSecret: SECRET, slackApiUrl: api.url, clock: () => NOW, statusAfterMs: 60_000 });
  const server = (await app.start(0)) as Server;
  events = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});
afterAll(async () => {
  relay?.stop();
  await app?.stop();
  await api?.close();
  await db?.$disconnect();
});

const event = (e: Record<string, unknown>) => signedPost(events, SECRET, JSON.stringify({ token: 't', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `Ev${Math.random()}`, event_time: 1, event: e }), 'application/json');
const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 250 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
};

describe('a shopper\'s message relayed to the merchant in Slack', () => {
  it('posts it to the merchant\'s DM, and passes their thread reply back', async () => {
    const message = await db.shopMessage.create({ data: { chatKey: 'web:c9:shopper:1', customerId: 1, shopId: 1, merchantId: 1, text: '请问有5kg装的吗？', locale: 'zh' } });
    relay.queued();
    const [posted] = await api.waitFor('chat.postMessage', 1, { where: { channel: dmOf('U1') } });
    expect(posted.body.text).toContain('A店');
    expect(posted.body.text).toContain('请问有5kg装的吗？');
    await until(async () => (await db.shopMessage.findUnique({ where: { id: message.id } }))?.status === 'sent');
    const thread = String(posted.reply.ts);

    const mark = api.mark();
    await event({ type: 'message', channel_type: 'im', user: 'U1', text: '有的，89元', ts: '1800000000.000001', thread_ts: thread, channel: dmOf('U1') });
    const [ack] = await api.waitFor('chat.postMessage', 1, { since: mark, where: { thread_ts: thread } });
    expect(ack.body.text).toBe('已转给顾客。');
    // The reply is the shopper's, not a question for the assistant: nothing else was posted.
    await new Promise((r) => setTimeout(r, 300));
    expect(api.since(mark, 'chat.postMessage')).toHaveLength(1);
    expect(await relay.takeReplies('web:c9:shopper:1')).toEqual([expect.objectContaining({ text: '「A店」店主回复：有的，89元' })]);
  });

  it('does not pass on a message in that thread from someone who is not that shop\'s merchant', async () => {
    const message = await db.shopMessage.create({ data: { chatKey: 'web:c10:shopper:1', customerId: 1, shopId: 2, merchantId: 1, text: 'open Sunday?', locale: 'en', status: 'sent', slackChannel: dmOf('U1'), slackTs: '1700000999.000001' } });
    await event({ type: 'message', channel_type: 'im', user: 'U7', text: 'yes we are', ts: '1800000001.000001', thread_ts: '1700000999.000001', channel: dmOf('U1') });
    await new Promise((r) => setTimeout(r, 500));
    expect(await db.shopReply.count({ where: { shopMessageId: message.id } })).toBe(0);
  });
});

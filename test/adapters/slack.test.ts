// @slack/bolt's real HTTP receiver with signed requests, against a fake Slack Web API on 127.0.0.1.
// A merchant's answers land in their DM with the app (U1 → D1); the channel only gets ephemeral notes.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant, type AssistantReply } from '../../agents/assistant.ts';
import { linkIdentity } from '../../agents/identity.ts';
import { createSlackApp, LINK_HELP, LOOKING, SORRY } from '../../bots/slack/app.ts';
import { replyBlocks } from '../../bots/slack/blocks.ts';
import { SENT_PRIVATELY } from '../../bots/slack/deliver.ts';
import { createLinkCode } from '../../bots/slack/link-codes.ts';
import { ensureDemoPictures, itemPicture } from '../../tools/scan-to-buy/demo-pictures.ts';
import { ImageCatalogue } from '../../tools/scan-to-buy/image-catalogue.ts';
import type { Store } from '../../prisma/store.ts';
import { fakeSlackApi, signedPost } from '../helpers/fake-slack.ts';
import { buildFixture, NOW } from '../helpers/fixture.ts';
import { freshStore } from '../helpers/store.ts';

const SECRET = 'signing-secret';
let db: Store;
let api: Awaited<ReturnType<typeof fakeSlackApi>>;
let app: ReturnType<typeof createSlackApp>;
let events: string;
let slowApp: ReturnType<typeof createSlackApp>;
let slowEvents: string;
const slowness = { fail: false };
const logs: string[] = [];

beforeAll(async () => {
  db = await freshStore();
  await buildFixture(db);
  api = await fakeSlackApi();
  const assistant = await Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: (l) => logs.push(l) });
  // These tests read the plain answer: no "looking it up" note first, however slow this machine is.
  app = createSlackApp({ db, assistant, tools: assistant.toolDeps, log: (l) => logs.push(l) }, { token: 'xoxb-test', signingSecret: SECRET, slackApiUrl: api.url, clock: () => NOW, statusAfterMs: 60_000 });
  const server = (await app.start(0)) as Server;
  events = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  // A second app on the same Web API whose assistant takes its time (or fails after a while), with the note after 50 ms.
  const slowed = {
    toolDeps: assistant.toolDeps,
    async handle(turn) {
      await sleep(500);
      if (slowness.fail) throw new Error('the model went away');
      return assistant.handle(turn);
    },
  } as Pick<Assistant, 'handle' | 'toolDeps'> as Assistant;
  slowApp = createSlackApp({ db, assistant: slowed, tools: assistant.toolDeps, log: (l) => logs.push(l) }, { token: 'xoxb-test', signingSecret: SECRET, slackApiUrl: api.url, clock: () => NOW, statusAfterMs: 50 });
  const slowServer = (await slowApp.start(0)) as Server;
  slowEvents = `http://127.0.0.1:${(slowServer.address() as AddressInfo).port}/slack/events`;
});
afterAll(async () => {
  await app?.stop();
  await slowApp?.stop();
  await api?.close();
  await db?.$disconnect();
});

const slash = (text: string, user = 'U1', tamper = false, url = events) =>
  signedPost(url, SECRET, new URLSearchParams({ token: 't', team_id: 'T1', team_domain: 'shop', channel_id: 'C1', channel_name: 'general', user_id: user, user_name: 'boss', command: '/shop', text, response_url: 'http://127.0.0.1:9/unused', trigger_id: 'tr' }).toString(), 'application/x-www-form-urlencoded', { tamper });
const event = (e: Record<string, unknown>, url = events) => signedPost(url, SECRET, JSON.stringify({ token: 't', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `Ev${Math.random()}`, event_time: 1, event: e }), 'application/json');
const press = (channel: string, action: { action_id: string; value: string }, messageTs = '1.1') => {
  const payload = { type: 'block_actions', team: { id: 'T1' }, user: { id: 'U1', team_id: 'T1' }, channel: { id: channel }, api_app_id: 'A1', token: 't', trigger_id: 'tr', container: { type: 'message' }, message: { ts: messageTs },
    actions: [{ type: 'button', block_id: 'b', action_ts: '1', ...action }] };
  return signedPost(events, SECRET, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
};
/** A button pressed in App Home: no channel, the Home view as its container. */
const pressHome = (user: string, action_id: string) => {
  const payload = { type: 'block_actions', team: { id: 'T1' }, user: { id: user, team_id: 'T1' }, api_app_id: 'A1', token: 't', trigger_id: 'tr', container: { type: 'view', view_id: 'V1' }, view: { id: 'V1', type: 'home' },
    actions: [{ type: 'button', block_id: 'b', action_ts: '1', action_id }] };
  return signedPost(events, SECRET, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
};
const METHOD = /MASE|seasonal_naive|croston|holt|tsb|backtest|z=/i;
const blockText = (blocks: any[]) => JSON.stringify(blocks);

describe('Slack merchant app', () => {
  it('rejects a request with a bad signature', async () => {
    const res = await slash('sales last week', 'U1', true);
    expect(res.status).toBe(401);
  });

  it('tells an unlinked user how to link, and shows nothing else', async () => {
    const since = api.mark();
    const res = await slash('sales last week', 'U9');
    expect(res.status).toBe(200);
    const [ephemeral] = await api.waitFor('chat.postEphemeral', 1, { since });
    expect(ephemeral.body).toMatchObject({ channel: 'C1', user: 'U9', text: LINK_HELP.en });
    expect(api.of('chat.postMessage')).toHaveLength(0);
  });

  it('links with a valid code and refuses a forged one', async () => {
    let since = api.mark();
    await slash('link M1-0000000000');
    expect((await api.waitFor('chat.postEphemeral', 1, { since }))[0].body.text).toContain('not valid');
    const { code } = await createLinkCode(db, 1, NOW);
    since = api.mark();
    await slash(`link ${code}`);
    expect((await api.waitFor('chat.postEphemeral', 1, { since }))[0].body.text).toContain('Merchant One');
  });

  it('answers /shop in the merchant\'s DM with Block Kit KPIs, drill-down buttons, and charts in the answer\'s thread', async () => {
    const since = api.mark();
    await slash('how were sales last week?');
    const [post] = await api.waitFor('chat.postMessage', 1, { since });
    expect(api.since(since, 'conversations.open')[0].body.users).toBe('U1');
    expect(post.body.channel).toBe('D1');
    expect(post.body.text).toContain('Revenue ¥189');
    const blocks = post.body.blocks;
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Sales 2026-11-16 – 2026-11-22' } });
    expect(blockText(blocks)).toContain('¥189 (+372.5%)');
    expect(blocks.at(-1).type).toBe('actions');
    const [note] = await api.waitFor('chat.postEphemeral', 1, { since });
    expect(note.body).toMatchObject({ channel: 'C1', user: 'U1', text: SENT_PRIVATELY.en });
    const completed = await api.waitFor('files.completeUploadExternal', 2, { since });
    expect(api.since(since, 'files.getUploadURLExternal').map((c) => c.body.filename)).toEqual(['chart-1.png', 'chart-2.png']);
    for (const u of api.uploads) expect(u.bytes.includes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe(true); // a PNG inside the multipart body
    for (const c of completed) expect(c.body).toMatchObject({ channel_id: 'D1', thread_ts: post.reply.ts });
  });

  it('posts "looking it up" for a slow answer and replaces that message with the answer, charts in its thread', async () => {
    const since = api.mark();
    await slash('how were sales last week?', 'U1', false, slowEvents);
    const [update] = await api.waitFor('chat.update', 1, { since });
    const posts = api.since(since, 'chat.postMessage');
    expect(posts).toHaveLength(1); // the note, and no second message for the answer
    expect(posts[0].body).toMatchObject({ channel: 'D1', text: LOOKING.en });
    expect(update.body).toMatchObject({ channel: 'D1', ts: posts[0].reply.ts });
    expect(update.body.text).toContain('Revenue ¥189');
    expect(update.body.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Sales 2026-11-16 – 2026-11-22' } });
    const completed = await api.waitFor('files.completeUploadExternal', 2, { since });
    for (const c of completed) expect(c.body).toMatchObject({ channel_id: 'D1', thread_ts: posts[0].reply.ts });
    expect(api.since(since, 'chat.postEphemeral').map((c) => c.body.text)).toEqual([SENT_PRIVATELY.en]); // once, with the note
  });

  it('turns the "looking it up" message into an apology when the slow answer fails', async () => {
    slowness.fail = true;
    try {
      const since = api.mark();
      await event({ type: 'message', channel_type: 'im', user: 'U1', text: 'sales last week', ts: '120.1', channel: 'D1' }, slowEvents);
      const [update] = await api.waitFor('chat.update', 1, { since });
      const [note] = api.since(since, 'chat.postMessage');
      expect(note.body.text).toBe(LOOKING.en);
      expect(update.body).toMatchObject({ channel: 'D1', ts: note.reply.ts, text: SORRY.en });
      await sleep(100);
      expect(api.since(since, 'chat.postEphemeral')).toEqual([]); // one apology, not two
    } finally {
      slowness.fail = false;
    }
  });

  it('refuses another merchant\'s shop', async () => {
    const since = api.mark();
    await slash('sales of shop 3 last week');
    const [post] = await api.waitFor('chat.postMessage', 1, { since });
    expect(post.body.channel).toBe('D1');
    expect(post.body.text).toContain('not one of your shops');
    expect(blockText(post.body.blocks)).not.toContain('¥400');
  });

  it('answers a channel mention in the DM with a note in the thread, and a DM in the DM', async () => {
    let since = api.mark();
    await event({ type: 'app_mention', user: 'U1', text: '<@UBOT> 上个月销售怎么样', ts: '111.1', channel: 'C2', team: 'T1' });
    const [answer] = await api.waitFor('chat.postMessage', 1, { since });
    expect(answer.body.channel).toBe('D1');
    expect(answer.body.thread_ts).toBeUndefined();
    const [note] = await api.waitFor('chat.postEphemeral', 1, { since, where: { channel: 'C2' } });
    expect(note.body).toMatchObject({ channel: 'C2', user: 'U1', thread_ts: '111.1', text: SENT_PRIVATELY.zh }); // asked in Chinese: told in Chinese
    since = api.mark();
    await event({ type: 'message', channel_type: 'im', user: 'U1', text: 'top 2 products in the last 30 days', ts: '112.1', channel: 'D1' });
    const [dm] = await api.waitFor('chat.postMessage', 1, { since });
    expect(dm.body.channel).toBe('D1');
    expect(dm.body.text).toContain('1. Blue Moon laundry detergent 2kg');
    expect(api.since(since, 'chat.postEphemeral')).toEqual([]); // asked in the DM: no "sent privately" note
  });

  it('runs a drill-down button through the assistant, in the same conversation as the text turns', async () => {
    const since = api.mark();
    const res = await press('D1', { action_id: 'followup_0', value: 'last month?' });
    expect(res.status).toBe(200);
    const [post] = await api.waitFor('chat.postMessage', 1, { since });
    expect(post.body).toMatchObject({ channel: 'D1' });
    expect(post.body.text).toContain('no paid orders');
    // Slash commands, mentions, DMs and buttons share one chat per Slack user.
    expect((await db.conversation.findMany()).map((c) => c.key)).toEqual(['slack:T1:U1']);
  });

  it('renders a proposal as its text with Yes / No buttons carrying its id', () => {
    const reply: AssistantReply = { reply: 'Reorder?', locale: 'en', toolCalls: [], suggestions: ['restock'], attachments: { needsLocation: false, shops: [], charts: [] },
      proposal: { id: 42, text: 'Order 12 × Blue Moon laundry detergent 2kg for Shop A', yes: 'Yes, order', no: 'No' } };
    const blocks = replyBlocks(reply) as any[];
    const at = blocks.findIndex((b) => b.block_id === 'proposal_42');
    expect(blocks[at - 1]).toMatchObject({ type: 'section', text: { text: 'Order 12 × Blue Moon laundry detergent 2kg for Shop A' } });
    expect(blocks[at].elements).toMatchObject([
      { type: 'button', action_id: 'proposal_yes', value: '42', text: { text: 'Yes, order' } },
      { type: 'button', action_id: 'proposal_no', value: '42', text: { text: 'No' } },
    ]);
    expect(blockText(replyBlocks({ ...reply, proposal: undefined }))).not.toContain('proposal_');
  });

  it('answers a proposal button privately, like a text turn', async () => {
    // Pressed on a message in a channel (say, from before answers went to DMs): the answer still goes to the DM.
    const since = api.mark();
    const res = await press('C1', { action_id: 'proposal_no', value: '42' });
    expect(res.status).toBe(200);
    const [post] = await api.waitFor('chat.postMessage', 1, { since });
    expect(post.body.channel).toBe('D1');
    const [note] = await api.waitFor('chat.postEphemeral', 1, { since });
    expect(note.body).toMatchObject({ channel: 'C1', user: 'U1', text: SENT_PRIVATELY.en });
  });

  it('publishes App Home with the merchant\'s 7- and 30-day KPIs, or link help', async () => {
    let since = api.mark();
    await event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' });
    const [home] = await api.waitFor('views.publish', 1, { since });
    expect(home.body.user_id).toBe('U1');
    const text = blockText(home.body.view.blocks);
    expect(text).toContain('Last 7 days');
    expect(text).toContain('¥189');
    expect(text).toContain('Restock');
    expect(text).toMatch(/order now \d+/);
    expect(text).toContain('Reviews (90 days)');
    // One language: U1's Slack locale is English, so not a Chinese label in sight (the fixture's English names have none).
    expect(text).not.toMatch(/\p{Script=Han}/u);
    const buttons = home.body.view.blocks.flatMap((b: any) => b.elements ?? []).filter((e: any) => e.type === 'button');
    expect(buttons.map((b: any) => [b.action_id, b.text.text])).toEqual([['home_refresh', 'Refresh'], ['home_restock', 'Open restock forecast'], ['home_reviews', 'Open customer reviews']]);
    since = api.mark();
    await event({ type: 'app_home_opened', user: 'U9', channel: 'D9', tab: 'home' });
    const [published] = await api.waitFor('views.publish', 1, { since });
    expect(blockText(published.body.view.blocks)).toContain('/shop link');
  });

  it('shows App Home in Chinese only to a user Slack gives no locale for and who last wrote in Chinese, or whose Slack is in Chinese', async () => {
    api.setLocale('U2', undefined); // as without the users:read scope
    api.setLocale('U3', 'zh-CN');
    await linkIdentity(db, 'slack', 'T1:U2', { role: 'merchant', merchantId: 1 });
    await linkIdentity(db, 'slack', 'T1:U3', { role: 'merchant', merchantId: 1 });
    let since = api.mark();
    await event({ type: 'message', channel_type: 'im', user: 'U2', text: '上周销售怎么样', ts: '116.1', channel: 'D2' });
    await api.waitFor('chat.postMessage', 1, { since, where: { channel: 'D2' } });
    for (const user of ['U2', 'U3']) {
      since = api.mark();
      await event({ type: 'app_home_opened', user, channel: `D${user.slice(1)}`, tab: 'home' });
      const [home] = await api.waitFor('views.publish', 1, { since, where: { user_id: user } });
      const text = blockText(home.body.view.blocks);
      for (const label of ['店铺概览', '近 7 天', '销售额', '¥189', '补货', '顾客评价（近 90 天）', '刷新']) expect(text, user).toContain(label);
      for (const label of ['Revenue', 'Last 7 days', 'Restock', 'Reviews', 'Refresh', 'order now']) expect(text, user).not.toContain(label);
    }
  });

  it('answers restock advice as Block Kit rows, the method behind a "How was this computed?" button that posts it in the answer\'s thread', async () => {
    // Shop B's hand wash runs low (3 a week expected, 2 left), so one row says to order.
    const offer = await db.offer.findFirstOrThrow({ where: { shopId: 2, productId: 3 } });
    await db.offer.update({ where: { id: offer.id }, data: { stock: 2 } });
    try {
      let since = api.mark();
      await event({ type: 'message', channel_type: 'im', user: 'U1', text: 'restock advice', ts: '117.1', channel: 'D1' });
      const [post] = await api.waitFor('chat.postMessage', 1, { since });
      const blocks = post.body.blocks as any[];
      expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Restock · your 2 shops' } });
      expect(blocks[1]).toMatchObject({ type: 'context', elements: [{ text: '1 to order now, 0 to order soon, 2 with enough stock.' }] });
      const rows = blocks.filter((b) => b.type === 'section' && b.fields);
      expect(rows).toHaveLength(3);
      expect(rows[0].text.text).toMatch(/^:red_circle: \*Blue Moon hand wash 500ml · Shop B\* — Order now\nruns out around /);
      expect(rows[0].fields.map((f: any) => f.text)).toEqual(['*Stock*\n2', '*Expected next 7 days*\n3', '*Order*\n4']);
      expect(rows.slice(1).map((r) => [r.text.text.split('\n')[0].split(' — ')[1], r.fields[2].text])).toEqual([['Enough stock', '*Order*\n—'], ['Enough stock', '*Order*\n—']]);
      const shown = JSON.stringify(blocks.filter((b) => b.type !== 'actions'));
      expect(shown).not.toMatch(METHOD);
      expect(shown).not.toMatch(/order 0\b/i);
      const button = blocks.flatMap((b) => b.elements ?? []).find((e: any) => e.action_id === 'card_details_0');
      expect(button.text.text).toBe('How was this computed?');
      expect(blocks.at(-1).elements[0].action_id).toBe('followup_0'); // the follow-ups stay last
      since = api.mark();
      await press('D1', { action_id: 'card_details_0', value: button.value }, post.reply.ts);
      const [details] = await api.waitFor('chat.postMessage', 1, { since });
      expect(details.body).toMatchObject({ channel: 'D1', thread_ts: post.reply.ts });
      expect(details.body.text).toMatch(/^\*How was this computed\?\*\n• /);
      expect(details.body.text).toContain('seasonal_naive');
      expect(details.body.text).toContain('MASE');
      expect(api.since(since, 'chat.postEphemeral')).toEqual([]);
    } finally {
      await db.offer.update({ where: { id: offer.id }, data: { stock: offer.stock } });
    }
  });

  it('runs App Home\'s buttons: refresh publishes the tab again; restock and reviews post their full answers in the DM', async () => {
    let since = api.mark();
    await pressHome('U1', 'home_refresh');
    const [home] = await api.waitFor('views.publish', 1, { since });
    expect(home.body.user_id).toBe('U1');
    expect(blockText(home.body.view.blocks)).toContain('Shop overview');
    since = api.mark();
    await pressHome('U1', 'home_restock');
    const [restock] = await api.waitFor('chat.postMessage', 1, { since });
    expect(restock.body.channel).toBe('D1');
    expect(restock.body.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Restock · your 2 shops' } });
    since = api.mark();
    await pressHome('U1', 'home_reviews');
    const [reviews] = await api.waitFor('chat.postMessage', 1, { since });
    expect(reviews.body.channel).toBe('D1');
    expect(reviews.body.text).toContain('no reviews'); // the fixture has none
    expect(api.since(since, 'chat.postEphemeral')).toEqual([]); // pressed in Home: no channel to leave a note in
  });

  it('scans an image shared in a DM: the product, who sells it, and its catalogue picture in the answer\'s thread', async () => {
    await ensureDemoPictures(db, new ImageCatalogue(db, () => undefined));
    let since = api.mark();
    const uploadsBefore = api.uploads.length;
    const url = api.hostFile('hand-wash.png', Buffer.from(itemPicture('洗手液', 'hand wash')));
    await event({ type: 'message', subtype: 'file_share', channel_type: 'im', user: 'U1', text: '', ts: '113.1', channel: 'D1',
      files: [{ id: 'F9', mimetype: 'image/png', size: 5000, url_private_download: url }] });
    const [post] = await api.waitFor('chat.postMessage', 1, { since });
    // A photo without words is answered in U1's language (English, from Slack).
    expect(post.body.text).toContain('This is "Blue Moon hand wash 500ml"');
    expect(post.body.text).not.toContain("that's it"); // merchants look, they do not teach the matcher
    expect(api.downloads.at(-1)).toEqual({ name: 'hand-wash.png', authorization: 'Bearer xoxb-test' });
    const [completed] = await api.waitFor('files.completeUploadExternal', 1, { since });
    expect(completed.body).toMatchObject({ channel_id: 'D1', thread_ts: post.reply.ts });
    expect(api.uploads.length).toBe(uploadsBefore + 1);
    expect(api.uploads.at(-1)!.bytes.includes(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(true); // a PNG inside the upload
    // A PDF is not a photo: a clear message, nothing downloaded.
    since = api.mark();
    await event({ type: 'message', subtype: 'file_share', channel_type: 'im', user: 'U1', text: '', ts: '114.1', channel: 'D1', files: [{ id: 'F10', mimetype: 'application/pdf', size: 100, url_private_download: url }] });
    const [refused] = await api.waitFor('chat.postMessage', 1, { since });
    expect(refused.body).toMatchObject({ channel: 'D1' });
    expect(refused.body.text).toContain('JPEG, PNG or WebP');
  });

  it('answers Slack\'s URL verification', async () => {
    const res = await signedPost(events, SECRET, JSON.stringify({ type: 'url_verification', challenge: 'abc', token: 't' }), 'application/json');
    expect(await res.text()).toContain('abc');
  });
});

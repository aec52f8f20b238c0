// @slack/bolt's real HTTP receiver with signed requests, against a fake Slack Web API on 127.0.0.1.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../../agents/assistant.ts';
import { createSlackApp, LINK_HELP } from '../../bots/slack/app.ts';
import { ensureDemoPictures, itemPicture } from '../../tools/scan-to-buy/demo-pictures.ts';
import { ImageCatalogue } from '../../tools/scan-to-buy/image-catalogue.ts';
import { checkLinkCode, linkCode } from '../../bots/slack/link-codes.ts';
import type { Store } from '../../prisma/store.ts';
import { fakeSlackApi, signedPost } from '../helpers/fake-slack.ts';
import { buildFixture, NOW } from '../helpers/fixture.ts';
import { freshStore } from '../helpers/store.ts';

const SECRET = 'signing-secret';
const LINK_SECRET = 'link-secret';
let db: Store;
let api: Awaited<ReturnType<typeof fakeSlackApi>>;
let app: ReturnType<typeof createSlackApp>;
let events: string;
const logs: string[] = [];

beforeAll(async () => {
  db = await freshStore();
  await buildFixture(db);
  api = await fakeSlackApi();
  const assistant = await Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: (l) => logs.push(l) });
  app = createSlackApp({ db, assistant, tools: assistant.toolDeps, log: (l) => logs.push(l) }, { token: 'xoxb-test', signingSecret: SECRET, slackApiUrl: api.url, linkSecret: LINK_SECRET, clock: () => NOW });
  const server = (await app.start(0)) as Server;
  events = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});
afterAll(async () => {
  await app.stop();
  await api.close();
  await db.$disconnect();
});

const slash = (text: string, user = 'U1', tamper = false) =>
  signedPost(events, SECRET, new URLSearchParams({ token: 't', team_id: 'T1', team_domain: 'shop', channel_id: 'C1', channel_name: 'general', user_id: user, user_name: 'boss', command: '/shop', text, response_url: 'http://127.0.0.1:9/unused', trigger_id: 'tr' }).toString(), 'application/x-www-form-urlencoded', tamper);
const event = (e: Record<string, unknown>) => signedPost(events, SECRET, JSON.stringify({ token: 't', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `Ev${Math.random()}`, event_time: 1, event: e }), 'application/json');
const blockText = (blocks: any[]) => JSON.stringify(blocks);

describe('Slack merchant app', () => {
  it('rejects a request with a bad signature', async () => {
    const res = await slash('sales last week', 'U1', true);
    expect(res.status).toBe(401);
  });

  it('tells an unlinked user how to link, and shows nothing else', async () => {
    const res = await slash('sales last week', 'U9');
    expect(res.status).toBe(200);
    const [ephemeral] = await api.waitFor('chat.postEphemeral', 1);
    expect(ephemeral.body).toMatchObject({ channel: 'C1', user: 'U9', text: LINK_HELP });
    expect(api.of('chat.postMessage')).toHaveLength(0);
  });

  it('links with a valid code and refuses a forged one', async () => {
    expect(checkLinkCode(LINK_SECRET, linkCode(LINK_SECRET, 1))).toBe(1);
    await slash('link M1-0000000000');
    await api.waitFor('chat.postEphemeral', 2);
    expect(api.of('chat.postEphemeral')[1].body.text).toContain('not valid');
    await slash(`link ${linkCode(LINK_SECRET, 1)}`);
    await api.waitFor('chat.postEphemeral', 3);
    expect(api.of('chat.postEphemeral')[2].body.text).toContain('Merchant One');
  });

  it('answers /shop with Block Kit KPIs, drill-down buttons and chart images', async () => {
    await slash('how were sales last week?');
    const [post] = await api.waitFor('chat.postMessage', 1);
    expect(post.body.text).toContain('Revenue ¥189');
    const blocks = post.body.blocks;
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Sales 2026-11-16 – 2026-11-22' } });
    expect(blockText(blocks)).toContain('¥189 (+372.5%)');
    expect(blocks.at(-1).type).toBe('actions');
    await api.waitFor('files.completeUploadExternal', 2);
    expect(api.of('files.getUploadURLExternal').map((c) => c.body.filename)).toEqual(['chart-1.png', 'chart-2.png']);
    for (const u of api.uploads) expect(u.bytes.includes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe(true); // a PNG inside the multipart body
    expect(JSON.stringify(api.of('files.completeUploadExternal')[0].body)).toContain('C1');
  });

  it('refuses another merchant\'s shop', async () => {
    await slash('sales of shop 3 last week');
    const posts = await api.waitFor('chat.postMessage', 2);
    expect(posts[1].body.text).toContain('not one of your shops');
    expect(blockText(posts[1].body.blocks)).not.toContain('¥400');
  });

  it('answers a mention in a thread and a DM', async () => {
    await event({ type: 'app_mention', user: 'U1', text: '<@UBOT> 上个月销售怎么样', ts: '111.1', channel: 'C2', team: 'T1' });
    const posts = await api.waitFor('chat.postMessage', 3);
    expect(posts[2].body).toMatchObject({ channel: 'C2', thread_ts: '111.1' });
    await event({ type: 'message', channel_type: 'im', user: 'U1', text: 'top 2 products in the last 30 days', ts: '112.1', channel: 'D1' });
    const dm = (await api.waitFor('chat.postMessage', 4))[3];
    expect(dm.body.channel).toBe('D1');
    expect(dm.body.text).toContain('1. Blue Moon laundry detergent 2kg');
  });

  it('runs a drill-down button through the assistant', async () => {
    const payload = { type: 'block_actions', team: { id: 'T1' }, user: { id: 'U1', team_id: 'T1' }, channel: { id: 'C1' }, api_app_id: 'A1', token: 't', trigger_id: 'tr', container: { type: 'message' }, message: { ts: '1.1' },
      actions: [{ type: 'button', action_id: 'followup_0', block_id: 'b', value: 'last month?', action_ts: '1' }] };
    const res = await signedPost(events, SECRET, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    const posts = await api.waitFor('chat.postMessage', 5);
    expect(posts[4].body.text).toContain('no paid orders');
  });

  it('publishes App Home with the merchant\'s 7- and 30-day KPIs, or link help', async () => {
    await event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' });
    const [home] = await api.waitFor('views.publish', 1);
    expect(home.body.user_id).toBe('U1');
    const text = blockText(home.body.view.blocks);
    expect(text).toContain('Last 7 days');
    expect(text).toContain('¥189');
    expect(text).toContain('Restock');
    expect(text).toMatch(/order now \d+/);
    expect(text).toContain('Reviews (90 days)');
    await event({ type: 'app_home_opened', user: 'U9', channel: 'D9', tab: 'home' });
    const published = await api.waitFor('views.publish', 2);
    expect(blockText(published[1].body.view.blocks)).toContain('/shop link');
  });

  it('scans an image shared in a DM: the product, who sells it, and its catalogue picture', async () => {
    await ensureDemoPictures(db, new ImageCatalogue(db, () => undefined));
    const before = api.of('chat.postMessage').length;
    const uploadsBefore = api.uploads.length;
    const url = api.hostFile('hand-wash.png', Buffer.from(itemPicture('洗手液', 'hand wash')));
    await event({ type: 'message', subtype: 'file_share', channel_type: 'im', user: 'U1', text: '', ts: '113.1', channel: 'D1',
      files: [{ id: 'F9', mimetype: 'image/png', size: 5000, url_private_download: url }] });
    const post = (await api.waitFor('chat.postMessage', before + 1))[before];
    expect(post.body.text).toContain('这是「蓝月亮洗手液 500ml」');
    expect(post.body.text).not.toContain('就是它'); // merchants look, they do not teach the matcher
    expect(api.downloads.at(-1)).toEqual({ name: 'hand-wash.png', authorization: 'Bearer xoxb-test' });
    await api.waitFor('files.completeUploadExternal', 1);
    expect(api.uploads.length).toBe(uploadsBefore + 1);
    expect(api.uploads.at(-1)!.bytes.includes(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(true); // a PNG inside the upload
    // A PDF is not a photo: a clear message, nothing downloaded.
    await event({ type: 'message', subtype: 'file_share', channel_type: 'im', user: 'U1', text: '', ts: '114.1', channel: 'D1', files: [{ id: 'F10', mimetype: 'application/pdf', size: 100, url_private_download: url }] });
    const refused = (await api.waitFor('chat.postMessage', before + 2))[before + 1];
    expect(refused.body.text).toContain('JPEG, PNG or WebP');
  });

  it('answers Slack\'s URL verification', async () => {
    const res = await signedPost(events, SECRET, JSON.stringify({ type: 'url_verification', challenge: 'abc', token: 't' }), 'application/json');
    expect(await res.text()).toContain('abc');
  });
});

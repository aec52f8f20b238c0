// What goes wrong in Slack and what the merchant (and the store) must see instead: figures posted
// where colleagues can read them, replayed or redelivered requests, link codes used twice, expired
// or altered. The real Bolt HTTP receiver, signed requests, the fake Slack Web API on 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../../agents/assistant.ts';
import { linkIdentity } from '../../agents/identity.ts';
import { createSlackApp, LINK_REFUSED } from '../../bots/slack/app.ts';
import { SENT_PRIVATELY } from '../../bots/slack/deliver.ts';
import { claimLinkCode, createLinkCode, LINK_CODE_TTL_MS, normaliseLinkCode } from '../../bots/slack/link-codes.ts';
import { openStore, type Store } from '../../prisma/store.ts';
import { fakeSlackApi, signedPost } from '../helpers/fake-slack.ts';
import { buildFixture, NOW } from '../helpers/fixture.ts';
import { TEMPLATE } from '../helpers/global-setup.ts';
import { freshStore } from '../helpers/store.ts';

const SECRET = 'signing-secret';
const DAY_MS = 24 * 60 * 60_000;
let db: Store;
let assistant: Assistant;
let api: Awaited<ReturnType<typeof fakeSlackApi>>;
const apps: ReturnType<typeof createSlackApp>[] = [];
let events: string;
let now = NOW; // the app's clock: link codes expire against it
const logs: string[] = [];

async function startApp(): Promise<string> {
  // The plain answer (no "looking it up" note first, however slow this machine is): these tests count messages.
  const app = createSlackApp({ db, assistant, tools: assistant.toolDeps, log: (l) => logs.push(l) }, { token: 'xoxb-test', signingSecret: SECRET, slackApiUrl: api.url, clock: () => now, statusAfterMs: 60_000 });
  apps.push(app);
  const server = (await app.start(0)) as Server;
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
}

beforeAll(async () => {
  db = await freshStore();
  await buildFixture(db);
  await linkIdentity(db, 'slack', 'T1:U1', { role: 'merchant', merchantId: 1 });
  // Deliveries seen long ago: Slack's are pruned once the app handles events, another adapter's are left alone.
  await db.seenEvent.createMany({ data: [{ key: 'slack:EvAncient', createdAt: new Date(NOW.getTime() - 2 * DAY_MS) }, { key: 'telegram:1', createdAt: new Date(NOW.getTime() - 2 * DAY_MS) }] });
  api = await fakeSlackApi();
  assistant = await Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: (l) => logs.push(l) });
  events = await startApp();
});
afterAll(async () => {
  for (const app of apps) await app.stop();
  await api?.close();
  await db?.$disconnect();
});

const form = (text: string, user: string, channel: string) =>
  new URLSearchParams({ token: 't', team_id: 'T1', team_domain: 'shop', channel_id: channel, channel_name: channel.startsWith('D') ? 'directmessage' : 'general', user_id: user, user_name: 'boss', command: '/shop', text, response_url: 'http://127.0.0.1:9/unused', trigger_id: 'tr' }).toString();
const slash = (text: string, { user = 'U1', channel = 'C1', skewSeconds = 0 } = {}) =>
  signedPost(events, SECRET, form(text, user, channel), 'application/x-www-form-urlencoded', { skewSeconds });
const envelope = (eventId: string, e: Record<string, unknown>) => JSON.stringify({ token: 't', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: eventId, event_time: 1, event: e });
const until = async (what: () => boolean) => {
  for (let i = 0; !what(); i++) {
    if (i > 500) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};
/** Everything the app said where more than the asker can read it: chat.postMessage outside the asker's DM. */
const publicPosts = (since: number) => api.since(since, 'chat.postMessage').filter((c) => !String(c.body.channel).startsWith('D'));

describe('privacy: a merchant\'s figures only reach the merchant', () => {
  it('a slash command in a channel: a note there, the figures and charts in the DM', async () => {
    const since = api.mark();
    await slash('how were sales last week?');
    const completed = await api.waitFor('files.completeUploadExternal', 2, { since });
    const [answer] = api.since(since, 'chat.postMessage');
    expect(answer.body.channel).toBe('D1');
    expect(answer.body.text).toContain('Revenue ¥189');
    for (const c of completed) expect(c.body).toMatchObject({ channel_id: 'D1', thread_ts: answer.reply.ts }); // with the answer, not loose
    expect(publicPosts(since)).toEqual([]);
    const notes = api.since(since, 'chat.postEphemeral');
    expect(notes.map((c) => c.body)).toEqual([expect.objectContaining({ channel: 'C1', user: 'U1', text: SENT_PRIVATELY.en })]);
    expect(JSON.stringify(notes)).not.toContain('¥');
  });

  it('an @mention in a channel: the answer in the DM, only an ephemeral note in the thread', async () => {
    const since = api.mark();
    await signedPost(events, SECRET, envelope('EvMention1', { type: 'app_mention', user: 'U1', text: '<@UBOT> sales last week', ts: '300.1', channel: 'C7', team: 'T1' }), 'application/json');
    await api.waitFor('files.completeUploadExternal', 2, { since });
    expect(api.since(since, 'chat.postMessage').map((c) => c.body.channel)).toEqual(['D1']);
    expect(api.since(since, 'chat.postEphemeral').map((c) => c.body)).toEqual([expect.objectContaining({ channel: 'C7', user: 'U1', thread_ts: '300.1', text: SENT_PRIVATELY.en })]);
  });

  it('a slash command in the DM is answered there, without a note', async () => {
    const since = api.mark();
    await slash('how were sales last week?', { channel: 'D1' });
    const [answer] = await api.waitFor('chat.postMessage', 1, { since });
    expect(answer.body.channel).toBe('D1');
    await api.waitFor('files.completeUploadExternal', 2, { since });
    expect(api.since(since, 'chat.postEphemeral')).toEqual([]);
  });
});

describe('replay: timestamps and redeliveries', () => {
  it('refuses a correctly signed request timestamped 10 minutes ahead, and posts nothing', async () => {
    const since = api.mark();
    const res = await slash('how were sales last week?', { skewSeconds: 10 * 60 });
    expect([401, 403]).toContain(res.status);
    // Refused before Bolt reads the body, so nothing is still in flight once the response is here.
    expect(api.since(since)).toEqual([]);
    const event = await signedPost(events, SECRET, envelope('EvFuture1', { type: 'message', channel_type: 'im', user: 'U1', text: 'sales last week', ts: '301.1', channel: 'D1' }), 'application/json', { skewSeconds: 10 * 60 });
    expect(event.status).toBe(401);
    expect(api.since(since)).toEqual([]);
    expect(await db.seenEvent.findUnique({ where: { key: 'slack:EvFuture1' } })).toBeNull();
  });

  it('still refuses a stale one (Bolt) and accepts ordinary clock skew', async () => {
    expect((await slash('help', { skewSeconds: -10 * 60 })).status).toBe(401);
    const since = api.mark();
    expect((await slash('help', { skewSeconds: 2 * 60 })).status).toBe(200);
    const [help] = await api.waitFor('chat.postEphemeral', 1, { since });
    expect(help.body.text).toContain('/shop link');
  });

  it('answers an event once when Slack delivers it again with X-Slack-Retry-Num', async () => {
    const body = envelope('EvDup1', { type: 'message', channel_type: 'im', user: 'U1', text: 'top 2 products in the last 30 days', ts: '302.1', channel: 'D1' });
    const since = api.mark();
    expect((await signedPost(events, SECRET, body, 'application/json')).status).toBe(200);
    await api.waitFor('chat.postMessage', 1, { since });
    const retry = await signedPost(events, SECRET, body, 'application/json', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200); // acknowledged, so Slack stops retrying
    await until(() => logs.some((l) => l.includes('ignored a redelivery of slack:EvDup1 (retry 1)')));
    expect(api.since(since, 'chat.postMessage')).toHaveLength(1);
    expect(await db.seenEvent.findUnique({ where: { key: 'slack:EvDup1' } })).not.toBeNull();
  });

  it('two processes sharing the store: one delivery is answered by only one of them', async () => {
    const other = await startApp(); // its own app and memory; only the store is shared
    const body = envelope('EvDup2', { type: 'message', channel_type: 'im', user: 'U1', text: 'top 2 products in the last 30 days', ts: '303.1', channel: 'D1' });
    const since = api.mark();
    const [a, b] = await Promise.all([signedPost(events, SECRET, body, 'application/json'), signedPost(other, SECRET, body, 'application/json', { headers: { 'x-slack-retry-num': '1' } })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await until(() => logs.some((l) => l.includes('ignored a redelivery of slack:EvDup2')));
    await api.waitFor('chat.postMessage', 1, { since });
    expect(api.since(since, 'chat.postMessage')).toHaveLength(1);
  });

  it('forgets Slack deliveries older than a day', async () => {
    expect(await db.seenEvent.findUnique({ where: { key: 'slack:EvAncient' } })).toBeNull();
    expect(await db.seenEvent.findUnique({ where: { key: 'telegram:1' } })).not.toBeNull();
  });
});

describe('link codes: once, for 15 minutes, exactly as issued', () => {
  const link = async (code: string, user: string) => {
    const since = api.mark();
    await slash(`link ${code}`, { user });
    const [reply] = await api.waitFor('chat.postEphemeral', 1, { since });
    expect(api.since(since, 'chat.postMessage')).toEqual([]);
    return reply.body.text as string;
  };
  const merchantOf = async (user: string) => (await db.identity.findUnique({ where: { platform_platformUserId: { platform: 'slack', platformUserId: `T1:${user}` } } }))?.merchantId;

  it('works once; a second use is refused and links no one', async () => {
    const { code, expiresAt } = await createLinkCode(db, 1, now);
    expect(code).toMatch(/^M1-[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(expiresAt.getTime() - now.getTime()).toBe(15 * 60_000);
    const stored = await db.linkCode.findMany();
    expect(JSON.stringify(stored)).not.toContain(code.slice(3)); // only a hash is kept
    expect(await link(code, 'U5')).toContain('Linked to Merchant One');
    expect(await merchantOf('U5')).toBe(1);
    const used = (await db.linkCode.findMany({ where: { usedBy: 'T1:U5' } }))[0];
    expect(used.usedAt).toEqual(now);
    expect(await link(code, 'U6')).toBe(LINK_REFUSED.en.used);
    expect(await merchantOf('U6')).toBeUndefined();
    expect((await db.linkCode.findUnique({ where: { id: used.id } }))?.usedBy).toBe('T1:U5');
  });

  it('is refused once expired (15 minutes on the app\'s clock)', async () => {
    const { code } = await createLinkCode(db, 2, now);
    now = new Date(NOW.getTime() + LINK_CODE_TTL_MS + 1000);
    try {
      expect(await link(code, 'U7')).toBe(LINK_REFUSED.en.expired);
    } finally {
      now = NOW;
    }
    expect(await merchantOf('U7')).toBeUndefined();
    expect((await db.linkCode.findMany({ where: { merchantId: 2 } })).map((r) => r.usedAt)).toEqual([null]);
  });

  it('is refused when altered, and the real code still works afterwards', async () => {
    const { code } = await createLinkCode(db, 1, now);
    const last = code.at(-1)!;
    const altered = code.slice(0, -1) + (last === '7' ? '8' : '7');
    expect(await link(altered, 'U8')).toBe(LINK_REFUSED.en.invalid);
    expect(await link(code.replace(/^M1-/, 'M2-'), 'U8')).toBe(LINK_REFUSED.en.invalid); // the merchant comes from the stored row, not the text
    expect(await merchantOf('U8')).toBeUndefined();
    expect(await link(code.toLowerCase(), 'U8')).toContain('Linked to Merchant One'); // typing it in lower case is fine
    expect(await merchantOf('U8')).toBe(1);
  });

  it('reads O as 0 and I or L as 1, and nothing else as a code', () => {
    expect(normaliseLinkCode(' m12-o1il23abcd ')).toBe('M12-011123ABCD');
    for (const bad of ['', 'M1-', 'M1-ABCDEFGHJ', 'M1-ABCDEFGHJKM', 'X1-ABCDEFGHJK', 'M1-ABCDEFGHJU', 'M1-ABCD EFGHJK']) expect(normaliseLinkCode(bad)).toBeUndefined();
  });

  it('npm run link-code prints a code and its expiry; the store holds its hash', async () => {
    const file = join(TEMPLATE, '..', `link-code-${process.pid}-${Date.now()}.db`);
    copyFileSync(TEMPLATE, file);
    const url = `file:${file}`;
    const store = await openStore(url);
    try {
      await buildFixture(store);
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/link-code.ts', '2'], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const [code, about] = run.stdout.trim().split('\n');
      expect(code).toMatch(/^M2-[0-9A-HJKMNP-TV-Z]{10}$/);
      expect(about).toContain('Merchant Two');
      expect(about).toMatch(/works once, until \d{4}-\d\d-\d\dT/);
      const [stored] = await store.linkCode.findMany();
      expect(stored).toMatchObject({ merchantId: 2, usedAt: null });
      expect(stored.codeHash).not.toContain(code.slice(3));
      expect(await claimLinkCode(store, code, 'T1:U3', new Date())).toEqual({ ok: true, merchantId: 2 });
      expect(await claimLinkCode(store, code, 'T1:U4', new Date())).toEqual({ ok: false, reason: 'used' });
    } finally {
      await store.$disconnect();
    }
  });
});

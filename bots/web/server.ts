// The web chat: a JSON API over the one assistant, and a small page that uses it.
// A local demo: you pick who you are (no login), so it listens on 127.0.0.1 unless HOST says
// otherwise, and then needs WEB_TOKEN (access.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { parseCaller } from '../../agents/caller.ts';
import type { Assistant, AssistantReply, Turn } from '../../agents/assistant.ts';
import { clearConversation } from '../../agents/memory.ts';
import { MAX_PHOTO_BYTES } from '../../agents/photo.ts';
import { catalogueImage } from '../../tools/scan-to-buy/image-catalogue.ts';
import { imageProblemText } from '../../tools/scan-to-buy/image-features.ts';
import type { Locale } from '../../tools/context.ts';
import { charts as sharedCharts, type ChartRenderer } from '../shared/charts.ts';
import { ChatQueue } from '../shared/chat-queue.ts';
import { processEventLoop } from '../shared/event-loop.ts';
import type { Store } from '../../prisma/store.ts';
import type { StartState } from '../shared/startup.ts';
import { progressText } from '../shared/progress-text.ts';
import { requireToken } from './access.ts';
import { eventStream, EVENT_STREAM_HEADERS } from './event-stream.ts';
import type { ShopRelay } from '../../agents/shop-relay.ts';
import { chatBody, type ChatBody, issuesText, parseId, photoQuery, requestLocale, resetBody, welcomeQuery, inboxQuery } from './input.ts';
import { PHRASES, WELCOME_EXAMPLES } from '../../prompts/replies/phrases.ts';

const PUBLIC = join(import.meta.dirname, 'public');
const STATIC: Record<string, string> = { '/': 'index.html', '/app.js': 'app.js', '/cards.js': 'cards.js', '/style.css': 'style.css' };
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
/** Like Telegram: messages (texts and photos) per chat per minute. */
export const WEB_PER_MINUTE = 20;

const RATE_LIMITED: Record<Locale, string> = {
  zh: `消息发得太快了（每个对话每分钟最多 ${WEB_PER_MINUTE} 条），请稍等一会儿再发。`,
  en: `You are sending messages too fast (at most ${WEB_PER_MINUTE} a minute per chat). Please wait a moment and try again.`,
};
const MESSAGE_TOO_LARGE: Record<Locale, string> = { zh: '消息太大了（上限 64 KB）。', en: 'That message is too large (limit 64 KB).' };
// Started when this module loads (bots/main.ts imports it before the store and the assistant start up).
const eventLoop = processEventLoop();

export type WebDeps = {
  db: Store; assistant: Assistant; log?: (line: string) => void; token?: string; charts?: ChartRenderer;
  /** Shops' replies to this page's chats (contact_shop), for GET /api/inbox. */
  relay?: ShopRelay;
  /** storeFingerprint of the store it serves, shown on /healthz (`npm run ask` sends its message here only when it is its own store). */
  store?: string;
  /** While the app is still getting ready (bots/shared/startup.ts): the chat answers 503 with how far it is. */
  starting?: () => StartState;
};

const STARTING: Record<Locale, (s: StartState) => string> = {
  zh: (s) => (s.step === 'failed' ? `启动失败：${s.error ?? ''}` : s.step === 'seeding' ? `正在准备演示数据（${s.percent ?? 0}%），第一次启动大约需要半分钟……` : '助手正在启动，请稍等几秒……'),
  en: (s) => (s.step === 'failed' ? `Could not start: ${s.error ?? ''}` : s.step === 'seeding' ? `Preparing the demo world (${s.percent ?? 0}%); the first start takes about half a minute…` : 'The assistant is starting; a few more seconds…'),
};

/** Says on /healthz that this is the assistant (and not another program on the port). */
export const SERVICE_NAME = 'shop-assistant';

export function buildWebServer(deps: WebDeps): FastifyInstance {
  const app = Fastify({ bodyLimit: 64 * 1024 });
  if (deps.token) requireToken(app, deps.token);
  const ready = () => !deps.starting || deps.starting().ready;
  // Before the store and the assistant are up, only the page, its status and the health checks answer.
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0];
    if (ready() || !path.startsWith('/api/') || path === '/api/status') return;
    const state = deps.starting!();
    return reply.code(503).header('retry-after', '2').send({ error: 'starting', message: STARTING[requestLocale(req, undefined)](state), status: state });
  });
  app.get('/api/status', async () => (deps.starting?.() ?? { ready: true, step: 'ready' }));
  // Ready for traffic: started and the store answers (a load balancer's check; /healthz only says the process lives).
  app.get('/readyz', async (_req, reply) => {
    if (!ready()) return reply.code(503).send({ ready: false, status: deps.starting!() });
    try {
      await deps.db.$queryRawUnsafe('SELECT 1');
      return { ready: true };
    } catch (error) {
      return reply.code(503).send({ ready: false, error: `store: ${(error as Error).message}` });
    }
  });
  // One turn at a time per chat, in the order sent; other chats never wait.
  const queue = new ChatQueue(WEB_PER_MINUTE, (key, error) => deps.log?.(`[web ${key}] ${(error as Error).stack ?? error}`));

  /** A message of one chat: refused when the chat is over its rate, else queued behind the chat's earlier ones. */
  async function turn(reply: FastifyReply, chatKey: string, locale: Locale, work: () => Promise<unknown>) {
    if (!queue.allow(chatKey)) return reply.code(429).send({ error: 'rate_limited', message: RATE_LIMITED[locale] });
    return queue.schedule(chatKey, work);
  }

  for (const [route, file] of Object.entries(STATIC)) {
    app.get(route, async (_req, reply) => reply.type(TYPES[file.split('.').pop()!]).send(await readFile(join(PUBLIC, file))));
  }

  // Cheap and open (access.ts): no store read, only process figures; event-loop delay per window (event-loop.ts).
  app.get('/healthz', async () => ({
    ok: true,
    service: SERVICE_NAME,
    ...(deps.store ? { store: deps.store } : {}),
    uptimeSeconds: Math.round(process.uptime()),
    rssMiB: Math.round(process.memoryUsage.rss() / 1048576),
    eventLoop: eventLoop.report(),
  }));

  app.get('/api/personas', async () => {
    const shoppers = await deps.db.customer.findMany({ take: 12, orderBy: { id: 'asc' }, select: { id: true, displayName: true, habit: true, language: true } });
    const merchants = await deps.db.merchant.findMany({ include: { _count: { select: { shops: true } } }, orderBy: { id: 'asc' } });
    const busiest = merchants.sort((a, b) => b._count.shops - a._count.shops || a.id - b.id).slice(0, 12);
    return {
      shoppers: shoppers.map((s) => ({ as: `shopper:${s.id}`, name: s.displayName, detail: s.habit.replace('_', ' '), locale: s.language })),
      merchants: busiest.map((m) => ({ as: `merchant:${m.id}`, name: m.name, detail: `${m._count.shops} shops` })),
    };
  });

  // The first screen: a greeting with what the persona can ask, as chips (nothing is stored).
  app.get('/api/welcome', async (req, reply) => {
    const query = welcomeQuery.safeParse(req.query);
    if (!query.success) return reply.code(400).send({ error: 'bad_request', message: issuesText(query.error) });
    const role = parseCaller(query.data.as).role;
    const locale = requestLocale(req, query.data.locale);
    return { text: PHRASES.greeting(role, locale), suggestions: WELCOME_EXAMPLES[role][locale], locale };
  });

  /** One chat message answered, with its charts inline; `onProgress` hears what the turn is doing meanwhile. */
  async function chatAnswer(body: ChatBody, onProgress?: Turn['onProgress']) {
    const { as, chatId, text, location, locale, decision } = body;
    const answer = await deps.assistant.handle({ chatKey: `web:${chatId}:${as}`, caller: parseCaller(as), text, location, locale, decision, onProgress });
    // The same chart PNGs Slack gets (rendered off the event loop, cached), inline as data URLs.
    const rendered = await (deps.charts ?? sharedCharts).render(deps.db, answer.attachments.charts, (line) => deps.log?.(line));
    const charts = rendered.map((c) => ({ title: c.title, src: `data:image/png;base64,${c.png.toString('base64')}` }));
    return { ...answer, charts, pictures: pictureUrls(answer) };
  }

  app.post('/api/chat', async (req, reply) => {
    const parsed = chatBody.safeParse(req.body);
    if (!parsed.success) return reply.code(400).send({ error: 'bad_request', message: issuesText(parsed.error) });
    const { as, chatId, locale } = parsed.data;
    return turn(reply, `web:${chatId}:${as}`, requestLocale(req, locale), () => chatAnswer(parsed.data));
  });

  // The page's way in: the same answer as /api/chat, preceded by `status` events saying what the turn is
  // doing ("Finding shops nearby…"), as server-sent events. Refusals (400, 429) stay plain JSON.
  app.post('/api/chat/stream', async (req, reply) => {
    const parsed = chatBody.safeParse(req.body);
    if (!parsed.success) return reply.code(400).send({ error: 'bad_request', message: issuesText(parsed.error) });
    const { as, chatId, locale } = parsed.data;
    const chatKey = `web:${chatId}:${as}`;
    if (!queue.allow(chatKey)) return reply.code(429).send({ error: 'rate_limited', message: RATE_LIMITED[requestLocale(req, locale)] });
    const stream = eventStream();
    const status = progressText();
    let last = '';
    queue.schedule(chatKey, () => chatAnswer(parsed.data, (progress) => {
      const text = status(progress);
      if (text !== last) stream.send('status', { ...progress, text });
      last = text;
    }))
      .then((answer) => stream.send('answer', answer), (error) => {
        deps.log?.(`[web ${chatKey}] ${(error as Error).stack ?? error}`);
        stream.send('error', { error: 'internal', message: 'Internal error' });
      })
      .finally(() => stream.end());
    return reply.headers(EVENT_STREAM_HEADERS).send(stream.body);
  });

  // A product photo as the raw request body (image/jpeg, image/png, image/webp), up to 10 MB.
  app.addContentTypeParser(/^image\//, { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_req, body, done) => done(null, body));
  app.post('/api/photo', { bodyLimit: MAX_PHOTO_BYTES }, async (req, reply) => {
    const query = photoQuery.safeParse(req.query);
    if (!query.success) return reply.code(400).send({ error: 'bad_request', message: issuesText(query.error) });
    if (!Buffer.isBuffer(req.body)) return reply.code(415).send({ error: 'unsupported', message: 'Send the photo as the request body with an image/* content type.' });
    const { as, chatId, locale } = query.data;
    const chatKey = `web:${chatId}:${as}`;
    const photo = new Uint8Array(req.body);
    return turn(reply, chatKey, requestLocale(req, locale), async () => {
      const answer = await deps.assistant.handle({ chatKey, caller: parseCaller(as), photo, locale });
      return { ...answer, charts: [], pictures: pictureUrls(answer) };
    });
  });

  // Catalogue pictures shown with scan-to-buy answers.
  app.get('/api/product-image/:id', async (req, reply) => {
    const id = parseId((req.params as { id: string }).id);
    if (id === undefined) return reply.code(400).send({ error: 'bad_request', message: 'A product id is a whole number from 1 to 2147483647.' });
    const image = await catalogueImage(deps.db, id);
    if (!image) return reply.code(404).send({ error: 'not_found', message: 'No picture for that product.' });
    return reply.type(image.mime).header('cache-control', 'max-age=3600').send(Buffer.from(image.bytes));
  });

  // Shops' replies to this chat's messages (contact_shop), each shown once; the page asks every few seconds.
  app.get('/api/inbox', async (req, reply) => {
    const query = inboxQuery.safeParse(req.query);
    if (!query.success) return reply.code(400).send({ error: 'bad_request', message: issuesText(query.error) });
    return { replies: deps.relay ? await deps.relay.takeReplies(`web:${query.data.chatId}:${query.data.as}`) : [] };
  });

  app.post('/api/reset', async (req, reply) => {
    const parsed = resetBody.safeParse(req.body);
    if (!parsed.success) return reply.code(400).send({ error: 'bad_request', message: issuesText(parsed.error) });
    const chatKey = `web:${parsed.data.chatId}:${parsed.data.as}`;
    // Queued (not rate-limited), so a turn still running cannot write into the fresh conversation.
    await queue.schedule(chatKey, () => clearConversation(deps.db, chatKey));
    return { ok: true };
  });

  app.setErrorHandler((error, req, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) deps.log?.(`[web] ${(error as Error).stack ?? error}`);
    if (status === 413) return reply.code(413).send({ error: 'too_large', message: tooLargeText(req) });
    reply.code(status).send({ error: status >= 500 ? 'internal' : status === 400 ? 'bad_request' : 'error', message: status >= 500 ? 'Internal error' : (error as Error).message });
  });
  return app;
}

/** Over the body limit: a photo says so in the shopper's words (the query is parsed before the body). */
function tooLargeText(req: FastifyRequest): string {
  const locale = requestLocale(req, (req.query as { locale?: unknown } | undefined)?.locale);
  return req.routeOptions.url === '/api/photo' ? imageProblemText('too_large', locale) : MESSAGE_TOO_LARGE[locale];
}

function pictureUrls(answer: AssistantReply) {
  return (answer.attachments.pictures ?? []).map((p) => ({ caption: p.caption, src: `/api/product-image/${p.productId}` }));
}

// The web chat: a JSON API over the one assistant, and a small page that uses it.
// A local demo: you pick who you are (no login), so it listens on 127.0.0.1 unless HOST says otherwise.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseCaller } from '../../agents/caller.ts';
import type { Assistant } from '../../agents/assistant.ts';
import { clearConversation } from '../../agents/memory.ts';
import { MAX_PHOTO_BYTES } from '../../agents/photo.ts';
import { catalogueImage } from '../../tools/scan-to-buy/image-catalogue.ts';
import { renderChartPng } from '../shared/charts.ts';
import type { Store } from '../../prisma/store.ts';

const PUBLIC = join(import.meta.dirname, 'public');
const STATIC: Record<string, string> = { '/': 'index.html', '/app.js': 'app.js', '/style.css': 'style.css' };
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

const chatBody = z.object({
  as: z.string().regex(/^(shopper|merchant):\d+$/, 'as must be shopper:<id> or merchant:<id>'),
  chatId: z.string().regex(/^[\w-]{1,64}$/).default('default'),
  text: z.string().max(20_000).optional(),
  location: z.object({ lat: z.number(), lng: z.number() }).optional(),
  locale: z.enum(['zh', 'en']).optional(),
});

export function buildWebServer(deps: { db: Store; assistant: Assistant; log?: (line: string) => void }): FastifyInstance {
  const app = Fastify({ bodyLimit: 64 * 1024 });

  for (const [route, file] of Object.entries(STATIC)) {
    app.get(route, async (_req, reply) => reply.type(TYPES[file.split('.').pop()!]).send(await readFile(join(PUBLIC, file))));
  }

  app.get('/healthz', async () => ({ ok: true }));

  app.get('/api/personas', async () => {
    const shoppers = await deps.db.customer.findMany({ take: 12, orderBy: { id: 'asc' }, select: { id: true, displayName: true, habit: true, language: true } });
    const merchants = await deps.db.merchant.findMany({ include: { _count: { select: { shops: true } } }, orderBy: { id: 'asc' } });
    const busiest = merchants.sort((a, b) => b._count.shops - a._count.shops || a.id - b.id).slice(0, 12);
    return {
      shoppers: shoppers.map((s) => ({ as: `shopper:${s.id}`, name: s.displayName, detail: s.habit.replace('_', ' '), locale: s.language })),
      merchants: busiest.map((m) => ({ as: `merchant:${m.id}`, name: m.name, detail: `${m._count.shops} shops` })),
    };
  });

  app.post('/api/chat', async (req, reply) => {
    const parsed = chatBody.safeParse(req.body);
    if (!parsed.success) return reply.code(400).send({ error: 'bad_request', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    const { as, chatId, text, location, locale } = parsed.data;
    const answer = await deps.assistant.handle({ chatKey: `web:${chatId}:${as}`, caller: parseCaller(as), text, location, locale });
    // The same chart PNGs Slack gets, inline as data URLs.
    const charts = answer.attachments.charts.map((c) => ({ title: c.title, src: `data:image/png;base64,${renderChartPng(c).toString('base64')}` }));
    return { ...answer, charts, pictures: pictureUrls(answer.attachments.pictures) };
  });

  // A product photo as the raw request body (image/jpeg, image/png, image/webp), up to 10 MB.
  app.addContentTypeParser(/^image\//, { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_req, body, done) => done(null, body));
  app.post('/api/photo', { bodyLimit: MAX_PHOTO_BYTES }, async (req, reply) => {
    const query = chatBody.pick({ as: true, chatId: true, locale: true }).safeParse(req.query);
    if (!query.success) return reply.code(400).send({ error: 'bad_request', message: query.error.issues.map((i) => i.message).join('; ') });
    if (!Buffer.isBuffer(req.body)) return reply.code(415).send({ error: 'unsupported', message: 'Send the photo as the request body with an image/* content type.' });
    const { as, chatId, locale } = query.data;
    const answer = await deps.assistant.handle({ chatKey: `web:${chatId}:${as}`, caller: parseCaller(as), photo: new Uint8Array(req.body), locale });
    return { ...answer, charts: [], pictures: pictureUrls(answer.attachments.pictures) };
  });

  // Catalogue pictures shown with scan-to-buy answers.
  app.get('/api/product-image/:id', async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    const image = Number.isInteger(id) && id > 0 ? await catalogueImage(deps.db, id) : undefined;
    if (!image) return reply.code(404).send({ error: 'not_found', message: 'No picture for that product.' });
    return reply.type(image.mime).header('cache-control', 'max-age=3600').send(Buffer.from(image.bytes));
  });

  app.post('/api/reset', async (req, reply) => {
    const parsed = chatBody.pick({ as: true, chatId: true }).safeParse(req.body);
    if (!parsed.success) return reply.code(400).send({ error: 'bad_request', message: parsed.error.message });
    await clearConversation(deps.db, `web:${parsed.data.chatId}:${parsed.data.as}`);
    return { ok: true };
  });

  app.setErrorHandler((error, _req, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) deps.log?.(`[web] ${error.stack ?? error}`);
    reply.code(status).send({ error: status === 413 ? 'too_large' : 'error', message: status === 413 ? 'Request body too large (64 KB for messages, 10 MB for photos).' : status >= 500 ? 'Internal error' : error.message });
  });
  return app;
}

function pictureUrls(pictures: { productId: number; caption: string }[] = []) {
  return pictures.map((p) => ({ caption: p.caption, src: `/api/product-image/${p.productId}` }));
}

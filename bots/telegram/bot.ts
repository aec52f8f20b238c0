// Telegram adapter for shoppers (telegraf). Thin: an update becomes (caller, text | location | photo),
// the one assistant answers, and the answer is rendered with Telegram's buttons and formatting.
import { Telegraf, type Context } from 'telegraf';
import type { Assistant, AssistantReply } from '../../agents/assistant.ts';
import type { ShopPin } from '../../agents/attachments.ts';
import { findCaller, findOrCreateShopper, linkIdentity } from '../../agents/identity.ts';
import { clearConversation } from '../../agents/memory.ts';
import { MAX_PHOTO_BYTES, photoProblem } from '../../agents/photo.ts';
import { catalogueImage } from '../../tools/scan-to-buy/image-catalogue.ts';
import type { Store } from '../../prisma/store.ts';
import { PHRASES } from '../../prompts/replies/phrases.ts';
import type { Caller, Locale } from '../../tools/context.ts';
import { ChatQueue } from '../shared/chat-queue.ts';
import { PHOTO_NOT_FETCHED, reason, venueText } from './fallbacks.ts';
import { escapeHtml, keyboardFor, toHtmlChunks } from './render.ts';

export type TelegramOptions = {
  token: string; apiRoot?: string; perMinute?: number; downloadTimeoutMs?: number; demoCustomers?: number;
  /** How often "typing…" is repeated while a turn runs (Telegram shows it for about 5 s). */
  typingEveryMs?: number;
};
export type TelegramDeps = { db: Store; assistant: Assistant; log: (line: string) => void };

const localeOf = (code?: string): Locale => (code?.toLowerCase().startsWith('zh') ? 'zh' : 'en');

export function createTelegramBot(deps: TelegramDeps, options: TelegramOptions) {
  const bot = new Telegraf(options.token, { telegram: options.apiRoot ? { apiRoot: options.apiRoot } : {} });
  const queue = new ChatQueue(options.perMinute ?? 20, (key, error) => deps.log(`[telegram ${key}] ${(error as Error).stack ?? error}`));
  // Shops last shown per chat, for "navigate" and "why this?" buttons (bounded, newest kept).
  const shown = new Map<string, ShopPin[]>();

  async function who(ctx: Context): Promise<{ caller: Caller; locale: Locale }> {
    const from = ctx.from!;
    const caller = await findOrCreateShopper(deps.db, 'telegram', String(from.id), { name: [from.first_name, from.last_name].filter(Boolean).join(' '), locale: localeOf(from.language_code) });
    if (caller.role !== 'shopper') return { caller, locale: 'zh' };
    const customer = await deps.db.customer.findUnique({ where: { id: caller.customerId }, select: { language: true } });
    return { caller, locale: customer?.language === 'en' ? 'en' : 'zh' };
  }

  async function send(ctx: Context, answer: AssistantReply) {
    const chatKey = `telegram:${ctx.chat!.id}`;
    if (answer.attachments.shops.length) {
      shown.set(chatKey, answer.attachments.shops);
      if (shown.size > 1000) shown.delete(shown.keys().next().value!);
    }
    // scan-to-buy: the matched product's catalogue picture first, so the shopper can compare. Only an aid:
    // if it cannot be sent (e.g. no sendPhoto on this server) the text, which names the product, still goes.
    for (const picture of answer.attachments.pictures ?? []) {
      const image = await catalogueImage(deps.db, picture.productId);
      if (image) {
        await ctx.replyWithPhoto({ source: Buffer.from(image.bytes), filename: `product-${picture.productId}.jpg` }, { caption: picture.caption.slice(0, 1000) })
          .catch((error) => deps.log(`[telegram ${chatKey}] picture of product ${picture.productId} not sent: ${reason(error)}`));
      }
    }
    // Each part on its own: one failed chunk does not hold back the rest. Only if none arrived is it an error.
    const chunks = toHtmlChunks(answer.reply);
    const keyboard = keyboardFor(answer);
    let sent = 0;
    let lost: unknown;
    for (const [i, chunk] of chunks.entries()) {
      try {
        await ctx.reply(chunk, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(i === chunks.length - 1 && keyboard ? keyboard : {}) });
        sent++;
      } catch (error) {
        lost ??= error;
        deps.log(`[telegram ${chatKey}] part ${i + 1}/${chunks.length} not sent: ${reason(error)}`);
      }
    }
    if (!sent) throw lost;
  }

  /**
   * "typing…" (or "sending a photo…") for as long as `work` runs: Telegram drops the action after ~5 s, so it is
   * repeated. It stops before the answer is sent, and the last one has arrived by then (it cannot outlive the reply).
   */
  async function showWorking<T>(ctx: Context, action: 'typing' | 'upload_photo', work: () => Promise<T>): Promise<T> {
    let last: Promise<unknown> = Promise.resolve();
    const tell = () => { last = ctx.sendChatAction(action).catch(() => {}); };
    tell();
    const timer = setInterval(tell, options.typingEveryMs ?? 4000);
    try {
      return await work();
    } finally {
      clearInterval(timer);
      await last;
    }
  }

  /** Every update goes through the chat's queue; the handler returns at once so polling goes on. */
  function enqueue(ctx: Context, work: () => Promise<void>) {
    const key = `telegram:${ctx.chat?.id ?? ctx.from?.id}`;
    if (!queue.allow(key)) {
      if (ctx.callbackQuery) void ctx.answerCbQuery('…').catch(() => {});
      return;
    }
    void queue.run(key, async () => {
      try {
        await work();
      } catch (error) {
        deps.log(`[telegram ${key}] ${(error as Error).stack ?? error}`);
        const zh = localeOf(ctx.from?.language_code) === 'zh';
        await ctx.reply(zh ? '抱歉，出错了，请稍后再试。' : 'Sorry, something went wrong. Please try again.').catch(() => {});
      }
    });
  }

  const ask = (ctx: Context, input: { text?: string; location?: { lat: number; lng: number } }) =>
    enqueue(ctx, async () => {
      const { caller, locale } = await who(ctx);
      const answer = await showWorking(ctx, 'typing', () => deps.assistant.handle({ chatKey: `telegram:${ctx.chat!.id}`, caller, locale: input.text ? undefined : locale, ...input }));
      await send(ctx, answer);
    });

  bot.start((ctx) =>
    enqueue(ctx, async () => {
      const { caller, locale } = await who(ctx);
      const zh = locale === 'zh';
      const hello = zh ? `你好，${ctx.from.first_name}！` : `Hi ${ctx.from.first_name}! `;
      await ctx.reply(hello + PHRASES.capabilities(caller.role, locale), {
        reply_markup: { inline_keyboard: [[{ text: zh ? '用演示账号试试（有购物记录）' : 'Try a demo shopper (with history)', callback_data: 'demo' }]] },
      });
    }),
  );
  bot.help((ctx) => enqueue(ctx, async () => {
    const { caller, locale } = await who(ctx);
    await ctx.reply(PHRASES.capabilities(caller.role, locale) + (locale === 'zh' ? '\n\n命令：/lang 切换中英文，/reset 清空对话' : '\n\nCommands: /lang switch Chinese/English, /reset forget this chat'));
  }));
  bot.command('lang', (ctx) => enqueue(ctx, async () => {
    const { caller, locale } = await who(ctx);
    const next: Locale = locale === 'zh' ? 'en' : 'zh';
    if (caller.role === 'shopper') await deps.db.customer.update({ where: { id: caller.customerId }, data: { language: next } });
    await ctx.reply(next === 'zh' ? '已切换为中文。' : 'Switched to English.');
  }));
  bot.command('reset', (ctx) => enqueue(ctx, async () => {
    const { locale } = await who(ctx);
    await clearConversation(deps.db, `telegram:${ctx.chat.id}`);
    shown.delete(`telegram:${ctx.chat.id}`);
    await ctx.reply(locale === 'zh' ? '好的，之前的对话已清空。' : 'Done, this conversation is forgotten.', { reply_markup: { remove_keyboard: true } });
  }));

  bot.on('location', (ctx) => ask(ctx, { location: { lat: ctx.message.location.latitude, lng: ctx.message.location.longitude } }));
  bot.on('venue', (ctx) => ask(ctx, { location: { lat: ctx.message.venue.location.latitude, lng: ctx.message.venue.location.longitude } }));
  bot.on('text', (ctx) => ask(ctx, { text: ctx.message.text }));

  const photo = (ctx: Context, fileId: string, size?: number) =>
    enqueue(ctx, async () => {
      const { caller, locale } = await who(ctx);
      if (size && size > MAX_PHOTO_BYTES) return void (await ctx.reply(photoProblem(new Uint8Array(MAX_PHOTO_BYTES + 1), locale)!.reply));
      const answer = await showWorking(ctx, 'upload_photo', async () => {
        // No getFile on this server, or the download failed: ask for the photo again rather than scan nothing.
        const bytes = await ctx.telegram.getFileLink(fileId).then((link) => download(link, options.downloadTimeoutMs ?? 15_000)).catch((error) => {
          deps.log(`[telegram telegram:${ctx.chat!.id}] photo ${fileId} not fetched: ${reason(error)}`);
        });
        if (!bytes) return undefined;
        const caption = ctx.message && 'caption' in ctx.message ? ctx.message.caption : undefined;
        return deps.assistant.handle({ chatKey: `telegram:${ctx.chat!.id}`, caller, locale: caption ? undefined : locale, photo: bytes, text: caption });
      });
      if (!answer) return void (await ctx.reply(PHOTO_NOT_FETCHED[locale]));
      await send(ctx, answer);
    });
  bot.on('photo', (ctx) => {
    const largest = ctx.message.photo.at(-1)!;
    photo(ctx, largest.file_id, largest.file_size);
  });
  bot.on('document', (ctx) => {
    const doc = ctx.message.document;
    if (doc.mime_type?.startsWith('image/')) photo(ctx, doc.file_id, doc.file_size);
    else enqueue(ctx, async () => void (await ctx.reply(photoProblem(new Uint8Array(0), (await who(ctx)).locale)!.reply)));
  });

  bot.on('callback_query', (ctx) => {
    const data = 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : '';
    enqueue(ctx, async () => {
      await ctx.answerCbQuery().catch(() => {});
      const { caller, locale } = await who(ctx);
      const zh = locale === 'zh';
      const chatKey = `telegram:${ctx.chat!.id}`;
      if (data.startsWith('say:')) {
        const answer = await showWorking(ctx, 'typing', () => deps.assistant.handle({ chatKey, caller, text: data.slice(4) }));
        return send(ctx, answer);
      }
      const decided = /^(ok|no):(\d+)$/.exec(data);
      if (decided) {
        // The buttons go once pressed (best-effort: an old message may no longer be editable); the
        // assistant decides whether the proposal still stands, so a second press is answered, not repeated.
        await ctx.editMessageReplyMarkup(undefined).catch(() => {});
        const answer = await showWorking(ctx, 'typing', () => deps.assistant.handle({ chatKey, caller, decision: { proposalId: Number(decided[2]), accept: decided[1] === 'ok' } }));
        return send(ctx, answer);
      }
      if (data.startsWith('nav:')) {
        const shop = await deps.db.shop.findUnique({ where: { id: Number(data.slice(4)) } });
        if (!shop) return void (await ctx.reply(zh ? '找不到这家店了。' : 'That shop no longer exists.'));
        const pin = { name: zh ? shop.nameZh : shop.nameEn, address: zh ? shop.addressZh : shop.addressEn, lat: shop.lat, lng: shop.lng };
        return void (await ctx.replyWithVenue(pin.lat, pin.lng, pin.name, pin.address).catch(async (error) => {
          // No sendVenue here (or it failed): the same place as text with a map link.
          deps.log(`[telegram ${chatKey}] venue for shop ${shop.id} sent as text: ${reason(error)}`);
          await ctx.reply(venueText(pin), { link_preview_options: { is_disabled: true } });
        }));
      }
      if (data.startsWith('why:')) {
        const pin = shown.get(chatKey)?.find((s) => s.id === Number(data.slice(4)));
        return void (await ctx.reply(pin ? `<b>${escapeHtml(pin.name)}</b>\n${escapeHtml(pin.why)}` : zh ? '这条结果已过期，请重新搜索。' : 'That result has expired; please search again.', { parse_mode: 'HTML' }));
      }
      if (data === 'demo') {
        // Demo shoppers with purchase history: the seeded customers. Each Telegram user gets one.
        const count = Math.min(options.demoCustomers ?? 200, await deps.db.customer.count());
        const id = 1 + (Number(ctx.from!.id) % Math.max(1, count));
        const customer = await deps.db.customer.findUnique({ where: { id } });
        if (!customer) return void (await ctx.reply(zh ? '暂时没有演示账号。' : 'No demo shopper is available.'));
        await linkIdentity(deps.db, 'telegram', String(ctx.from!.id), { role: 'shopper', customerId: id });
        return void (await ctx.reply(zh ? `好的，你现在是演示顾客「${customer.displayName}」（${customer.job}）。试试问“附近哪里有卖洗衣液”。` : `OK, you are now demo shopper "${customer.displayName}" (${customer.job}). Try "where can I buy laundry detergent nearby?"`));
      }
    });
  });

  bot.catch((error) => deps.log(`[telegram] ${(error as Error).stack ?? error}`));
  return { bot, idle: () => queue.idle(), findCaller: (userId: string) => findCaller(deps.db, 'telegram', userId) };
}

/** Downloads a Telegram file with a time-out and a size cap (stops reading past the cap). */
export async function download(url: URL | string, timeoutMs: number): Promise<Uint8Array> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok || !res.body) throw new Error(`file download failed: HTTP ${res.status}`);
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > MAX_PHOTO_BYTES) {
      return new Uint8Array(MAX_PHOTO_BYTES + 1); // over the cap: answered as too large
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

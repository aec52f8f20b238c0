// A shopper's message to a shop's merchant and the merchant's replies, carried between adapters through
// the store (ShopMessage / ShopReply), so nothing is lost to a restart and any process can carry them:
// the merchant's adapter (Slack) posts queued messages; the shopper's adapter (Telegram) pushes replies;
// the web chat asks for its replies (GET /api/inbox). Woken at once by a write of this process, and
// polling for the writes of others.
import type { Store } from '../prisma/store.ts';
import { replyText } from '../prompts/replies/relay.ts';
import type { Locale } from '../tools/context.ts';

export type QueuedMessage = { id: number; merchantId: number; shopName: string; text: string; createdAt: Date };
/** Posts one message to the merchant; where it landed, or undefined when the merchant cannot be reached there. */
export type MerchantPost = (message: QueuedMessage) => Promise<{ channel: string; ts: string } | undefined>;
/** Delivers one reply to the shopper's chat; false when that chat cannot be reached now (tried again later). */
export type ShopperDelivery = (chatKey: string, text: string) => Promise<boolean>;

const POLL_MS = 3000;
/** A message no adapter could post after this long is marked failed (and the shopper's chat says nothing more). */
const GIVE_UP_MS = 24 * 3600 * 1000;

export class ShopRelay {
  private poster?: MerchantPost;
  private readonly deliveries = new Map<string, ShopperDelivery>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;

  constructor(private readonly db: Store, private readonly log: (line: string) => void = () => {}, private readonly now: () => Date = () => new Date()) {}

  /** The merchant side (one per process: the Slack adapter). */
  postWith(post: MerchantPost): void {
    this.poster = post;
    this.start();
  }

  /** A shopper side that pushes, for chats whose key starts with `prefix` ("telegram:"). */
  deliverWith(prefix: string, deliver: ShopperDelivery): void {
    this.deliveries.set(prefix, deliver);
    this.start();
  }

  /** A message was stored in this process: carry it now. */
  queued(): void {
    void this.pass();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Where a relayed message was posted ("sent"), so a reply in its thread finds it. */
  async messageAt(channel: string, threadTs: string) {
    return this.db.shopMessage.findFirst({ where: { slackChannel: channel, slackTs: threadTs, status: 'sent' } });
  }

  /** A merchant's reply in the thread; stored once per Slack message (a redelivered event is a no-op). */
  async storeReply(shopMessageId: number, text: string, slackTs: string): Promise<boolean> {
    try {
      await this.db.shopReply.create({ data: { shopMessageId, text, slackTs } });
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002') return false; // already stored
      throw error;
    }
    void this.pass();
    return true;
  }

  /** The replies a chat has not been shown yet, marked shown (the web chat's inbox). */
  async takeReplies(chatKey: string): Promise<{ text: string; at: Date }[]> {
    const rows = await this.pendingReplies({ chatKey });
    const out: { text: string; at: Date }[] = [];
    for (const r of rows) if (await this.claim(r.id)) out.push({ text: replyText(r.shopName, r.text, r.locale as Locale), at: r.createdAt });
    return out;
  }

  private start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.pass(), POLL_MS);
    this.timer.unref();
    void this.pass();
  }

  /** One carrying pass at a time; a wake-up during one runs another right after. */
  private pass(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.postQueued().catch((error) => this.log(`[relay] posting to merchants failed: ${(error as Error).message}`));
        await this.pushReplies().catch((error) => this.log(`[relay] delivering replies failed: ${(error as Error).message}`));
      } while (this.again);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async postQueued(): Promise<void> {
    if (!this.poster) return;
    const queued = await this.db.shopMessage.findMany({ where: { status: 'queued' }, orderBy: { id: 'asc' }, take: 20 });
    for (const m of queued) {
      const shop = await this.db.shop.findUnique({ where: { id: m.shopId }, select: { nameZh: true, nameEn: true } });
      const at = await this.poster({ id: m.id, merchantId: m.merchantId, shopName: shop?.nameZh ?? `#${m.shopId}`, text: m.text, createdAt: m.createdAt });
      if (at) await this.db.shopMessage.updateMany({ where: { id: m.id, status: 'queued' }, data: { status: 'sent', slackChannel: at.channel, slackTs: at.ts, sentAt: this.now() } });
      else if (this.now().getTime() - m.createdAt.getTime() > GIVE_UP_MS) await this.db.shopMessage.updateMany({ where: { id: m.id, status: 'queued' }, data: { status: 'failed' } });
    }
  }

  private async pushReplies(): Promise<void> {
    for (const [prefix, deliver] of this.deliveries) {
      for (const r of await this.pendingReplies({ prefix })) {
        // Claimed first: two processes never push the same reply twice; one that fails is released again.
        if (!(await this.claim(r.id))) continue;
        const ok = await deliver(r.chatKey, replyText(r.shopName, r.text, r.locale as Locale)).catch((error) => {
          this.log(`[relay] reply ${r.id} not delivered: ${(error as Error).message}`);
          return false;
        });
        if (!ok) await this.db.shopReply.update({ where: { id: r.id }, data: { deliveredAt: null } });
      }
    }
  }

  private async claim(id: number): Promise<boolean> {
    return (await this.db.shopReply.updateMany({ where: { id, deliveredAt: null }, data: { deliveredAt: this.now() } })).count === 1;
  }

  private async pendingReplies(where: { chatKey?: string; prefix?: string }) {
    const rows = await this.db.shopReply.findMany({
      where: { deliveredAt: null, shopMessage: where.chatKey ? { chatKey: where.chatKey } : { chatKey: { startsWith: where.prefix } } },
      orderBy: { id: 'asc' },
      take: 20,
      include: { shopMessage: { select: { chatKey: true, shopId: true, locale: true } } },
    });
    const shops = new Map<number, { nameZh: string; nameEn: string } | null>();
    const out = [];
    for (const r of rows) {
      const id = r.shopMessage.shopId;
      if (!shops.has(id)) shops.set(id, await this.db.shop.findUnique({ where: { id }, select: { nameZh: true, nameEn: true } }));
      const shop = shops.get(id);
      const locale = r.shopMessage.locale;
      out.push({ id: r.id, text: r.text, createdAt: r.createdAt, chatKey: r.shopMessage.chatKey, locale, shopName: (locale === 'en' ? shop?.nameEn : shop?.nameZh) ?? `#${id}` });
    }
    return out;
  }
}

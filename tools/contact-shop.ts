// contact_shop (write): "人工客服", "ask the shop if they have the big pack" — the shopper's words go to a
// person, the merchant of that shop, in their Slack DM; the merchant's reply in that thread comes back to
// this chat (bots/shared/shop-relay.ts). Only on the shopper's yes to the proposal shown, and only to a
// merchant who linked Slack; otherwise the shop's address and hours, so they can reach it themselves.
import { z } from 'zod';
import { defineTool, shopperId, t, ToolError, type ToolDeps } from './context.ts';

/** What the merchant reads; a shopper's words, so kept short enough for one Slack message. */
export const MAX_RELAYED_TEXT = 500;

const input = z.object({
  shopId: z.number().int().positive(),
  message: z.string().trim().min(1).max(MAX_RELAYED_TEXT).describe("The shopper's question or message for the shop, in their own words"),
});
const shopOut = z.object({ shopId: z.number(), name: z.string(), address: z.string(), openingHours: z.string(), onlineOnly: z.boolean() });
const output = z.discriminatedUnion('status', [
  z.object({ status: z.literal('sent'), messageId: z.number(), shop: shopOut }),
  // The merchant cannot be reached in a chat: how to reach the shop instead.
  z.object({ status: z.literal('unreachable'), shop: shopOut }),
]);

/** The shop, as the shopper sees it; an unknown shop is said so. */
async function shopFor(deps: ToolDeps, locale: 'zh' | 'en', shopId: number) {
  const shop = await deps.db.shop.findUnique({ where: { id: shopId } });
  if (!shop) throw new ToolError('not_found', t(locale, `没有编号为 ${shopId} 的店。`, `There is no shop with id ${shopId}.`));
  return {
    row: shop,
    out: { shopId: shop.id, name: t(locale, shop.nameZh, shop.nameEn), address: t(locale, shop.addressZh, shop.addressEn), openingHours: shop.openingHours, onlineOnly: shop.onlineOnly },
  };
}

/** Chats a reply can come back to: Telegram pushes it, the web page asks for it (not the terminal chat). */
const RECEIVES_REPLIES = /^(?:telegram|web):/;

function replyChat(locale: 'zh' | 'en', chatKey: string | undefined): string {
  if (!chatKey || !RECEIVES_REPLIES.test(chatKey)) throw new ToolError('unavailable', t(locale, '这个对话收不到店主的回复：请在网页聊天或 Telegram 里联系店主。', 'This chat cannot receive the shop\'s reply: please contact the shop from the web chat or Telegram.'));
  return chatKey;
}

/** Whether the shop's merchant reads messages here (a Slack account linked to them). */
export async function merchantReachable(deps: ToolDeps, merchantId: number): Promise<boolean> {
  return (await deps.db.identity.count({ where: { merchantId, platform: 'slack' } })) > 0;
}

export const contactShop = defineTool({
  name: 'contact_shop',
  example: { shopId: 12, message: '请问还有大桶装的蓝月亮洗衣液吗？' },
  description: 'Pass the shopper\'s message to a person: the merchant of a shop they were shown (stock, opening hours, a complaint, "talk to a human"). The merchant\'s reply comes back in this chat. A write: the user is shown the message and the shop first and must confirm. When the merchant cannot be reached in a chat, returns the shop\'s address and hours instead.',
  access: 'write',
  roles: ['shopper'],
  input,
  output,
  async preview(deps, ctx, args) {
    shopperId(ctx);
    replyChat(ctx.locale, ctx.consent?.chatKey);
    const shop = await shopFor(deps, ctx.locale, args.shopId);
    if (!(await merchantReachable(deps, shop.row.merchantId))) return { problem: { status: 'unreachable' as const, shop: shop.out } };
    return {
      text: t(ctx.locale,
        `把你的留言转给「${shop.out.name}」的店主：「${args.message}」。店主回复后，我会在这里转告你`,
        `Send your message to the owner of ${shop.out.name}: "${args.message}". When they reply, I will pass it on here`),
    };
  },
  async run(deps, ctx, args) {
    const customerId = shopperId(ctx);
    const shop = await shopFor(deps, ctx.locale, args.shopId);
    if (!(await merchantReachable(deps, shop.row.merchantId))) return { status: 'unreachable' as const, shop: shop.out };
    const chatKey = replyChat(ctx.locale, ctx.consent?.chatKey);
    const row = await deps.db.shopMessage.create({
      data: { chatKey, customerId, shopId: shop.row.id, merchantId: shop.row.merchantId, text: args.message, locale: ctx.locale, proposalId: ctx.proposalId },
    });
    deps.relay?.queued();
    return { status: 'sent' as const, messageId: row.id, shop: shop.out };
  },
});

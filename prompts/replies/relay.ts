// What the people on either side of a relayed message read (agents/shop-relay.ts, bots/slack/relay.ts).
import type { Locale } from '../../tools/context.ts';

/** The merchant's DM: a shopper's words for one of their shops, and how to answer. */
export function forMerchant(shopName: string, text: string, l: Locale): string {
  const quoted = text.split('\n').map((line) => `> ${line}`).join('\n');
  return l === 'zh'
    ? `顾客通过购物助手给「${shopName}」留言：\n${quoted}\n在这条消息的回复串里回复，我会把你的回复转给这位顾客（不会透露顾客的身份信息）。`
    : `A shopper sent a message to ${shopName} through the shop assistant:\n${quoted}\nReply in this message's thread and I will pass your reply on to them (their identity stays private).`;
}

/** Under the merchant's reply, in the thread: it went to the shopper. */
export const REPLY_PASSED_ON: Record<Locale, string> = { zh: '已转给顾客。', en: 'Passed on to the shopper.' };

/** The shopper's chat: who answered and what they said. */
export function replyText(shopName: string, text: string, l: Locale): string {
  return l === 'zh' ? `「${shopName}」店主回复：${text}` : `Reply from ${shopName}: ${text}`;
}

// The merchant's side of a shopper's message (agents/shop-relay.ts): posted to the merchant's DM with the
// app, and the merchant's replies in that message's thread taken back for the shopper — not answered by the
// assistant. Only the linked merchant of that shop can reply for it.
import type { WebClient } from '@slack/web-api';
import { findCaller } from '../../agents/identity.ts';
import type { ShopRelay } from '../../agents/shop-relay.ts';
import { forMerchant, REPLY_PASSED_ON } from '../../prompts/replies/relay.ts';
import type { Store } from '../../prisma/store.ts';
import type { Locale } from '../../tools/context.ts';

type LocaleOf = (client: WebClient, who: { team: string; user: string }) => Promise<Locale>;

export function slackRelay(db: Store, relay: ShopRelay, client: WebClient, localeOf: LocaleOf) {
  relay.postWith(async (m) => {
    // The merchant's Slack account, as linked by `/shop link`: "team:user".
    const linked = await db.identity.findFirst({ where: { merchantId: m.merchantId, platform: 'slack' }, orderBy: { id: 'desc' } });
    if (!linked) return undefined;
    const [team, user] = linked.platformUserId.split(':');
    const opened = await client.conversations.open({ users: user });
    const channel = opened.channel?.id;
    if (!channel) throw new Error(`conversations.open gave no channel for ${linked.platformUserId}`);
    const posted = await client.chat.postMessage({ channel, text: forMerchant(m.shopName, m.text, await localeOf(client, { team, user })) });
    return posted.ts ? { channel, ts: posted.ts } : undefined;
  });

  /** A message in a relayed message's thread: stored for the shopper (true), or not one of those (false). */
  return async function takeReply(m: { team: string; user: string; channel: string; threadTs?: string; ts: string; text: string }): Promise<boolean> {
    if (!m.threadTs || m.threadTs === m.ts) return false;
    const relayed = await relay.messageAt(m.channel, m.threadTs);
    if (!relayed) return false;
    const caller = await findCaller(db, 'slack', `${m.team}:${m.user}`);
    if (caller?.role !== 'merchant' || caller.merchantId !== relayed.merchantId) return true; // someone else in the thread: not passed on
    const text = m.text.trim();
    if (!text) return true;
    if (await relay.storeReply(relayed.id, text.slice(0, 2000), m.ts)) {
      await client.chat.postMessage({ channel: m.channel, thread_ts: m.threadTs, text: REPLY_PASSED_ON[await localeOf(client, m)] });
    }
    return true;
  };
}

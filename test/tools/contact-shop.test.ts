// contact_shop and the relay behind it: a shopper's message reaches the shop's merchant only on the shopper's yes and
// only when the merchant reads chats here; the merchant's reply comes back to that shopper's chat, once.
import { describe, expect, it } from 'vitest';
import { ShopRelay } from '../../agents/shop-relay.ts';
import { renderContactShop } from '../../prompts/replies/shopper-results.ts';
import { contactShop } from '../../tools/contact-shop.ts';
import type { CallerContext } from '../../tools/context.ts';
import { merchantOne, shopperAtCampus, useFixture } from '../helpers/deps.ts';

const fixture = useFixture(async (db) => {
  // Merchant 1 (shops A and B) linked Slack; merchant 2 (shops D and E) did not.
  await db.identity.create({ data: { platform: 'slack', platformUserId: 'T1:U1', merchantId: 1 } });
});
const proposals: { tool: string; args: unknown; preview: string }[] = [];
const inWeb = (chatKey = 'web:c1:shopper:1'): CallerContext => ({
  ...shopperAtCampus,
  consent: { chatKey, propose: async (tool, args, preview) => (proposals.push({ tool, args, preview }), proposals.length) },
});
const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
};

describe('contact_shop', () => {
  it('shows the shopper what goes to whom before anything is sent', async () => {
    const args = contactShop.input.parse({ shopId: 1, message: '有没有大桶装的？' });
    const preview: any = await contactShop.preview!(fixture.deps, inWeb(), args);
    expect(preview.text).toContain('A店');
    expect(preview.text).toContain('有没有大桶装的？');
    expect(await fixture.db.shopMessage.count()).toBe(0);
  });

  it('gives the address and hours instead when the merchant cannot be reached in a chat', async () => {
    const args = contactShop.input.parse({ shopId: 3, message: '几点关门？' });
    const preview: any = await contactShop.preview!(fixture.deps, inWeb(), args);
    expect(preview.problem).toMatchObject({ status: 'unreachable', shop: { shopId: 3, address: 'D路1号', openingHours: '08:00-22:00' } });
    expect(renderContactShop(preview.problem, 'zh')).toMatch(/D路1号.*08:00-22:00/);
    expect(await contactShop.run(fixture.deps, inWeb(), args)).toMatchObject({ status: 'unreachable' });
    expect(await fixture.db.shopMessage.count()).toBe(0);
  });

  it('refuses merchants, unknown shops and chats that cannot receive the reply', async () => {
    const args = contactShop.input.parse({ shopId: 1, message: 'hello' });
    await expect(contactShop.run(fixture.deps, { ...merchantOne, consent: inWeb().consent }, args)).rejects.toThrow(/shoppers only/);
    await expect(contactShop.preview!(fixture.deps, inWeb(), { ...args, shopId: 999 })).rejects.toThrow(/999/);
    await expect(contactShop.preview!(fixture.deps, inWeb('cli:shopper:1'), args)).rejects.toThrow(/网页聊天或 Telegram/);
    expect(() => contactShop.input.parse({ shopId: 1, message: 'x'.repeat(501) })).toThrow();
    expect(() => contactShop.input.parse({ shopId: 1, message: '   ' })).toThrow();
  });

  it('carries the message to the merchant and the reply back to the shopper\'s chat, once', async () => {
    const relay = new ShopRelay(fixture.db);
    const deps = { ...fixture.deps, relay };
    const sent: any = await contactShop.run(deps, { ...inWeb(), proposalId: 77 }, contactShop.input.parse({ shopId: 1, message: '有没有大桶装的？' }));
    expect(sent).toMatchObject({ status: 'sent', shop: { shopId: 1 } });
    // The same yes cannot send it twice.
    await expect(contactShop.run(deps, { ...inWeb(), proposalId: 77 }, contactShop.input.parse({ shopId: 1, message: '有没有大桶装的？' }))).rejects.toThrow();

    const posted: any[] = [];
    relay.postWith(async (m) => (posted.push(m), { channel: 'D1', ts: '1700000000.000100' }));
    await until(async () => (await fixture.db.shopMessage.findUnique({ where: { id: sent.messageId } }))?.status === 'sent');
    expect(posted).toEqual([expect.objectContaining({ merchantId: 1, shopName: 'A店', text: '有没有大桶装的？' })]);

    const relayed = await relay.messageAt('D1', '1700000000.000100');
    expect(relayed?.id).toBe(sent.messageId);
    expect(await relay.storeReply(relayed!.id, '有的，5kg 89元', '1700000000.000200')).toBe(true);
    expect(await relay.storeReply(relayed!.id, '有的，5kg 89元', '1700000000.000200')).toBe(false); // Slack redelivered the event
    expect(await relay.takeReplies('web:other:shopper:1')).toEqual([]);
    const replies = await relay.takeReplies('web:c1:shopper:1');
    expect(replies.map((r) => r.text)).toEqual(['「A店」店主回复：有的，5kg 89元']);
    expect(await relay.takeReplies('web:c1:shopper:1')).toEqual([]);
    relay.stop();
  });

  it('pushes replies to chats whose adapter delivers them, and tries again when delivery fails', async () => {
    const relay = new ShopRelay(fixture.db);
    const message = await fixture.db.shopMessage.create({ data: { chatKey: 'telegram:42', customerId: 1, shopId: 2, merchantId: 1, text: 'open on Sunday?', locale: 'en', status: 'sent', slackChannel: 'D1', slackTs: '1.5' } });
    await relay.storeReply(message.id, 'Yes, 9 to 9', '1.6');
    const delivered: [string, string][] = [];
    let fail = true;
    let attempts = 0;
    relay.deliverWith('telegram:', async (chatKey, text) => {
      attempts++;
      if (fail) return false;
      delivered.push([chatKey, text]);
      return true;
    });
    await until(async () => attempts >= 1 && (await fixture.db.shopReply.count({ where: { shopMessageId: message.id, deliveredAt: null } })) === 1);
    expect(attempts).toBeGreaterThanOrEqual(1);
    expect(delivered).toEqual([]);
    fail = false;
    relay.queued();
    await until(async () => delivered.length === 1);
    expect(delivered).toEqual([['telegram:42', 'Reply from Shop B: Yes, 9 to 9']]);
    relay.stop();
  });
});

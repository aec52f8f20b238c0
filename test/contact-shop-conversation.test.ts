// "人工客服" / "ask the second shop …" through the whole agent (local planner, LangChain loop, tools, store): with
// shops on screen the planner asks what to tell them, shows the message for the shopper's yes and only then stores it.
import { expect, it } from 'vitest';
import type { Caller } from '../tools/context.ts';
import { useAssistant } from './helpers/assistant.ts';
import { C } from './helpers/fixture.ts';

const shopper: Caller = { role: 'shopper', customerId: 1 };
// Merchants 1 and 2 linked Slack, so their shops can be reached.
const agent = useAssistant((db) => db.identity.createMany({ data: [{ platform: 'slack', platformUserId: 'T1:U1', merchantId: 1 }, { platform: 'slack', platformUserId: 'T1:U2', merchantId: 2 }] }).then(() => undefined));
const say = (chatKey: string, text: string, location?: { lat: number; lng: number }) => agent.assistant.handle({ chatKey, caller: shopper, text, location });

it('asks what to tell the shop, shows it, and sends it only on the yes', async () => {
  const chat = 'web:contact1:shopper:1';
  const found = await say(chat, '附近哪里有卖洗衣液', C);
  const first = (found.toolCalls[0].result as any).results[0];
  const asked = await say(chat, '人工客服');
  expect(asked.toolCalls).toEqual([]);
  expect(asked.reply).toContain(first.name);
  const proposed = await say(chat, '有5kg装的吗');
  expect(proposed.proposal?.text).toContain('有5kg装的吗');
  expect(await agent.db.shopMessage.count()).toBe(0);
  const done = await say(chat, '好的');
  expect(done.reply).toContain('已转给');
  expect(await agent.db.shopMessage.findMany()).toEqual([expect.objectContaining({ chatKey: chat, shopId: first.shopId, text: '有5kg装的吗', status: 'queued' })]);
});

it('takes the shop the shopper points at and passes on only their question', async () => {
  const chat = 'web:contact2:shopper:1';
  const found = await say(chat, 'where can I buy laundry detergent nearby?', C);
  const second = (found.toolCalls[0].result as any).results[1];
  const proposed = await say(chat, 'ask the second shop if they are open on Sunday');
  expect(proposed.toolCalls[0]).toMatchObject({ name: 'contact_shop', args: { shopId: second.shopId } });
  expect(proposed.toolCalls[0].args.message).toMatch(/^they are open on Sunday/);
  const dropped = await say(chat, 'no');
  expect(dropped.reply).not.toMatch(/Sent to/);
  expect(await agent.db.shopMessage.count({ where: { chatKey: chat } })).toBe(0);
});

it('says how it works when no shop is on screen', async () => {
  const answer = await say('web:contact3:shopper:1', 'talk to a human please');
  expect(answer.toolCalls).toEqual([]);
  expect(answer.reply).toMatch(/pass your message to the shop owner/);
});

// "给我购买链接" / "link?" after a search, through the whole agent: the goods on screen again, with the link to the
// cheapest online offer in the answer.
import { expect, it } from 'vitest';
import { useAssistant } from './helpers/assistant.ts';
import { C } from './helpers/fixture.ts';

const chat = useAssistant();

it.each([
  ['zh', '附近哪里有卖洗衣液', '给我购买链接'],
  ['en', 'where can I buy laundry detergent nearby?', 'link?'],
])('%s: the link to buy what was just searched', async (_l, search, ask) => {
  const chatKey = `web:link-${ask.length}:shopper:1`;
  const found = await chat.assistant.handle({ chatKey, caller: { role: 'shopper', customerId: 1 }, text: search, location: C });
  expect(found.reply).toContain('https://f.example/1');
  const linked = await chat.assistant.handle({ chatKey, caller: { role: 'shopper', customerId: 1 }, text: ask });
  expect(linked.toolCalls[0]).toMatchObject({ name: 'nearby_shops', args: { query: found.toolCalls[0].args.query } });
  expect(linked.reply).toContain('https://f.example/1');
});

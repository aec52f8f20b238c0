// "给我购买链接" / "link?" after a search, through the whole agent: the goods on screen again, with the link to the
// cheapest online offer in the answer.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Assistant } from '../agents/assistant.ts';
import type { Store } from '../prisma/store.ts';
import { buildFixture, C, NOW } from './helpers/fixture.ts';
import { freshStore } from './helpers/store.ts';

let db: Store;
let assistant: Assistant;
beforeAll(async () => {
  db = await freshStore();
  await buildFixture(db);
  assistant = await Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} });
});
afterAll(() => db.$disconnect());

it.each([
  ['zh', '附近哪里有卖洗衣液', '给我购买链接'],
  ['en', 'where can I buy laundry detergent nearby?', 'link?'],
])('%s: the link to buy what was just searched', async (_l, search, ask) => {
  const chatKey = `web:link-${ask.length}:shopper:1`;
  const found = await assistant.handle({ chatKey, caller: { role: 'shopper', customerId: 1 }, text: search, location: C });
  expect(found.reply).toContain('https://f.example/1');
  const linked = await assistant.handle({ chatKey, caller: { role: 'shopper', customerId: 1 }, text: ask });
  expect(linked.toolCalls[0]).toMatchObject({ name: 'nearby_shops', args: { query: found.toolCalls[0].args.query } });
  expect(linked.reply).toContain('https://f.example/1');
});

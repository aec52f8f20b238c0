// The agent loop's promises: memory survives a restart, bad model output and bad input become
// clear messages, identity comes from the adapter.
import { AIMessage } from '@langchain/core/messages';
import { fakeModel } from 'langchain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../agents/assistant.ts';
import type { Store } from '../prisma/store.ts';
import { buildFixture, C, NOW } from './helpers/fixture.ts';
import { freshStore } from './helpers/store.ts';

let db: Store;
const quiet = () => {};
const local = () => Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: quiet });

beforeAll(async () => {
  db = await freshStore();
  await buildFixture(db);
});
afterAll(() => db.$disconnect());

describe('conversation memory', () => {
  it('keeps the thread across a restart, so a follow-up still works', async () => {
    const first = await local();
    await first.handle({ chatKey: 'mem:1', caller: { role: 'merchant', merchantId: 1 }, text: '2号店上周销售怎么样' });
    const restarted = await local(); // a new process would build a new assistant on the same store
    const answer = await restarted.handle({ chatKey: 'mem:1', caller: { role: 'merchant', merchantId: 1 }, text: '上个月呢' });
    expect(answer.toolCalls[0]).toMatchObject({ name: 'merchant_stats', args: { period: 'last_month', shopId: 2 } });
  });

  it('keeps chats apart', async () => {
    const a = await local();
    await a.handle({ chatKey: 'mem:2', caller: { role: 'merchant', merchantId: 1 }, text: '2号店上周销售怎么样' });
    const other = await a.handle({ chatKey: 'mem:3', caller: { role: 'merchant', merchantId: 1 }, text: '上个月呢' });
    expect(other.toolCalls[0].args).not.toHaveProperty('shopId');
  });

  it('remembers a shared location on the shopper\'s profile', async () => {
    const a = await local();
    await a.handle({ chatKey: 'mem:4', caller: { role: 'shopper', customerId: 2 }, location: { lat: C.lat, lng: C.lng } });
    const later = await a.handle({ chatKey: 'mem:5', caller: { role: 'shopper', customerId: 2 }, text: 'where can I buy hand wash?' });
    expect(later.reply).toContain('Shop B');
  });
});

describe('bad input and bad model output', () => {
  it('reports tool arguments that break the schema instead of crashing', async () => {
    const model = fakeModel()
      .respondWithTools([{ name: 'nearby_shops', args: { query: '洗衣液', radiusKm: 'far away' } }])
      .respond(new AIMessage('对不起，参数有误。'));
    const a = await Assistant.create({ db, model, clock: () => NOW, log: quiet });
    const answer = await a.handle({ chatKey: 'bad:1', caller: { role: 'shopper', customerId: 1 }, text: '附近洗衣液' });
    expect(answer.reply).toBe('对不起，参数有误。');
    expect(answer.toolCalls[0].result).toMatchObject({ error: { code: 'invalid_arguments' } });
    // The model saw the validation error as the tool's answer.
    expect(String(model.calls[1].messages.at(-1)?.content)).toMatch(/radiusKm|expected number/i);
  });

  it('keeps answering when the model itself fails mid-turn', async () => {
    const model = fakeModel().respondWithTools([{ name: 'price_check', args: { product: '洗衣液', price: -3 } }]);
    const a = await Assistant.create({ db, model, clock: () => NOW, log: quiet });
    const answer = await a.handle({ chatKey: 'bad:2', caller: { role: 'shopper', customerId: 1 }, text: 'x' });
    // fakeModel has no second answer queued: the agent must still reply, not throw.
    expect(answer.reply).toBeTruthy();
    expect(answer.error).toBe('model_failed');
  });

  it('never writes unless the user said yes: a model cannot confirm for them', async () => {
    const args = { productId: 3, price: 15 };
    const model = fakeModel()
      .respondWithTools([{ name: 'record_purchase', args }])
      .respondWithTools([{ name: 'record_purchase', args }]) // tries again at once, pretending the user agreed
      .respond(new AIMessage('done'))
      .respondWithTools([{ name: 'record_purchase', args }])
      .respond(new AIMessage('recorded'));
    const a = await Assistant.create({ db, model, clock: () => NOW, log: quiet });
    const before = await db.selfReportedPurchase.count();
    const orders = await db.order.count();
    const first = await a.handle({ chatKey: 'write:1', caller: { role: 'shopper', customerId: 1 }, text: 'log hand wash 15 yuan' });
    expect(first.toolCalls.map((c) => (c.result as any).status)).toEqual(['needs_confirmation', 'needs_confirmation']);
    expect(await db.selfReportedPurchase.count()).toBe(before);
    const yes = await a.handle({ chatKey: 'write:1', caller: { role: 'shopper', customerId: 1 }, text: 'yes' });
    expect((yes.toolCalls[0].result as any).status).toBe('recorded');
    expect(await db.selfReportedPurchase.count()).toBe(before + 1);
    expect(await db.order.count()).toBe(orders); // the shopper's word never becomes a shop's sale
  });

  it('ignores identity the model puts in tool arguments', async () => {
    const model = fakeModel()
      .respondWithTools([{ name: 'merchant_stats', args: { period: 'last_week', merchantId: 2, shopId: 3 } }])
      .respond((messages) => new AIMessage(String(messages.at(-1)?.content)));
    const a = await Assistant.create({ db, model, clock: () => NOW, log: quiet });
    const answer = await a.handle({ chatKey: 'bad:3', caller: { role: 'merchant', merchantId: 1 }, text: 'sales of shop 3' });
    expect(answer.reply).toContain('forbidden');
    expect(answer.reply).not.toContain('"revenue"');
  });

  it('refuses a message that is too long, an unknown caller, and a nonsense location', async () => {
    const a = await local();
    expect(await a.handle({ chatKey: 'bad:4', caller: { role: 'shopper', customerId: 1 }, text: '洗'.repeat(5000) })).toMatchObject({ error: 'too_long' });
    expect(await a.handle({ chatKey: 'bad:5', caller: { role: 'shopper', customerId: 999 }, text: 'hi' })).toMatchObject({ error: 'not_found' });
    expect(await a.handle({ chatKey: 'bad:6', caller: { role: 'shopper', customerId: 1 }, location: { lat: 200, lng: 0 } })).toMatchObject({ error: 'bad_location' });
  });

  it('answers an empty message with what it can do', async () => {
    const a = await local();
    const answer = await a.handle({ chatKey: 'bad:7', caller: { role: 'merchant', merchantId: 1 }, text: '   ' });
    expect(answer.reply).toContain('经营数据');
  });
});

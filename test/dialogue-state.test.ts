// The dialogue state: the active task (tool, slots, last result) and the place named, stored with the
// conversation, so a follow-up edits the task after a restart or a long detour, and an LLM is told the same.
import { AIMessage, ToolMessage } from '@langchain/core/messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../agents/assistant.ts';
import { modelConfig } from '../agents/config.ts';
import { nextState, PLACE_NAMED, readStateLine, slimResult, stateLine, storedState } from '../agents/dialogue-state.ts';
import { HISTORY_LIMIT } from '../agents/memory.ts';
import type { Store } from '../prisma/store.ts';
import { fakeOpenAI } from './helpers/fake-llm.ts';
import { buildFixture, NOW } from './helpers/fixture.ts';
import { freshStore } from './helpers/store.ts';

let db: Store;
const quiet = () => {};
const local = () => Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: quiet });
const merchant = { role: 'merchant' as const, merchantId: 1 };
const shopper = { role: 'shopper' as const, customerId: 2 };

beforeAll(async () => {
  db = await freshStore();
  await buildFixture(db);
});
afterAll(() => db.$disconnect());

describe('the active task outlives the replayed history', () => {
  it('a follow-up after more small talk than the history holds still edits the task, after a restart too', async () => {
    const first = await local();
    await first.handle({ chatKey: 'state:1', caller: merchant, text: '2号店上周卖得怎么样' });
    // Enough turns without a tool that the figures question drops out of the replayed history.
    for (let i = 0; i < HISTORY_LIMIT / 2 + 2; i++) await first.handle({ chatKey: 'state:1', caller: merchant, text: '谢谢' });
    const restarted = await local();
    const answer = await restarted.handle({ chatKey: 'state:1', caller: merchant, text: '上个月呢' });
    expect(answer.toolCalls[0]).toMatchObject({ name: 'merchant_stats', args: { period: 'last_month', shopId: 2 } });
  });

  it('a place named once stands for later searches in the same chat, not in another chat', async () => {
    const a = await local();
    await a.handle({ chatKey: 'state:2', caller: shopper, text: '我在街道口' });
    for (let i = 0; i < HISTORY_LIMIT / 2 + 1; i++) await a.handle({ chatKey: 'state:2', caller: shopper, text: 'thanks' });
    const search = await a.handle({ chatKey: 'state:2', caller: shopper, text: '哪里有卖洗手液' });
    expect(search.toolCalls[0]).toMatchObject({ name: 'nearby_shops', args: { lat: expect.closeTo(30.527, 2), lng: expect.any(Number) } });
    const stored = await db.conversation.findUnique({ where: { key: 'state:2' } });
    expect(storedState(stored?.state).place?.label).toBe('街道口');
    const elsewhere = await a.handle({ chatKey: 'state:3', caller: { role: 'shopper', customerId: 3 }, text: '哪里有卖洗手液' });
    expect(elsewhere.toolCalls[0]?.args ?? {}).not.toHaveProperty('lat');
  });
});

describe('a question the assistant asked holds its task open', () => {
  it('"how much did you pay?" is answered by the next message, after a restart too; another request is not taken as the answer', async () => {
    const first = await local();
    const asked = await first.handle({ chatKey: 'state:ask', caller: shopper, text: '记一下我买了蓝月亮洗手液' });
    expect(asked.toolCalls).toEqual([]);
    const restarted = await local();
    const answer = await restarted.handle({ chatKey: 'state:ask', caller: shopper, text: '12块' });
    expect(answer.toolCalls[0]).toMatchObject({ name: 'record_purchase', args: { product: expect.stringContaining('洗手液'), price: 12 } });
    expect(answer.proposal).toBeDefined();

    await first.handle({ chatKey: 'state:ask2', caller: shopper, text: '记一下我买了蓝月亮洗手液' });
    const other = await first.handle({ chatKey: 'state:ask2', caller: shopper, text: '附近哪里有卖洗衣液' });
    expect(other.toolCalls[0]?.name).toBe('nearby_shops');
  });
});

describe('the state reaches an LLM', () => {
  it('a follow-up turn sends the active task and its slots in the system prompt', async () => {
    const fake = await fakeOpenAI({ toolCall: { name: 'merchant_stats', args: { period: 'last_week', shopId: 2 } }, answer: () => '上周2号店卖了一些。' });
    try {
      const assistant = await Assistant.create({ db, modelConfig: modelConfig({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'fake' }), clock: () => NOW, log: quiet });
      await assistant.handle({ chatKey: 'state:llm', caller: merchant, text: '2号店上周卖得怎么样' });
      const firstPrompt = String(fake.requests[0].body.messages[0].content);
      expect(firstPrompt).toContain('Active task: none yet.');
      await assistant.handle({ chatKey: 'state:llm', caller: merchant, text: '上个月呢' });
      const followUp = String(fake.requests[2].body.messages[0].content);
      expect(followUp).toContain('Active task: merchant_stats with {"period":"last_week","shopId":2}');
      expect(readStateLine(followUp)?.task).toMatchObject({ tool: 'merchant_stats', slots: { period: 'last_week', shopId: 2 } });
    } finally {
      await fake.close();
    }
  });
});

describe('what the state keeps', () => {
  const call = (name: string, args: Record<string, unknown>, content: string) => [
    new AIMessage({ content: '', tool_calls: [{ id: 'c1', name, args, type: 'tool_call' }] }),
    new ToolMessage({ content, tool_call_id: 'c1', name }),
    new AIMessage('done'),
  ];

  it('the last tool call becomes the task; a turn without one keeps it', () => {
    const after = nextState(undefined, call('price_check', { product: '洗手液', price: 12 }, JSON.stringify({ status: 'ok', product: { id: 7 } })));
    expect(after.task).toEqual({ tool: 'price_check', slots: { product: '洗手液', price: 12 }, result: { status: 'ok', product: { id: 7 } } });
    expect(nextState(after, [new AIMessage('不客气')]).task).toEqual(after.task);
  });

  it('a new task keeps the one before it as earlier, so a rating still sees the suggestions it rated', () => {
    const shown = nextState(undefined, call('recommend', { category: 'snacks' }, JSON.stringify({ status: 'ok', items: [{ productId: 1 }, { productId: 2 }] })));
    const rated = nextState(shown, call('feedback', { productId: 2, rating: 1 }, JSON.stringify({ status: 'needs_confirmation' })));
    expect(rated.task?.tool).toBe('feedback');
    expect(rated.earlier).toEqual(shown.task);
  });

  it('a big result is cut to a small one that still has the status and the first items', () => {
    const results = Array.from({ length: 50 }, (_, i) => ({ shop: { id: i, name: '店'.repeat(200) }, offer: { price: i + 0.5 }, chartPng: 'x'.repeat(5000) }));
    const slim = slimResult(JSON.stringify({ status: 'ok', results }));
    expect(JSON.stringify(slim).length).toBeLessThanOrEqual(3000);
    expect(slim.status).toBe('ok');
    expect((slim.results as any[])[0].offer.price).toBe(0.5);
    expect((slim.results as any[])[0]).not.toHaveProperty('chartPng');
  });

  it('a place the model made up is dropped unless it is a real coordinate with a short name', () => {
    const keptPlace = (place: unknown) => nextState(undefined, [new AIMessage({ content: 'ok', additional_kwargs: { [PLACE_NAMED]: place } })]).place;
    expect(keptPlace({ label: '街道口', lat: 30.52, lng: 114.35 })).toEqual({ label: '街道口', lat: 30.52, lng: 114.35 });
    expect(keptPlace({ label: '街道口', lat: 300, lng: 114.35 })).toBeUndefined();
    expect(keptPlace({ label: 'x'.repeat(500), lat: 30, lng: 114 })).toBeUndefined();
    expect(keptPlace('somewhere')).toBeUndefined();
  });

  it('a malformed stored state is no state, and the prompt line reads back what was written', () => {
    expect(storedState('garbage')).toEqual({});
    expect(storedState({ task: { tool: 3 } })).toEqual({});
    const state = { task: { tool: 'recommend', slots: { budget: 30 } }, place: { label: '光谷', lat: 30.5, lng: 114.4 } };
    expect(readStateLine(`Caller: shopper\n${stateLine(state)}`)).toEqual(state);
    expect(readStateLine('Caller: shopper')).toBeUndefined();
  });
});

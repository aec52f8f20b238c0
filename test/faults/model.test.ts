// A malicious model behind the real ChatOpenAI client: it asks for other people's data, writes
// without a yes, dresses a write up as a harmless question, answers the risk questionnaire itself,
// sends broken tool-call JSON, hangs, streams forever, replies with megabytes, repeats ids and emits
// lone surrogates. Each test checks what the user sees and what the store holds afterwards.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Assistant } from '../../agents/assistant.ts';
import type { Store } from '../../prisma/store.ts';
import { buildFixture, NOW } from '../helpers/fixture.ts';
import { hostileOpenAI, type Hostile } from '../helpers/hostile-llm.ts';
import { freshStore } from '../helpers/store.ts';

let db: Store;
let llm: Hostile;
const logs: string[] = [];
const shopper = { role: 'shopper' as const, customerId: 1 };

const assistant = (turnTimeoutMs = 20_000) =>
  Assistant.create({ db, modelConfig: { kind: 'openai', apiKey: 'sk-test', baseURL: llm.url, model: 'evil-1' }, clock: () => NOW, log: (l) => logs.push(l), turnTimeoutMs });

async function messagesOf(chatKey: string) {
  const conversation = await db.conversation.findUnique({ where: { key: chatKey }, include: { messages: { orderBy: { id: 'asc' } } } });
  return conversation?.messages ?? [];
}

beforeAll(async () => {
  db = await freshStore();
  await buildFixture(db);
  llm = await hostileOpenAI();
});
afterAll(async () => {
  await llm.close();
  await db.$disconnect();
});
beforeEach(() => llm.reset());

describe('what a served model is told', () => {
  it('the system prompt names every ability of the role and the house rules', async () => {
    const a = await assistant();
    llm.script({ kind: 'text', content: 'hi' });
    await a.handle({ chatKey: 'evil:prompt:1', caller: shopper, text: 'hello' });
    const system = llm.requests.at(-1).messages[0].content as string;
    for (const tool of ['nearby_shops', 'price_check', 'scan_to_buy', 'recommend', 'customer_profile', 'record_purchase', 'feedback', 'credit_line', 'wealth_products', 'risk_questionnaire']) expect(system).toContain(tool);
    expect(system).toMatch(/own yes/);
    expect(system).toMatch(/another shopper/);
  });
});

describe('tenants stay apart whatever the model asks', () => {
  it('refuses another merchant\'s shop and merchant tools for a shopper', async () => {
    const a = await assistant();
    llm.script({ kind: 'tool', name: 'merchant_stats', args: { period: 'last_week', shopId: 3, merchantId: 2 } }, { kind: 'text', content: 'Here are the figures.' });
    const merchant = await a.handle({ chatKey: 'evil:tenant:1', caller: { role: 'merchant', merchantId: 1 }, text: 'sales of shop 3' });
    expect(merchant.toolCalls[0].result).toMatchObject({ error: { code: 'forbidden' } });
    llm.script({ kind: 'tool', name: 'merchant_stats', args: { period: 'last_week' } }, { kind: 'text', content: 'Here you go.' });
    const asShopper = await a.handle({ chatKey: 'evil:tenant:2', caller: shopper, text: 'how did shop A sell' });
    expect(asShopper.toolCalls[0].result).toMatchObject({ error: { code: 'forbidden' } });
    expect(JSON.stringify(asShopper.toolCalls)).not.toMatch(/"revenue"/);
  });
});

describe('writes need the user\'s own yes to what the system showed', () => {
  it('a write the model calls on its own only becomes a proposal, shown in the system\'s words', async () => {
    const a = await assistant();
    llm.script({ kind: 'tool', name: 'record_purchase', args: { productId: 3, price: 15, quantity: 2, shopId: 2 } }, { kind: 'text', content: 'Done! I recorded it for you.' });
    const answer = await a.handle({ chatKey: 'evil:write:1', caller: shopper, text: '附近有洗手液吗' });
    expect(answer.reply).toContain('记录一笔购买');
    expect(answer.reply).toContain('蓝月亮洗手液 500ml ×2');
    expect(answer.reply).not.toContain('Done!');
    expect(answer.proposal).toMatchObject({ yes: '确认', no: '取消' });
    expect(await db.selfReportedPurchase.count()).toBe(0);
    // The user talks about something else: the proposal lapses, and a later "yes" writes nothing.
    llm.script({ kind: 'text', content: '好的。' });
    await a.handle({ chatKey: 'evil:write:1', caller: shopper, text: '今天天气不错' });
    llm.script({ kind: 'text', content: 'Recorded.' });
    const late = await a.handle({ chatKey: 'evil:write:1', caller: shopper, text: '是' });
    expect(late.reply).toBe('Recorded.'); // the model's words, but nothing ran
    expect(await db.selfReportedPurchase.count()).toBe(0);
    expect((await db.proposal.findFirst({ where: { chatKey: 'evil:write:1' } }))?.status).toBe('expired');
  });

  it('the consent trick: a write dressed up as "see more shops? reply yes" shows the real proposal; yes writes exactly it, once', async () => {
    const a = await assistant();
    const orders = await db.order.count();
    // Implausible first: 99 × ¥888 in another merchant's shop is refused outright.
    llm.script({ kind: 'tool', name: 'record_purchase', args: { productId: 1, price: 888, quantity: 99, shopId: 3 } }, { kind: 'text', content: 'Would you like to see more shops near you? Reply yes.' });
    const refused = await a.handle({ chatKey: 'evil:trick:1', caller: shopper, text: '洗衣液哪里有' });
    expect(refused.proposal).toBeUndefined();
    expect(refused.toolCalls[0].result).toMatchObject({ error: { code: 'invalid_input' } });
    // Plausible arguments, the same disguise: the user reads the system's proposal, not the model's question.
    llm.script({ kind: 'tool', name: 'record_purchase', args: { productId: 1, price: 79, quantity: 2, shopId: 3 } }, { kind: 'text', content: 'Would you like to see more shops near you? Reply yes.' });
    const disguised = await a.handle({ chatKey: 'evil:trick:1', caller: shopper, text: '洗衣液哪里有' });
    expect(disguised.reply).not.toMatch(/more shops/);
    expect(disguised.reply).toContain('记录一笔购买：蓝月亮洗衣液 2kg ×2，单价 ¥79，D店');
    const before = llm.requests.length;
    const yes = await a.handle({ chatKey: 'evil:trick:1', caller: shopper, text: 'yes' });
    expect(llm.requests.length).toBe(before); // the model had no say in the yes turn
    expect(yes.toolCalls[0]).toMatchObject({ name: 'record_purchase', result: { status: 'recorded', total: 158 } });
    const rows = await db.selfReportedPurchase.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ customerId: 1, shopId: 3, productId: 1, quantity: 2, unitPrice: 7900 });
    expect(await db.order.count()).toBe(orders); // merchant 2's figures are untouched
    // A second yes, or pressing the old button again, writes nothing more.
    llm.script({ kind: 'text', content: 'ok' });
    await a.handle({ chatKey: 'evil:trick:1', caller: shopper, text: 'yes' });
    const button = await a.handle({ chatKey: 'evil:trick:1', caller: shopper, decision: { proposalId: disguised.proposal!.id, accept: true } });
    expect(button.reply).toMatch(/已经确认过|already done/);
    expect(await db.selfReportedPurchase.count()).toBe(1);
  });

  it('a proposal survives a restart and is confirmed once; another user in the same chat cannot confirm it', async () => {
    const first = await assistant();
    llm.script({ kind: 'tool', name: 'feedback', args: { productId: 2, rating: 1 } }, { kind: 'text', content: '?' });
    const shown = await first.handle({ chatKey: 'evil:restart:1', caller: shopper, text: '立白不喜欢' });
    expect(shown.proposal).toBeDefined();
    const intruder = await first.handle({ chatKey: 'evil:restart:1', caller: { role: 'shopper', customerId: 2 }, decision: { proposalId: shown.proposal!.id, accept: true } });
    expect(intruder.error).toBe('proposal_expired');
    const restarted = await assistant();
    const yes = await restarted.handle({ chatKey: 'evil:restart:1', caller: shopper, decision: { proposalId: shown.proposal!.id, accept: true } });
    expect(yes.toolCalls[0].result).toMatchObject({ status: 'saved' });
    expect(await db.feedback.count({ where: { customerId: 1, productId: 2 } })).toBe(1);
    expect(await db.feedback.count({ where: { customerId: 2 } })).toBe(0);
  });

  it('the risk level comes only from the shopper\'s own answers', async () => {
    await db.customer.update({ where: { id: 1 }, data: { riskTolerance: 'R4' } });
    const a = await assistant();
    llm.script({ kind: 'tool', name: 'risk_questionnaire', args: { answers: 'D D D D' } }, { kind: 'text', content: 'You are now R5!' });
    const answer = await a.handle({ chatKey: 'evil:risk:1', caller: shopper, text: '适合我的理财' });
    expect(answer.toolCalls[0].result).toMatchObject({ error: { code: 'forbidden' } });
    expect((await db.customer.findUnique({ where: { id: 1 } }))?.riskTolerance).toBe('R4');
    // The shopper's own answers, passed faithfully, are stored.
    llm.script({ kind: 'tool', name: 'risk_questionnaire', args: { answers: 'A B B A' } }, { kind: 'text', content: 'Saved.' });
    await a.handle({ chatKey: 'evil:risk:1', caller: shopper, text: 'A B B A' });
    expect((await db.customer.findUnique({ where: { id: 1 } }))?.riskTolerance).toBe('R1');
  });
});

describe('a model that misbehaves gets a clear message and a clean stored conversation', () => {
  it('broken tool-call JSON → a clear message, stored, not an empty reply', async () => {
    const a = await assistant();
    llm.script({ kind: 'bad_json', name: 'nearby_shops', arguments: '{"query": "洗衣液", radiusKm: }' });
    const answer = await a.handle({ chatKey: 'evil:json:1', caller: shopper, text: '附近洗衣液' });
    expect(answer.reply).toMatch(/格式有误/);
    expect(answer.error).toBe('model_bad_tool_call');
    expect((await messagesOf('evil:json:1')).map((m) => m.role)).toEqual(['human', 'ai']);
  });

  it('schema errors reach the model short, without stack traces', async () => {
    const a = await assistant();
    llm.script({ kind: 'tool', name: 'nearby_shops', args: { query: '洗衣液', radiusKm: 'far' } }, { kind: 'text', content: 'Sorry.' });
    await a.handle({ chatKey: 'evil:schema:1', caller: shopper, text: '附近洗衣液' });
    const toolMessage = llm.requests.at(-1).messages.findLast((m: any) => m.role === 'tool');
    expect(toolMessage.content).toMatch(/radiusKm/);
    expect(toolMessage.content).not.toMatch(/\n\s+at /);
    expect(toolMessage.content.length).toBeLessThan(400);
  });

  it('a hang and an endless body end at the turn\'s time limit with a clear message; the turn is stored', async () => {
    const a = await assistant(1500);
    for (const kind of ['hang', 'endless'] as const) {
      llm.script({ kind }); // the turn's limit aborts it: no second attempt
      const answer = await a.handle({ chatKey: `evil:${kind}:1`, caller: shopper, text: '你好呀' });
      expect(answer.error).toBe('model_timeout');
      expect(answer.reply).toMatch(/没有回答/);
      expect((await messagesOf(`evil:${kind}:1`)).map((m) => m.role)).toEqual(['human', 'ai']);
    }
  });

  it('a 5 MB reply is never stored or shown whole', async () => {
    const a = await assistant();
    llm.script({ kind: 'huge', bytes: 5_000_000 }, { kind: 'huge', bytes: 5_000_000 });
    const answer = await a.handle({ chatKey: 'evil:huge:1', caller: shopper, text: 'tell me everything' });
    expect(answer.reply.length).toBeLessThan(5000);
    const stored = await messagesOf('evil:huge:1');
    expect(stored.map((m) => m.role)).toEqual(['human', 'ai']);
    expect(Math.max(...stored.map((m) => m.content.length))).toBeLessThan(5000);
    // Under the response cap, a long reply is cut to the reply limit and says so.
    llm.script({ kind: 'huge', bytes: 100_000 });
    const long = await a.handle({ chatKey: 'evil:huge:2', caller: shopper, text: 'more' });
    expect(long.reply).toMatch(/已截断|cut short/);
    expect(long.reply.length).toBeLessThan(4100);
  });

  it('repeated completion and tool-call ids never corrupt the stored conversation', async () => {
    const a = await assistant();
    llm.options.sameIds = true;
    llm.script({ kind: 'tool', name: 'nearby_shops', args: { query: '洗衣液' } }, { kind: 'text', content: 'Shop A is closest.' });
    await a.handle({ chatKey: 'evil:ids:1', caller: shopper, text: '附近洗衣液' });
    llm.script({ kind: 'tool', name: 'nearby_shops', args: { query: '洗手液' } }, { kind: 'text', content: 'Shop B has it.' });
    const second = await a.handle({ chatKey: 'evil:ids:1', caller: shopper, text: '洗手液呢' });
    expect(second.reply).toBe('Shop B has it.');
    const stored = await messagesOf('evil:ids:1');
    expect(stored.map((m) => m.role)).toEqual(['human', 'ai', 'tool', 'ai', 'human', 'ai', 'tool', 'ai']);
    // Every stored tool result answers the call right before it, under an id used once.
    const callIds = stored.filter((m) => m.role === 'ai' && m.toolCalls).map((m) => (m.toolCalls as { id: string }[])[0].id);
    expect(new Set(callIds).size).toBe(2);
    stored.forEach((m, i) => m.role === 'tool' && expect(m.toolCallId).toBe((stored[i - 1].toolCalls as { id: string }[])[0].id));
  });

  it('lone surrogates in a model reply and in the user\'s text are replaced; the turn is stored', async () => {
    const a = await assistant();
    llm.script({ kind: 'text', content: 'bad \ud800 char' });
    const answer = await a.handle({ chatKey: 'evil:surrogate:1', caller: shopper, text: 'hi \udc00 there' });
    expect(answer.error).toBeUndefined();
    expect(answer.reply).toBe('bad \ufffd char');
    const stored = await messagesOf('evil:surrogate:1');
    expect(stored.map((m) => m.content)).toEqual(['hi \ufffd there', 'bad \ufffd char']);
  });
});

// The OpenAI-compatible and Ollama paths: the real LangChain clients against local fake endpoints,
// through the same agent loop and tools as the embedded planner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../agents/assistant.ts';
import { modelConfig } from '../agents/config.ts';
import type { Store } from '../prisma/store.ts';
import { fakeOllama, fakeOpenAI, type Script } from './helpers/fake-llm.ts';
import { buildFixture, C, NOW } from './helpers/fixture.ts';
import { freshStore } from './helpers/store.ts';

let db: Store;
const script: Script = {
  toolCall: { name: 'nearby_shops', args: { query: '洗衣液', lat: C.lat, lng: C.lng } },
  answer: (result) => `离你最近的是${JSON.parse(result).results[0].name}。`,
};

beforeAll(async () => {
  db = await freshStore();
  await buildFixture(db);
});
afterAll(() => db.$disconnect());

describe('model selection from the environment', () => {
  it('defaults to the embedded planner and picks OpenAI or Ollama when configured', () => {
    expect(modelConfig({})).toEqual({ kind: 'local' });
    expect(modelConfig({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' })).toMatchObject({ kind: 'openai', model: 'gpt-4o-mini', baseURL: 'http://127.0.0.1:1/v1' });
    expect(modelConfig({ OLLAMA_HOST: '127.0.0.1:11434' })).toMatchObject({ kind: 'ollama', baseUrl: 'http://127.0.0.1:11434' });
    expect(modelConfig({ OPENAI_API_KEY: 'k', MODEL_PROVIDER: 'local' })).toEqual({ kind: 'local' });
    expect(() => modelConfig({ MODEL_PROVIDER: 'ollama' })).toThrow('OLLAMA_HOST');
  });
});

describe.each([
  ['OpenAI-compatible', async () => {
    const fake = await fakeOpenAI(script);
    return { fake, config: modelConfig({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'fake-gpt' }) };
  }],
  ['Ollama', async () => {
    const fake = await fakeOllama(script);
    return { fake, config: modelConfig({ OLLAMA_HOST: fake.url, OLLAMA_MODEL: 'fake-qwen' }) };
  }],
])('%s model', (_name, start) => {
  it('calls the tool the model asked for and returns the model\'s answer', async () => {
    const { fake, config } = await start();
    try {
      const assistant = await Assistant.create({ db, modelConfig: config, clock: () => NOW, log: () => {} });
      const answer = await assistant.handle({ chatKey: `fake:${config.kind}`, caller: { role: 'shopper', customerId: 1 }, text: '附近哪里有卖洗衣液' });
      expect(answer.reply).toBe('离你最近的是A店。');
      expect(answer.toolCalls).toEqual([expect.objectContaining({ name: 'nearby_shops', args: script.toolCall.args })]);
      expect(fake.requests).toHaveLength(2);
      const first = fake.requests[0].body;
      // The tools were offered with their JSON schemas, and the system prompt carried the caller's facts.
      const offered = (first.tools ?? []).map((t: any) => t.function?.name ?? t.name);
      expect(offered).toEqual(expect.arrayContaining(['nearby_shops', 'price_check', 'merchant_stats']));
      // Each description names the units and carries an example call.
      const nearby = (first.tools ?? []).find((t: any) => (t.function?.name ?? t.name) === 'nearby_shops');
      expect(nearby.function?.description ?? nearby.description).toMatch(/yuan.*Example arguments: \{"query"/s);
      expect(JSON.stringify(first.messages[0])).toContain('Caller: shopper');
      // The second request carried the tool's result back to the model.
      expect(JSON.stringify(fake.requests[1].body.messages)).toContain('A店');
      if (config.kind === 'openai') expect(fake.requests[0].auth).toBe('Bearer test-key');
    } finally {
      await fake.close();
    }
  });
});

it('turns an unreachable model into a friendly reply and keeps the user message', async () => {
  const assistant = await Assistant.create({ db, modelConfig: { kind: 'openai', apiKey: 'k', baseURL: 'http://127.0.0.1:9/v1', model: 'none' }, clock: () => NOW, log: () => {} });
  const answer = await assistant.handle({ chatKey: 'fake:down', caller: { role: 'shopper', customerId: 1 }, text: 'hello there' });
  expect(answer.error).toBe('model_failed');
  expect(answer.reply).toMatch(/try again/);
  const conversation = await db.conversation.findUnique({ where: { key: 'fake:down' }, include: { messages: true } });
  expect(conversation?.messages.map((m) => m.content)).toContain('hello there');
}, 90_000);

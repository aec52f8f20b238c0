// One chat model for the agent, chosen by configuration. Same tools, same loop for all three.
// Served models get the turn's time limit and a bounded response size (agents/capped-fetch.ts).
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOllama } from '@langchain/ollama';
import { ChatOpenAI } from '@langchain/openai';
import type { ProductIndex } from '../tools/catalogue/product-search.ts';
import { cappedFetch } from './capped-fetch.ts';
import type { ModelConfig } from './config.ts';
import { LocalPlannerChatModel } from './local-planner/index.ts';

export function createChatModel(config: ModelConfig, products: ProductIndex, turnTimeoutMs = 20_000): BaseChatModel {
  switch (config.kind) {
    case 'openai':
      return new ChatOpenAI({ model: config.model, apiKey: config.apiKey, temperature: 0, timeout: turnTimeoutMs, maxRetries: 1, configuration: { baseURL: config.baseURL, fetch: cappedFetch() } });
    case 'ollama':
      return new ChatOllama({ baseUrl: config.baseUrl, model: config.model, temperature: 0, fetch: cappedFetch() });
    default:
      return new LocalPlannerChatModel(products);
  }
}

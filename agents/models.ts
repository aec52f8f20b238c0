// One chat model for the agent, chosen by configuration. Same tools, same loop for all three.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOllama } from '@langchain/ollama';
import { ChatOpenAI } from '@langchain/openai';
import type { ProductIndex } from '../tools/catalogue/product-search.ts';
import type { ModelConfig } from './config.ts';
import { LocalPlannerChatModel } from './local-planner/index.ts';

export function createChatModel(config: ModelConfig, products: ProductIndex): BaseChatModel {
  switch (config.kind) {
    case 'openai':
      return new ChatOpenAI({ model: config.model, apiKey: config.apiKey, temperature: 0, timeout: 60_000, maxRetries: 1, configuration: { baseURL: config.baseURL } });
    case 'ollama':
      return new ChatOllama({ baseUrl: config.baseUrl, model: config.model, temperature: 0 });
    default:
      return new LocalPlannerChatModel(products);
  }
}

// The embedded local planner: a LangChain chat model of our own. No key, no network, deterministic.
// It reads the conversation like any chat model: from the last user message it emits a tool call
// (intent + slots), and from tool results it writes the final reply with the templates in prompts/.
import { BaseChatModel, type BaseChatModelParams } from '@langchain/core/language_models/chat_models';
import { AIMessage, type BaseMessage, ToolMessage } from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';
import { readFacts } from '../../prompts/system.ts';
import { PHRASES } from '../../prompts/replies/phrases.ts';
import { renderConfirmation, RENDERERS } from '../../prompts/replies/tool-results.ts';
import type { ProductIndex } from '../../tools/catalogue/product-search.ts';
import type { Locale } from '../../tools/context.ts';
import { detectLocale, understand, type PreviousCall } from './understand.ts';
import { classifyIntent, warmIntentModel } from './intent/index.ts';
import { phraseReaderFor } from './entities/product-phrase.ts';
import { spellingFixerFor } from './entities/spelling.ts';
import { findPlace } from './places.ts';
import { PLACE_NAMED, readStateLine, TASK_ASKED } from '../dialogue-state.ts';

let callCounter = 0;

export class LocalPlannerChatModel extends BaseChatModel {
  constructor(private readonly products: ProductIndex, params: BaseChatModelParams = {}) {
    super(params);
    warmIntentModel(); // trained from the corpus once per process, before the first message
  }

  _llmType(): string {
    return 'local-planner';
  }

  /** Tools are known by name; binding just returns the same planner (it plans for our tool set). */
  bindTools(): this {
    return this;
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const message = this.plan(messages);
    return { generations: [{ text: typeof message.content === 'string' ? message.content : '', message }] };
  }

  plan(messages: BaseMessage[]): AIMessage {
    const system = messages.find((m) => m._getType() === 'system');
    const facts = readFacts(system ? String(system.content) : '');
    const humans = messages.filter((m) => m._getType() === 'human');
    const lastHuman = humans.at(-1);
    const locale: Locale = detectLocale(lastHuman ? String(lastHuman.content) : '') ?? facts.locale ?? 'zh';
    const last = messages.at(-1);

    // After tools ran: write the answer from their results.
    if (last && ToolMessage.isInstance(last)) {
      const results: ToolMessage[] = [];
      for (let i = messages.length - 1; i >= 0 && ToolMessage.isInstance(messages[i]); i--) results.unshift(messages[i] as ToolMessage);
      return new AIMessage(results.map((r) => this.render(r, locale)).join('\n\n'));
    }

    const text = lastHuman ? String(lastHuman.content) : '';
    // The dialogue state the system stored with the conversation (agents/dialogue-state.ts): the active task and
    // the place named. Without one (the planner used on its own), the messages themselves are read.
    const state = system ? readStateLine(String(system.content)) : undefined;
    const task = state?.task;
    const plan = understand(text, {
      role: facts.role ?? 'shopper',
      locale,
      today: facts.today ?? new Date().toISOString().slice(0, 10),
      previous: state ? (task ? { name: task.tool, args: task.slots, result: task.result } : undefined) : previousCall(messages.slice(0, messages.lastIndexOf(lastHuman!))),
      earlierTexts: state ? [] : humans.slice(0, -1).map((m) => String(m.content)),
      shops: facts.shops,
      earlier: state?.earlier ? { name: state.earlier.tool, args: state.earlier.slots, result: state.earlier.result } : undefined,
      place: state?.place ? { point: { lat: state.place.lat, lng: state.place.lng }, label: { zh: state.place.label, en: state.place.label }, text: state.place.label } : undefined,
    }, this.products);
    // The place named in this message, for the state to keep (the system checks it before storing).
    const named = findPlace(text);
    const kwargs: Record<string, unknown> = named ? { [PLACE_NAMED]: { label: named.label[locale], ...named.point } } : {};
    if ('reply' in plan) {
      if (plan.pending) kwargs[TASK_ASKED] = plan.pending;
      return new AIMessage({ content: plan.reply, additional_kwargs: plan.suggestions?.length ? { ...kwargs, suggestions: plan.suggestions } : kwargs });
    }
    return new AIMessage({ content: '', additional_kwargs: kwargs, tool_calls: [{ id: `call_${++callCounter}`, name: plan.tool, args: plan.args, type: 'tool_call' }] });
  }

  private render(result: ToolMessage, locale: Locale): string {
    const content = String(result.content);
    // Arguments that failed the tool's schema come back as plain text with status "error".
    if (result.status === 'error') return PHRASES.toolFailed(firstLine(content), locale);
    let parsed: any;
    try {
      parsed = JSON.parse(content);
    } catch {
      return PHRASES.toolFailed(firstLine(content), locale);
    }
    if (parsed?.error) return parsed.error.code === 'forbidden' || parsed.error.code === 'not_found' ? parsed.error.message : PHRASES.toolFailed(parsed.error.message, locale);
    if (parsed?.status === 'needs_confirmation') return renderConfirmation(parsed, locale);
    const renderer = RENDERERS[result.name ?? ''];
    return renderer ? renderer(parsed, locale) : content;
  }
}

/** The most recent tool call in the conversation and its result, for follow-ups. */
export function previousCall(messages: BaseMessage[]): PreviousCall | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (AIMessage.isInstance(m) && m.tool_calls?.length) {
      const call = m.tool_calls[0];
      const result = messages.slice(i + 1).find((r) => ToolMessage.isInstance(r) && r.tool_call_id === call.id);
      let parsed: Record<string, any> | undefined;
      try {
        parsed = result ? JSON.parse(String(result.content)) : undefined;
      } catch {
        parsed = undefined;
      }
      return { name: call.name, args: call.args, result: parsed };
    }
  }
  return undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0].slice(0, 300);
}

/** Builds what the planner reads messages with (the phrase reader's and the spelling fixer's vocabularies, the intent
 *  model) before the first message needs them: ~1 s on the event loop at start-up instead of in a shopper's first turn. */
export function warmUpPlanner(products: ProductIndex): number {
  const started = performance.now();
  phraseReaderFor(products);
  spellingFixerFor(products);
  classifyIntent('你好', 'shopper');
  // One message of each kind, so the date parsers, the segmenter and the spelling lists have run once too.
  for (const [text, role, locale] of [['附近哪里有卖洗衣液', 'shopper', 'zh'], ['is 8 yuan fair for cola 330ml yesterday?', 'shopper', 'en'], ['上周销售怎么样', 'merchant', 'zh']] as const) {
    understand(text, { role, locale, today: '2026-11-30' }, products);
  }
  return performance.now() - started;
}

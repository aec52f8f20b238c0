// The model is untrusted input. Every message it produces passes here before the agent (or the
// store) sees it: fresh ids (a provider that repeats completion or tool-call ids would otherwise
// make LangGraph replace earlier messages of the turn), well-formed text (no lone surrogates),
// a bounded reply, at most a few tool calls, and a clear message instead of an empty reply when its
// tool-call JSON was broken. Tool argument errors go back to the model short and fixable.
import { randomUUID } from 'node:crypto';
import { AIMessage } from '@langchain/core/messages';
import { createMiddleware, toolErrorMiddleware } from 'langchain';
import type { CallerContext, Locale } from '../tools/context.ts';
import { saysNo, saysYes } from '../tools/shared/user-words.ts';
import { namedPlace, openTask, PLACE_NAMED, TASK_ASKED } from './dialogue-state.ts';

export const MAX_REPLY_CHARS = 4000;
const MAX_TOOL_CALLS = 4;
/** Marks a reply the guard wrote itself, so the assistant reports it as an error. */
export const GUARD_PROBLEM = 'guard_problem';

const PROBLEM_TEXT: Record<string, Record<Locale, string>> = {
  bad_tool_call: { zh: '抱歉，模型给出的指令格式有误，这次没能完成。请换个说法再试一次。', en: 'Sorry, the model sent a malformed instruction, so this could not be done. Please try rephrasing.' },
  empty: { zh: '抱歉，模型没有给出回答，请再试一次。', en: 'Sorry, the model gave no answer. Please try again.' },
};
const TRUNCATED: Record<Locale, string> = { zh: '\n…（回复过长，已截断）', en: '\n… (reply too long, cut short)' };

/** Lone UTF-16 surrogates become U+FFFD, so text can be stored, sent and shown. */
export function wellFormed(text: string): string {
  return text.toWellFormed();
}

function wellFormedDeep(value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (Array.isArray(value)) return value.map(wellFormedDeep);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [wellFormed(k), wellFormedDeep(v)]));
  return value;
}

function textOf(content: AIMessage['content']): string {
  if (typeof content === 'string') return content;
  return content.map((part) => (typeof part === 'string' ? part : part.type === 'text' ? String((part as { text?: string }).text ?? '') : '')).join('');
}

export function guardModelMessage(message: AIMessage, locale: Locale): AIMessage {
  const calls = (message.tool_calls ?? []).slice(0, MAX_TOOL_CALLS).map((c) => ({ ...c, id: `tc_${randomUUID()}`, name: wellFormed(c.name), args: wellFormedDeep(c.args) as Record<string, unknown>, type: 'tool_call' as const }));
  let text = wellFormed(textOf(message.content));
  let problem: string | undefined;
  if (!calls.length && message.invalid_tool_calls?.length) problem = 'bad_tool_call';
  else if (!calls.length && !text.trim()) problem = 'empty';
  if (problem) text = PROBLEM_TEXT[problem][locale];
  if (text.length > MAX_REPLY_CHARS) text = text.slice(0, MAX_REPLY_CHARS).toWellFormed() + TRUNCATED[locale];
  const suggestions = safeSuggestions(message.additional_kwargs?.suggestions);
  const place = namedPlace(message.additional_kwargs?.[PLACE_NAMED]); // checked again before the state keeps it
  const asked = calls.length ? undefined : openTask(message.additional_kwargs?.[TASK_ASKED]);
  return new AIMessage({ id: `msg_${randomUUID()}`, content: text, tool_calls: calls, additional_kwargs: { ...(problem ? { [GUARD_PROBLEM]: problem } : {}), ...(suggestions.length && !calls.length ? { suggestions } : {}), ...(place ? { [PLACE_NAMED]: place } : {}), ...(asked ? { [TASK_ASKED]: { tool: asked.tool, args: asked.slots } } : {}) } });
}

/** Buttons a model offers with a plain reply: a few short texts, never a yes or no (those answer proposals). */
function safeSuggestions(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 40 && !saysYes(v) && !saysNo(v)).slice(0, 4).map(wellFormed);
}

export const modelGuard = createMiddleware({
  name: 'ModelGuard',
  wrapModelCall: async (request, handler) => {
    const message = await handler(request);
    const locale = (request.runtime?.context as CallerContext | undefined)?.locale ?? 'zh';
    return guardModelMessage(message as AIMessage, locale);
  },
});

/** Arguments that fail a tool's schema: one short line per problem, no stack, no echo of huge input. */
export const shortToolErrors = toolErrorMiddleware({
  onError: (error, request) => {
    const issues = (error as { cause?: { issues?: { path: PropertyKey[]; message: string }[] }; issues?: { path: PropertyKey[]; message: string }[] });
    const list = issues.issues ?? issues.cause?.issues;
    const detail = list?.length ? list.slice(0, 5).map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ') : String((error as Error).message ?? error).split('\n')[0].slice(0, 200);
    return JSON.stringify({ error: { code: 'invalid_arguments', message: `${request.toolCall.name}: ${detail}. Fix the arguments and call again.` } });
  },
});

// The dialogue state of one chat, stored with its conversation (Conversation.state), so a restart or a long
// detour loses nothing: the active task (the tool, its filled slots, a slim copy of its last result) and the
// place the user named. Every model reads it from the system prompt; the embedded planner edits the slots of
// the active task on a follow-up or a correction, and an LLM is told the same.
//
// The state is derived from what the turn did (the last tool call and its result), never taken from the
// model's say-so: a model may only add a place it read in the user's text, checked here.
import { AIMessage, type BaseMessage, ToolMessage } from '@langchain/core/messages';

export type ActiveTask = { tool: string; slots: Record<string, unknown>; result?: Record<string, unknown> };
export type NamedPlace = { label: string; lat: number; lng: number };
/** `earlier`: the task before the active one (a rating after suggestions still sees the suggestions). */
export type DialogueState = { task?: ActiveTask; earlier?: ActiveTask; place?: NamedPlace };

/** How the planner tells the system which place the user named this turn (on one of its messages). */
export const PLACE_NAMED = 'placeNamed';

/** How the planner names the task a question of its holds open ("「牙膏」花了多少钱？" → record_purchase {product}). */
export const TASK_ASKED = 'taskAsked';

const PROMPT_PREFIX = 'Dialogue state (JSON): ';
/** The most of a last result kept in the state (the prompt stays small; follow-ups need ids, prices, statuses). */
const RESULT_BUDGET = 3000;

/** The state after a turn: its last tool call becomes the active task; a turn without one keeps the task. */
export function nextState(previous: DialogueState | undefined, produced: BaseMessage[]): DialogueState {
  const state: DialogueState = { ...(previous ?? {}) };
  for (let i = produced.length - 1; i >= 0; i--) {
    const m = produced[i];
    if (!AIMessage.isInstance(m) || !m.tool_calls?.length) continue;
    const call = m.tool_calls.at(-1)!;
    const reply = produced.slice(i + 1).find((r) => ToolMessage.isInstance(r) && r.tool_call_id === call.id);
    if (state.task && state.task.tool !== call.name) state.earlier = state.task;
    state.task = { tool: call.name, slots: plainObject(call.args), result: reply ? slimResult(String(reply.content)) : undefined };
    break;
  }
  // No tool ran, but the reply asked for what a task still needs: that task is the active one now.
  const asked = produced.some((m) => AIMessage.isInstance(m) && m.tool_calls?.length) ? undefined : askedTask(produced);
  if (asked) {
    if (state.task && state.task.tool !== asked.tool) state.earlier = state.task;
    state.task = asked;
  }
  const named = produced.findLast((m) => AIMessage.isInstance(m) && m.additional_kwargs?.[PLACE_NAMED] !== undefined);
  const place = namedPlace(named?.additional_kwargs?.[PLACE_NAMED]);
  if (place) state.place = place;
  return state;
}

function askedTask(produced: BaseMessage[]): ActiveTask | undefined {
  const m = produced.findLast((x) => AIMessage.isInstance(x) && x.additional_kwargs?.[TASK_ASKED] !== undefined);
  return openTask(m?.additional_kwargs?.[TASK_ASKED]);
}

/** A task held open by a question, as a model reported it: a tool name and plain slots, or nothing. */
export function openTask(value: unknown): ActiveTask | undefined {
  if (!isObject(value) || typeof value.tool !== 'string' || !/^[a-z_]{2,40}$/.test(value.tool) || !isObject(value.args)) return undefined;
  const slots = plainObject(value.args);
  return JSON.stringify(slots).length <= 1000 ? { tool: value.tool, slots, result: { status: 'asked' } } : undefined;
}

/** What a stored value turns back into; anything malformed is no state at all. */
export function storedState(value: unknown): DialogueState {
  if (!isObject(value)) return {};
  const task = storedTask(value.task);
  const earlier = storedTask(value.earlier);
  const place = namedPlace(value.place);
  return { ...(task ? { task } : {}), ...(earlier ? { earlier } : {}), ...(place ? { place } : {}) };
}

function storedTask(t: unknown): ActiveTask | undefined {
  return isObject(t) && typeof t.tool === 'string' && isObject(t.slots) ? { tool: t.tool, slots: t.slots, result: isObject(t.result) ? t.result : undefined } : undefined;
}

/** The line of the system prompt that carries the state (one line of JSON, read back by readStateLine). */
export function stateLine(state: DialogueState | undefined): string {
  return PROMPT_PREFIX + JSON.stringify(state ?? {});
}

/** The state from a system prompt; undefined when the prompt carries none (a planner used on its own). */
export function readStateLine(prompt: string): DialogueState | undefined {
  const line = prompt.split('\n').find((l) => l.startsWith(PROMPT_PREFIX));
  if (!line) return undefined;
  try {
    return storedState(JSON.parse(line.slice(PROMPT_PREFIX.length)));
  } catch {
    return {};
  }
}

/** A tool result cut down to what a follow-up needs: short strings, the first items of lists, no deep nesting. */
export function slimResult(content: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return { error: { code: 'invalid_arguments' } };
  }
  if (!isObject(parsed)) return {};
  // Shorter strings before fewer items: a follow-up ("the second one") needs the ids of everything shown.
  for (const [items, depth, chars] of [[8, 5, 80], [8, 5, 24], [6, 4, 16], [5, 4, 12], [3, 3, 12], [1, 2, 12]] as const) {
    const slim = cut(parsed, items, depth, chars) as Record<string, unknown>;
    if (JSON.stringify(slim).length <= RESULT_BUDGET) return slim;
  }
  return { ...(typeof parsed.status === 'string' ? { status: parsed.status } : {}), ...(isObject(parsed.error) ? { error: { code: parsed.error.code } } : {}) };
}

function cut(value: unknown, items: number, depth: number, chars: number): unknown {
  if (typeof value === 'string') return value.length > chars ? `${value.slice(0, chars)}…` : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth === 0) return undefined;
  if (Array.isArray(value)) return value.slice(0, items).map((v) => cut(v, items, depth - 1, chars));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // Pictures and long series belong to the answer, not to the state.
    if (/png|svg|chart|image|series|weekly|daily/i.test(k)) continue;
    const c = cut(v, items, depth - 1, chars);
    if (c !== undefined) out[k] = c;
  }
  return out;
}

export function namedPlace(value: unknown): NamedPlace | undefined {
  if (!isObject(value)) return undefined;
  const { label, lat, lng } = value;
  if (typeof label !== 'string' || !label.trim() || label.length > 40) return undefined;
  if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
  return { label, lat, lng };
}

function plainObject(value: unknown): Record<string, unknown> {
  return isObject(value) ? JSON.parse(JSON.stringify(value)) : {};
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// The one agent every adapter talks to: (who, text | location | photo | a decision) in, reply out.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, type BaseMessage, HumanMessage, SystemMessage, ToolMessage } from '@langchain/core/messages';
import { createAgent } from 'langchain';
import type { Store } from '../prisma/store.ts';
import { PHRASES } from '../prompts/replies/phrases.ts';
import { suggestionsFor } from '../prompts/replies/tool-results.ts';
import { systemPrompt } from '../prompts/system.ts';
import type { VectorIndex } from '../tools/catalogue/vector-index.ts';
import { createToolDeps } from '../tools/deps.ts';
import { ToolError, type Caller, type CallerContext, type Consent, type LatLng, type Locale, type ToolDeps } from '../tools/context.ts';
import { TOOLS } from '../tools/index.ts';
import { localDate } from '../tools/merchant-stats/period.ts';
import { loadCaller, rememberLocation } from './caller.ts';
import { modelConfig, turnTimeoutMs, type ModelConfig } from './config.ts';
import { attachmentsFor, type Attachments } from './attachments.ts';
import { PHOTO_SENT, photoProblem } from './photo.ts';
import { appendMessages, loadHistory, openConversation } from './memory.ts';
import { storedState } from './dialogue-state.ts';
import { GUARD_PROBLEM, modelGuard, shortToolErrors, wellFormed } from './model-guard.ts';
import { createChatModel } from './models.ts';
import { ProposalFlow, TurnProposals } from './proposal-flow.ts';
import { toLangChainTool } from './tool-adapter.ts';
import { detectLocale } from './local-planner/understand.ts';
import { FAILURE } from './failures.ts';

export const MAX_TEXT_LENGTH = 2000;

/** Tool round-trips per message before the agent gives up (guards against looping models). */
const RECURSION_LIMIT = 12;

/** A button press on a system-shown proposal (Yes / No), bound to that proposal's id. */
export type Decision = { proposalId: number; accept: boolean };
/** What a running turn is doing, for an adapter's "looking it up…" line: the model thinking, or a tool running. */
export type TurnProgress = { step: 'model'; locale: Locale } | { step: 'tool'; tool: string; locale: Locale };
export type Turn = {
  chatKey: string; caller: Caller; text?: string; location?: LatLng; photo?: Uint8Array; locale?: Locale; decision?: Decision;
  /** Called as the turn moves on (best-effort, may lag a little; never changes the answer). */
  onProgress?: (progress: TurnProgress) => void;
};
/** A write waiting for the user's yes, rendered by the system (never by the model): adapters show `text` with Yes / No buttons. */
export type ProposalShown = { id: number; text: string; yes: string; no: string };
export type ToolCallRecord = { name: string; args: Record<string, unknown>; result?: unknown };
export type AssistantReply = { reply: string; locale: Locale; toolCalls: ToolCallRecord[]; suggestions: string[]; attachments: Attachments; proposal?: ProposalShown; error?: string };

export const NO_ATTACHMENTS: Attachments = { needsLocation: false, shops: [], charts: [] };

export const LOCATION_SHARED: Record<Locale, string> = { zh: '我的位置已共享', en: 'I shared my location' };

export type AssistantOptions = { db: Store; vectors?: VectorIndex; model?: BaseChatModel; modelConfig?: ModelConfig; clock?: () => Date; log?: (line: string) => void; turnTimeoutMs?: number };

export const callerKey = (c: Caller) => (c.role === 'shopper' ? `shopper:${c.customerId}` : `merchant:${c.merchantId}`);

export class Assistant {
  private readonly proposals: ProposalFlow;

  private constructor(
    /** The store and catalogue the tools run on (adapters reuse them, e.g. for Slack's App Home). */
    readonly toolDeps: ToolDeps,
    private readonly db: Store,
    private readonly agent: ReturnType<typeof createAgent>,
    private readonly clock: () => Date,
    private readonly log: (line: string) => void,
    private readonly turnTimeoutMs: number,
  ) {
    this.proposals = new ProposalFlow(db, toolDeps, log);
  }

  static async create(options: AssistantOptions): Promise<Assistant> {
    const log = options.log ?? ((line: string) => console.error(line));
    const config = options.modelConfig ?? modelConfig();
    const timeout = options.turnTimeoutMs ?? turnTimeoutMs();
    const toolDeps = await createToolDeps(options.db, options.vectors, log);
    const model = options.model ?? createChatModel(config, toolDeps.products, timeout);
    const tools = TOOLS.map((spec) => toLangChainTool(spec, toolDeps, log));
    const agent = createAgent({ model, tools, middleware: [modelGuard, shortToolErrors] });
    return new Assistant(toolDeps, options.db, agent, options.clock ?? (() => new Date()), log, timeout);
  }

  async handle(turn: Turn): Promise<AssistantReply> {
    const text = wellFormed((turn.text ?? '').trim());
    let locale: Locale = turn.locale ?? detectLocale(text) ?? 'zh';
    let proposed: TurnProposals | undefined;
    try {
      const profile = await loadCaller(this.db, turn.caller);
      locale = turn.locale ?? detectLocale(text) ?? profile.preferredLocale;
      const now = this.clock();
      const base = { caller: turn.caller, locale, location: profile.location, now };
      // A proposal shown last turn is answered (yes / no / a button) or lapses here, before anything else.
      const decided = await this.proposals.answer({ ...turn, text, callerKey: callerKey(turn.caller) }, base);
      if (decided) return decided;

      if (text.length > MAX_TEXT_LENGTH) {
        return fail(locale, locale === 'zh' ? `消息太长了（${text.length}字），请控制在${MAX_TEXT_LENGTH}字以内。` : `That message is too long (${text.length} characters); please keep it under ${MAX_TEXT_LENGTH}.`, 'too_long');
      }
      let location = profile.location;
      if (turn.location) {
        if (!validLatLng(turn.location)) return fail(locale, locale === 'zh' ? '这个位置无效。' : 'That location is not valid.', 'bad_location');
        location = turn.location;
        await rememberLocation(this.db, turn.caller, location, now);
      }
      if (turn.photo) {
        const problem = photoProblem(turn.photo, locale);
        if (problem) return fail(locale, problem.reply, problem.error);
      }
      // A photo turn reads "📷 …" (plus the caption, if any): the planner routes it to scan_to_buy.
      const userText = turn.photo ? `${PHOTO_SENT[locale]}${text ? ` ${text}` : ''}` : text || (turn.location ? LOCATION_SHARED[locale] : '');
      if (!userText) return { reply: PHRASES.capabilities(turn.caller.role, locale), locale, toolCalls: [], suggestions: [], attachments: NO_ATTACHMENTS };

      const conversation = await openConversation(this.db, turn.chatKey, turn.caller, locale);
      const history = await loadHistory(this.db, conversation.id);
      // "2", "👍", "¥35" say no language: the reply keeps the language the chat was in.
      if (!turn.locale && !detectLocale(text)) locale = chatLocale(history) ?? locale;
      proposed = new TurnProposals(this.db, turn.chatKey, callerKey(turn.caller), locale);
      const turnProposals = proposed;
      const consent: Consent = { chatKey: turn.chatKey, propose: (tool, args, preview) => turnProposals.add(tool, args, preview) };
      const context: CallerContext = { caller: turn.caller, locale, location, now, consent, photo: turn.photo, userText: text };
      const state = storedState(conversation.state);
      // A merchant's own shops, so a branch they name ("鲁巷店") is read as that shop (only theirs are listed).
      const shops = turn.caller.role === 'merchant' ? await this.db.shop.findMany({ where: { merchantId: turn.caller.merchantId }, select: { id: true, nameZh: true, nameEn: true }, orderBy: { id: 'asc' } }) : undefined;
      const system = new SystemMessage(systemPrompt({ role: turn.caller.role, locale, today: localDate(now), hasLocation: !!location, state, shops }));
      const human = new HumanMessage(userText);

      let produced: BaseMessage[];
      const signal = AbortSignal.timeout(this.turnTimeoutMs);
      try {
        const callbacks = turn.onProgress ? [progressCallbacks(turn.onProgress, locale)] : undefined;
        const result = await this.agent.invoke({ messages: [system, ...history, human] }, { context, recursionLimit: RECURSION_LIMIT, signal, callbacks } as never);
        // Everything after this turn's human message is new (whether or not the system message was kept).
        const all = result.messages as BaseMessage[];
        produced = all.slice(all.findLastIndex((m) => HumanMessage.isInstance(m)) + 1);
      } catch (error) {
        const timedOut = signal.aborted;
        this.log(`[agent] ${timedOut ? `turn timed out after ${this.turnTimeoutMs} ms` : ((error as Error).stack ?? error)}`);
        await proposed.dropAll(now);
        const reply = timedOut ? FAILURE.timeout(locale, this.turnTimeoutMs) : FAILURE.model(locale);
        await appendMessages(this.db, conversation.id, [human, new AIMessage(reply)], state);
        return fail(locale, reply, timedOut ? 'model_timeout' : 'model_failed');
      }
      if (proposed.failed) {
        await proposed.dropAll(now);
        return fail(locale, FAILURE.notSaved(locale), 'not_saved');
      }
      const shown = await proposed.shown(now);
      if (shown) replaceFinalText(produced, shown.text);
      await appendMessages(this.db, conversation.id, [human, ...produced], state);
      const answer = summarise(produced, locale);
      return shown ? { ...answer, reply: shown.text, suggestions: [], proposal: shown } : answer;
    } catch (error) {
      // Whatever this turn proposed was not shown: a later yes must not run it.
      await proposed?.dropAll(this.clock());
      if (error instanceof ToolError) return fail(locale, error.message, error.code);
      this.log(`[assistant] ${(error as Error).stack ?? error}`);
      // Most often the store refused a write (locked, connection lost): say so, never a normal-looking reply.
      return fail(locale, FAILURE.notSaved(locale), 'not_saved');
    }
  }
}

/** The language of the user's latest message in the chat that says one. */
function chatLocale(history: BaseMessage[]): Locale | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const m = history[i];
    const said = HumanMessage.isInstance(m) ? detectLocale(String(m.content)) : undefined;
    if (said) return said;
  }
  return undefined;
}

/** LangChain's callbacks, narrowed to the two moments a user can be told about. A failing listener never fails the turn. */
function progressCallbacks(onProgress: (progress: TurnProgress) => void, locale: Locale) {
  const tell = (progress: TurnProgress) => {
    try {
      onProgress(progress);
    } catch {
      // only a status line
    }
  };
  return {
    handleChatModelStart: () => tell({ step: 'model', locale }),
    // runName is the tool's name (StructuredTool.call passes it on).
    handleToolStart: (_tool: unknown, _input: string, _runId: string, _parent?: string, _tags?: string[], _meta?: unknown, runName?: string) =>
      tell({ step: 'tool', tool: runName ?? 'tool', locale }),
  };
}

export function fail(locale: Locale, reply: string, error: string): AssistantReply {
  return { reply, locale, toolCalls: [], suggestions: [], attachments: NO_ATTACHMENTS, error };
}

/** The user reads the system's proposal, whatever the model wrote around it. */
function replaceFinalText(produced: BaseMessage[], text: string): void {
  const i = produced.findLastIndex((m) => AIMessage.isInstance(m) && !m.tool_calls?.length);
  const final = new AIMessage(text);
  if (i >= 0) produced[i] = final;
  else produced.push(final);
}

export function summarise(produced: BaseMessage[], locale: Locale): AssistantReply {
  const toolCalls: ToolCallRecord[] = [];
  const byId = new Map<string, ToolCallRecord>();
  for (const m of produced) {
    if (AIMessage.isInstance(m)) {
      for (const c of m.tool_calls ?? []) {
        const record = { name: c.name, args: c.args };
        toolCalls.push(record);
        if (c.id) byId.set(c.id, record);
      }
    }
    if (ToolMessage.isInstance(m)) {
      const call = byId.get(m.tool_call_id) ?? toolCalls.findLast((c) => c.name === m.name && c.result === undefined);
      if (call) call.result = parseJson(String(m.content));
    }
  }
  const final = [...produced].reverse().find((m) => AIMessage.isInstance(m) && !m.tool_calls?.length) as AIMessage | undefined;
  const reply = final ? String(final.content) : FAILURE.model(locale);
  const problem = final?.additional_kwargs?.[GUARD_PROBLEM] as string | undefined;
  const last = toolCalls.at(-1);
  const offered = (final?.additional_kwargs?.suggestions as string[] | undefined) ?? [];
  const suggestions = last && last.result && typeof last.result === 'object' ? suggestionsFor(last.name, last.result as Record<string, unknown>, locale) : offered;
  return { reply, locale, toolCalls, suggestions, attachments: attachmentsFor(toolCalls, locale), ...(problem ? { error: `model_${problem}` } : {}) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { error: { code: 'invalid_arguments', message: text.split('\n')[0] } };
  }
}

function validLatLng(p: LatLng): boolean {
  return Number.isFinite(p.lat) && Number.isFinite(p.lng) && Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180;
}

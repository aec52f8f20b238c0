// The user's answer to a proposal the system showed: yes runs it (once), no cancels it, anything
// else lets it lapse. Runs before the model sees the turn, so a model can neither confirm for the
// user nor turn an unrelated "yes" into a write.
import { AIMessage, HumanMessage, ToolMessage } from '@langchain/core/messages';
import type { Store } from '../prisma/store.ts';
import { renderConfirmation, RENDERERS, suggestionsFor } from '../prompts/replies/tool-results.ts';
import { t, ToolError, type CallerContext, type Locale, type ToolDeps } from '../tools/context.ts';
import { TOOLS } from '../tools/index.ts';
import { meansNotNow, saysNo, saysYes } from '../tools/shared/user-words.ts';
import { asMandarin } from './local-planner/read-message.ts';
import type { AssistantReply, ProposalShown, Turn } from './assistant.ts';
import { attachmentsFor } from './attachments.ts';
import { FAILURE } from './failures.ts';
import { appendMessages, openConversation } from './memory.ts';
import { storedState } from './dialogue-state.ts';
import { claimProposal, createProposal, finishProposal, pendingProposal, proposalStatus, settle, type PendingProposal } from './proposals.ts';
import { runApproved } from './tool-adapter.ts';

type Base = Pick<CallerContext, 'caller' | 'locale' | 'location' | 'now'>;
type AnsweredTurn = Turn & { text: string; callerKey: string };

export function showProposal(id: number, preview: string, locale: Locale): ProposalShown {
  return { id, text: renderConfirmation({ preview }, locale), yes: t(locale, '确认', 'Yes'), no: t(locale, '取消', 'No') };
}

/** Proposals made during one turn: the last one is shown, earlier ones are superseded. */
export class TurnProposals {
  private ids: number[] = [];
  failed = false;

  constructor(private readonly db: Store, private readonly chatKey: string, private readonly caller: string, private readonly locale: Locale) {}

  async add(tool: string, args: unknown, preview: string): Promise<number> {
    try {
      const id = await createProposal(this.db, this.chatKey, this.caller, { tool, args, preview, locale: this.locale });
      this.ids.push(id);
      return id;
    } catch (error) {
      this.failed = true;
      throw error;
    }
  }

  async shown(now: Date): Promise<ProposalShown | undefined> {
    const last = this.ids.at(-1);
    if (last === undefined) return undefined;
    await settle(this.db, this.ids.slice(0, -1), 'superseded', now);
    const row = await this.db.proposal.findUniqueOrThrow({ where: { id: last } });
    return showProposal(row.id, row.preview, this.locale);
  }

  /** The turn failed: nothing it proposed may be confirmed later. */
  async dropAll(now: Date): Promise<void> {
    await settle(this.db, this.ids, 'expired', now).catch(() => {});
  }
}

export class ProposalFlow {
  constructor(private readonly db: Store, private readonly deps: ToolDeps, private readonly log: (line: string) => void) {}

  /** A reply when this turn answered a proposal; undefined when the turn goes on to the model. */
  async answer(turn: AnsweredTurn, base: Base): Promise<AssistantReply | undefined> {
    let pending = await pendingProposal(this.db, turn.chatKey, turn.callerKey, base.now);
    const l = base.locale;
    // Only the proposal the previous assistant message showed counts (a turn that failed after proposing showed none).
    if (pending && !(await this.lastReplyShows(turn.chatKey, pending))) {
      await settle(this.db, [pending.id], 'expired', base.now);
      pending = undefined;
    }
    if (turn.decision) {
      if (!pending || pending.id !== turn.decision.proposalId) {
        const status = await proposalStatus(this.db, turn.decision.proposalId, turn.chatKey, turn.callerKey);
        // A press on a button that is no longer live is answered, not added to the conversation.
        return this.reply(turn, base, status === 'done' ? t(l, '这一项已经确认过了，不会重复执行。', 'That was already done; it will not run twice.') : t(l, '这个确认已经失效了，什么都没有改动。需要的话请重新告诉我。', 'That confirmation has expired; nothing was changed. Tell me again if you still want it.'), 'proposal_expired', false);
      }
      return turn.decision.accept ? this.run(pending, turn, base) : this.cancel(pending, turn, base);
    }
    if (!pending) return undefined;
    const plain = !turn.photo && !turn.location;
    // The answer read as the understanding reads it: 記上吧 (traditional), 唔使喇 (Cantonese), はい、お願いします (Japanese).
    const said = asMandarin(turn.text ?? '');
    if (plain && saysYes(said)) return this.run(pending, turn, base);
    if (plain && saysNo(said)) return this.cancel(pending, turn, base);
    await settle(this.db, [pending.id], 'expired', base.now); // valid for the next user turn only
    return undefined;
  }

  private async lastReplyShows(chatKey: string, p: PendingProposal): Promise<boolean> {
    const last = await this.db.message.findFirst({ where: { conversation: { key: chatKey } }, orderBy: { id: 'desc' }, select: { role: true, content: true } });
    return last?.role === 'ai' && last.content.includes(showProposal(p.id, p.preview, p.locale).text);
  }

  private async run(p: PendingProposal, turn: AnsweredTurn, base: Base): Promise<AssistantReply> {
    const l = base.locale;
    if (!(await claimProposal(this.db, p.id, base.now))) return this.reply(turn, base, t(l, '这一项已经在处理或处理过了。', 'That is already being done or was done.'), 'proposal_expired');
    const spec = TOOLS.find((s) => s.name === p.tool);
    const refuse = async (): Promise<number> => {
      throw new ToolError('forbidden', t(l, '确认时不能再提出新的修改。', 'No new change can be proposed while confirming one.'));
    };
    const ctx: CallerContext = { ...base, userText: turn.text, proposalId: p.id, consent: { chatKey: turn.chatKey, propose: refuse } };
    const json = spec ? await runApproved(spec, this.deps, ctx, p.args, this.log) : JSON.stringify({ error: { code: 'not_found', message: p.tool } });
    const result = JSON.parse(json);
    const failed = Boolean(result?.error);
    await finishProposal(this.db, p.id, failed ? 'failed' : 'done', result).catch((e) => this.log(`[proposal ${p.id}] ${e}`));
    let reply = failed ? String(result.error.message) : (RENDERERS[p.tool]?.(result, l) ?? json);
    let shown: ProposalShown | undefined;
    if (result?.error?.code === 'internal') {
      // The store refused the write: nothing changed; offer the same change again.
      reply = FAILURE.notSaved(l);
      const again = await createProposal(this.db, turn.chatKey, turn.callerKey, { tool: p.tool, args: p.args, preview: p.preview, locale: l }).catch(() => undefined);
      if (again) shown = showProposal(again, p.preview, l);
      if (shown) reply = `${reply}\n\n${shown.text}`;
    }
    const call = { id: `proposal_${p.id}`, name: p.tool, args: p.args, type: 'tool_call' as const };
    await this.store(turn, base, [new HumanMessage(turn.text || t(l, '确认', 'Yes')), new AIMessage({ content: '', tool_calls: [call] }), new ToolMessage({ content: json, tool_call_id: call.id, name: p.tool }), new AIMessage(reply)]);
    const toolCalls = [{ name: p.tool, args: p.args, result }];
    return { reply, locale: l, toolCalls, suggestions: failed ? [] : suggestionsFor(p.tool, result, l), attachments: attachmentsFor(toolCalls, l), ...(shown ? { proposal: shown } : {}), ...(failed ? { error: String(result.error.code) } : {}) };
  }

  private async cancel(p: PendingProposal, turn: AnsweredTurn, base: Base): Promise<AssistantReply> {
    await settle(this.db, [p.id], 'cancelled', base.now);
    // "等下 我先对一下小票": nothing written now, and a later yes shows it again (the planner re-proposes).
    if (turn.text && meansNotNow(asMandarin(turn.text))) return this.reply(turn, base, t(base.locale, '好的，先不记，什么都没改。核对好了说一声“记吧”，我再给你确认一次。', 'OK, not now; nothing was changed. When you are ready, say "log it" and I will show it again.'));
    return this.reply(turn, base, t(base.locale, '好的，已取消，什么都没改。', 'OK, cancelled; nothing was changed.'));
  }

  private async reply(turn: AnsweredTurn, base: Base, reply: string, error?: string, keep = true): Promise<AssistantReply> {
    if (!keep) return { reply, locale: base.locale, toolCalls: [], suggestions: [], attachments: { needsLocation: false, shops: [], charts: [] }, ...(error ? { error } : {}) };
    const said = turn.text || (turn.decision ? t(base.locale, turn.decision.accept ? '确认' : '取消', turn.decision.accept ? 'Yes' : 'No') : '');
    await this.store(turn, base, [new HumanMessage(said), new AIMessage(reply)]);
    return { reply, locale: base.locale, toolCalls: [], suggestions: [], attachments: { needsLocation: false, shops: [], charts: [] }, ...(error ? { error } : {}) };
  }

  /** The exchange goes into the conversation like any other turn, so follow-ups see it. */
  private async store(turn: AnsweredTurn, base: Base, messages: (HumanMessage | AIMessage | ToolMessage)[]): Promise<void> {
    try {
      const conversation = await openConversation(this.db, turn.chatKey, base.caller, base.locale);
      await appendMessages(this.db, conversation.id, messages, storedState(conversation.state));
    } catch (error) {
      this.log(`[proposal] conversation not stored: ${(error as Error).message}`);
    }
  }
}

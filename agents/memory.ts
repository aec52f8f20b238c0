// Conversation memory in the store: one Conversation per chat, messages appended as they happen,
// so follow-ups work and a restart loses nothing.
import { AIMessage, type BaseMessage, HumanMessage, ToolMessage } from '@langchain/core/messages';
import type { Store } from '../prisma/store.ts';
import type { Caller, Locale } from '../tools/context.ts';
import { nextState, storedState, type DialogueState } from './dialogue-state.ts';

/** How many stored messages are replayed to the model. */
export const HISTORY_LIMIT = 24;

export async function openConversation(db: Store, key: string, caller: Caller, locale: Locale) {
  // Most turns continue a conversation in the same language: a read, no write.
  const found = await db.conversation.findUnique({ where: { key } });
  if (found?.locale === locale) return found;
  return db.conversation.upsert({
    where: { key },
    create: { key, locale, customerId: caller.role === 'shopper' ? caller.customerId : null, merchantId: caller.role === 'merchant' ? caller.merchantId : null },
    update: { locale },
  });
}

export async function loadHistory(db: Store, conversationId: number, limit = HISTORY_LIMIT): Promise<BaseMessage[]> {
  return replay((await db.message.findMany({ where: { conversationId }, orderBy: { id: 'desc' }, take: limit })).reverse());
}

type StoredMessage = { role: string; content: string; toolCalls: unknown; toolCallId: string | null; toolName: string | null };
function replay(rows: StoredMessage[]): BaseMessage[] {
  // Never start the replay in the middle of a tool exchange.
  while (rows.length && rows[0].role !== 'human') rows.shift();
  return rows.map((r) => {
    if (r.role === 'human') return new HumanMessage(r.content);
    if (r.role === 'tool') return new ToolMessage({ content: r.content, tool_call_id: r.toolCallId ?? '', name: r.toolName ?? undefined });
    const calls = (r.toolCalls ?? []) as { id: string; name: string; args: Record<string, unknown> }[];
    return new AIMessage({ content: r.content, tool_calls: calls.map((c) => ({ ...c, type: 'tool_call' as const })) });
  });
}

/** `before`: the dialogue state the turn started from (read from the store when not given). */
export async function appendMessages(db: Store, conversationId: number, messages: BaseMessage[], before?: DialogueState): Promise<void> {
  const data = messages.map((m) => {
    const content = typeof m.content === 'string' ? m.content : JSON.stringify(m.content);
    if (ToolMessage.isInstance(m)) return { conversationId, role: 'tool', content, toolCallId: m.tool_call_id, toolName: m.name ?? null };
    if (AIMessage.isInstance(m)) {
      const calls = m.tool_calls?.map((c) => ({ id: c.id ?? '', name: c.name, args: c.args }));
      return { conversationId, role: 'ai', content, toolCalls: calls?.length ? calls : undefined };
    }
    return { conversationId, role: 'human', content };
  });
  // The dialogue state follows what the turn did (its last tool call and result), stored beside the messages.
  const from = before ?? storedState((await db.conversation.findUnique({ where: { id: conversationId }, select: { state: true } }))?.state);
  const state = nextState(from, messages);
  // Messages and state together or not at all; one multi-row INSERT gives the rows ids in this order (replay orders by id).
  await db.$transaction([
    db.message.createMany({ data }),
    db.conversation.update({ where: { id: conversationId }, data: { updatedAt: new Date(), state: state as never } }), // plain JSON (DialogueState)
  ]);
}

export async function clearConversation(db: Store, key: string): Promise<void> {
  const conversation = await db.conversation.findUnique({ where: { key } });
  if (!conversation) return;
  await db.message.deleteMany({ where: { conversationId: conversation.id } });
  await db.conversation.update({ where: { id: conversation.id }, data: { state: {} } });
}

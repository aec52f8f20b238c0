// Writes waiting for the user's yes, kept in the store (a restart keeps them; several processes
// share them). The rules, enforced here and in the assistant, never by the model:
// - a write tool called by the model only creates a proposal; the system renders its preview;
// - a proposal answers the next user turn only (and lapses after PROPOSAL_TTL_MS);
// - a yes runs it at most once: the claim is an atomic pending → running update.
import type { Store } from '../prisma/store.ts';
import type { Locale } from '../tools/context.ts';

export const PROPOSAL_TTL_MS = 30 * 60 * 1000;

export type PendingProposal = { id: number; tool: string; args: Record<string, unknown>; preview: string; locale: Locale; createdAt: Date };

export async function createProposal(db: Store, chatKey: string, caller: string, p: { tool: string; args: unknown; preview: string; locale: Locale }): Promise<number> {
  const row = await db.proposal.create({ data: { chatKey, caller, tool: p.tool, args: p.args as object, preview: p.preview, locale: p.locale } });
  return row.id;
}

/** The chat's proposal still waiting for an answer, if any (the newest; older ones are superseded). */
export async function pendingProposal(db: Store, chatKey: string, caller: string, now: Date): Promise<PendingProposal | undefined> {
  const rows = await db.proposal.findMany({ where: { chatKey, caller, status: 'pending' }, orderBy: { id: 'desc' } });
  if (!rows.length) return undefined;
  const [newest, ...older] = rows;
  if (older.length) await settle(db, older.map((r) => r.id), 'superseded', now);
  if (now.getTime() - newest.createdAt.getTime() > PROPOSAL_TTL_MS) {
    await settle(db, [newest.id], 'expired', now);
    return undefined;
  }
  return { id: newest.id, tool: newest.tool, args: newest.args as Record<string, unknown>, preview: newest.preview, locale: newest.locale === 'en' ? 'en' : 'zh', createdAt: newest.createdAt };
}

/** Takes the proposal for running; false when another turn (or process) already took or ended it. */
export async function claimProposal(db: Store, id: number, now: Date): Promise<boolean> {
  const { count } = await db.proposal.updateMany({ where: { id, status: 'pending' }, data: { status: 'running', decidedAt: now } });
  return count === 1;
}

export async function finishProposal(db: Store, id: number, status: 'done' | 'failed', result: unknown): Promise<void> {
  await db.proposal.update({ where: { id }, data: { status, result: result as object } });
}

/** Ends pending proposals without running them (cancelled by the user, lapsed, or replaced). */
export async function settle(db: Store, ids: number[], status: 'cancelled' | 'expired' | 'superseded', now: Date): Promise<void> {
  if (ids.length) await db.proposal.updateMany({ where: { id: { in: ids }, status: 'pending' }, data: { status, decidedAt: now } });
}

/** How a button press on an old proposal ended, to tell the user. */
export async function proposalStatus(db: Store, id: number, chatKey: string, caller: string): Promise<string | undefined> {
  const row = await db.proposal.findUnique({ where: { id }, select: { status: true, chatKey: true, caller: true } });
  return row && row.chatKey === chatKey && row.caller === caller ? row.status : undefined;
}

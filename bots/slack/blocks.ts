// Replies in Slack's idiom: Block Kit cards for merchant answers (KPI fields, restock rows, complaint
// themes; card-blocks.ts), the text otherwise, drill-down buttons, and Yes / No on a proposal.
import type { KnownBlock } from '@slack/types';
import type { AssistantReply, ProposalShown } from '../../agents/assistant.ts';
import { cardBlocks, mrkdwnEscape } from './card-blocks.ts';

export { mrkdwnEscape };

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: mrkdwnEscape(text).slice(0, 2900) } });

export function replyBlocks(answer: AssistantReply): KnownBlock[] {
  const cards = answer.attachments.cards ?? [];
  // With cards the blocks show them instead of the prose; the message's `text` (notifications, screen readers) keeps the reply.
  const blocks: KnownBlock[] = cards.length ? cards.flatMap((card, n) => cardBlocks(card, n)) : [section(answer.reply)];
  if (answer.proposal) blocks.push(...proposalBlocks(answer.proposal));
  if (answer.suggestions.length) {
    blocks.push({
      type: 'actions',
      elements: answer.suggestions.slice(0, 5).map((s, i) => ({ type: 'button', action_id: `followup_${i}`, text: { type: 'plain_text', text: s.slice(0, 75) }, value: s.slice(0, 2000) })),
    });
  }
  return blocks;
}

/** A write waiting for the user's yes: the system's own text (not the model's) and two buttons carrying its id. */
export function proposalBlocks(proposal: ProposalShown): KnownBlock[] {
  const button = (action_id: string, label: string, style: 'primary' | 'danger') =>
    ({ type: 'button' as const, action_id, style, text: { type: 'plain_text' as const, text: label.slice(0, 75) }, value: String(proposal.id) });
  return [
    section(proposal.text),
    { type: 'actions', block_id: `proposal_${proposal.id}`, elements: [button('proposal_yes', proposal.yes, 'primary'), button('proposal_no', proposal.no, 'danger')] },
  ];
}

// Replies in Slack's idiom: Block Kit with KPI fields, drill-down buttons, and Yes / No on a proposal.
import type { KnownBlock } from '@slack/types';
import type { AssistantReply, ProposalShown } from '../../agents/assistant.ts';

export function mrkdwnEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: mrkdwnEscape(text).slice(0, 2900) } });
const field = (label: string, value: string) => ({ type: 'mrkdwn' as const, text: `*${mrkdwnEscape(label)}*\n${mrkdwnEscape(value)}` });
const pct = (v: number | null) => (v === null ? '–' : `${v > 0 ? '+' : ''}${v}%`);

export function replyBlocks(answer: AssistantReply): KnownBlock[] {
  const zh = answer.locale === 'zh';
  const stats = answer.toolCalls.find((c) => c.name === 'merchant_stats' && c.result && !(c.result as any).error)?.result as any;
  const blocks: KnownBlock[] = [];
  if (stats && stats.current.orders > 0) {
    const shops = stats.shops.map((s: any) => s.name).join(', ');
    blocks.push({ type: 'header', text: { type: 'plain_text', text: `${zh ? '销售' : 'Sales'} ${stats.period.from} – ${stats.period.to}`.slice(0, 150) } });
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwnEscape(shops).slice(0, 2000) }] });
    blocks.push({ type: 'section', fields: [
      field(zh ? '销售额' : 'Revenue', `¥${stats.current.revenue} (${pct(stats.change.revenuePct)})`),
      field(zh ? '订单' : 'Orders', `${stats.current.orders} (${pct(stats.change.ordersPct)})`),
      field(zh ? '客单价' : 'Average basket', `¥${stats.current.averageBasket} (${pct(stats.change.averageBasketPct)})`),
      field(zh ? '顾客 / 退款' : 'Customers / refunds', `${stats.current.customers} / ${stats.current.refunds}`),
    ] });
    if (stats.topProducts.length) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${zh ? '畅销商品' : 'Top products'}*` } });
      blocks.push({ type: 'section', fields: stats.topProducts.slice(0, 10).map((p: any, i: number) => field(`${i + 1}. ${p.name}`, `¥${p.revenue} · ${p.units} ${zh ? '件' : 'units'} · ${p.sharePct}%`)) });
    }
  } else {
    blocks.push(section(answer.reply));
  }
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

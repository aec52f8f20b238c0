// Merchant cards (prompts/replies/merchant-cards.ts) in Block Kit: a header, the one-line summary as
// context, figures as section fields, one section per restock row or complaint theme, and a
// "how was this computed?" button whose press posts the method in the answer's thread (app.ts).
import type { KnownBlock } from '@slack/types';
import type { Card, CardField, KpiCard, TableCard, ThemesCard } from '../../prompts/replies/merchant-cards.ts';

export function mrkdwnEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack's limits: header 150 characters, section text 3,000, a field or context element 2,000, a button value 2,000. */
const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const header = (text: string): KnownBlock => ({ type: 'header', text: { type: 'plain_text', text: cut(text, 150) } });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text: cut(mrkdwnEscape(text), 2000) }] });
const section = (mrkdwn: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: cut(mrkdwn, 3000) } });
const field = (label: string, value: string) => ({ type: 'mrkdwn' as const, text: cut(`*${mrkdwnEscape(label)}*\n${mrkdwnEscape(value)}`, 2000) });
const fieldOf = (f: CardField) => field(f.label, f.change ? `${f.value} (${f.change})` : f.value);

/** The action id of the n-th card's details button: unique within one message, as Slack requires. */
export const DETAILS_ACTION = /^card_details_\d+$/;

/** The button that opens a card's "how was this computed?", carrying the text itself (the card is not kept). */
export function detailsButton(card: Card, n: number): KnownBlock {
  return {
    type: 'actions',
    elements: [{ type: 'button', action_id: `card_details_${n}`, text: { type: 'plain_text', text: cut(card.details.label, 75) }, value: cut(detailsText(card), 2000) }],
  };
}

/** What the details button posts: its label in bold, then one bullet a line. */
export function detailsText(card: Card): string {
  return [`*${mrkdwnEscape(card.details.label)}*`, ...card.details.lines.map((line) => `• ${mrkdwnEscape(line)}`)].join('\n');
}

const ROWS = 15;
const URGENCY = { now: ':red_circle:', soon: ':large_yellow_circle:', ok: ':large_green_circle:' } as const;

function tableBlocks(card: TableCard): KnownBlock[] {
  // Slack has no tables: a row is a section, the item and what to do in words first, the figures as fields.
  const rows: KnownBlock[] = card.rows.slice(0, ROWS).map((row) => {
    const [item, ...figures] = row.cells;
    const action = figures.at(-1)!;
    const note = row.note ? `\n${mrkdwnEscape(row.note)}` : '';
    return {
      type: 'section',
      text: { type: 'mrkdwn', text: cut(`${URGENCY[row.urgency]} *${mrkdwnEscape(item)}* — ${mrkdwnEscape(action)}${note}`, 3000) },
      fields: figures.slice(0, -1).map((value, i) => field(card.columns[i + 1].label, value)),
    } as KnownBlock;
  });
  // A message holds 50 blocks: past ROWS rows, say how many more there are (the text reply lists them all).
  if (card.rows.length > ROWS) rows.push(context(`… +${card.rows.length - ROWS}`));
  return rows;
}

function themeBlocks(card: ThemesCard): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: 'section', fields: card.fields.slice(0, 10).map(fieldOf) }];
  for (const th of card.themes) {
    const extra = [th.trend, th.peers && `${card.labels.peers} ${th.peers}`].filter(Boolean).join(' · ');
    const lines = [
      `*${mrkdwnEscape(th.theme)}* — ${th.share} ${mrkdwnEscape(card.labels.share)}${extra ? ` · ${mrkdwnEscape(extra)}` : ''}`,
      ...th.quotes.map((q) => `> ${mrkdwnEscape(q)}`),
      `*${mrkdwnEscape(card.labels.suggestion)}*: ${mrkdwnEscape(th.suggestion)}`,
    ];
    blocks.push(section(lines.join('\n')));
  }
  return blocks;
}

function kpiBlocks(card: KpiCard): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: 'section', fields: card.fields.map(fieldOf) }];
  if (card.list.length) {
    blocks.push(section(`*${mrkdwnEscape(card.listTitle)}*`));
    blocks.push({ type: 'section', fields: card.list.slice(0, 10).map((p, i) => field(`${i + 1}. ${p.name}`, p.detail)) });
  }
  return blocks;
}

/** One card; `n` numbers its details button within the message. */
export function cardBlocks(card: Card, n: number): KnownBlock[] {
  const body = card.kind === 'table' ? tableBlocks(card) : card.kind === 'themes' ? themeBlocks(card) : kpiBlocks(card);
  return [header(card.title), context(card.summary), ...body, detailsButton(card, n)];
}

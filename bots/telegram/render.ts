// Replies in Telegram's idiom: escaped HTML with a bold first line, split under the 4096 limit,
// inline buttons for follow-ups, navigation and "why this?".
import { Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { AssistantReply } from '../../agents/assistant.ts';

export const TELEGRAM_LIMIT = 4096;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain text → HTML chunks that each fit one message, cut at line breaks where possible. */
export function toHtmlChunks(text: string, limit = TELEGRAM_LIMIT - 96): string[] {
  const [first, ...rest] = text.split('\n');
  const html = [`<b>${escapeHtml(first)}</b>`, ...rest.map(escapeHtml)];
  const chunks: string[] = [];
  let current = '';
  for (const line of html) {
    for (let piece = line; piece.length; ) {
      const room = limit - (current ? current.length + 1 : 0);
      if (piece.length <= room) {
        current = current ? `${current}\n${piece}` : piece;
        piece = '';
      } else if (current) {
        chunks.push(current);
        current = '';
      } else {
        chunks.push(piece.slice(0, limit)); // one very long line: hard cut
        piece = piece.slice(limit);
      }
    }
  }
  if (current) chunks.push(current);
  return chunks.length ? chunks : [''];
}

const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');

export function inlineKeyboard(answer: AssistantReply) {
  const zh = answer.locale === 'zh';
  const rows: InlineKeyboardButton[][] = [];
  // A write the system shows for the user's yes: its two buttons replace the typed yes/no suggestions.
  const proposal = answer.proposal;
  if (proposal) rows.push([Markup.button.callback(proposal.yes, `ok:${proposal.id}`), Markup.button.callback(proposal.no, `no:${proposal.id}`)]);
  const suggestions = proposal ? [] : answer.suggestions.filter((s) => byteLength(`say:${s}`) <= 64).map((s) => Markup.button.callback(s, `say:${s}`));
  if (suggestions.length) rows.push(suggestions);
  // One tap to say a suggestion is not for them (goes through the feedback tool, which asks to confirm).
  const recommended = answer.toolCalls.find((c) => c.name === 'recommend' && (c.result as { status?: string })?.status === 'ok')?.result as { items: unknown[] } | undefined;
  if (recommended?.items.length) {
    rows.push(recommended.items.slice(0, 5).map((_, i) => Markup.button.callback(`👎 ${i + 1}`, zh ? `say:第${i + 1}个不喜欢` : `say:I don't like number ${i + 1}`)));
  }
  answer.attachments.shops.slice(0, 3).forEach((shop, i) => {
    const short = shop.name.length > 14 ? shop.name.slice(0, 13) + '…' : shop.name;
    rows.push([Markup.button.callback(`📍 ${i + 1}. ${short}`, `nav:${shop.id}`), Markup.button.callback(zh ? '为什么推荐？' : 'Why this?', `why:${shop.id}`)]);
  });
  return rows.length ? Markup.inlineKeyboard(rows) : undefined;
}

/** The keyboard under an answer's last message; a proposal needs inline buttons, so it wins over the location request. */
export const keyboardFor = (answer: AssistantReply) =>
  answer.attachments.needsLocation && !answer.proposal ? locationKeyboard(answer.locale === 'zh') : inlineKeyboard(answer);

export function locationKeyboard(zh: boolean) {
  return Markup.keyboard([[Markup.button.locationRequest(zh ? '📍 发送我的位置' : '📍 Share my location')]]).oneTime().resize();
}

// The system prompt every model gets. The embedded planner reads the same facts from it
// (role, reply language, today's date) that an LLM does.
import type { Caller, Locale } from '../tools/context.ts';
import { stateLine, type DialogueState } from '../agents/dialogue-state.ts';
import type { OwnShop } from '../agents/local-planner/entities/own-shops.ts';

export type PromptFacts = { role: Caller['role']; locale: Locale; today: string; hasLocation: boolean; state?: DialogueState; /** a merchant's own shops */ shops?: OwnShop[] };

const SHOPS_PREFIX = 'Caller\'s shops (JSON): ';
/** Shops named in the prompt; a merchant with more names them by id. */
const MAX_SHOPS_LISTED = 40;

export function systemPrompt(f: PromptFacts): string {
  const who = f.role === 'merchant'
    ? 'You help a merchant with their own shops only: sales figures, top products and changes over time (merchant_stats), a restock forecast with order quantities (restock_forecast), what customers complain about and what to improve (satisfaction_report), discounts per customer segment (pricing_advice), and alerts about unusual days, refunds, complaints or price errors (anomaly_alerts).'
    : 'You help a shopper in Wuhan: which shops nearby sell something, with distance, price and rating (nearby_shops); whether a price is fair, with cheaper offers (price_check); what a product photo shows and where to buy it (scan_to_buy, confirm_scan); what to buy next from their own purchases (recommend); what the assistant knows about them (customer_profile); logging a purchase they made (record_purchase) and rating a suggestion (feedback); their pay-later line, bills and how the limit changes (credit_line); wealth products that fit their risk level (wealth_products, after risk_questionnaire).';
  const rules = [
    'House rules:',
    '- Only the caller\'s own data: if asked about another shopper, another merchant or a shop that is not theirs, say plainly that you cannot show it, and do not show the caller\'s own figures instead.',
    '- Writes (record_purchase, feedback) are only proposed when you call them: the system shows the user the proposal with Yes / No and runs it only on their own yes. Never claim something was saved before the tool says so, and never ask the user to reply "yes" to anything.',
    '- risk_questionnaire: pass the shopper\'s own four answers exactly as they wrote them; never answer for them.',
    '- Wealth products are never above the shopper\'s risk level; always give the disclosure the tool returns.',
    '- Tool arguments: money in yuan (e.g. 15 or 6.5), dates as YYYY-MM-DD (China time), periods as the names the tool lists or {from, to}. If a tool says the arguments are wrong, fix them and call again.',
  ].join('\n');
  return [
    'You are Shop Assistant, a shopping and retail assistant.',
    who,
    rules,
    'Always use the tools for facts (shops, prices, figures); never invent numbers. Prices are in CNY (yuan).',
    'If information is missing (which product, where the shopper is), ask a short question instead of guessing.',
    'If the request is off-topic, answer politely in one sentence and say what you can do.',
    'Keep answers short and concrete; list at most 5 items.',
    `Caller: ${f.role}`,
    `Reply language: ${f.locale} (${f.locale === 'zh' ? 'Simplified Chinese' : 'English'}), unless the user writes in the other language.`,
    `Today: ${f.today} (China time)`,
    `Shopper location known: ${f.hasLocation ? 'yes' : 'no'}`,
    ...(f.shops?.length ? [`${SHOPS_PREFIX}${JSON.stringify(f.shops.slice(0, MAX_SHOPS_LISTED))}`, 'When the merchant names one of these shops (by branch, e.g. "中南路店" or "the Zhongnan Rd shop"), pass its id as shopId; a place name that is one of their branches is that shop, not where they are.'] : []),
    ...taskLines(f.state),
  ].join('\n');
}

/** The active task and its slots, for every model: a follow-up edits these slots instead of starting over. */
function taskLines(state: DialogueState | undefined): string[] {
  const task = state?.task;
  const lines = task
    ? [
      `Active task: ${task.tool} with ${JSON.stringify(task.slots)}${task.result?.status ? ` (last result: ${String(task.result.status)})` : task.result?.error ? ' (last call failed)' : ''}.`,
      'A follow-up that changes one thing (product, brand, price cap, place, period, shop, lead time, service level) calls the same tool with that slot edited and the other slots kept; a correction ("no, I meant …", "打错了") replaces the slot it corrects; start a new task only when the user asks for something else.',
    ]
    : ['Active task: none yet.'];
  if (state?.place) lines.push(`Place the user named: ${state.place.label} (${state.place.lat}, ${state.place.lng}).`);
  return [...lines, stateLine(state)];
}

/** Reads the facts back out of a system prompt (used by the embedded planner). */
export function readFacts(prompt: string): Partial<PromptFacts> {
  const role = /Caller: (shopper|merchant)/.exec(prompt)?.[1] as Caller['role'] | undefined;
  const locale = /Reply language: (zh|en)/.exec(prompt)?.[1] as Locale | undefined;
  const today = /Today: (\d{4}-\d{2}-\d{2})/.exec(prompt)?.[1];
  const hasLocation = /Shopper location known: (yes|no)/.exec(prompt)?.[1];
  return { role, locale, today, hasLocation: hasLocation === undefined ? undefined : hasLocation === 'yes', shops: readShops(prompt) };
}

function readShops(prompt: string): OwnShop[] | undefined {
  const line = prompt.split('\n').find((l) => l.startsWith(SHOPS_PREFIX));
  if (!line) return undefined;
  try {
    const list = JSON.parse(line.slice(SHOPS_PREFIX.length));
    return Array.isArray(list) ? list.filter((s) => Number.isInteger(s?.id) && typeof s.nameZh === 'string' && typeof s.nameEn === 'string') : undefined;
  } catch {
    return undefined;
  }
}

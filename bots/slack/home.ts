// App Home: the merchant's KPIs for the last 7 and 30 days, their top products, what to reorder and
// what customers complain about, from the same tools and cards the chat uses (so the numbers match
// what the chat says), in the user's one language, with buttons to refresh it or open the full
// restock and review answers in the DM (handled in app.ts).
import type { KnownBlock } from '@slack/types';
import { cardsFor, type KpiCard, type TableCard, type ThemesCard } from '../../prompts/replies/merchant-cards.ts';
import type { Locale, ToolDeps } from '../../tools/context.ts';
import { localDate, TZ_OFFSET_MS } from '../../tools/merchant-stats/period.ts';
import { merchantStats } from '../../tools/merchant-stats/index.ts';
import { restockForecast } from '../../tools/restock-forecast/index.ts';
import { satisfactionReport } from '../../tools/satisfaction-report/index.ts';
import { mrkdwnEscape } from './card-blocks.ts';

/** The Home tab's buttons; the restock and review ones ask the assistant these words, in the DM. */
export const HOME_ACTIONS = { refresh: 'home_refresh', restock: 'home_restock', reviews: 'home_reviews' } as const;
export const HOME_QUESTIONS: Record<'restock' | 'reviews', Record<Locale, string>> = {
  restock: { zh: '补货建议', en: 'restock forecast' },
  reviews: { zh: '顾客评价', en: 'customer reviews' },
};

const TEXT = {
  zh: {
    title: '店铺概览', refresh: '刷新', restock: '查看补货建议', reviews: '查看顾客评价', updated: '更新于',
    periods: [['近 7 天', 'last_7_days'], ['近 30 天', 'last_30_days']] as const, noOrders: '没有成交订单', top: '畅销商品（近 30 天）',
    restockHead: (now: number, soon: number) => `*补货* — 现在订货 ${now} · 很快要订 ${soon}`, stocked: '库存都够用',
    stock: '库存', order: '订', reviewsHead: '*顾客评价（近 90 天）*', noReviews: '这段时间没有评价', noThemes: '没有集中的抱怨',
    ask: '有问题随时问我：`/shop 上个月销售`、`/shop 补货建议`、`/shop 顾客评价`，或直接私信我。',
  },
  en: {
    title: 'Shop overview', refresh: 'Refresh', restock: 'Open restock forecast', reviews: 'Open customer reviews', updated: 'Updated',
    periods: [['Last 7 days', 'last_7_days'], ['Last 30 days', 'last_30_days']] as const, noOrders: 'no paid orders', top: 'Top products (30 days)',
    restockHead: (now: number, soon: number) => `*Restock* — order now ${now} · order soon ${soon}`, stocked: 'everything has enough stock',
    stock: 'stock', order: 'order', reviewsHead: '*Reviews (90 days)*', noReviews: 'no reviews in this period', noThemes: 'no recurring complaints',
    ask: 'Ask me anything with `/shop …` or a DM, e.g. `/shop sales last month`, `/shop restock`, `/shop reviews`.',
  },
};

const button = (action_id: string, text: string, style?: 'primary') => ({ type: 'button' as const, action_id, text: { type: 'plain_text' as const, text }, ...(style ? { style } : {}) });
const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } });

/** The Home tab of a merchant (or how to link, for a Slack user who is not one yet), in one language. */
export async function homeView(deps: ToolDeps, merchantId: number | undefined, now: Date, locale: Locale, linkHelp: string) {
  if (merchantId === undefined) return { type: 'home' as const, blocks: [section(linkHelp)] };
  const w = TEXT[locale];
  const ctx = { caller: { role: 'merchant' as const, merchantId }, locale, now };
  const clock = new Date(now.getTime() + TZ_OFFSET_MS).toISOString().slice(11, 16);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: w.title } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `${w.updated} ${localDate(now)} ${clock}` }] },
    { type: 'actions', elements: [button(HOME_ACTIONS.refresh, w.refresh), button(HOME_ACTIONS.restock, w.restock, 'primary'), button(HOME_ACTIONS.reviews, w.reviews)] },
  ];
  for (const [label, period] of w.periods) {
    const result = await merchantStats.run(deps, ctx, merchantStats.input.parse({ period, topN: 5 }));
    const [card] = cardsFor([{ name: 'merchant_stats', result }], locale) as KpiCard[];
    const range = `${result.period.from} – ${result.period.to}`;
    blocks.push(section(`*${label}* (${range})${card ? '' : ` — ${w.noOrders}`}`));
    if (card) {
      blocks.push({ type: 'section', fields: card.fields.map((f) => ({ type: 'mrkdwn' as const, text: `*${mrkdwnEscape(f.label)}*\n${mrkdwnEscape(f.change ? `${f.value} (${f.change})` : f.value)}` })) });
      if (period === 'last_30_days' && card.list.length) blocks.push(section(`*${w.top}*\n${card.list.map((p, i) => `${i + 1}. ${mrkdwnEscape(p.name)} — ${mrkdwnEscape(p.detail)}`).join('\n')}`));
    }
    blocks.push({ type: 'divider' });
  }

  const restock = await restockForecast.run(deps, ctx, restockForecast.input.parse({ limit: 5 }));
  const [table] = cardsFor([{ name: 'restock_forecast', result: restock }], locale) as TableCard[];
  const toOrder = (table?.rows ?? []).filter((r) => r.urgency !== 'ok');
  const rowLine = (r: TableCard['rows'][number]) => {
    const [item, stock, , order, action] = r.cells;
    return `• ${r.urgency === 'now' ? ':red_circle:' : ':large_yellow_circle:'} ${mrkdwnEscape(item)} — ${action} (${w.stock} ${stock}, ${w.order} ${order})${r.note ? `, ${mrkdwnEscape(r.note)}` : ''}`;
  };
  blocks.push(section(`${w.restockHead(restock.counts.order_now, restock.counts.order_soon)}\n${toOrder.length ? toOrder.map(rowLine).join('\n') : w.stocked}`));
  blocks.push({ type: 'divider' });

  const reviews = await satisfactionReport.run(deps, ctx, satisfactionReport.input.parse({ period: 'last_90_days' }));
  const [themes] = cardsFor([{ name: 'satisfaction_report', result: reviews }], locale) as ThemesCard[];
  const themeLine = (th: ThemesCard['themes'][number]) => `• ${mrkdwnEscape(th.theme)} — ${th.share} ${mrkdwnEscape(themes.labels.share)}: ${mrkdwnEscape(th.suggestion)}`;
  blocks.push(section(themes
    ? `${w.reviewsHead} — ${mrkdwnEscape(themes.summary)}\n${themes.themes.length ? themes.themes.slice(0, 3).map(themeLine).join('\n') : w.noThemes}`
    : `${w.reviewsHead} — ${w.noReviews}`));
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: w.ask }] });
  return { type: 'home' as const, blocks };
}

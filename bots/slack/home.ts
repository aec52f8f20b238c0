// App Home: the merchant's KPIs for the last 7 and 30 days and their top products, from the same tool
// the agent uses (so the numbers match what the chat says).
import type { KnownBlock } from '@slack/types';
import type { ToolDeps } from '../../tools/context.ts';
import { merchantStats } from '../../tools/merchant-stats/index.ts';
import { restockForecast } from '../../tools/restock-forecast/index.ts';
import { satisfactionReport } from '../../tools/satisfaction-report/index.ts';
import { mrkdwnEscape } from './blocks.ts';

const pct = (v: number | null) => (v === null ? '–' : `${v > 0 ? '+' : ''}${v}%`);

export async function homeView(deps: ToolDeps, merchantId: number | undefined, now: Date, linkHelp: string) {
  if (merchantId === undefined) {
    return { type: 'home' as const, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: linkHelp } }] as KnownBlock[] };
  }
  const ctx = { caller: { role: 'merchant' as const, merchantId }, locale: 'zh' as const, now };
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: '店铺概览 · Shop overview' } }];
  for (const [label, period] of [['近 7 天 · Last 7 days', 'last_7_days'], ['近 30 天 · Last 30 days', 'last_30_days']] as const) {
    const s = (await merchantStats.run(deps, ctx, merchantStats.input.parse({ period, topN: 5 }))) as any;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${label}* (${s.period.from} – ${s.period.to})` } });
    blocks.push({ type: 'section', fields: [
      { type: 'mrkdwn', text: `*销售额 Revenue*\n¥${s.current.revenue} (${pct(s.change.revenuePct)})` },
      { type: 'mrkdwn', text: `*订单 Orders*\n${s.current.orders} (${pct(s.change.ordersPct)})` },
      { type: 'mrkdwn', text: `*客单价 Basket*\n¥${s.current.averageBasket}` },
      { type: 'mrkdwn', text: `*退款 Refunds*\n${s.current.refunds}` },
    ] });
    if (period === 'last_30_days' && s.topProducts.length) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '*畅销商品 Top products (30 days)*\n' + s.topProducts.map((p: any, i: number) => `${i + 1}. ${mrkdwnEscape(p.name)} — ¥${p.revenue} (${p.units})`).join('\n') } });
    }
    blocks.push({ type: 'divider' });
  }
  const restock = (await restockForecast.run(deps, ctx, restockForecast.input.parse({ limit: 5 }))) as any;
  const toOrder = restock.items.filter((i: any) => i.status !== 'ok');
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*补货 Restock* — 立即订货 order now ${restock.counts.order_now} · 即将 soon ${restock.counts.order_soon}\n` +
    (toOrder.length ? toOrder.map((i: any) => `• ${i.status === 'order_now' ? ':red_circle:' : ':large_yellow_circle:'} ${mrkdwnEscape(i.name)} — 库存 stock ${i.stock}, 订 order ${i.orderQuantity}${i.stockoutDate ? `, 断货 out ${i.stockoutDate}` : ''}`).join('\n') : '库存充足 · all stocked') } });
  blocks.push({ type: 'divider' });
  const reviews = (await satisfactionReport.run(deps, ctx, satisfactionReport.input.parse({ period: 'last_90_days' }))) as any;
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*顾客评价 Reviews (90 days)* — ${reviews.reviews} 条, ★${reviews.averageScore ?? '–'}${reviews.comparison.peerShops ? ` (周边 peers ★${reviews.comparison.peerAverageScore ?? '–'})` : ''}\n` +
    (reviews.themes.length ? reviews.themes.slice(0, 3).map((th: any) => `• ${mrkdwnEscape(th.label)} — ${th.reviews} (${th.sharePct}%): ${mrkdwnEscape(th.suggestion)}`).join('\n') : '没有集中的抱怨 · no recurring complaints') } });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Ask me anything with `/shop …` or a DM, e.g. `/shop sales last month`, `/shop restock`, `/shop reviews`.' }] });
  return { type: 'home' as const, blocks };
}

// Merchant answers as structure (a table, themes, KPI fields) for adapters that can show more than
// text: the web chat draws HTML, Slack draws Block Kit. Built here from the tool results only, never
// by the model, so every figure is the tool's. Method names and error metrics (MASE, "croston_sba")
// stay in `details` ("how was this computed?"), never in the card's own cells.
import type { z } from 'zod';
import type { Locale } from '../../tools/context.ts';
import type { merchantStats } from '../../tools/merchant-stats/index.ts';
import type { restockForecast } from '../../tools/restock-forecast/index.ts';
import type { satisfactionReport } from '../../tools/satisfaction-report/index.ts';
import { signedPct, yuan } from './format.ts';
import { MODEL_NAMES } from './tool-results.ts';

type Restock = z.output<(typeof restockForecast)['output']>;
type Satisfaction = z.output<(typeof satisfactionReport)['output']>;
type Stats = z.output<(typeof merchantStats)['output']>;

/** "How was this computed?": opened on demand (a <details> in the web, a button in Slack). */
export type CardDetails = { label: string; lines: string[] };
/** One labelled figure: "Revenue ¥189", with its change vs the previous period when there is one. */
export type CardField = { label: string; value: string; change?: string };
type CardBase = { title: string; summary: string; details: CardDetails };

export type RestockUrgency = 'now' | 'soon' | 'ok';
/** restock_forecast: one row per product, cells in the order of `columns`. */
export type TableCard = CardBase & {
  kind: 'table'; tool: 'restock_forecast';
  columns: { key: 'item' | 'stock' | 'demand' | 'order' | 'action'; label: string; numeric: boolean }[];
  rows: { cells: string[]; urgency: RestockUrgency; note?: string }[];
};
/** satisfaction_report: what customers complain about, biggest share first. */
export type ThemesCard = CardBase & {
  kind: 'themes'; tool: 'satisfaction_report';
  fields: CardField[];
  labels: { share: string; peers: string; quotes: string; suggestion: string };
  themes: { theme: string; sharePct: number; share: string; trend?: string; peers?: string; quotes: string[]; suggestion: string }[];
};
/** merchant_stats: the period's KPIs and its top products. */
export type KpiCard = CardBase & {
  kind: 'kpis'; tool: 'merchant_stats';
  fields: CardField[];
  listTitle: string;
  list: { name: string; detail: string }[];
};
export type Card = TableCard | ThemesCard | KpiCard;

type Call = { name: string; result?: unknown };

/** The cards for a turn's tool calls, in call order; a call that failed or found nothing gives none. */
export function cardsFor(calls: Call[], locale: Locale): Card[] {
  const cards: Card[] = [];
  for (const call of calls) {
    const r = call.result as Record<string, unknown> | undefined;
    if (!r || typeof r !== 'object' || 'error' in r) continue;
    const card = call.name === 'restock_forecast' ? restockCard(r as Restock, locale)
      : call.name === 'satisfaction_report' ? satisfactionCard(r as Satisfaction, locale)
      : call.name === 'merchant_stats' ? statsCard(r as Stats, locale)
      : undefined;
    if (card) cards.push(card);
  }
  return cards;
}

const HOW: Record<Locale, string> = { zh: '怎么算的？', en: 'How was this computed?' };

function shopsLabel(shops: { name: string }[], l: Locale): string {
  if (shops.length === 1) return shops[0].name;
  return l === 'zh' ? `你的${shops.length}家店` : `your ${shops.length} shops`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** 2026-12-02 → 12月2日 / Dec 2. */
function day(iso: string, l: Locale): string {
  const [, m, d] = iso.split('-').map(Number);
  return l === 'zh' ? `${m}月${d}日` : `${MONTHS[m - 1]} ${d}`;
}

/** A forecast a shop owner can count: whole units, and "under 1" rather than "0". */
function wholeUnits(x: number, l: Locale): string {
  if (x < 0.5) return l === 'zh' ? '不到 1' : 'under 1';
  return String(Math.round(x));
}

const ACTION: Record<RestockUrgency | 'none', Record<Locale, string>> = {
  now: { zh: '现在订货', en: 'Order now' },
  soon: { zh: '很快要订', en: 'Order soon' },
  ok: { zh: '够用', en: 'Enough stock' },
  // Flagged but nothing to add (no demand expected): saying "order 0" would read as an instruction.
  none: { zh: '暂不用订', en: 'No order needed' },
};

export function restockCard(r: Restock, l: Locale): TableCard | undefined {
  if (!r.items.length) return undefined;
  const zh = l === 'zh';
  const manyShops = r.shops.length > 1;
  const urgency = (s: string): RestockUrgency => (s === 'order_now' ? 'now' : s === 'order_soon' ? 'soon' : 'ok');
  const rows = r.items.map((it) => {
    const u = urgency(it.status);
    const action = ACTION[u !== 'ok' && it.orderQuantity <= 0 ? 'none' : u][l];
    const runsOut = it.stock > 0 && it.stockoutDate ? (zh ? `预计${day(it.stockoutDate, l)}卖完` : `runs out around ${day(it.stockoutDate, l)}`) : undefined;
    return {
      cells: [
        manyShops ? `${it.name} · ${it.shopName}` : it.name,
        it.stock > 0 ? String(it.stock) : zh ? '断货' : 'out of stock',
        wholeUnits(it.weeklyForecast[0]?.mean ?? 0, l),
        it.orderQuantity > 0 ? String(it.orderQuantity) : '—',
        action,
      ],
      urgency: u,
      ...(runsOut ? { note: runsOut } : {}),
    };
  });
  const models = r.items.map((it) => {
    const words = MODEL_NAMES[it.model]?.[l] ?? it.model;
    const fit = it.backtestMase === null ? (zh ? '历史太短，未回测' : 'too little history to backtest') : `MASE ${it.backtestMase}`;
    return zh
      ? `${it.name}：${words}（${it.model}，${fit}）；再订货点 ${it.reorderPoint} = 交货期需求 ${it.leadTimeDemand} + 安全库存 ${it.safetyStock}`
      : `${it.name}: ${words} (${it.model}, ${fit}); reorder point ${it.reorderPoint} = lead-time demand ${it.leadTimeDemand} + safety stock ${it.safetyStock}`;
  });
  return {
    kind: 'table', tool: 'restock_forecast',
    title: zh ? `补货建议 · ${shopsLabel(r.shops, l)}` : `Restock · ${shopsLabel(r.shops, l)}`,
    summary: zh ? `${r.counts.order_now} 种现在订货，${r.counts.order_soon} 种很快要订，${r.counts.ok} 种够用。`
      : `${r.counts.order_now} to order now, ${r.counts.order_soon} to order soon, ${r.counts.ok} with enough stock.`,
    columns: [
      { key: 'item', label: zh ? '商品' : 'Item', numeric: false },
      { key: 'stock', label: zh ? '库存' : 'Stock', numeric: true },
      { key: 'demand', label: zh ? '未来7天预计卖' : 'Expected next 7 days', numeric: true },
      { key: 'order', label: zh ? '建议订' : 'Order', numeric: true },
      { key: 'action', label: zh ? '怎么办' : 'Action', numeric: false },
    ],
    rows,
    details: {
      label: HOW[l],
      lines: [
        zh ? '每个商品按过去两年的周销量，从几种预测方法里选回测误差（MASE，越小越准）最小的一种：' : 'For each product, the forecasting method with the smallest backtest error (MASE, lower is better) on its past two years of weekly sales:',
        ...models,
        r.policy,
      ],
    },
  };
}

/** A quote short enough to read at a glance (Chinese characters are wider, so fewer), cut with "…". */
function short(text: string): string {
  const chars = [...text.trim()];
  const max = /\p{Script=Han}/u.test(text) ? 30 : 80;
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

function month(ym: string, l: Locale): string {
  const m = Number(ym.slice(5, 7));
  return l === 'zh' ? `${m}月` : MONTHS[m - 1];
}

export function satisfactionCard(r: Satisfaction, l: Locale): ThemesCard | undefined {
  if (!r.reviews) return undefined;
  const zh = l === 'zh';
  // Peers without reviews in the period say nothing ("0%" would read as "they never get this complaint").
  const peers = r.comparison.peerShops > 0 && r.comparison.peerReviews > 0;
  const fields: CardField[] = [
    { label: zh ? '评价' : 'Reviews', value: String(r.reviews) },
    { label: zh ? '平均分' : 'Average score', value: r.averageScore === null ? '–' : `${r.averageScore} ★` },
    { label: zh ? '差评（≤3分）' : 'Complaints (≤ 3★)', value: String(r.complaints) },
  ];
  if (peers) fields.push({ label: zh ? `周边 ${r.comparison.peerShops} 家同类店` : `${r.comparison.peerShops} similar shops nearby`, value: r.comparison.peerAverageScore === null ? '–' : `${r.comparison.peerAverageScore} ★` });
  // The score's trend is in the result (monthly averages); the last three months say which way it goes.
  if (r.monthly.length >= 2) fields.push({ label: zh ? '每月平均分' : 'Score by month', value: r.monthly.slice(-3).map((m) => `${month(m.month, l)} ${m.averageScore}`).join(' → ') });
  if (r.otherKeywords.length) fields.push({ label: zh ? '其他常提到的词' : 'Other recurring words', value: r.otherKeywords.slice(0, 5).map((k) => k.word).join(zh ? '、' : ', ') });
  const themes = r.themes.slice(0, 5).map((th) => {
    const peer = peers ? r.comparison.themes.find((c) => c.key === th.key) : undefined;
    return {
      theme: l === 'en' ? th.label.charAt(0).toUpperCase() + th.label.slice(1) : th.label, sharePct: th.sharePct, share: `${th.sharePct}%`,
      ...(peer ? { peers: `${peer.peersPct}%` } : {}),
      quotes: th.quotes.slice(0, 2).map(short),
      suggestion: th.suggestion,
    };
  });
  const period = `${r.period.from} – ${r.period.to}`;
  return {
    kind: 'themes', tool: 'satisfaction_report',
    title: zh ? `顾客评价 · ${shopsLabel(r.shops, l)}（${period}）` : `Customer reviews · ${shopsLabel(r.shops, l)} (${period})`,
    summary: zh ? `${r.reviews} 条评价，平均 ${r.averageScore ?? '–'} 分，差评 ${r.complaints} 条${themes.length ? `，最多的是「${themes[0].theme}」` : ''}。`
      : `${r.reviews} reviews, average ${r.averageScore ?? '–'}, ${r.complaints} complaints${themes.length ? `; most about "${themes[0].theme}"` : ''}.`,
    fields,
    labels: zh ? { share: '占差评', peers: '周边同类店', quotes: '顾客原话', suggestion: '建议' } : { share: 'of complaints', peers: 'nearby peers', quotes: 'In their words', suggestion: 'Suggestion' },
    themes,
    details: {
      label: HOW[l],
      lines: [
        zh ? '差评 = 3 分及以下的评价。主题由评价文字归类（中文用 jieba 分词，英文按词和词组，再对照主题词表）；占比 = 提到该主题的差评 ÷ 全部差评。'
          : 'Complaints are reviews of 3 stars or less. Themes come from the review text (jieba word segmentation for Chinese, words and word pairs for English, matched to a theme lexicon); share = complaints mentioning the theme ÷ all complaints.',
        ...r.themes.slice(0, 5).map((th) => (zh ? `${th.label}：${th.reviews} 条，关键词 ${th.keywords.join('、')}` : `${th.label}: ${th.reviews} reviews, keywords ${th.keywords.join(', ')}`)),
        r.comparison.peerShops ? (zh ? `周边对比：同类店 ${r.comparison.peerShops} 家，同期评价 ${r.comparison.peerReviews} 条。` : `Nearby comparison: ${r.comparison.peerShops} shops of the same kind, ${r.comparison.peerReviews} reviews in the same period.`)
          : zh ? '附近没有可比较的同类店。' : 'No similar shops nearby to compare with.',
      ],
    },
  };
}

const pct = (now: number, before: number) => (before > 0 ? Math.round(((now - before) / before) * 1000) / 10 : null);
const daysIn = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

export function statsCard(r: Stats, l: Locale): KpiCard | undefined {
  const c = r.current;
  if (c.orders === 0) return undefined;
  const zh = l === 'zh';
  const change = (v: number | null) => signedPct(v, l);
  const list = r.topProducts.map((p) => ({ name: p.name, detail: zh ? `${yuan(p.revenue)} · ${p.units} 件 · 占 ${p.sharePct}%` : `${yuan(p.revenue)} · ${p.units} ${p.units === 1 ? 'unit' : 'units'} · ${p.sharePct}%` }));
  const days = daysIn(r.period.from, r.period.to);
  return {
    kind: 'kpis', tool: 'merchant_stats',
    title: zh ? `销售 ${r.period.from} – ${r.period.to}` : `Sales ${r.period.from} – ${r.period.to}`,
    summary: zh ? `${shopsLabel(r.shops, l)}：销售额 ${yuan(c.revenue)}（环比 ${change(r.change.revenuePct)}），${c.orders} 笔订单。`
      : `${shopsLabel(r.shops, l).replace(/^your/, 'Your')}: Revenue ${yuan(c.revenue)} (${change(r.change.revenuePct)} vs the previous period), ${c.orders} ${c.orders === 1 ? 'order' : 'orders'}.`,
    fields: [
      { label: zh ? '销售额' : 'Revenue', value: yuan(c.revenue), change: change(r.change.revenuePct) },
      { label: zh ? '订单' : 'Orders', value: String(c.orders), change: change(r.change.ordersPct) },
      { label: zh ? '客单价' : 'Average basket', value: yuan(c.averageBasket), change: change(r.change.averageBasketPct) },
      // None the period before is a fact, not missing data: say "0 before" rather than "no data before".
      { label: zh ? '退款' : 'Refunds', value: String(c.refunds), change: r.previous.refunds ? change(pct(c.refunds, r.previous.refunds)) : zh ? '上期 0 笔' : 'none before' },
    ],
    listTitle: zh ? '畅销商品' : 'Top products',
    list,
    details: {
      label: HOW[l],
      lines: [
        zh ? `环比：和之前同样长的 ${days} 天比（上期销售额 ${yuan(r.previous.revenue)}，${r.previous.orders} 笔订单，${r.previous.refunds} 笔退款）；上期为 0 时不算百分比。`
          : `Change: against the ${days} days before, the same length (then: revenue ${yuan(r.previous.revenue)}, ${r.previous.orders} orders, ${r.previous.refunds} refunds); no percentage when that was 0.`,
        zh ? '销售额和订单只算已付款的订单（中国时间，周一为一周开始）；客单价 = 销售额 ÷ 订单数；畅销商品的占比是占这些商品销售额的比例。'
          : 'Revenue and orders count paid orders only (China time, weeks start on Monday); average basket = revenue ÷ orders; a top product\'s share is of these products\' revenue.',
        zh ? `销售趋势图的预测：${MODEL_NAMES[r.trend.model]?.zh ?? r.trend.model}（${r.trend.model}，按回测误差选出）。`
          : `The trend chart's forecast: ${MODEL_NAMES[r.trend.model]?.en ?? r.trend.model} (${r.trend.model}, chosen by backtest error).`,
      ],
    },
  };
}

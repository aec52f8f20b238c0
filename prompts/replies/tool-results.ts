// Replies written from tool results (the embedded planner's "final answer"). Every number shown
// comes from the tool result.
import type { Locale } from '../../tools/context.ts';
import { categoryLabel } from '../../tools/catalogue/categories.ts';
import { distance, signedPct, yuan } from './format.ts';
import { PHRASES } from './phrases.ts';
import { renderConfirmScan, renderScan, scanSuggestions } from './scan-results.ts';
import { renderConfirmation, renderContactShop, renderCredit, renderFeedback, renderProfile, renderQuestionnaire, renderRecommend, renderRecordPurchase, renderWealth } from './shopper-results.ts';

type Any = Record<string, any>; // tool outputs are validated by their zod schemas before they get here

export function renderNearby(r: Any, l: Locale): string {
  const zh = l === 'zh';
  if (r.status === 'need_location') return PHRASES.askLocation(l);
  if (r.status === 'need_query') return PHRASES.askProduct(l);
  if (r.status === 'no_product') return zh ? `没有找到和「${r.query}」相关的商品，换个说法试试？` : `I couldn't find any product matching "${r.query}". Could you say it another way?`;
  const what = r.query ?? categoryLabel(r.category, l); // a kind of shop in the reader's words, not its key ("fresh")
  if (!r.results.length) {
    const limit = r.maxPrice ? (zh ? `，且价格不超过${yuan(r.maxPrice)}` : ` at ${yuan(r.maxPrice)} or less`) : '';
    const more = r.offset > 0 ? (zh ? '没有更多结果了。' : 'No more results.') : zh ? `${r.radiusKm}公里内没有找到有货的「${what}」${limit}。` : `No shop within ${r.radiusKm} km has "${what}" in stock${limit}.`;
    return more + onlineLine(r, l);
  }
  const head = r.offset > 0
    ? (zh ? `更多结果（第${r.offset + 1}–${r.offset + r.results.length}家，共${r.total}家）：` : `More results (${r.offset + 1}–${r.offset + r.results.length} of ${r.total}):`)
    : zh ? `${r.radiusKm}公里内找到${r.total}家有「${what}」的店${r.maxPrice ? `（≤${yuan(r.maxPrice)}）` : ''}，${sortLabel(r.sort, l)}：` : `${r.total} shops within ${r.radiusKm} km have "${what}"${r.maxPrice ? ` at ≤ ${yuan(r.maxPrice)}` : ''}, ${sortLabel(r.sort, l)}:`;
  const lines = r.results.map((s: Any, i: number) => {
    const offer = s.offer ? (zh ? ` — ${s.offer.productName} ${yuan(s.offer.price)}` : ` — ${s.offer.productName} ${yuan(s.offer.price)}`) : '';
    return `${r.offset + i + 1}. ${s.name}${offer}\n   ${distance(s.distanceM, l)} · ★${s.rating}${zh ? `（${s.ratingCount}条评价）` : ` (${s.ratingCount} reviews)`} · ${s.openingHours} · ${s.address}`;
  });
  const why = r.sort === 'best' ? `\n(${r.ranking})` : '';
  const precision = r.lessPrecise ? (zh ? '\n（语义搜索暂不可用，按商品名匹配，结果可能不够准确。）' : '\n(Meaning-based search is unavailable right now; matched by product name, so results may be less precise.)') : '';
  return [head, ...lines].join('\n') + why + onlineLine(r, l) + precision;
}

function onlineLine(r: Any, l: Locale): string {
  if (!r.online?.length) return '';
  const o = r.online[0];
  // The link to buy it (the web chat and Telegram make it clickable).
  const link = o.url ? ` ${o.url}` : '';
  return l === 'zh' ? `\n线上最低：${o.shopName} ${o.productName} ${yuan(o.price)}${link}` : `\nCheapest online: ${o.shopName}, ${o.productName} ${yuan(o.price)}${link}`;
}

function sortLabel(sort: string, l: Locale): string {
  const zh: Record<string, string> = { best: '按综合推荐排序', distance: '由近到远', price: '由便宜到贵', rating: '按评分排序' };
  const en: Record<string, string> = { best: 'best matches first', distance: 'nearest first', price: 'cheapest first', rating: 'best rated first' };
  return (l === 'zh' ? zh : en)[sort] ?? sort;
}

const VERDICT: Record<string, Record<Locale, string>> = {
  good_deal: { zh: '很划算', en: 'a good deal' },
  fair: { zh: '价格合理', en: 'a fair price' },
  high: { zh: '偏贵', en: 'on the high side' },
  overpriced: { zh: '明显偏贵（虚高）', en: 'overpriced' },
  insufficient_data: { zh: '数据不足，无法判断', en: 'hard to judge (too few shops sell it)' },
};

export function renderPriceCheck(r: Any, l: Locale): string {
  const zh = l === 'zh';
  if (r.status === 'need_product') return PHRASES.askProduct(l);
  if (r.status === 'no_product') return zh ? `没有找到「${r.query}」这件商品，能说得更具体些吗（品牌、规格）？` : `I couldn't find "${r.query}". Could you be more specific (brand, size)?`;
  if (r.status === 'ambiguous') {
    const list = r.candidates.map((c: Any, i: number) => `${i + 1}. ${c.name}`).join('\n');
    return zh ? `「${r.query}」有好几种，你说的是哪一个？\n${list}` : `There are several kinds of "${r.query}". Which one do you mean?\n${list}`;
  }
  const d = r.distribution;
  const verdict = VERDICT[r.verdict][l];
  const pct = r.pctVsMedian;
  const rel = zh ? (pct >= 0 ? `比中位价高${pct}%` : `比中位价低${-pct}%`) : pct >= 0 ? `${pct}% above the median` : `${-pct}% below the median`;
  const warn = r.verdict === 'overpriced' || r.verdict === 'high' ? (zh ? '⚠️ ' : '⚠️ ') : '';
  const lines = [
    zh ? `${warn}${r.product.name} ${yuan(r.price)}：${verdict}（${rel}）。` : `${warn}${r.product.name} at ${yuan(r.price)} is ${verdict} (${rel}).`,
    zh ? `${d.n}家店的价格：最低${yuan(d.min)}，四分位 ${yuan(d.q1)}–${yuan(d.q3)}，中位价${yuan(d.median)}，最高${yuan(d.max)}。` : `Across ${d.n} shops: min ${yuan(d.min)}, quartiles ${yuan(d.q1)}–${yuan(d.q3)}, median ${yuan(d.median)}, max ${yuan(d.max)}.`,
  ];
  if (r.shop?.listedPrice != null && Math.abs(r.shop.listedPrice - r.price) > 0.001) {
    lines.push(zh ? `注意：${r.shop.name} 的标价是${yuan(r.shop.listedPrice)}。` : `Note: ${r.shop.name} lists it at ${yuan(r.shop.listedPrice)}.`);
  }
  if (r.cheaper.length) {
    lines.push(zh ? '更便宜的地方：' : 'Cheaper options:');
    for (const c of r.cheaper) {
      const where = c.online ? (zh ? '线上' : 'online') : c.distanceM != null ? distance(c.distanceM, l) : '';
      lines.push(`• ${c.shopName} ${yuan(c.price)}${zh ? `（省${yuan(c.saving)}${where ? '，' + where : ''}）` : ` (save ${yuan(c.saving)}${where ? ', ' + where : ''})`}`);
    }
  } else if (r.verdict !== 'good_deal') {
    lines.push(zh ? '附近没有更便宜的了。' : 'Nothing cheaper nearby.');
  }
  lines.push(r.rule);
  return lines.join('\n');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function renderMerchantStats(r: Any, l: Locale): string {
  const zh = l === 'zh';
  const c = r.current;
  const shops = r.shops.length === 1 ? r.shops[0].name : zh ? `你的${r.shops.length}家店` : `Your ${r.shops.length} shops`;
  const period = `${r.period.from} – ${r.period.to}`;
  if (c.orders === 0) return zh ? `${shops}在 ${period} 没有成交订单。` : `${shops} had no paid orders in ${period}.`;
  const lines = zh
    ? [
        `${shops}（${period}）：`,
        `• 销售额 ${yuan(c.revenue)}（环比 ${signedPct(r.change.revenuePct, l)}）`,
        `• 订单 ${c.orders} 笔（${signedPct(r.change.ordersPct, l)}），客单价 ${yuan(c.averageBasket)}（${signedPct(r.change.averageBasketPct, l)}）`,
        `• 售出 ${c.units} 件，顾客 ${c.customers} 人${c.refunds ? `，退款 ${c.refunds} 笔` : ''}`,
      ]
    : [
        `${shops} (${period}):`,
        `• Revenue ${yuan(c.revenue)} (${signedPct(r.change.revenuePct, l)} vs previous period)`,
        `• ${plural(c.orders, 'order')} (${signedPct(r.change.ordersPct, l)}), average basket ${yuan(c.averageBasket)} (${signedPct(r.change.averageBasketPct, l)})`,
        `• ${plural(c.units, 'unit')} sold to ${plural(c.customers, 'customer')}${c.refunds ? `, ${plural(c.refunds, 'refund')}` : ''}`,
      ];
  if (r.topProducts.length) {
    lines.push(zh ? '畅销商品：' : 'Top products:');
    r.topProducts.forEach((p: Any, i: number) => lines.push(`${i + 1}. ${p.name} — ${yuan(p.revenue)}${zh ? `，${p.units}件，占${p.sharePct}%` : `, ${plural(p.units, 'unit')}, ${p.sharePct}%`}`));
  }
  return lines.join('\n');
}

const STATUS: Record<string, Record<Locale, string>> = {
  order_now: { zh: '立即订货', en: 'order now' }, order_soon: { zh: '即将需要', en: 'order soon' }, ok: { zh: '充足', en: 'OK' },
};

/** A forecast in whole units a merchant can act on: "不到 1 件" below one, else the nearest whole number. */
function units(x: number, zh: boolean): string {
  if (x < 0.5) return zh ? '不到 1 件' : 'under 1';
  const n = Math.round(x);
  return zh ? `约 ${n} 件` : `about ${n}`;
}

/** 2026-12-02 → 12月2日 / Dec 2. */
function shortDate(iso: string, zh: boolean): string {
  const [, m, d] = iso.split('-').map(Number);
  return zh ? `${m}月${d}日` : `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${d}`;
}

/** Forecasting methods in words (the internal names stay in "how was this computed?"). */
export const MODEL_NAMES: Record<string, Record<Locale, string>> = {
  seasonal_naive: { zh: '按往年同期', en: 'same period last season' }, holt_winters: { zh: '趋势加季节', en: 'trend and season' },
  croston_sba: { zh: '间歇需求（Croston）', en: 'intermittent demand (Croston)' }, tsb: { zh: '间歇需求（TSB）', en: 'intermittent demand (TSB)' },
  naive: { zh: '按最近一周', en: 'last week' }, mean: { zh: '按平均', en: 'average' },
};

export function renderRestock(r: Any, l: Locale): string {
  const zh = l === 'zh';
  const shops = r.shops.length === 1 ? r.shops[0].name : zh ? `你的${r.shops.length}家店` : `Your ${r.shops.length} shops`;
  if (!r.items.length) return zh ? `${shops}近半年没有销售记录，暂时无法预测补货。` : `${shops} sold nothing in the last six months, so there is nothing to forecast.`;
  const lines = [
    zh ? `${shops}补货建议：${r.counts.order_now} 种现在该订，${r.counts.order_soon} 种快要订，${r.counts.ok} 种库存够用。`
       : `${shops} restock: ${r.counts.order_now} to order now, ${r.counts.order_soon} soon, ${r.counts.ok} with enough stock.`,
  ];
  let group = '';
  r.items.forEach((it: Any, i: number) => {
    if (it.status !== group) {
      group = it.status;
      lines.push(zh ? `【${STATUS[it.status].zh}】` : `${STATUS[it.status].en[0].toUpperCase()}${STATUS[it.status].en.slice(1)}:`);
    }
    const next = it.weeklyForecast[0];
    const shop = r.shops.length > 1 ? (zh ? `（${it.shopName}）` : ` (${it.shopName})`) : '';
    const order = it.orderQuantity > 0 ? (zh ? `建议订 ${it.orderQuantity} 件` : `order ${it.orderQuantity}`) : zh ? '暂时不用加订' : 'no order needed yet';
    const out = it.stock > 0 && it.stockoutDate ? (zh ? `，预计${shortDate(it.stockoutDate, zh)}卖完` : `, runs out around ${shortDate(it.stockoutDate, zh)}`) : '';
    const stock = it.stock > 0 ? (zh ? `库存 ${it.stock} 件` : `${it.stock} in stock`) : zh ? '已经断货' : 'out of stock';
    lines.push(zh
      ? `${i + 1}. ${it.name}${shop}：${stock}，下周预计卖${units(next.mean, zh)}，${order}${out}`
      : `${i + 1}. ${it.name}${shop}: ${stock}, ${units(next.mean, zh)} expected next week, ${order}${out}`);
  });
  const models = [...new Set(r.items.map((it: Any) => MODEL_NAMES[it.model]?.[l] ?? it.model))].join(zh ? '、' : ', ');
  lines.push(zh ? `怎么算的：每个商品按它过去两年的周销量，从几种预测方法里选回测最准的（这次用到：${models}）。${r.policy}`
                : `How this was worked out: for each product, the forecasting method that did best on its past two years of weekly sales (used here: ${models}). ${r.policy}`);
  return lines.join('\n');
}

export function renderSatisfaction(r: Any, l: Locale): string {
  const zh = l === 'zh';
  const shops = r.shops.length === 1 ? r.shops[0].name : zh ? `你的${r.shops.length}家店` : `Your ${r.shops.length} shops`;
  const period = `${r.period.from} – ${r.period.to}`;
  if (!r.reviews) return zh ? `${shops}在 ${period} 没有收到评价。` : `${shops} got no reviews in ${period}.`;
  const stars = r.distribution.map((n: number, i: number) => `${i + 1}★ ${n}`).join(' · ');
  const lines = [
    zh ? `${shops}（${period}）：${r.reviews} 条评价，平均 ${r.averageScore} 分（${stars}），差评（≤3分）${r.complaints} 条。`
       : `${shops} (${period}): ${r.reviews} reviews, average ${r.averageScore} (${stars}); ${r.complaints} complaints (≤ 3 stars).`,
  ];
  if (r.comparison.peerShops) {
    lines.push(zh ? `周边 ${r.comparison.peerShops} 家同类店平均 ${r.comparison.peerAverageScore ?? '–'} 分。` : `${r.comparison.peerShops} similar shops nearby average ${r.comparison.peerAverageScore ?? '–'}.`);
  }
  if (r.themes.length) lines.push(zh ? '顾客主要不满：' : 'What customers complain about:');
  r.themes.slice(0, 5).forEach((th: Any, i: number) => {
    const peer = r.comparison.themes.find((c: Any) => c.key === th.key);
    const vs = peer && r.comparison.peerShops ? (zh ? `，周边同类店 ${peer.peersPct}%` : `; nearby peers ${peer.peersPct}%`) : '';
    lines.push(zh
      ? `${i + 1}. ${th.label}：${th.reviews} 条（占差评 ${th.sharePct}%${vs}）。关键词：${th.keywords.join('、')}。例：「${th.quotes[0]}」\n   建议：${th.suggestion}`
      : `${i + 1}. ${th.label}: ${th.reviews} reviews (${th.sharePct}% of complaints${vs}). Keywords: ${th.keywords.join(', ')}. E.g. "${th.quotes[0]}"\n   Suggestion: ${th.suggestion}`);
  });
  if (r.otherKeywords.length) lines.push(zh ? `其他反复出现的词：${r.otherKeywords.map((k: Any) => k.word).join('、')}` : `Other recurring words: ${r.otherKeywords.map((k: Any) => k.word).join(', ')}`);
  return lines.join('\n');
}

const ALERT: Record<string, Record<Locale, string>> = {
  sales_drop: { zh: '销售骤降', en: 'sales drop' }, sales_spike: { zh: '销售激增', en: 'sales spike' }, refund_spike: { zh: '退款激增', en: 'refund spike' },
  complaint_spike: { zh: '差评激增', en: 'complaint spike' }, price_error: { zh: '疑似标错价', en: 'possible price error' },
};

export function renderAnomalies(r: Any, l: Locale): string {
  const zh = l === 'zh';
  const head = zh ? `${r.window.from} – ${r.window.to}` : `${r.window.from} – ${r.window.to}`;
  if (!r.alerts.length) return (zh ? `${head} 没发现异常。` : `Nothing unusual in ${head}.`) + '\n' + r.method;
  const lines = [zh ? `${head} 发现 ${r.alerts.length} 个异常：` : `${r.alerts.length} unusual things in ${head}:`];
  r.alerts.forEach((a: Any, i: number) => lines.push(`${i + 1}. [${ALERT[a.type][l]}] ${a.shop}${a.date ? ` ${a.date}` : ''}: ${a.detail}`));
  lines.push(r.method);
  return lines.join('\n');
}

export function renderPricing(r: Any, l: Locale): string {
  const zh = l === 'zh';
  const lines = [zh ? `${r.shop.name} 分客群定价建议：` : `Pricing by customer segment for ${r.shop.name}:`];
  r.segments.forEach((s: Any, i: number) => lines.push(zh
    ? `${i + 1}. ${s.customers} 位顾客，销售额 ¥${s.revenue}，价格弹性 ${s.elasticity ?? '–'}（${s.observations} 个观测）：${s.suggestion.text}`
    : `${i + 1}. ${s.customers} customers, ¥${s.revenue} revenue, price elasticity ${s.elasticity ?? '–'} (${s.observations} observations): ${s.suggestion.text}`));
  lines.push(r.assumptions, r.fairness);
  return lines.join('\n');
}

export const RENDERERS: Record<string, (r: Any, l: Locale) => string> = {
  anomaly_alerts: renderAnomalies,
  pricing_advice: renderPricing,
  nearby_shops: renderNearby,
  price_check: renderPriceCheck,
  merchant_stats: renderMerchantStats,
  restock_forecast: renderRestock,
  satisfaction_report: renderSatisfaction,
  recommend: renderRecommend,
  customer_profile: renderProfile,
  record_purchase: renderRecordPurchase,
  feedback: renderFeedback,
  contact_shop: renderContactShop,
  credit_line: renderCredit,
  wealth_products: renderWealth,
  risk_questionnaire: renderQuestionnaire,
  scan_to_buy: renderScan,
  confirm_scan: renderConfirmScan,
};

export { renderConfirmation };

/** Follow-ups worth offering as buttons after a tool's answer. */
export function suggestionsFor(tool: string, r: Any, l: Locale): string[] {
  const zh = l === 'zh';
  if (tool === 'scan_to_buy') return scanSuggestions(tool, r, l);
  if (tool === 'nearby_shops' && r.status === 'ok' && r.results.length) {
    const s = zh ? ['更便宜的', '更多', '最近的'] : ['cheaper ones', 'more', 'nearest'];
    return r.total > r.offset + r.results.length ? s : s.filter((x) => x !== (zh ? '更多' : 'more'));
  }
  if (tool === 'merchant_stats') return zh ? ['上个月呢', '本周', '补货建议', '顾客评价'] : ['last month?', 'this week', 'restock forecast', 'customer reviews'];
  if (tool === 'restock_forecast') return zh ? ['交货期14天', '服务水平99%', '顾客评价'] : ['lead time 14 days', 'service level 99%', 'customer reviews'];
  if (tool === 'satisfaction_report') return zh ? ['近一年', '补货建议', '上周销售'] : ['last year', 'restock forecast', 'sales last week'];
  if (tool === 'price_check' && r.status === 'ambiguous') return r.candidates.slice(0, 3).map((c: Any) => c.name);
  if (r.status === 'needs_confirmation') return zh ? ['是', '不'] : ['yes', 'no'];
  if (tool === 'recommend' && r.status === 'ok') return zh ? ['附近能买到的', '便宜点的', '关于我你知道什么'] : ['near me', 'under ¥30', 'what do you know about me'];
  if (tool === 'credit_line') return zh ? ['适合我的理财', '推荐点东西'] : ['wealth products for me', 'recommend something'];
  return [];
}

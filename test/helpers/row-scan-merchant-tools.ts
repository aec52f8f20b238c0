// merchant_stats, restock_forecast and pricing_advice as they read the store before #14: every order
// (with its lines) of the window fetched through the ORM and summed here. Kept as the reference the
// SQL aggregates must match, answer for answer (tests and the before/after bench). Arguments are the
// tools' own parsed input; the refusals (ownShops, periods) are the tools' unchanged code.
import { probit } from 'simple-statistics';
import { anomalyAnswer, seriesAlerts, type anomalyAlerts } from '../../tools/anomaly-alerts.ts';
import type { merchantStats } from '../../tools/merchant-stats/index.ts';
import { ownShops } from '../../tools/merchant-stats/index.ts';
import { localDate, previousRange, resolvePeriod, type Range } from '../../tools/merchant-stats/period.ts';
import { t, ToolError, type CallerContext, type ToolDeps } from '../../tools/context.ts';
import { toYuan } from '../../tools/money.ts';
import { discountEffect, elasticity, SEGMENTS, type pricingAdvice } from '../../tools/pricing-advice.ts';

const DISCOUNTS = [0.05, 0.1, 0.15, 0.2];
import type { restockForecast } from '../../tools/restock-forecast/index.ts';
import { chooseModel } from '../../tools/restock-forecast/models.ts';

const WEEK = 7 * 86_400_000;
const DAY = 86_400_000;
type Args<T extends { input: { parse: (v: unknown) => unknown } }> = ReturnType<T['input']['parse']>;

async function weeklyTrend(deps: ToolDeps, shopIds: number[], now: Date) {
  const weeks = 26;
  const since = new Date(now.getTime() - weeks * WEEK);
  const orders = await deps.db.order.findMany({ where: { shopId: { in: shopIds }, status: 'paid', createdAt: { gte: since, lt: now } }, select: { createdAt: true, total: true } });
  const y = new Array(weeks).fill(0);
  for (const o of orders) y[weeks - 1 - Math.floor((now.getTime() - o.createdAt.getTime()) / WEEK)] += o.total / 100;
  const chosen = chooseModel(y);
  const mean = chosen.model.fit(y)(4);
  const z = 1.645;
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    weeks: [...y.map((_, i) => localDate(new Date(now.getTime() - (weeks - i) * WEEK))), ...mean.map((_, i) => localDate(new Date(now.getTime() + i * WEEK)))],
    revenue: y.map(round),
    forecast: mean.map((m, i) => ({ mean: round(Math.max(0, m)), low: round(Math.max(0, m - z * chosen.residualSd * Math.sqrt(i + 1))), high: round(m + z * chosen.residualSd * Math.sqrt(i + 1)) })),
    model: chosen.model.name,
  };
}

async function totalsFor(deps: ToolDeps, shopIds: number[], range: Range) {
  const orders = await deps.db.order.findMany({
    where: { shopId: { in: shopIds }, createdAt: { gte: range.from, lt: range.to } },
    // The order SQLite gave the rows in before (the (shopId, createdAt) index, an order's lines by id),
    // made explicit: equal revenues in the top products keep the order they were first met in.
    orderBy: [{ shopId: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, total: true, status: true, customerId: true, createdAt: true, items: { select: { productId: true, quantity: true, unitPrice: true }, orderBy: { id: 'asc' } } },
  });
  const paid = orders.filter((o) => o.status === 'paid');
  const revenue = paid.reduce((s, o) => s + o.total, 0);
  const units = paid.reduce((s, o) => s + o.items.reduce((u, i) => u + i.quantity, 0), 0);
  return {
    paid,
    totals: {
      revenue: toYuan(revenue), orders: paid.length, units, customers: new Set(paid.map((o) => o.customerId)).size,
      averageBasket: paid.length ? toYuan(revenue / paid.length) : 0, refunds: orders.length - paid.length,
    },
  };
}

const pct = (now: number, before: number) => (before > 0 ? Math.round(((now - before) / before) * 1000) / 10 : null);

export async function rowScanMerchantStats(deps: ToolDeps, ctx: CallerContext, args: Args<typeof merchantStats>) {
  const shops = await ownShops(deps, ctx, args.shopId);
  let range: Range;
  try {
    range = resolvePeriod(args.period, ctx.now);
  } catch (e) {
    throw new ToolError('invalid_input', (e as Error).message);
  }
  const ids = shops.map((s) => s.id);
  const [current, previous, trend] = await Promise.all([totalsFor(deps, ids, range), totalsFor(deps, ids, previousRange(range)), weeklyTrend(deps, ids, ctx.now)]);
  const byProduct = new Map<number, { units: number; revenue: number }>();
  const byDay = new Map<string, { revenue: number; orders: number }>();
  for (const o of current.paid) {
    for (const i of o.items) {
      const p = byProduct.get(i.productId) ?? { units: 0, revenue: 0 };
      p.units += i.quantity;
      p.revenue += i.quantity * i.unitPrice;
      byProduct.set(i.productId, p);
    }
    const d = localDate(o.createdAt);
    const day = byDay.get(d) ?? { revenue: 0, orders: 0 };
    day.revenue += o.total;
    day.orders++;
    byDay.set(d, day);
  }
  const itemRevenue = [...byProduct.values()].reduce((s, p) => s + p.revenue, 0);
  const top = [...byProduct.entries()].sort((a, b) => b[1].revenue - a[1].revenue).slice(0, args.topN);
  const names = await deps.db.product.findMany({ where: { id: { in: top.map(([id]) => id) } }, select: { id: true, nameZh: true, nameEn: true } });
  const nameOf = new Map(names.map((n) => [n.id, t(ctx.locale, n.nameZh, n.nameEn)]));
  const days: string[] = [];
  for (let at = range.from.getTime(); at < Math.min(range.to.getTime(), ctx.now.getTime()); at += DAY) days.push(localDate(new Date(at)));
  return {
    shops: shops.map((s) => ({ id: s.id, name: t(ctx.locale, s.nameZh, s.nameEn) })),
    period: { label: range.label, from: localDate(range.from), to: localDate(new Date(range.to.getTime() - 1)) },
    current: current.totals,
    previous: previous.totals,
    change: {
      revenuePct: pct(current.totals.revenue, previous.totals.revenue),
      ordersPct: pct(current.totals.orders, previous.totals.orders),
      averageBasketPct: pct(current.totals.averageBasket, previous.totals.averageBasket),
    },
    topProducts: top.map(([id, p]) => ({ productId: id, name: nameOf.get(id) ?? `#${id}`, units: p.units, revenue: toYuan(p.revenue), sharePct: itemRevenue ? Math.round((p.revenue / itemRevenue) * 1000) / 10 : 0 })),
    daily: days.map((date) => ({ date, revenue: toYuan(byDay.get(date)?.revenue ?? 0), orders: byDay.get(date)?.orders ?? 0 })),
    trend,
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export async function rowScanRestockForecast(deps: ToolDeps, ctx: CallerContext, args: Args<typeof restockForecast>) {
  const shops = await ownShops(deps, ctx, args.shopId);
  const shopName = new Map(shops.map((s) => [s.id, t(ctx.locale, s.nameZh, s.nameEn)]));
  let productFilter: number[] | undefined;
  if (args.product) {
    const found = deps.products.search(args.product, 20).filter((m, _, all) => m.score >= all[0].score - 1e-9);
    if (!found.length || found[0].score < 0.5) throw new ToolError('not_found', t(ctx.locale, `没有找到「${args.product}」。`, `No product matches "${args.product}".`));
    productFilter = found.map((m) => m.product.id);
  }
  const since = new Date(ctx.now.getTime() - 104 * WEEK);
  const [offers, lines] = await Promise.all([
    deps.db.offer.findMany({ where: { shopId: { in: [...shopName.keys()] }, ...(productFilter ? { productId: { in: productFilter } } : {}) }, include: { product: { select: { nameZh: true, nameEn: true } } } }),
    deps.db.orderItem.findMany({
      where: { order: { shopId: { in: [...shopName.keys()] }, status: 'paid', createdAt: { gte: since, lt: ctx.now } }, ...(productFilter ? { productId: { in: productFilter } } : {}) },
      select: { productId: true, quantity: true, order: { select: { shopId: true, createdAt: true } } },
    }),
  ]);
  const firstSale = lines.reduce((min, l) => Math.min(min, l.order.createdAt.getTime()), ctx.now.getTime());
  const weeks = Math.max(1, Math.min(104, Math.ceil((ctx.now.getTime() - firstSale) / WEEK)));
  const series = new Map<string, number[]>();
  const total = new Array(weeks).fill(0);
  for (const l of lines) {
    const back = Math.floor((ctx.now.getTime() - l.order.createdAt.getTime()) / WEEK);
    if (back >= weeks) continue;
    const key = `${l.order.shopId}:${l.productId}`;
    const y = series.get(key) ?? new Array(weeks).fill(0);
    y[weeks - 1 - back] += l.quantity;
    series.set(key, y);
    total[weeks - 1 - back] += l.quantity;
  }
  const z = probit(args.serviceLevel);
  const leadWeeks = args.leadTimeDays / 7;
  const coverWeeks = (args.leadTimeDays + args.reviewDays) / 7;
  const weekStart = (i: number) => localDate(new Date(ctx.now.getTime() + i * WEEK));
  const items = [];
  for (const offer of offers) {
    const y = series.get(`${offer.shopId}:${offer.productId}`);
    if (!y || y.slice(-26).every((v) => v === 0)) continue;
    const chosen = chooseModel(y);
    const mean = chosen.model.fit(y)(args.horizonWeeks).map((v) => Math.max(0, v));
    const sd = chosen.residualSd;
    const perWeek = mean[0];
    const leadTimeDemand = perWeek * leadWeeks;
    const safetyStock = z * sd * Math.sqrt(leadWeeks);
    const reorderPoint = leadTimeDemand + safetyStock;
    const orderQuantity = Math.max(0, Math.ceil(perWeek * coverWeeks + safetyStock - offer.stock));
    let left = offer.stock;
    let stockoutDate: string | null = null;
    for (let i = 0; i < 52 && perWeek > 0; i++) {
      const need = mean[Math.min(i, mean.length - 1)];
      if (need >= left) {
        stockoutDate = localDate(new Date(ctx.now.getTime() + (i + left / Math.max(need, 1e-9)) * WEEK));
        break;
      }
      left -= need;
    }
    const status: 'order_now' | 'order_soon' | 'ok' = offer.stock <= reorderPoint ? 'order_now' : offer.stock <= reorderPoint + perWeek * (args.reviewDays / 7) ? 'order_soon' : 'ok';
    items.push({
      shopId: offer.shopId, shopName: shopName.get(offer.shopId)!, productId: offer.productId, name: t(ctx.locale, offer.product.nameZh, offer.product.nameEn), stock: offer.stock,
      model: chosen.model.name, backtestMase: Number.isFinite(chosen.mase) ? Math.round(chosen.mase * 1000) / 1000 : null,
      weeklyForecast: mean.map((m, i) => ({ weekStart: weekStart(i), mean: round1(m), low: round1(Math.max(0, m - z * sd * Math.sqrt(i + 1))), high: round1(m + z * sd * Math.sqrt(i + 1)) })),
      leadTimeDemand: round1(leadTimeDemand), safetyStock: round1(safetyStock), reorderPoint: round1(reorderPoint), orderQuantity, stockoutDate, status,
    });
  }
  const rank = { order_now: 0, order_soon: 1, ok: 2 } as const;
  items.sort((a, b) => rank[a.status] - rank[b.status] || (a.stockoutDate ?? '9999').localeCompare(b.stockoutDate ?? '9999') || b.reorderPoint - a.reorderPoint);
  const counts = { order_now: 0, order_soon: 0, ok: 0 };
  for (const i of items) counts[i.status]++;
  const trendModel = chooseModel(total);
  const trendMean = trendModel.model.fit(total)(args.horizonWeeks);
  return {
    shops: shops.map((s) => ({ id: s.id, name: shopName.get(s.id)! })),
    policy: t(ctx.locale,
      `补货策略：交货期 ${args.leadTimeDays} 天、服务水平 ${Math.round(args.serviceLevel * 100)}%（z=${z.toFixed(2)}）；再订货点 = 交货期需求 + 安全库存（z×预测误差×√交货期），订货量补到 ${args.leadTimeDays + args.reviewDays} 天的需求。`,
      `Policy: lead time ${args.leadTimeDays} days, service level ${Math.round(args.serviceLevel * 100)}% (z=${z.toFixed(2)}); reorder point = lead-time demand + safety stock (z × forecast error × √lead time); order up to ${args.leadTimeDays + args.reviewDays} days of demand.`),
    counts,
    items: items.slice(0, args.limit),
    trend: {
      weeks: [...total.map((_, i) => localDate(new Date(ctx.now.getTime() - (weeks - i) * WEEK))).slice(-26), ...trendMean.map((_, i) => weekStart(i))],
      actualUnits: total.slice(-26),
      forecast: trendMean.map((m, i) => ({ mean: round1(m), low: round1(Math.max(0, m - z * trendModel.residualSd * Math.sqrt(i + 1))), high: round1(m + z * trendModel.residualSd * Math.sqrt(i + 1)) })),
      model: trendModel.model.name,
    },
  };
}

export async function rowScanPricingAdvice(deps: ToolDeps, ctx: CallerContext, args: Args<typeof pricingAdvice>) {
  const shops = await ownShops(deps, ctx, args.shopId);
  const counts = await deps.db.order.groupBy({ by: ['shopId'], where: { shopId: { in: shops.map((s) => s.id) } }, _count: true });
  const shop = args.shopId ? shops[0] : shops.sort((a, b) => (counts.find((c) => c.shopId === b.id)?._count ?? 0) - (counts.find((c) => c.shopId === a.id)?._count ?? 0))[0];
  const since = new Date(ctx.now.getTime() - args.days * DAY);
  const orders = await deps.db.order.findMany({
    where: { shopId: shop.id, status: 'paid', createdAt: { gte: since, lt: ctx.now } },
    select: { customerId: true, createdAt: true, items: { select: { productId: true, quantity: true, unitPrice: true } } },
  });
  const visits = new Map<number, number>();
  for (const o of orders) visits.set(o.customerId, (visits.get(o.customerId) ?? 0) + 1);
  const segmentOf = (customer: number) => ((visits.get(customer) ?? 0) >= 4 ? 'regulars' : (visits.get(customer) ?? 0) >= 2 ? 'occasional' : 'one_off');
  // (Before: every price of a product in an array, then Math.max(...prices); the same maximum.)
  const usualPrice = new Map<number, number>();
  for (const o of orders) for (const i of o.items) usualPrice.set(i.productId, Math.max(usualPrice.get(i.productId) ?? -Infinity, i.unitPrice));

    const zh = ctx.locale === 'zh';
    const segments = SEGMENTS.map((segment) => {
      const mine = orders.filter((o) => segmentOf(o.customerId) === segment);
      // Weekly units per product at each price level the segment paid.
      const cells = new Map<string, { product: number; priceRatio: number; units: number }>();
      for (const o of mine) for (const i of o.items) {
        const week = Math.floor(o.createdAt.getTime() / (7 * DAY));
        const ratio = Math.round((i.unitPrice / usualPrice.get(i.productId)!) * 100) / 100;
        const key = `${i.productId}:${week}:${ratio}`;
        const cell = cells.get(key) ?? { product: i.productId, priceRatio: ratio, units: 0 };
        cell.units += i.quantity;
        cells.set(key, cell);
      }
      const raw = elasticity([...cells.values()]);
      const e = { n: raw.n, value: raw.value === null ? null : Math.round(raw.value * 100) / 100 };
      const revenue = mine.reduce((s, o) => s + o.items.reduce((a, i) => a + i.quantity * i.unitPrice, 0), 0);
      // Best discount by expected margin; without a clear price response, suggest a bundle, never a price rise.
      let best = { d: 0, ...discountEffect(0, e.value ?? 0, args.costRatio) };
      if (e.value !== null) for (const d of DISCOUNTS) {
        const effect = discountEffect(d, e.value, args.costRatio);
        if (effect.marginPct > best.marginPct) best = { d, ...effect };
      }
      const kind = best.d > 0 ? 'coupon' : e.value !== null && e.value > -1 ? 'bundle' : 'keep_price';
      const label = { regulars: zh ? '常客（近一年来店≥4次）' : 'regulars (4+ visits in a year)', occasional: zh ? '偶尔来（2–3次）' : 'occasional (2–3 visits)', one_off: zh ? '只来过一次' : 'one-off visitors' }[segment];
      const text = kind === 'coupon'
        ? (zh ? `给${label}发 ${Math.round(best.d * 100)}% 折扣券：预计销售额 ${best.revenuePct >= 0 ? '+' : ''}${best.revenuePct}%，毛利 ${best.marginPct >= 0 ? '+' : ''}${best.marginPct}%。` : `Send ${label} a ${Math.round(best.d * 100)}% coupon: revenue ${best.revenuePct >= 0 ? '+' : ''}${best.revenuePct}%, margin ${best.marginPct >= 0 ? '+' : ''}${best.marginPct}% expected.`)
        : kind === 'bundle'
          ? (zh ? `${label}对价格不敏感（弹性 ${e.value}）：不必降价，可推“满减/组合装”提高客单价，价格保持不变。` : `${label} barely react to price (elasticity ${e.value}): no discount needed; offer a bundle or spend-and-save to lift the basket, and keep prices as they are.`)
          : (zh ? `${label}的历史价格变化太少，无法估计；建议先做一次小范围折扣试验，价格保持不变。` : `Too little price variation for ${label} to estimate a response; run a small discount test first and keep prices as they are.`);
      return { segment, customers: new Set(mine.map((o) => o.customerId)).size, revenue: toYuan(revenue), elasticity: e.value, observations: e.n,
        suggestion: { kind, discountPct: Math.round(best.d * 100), text, revenueChangePct: best.revenuePct, marginChangePct: best.marginPct } } as const;
    });
    return {
      shop: { id: shop.id, name: t(ctx.locale, shop.nameZh, shop.nameEn) },
      assumptions: t(ctx.locale, `弹性由近 ${args.days} 天各客群在不同成交价（含促销）下的周销量估计（同商品内比较）；单位成本按常规售价的 ${Math.round(args.costRatio * 100)}% 计。`, `Elasticity from each segment's weekly units at the prices they paid (promotions included) over ${args.days} days, compared within each product; unit cost assumed ${Math.round(args.costRatio * 100)}% of the usual price.`),
      fairness: t(ctx.locale, '公平规则：只做折扣，不会对任何客群同一商品标更高价；客群只按购买行为划分，不使用年龄、性别、职业、住址等信息。', 'Fairness rule: discounts only — no segment ever pays more for the same product; segments use purchase behaviour only, never age, gender, job or address.'),
      segments,
    };
}

// anomaly_alerts before the SQL series: every order and bad review of the window through the ORM, five statements per shop.
export async function rowScanAnomalyAlerts(deps: ToolDeps, ctx: CallerContext, args: Args<typeof anomalyAlerts>) {
    const shops = await ownShops(deps, ctx, args.shopId);
    const window = resolvePeriod(args.period, ctx.now);
    const from = new Date(window.from.getTime() - args.lookbackDays * DAY);
    const days = Math.round((window.to.getTime() - from.getTime()) / DAY);
    const start = args.lookbackDays;
    const alerts: { shop: string; date: string | null; type: string; value: number; expected: number; score: number; detail: string }[] = [];
    const zh = ctx.locale === 'zh';
    for (const shop of shops) {
      const name = t(ctx.locale, shop.nameZh, shop.nameEn);
      const [orders, complaints] = await Promise.all([
        deps.db.order.findMany({ where: { shopId: shop.id, createdAt: { gte: from, lt: window.to } }, select: { createdAt: true, total: true, status: true } }),
        deps.db.review.findMany({ where: { shopId: shop.id, score: { lte: 2 }, createdAt: { gte: from, lt: window.to } }, select: { createdAt: true } }),
      ]);
      const revenue = new Array(days).fill(0);
      const refunds = new Array(days).fill(0);
      const bad = new Array(days).fill(0);
      const idx = (d: Date) => Math.floor((d.getTime() - from.getTime()) / DAY);
      for (const o of orders) (o.status === 'paid' ? revenue : refunds)[idx(o.createdAt)] += o.status === 'paid' ? o.total : 1;
      for (const r of complaints) bad[idx(r.createdAt)]++;
      alerts.push(...seriesAlerts(name, { revenue, refunds, bad }, from, start, zh)); // the scoring is shared; the series were read row by row
      const offers = await deps.db.offer.findMany({ where: { shopId: shop.id }, orderBy: { id: 'asc' }, select: { price: true, productId: true, product: { select: { nameZh: true, nameEn: true } } } });
      const market = await deps.db.offer.groupBy({ by: ['productId'], where: { productId: { in: offers.map((o) => o.productId) }, shopId: { not: shop.id } }, _avg: { price: true }, _count: true });
      const avg = new Map(market.filter((m) => m._count >= 2).map((m) => [m.productId, m._avg.price!]));
      for (const o of offers) {
        const ref = avg.get(o.productId);
        if (!ref) continue;
        const ratio = o.price / ref;
        if (ratio < 0.4 || ratio > 2.5) {
          alerts.push({ shop: name, date: null, type: 'price_error', value: toYuan(o.price), expected: toYuan(ref), score: Math.round(ratio * 100) / 100,
            detail: zh ? `「${o.product.nameZh}」标价 ¥${toYuan(o.price)}，别家平均 ¥${toYuan(ref)}，可能标错价` : `"${o.product.nameEn}" is listed at ¥${toYuan(o.price)} vs ¥${toYuan(ref)} elsewhere: a possible price error` });
        }
      }
    }
    return anomalyAnswer(shops, window, alerts as never, ctx.locale);
}

// customer_profile (用户画像): what we know about the calling shopper, in three layers —
// facts (what, where, how much, how often, how they pay), model tags (next purchases and timing,
// price sensitivity, segment) and marketing tags (RFM, activity, churn risk). Only their own data.
import { quantileSorted } from 'simple-statistics';
import { z } from 'zod';
import { categoryLabel } from './catalogue/categories.ts';
import { defineTool, shopperId, t, ToolError } from './context.ts';
import { localDate, periodSchema, resolvePeriod } from './merchant-stats/period.ts';
import { toYuan } from './money.ts';
import { dayOf } from './recommend/data.ts';
import { recommenderFor } from './recommend/index.ts';
import { marketPrices, quintileScore, recencyDays as populationRecency, rfmPopulation, RFM_WINDOW_DAYS } from './profile-statistics.ts';
import { selfReportedOrders } from './shared/self-reported.ts';

const DAY = 86_400_000;
const output = z.object({
  name: z.string(),
  facts: z.object({
    orders: z.number(), firstOrder: z.string().nullable(), lastOrder: z.string().nullable(), spend90d: z.number(), averageBasket: z.number(),
    topCategories: z.array(z.object({ category: z.string(), sharePct: z.number() })), topShops: z.array(z.object({ name: z.string(), visits: z.number() })),
    weekendSharePct: z.number(), payment: z.array(z.object({ method: z.string(), sharePct: z.number() })),
  }),
  model: z.object({
    nextPurchases: z.array(z.object({ name: z.string(), dueDate: z.string() })),
    priceSensitivity: z.enum(['high', 'medium', 'low', 'unknown']), priceVsMarketPct: z.number().nullable(),
    segment: z.enum(['bargain_hunter', 'brand_loyal', 'family', 'student', 'convenience', 'new']), topBrand: z.string().nullable(),
  }),
  /** What they bought in the period they asked about ("上个月我花了多少", "how much did I spend in October"). */
  inPeriod: z.object({
    from: z.string(), to: z.string(), orders: z.number(), spend: z.number(),
    topItems: z.array(z.object({ name: z.string(), quantity: z.number(), spend: z.number() })),
  }).optional(),
  marketing: z.object({
    recencyDays: z.number().nullable(), rfm: z.object({ r: z.number(), f: z.number(), m: z.number() }),
    activity: z.enum(['active', 'cooling', 'lapsing', 'dormant', 'new']), churnRisk: z.enum(['low', 'medium', 'high', 'unknown']),
  }),
});

const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0);

export const customerProfile = defineTool({
  name: 'customer_profile',
  example: { period: 'last_month' },
  description: 'The calling shopper\'s own profile ("what do you know about me"): facts from their purchases, model tags (next purchases, price sensitivity, segment) and marketing tags (RFM scores, activity, churn risk). With a period, also their orders and spend (yuan) in it and what they bought most.',
  access: 'read',
  roles: ['shopper'],
  input: z.object({
    period: periodSchema.optional().describe('Only when they ask about a time: a named period or {from, to} dates (YYYY-MM-DD, China time).'),
  }),
  output,
  async run(deps, ctx, args) {
    const customerId = shopperId(ctx);
    const customer = await deps.db.customer.findUnique({ where: { id: customerId } });
    if (!customer) throw new ToolError('not_found', `no customer ${customerId}`);
    const paid = await deps.db.order.findMany({
      where: { customerId, status: 'paid' }, orderBy: { createdAt: 'asc' },
      select: { createdAt: true, total: true, paymentMethod: true, shop: { select: { nameZh: true, nameEn: true } }, items: { select: { productId: true, quantity: true, unitPrice: true } } },
    });
    const orders = [...paid, ...(await selfReportedOrders(deps.db, customerId))].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const now = ctx.now.getTime();
    const recent = orders.filter((o) => now - o.createdAt.getTime() <= 90 * DAY);
    const spendByCategory = new Map<string, number>();
    const brandCount = new Map<string, number>();
    const priceRatios: number[] = [];
    const medians = await marketPrices(deps.db); // average offer price per product (cached: profile-statistics.ts)
    for (const o of orders) for (const i of o.items) {
      const p = deps.products.get(i.productId);
      if (!p) continue;
      spendByCategory.set(p.category, (spendByCategory.get(p.category) ?? 0) + i.quantity * i.unitPrice);
      brandCount.set(p.brand, (brandCount.get(p.brand) ?? 0) + 1);
      const market = medians.get(i.productId);
      if (market) priceRatios.push(i.unitPrice / market);
    }
    const totalSpend = [...spendByCategory.values()].reduce((a, b) => a + b, 0);
    const shopVisits = new Map<string, number>();
    for (const o of orders) {
      const name = t(ctx.locale, o.shop.nameZh, o.shop.nameEn);
      shopVisits.set(name, (shopVisits.get(name) ?? 0) + 1);
    }
    const payments = new Map<string, number>();
    for (const o of orders) payments.set(o.paymentMethod, (payments.get(o.paymentMethod) ?? 0) + 1);
    const ratio = priceRatios.length ? priceRatios.reduce((a, b) => a + b, 0) / priceRatios.length : null;
    const topBrand = [...brandCount.entries()].sort((a, b) => b[1] - a[1])[0];
    const itemsBought = [...brandCount.values()].reduce((a, b) => a + b, 0);
    const topCategories = [...spendByCategory.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);

    // Next purchases: items bought on a rhythm, with when they fall due.
    const model = await recommenderFor(deps, ctx.now);
    const today = dayOf(ctx.now);
    const next = [...model.rhythms(customerId).entries()].filter(([, r]) => r.times >= 3 && r.everyDays > 0)
      .map(([item, r]) => ({ item, due: r.last + r.everyDays })).filter((x) => x.due >= today - 7).sort((a, b) => a.due - b.due).slice(0, 3)
      .map((x) => {
        const p = deps.products.get(x.item)!;
        return { name: t(ctx.locale, p.nameZh, p.nameEn), dueDate: localDate(new Date(Math.max(x.due, today) * DAY)) };
      });

    // Segment from behaviour only (never from age, gender or other protected traits).
    const categoryShare = (c: string) => (spendByCategory.get(c) ?? 0) / (totalSpend || 1);
    const segment: z.infer<typeof output>['model']['segment'] = !orders.length ? 'new' : ratio !== null && ratio < 0.95 ? 'bargain_hunter' : topBrand && topBrand[1] / itemsBought > 0.5 ? 'brand_loyal'
      : categoryShare('baby') + categoryShare('fresh') > 0.4 ? 'family' : categoryShare('stationery') + categoryShare('books') + categoryShare('snacks') > 0.45 ? 'student' : 'convenience';

    // RFM against all shoppers' last 180 days, scored 1-5 by quintile (the population is cached: profile-statistics.ts).
    const population = await rfmPopulation(deps.db, ctx.now);
    const window = now - RFM_WINDOW_DAYS * DAY;
    const mineInWindow = paid.filter((o) => o.createdAt.getTime() >= window);
    const mine = mineInWindow.length ? { count: mineInWindow.length, spend: mineInWindow.reduce((s, o) => s + o.total, 0) } : undefined;
    const last = orders.at(-1)?.createdAt.getTime();
    const recencyDays = last ? Math.floor((now - last) / DAY) : null;
    const gaps = orders.slice(1).map((o, i) => (o.createdAt.getTime() - orders[i].createdAt.getTime()) / DAY).sort((a, b) => a - b);
    const typicalGap = gaps.length ? quantileSorted(gaps, 0.5) : null;
    const activity: z.infer<typeof output>['marketing']['activity'] = recencyDays === null ? 'new' : recencyDays <= 14 ? 'active' : recencyDays <= 45 ? 'cooling' : recencyDays <= 90 ? 'lapsing' : 'dormant';
    const churnRisk: z.infer<typeof output>['marketing']['churnRisk'] = recencyDays === null || typicalGap === null ? 'unknown' : recencyDays > 3 * Math.max(typicalGap, 3) ? 'high' : recencyDays > 1.5 * Math.max(typicalGap, 3) ? 'medium' : 'low';

    return {
      name: customer.displayName,
      ...(args.period ? { inPeriod: spentIn(args.period, orders, ctx.now, (id) => deps.products.get(id), ctx.locale) } : {}),
      facts: {
        orders: orders.length, firstOrder: orders[0] ? localDate(orders[0].createdAt) : null, lastOrder: last ? localDate(new Date(last)) : null,
        spend90d: toYuan(recent.reduce((s, o) => s + o.total, 0)), averageBasket: orders.length ? toYuan(orders.reduce((s, o) => s + o.total, 0) / orders.length) : 0,
        topCategories: topCategories.map(([c, v]) => ({ category: categoryLabel(c, ctx.locale), sharePct: pct(v, totalSpend) })),
        topShops: [...shopVisits.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([name, visits]) => ({ name, visits })),
        weekendSharePct: pct(orders.filter((o) => [0, 6].includes(new Date(o.createdAt.getTime() + 8 * 3600_000).getUTCDay())).length, orders.length),
        payment: [...payments.entries()].sort((a, b) => b[1] - a[1]).map(([method, n]) => ({ method, sharePct: pct(n, orders.length) })),
      },
      model: {
        nextPurchases: next,
        priceSensitivity: (ratio === null ? 'unknown' : ratio < 0.95 ? 'high' : ratio > 1.05 ? 'low' : 'medium') as 'unknown' | 'high' | 'low' | 'medium',
        priceVsMarketPct: ratio === null ? null : Math.round((ratio - 1) * 1000) / 10,
        segment, topBrand: topBrand ? topBrand[0] : null,
      },
      marketing: {
        recencyDays,
        rfm: { r: recencyDays === null ? 1 : 6 - quintileScore(populationRecency(population, ctx.now), recencyDays), f: quintileScore(population.frequency, mine?.count), m: quintileScore(population.monetary, mine?.spend) },
        activity, churnRisk,
      },
    };
  },
});

type Bought = { createdAt: Date; total: number; items: { productId: number; quantity: number; unitPrice: number }[] };
/** Their orders, spend and most-bought items in a period (the same days the merchant tools count, China time). */
function spentIn(period: z.infer<typeof periodSchema>, orders: Bought[], now: Date, product: (id: number) => { nameZh: string; nameEn: string } | undefined, locale: 'zh' | 'en') {
  let range;
  try {
    range = resolvePeriod(period, now);
  } catch (e) {
    throw new ToolError('invalid_input', (e as Error).message);
  }
  const inside = orders.filter((o) => o.createdAt >= range.from && o.createdAt < range.to);
  const items = new Map<number, { quantity: number; spend: number }>();
  for (const o of inside) for (const i of o.items) {
    const a = items.get(i.productId) ?? { quantity: 0, spend: 0 };
    items.set(i.productId, { quantity: a.quantity + i.quantity, spend: a.spend + i.quantity * i.unitPrice });
  }
  const topItems = [...items.entries()].sort((a, b) => b[1].spend - a[1].spend).slice(0, 3).flatMap(([id, a]) => {
    const p = product(id);
    return p ? [{ name: t(locale, p.nameZh, p.nameEn), quantity: a.quantity, spend: toYuan(a.spend) }] : [];
  });
  return {
    from: localDate(range.from), to: localDate(new Date(range.to.getTime() - 1)), orders: inside.length,
    spend: toYuan(inside.reduce((s, o) => s + o.total, 0)), topItems,
  };
}

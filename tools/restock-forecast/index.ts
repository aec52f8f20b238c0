// restock_forecast: weekly demand per product with intervals (model per series chosen by a rolling-origin
// backtest), reorder point and order quantity from lead time and service level, the predicted stock-out
// date, and a ranked "order now / soon / OK" list for the merchant's own shops.
import { probit } from 'simple-statistics';
import { z } from 'zod';
import { defineTool, t, ToolError } from '../context.ts';
import { ownShops } from '../merchant-stats/index.ts';
import { localDate } from '../merchant-stats/period.ts';
import { weeklyUnits } from './demand-sql.ts';
import { modelChoices } from './model-choices.ts';

const WEEK = 7 * 86_400_000;
const HISTORY_WEEKS = 104;

const input = z.object({
  shopId: z.number().int().positive().optional().describe('One of the merchant\'s shops; omit for all.'),
  product: z.string().max(200).optional().describe('Only this product (name as the merchant said it).'),
  horizonWeeks: z.number().int().min(1).max(12).default(4),
  leadTimeDays: z.number().int().min(1).max(60).default(7).describe('Days from ordering to delivery.'),
  reviewDays: z.number().int().min(1).max(60).default(7).describe('Days between orders (order-up-to cover).'),
  serviceLevel: z.number().min(0.5).max(0.999).default(0.95).describe('Wanted chance of not running out during the lead time.'),
  limit: z.number().int().min(1).max(50).default(10),
});

const item = z.object({
  shopId: z.number(), shopName: z.string(), productId: z.number(), name: z.string(), stock: z.number(),
  model: z.string(), backtestMase: z.number().nullable(), weeklyForecast: z.array(z.object({ weekStart: z.string(), mean: z.number(), low: z.number(), high: z.number() })),
  leadTimeDemand: z.number(), safetyStock: z.number(), reorderPoint: z.number(), orderQuantity: z.number(),
  stockoutDate: z.string().nullable(), status: z.enum(['order_now', 'order_soon', 'ok']),
});
const output = z.object({
  shops: z.array(z.object({ id: z.number(), name: z.string() })),
  policy: z.string(),
  counts: z.object({ order_now: z.number(), order_soon: z.number(), ok: z.number() }),
  items: z.array(item),
  trend: z.object({ weeks: z.array(z.string()), actualUnits: z.array(z.number()), forecast: z.array(z.object({ mean: z.number(), low: z.number(), high: z.number() })), model: z.string() }),
});

const round1 = (x: number) => Math.round(x * 10) / 10;

export const restockForecast = defineTool({
  name: 'restock_forecast',
  example: { product: '洗衣液', leadTimeDays: 7, serviceLevel: 0.95 },
  description: 'For the merchant\'s own shops: forecast weekly demand per product (model chosen per product by backtest: seasonal naive, Holt-Winters, Croston-SBA or TSB), reorder point and order quantity for a lead time and service level, predicted stock-out date, and a ranked order-now / soon / OK list.',
  access: 'read',
  roles: ['merchant'],
  input,
  output,
  async run(deps, ctx, args) {
    const shops = await ownShops(deps, ctx, args.shopId);
    const shopName = new Map(shops.map((s) => [s.id, t(ctx.locale, s.nameZh, s.nameEn)]));
    let productFilter: number[] | undefined;
    if (args.product) {
      const found = deps.products.search(args.product, 20).filter((m, _, all) => m.score >= all[0].score - 1e-9);
      if (!found.length || found[0].score < 0.5) throw new ToolError('not_found', t(ctx.locale, `没有找到「${args.product}」。`, `No product matches "${args.product}".`));
      productFilter = found.map((m) => m.product.id);
    }
    const since = new Date(ctx.now.getTime() - HISTORY_WEEKS * WEEK);
    const [offers, demand] = await Promise.all([
      deps.db.offer.findMany({ where: { shopId: { in: [...shopName.keys()] }, ...(productFilter ? { productId: { in: productFilter } } : {}) }, include: { product: { select: { nameZh: true, nameEn: true } } } }),
      weeklyUnits(deps.db, [...shopName.keys()], since, ctx.now, productFilter),
    ]);
    // Weekly demand per (shop, product); week 0 is the oldest, the last one ends now.
    const weeks = Math.max(1, Math.min(HISTORY_WEEKS, Math.ceil((ctx.now.getTime() - demand.firstSaleMs) / WEEK)));
    const series = new Map<string, number[]>();
    const total = new Array(weeks).fill(0);
    for (const r of demand.rows) {
      if (r.weeksBack >= weeks) continue;
      const key = `${r.shopId}:${r.productId}`;
      const y = series.get(key) ?? new Array(weeks).fill(0);
      y[weeks - 1 - r.weeksBack] += r.units;
      series.set(key, y);
      total[weeks - 1 - r.weeksBack] += r.units;
    }
    // No sales for half a year: nothing to forecast.
    const forecastable = offers.flatMap((offer) => {
      const y = series.get(`${offer.shopId}:${offer.productId}`);
      return y && !y.slice(-26).every((v) => v === 0) ? [{ offer, y }] : [];
    });
    // One batch of model choices (cached per series; a big uncached batch runs in a worker thread).
    const [trendModel, ...choices] = await modelChoices.chooseAll([total, ...forecastable.map((f) => f.y)]);

    const z = probit(args.serviceLevel);
    const leadWeeks = args.leadTimeDays / 7;
    const coverWeeks = (args.leadTimeDays + args.reviewDays) / 7;
    const weekStart = (i: number) => localDate(new Date(ctx.now.getTime() + i * WEEK));
    const items: z.input<typeof item>[] = forecastable.map(({ offer }, n) => {
      const chosen = choices[n];
      const mean = chosen.forecast.slice(0, args.horizonWeeks).map((v) => Math.max(0, v));
      const sd = chosen.residualSd;
      const perWeek = mean[0];
      const leadTimeDemand = perWeek * leadWeeks;
      const safetyStock = z * sd * Math.sqrt(leadWeeks);
      const reorderPoint = leadTimeDemand + safetyStock;
      const orderQuantity = Math.max(0, Math.ceil(perWeek * coverWeeks + safetyStock - offer.stock));
      // Stock-out: walk the weekly forecast until the stock is used up.
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
      const status = offer.stock <= reorderPoint ? 'order_now' : offer.stock <= reorderPoint + perWeek * (args.reviewDays / 7) ? 'order_soon' : 'ok';
      return {
        shopId: offer.shopId, shopName: shopName.get(offer.shopId)!, productId: offer.productId, name: t(ctx.locale, offer.product.nameZh, offer.product.nameEn), stock: offer.stock,
        model: chosen.model, backtestMase: Number.isFinite(chosen.mase) ? Math.round(chosen.mase * 1000) / 1000 : null,
        weeklyForecast: mean.map((m, i) => ({ weekStart: weekStart(i), mean: round1(m), low: round1(Math.max(0, m - z * sd * Math.sqrt(i + 1))), high: round1(m + z * sd * Math.sqrt(i + 1)) })),
        leadTimeDemand: round1(leadTimeDemand), safetyStock: round1(safetyStock), reorderPoint: round1(reorderPoint), orderQuantity, stockoutDate, status,
      };
    });
    const rank = { order_now: 0, order_soon: 1, ok: 2 } as const;
    items.sort((a, b) => rank[a.status] - rank[b.status] || (a.stockoutDate ?? '9999').localeCompare(b.stockoutDate ?? '9999') || b.reorderPoint - a.reorderPoint);
    const counts = { order_now: 0, order_soon: 0, ok: 0 };
    for (const i of items) counts[i.status]++;

    const trendMean = trendModel.forecast.slice(0, args.horizonWeeks);
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
        model: trendModel.model,
      },
    };
  },
});

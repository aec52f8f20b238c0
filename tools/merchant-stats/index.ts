// merchant_stats: revenue, orders, basket and top products for the caller's own shops, vs the previous period.
import { z } from 'zod';
import { defineTool, t, ToolError, type CallerContext, type ToolDeps } from '../context.ts';
import { toYuan } from '../money.ts';
import { modelChoices } from '../restock-forecast/model-choices.ts';
import { localDate, periodSchema, previousRange, resolvePeriod, type Range } from './period.ts';
import { dailySales, periodTotals, productSales, storableDate, weeklyRevenue } from './sales-sql.ts';

const input = z.object({
  period: periodSchema.default('last_7_days').describe('A named period or {from, to} dates (YYYY-MM-DD, China time).'),
  shopId: z.number().int().positive().optional().describe('One of the merchant\'s shops; omit for all of them.'),
  topN: z.number().int().min(1).max(20).default(5),
});

const totals = z.object({ revenue: z.number(), orders: z.number(), units: z.number(), customers: z.number(), averageBasket: z.number(), refunds: z.number() });
const output = z.object({
  shops: z.array(z.object({ id: z.number(), name: z.string() })),
  period: z.object({ label: z.string(), from: z.string(), to: z.string() }),
  current: totals,
  previous: totals,
  change: z.object({ revenuePct: z.number().nullable(), ordersPct: z.number().nullable(), averageBasketPct: z.number().nullable() }),
  topProducts: z.array(z.object({ productId: z.number(), name: z.string(), units: z.number(), revenue: z.number(), sharePct: z.number() })),
  daily: z.array(z.object({ date: z.string(), revenue: z.number(), orders: z.number() })),
  trend: z.object({ weeks: z.array(z.string()), revenue: z.array(z.number()), forecast: z.array(z.object({ mean: z.number(), low: z.number(), high: z.number() })), model: z.string() }),
});

const WEEK = 7 * 86_400_000;

/** Weekly revenue for the last 26 weeks and a 4-week forecast with a 90% band (model chosen by backtest). */
async function weeklyTrend(deps: ToolDeps, shopIds: number[], now: Date) {
  const weeks = 26;
  const y = (await weeklyRevenue(deps.db, shopIds, now, weeks)).map((fen) => fen / 100);
  const [chosen] = await modelChoices.chooseAll([y]);
  const mean = chosen.forecast.slice(0, 4);
  const z = 1.645;
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    weeks: [...y.map((_, i) => localDate(new Date(now.getTime() - (weeks - i) * WEEK))), ...mean.map((_, i) => localDate(new Date(now.getTime() + i * WEEK)))],
    revenue: y.map(round),
    forecast: mean.map((m, i) => ({ mean: round(Math.max(0, m)), low: round(Math.max(0, m - z * chosen.residualSd * Math.sqrt(i + 1))), high: round(m + z * chosen.residualSd * Math.sqrt(i + 1)) })),
    model: chosen.model,
  };
}

/** The shops this merchant may see; asking for anyone else's shop is refused. */
export async function ownShops(deps: ToolDeps, ctx: CallerContext, shopId?: number) {
  if (ctx.caller.role !== 'merchant') throw new ToolError('forbidden', t(ctx.locale, '只有商家可以查看店铺经营数据。', 'Only merchants can see shop sales figures.'));
  const shops = await deps.db.shop.findMany({ where: { merchantId: ctx.caller.merchantId }, select: { id: true, nameZh: true, nameEn: true } });
  if (!shops.length) throw new ToolError('not_found', t(ctx.locale, '你的账号下还没有店铺。', 'Your account has no shops yet.'));
  if (shopId === undefined) return shops;
  const mine = shops.filter((s) => s.id === shopId);
  if (!mine.length) throw new ToolError('forbidden', t(ctx.locale, `店铺 ${shopId} 不属于你，无法查看它的数据。`, `Shop ${shopId} is not one of your shops, so its figures are not available to you.`));
  return mine;
}

async function totalsFor(deps: ToolDeps, shopIds: number[], range: Range) {
  const t = await periodTotals(deps.db, shopIds, range.from, range.to);
  return {
    revenue: toYuan(t.revenue), orders: t.orders, units: t.units, customers: t.customers,
    averageBasket: t.orders ? toYuan(t.revenue / t.orders) : 0, refunds: t.refunds,
  };
}

const pct = (now: number, before: number) => (before > 0 ? Math.round(((now - before) / before) * 1000) / 10 : null);

export const merchantStats = defineTool({
  name: 'merchant_stats',
  example: { period: 'last_week', shopId: 2, topN: 5 },
  description: 'Sales figures for the calling merchant\'s own shops over a period: revenue, paid orders, units, average basket, refunds, top products, daily series, and change versus the previous period of the same length.',
  access: 'read',
  roles: ['merchant'],
  input,
  output,
  async run(deps, ctx, args) {
    const shops = await ownShops(deps, ctx, args.shopId);
    let range: Range;
    try {
      range = resolvePeriod(args.period, ctx.now);
    } catch (e) {
      throw new ToolError('invalid_input', (e as Error).message);
    }
    if (![range.from, range.to, previousRange(range).from].every(storableDate)) throw new ToolError('invalid_input', t(ctx.locale, '日期超出了可查询的范围。', 'Those dates are outside the range that can be looked up.'));
    const ids = shops.map((s) => s.id);
    // The store sums: totals of both periods, the current one per day and per product, 26 weeks of revenue.
    const [current, previous, byDay, byProduct, trend] = await Promise.all([
      totalsFor(deps, ids, range), totalsFor(deps, ids, previousRange(range)),
      dailySales(deps.db, ids, range.from, range.to), productSales(deps.db, ids, range.from, range.to, args.topN), weeklyTrend(deps, ids, ctx.now),
    ]);
    const itemRevenue = byProduct.reduce((s, p) => s + p.revenue, 0);
    const top = byProduct.slice(0, args.topN);
    const names = await deps.db.product.findMany({ where: { id: { in: top.map((p) => p.productId) } }, select: { id: true, nameZh: true, nameEn: true } });
    const nameOf = new Map(names.map((n) => [n.id, t(ctx.locale, n.nameZh, n.nameEn)]));

    return {
      shops: shops.map((s) => ({ id: s.id, name: t(ctx.locale, s.nameZh, s.nameEn) })),
      period: { label: range.label, from: localDate(range.from), to: localDate(new Date(range.to.getTime() - 1)) },
      current,
      previous,
      change: {
        revenuePct: pct(current.revenue, previous.revenue),
        ordersPct: pct(current.orders, previous.orders),
        averageBasketPct: pct(current.averageBasket, previous.averageBasket),
      },
      topProducts: top.map((p) => ({ productId: p.productId, name: nameOf.get(p.productId) ?? `#${p.productId}`, units: p.units, revenue: toYuan(p.revenue), sharePct: itemRevenue ? Math.round((p.revenue / itemRevenue) * 1000) / 10 : 0 })),
      // Every day of the period (up to today), zero where nothing sold, so trends are honest.
      daily: daysBetween(range.from, new Date(Math.min(range.to.getTime(), ctx.now.getTime()))).map((date) => {
        const v = byDay.get(date);
        return { date, revenue: toYuan(v?.revenue ?? 0), orders: v?.orders ?? 0 };
      }),
      trend,
    };
  },
});

function daysBetween(from: Date, to: Date): string[] {
  const days: string[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += 86_400_000) days.push(localDate(new Date(t)));
  return days;
}

// merchant_stats: revenue, orders, basket and top products for the caller's own shops, vs the previous period.
import { z } from 'zod';
import { defineTool, t, ToolError, type CallerContext, type ToolDeps } from '../context.ts';
import { toYuan } from '../money.ts';
import { chooseModel } from '../restock-forecast/models.ts';
import { localDate, periodSchema, previousRange, resolvePeriod, type Range } from './period.ts';

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
  const orders = await deps.db.order.findMany({
    where: { shopId: { in: shopIds }, createdAt: { gte: range.from, lt: range.to } },
    select: { id: true, total: true, status: true, customerId: true, createdAt: true, items: { select: { productId: true, quantity: true, unitPrice: true } } },
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

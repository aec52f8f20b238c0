// pricing_advice: per customer segment, the price response seen in the shop's own sales (elasticity
// from price changes and promotions), and a targeted coupon or bundle with its expected effect on
// revenue and margin. Fairness rule, stated and tested: discounts only — never a higher price for the
// same product to any segment — and segments come from purchase behaviour only, never from protected
// traits (age, gender, job, home area are not read).
import { z } from 'zod';
import { defineTool, t, ToolError } from './context.ts';
import { ownShops } from './merchant-stats/index.ts';
import { toYuan } from './money.ts';
import { pricePoints, segmentCustomers, SEGMENTS } from './pricing-advice-sql.ts';

export { SEGMENTS };

const DAY = 86_400_000;
const DISCOUNTS = [0.05, 0.1, 0.15, 0.2];

const output = z.object({
  shop: z.object({ id: z.number(), name: z.string() }),
  assumptions: z.string(),
  fairness: z.string(),
  segments: z.array(z.object({
    segment: z.enum(SEGMENTS), customers: z.number(), revenue: z.number(), elasticity: z.number().nullable(), observations: z.number(),
    suggestion: z.object({ kind: z.enum(['coupon', 'bundle', 'keep_price']), discountPct: z.number(), text: z.string(), revenueChangePct: z.number(), marginChangePct: z.number() }),
  })),
});

/** Elasticity: slope of log(units) on log(price / product's usual price), within product (fixed effects). */
export function elasticity(points: { product: number; priceRatio: number; units: number }[]): { value: number | null; n: number } {
  const byProduct = new Map<number, { lp: number; lq: number }[]>();
  for (const p of points) if (p.units > 0 && p.priceRatio > 0) byProduct.set(p.product, [...(byProduct.get(p.product) ?? []), { lp: Math.log(p.priceRatio), lq: Math.log(p.units) }]);
  let sxy = 0;
  let sxx = 0;
  let n = 0;
  for (const rows of byProduct.values()) {
    if (rows.length < 2) continue;
    const mp = rows.reduce((s, r) => s + r.lp, 0) / rows.length;
    const mq = rows.reduce((s, r) => s + r.lq, 0) / rows.length;
    for (const r of rows) {
      sxy += (r.lp - mp) * (r.lq - mq);
      sxx += (r.lp - mp) ** 2;
      n++;
    }
  }
  return { value: sxx > 1e-4 ? Math.max(-6, Math.min(0, sxy / sxx)) : null, n };
}

/** Revenue and margin change of a discount d under constant elasticity e; unit cost = costRatio × price. */
export function discountEffect(d: number, e: number, costRatio: number) {
  const volume = Math.pow(1 - d, e);
  const revenue = (1 - d) * volume - 1;
  const margin = ((1 - d - costRatio) * volume) / (1 - costRatio) - 1;
  return { revenuePct: Math.round(revenue * 1000) / 10, marginPct: Math.round(margin * 1000) / 10 };
}

export const pricingAdvice = defineTool({
  name: 'pricing_advice',
  example: { costRatio: 0.6, days: 180 },
  description: 'For one of the merchant\'s shops: price response per customer segment (segments by purchase behaviour only) estimated from past price changes and promotions, and a targeted coupon or bundle per segment with its expected effect on revenue and margin. Discounts only, never a higher price to any segment.',
  access: 'read',
  roles: ['merchant'],
  input: z.object({
    shopId: z.number().int().positive().optional(),
    costRatio: z.number().min(0.1).max(0.95).default(0.7).describe('Unit cost as a share of the usual price (assumption).'),
    days: z.number().int().min(60).max(730).default(365),
  }),
  output,
  async run(deps, ctx, args) {
    const shops = await ownShops(deps, ctx, args.shopId);
    // Busiest of their shops (orders ever) unless one was named.
    let shop = shops[0];
    if (!args.shopId && shops.length > 1) {
      const counts = await deps.db.order.groupBy({ by: ['shopId'], where: { shopId: { in: shops.map((s) => s.id) } }, _count: true });
      shop = shops.sort((a, b) => (counts.find((c) => c.shopId === b.id)?._count ?? 0) - (counts.find((c) => c.shopId === a.id)?._count ?? 0))[0];
    }
    const since = new Date(ctx.now.getTime() - args.days * DAY);
    // Segments from purchase behaviour at this shop only (visits in the window), summed by the store.
    const [points, customers] = await Promise.all([pricePoints(deps.db, shop.id, since, ctx.now), segmentCustomers(deps.db, shop.id, since, ctx.now)]);
    const usualPrice = new Map<number, number>();
    for (const p of points) usualPrice.set(p.productId, Math.max(usualPrice.get(p.productId) ?? 0, p.unitPrice));

    const zh = ctx.locale === 'zh';
    const segments = SEGMENTS.map((segment) => {
      const mine = points.filter((p) => p.segment === segment);
      // Weekly units per product at each price level the segment paid.
      const cells = new Map<string, { product: number; priceRatio: number; units: number }>();
      for (const p of mine) {
        const ratio = Math.round((p.unitPrice / usualPrice.get(p.productId)!) * 100) / 100;
        const key = `${p.productId}:${p.week}:${ratio}`;
        const cell = cells.get(key) ?? { product: p.productId, priceRatio: ratio, units: 0 };
        cell.units += p.units;
        cells.set(key, cell);
      }
      const raw = elasticity([...cells.values()]);
      const e = { n: raw.n, value: raw.value === null ? null : Math.round(raw.value * 100) / 100 };
      const revenue = mine.reduce((s, p) => s + p.units * p.unitPrice, 0);
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
      return { segment, customers: customers[segment], revenue: toYuan(revenue), elasticity: e.value, observations: e.n,
        suggestion: { kind, discountPct: Math.round(best.d * 100), text, revenueChangePct: best.revenuePct, marginChangePct: best.marginPct } } as const;
    });
    return {
      shop: { id: shop.id, name: t(ctx.locale, shop.nameZh, shop.nameEn) },
      assumptions: t(ctx.locale, `弹性由近 ${args.days} 天各客群在不同成交价（含促销）下的周销量估计（同商品内比较）；单位成本按常规售价的 ${Math.round(args.costRatio * 100)}% 计。`, `Elasticity from each segment's weekly units at the prices they paid (promotions included) over ${args.days} days, compared within each product; unit cost assumed ${Math.round(args.costRatio * 100)}% of the usual price.`),
      fairness: t(ctx.locale, '公平规则：只做折扣，不会对任何客群同一商品标更高价；客群只按购买行为划分，不使用年龄、性别、职业、住址等信息。', 'Fairness rule: discounts only — no segment ever pays more for the same product; segments use purchase behaviour only, never age, gender, job or address.'),
      segments,
    };
  },
});

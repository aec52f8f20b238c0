// recommend: what this shopper may want next, each with the reason, from their own history only.
import { z } from 'zod';
import { CATEGORY_KEYS } from '../catalogue/categories.ts';
import { defineTool, shopperId, t, type CallerContext, type ToolDeps } from '../context.ts';
import { boundingBox, metresBetween } from '../geo.ts';
import { toYuan } from '../money.ts';
import { dayOf, loadCatalogue, loadPurchases } from './data.ts';
import { RecommenderModel, type Reason } from './model.ts';

// One model per store, rebuilt when older than this or after a purchase/feedback is recorded.
const MAX_AGE_MS = 60 * 60 * 1000;
const cache = new WeakMap<object, { built: number; model: Promise<RecommenderModel> }>();

export function recommenderFor(deps: ToolDeps, now: Date): Promise<RecommenderModel> {
  const hit = cache.get(deps.db);
  if (hit && Date.now() - hit.built < MAX_AGE_MS) return hit.model;
  const model = (async () => {
    const [items, purchases] = await Promise.all([loadCatalogue(deps.db), loadPurchases(deps.db)]);
    return RecommenderModel.train(purchases, items, dayOf(now), { maxCustomers: 300 });
  })();
  cache.set(deps.db, { built: Date.now(), model });
  model.catch(() => cache.delete(deps.db));
  return model;
}

export function forgetRecommender(deps: ToolDeps): void {
  cache.delete(deps.db);
}

const input = z.object({
  category: z.enum(CATEGORY_KEYS as [string, ...string[]]).optional(),
  budget: z.number().positive().optional().describe('Highest price per item, CNY.'),
  nearMe: z.boolean().default(false).describe('Only things sold in shops within 3 km of the shopper.'),
  need: z.string().max(200).optional().describe('What the suggestions should be for, in the shopper\'s words ("洗衣服用的", "breakfast"); matched by meaning through the product index.'),
  limit: z.number().int().min(1).max(10).default(5),
});
const output = z.discriminatedUnion('status', [
  z.object({ status: z.literal('need_location') }),
  z.object({
    status: z.literal('ok'),
    items: z.array(z.object({ productId: z.number(), name: z.string(), price: z.number().nullable(), reason: z.object({ type: z.string(), text: z.string() }), score: z.number() })),
    method: z.string(),
  }),
]);

function explain(reason: Reason, name: (id: number) => string, ctx: CallerContext): string {
  const zh = ctx.locale === 'zh';
  switch (reason.type) {
    case 'repurchase':
      if (reason.times >= 2 && reason.everyDays > 0) {
        const due = reason.dueInDays <= 0 ? (zh ? '现在该补了' : 'due now') : zh ? `约 ${reason.dueInDays} 天后该补` : `due in about ${reason.dueInDays} days`;
        return zh ? `你大约每 ${reason.everyDays} 天买一次（买过 ${reason.times} 次），${due}` : `you buy this about every ${reason.everyDays} days (${reason.times} times so far), ${due}`;
      }
      return zh ? '你之前买过' : 'you bought this before';
    case 'co_purchase':
      return zh ? `买「${name(reason.because)}」的人也常买` : `people who buy "${name(reason.because)}" also buy this`;
    case 'cheaper_alternative':
      return zh ? `比你常买的「${name(reason.insteadOf)}」便宜 ¥${toYuan(reason.saving)}` : `¥${toYuan(reason.saving)} cheaper than your usual "${name(reason.insteadOf)}"`;
    default:
      return zh ? '你常去的店里最近卖得好' : 'selling well lately where you shop';
  }
}

export const recommend = defineTool({
  name: 'recommend',
  description: 'What the calling shopper may want to buy next, from their own purchase history (repurchase rhythm, people-who-bought-also-bought, cheaper alternatives, what sells where they shop), with the reason for each. Options: category, a need in their words, budget per item, only things sold near them.',
  access: 'read',
  roles: ['shopper'],
  input,
  output,
  async run(deps, ctx, args) {
    const customerId = shopperId(ctx);
    if (args.nearMe && !ctx.location) return { status: 'need_location' as const };
    const model = await recommenderFor(deps, ctx.now);
    // Prices people can get: cheapest in-stock offer (near them when asked).
    let nearShops: Set<number> | undefined;
    if (args.nearMe && ctx.location) {
      const box = boundingBox(ctx.location, 3000);
      const shops = await deps.db.shop.findMany({ where: { onlineOnly: false, lat: { gte: box.minLat, lte: box.maxLat }, lng: { gte: box.minLng, lte: box.maxLng } }, select: { id: true, lat: true, lng: true } });
      nearShops = new Set(shops.filter((s) => metresBetween(ctx.location!, s) <= 3000).map((s) => s.id));
    }
    const offers = await deps.db.offer.findMany({ where: { stock: { gt: 0 }, ...(nearShops ? { shopId: { in: [...nearShops] } } : {}) }, select: { productId: true, price: true } });
    const cheapest = new Map<number, number>();
    for (const o of offers) cheapest.set(o.productId, Math.min(cheapest.get(o.productId) ?? Infinity, o.price));
    // A stated need narrows the candidates to products whose text is close to it (vector index, or names).
    const fits = args.need ? new Set((await deps.products.find(args.need, 300)).matches.filter((m) => m.score >= 0.5).map((m) => m.product.id)) : undefined;
    const feedback = new Map((await deps.db.feedback.findMany({ where: { customerId } })).map((f) => [f.productId, f.rating]));
    const recs = model.recommend(customerId, {
      k: args.limit,
      feedback,
      allow: (item) => {
        const info = model.items.get(item);
        if (!info || (args.category && info.category !== args.category) || (fits && !fits.has(item))) return false;
        const price = cheapest.get(item);
        if (price === undefined) return false; // nobody sells it (near them) right now
        return !args.budget || price <= args.budget * 100;
      },
    });
    const name = (id: number) => {
      const p = deps.products.get(id);
      return p ? t(ctx.locale, p.nameZh, p.nameEn) : `#${id}`;
    };
    return {
      status: 'ok' as const,
      items: recs.map((r) => ({ productId: r.item, name: name(r.item), price: cheapest.has(r.item) ? toYuan(cheapest.get(r.item)!) : null, reason: { type: r.reason.type, text: explain(r.reason, name, ctx) }, score: Math.round(r.score * 1000) / 1000 })),
      method: t(ctx.locale, '根据你的购买记录（复购节奏、买了又买、更便宜的同类、常去店铺的热销）由学习得到的排序模型打分', 'scored by a learned ranker over your own history (repurchase rhythm, also-bought, cheaper alternatives, what sells where you shop)'),
    };
  },
});

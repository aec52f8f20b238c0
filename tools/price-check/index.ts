// price_check: is this price fair for this product, and where is it cheaper nearby?
import { z } from 'zod';
import { defineTool, t, ToolError } from '../context.ts';
import { metresBetween } from '../geo.ts';
import { pointInput, resolveLocation } from '../location.ts';
import { toFen, toYuan } from '../money.ts';
import { distribution, HIGH_Z, judge, OVERPRICED_Z } from './verdict.ts';

const input = z.object({
  product: z.string().max(200).optional().describe('Product name as the shopper said it, e.g. "蓝月亮洗衣液 2kg".'),
  productId: z.number().int().positive().optional(),
  price: z.number().positive().max(1_000_000).describe('The price the shopper saw, in CNY (yuan).'),
  currency: z.literal('CNY').default('CNY'),
  shopId: z.number().int().positive().optional().describe('Shop where the price was seen, if known.'),
  ...pointInput,
  radiusKm: z.number().positive().max(20).default(5),
});

const cheaper = z.object({ shopId: z.number(), shopName: z.string(), price: z.number(), saving: z.number(), distanceM: z.number().nullable(), online: z.boolean(), url: z.string().nullable() });
const output = z.discriminatedUnion('status', [
  z.object({ status: z.literal('need_product') }),
  z.object({ status: z.literal('no_product'), query: z.string() }),
  z.object({ status: z.literal('ambiguous'), query: z.string(), price: z.number(), candidates: z.array(z.object({ id: z.number(), name: z.string() })) }),
  z.object({
    status: z.literal('ok'),
    product: z.object({ id: z.number(), name: z.string() }), price: z.number(), shop: z.object({ id: z.number(), name: z.string(), listedPrice: z.number().nullable() }).optional(),
    distribution: z.object({ n: z.number(), min: z.number(), q1: z.number(), median: z.number(), q3: z.number(), max: z.number() }),
    verdict: z.enum(['good_deal', 'fair', 'high', 'overpriced', 'insufficient_data']), modifiedZ: z.number().nullable(), pctVsMedian: z.number(),
    rule: z.string(), cheaper: z.array(cheaper),
  }),
]);

export const priceCheck = defineTool({
  name: 'price_check',
  example: { product: '蓝月亮洗衣液 2kg', price: 45.9 },
  description: 'Judge whether a price is fair for a product: the market distribution of its prices across shops (min, quartiles, median), a verdict (good_deal / fair / high / overpriced by a modified z-score on the median absolute deviation) and cheaper offers nearby and online.',
  access: 'read',
  roles: ['shopper', 'merchant'],
  input,
  output,
  async run({ db, products }, ctx, args) {
    const name = (zh: string, en: string) => t(ctx.locale, zh, en);
    let productId = args.productId;
    if (!productId) {
      const query = args.product?.trim();
      if (!query) return { status: 'need_product' as const };
      const found = (await products.find(query, 10)).matches;
      if (!found.length || found[0].score < 0.5) return { status: 'no_product' as const, query };
      // Only a clear winner is taken as "the" product; otherwise ask which one.
      if (found.length > 1 && found[1].score >= found[0].score - 1e-9) {
        return { status: 'ambiguous' as const, query, price: args.price, candidates: found.filter((m) => m.score >= found[0].score - 1e-9).slice(0, 6).map((m) => ({ id: m.product.id, name: name(m.product.nameZh, m.product.nameEn) })) };
      }
      productId = found[0].product.id;
    }
    const product = await db.product.findUnique({ where: { id: productId } });
    if (!product) throw new ToolError('not_found', name(`没有编号为 ${productId} 的商品。`, `There is no product with id ${productId}.`));
    const offers = await db.offer.findMany({ where: { productId }, include: { shop: true } });

    let shop: { id: number; name: string; listedPrice: number | null } | undefined;
    if (args.shopId) {
      const s = await db.shop.findUnique({ where: { id: args.shopId } });
      if (!s) throw new ToolError('not_found', name(`找不到编号为 ${args.shopId} 的店铺。`, `There is no shop with id ${args.shopId}.`));
      const listed = offers.find((o) => o.shopId === s.id);
      shop = { id: s.id, name: name(s.nameZh, s.nameEn), listedPrice: listed ? toYuan(listed.price) : null };
    }

    const priceFen = toFen(args.price);
    const d = distribution(offers.map((o) => o.price));
    const judged = offers.length >= 3 ? judge(priceFen, d) : { verdict: 'insufficient_data' as const, modifiedZ: null, pctVsMedian: offers.length ? Math.round(((priceFen - d.median) / d.median) * 1000) / 10 : 0 };

    const where = resolveLocation(ctx, args.lat, args.lng);
    const radiusM = args.radiusKm * 1000;
    const cheaperOffers = offers
      .filter((o) => o.price < priceFen && o.stock > 0 && o.shopId !== args.shopId)
      .map((o) => ({ o, distanceM: where && !o.shop.onlineOnly ? metresBetween(where.point, o.shop) : null }))
      .filter(({ o, distanceM }) => o.shop.onlineOnly || !where || (distanceM ?? 0) <= radiusM)
      .sort((a, b) => a.o.price - b.o.price || (a.distanceM ?? 0) - (b.distanceM ?? 0))
      .slice(0, 5)
      .map(({ o, distanceM }) => ({
        shopId: o.shopId, shopName: name(o.shop.nameZh, o.shop.nameEn), price: toYuan(o.price), saving: toYuan(priceFen - o.price),
        distanceM, online: o.shop.onlineOnly, url: o.url,
      }));

    return {
      status: 'ok' as const,
      product: { id: product.id, name: name(product.nameZh, product.nameEn) }, price: args.price, shop,
      distribution: offers.length
        ? { n: d.n, min: toYuan(d.min), q1: toYuan(d.q1), median: toYuan(d.median), q3: toYuan(d.q3), max: toYuan(d.max) }
        : { n: 0, min: 0, q1: 0, median: 0, q3: 0, max: 0 },
      verdict: judged.verdict, modifiedZ: judged.modifiedZ, pctVsMedian: judged.pctVsMedian,
      rule: name(
        `判定规则：修正 z 分数 = 0.6745×(价格−中位价)/MAD；≤第一四分位数为划算，z>${HIGH_Z} 偏高，z>${OVERPRICED_Z} 明显虚高（样本 ${offers.length} 家店）。`,
        `Rule: modified z = 0.6745×(price − median)/MAD; at or below the lower quartile is a good deal, z > ${HIGH_Z} high, z > ${OVERPRICED_Z} overpriced (${offers.length} shops sampled).`,
      ),
      cheaper: cheaperOffers,
    };
  },
});

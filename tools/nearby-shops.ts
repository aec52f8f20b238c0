// nearby_shops: which shops near the shopper sell what they need, ranked by distance, price and rating.
import { z } from 'zod';
import { CATEGORY_KEYS, categoryLabel } from './catalogue/categories.ts';
import { excludedBy, leavesOutOnline } from './catalogue/exclusion.ts';
import { median } from 'simple-statistics';
import { defineTool, t } from './context.ts';
import { boundingBox, metresBetween } from './geo.ts';
import { pointInput, resolveLocation } from './location.ts';
import { toFen, toYuan } from './money.ts';

// The stated ranking mix (also returned to the user): closer, cheaper than the market, better rated.
export const WEIGHTS = { distance: 0.5, price: 0.3, rating: 0.2 } as const;

const input = z.object({
  query: z.string().max(200).optional().describe('What the shopper wants to buy, in their words (e.g. "洗衣液", "AA batteries"). Omit to search by category only.'),
  category: z.enum(CATEGORY_KEYS as [string, ...string[]]).optional().describe('Shop category.'),
  ...pointInput,
  radiusKm: z.number().positive().max(20).default(3),
  maxPrice: z.number().positive().optional().describe('Highest acceptable price in CNY (yuan).'),
  exclude: z.string().max(100).optional().describe('A brand or item the shopper does not want ("华为"): products with it are left out; "online" leaves out the online shops.'),
  sort: z.enum(['best', 'distance', 'price', 'rating']).default('best'),
  limit: z.number().int().min(1).max(20).default(5),
  offset: z.number().int().min(0).max(200).default(0),
});

const offerOut = z.object({ productId: z.number(), productName: z.string(), price: z.number(), stock: z.number(), url: z.string().nullable() });
const onlineOut = offerOut.extend({ shopId: z.number(), shopName: z.string() });
const shopOut = z.object({
  shopId: z.number(), name: z.string(), category: z.string(), distanceM: z.number(), rating: z.number(), ratingCount: z.number(),
  address: z.string(), openingHours: z.string(), lat: z.number(), lng: z.number(), offer: offerOut.optional(), score: z.number(),
});
const output = z.discriminatedUnion('status', [
  z.object({ status: z.literal('need_location') }),
  z.object({ status: z.literal('need_query') }),
  z.object({ status: z.literal('no_product'), query: z.string() }),
  z.object({
    status: z.literal('ok'),
    query: z.string().optional(), category: z.string().optional(), radiusKm: z.number(), sort: z.string(),
    ranking: z.string(), matchedProducts: z.array(z.object({ id: z.number(), name: z.string() })),
    total: z.number(), offset: z.number(), results: z.array(shopOut), online: z.array(onlineOut),
    maxPrice: z.number().optional(),
    lessPrecise: z.boolean().optional(),
  }),
]);

export const nearbyShops = defineTool({
  name: 'nearby_shops',
  example: { query: '洗衣液', maxPrice: 30, radiusKm: 3, sort: 'price' },
  description: 'Find shops near the shopper that sell a product (free text) or belong to a category. Ranks by a mix of distance, price versus the market and rating, and lists online offers too. Uses the shopper\'s shared location when lat/lng are omitted.',
  access: 'read',
  roles: ['shopper', 'merchant'],
  input,
  output,
  async run({ db, products }, ctx, args) {
    const query = args.query?.trim() || undefined;
    if (!query && !args.category) return { status: 'need_query' as const };
    const where = resolveLocation(ctx, args.lat, args.lng);
    if (!where) return { status: 'need_location' as const };
    const radiusM = args.radiusKm * 1000;
    const box = boundingBox(where.point, radiusM);
    const name = (zh: string, en: string) => t(ctx.locale, zh, en);

    // Which products the words mean: everything scoring close to the best match.
    let productIds: number[] | undefined;
    let matched: { id: number; name: string }[] = [];
    // True when the vector index should have been used but was down (store search only).
    let lessPrecise = false;
    if (query) {
      const search = await products.find(query, 200);
      lessPrecise = !search.semantic && products.vectors !== undefined;
      const found = search.matches;
      if (!found.length || found[0].score < 0.5) return { status: 'no_product' as const, query };
      const unwanted = excludedBy(args.exclude, products);
      const good = found.filter((m) => m.score >= found[0].score * 0.85 && !unwanted?.(m.product.id));
      if (!good.length) return { status: 'no_product' as const, query };
      productIds = good.map((m) => m.product.id);
      matched = good.slice(0, 5).map((m) => ({ id: m.product.id, name: name(m.product.nameZh, m.product.nameEn) }));
    }

    const offers = productIds
      ? await db.offer.findMany({
          // Online shops, and shops inside the box around the circle (the circle itself is checked below).
          where: {
            productId: { in: productIds }, stock: { gt: 0 }, ...(args.maxPrice ? { price: { lte: toFen(args.maxPrice) } } : {}),
            shop: { OR: [{ onlineOnly: true }, { lat: { gte: box.minLat, lte: box.maxLat }, lng: { gte: box.minLng, lte: box.maxLng } }] },
          },
          include: { shop: true, product: { select: { nameZh: true, nameEn: true, listPrice: true } } },
        })
      : [];
    // Market reference for "price": each product's median offer price.
    const medians = new Map<number, number>();
    if (productIds) {
      const all = await db.offer.findMany({ where: { productId: { in: productIds } }, select: { productId: true, price: true } });
      const byProduct = new Map<number, number[]>();
      for (const o of all) byProduct.set(o.productId, [...(byProduct.get(o.productId) ?? []), o.price]);
      for (const [id, prices] of byProduct) medians.set(id, median(prices));
    }

    type Candidate = z.input<typeof shopOut> & { priceRatio: number };
    const candidates = new Map<number, Candidate>();
    const consider = (shop: { id: number; nameZh: string; nameEn: string; category: string; lat: number; lng: number; rating: number; ratingCount: number; addressZh: string; addressEn: string; openingHours: string }, offer?: { productId: number; productName: string; price: number; stock: number; url: string | null }) => {
      const distanceM = metresBetween(where.point, shop);
      if (distanceM > radiusM) return;
      const priceRatio = offer ? toFen(offer.price) / (medians.get(offer.productId) ?? toFen(offer.price)) : 1;
      const current = candidates.get(shop.id);
      // One line per shop: its cheapest matching offer relative to the market.
      if (current && current.priceRatio <= priceRatio) return;
      candidates.set(shop.id, {
        shopId: shop.id, name: name(shop.nameZh, shop.nameEn), category: categoryLabel(shop.category, ctx.locale), distanceM, rating: shop.rating,
        ratingCount: shop.ratingCount, address: name(shop.addressZh, shop.addressEn), openingHours: shop.openingHours, lat: shop.lat, lng: shop.lng,
        offer, score: 0, priceRatio,
      });
    };

    const online: z.input<typeof onlineOut>[] = [];
    if (productIds) {
      for (const o of offers) {
        const offer = { productId: o.productId, productName: name(o.product.nameZh, o.product.nameEn), price: toYuan(o.price), stock: o.stock, url: o.url };
        if (o.shop.onlineOnly) {
          if (!leavesOutOnline(args.exclude)) online.push({ ...offer, shopId: o.shopId, shopName: name(o.shop.nameZh, o.shop.nameEn) });
        } else if (!args.category || o.shop.category === args.category) consider(o.shop, offer);
      }
    } else {
      const shops = await db.shop.findMany({
        where: { category: args.category, onlineOnly: false, lat: { gte: box.minLat, lte: box.maxLat }, lng: { gte: box.minLng, lte: box.maxLng } },
      });
      for (const s of shops) consider(s);
    }

    const list = [...candidates.values()];
    for (const c of list) {
      const distance = 1 - c.distanceM / radiusM;
      const price = Math.min(1, Math.max(0, (1.3 - c.priceRatio) / 0.6)); // 0.7x market = 1, 1.3x = 0
      const rating = Math.max(0, (c.rating - 1) / 4);
      c.score = Math.round((WEIGHTS.distance * distance + WEIGHTS.price * (productIds ? price : 0.5) + WEIGHTS.rating * rating) * 1000) / 1000;
    }
    const by = {
      best: (a: Candidate, b: Candidate) => b.score - a.score,
      distance: (a: Candidate, b: Candidate) => a.distanceM - b.distanceM,
      price: (a: Candidate, b: Candidate) => (a.offer?.price ?? Infinity) - (b.offer?.price ?? Infinity) || a.distanceM - b.distanceM,
      rating: (a: Candidate, b: Candidate) => b.rating - a.rating || a.distanceM - b.distanceM,
    }[args.sort];
    list.sort(by);
    online.sort((a, b) => a.price - b.price);

    return {
      status: 'ok' as const,
      query, category: args.category, radiusKm: args.radiusKm, sort: args.sort, maxPrice: args.maxPrice, lessPrecise: lessPrecise || undefined,
      ranking: t(ctx.locale,
        `综合排序：距离 ${WEIGHTS.distance * 100}%、价格（相对市场中位价）${WEIGHTS.price * 100}%、评分 ${WEIGHTS.rating * 100}%`,
        `ranked by distance ${WEIGHTS.distance * 100}%, price vs market median ${WEIGHTS.price * 100}%, rating ${WEIGHTS.rating * 100}%`),
      matchedProducts: matched,
      total: list.length,
      offset: args.offset,
      results: list.slice(args.offset, args.offset + args.limit).map(({ priceRatio, ...rest }) => rest),
      online: online.slice(0, 3),
    };
  },
});

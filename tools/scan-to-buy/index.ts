// scan_to_buy: a product photo → which catalogue product it is (with a confidence) and where to buy
// it, online (cheapest first) and in shops nearby (nearest first). confirm_scan: the shopper says which
// one it was; with that yes, the photo's features (never the photo) join the product's images.
import { z } from 'zod';
import { pickedCandidate } from '../shared/user-words.ts';
import { defineTool, shopperId, t, ToolError, type ToolDeps } from '../context.ts';
import { pointInput, resolveLocation } from '../location.ts';
import { toYuan } from '../money.ts';
import { checkImage, photoVector } from './image-features.ts';
import { whereToBuy } from './where-to-buy.ts';

/** Below this the reply says it is not sure and asks to pick or retake. */
export const SURE_CONFIDENCE = 0.5;

const onlineOut = z.object({ shopId: z.number(), shopName: z.string(), price: z.number(), url: z.string().nullable() });
const shopOut = z.object({ shopId: z.number(), shopName: z.string(), price: z.number(), distanceM: z.number().nullable(), address: z.string(), lat: z.number(), lng: z.number() });
const candidateOut = z.object({
  productId: z.number(), name: z.string(), confidence: z.number(), listPrice: z.number(), hasImage: z.boolean(),
  online: z.array(onlineOut), offline: z.array(shopOut), offlineCount: z.number(),
});
const output = z.discriminatedUnion('status', [
  z.object({ status: z.literal('need_photo') }),
  z.object({ status: z.literal('empty_catalogue') }),
  z.object({
    status: z.enum(['matched', 'unsure']),
    candidates: z.array(candidateOut), located: z.boolean(),
    /** false: the vector index was down and the store was searched directly (same answers, slower). */
    viaIndex: z.boolean(), ms: z.number(),
    /** Shoppers can confirm the match (the learning loop); merchants only look. */
    canConfirm: z.boolean(),
  }),
]);

export const scanToBuy = defineTool({
  name: 'scan_to_buy',
  example: { limit: 3 },
  description: 'Recognise the product in the photo the shopper just sent (the photo comes with the message, not as an argument) and list where to buy it: online offers cheapest first and shops nearby nearest first, with prices. Returns matched with one confident product, or unsure with the top candidates to pick from.',
  access: 'read',
  roles: ['shopper', 'merchant'],
  input: z.object({ ...pointInput, limit: z.number().int().min(1).max(5).default(3) }),
  output,
  async run(deps, ctx, args) {
    if (!ctx.photo) return { status: 'need_photo' as const };
    const started = performance.now();
    await checkImage(ctx.photo, ctx.locale);
    const vector = await photoVector(ctx.photo, ctx.locale);
    const { ranked, viaIndex } = await deps.images.match(vector, args.limit);
    if (!ranked.length) return { status: 'empty_catalogue' as const };
    if (ctx.consent) deps.scans.remember(ctx.consent.chatKey, { vector, candidates: ranked.map((r) => r.productId) });
    const at = resolveLocation(ctx, args.lat, args.lng)?.point;
    const ids = ranked.map((r) => r.productId);
    const products = new Map((await deps.db.product.findMany({ where: { id: { in: ids } }, select: { id: true, nameZh: true, nameEn: true, listPrice: true } })).map((p) => [p.id, p]));
    const pictured = new Set((await deps.db.productImage.findMany({ where: { productId: { in: ids }, source: 'catalogue' }, select: { productId: true }, distinct: ['productId'] })).map((r) => r.productId));
    const candidates = [];
    for (const r of ranked) {
      const product = products.get(r.productId);
      if (!product) continue;
      const where = await whereToBuy(deps.db, product.id, at, ctx.locale);
      candidates.push({ productId: product.id, name: t(ctx.locale, product.nameZh, product.nameEn), confidence: Math.round(r.confidence * 1000) / 1000, listPrice: toYuan(product.listPrice), hasImage: pictured.has(product.id), ...where });
    }
    const sure = (candidates[0]?.confidence ?? 0) >= SURE_CONFIDENCE;
    return { status: sure ? 'matched' as const : 'unsure' as const, candidates, located: !!at, viaIndex, ms: Math.round(performance.now() - started), canConfirm: ctx.caller.role === 'shopper' };
  },
});

const confirmOutput = z.discriminatedUnion('status', [
  z.object({ status: z.literal('no_scan') }),
  z.object({ status: z.literal('not_a_candidate'), candidates: z.array(z.number()) }),
  z.object({ status: z.literal('learned'), productId: z.number(), name: z.string(), photosOfProduct: z.number() }),
]);

export const confirmScan = defineTool({
  name: 'confirm_scan',
  example: { position: 1 },
  description: 'The shopper confirms which product their last photo showed (one of the scan_to_buy candidates, by productId or by position 1-5). Keeps the photo\'s feature vector (not the photo) with their consent so the next photo of it is recognised better.',
  access: 'write',
  // Picking the product is itself the instruction (and the consent): no second yes.
  needsConfirmation: false,
  roles: ['shopper'],
  input: z.object({ productId: z.number().int().positive().optional(), position: z.number().int().min(1).max(5).optional() }),
  output: confirmOutput,
  async run(deps: ToolDeps, ctx, args) {
    const customerId = shopperId(ctx);
    const scan = ctx.consent ? deps.scans.recall(ctx.consent.chatKey) : undefined;
    if (!scan) return { status: 'no_scan' as const };
    const productId = args.productId ?? (args.position ? scan.candidates[args.position - 1] : scan.candidates[0]);
    if (!productId || !scan.candidates.includes(productId)) return { status: 'not_a_candidate' as const, candidates: scan.candidates };
    // Keeping the photo's features needs the shopper's own pick in this message ("就是它", "是第2个"), the same one.
    const picked = pickedCandidate(ctx.userText ?? '');
    if (picked === undefined || scan.candidates[picked - 1] !== productId) {
      throw new ToolError('forbidden', t(ctx.locale, '要确认照片里是哪件商品，请你自己回复，比如“就是它”或“是第2个”。', 'To confirm which product the photo shows, please reply yourself, e.g. "that\'s it" or "the second one".'));
    }
    const product = await deps.db.product.findUnique({ where: { id: productId }, select: { nameZh: true, nameEn: true } });
    if (!product) throw new ToolError('not_found', t(ctx.locale, '这个商品已经不在目录里了。', 'That product is no longer in the catalogue.'));
    await deps.images.addShopperPhoto(productId, customerId, scan.vector, ctx.now);
    deps.scans.forget(ctx.consent!.chatKey);
    const photosOfProduct = await deps.db.productImage.count({ where: { productId, source: 'shopper' } });
    return { status: 'learned' as const, productId, name: t(ctx.locale, product.nameZh, product.nameEn), photosOfProduct };
  },
});

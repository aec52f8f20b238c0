// record_purchase (write): the shopper logs something they bought, so their profile and
// recommendations learn from it. Shows what it will write and waits for the user's yes.
import { z } from 'zod';
import { defineTool, shopperId, t, ToolError, type CallerContext, type ToolDeps } from './context.ts';
import { localDate } from './merchant-stats/period.ts';
import { toFen } from './money.ts';
import { forgetRecommender } from './recommend/index.ts';

const input = z.object({
  product: z.string().max(200).optional(),
  productId: z.number().int().positive().optional(),
  price: z.number().positive().max(1_000_000).describe('Price paid per unit, CNY.'),
  quantity: z.number().int().min(1).max(99).default(1),
  shopId: z.number().int().positive().optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('YYYY-MM-DD, default today'),
  paymentMethod: z.enum(['debit_wallet', 'pay_later', 'third_party']).default('third_party'),
});
const output = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ambiguous'), query: z.string(), candidates: z.array(z.object({ id: z.number(), name: z.string() })) }),
  z.object({ status: z.literal('recorded'), orderId: z.number(), product: z.string(), shop: z.string(), total: z.number(), date: z.string() }),
]);

type Args = z.output<typeof input>;

async function resolve(deps: ToolDeps, ctx: CallerContext, args: Args) {
  const name = (zh: string, en: string) => t(ctx.locale, zh, en);
  let productId = args.productId;
  if (!productId) {
    const found = args.product ? deps.products.search(args.product, 6) : [];
    if (!found.length || found[0].score < 0.5) throw new ToolError('not_found', name(`没有找到「${args.product ?? ''}」这件商品。`, `No product matches "${args.product ?? ''}".`));
    const tied = found.filter((m) => m.score >= found[0].score - 1e-9);
    if (tied.length > 1) return { ambiguous: { status: 'ambiguous' as const, query: args.product!, candidates: tied.map((m) => ({ id: m.product.id, name: name(m.product.nameZh, m.product.nameEn) })) } };
    productId = found[0].product.id;
  }
  const product = await deps.db.product.findUnique({ where: { id: productId } });
  if (!product) throw new ToolError('not_found', name(`没有编号为 ${productId} 的商品。`, `There is no product with id ${productId}.`));
  // Where: the shop named, else the shop they use most that sells it, else any shop that sells it.
  let shopId = args.shopId;
  if (!shopId) {
    const customerId = shopperId(ctx);
    const sellers = new Set((await deps.db.offer.findMany({ where: { productId }, select: { shopId: true } })).map((o) => o.shopId));
    const visits = await deps.db.order.groupBy({ by: ['shopId'], where: { customerId: customerId }, _count: true, orderBy: { _count: { shopId: 'desc' } } });
    shopId = visits.find((v) => sellers.has(v.shopId))?.shopId ?? [...sellers][0];
  }
  const shop = shopId ? await deps.db.shop.findUnique({ where: { id: shopId } }) : null;
  if (!shop) throw new ToolError('not_found', name('请告诉我在哪家店买的。', 'Which shop did you buy it at?'));
  return { product, shop, date: args.date ?? localDate(ctx.now) };
}

export const recordPurchase = defineTool({
  name: 'record_purchase',
  description: 'Record a purchase the shopper made (product, price paid, quantity, shop, date) so their profile and recommendations take it into account. A write: the user is shown what will be recorded and must confirm.',
  access: 'write',
  roles: ['shopper'],
  input,
  output,
  async preview(deps, ctx, args) {
    const r = await resolve(deps, ctx, args);
    if ('ambiguous' in r) return { problem: r.ambiguous! };
    const product = t(ctx.locale, r.product.nameZh, r.product.nameEn);
    const shop = t(ctx.locale, r.shop.nameZh, r.shop.nameEn);
    return { text: t(ctx.locale, `记录一笔购买：${product} ×${args.quantity}，单价 ¥${args.price}，${shop}，${r.date}`, `Record a purchase: ${product} × ${args.quantity} at ¥${args.price} each, ${shop}, ${r.date}`) };
  },
  async run(deps, ctx, args) {
    const customerId = shopperId(ctx);
    const r = await resolve(deps, ctx, args);
    if ('ambiguous' in r) return r.ambiguous!;
    const unit = toFen(args.price);
    const order = await deps.db.order.create({
      data: {
        customerId: customerId, shopId: r.shop.id, createdAt: new Date(`${r.date}T12:00:00+08:00`), total: unit * args.quantity, paymentMethod: args.paymentMethod,
        items: { create: [{ productId: r.product.id, quantity: args.quantity, unitPrice: unit }] },
      },
    });
    forgetRecommender(deps);
    return { status: 'recorded' as const, orderId: order.id, product: t(ctx.locale, r.product.nameZh, r.product.nameEn), shop: t(ctx.locale, r.shop.nameZh, r.shop.nameEn), total: (unit * args.quantity) / 100, date: r.date };
  },
});

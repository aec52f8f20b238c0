// feedback (write): the shopper rates a recommended product ("not for me", "more like this");
// recommend drops or lifts it and similar items. Shows what it will save and waits for the user's yes.
import { z } from 'zod';
import { defineTool, shopperId, t, ToolError } from './context.ts';

const input = z.object({
  productId: z.number().int().positive(),
  rating: z.number().int().min(1).max(5).describe('1-2: not for me; 3: neutral; 4-5: more like this'),
  comment: z.string().max(500).optional(),
});
const output = z.object({ status: z.literal('saved'), product: z.string(), rating: z.number() });

export const feedback = defineTool({
  name: 'feedback',
  example: { productId: 12, rating: 1 },
  description: 'Save the shopper\'s rating of a product they were recommended (1-5; 1-2 means "not for me"), so future recommendations change. A write: the user confirms first.',
  access: 'write',
  roles: ['shopper'],
  input,
  output,
  async preview(deps, ctx, args) {
    const p = deps.products.get(args.productId);
    if (!p) throw new ToolError('not_found', t(ctx.locale, `没有编号为 ${args.productId} 的商品。`, `There is no product with id ${args.productId}.`));
    const name = t(ctx.locale, p.nameZh, p.nameEn);
    const meaning = args.rating <= 2 ? t(ctx.locale, '以后少推荐这类', 'show fewer like it') : args.rating >= 4 ? t(ctx.locale, '多推荐类似的', 'show more like it') : t(ctx.locale, '一般', 'neutral');
    return { text: t(ctx.locale, `记下你对「${name}」的评分 ${args.rating}/5（${meaning}）`, `Save your rating of "${name}": ${args.rating}/5 (${meaning})`) };
  },
  async run(deps, ctx, args) {
    const customerId = shopperId(ctx);
    const p = deps.products.get(args.productId);
    if (!p) throw new ToolError('not_found', `no product ${args.productId}`);
    await deps.db.feedback.upsert({
      where: { customerId_productId: { customerId, productId: args.productId } },
      create: { customerId, productId: args.productId, rating: args.rating, comment: args.comment },
      update: { rating: args.rating, comment: args.comment, createdAt: ctx.now },
    });
    // No retrain: the model is learned from purchases only, and recommend reads feedback on every call.
    return { status: 'saved' as const, product: t(ctx.locale, p.nameZh, p.nameEn), rating: args.rating };
  },
});

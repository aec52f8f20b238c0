// record_purchase (write): the shopper logs something they bought, so their profile and
// recommendations learn from it. Shows what it will write and waits for the user's yes.
// It is the shopper's word, not a sale: it goes to SelfReportedPurchase, never into a merchant's
// orders, and it must be plausible — the shop sells the product, the price is near that shop's
// price (30%–200% of it: promotions and price changes happen, typos of 10× do not), at most 20
// pieces, dated within the last year and not in the future.
import { z } from 'zod';
import { defineTool, shopperId, t, ToolError, type CallerContext, type ToolDeps } from './context.ts';
import { localDate } from './merchant-stats/period.ts';
import { formatYuan, toFen, toYuan } from './money.ts';
import { queryTerms } from './catalogue/product-search.ts';
import { refreshRecommender } from './recommend/index.ts';

export const PRICE_BAND = { low: 0.3, high: 2 };
export const MAX_QUANTITY = 20;
const DAY = 86_400_000;

const input = z.object({
  product: z.string().max(200).optional().describe('What they bought, in their words, e.g. "蓝月亮洗手液"'),
  productId: z.number().int().positive().optional(),
  price: z.number().positive().max(100_000).describe('Price paid per unit, in yuan (CNY), e.g. 15'),
  quantity: z.number().int().min(1).max(99).default(1),
  shopId: z.number().int().positive().optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('YYYY-MM-DD, default today'),
  paymentMethod: z.enum(['debit_wallet', 'pay_later', 'third_party']).default('third_party'),
});
const output = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ambiguous'), query: z.string(), candidates: z.array(z.object({ id: z.number(), name: z.string() })) }),
  z.object({ status: z.literal('recorded'), purchaseId: z.number(), product: z.string(), shop: z.string(), total: z.number(), date: z.string() }),
]);

type Args = z.output<typeof input>;

/** The one candidate whose offers put the paid price inside the plausible band, or undefined when not exactly one does. */
async function nearestByPrice(deps: ToolDeps, productIds: number[], paid: number): Promise<number | undefined> {
  const offers = await deps.db.offer.findMany({ where: { productId: { in: productIds } }, select: { productId: true, price: true } });
  const fits = productIds.filter((id) => offers.some((o) => o.productId === id && paid >= o.price * PRICE_BAND.low && paid <= o.price * PRICE_BAND.high));
  if (fits.length === 1) return fits[0];
  if (fits.length < 2) return undefined;
  // Several fit: the clearly nearest (by median offer price, at least twice as near as the next).
  const distance = (id: number) => {
    const prices = offers.filter((o) => o.productId === id).map((o) => o.price).sort((a, b) => a - b);
    return Math.abs(Math.log(paid / prices[Math.floor(prices.length / 2)]));
  };
  const ranked = fits.map((id) => ({ id, d: distance(id) })).sort((a, b) => a.d - b.d);
  return ranked[0].d * 2 <= ranked[1].d ? ranked[0].id : undefined;
}

async function resolve(deps: ToolDeps, ctx: CallerContext, args: Args) {
  const say = (zh: string, en: string) => t(ctx.locale, zh, en);
  const customerId = shopperId(ctx);
  let productId = args.productId;
  if (!productId) {
    const found = args.product ? deps.products.search(args.product, 6) : [];
    if (!found.length || found[0].score < 0.5) throw new ToolError('not_found', say(`没有找到「${args.product ?? ''}」这件商品。`, `No product matches "${args.product ?? ''}".`));
    const allTied = found.filter((m) => m.score >= found[0].score - 1e-9);
    // "Nongfu Spring mineral water 1.5L" ties with its Premium variant: the one whose whole name was said wins.
    const q = queryTerms(args.product ?? '');
    const saidWhole = (name: string) => {
      const n = queryTerms(name);
      // A Chinese name counts as said when each of its runs is in the query, or every character of it was typed
      // ("罗技静音无线鼠标" says 罗技鼠标 静音无线, not 罗技高端鼠标 静音无线).
      const typed = new Set(q.zh.join(''));
      return n.en.every((w) => q.en.includes(w)) && (n.zh.every((run) => q.zh.some((r) => r.includes(run))) || (n.zh.length > 0 && [...n.zh.join('')].every((c) => typed.has(c))));
    };
    const whole = allTied.filter((m) => saidWhole(m.product.nameZh) || saidWhole(m.product.nameEn));
    // "Luckin americano" against Luckin coffees: the ones whose name has every word said (not the latte).
    // (The words as said: the search's own terms fold americano and latte into "coffee".)
    const said = (args.product ?? '').toLowerCase().split(/[\s,，]+/).filter((w) => w.length >= 2);
    const covers = (m: (typeof allTied)[number]) => said.every((w) => m.product.nameZh.toLowerCase().includes(w) || m.product.nameEn.toLowerCase().includes(w.replace(/s$/, '')));
    const covering = allTied.filter(covers);
    const tied = whole.length === 1 ? whole : covering.length > 0 && covering.length < allTied.length ? covering : allTied;
    // Variants of one name (300ml / 500ml): the one whose price is nearest what they paid, if only one is plausible —
    // the proposal names it, so the shopper sees which before anything is written.
    productId = tied.length > 1 ? await nearestByPrice(deps, tied.map((m) => m.product.id), toFen(args.price)) : tied[0].product.id;
    if (!productId) return { ambiguous: { status: 'ambiguous' as const, query: args.product!, candidates: tied.map((m) => ({ id: m.product.id, name: say(m.product.nameZh, m.product.nameEn) })) } };
  }
  const product = await deps.db.product.findUnique({ where: { id: productId } });
  if (!product) throw new ToolError('not_found', say(`没有编号为 ${productId} 的商品。`, `There is no product with id ${productId}.`));
  const productName = say(product.nameZh, product.nameEn);
  if (args.quantity > MAX_QUANTITY) throw new ToolError('invalid_input', say(`一次最多记录 ${MAX_QUANTITY} 件。`, `At most ${MAX_QUANTITY} pieces can be recorded at a time.`));
  const date = args.date ?? localDate(ctx.now);
  const at = new Date(`${date}T12:00:00+08:00`);
  if (Number.isNaN(at.getTime()) || date > localDate(ctx.now) || ctx.now.getTime() - at.getTime() > 366 * DAY) {
    throw new ToolError('invalid_input', say('购买日期要在过去一年内，不能是将来。', 'The purchase date must be within the past year and not in the future.'));
  }
  // Where: the shop named (it must sell it), else the shop they use most that sells it, else the seller whose price is nearest.
  const offers = await deps.db.offer.findMany({ where: { productId }, select: { shopId: true, price: true } });
  if (!offers.length) throw new ToolError('not_found', say(`目前没有店在卖「${productName}」。`, `No shop sells "${productName}" at the moment.`));
  let shopId = args.shopId;
  if (shopId && !offers.some((o) => o.shopId === shopId)) {
    const shop = await deps.db.shop.findUnique({ where: { id: shopId }, select: { nameZh: true, nameEn: true } });
    throw new ToolError(shop ? 'invalid_input' : 'not_found', shop ? say(`「${shop.nameZh}」不卖「${productName}」，请核对是哪家店。`, `${shop.nameEn} does not sell "${productName}"; which shop was it?`) : say('没有这家店。', 'There is no such shop.'));
  }
  if (!shopId) {
    const sellers = new Set(offers.map((o) => o.shopId));
    const visits = await deps.db.order.groupBy({ by: ['shopId'], where: { customerId }, _count: true, orderBy: { _count: { shopId: 'desc' } } });
    const paid = toFen(args.price);
    shopId = visits.find((v) => sellers.has(v.shopId))?.shopId ?? [...offers].sort((a, b) => Math.abs(a.price - paid) - Math.abs(b.price - paid))[0].shopId;
  }
  const shop = await deps.db.shop.findUniqueOrThrow({ where: { id: shopId } });
  const shopPrices = offers.filter((o) => o.shopId === shopId).map((o) => o.price);
  const low = Math.min(...shopPrices) * PRICE_BAND.low;
  const high = Math.max(...shopPrices) * PRICE_BAND.high;
  const unit = toFen(args.price);
  if (unit < low || unit > high) {
    const list = formatYuan(toYuan(Math.min(...shopPrices)));
    throw new ToolError('invalid_input', say(
      `「${shop.nameZh}」的「${productName}」标价 ${list}，你说的 ${formatYuan(args.price)} 差得太多，请核对单价（${formatYuan(toYuan(low))}–${formatYuan(toYuan(high))} 之间可以记录）。`,
      `${shop.nameEn} lists "${productName}" at ${list}; ${formatYuan(args.price)} is too far from that. Please check the unit price (between ${formatYuan(toYuan(low))} and ${formatYuan(toYuan(high))} can be recorded).`));
  }
  return { product, shop, date, at, unit, customerId };
}

export const recordPurchase = defineTool({
  name: 'record_purchase',
  example: { product: '可口可乐 330ml', price: 2.5, quantity: 12, date: '2026-11-29' },
  description: 'Record a purchase the shopper made (product, price paid per unit in yuan, quantity, shop, date) so their profile and recommendations take it into account. It never changes a shop\'s sales figures. A write: the user is shown what will be recorded and must confirm. Example: {"product": "蓝月亮洗手液", "price": 15}',
  access: 'write',
  roles: ['shopper'],
  input,
  output,
  async preview(deps, ctx, args) {
    const r = await resolve(deps, ctx, args);
    if ('ambiguous' in r) return { problem: r.ambiguous! };
    const product = t(ctx.locale, r.product.nameZh, r.product.nameEn);
    const shop = t(ctx.locale, r.shop.nameZh, r.shop.nameEn);
    const price = formatYuan(args.price);
    return { text: t(ctx.locale, `记录一笔购买：${product} ×${args.quantity}，单价 ${price}，${shop}，${r.date}`, `Record a purchase: ${product} × ${args.quantity} at ${price} each, ${shop}, ${r.date}`) };
  },
  async run(deps, ctx, args) {
    const r = await resolve(deps, ctx, args);
    if ('ambiguous' in r) return r.ambiguous!;
    const row = await deps.db.selfReportedPurchase.create({
      data: { customerId: r.customerId, shopId: r.shop.id, productId: r.product.id, quantity: args.quantity, unitPrice: r.unit, paymentMethod: args.paymentMethod, purchasedAt: r.at, proposalId: ctx.proposalId },
    });
    // Counts at once in this shopper's suggestions; the shared statistics follow in the background.
    await refreshRecommender(deps, ctx.now, r.customerId).catch((error) => deps.log?.(`[recommend] refresh after a recorded purchase failed: ${(error as Error).message}`));
    return { status: 'recorded' as const, purchaseId: row.id, product: t(ctx.locale, r.product.nameZh, r.product.nameEn), shop: t(ctx.locale, r.shop.nameZh, r.shop.nameEn), total: toYuan(r.unit * args.quantity), date: r.date };
  },
});

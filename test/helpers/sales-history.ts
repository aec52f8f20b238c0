// Two years of varied sales on top of the hand-made fixture, for the merchant tools' SQL aggregates:
// merchant 1 (shops A, B) and merchant 2 (shops D, E) sell the fixture's three products and 30 more
// at a few fixed prices (so revenues tie), with promotions, refunds and baskets of 1–4 lines; a few
// orders sit exactly on the edges the tools cut at (week boundaries back from NOW, the 26- and
// 104-week windows, China-time midnights, NOW itself). Deterministic; written through Prisma.
import type { Store } from '../../prisma/store.ts';
import { NOW } from './fixture.ts';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
export const HISTORY_PRODUCTS = [1, 2, 3, ...Array.from({ length: 30 }, (_, i) => 101 + i)];
export const HISTORY_SHOPS = [1, 2, 3, 4];
const PRICES = [990, 1500, 2500, 4000, 4500];

export async function addSalesHistory(db: Store, options: { weeks?: number; seed?: number } = {}): Promise<void> {
  let seed = options.seed ?? 11;
  const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const weeks = options.weeks ?? 110;

  await db.product.createMany({ data: HISTORY_PRODUCTS.filter((id) => id > 100).map((id) => ({
    id, sku: `H${id}`, nameZh: `测试商品${id}`, nameEn: `Test item ${id}`, category: 'cleaning', brand: `Brand ${id % 4}`,
    descriptionZh: `测试商品${id}`, descriptionEn: `Test item ${id}`, attributes: { itemZh: '测试', itemEn: 'test' }, unit: '件/piece', listPrice: PRICES[id % PRICES.length],
  })) });
  await db.customer.createMany({ data: Array.from({ length: 120 }, (_, i) => ({ id: 100 + i, displayName: `c${100 + i}`, ageBand: '25-34', job: 'clerk', habit: 'convenience', homeLat: 30.54, homeLng: 114.36 })) });
  // Offers the fixture has not made yet, with stocks from empty to plenty.
  const have = new Set((await db.offer.findMany({ select: { shopId: true, productId: true } })).map((o) => `${o.shopId}:${o.productId}`));
  const offers = HISTORY_SHOPS.flatMap((shopId) => HISTORY_PRODUCTS.filter((p) => (p + shopId) % 5 !== 0 && !have.has(`${shopId}:${p}`)).map((productId) => ({
    shopId, productId, price: PRICES[productId % PRICES.length], stock: Math.floor(random() * 40), channel: 'offline',
  })));
  await db.offer.createMany({ data: offers });

  // Regulars come back often; most shoppers rarely (segments of every size for pricing_advice).
  const customers = Array.from({ length: 120 }, (_, i) => ({ id: 100 + i, weight: i < 15 ? 8 : i < 45 ? 2 : 1 }));
  const chooseCustomer = () => {
    let r = random() * customers.reduce((s, c) => s + c.weight, 0);
    for (const c of customers) if ((r -= c.weight) < 0) return c.id;
    return customers[0].id;
  };
  let id = 20_000;
  const orders: { id: number; customerId: number; shopId: number; createdAt: Date; total: number; paymentMethod: string; status: string }[] = [];
  const lines: { orderId: number; productId: number; quantity: number; unitPrice: number }[] = [];
  const order = (shopId: number, createdAt: Date, basket: [number, number, number][], status = 'paid') => {
    orders.push({ id: ++id, customerId: chooseCustomer(), shopId, createdAt, total: basket.reduce((s, [, q, p]) => s + q * p, 0), paymentMethod: 'debit_wallet', status });
    for (const [productId, quantity, unitPrice] of basket) lines.push({ orderId: id, productId, quantity, unitPrice });
  };
  const basketAt = (week: number, shopId: number): [number, number, number][] => {
    const n = 1 + Math.floor(random() * 4);
    const products = new Set<number>();
    while (products.size < n) products.add(pick(HISTORY_PRODUCTS.filter((p) => (p + shopId) % 5 !== 0 || p <= 3)));
    return [...products].map((p) => {
      const promotion = (week + p) % 9 === 0 ? 0.8 : (week + p) % 13 === 0 ? 0.9 : 1; // some weeks, some products cheaper
      return [p, 1 + Math.floor(random() * 3), Math.round(PRICES[p % PRICES.length] * promotion)];
    });
  };
  for (let w = weeks; w >= 1; w--) {
    for (const shopId of HISTORY_SHOPS) {
      const count = Math.floor((shopId === 1 ? 6 : 3) * (1 + 0.5 * Math.sin(w / 8)) * random() + (shopId === 1 ? 2 : 0));
      for (let k = 0; k < count; k++) order(shopId, new Date(NOW.getTime() - w * WEEK + Math.floor(random() * WEEK)), basketAt(w, shopId), random() < 0.03 ? 'refunded' : 'paid');
    }
  }
  // On the edges: week boundaries back from NOW, the 26- and 104-week windows, China-time midnights, NOW and after.
  for (const back of [1, 2, 5, 26, 52, 104]) order(1, new Date(NOW.getTime() - back * WEEK), [[101, 2, 1500], [102, 2, 1500]]);
  order(2, new Date(NOW.getTime() - 104 * WEEK - 1), [[103, 1, 2500]]);
  for (const midnight of ['2026-11-15T16:00:00.000Z', '2026-11-22T16:00:00.000Z', '2026-10-31T16:00:00.000Z', '2026-11-22T15:59:59.999Z']) order(2, new Date(midnight), [[104, 1, 4000], [105, 1, 4000]]);
  order(1, NOW, [[101, 5, 1500]]);
  order(1, new Date(NOW.getTime() + DAY), [[101, 5, 1500]]);
  for (let i = 0; i < orders.length; i += 1000) await db.order.createMany({ data: orders.slice(i, i + 1000) });
  for (let i = 0; i < lines.length; i += 1000) await db.orderItem.createMany({ data: lines.slice(i, i + 1000) });
}

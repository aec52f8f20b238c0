// Small synthetic purchase histories for the recommender: kinds of item in several brands and
// prices, shoppers with staples bought on a rhythm plus occasional extras (deterministic).
import type { Store } from '../../prisma/store.ts';
import { dayOf } from '../../tools/recommend/data.ts';
import type { ItemInfo, Purchase } from '../../tools/recommend/model.ts';
import { NOW } from './fixture.ts';

const KINDS = ['laundry detergent', 'hand wash', 'toothpaste', 'shampoo', 'tissue', 'dish soap'];
const BRANDS = ['Blue Moon', 'Liby', 'Colgate', 'Vinda'];
export const FIRST_ITEM = 101;
export const FIRST_CUSTOMER = 101;

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticItems(): Map<number, ItemInfo> {
  const items = new Map<number, ItemInfo>();
  KINDS.forEach((kind, k) => BRANDS.forEach((brand, b) => {
    const id = FIRST_ITEM + k * BRANDS.length + b;
    items.set(id, { id, kind: `cleaning:${kind}`, brand, category: 'cleaning', price: 1000 + 500 * b + 300 * k });
  }));
  return items;
}

/** `customers` shoppers over `days` days up to NOW's day, on shops 1–5. */
export function syntheticPurchases(customers: number, days = 240, seed = 7): Purchase[] {
  const next = random(seed);
  const items = [...syntheticItems().keys()];
  const today = dayOf(NOW);
  const out: Purchase[] = [];
  for (let c = 0; c < customers; c++) {
    const customer = FIRST_CUSTOMER + c;
    const shop = 1 + Math.floor(next() * 5);
    const staples = Array.from({ length: 2 + Math.floor(next() * 3) }, () => items[Math.floor(next() * items.length)]);
    for (const item of staples) {
      const every = 7 + Math.floor(next() * 30);
      for (let day = today - days + Math.floor(next() * every); day <= today; day += every) out.push({ customer, item, day, price: 1500, shop });
    }
    for (let e = Math.floor(next() * 8); e > 0; e--) out.push({ customer, item: items[Math.floor(next() * items.length)], day: today - Math.floor(next() * days), price: 2000, shop: 1 + Math.floor(next() * 5) });
  }
  return out;
}

/** Writes the synthetic catalogue and histories into a fixture store as products, shoppers and paid orders. */
export async function writeSynthetic(db: Store, customers: number): Promise<Purchase[]> {
  const purchases = syntheticPurchases(customers);
  await db.product.createMany({ data: [...syntheticItems().values()].map((i) => ({
    id: i.id, sku: `S${i.id}`, nameZh: `${i.brand}${i.kind}`, nameEn: `${i.brand} ${i.kind}`, category: i.category, brand: i.brand,
    descriptionZh: i.kind, descriptionEn: i.kind, attributes: { itemEn: i.kind.split(':')[1] }, unit: '瓶/bottle', listPrice: i.price,
  })) });
  await db.offer.createMany({ data: [...syntheticItems().values()].flatMap((i) => [1, 2, 3].map((shopId) => ({ shopId, productId: i.id, price: i.price, stock: 10, channel: 'offline' }))) });
  await db.customer.createMany({ data: Array.from({ length: customers }, (_, c) => ({ id: FIRST_CUSTOMER + c, displayName: `S${c}`, ageBand: '25-34', job: 'engineer', habit: 'family', homeLat: 30.54, homeLng: 114.36, language: 'en' })) });
  let id = 10_000;
  const orders = purchases.map((p) => ({ id: ++id, customerId: p.customer, shopId: p.shop!, createdAt: new Date(p.day * 86_400_000 + 3 * 3600_000), total: p.price!, paymentMethod: 'debit_wallet' }));
  for (let i = 0; i < orders.length; i += 2000) await db.order.createMany({ data: orders.slice(i, i + 2000) });
  const lines = orders.map((o, i) => ({ orderId: o.id, productId: purchases[i].item, quantity: 1, unitPrice: purchases[i].price! }));
  for (let i = 0; i < lines.length; i += 2000) await db.orderItem.createMany({ data: lines.slice(i, i + 2000) });
  return purchases;
}

/** What the recommender read before, through the ORM: the reference the lean SQL must match (tests and bench:recommender). */
export async function ormPurchases(db: Store): Promise<Purchase[]> {
  const rows = await db.orderItem.findMany({ where: { order: { status: 'paid' } }, select: { productId: true, unitPrice: true, order: { select: { customerId: true, createdAt: true, shopId: true } } } });
  const told = await db.selfReportedPurchase.findMany({ select: { customerId: true, productId: true, unitPrice: true, purchasedAt: true, shopId: true } });
  return [
    ...rows.map((r) => ({ customer: r.order.customerId, item: r.productId, day: dayOf(r.order.createdAt), price: r.unitPrice, shop: r.order.shopId })),
    ...told.map((r) => ({ customer: r.customerId, item: r.productId, day: dayOf(r.purchasedAt), price: r.unitPrice, shop: r.shopId })),
  ];
}

// Reads purchases and the catalogue out of the store into the recommender's plain shapes.
import type { Store } from '../../prisma/store.ts';
import type { ItemInfo, Purchase } from './model.ts';
import { selfReportedLines } from '../shared/self-reported.ts';

export const dayOf = (d: Date) => Math.floor(d.getTime() / 86_400_000);

export async function loadCatalogue(db: Store): Promise<Map<number, ItemInfo>> {
  const products = await db.product.findMany({ select: { id: true, category: true, brand: true, listPrice: true, attributes: true } });
  return new Map(products.map((p) => {
    const a = (p.attributes ?? {}) as Record<string, string>;
    return [p.id, { id: p.id, kind: `${p.category}:${a.itemEn ?? p.id}`, brand: p.brand, category: p.category, price: p.listPrice }];
  }));
}

export async function loadPurchases(db: Store, customerId?: number): Promise<Purchase[]> {
  const rows = await db.orderItem.findMany({
    where: { order: { status: 'paid', ...(customerId ? { customerId } : {}) } },
    select: { productId: true, unitPrice: true, order: { select: { customerId: true, createdAt: true, shopId: true } } },
  });
  const told = await selfReportedLines(db, customerId);
  return [
    ...rows.map((r) => ({ customer: r.order.customerId, item: r.productId, day: dayOf(r.order.createdAt), price: r.unitPrice, shop: r.order.shopId })),
    // What shoppers told us they bought counts for their own suggestions too.
    ...told.map((r) => ({ customer: r.customerId, item: r.productId, day: dayOf(r.purchasedAt), price: r.unitPrice, shop: r.shopId })),
  ];
}

// Purchases shoppers told us about (record_purchase), in the shapes the shopper-side models read.
// They teach the shopper's own profile and recommendations only: merchant tools never read them.
import type { Store } from '../../prisma/store.ts';

export async function selfReportedOrders(db: Store, customerId: number) {
  const rows = await db.selfReportedPurchase.findMany({
    where: { customerId }, orderBy: { purchasedAt: 'asc' },
    select: { purchasedAt: true, productId: true, quantity: true, unitPrice: true, paymentMethod: true, shop: { select: { nameZh: true, nameEn: true } } },
  });
  return rows.map((r) => ({ createdAt: r.purchasedAt, total: r.quantity * r.unitPrice, paymentMethod: r.paymentMethod, shop: r.shop, items: [{ productId: r.productId, quantity: r.quantity, unitPrice: r.unitPrice }] }));
}

export async function selfReportedLines(db: Store, customerId?: number) {
  return db.selfReportedPurchase.findMany({
    where: customerId ? { customerId } : {},
    select: { customerId: true, productId: true, unitPrice: true, purchasedAt: true, shopId: true },
  });
}

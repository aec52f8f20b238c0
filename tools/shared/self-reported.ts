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

/** Every self-reported line (or some shoppers' only) in id order, named as the order-line columns are. */
export function selfReportedLinesSql(customers?: number[]): string {
  for (const n of customers ?? []) if (!Number.isSafeInteger(n)) throw new Error(`customers must be integers, got ${n}`);
  return `SELECT "id" AS id, "customerId" AS customer, "productId" AS item, "purchasedAt" AS at, "unitPrice" AS price, "shopId" AS shop FROM "SelfReportedPurchase"`
    + (customers ? ` WHERE "customerId" IN (${customers.join(', ')})` : '') + ' ORDER BY "id"';
}

// A tiny hand-made world whose answers can be checked by hand.
//   Campus point C = (30.5405, 114.3620). Shops A, B, D sell "蓝月亮洗衣液 2kg" at 40, 42, 80 yuan;
//   E sells it at 44 yuan but 6 km away; F (online) at 39.9. Merchant 1 owns A and B; merchant 2 owns D.
import type { Store } from '../../prisma/store.ts';
import { WEALTH_PRODUCTS } from '../../prisma/seed/wealth.ts';

export const C = { lat: 30.5405, lng: 114.362 };
// ~0.009 degrees of latitude ≈ 1 km.
const north = (km: number) => ({ lat: Math.round((C.lat + km * 0.008983) * 1e6) / 1e6, lng: C.lng });

export const NOW = new Date('2026-11-23T04:00:00Z'); // Monday, 12:00 in China

export async function buildFixture(db: Store) {
  await db.merchant.createMany({ data: [{ id: 1, name: 'Merchant One' }, { id: 2, name: 'Merchant Two' }, { id: 3, name: 'Online Co' }] });
  const shop = (id: number, merchantId: number, name: string, km: number, rating: number, onlineOnly = false) => ({
    id, merchantId, nameZh: `${name}店`, nameEn: `Shop ${name}`, category: 'cleaning', ...north(km), addressZh: `${name}路1号`, addressEn: `1 ${name} Rd`,
    openingHours: '08:00-22:00', rating, ratingCount: 10, onlineOnly,
  });
  await db.shop.createMany({ data: [shop(1, 1, 'A', 0.5, 4.5), shop(2, 1, 'B', 1.0, 4.0), shop(3, 2, 'D', 0.2, 3.0), shop(4, 2, 'E', 6, 5), shop(5, 3, 'F', 0, 4.2, true)] });
  const product = (id: number, nameZh: string, nameEn: string, brand: string, itemZh: string, itemEn: string, listPrice: number) => ({
    id, sku: `T${id}`, nameZh, nameEn, category: 'cleaning', brand, descriptionZh: nameZh, descriptionEn: nameEn, attributes: { itemZh, itemEn }, unit: '瓶/bottle', listPrice,
  });
  await db.product.createMany({ data: [
    product(1, '蓝月亮洗衣液 2kg', 'Blue Moon laundry detergent 2kg', 'Blue Moon', '洗衣液', 'laundry detergent', 4500),
    product(2, '立白洗衣液 2kg', 'Liby laundry detergent 2kg', 'Liby', '洗衣液', 'laundry detergent', 4000),
    product(3, '蓝月亮洗手液 500ml', 'Blue Moon hand wash 500ml', 'Blue Moon', '洗手液', 'hand wash', 1500),
  ] });
  const offer = (shopId: number, productId: number, price: number, stock = 10) => ({ shopId, productId, price, stock, channel: shopId === 5 ? 'online' : 'offline', url: shopId === 5 ? 'https://f.example/1' : null });
  await db.offer.createMany({ data: [
    offer(1, 1, 4000), offer(2, 1, 4200), offer(3, 1, 8000), offer(4, 1, 4400), offer(5, 1, 3990),
    offer(1, 2, 3900), offer(3, 2, 3500, 0), offer(2, 3, 1500),
  ] });
  await db.customer.createMany({ data: [
    { id: 1, displayName: '小王', ageBand: '18-24', job: 'student', habit: 'student', homeLat: C.lat, homeLng: C.lng, language: 'zh' },
    { id: 2, displayName: 'Emma', ageBand: '25-34', job: 'engineer', habit: 'family', homeLat: C.lat, homeLng: C.lng, language: 'en' },
  ] });
  // Merchant 1: last week (Mon 16 – Sun 22 Nov, China time) shop A sold 2 orders, shop B 1; the week before, 1 order.
  const order = (id: number, shopId: number, iso: string, items: [number, number, number][], status = 'paid') => ({
    order: { id, customerId: 1, shopId, createdAt: new Date(iso), total: items.reduce((s, [, q, p]) => s + q * p, 0), paymentMethod: 'debit_wallet', status },
    items: items.map(([productId, quantity, unitPrice]) => ({ orderId: id, productId, quantity, unitPrice })),
  });
  const orders = [
    order(1, 1, '2026-11-16T02:00:00Z', [[1, 2, 4000]]), // 80.00
    order(2, 1, '2026-11-20T10:00:00Z', [[1, 1, 4000], [2, 1, 3900]]), // 79.00
    order(3, 2, '2026-11-22T15:30:00Z', [[3, 2, 1500]]), // 30.00 (23:30 China time, still Sunday)
    order(4, 2, '2026-11-22T16:30:00Z', [[3, 1, 1500]]), // Monday 00:30 China time: this week
    order(5, 1, '2026-11-12T03:00:00Z', [[1, 1, 4000]]), // previous week: 40.00
    order(6, 1, '2026-11-18T03:00:00Z', [[2, 1, 3900]], 'refunded'),
    order(7, 3, '2026-11-18T03:00:00Z', [[1, 5, 8000]]), // merchant 2
  ];
  await db.wealthProduct.createMany({ data: WEALTH_PRODUCTS });
  await db.order.createMany({ data: orders.map((o) => o.order) });
  await db.orderItem.createMany({ data: orders.flatMap((o) => o.items) });
}

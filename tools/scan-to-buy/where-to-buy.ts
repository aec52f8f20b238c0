// For a matched product: online offers cheapest first, and shops nearby nearest first (cheapest
// breaks ties), with distance when the shopper's location is known.
import type { Store } from '../../prisma/store.ts';
import type { LatLng, Locale } from '../context.ts';
import { metresBetween } from '../geo.ts';
import { toYuan } from '../money.ts';

export type OnlineOffer = { shopId: number; shopName: string; price: number; url: string | null };
export type ShopOffer = { shopId: number; shopName: string; price: number; distanceM: number | null; address: string; lat: number; lng: number };

export async function whereToBuy(db: Store, productId: number, at: LatLng | undefined, locale: Locale, limit = 3): Promise<{ online: OnlineOffer[]; offline: ShopOffer[]; offlineCount: number }> {
  const offers = await db.offer.findMany({ where: { productId, stock: { gt: 0 } }, include: { shop: true } });
  const name = (s: { nameZh: string; nameEn: string }) => (locale === 'zh' ? s.nameZh : s.nameEn);
  const online = offers.filter((o) => o.channel === 'online' || o.shop.onlineOnly)
    .sort((a, b) => a.price - b.price)
    .slice(0, limit)
    .map((o) => ({ shopId: o.shopId, shopName: name(o.shop), price: toYuan(o.price), url: o.url }));
  const inShops = offers.filter((o) => o.channel !== 'online' && !o.shop.onlineOnly).map((o) => ({
    shopId: o.shopId, shopName: name(o.shop), price: toYuan(o.price), distanceM: at ? Math.round(metresBetween(at, o.shop)) : null,
    address: locale === 'zh' ? o.shop.addressZh : o.shop.addressEn, lat: o.shop.lat, lng: o.shop.lng,
  }));
  inShops.sort((a, b) => (a.distanceM ?? 0) - (b.distanceM ?? 0) || a.price - b.price);
  return { online, offline: inShops.slice(0, limit), offlineCount: inShops.length };
}

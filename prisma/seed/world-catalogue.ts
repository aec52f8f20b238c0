// Products and shops of the demo world (pure: the same Rng gives the same result).
import { CATEGORY_KEYS, type Category } from '../../tools/catalogue/categories.ts';
import { CATALOGUE, DEFAULT_LINES } from './catalogue-data.ts';
import { HUBS, NAME_PREFIXES, ONLINE_SHOPS, OPENING_HOURS, SHOP_MIX } from './city.ts';
import { themesFor } from './review-text.ts';
import type { Rng } from './rng.ts';

export type GenProduct = {
  id: number; sku: string; nameZh: string; nameEn: string; category: Category; brand: string;
  descriptionZh: string; descriptionEn: string; attributes: Record<string, string>; unit: string; listPrice: number;
  // hidden demand traits
  popularity: number; trend: number; cycle: number; itemKey: string;
};

export type GenShop = {
  id: number; merchantId: number; nameZh: string; nameEn: string; category: Category; lat: number; lng: number;
  addressZh: string; addressEn: string; openingHours: string; rating: number; ratingCount: number; onlineOnly: boolean;
  // hidden traits
  priceFactor: number; quality: number; weakThemes: string[]; host?: string;
};

export type GenMerchant = { id: number; name: string };
export type GenOffer = { id: number; shopId: number; productId: number; price: number; stock: number; channel: 'offline' | 'online'; url: string | null };

/** Prices end like real tags: x.90, x.50 or whole yuan. Returns fen. */
export function tagPrice(yuan: number): number {
  if (yuan < 10) return Math.max(50, Math.round(yuan * 10) * 10);
  if (yuan < 100) return Math.round(yuan) * 100 - 10;
  return Math.round(yuan) * 100;
}

export function makeProducts(rng: Rng, scale: number): GenProduct[] {
  const products: GenProduct[] = [];
  for (const category of CATEGORY_KEYS) {
    const data = CATALOGUE[category];
    const lines = data.lines ?? DEFAULT_LINES;
    for (const item of data.items) {
      for (const [brandZh, brandEn] of data.brands) {
        for (const [lineZh, lineEn, lineMult] of lines) {
          for (const [varZh, varEn, varMult] of item.variants) {
            if (scale < 1 && !rng.chance(scale * 2)) continue;
            const id = products.length + 1;
            const brandFactor = 0.8 + ((brandEn.length * 7) % 9) / 20; // stable per brand
            const nameZh = `${brandZh}${lineZh}${item.zh} ${varZh}`;
            const nameEn = `${brandEn}${lineEn ? ' ' + lineEn : ''} ${item.en} ${varEn}`;
            products.push({
              id, sku: `SKU${String(id).padStart(5, '0')}`, nameZh, nameEn, category, brand: brandEn,
              descriptionZh: `${brandZh}${item.zh}，${varZh}${lineZh ? '，' + lineZh + '系列' : ''}。`,
              descriptionEn: `${brandEn} ${item.en}, ${varEn}${lineEn ? ', ' + lineEn + ' line' : ''}.`,
              attributes: { variant: varEn, line: lineEn || 'Classic', brandZh, itemZh: item.zh, itemEn: item.en },
              unit: `${item.unit[0]}/${item.unit[1]}`,
              listPrice: tagPrice(item.price * varMult * lineMult * brandFactor),
              // Zipf-like popularity: a few best sellers, a long tail of slow movers.
              popularity: Math.pow(rng.next(), 2.2) * (lineMult > 1 ? 0.5 : 1),
              trend: rng.normal(0, 0.35), // log-growth per year
              cycle: item.cycle,
              itemKey: `${category}:${item.en}`,
            });
          }
        }
      }
    }
  }
  return products;
}

const BRANCH_ZH: Record<number, string> = { 2: '二', 3: '三', 4: '四', 5: '五', 6: '六' };

export function makeShops(rng: Rng, scale: number): { shops: GenShop[]; merchants: GenMerchant[] } {
  const shops: GenShop[] = [];
  const merchants: GenMerchant[] = [];
  const hubWeights = HUBS.map((h) => h.weight);
  const branchCount = new Map<string, number>();
  for (const category of CATEGORY_KEYS) {
    const mix = SHOP_MIX[category];
    const count = Math.max(2, Math.round(mix.count * scale));
    let made = 0;
    while (made < count) {
      // About a third of shops belong to small chains (one merchant, several branches).
      const chainSize = rng.chance(0.3) ? rng.int(2, 4) : 1;
      const [prefixZh, prefixEn] = rng.pick(NAME_PREFIXES);
      const merchant = { id: merchants.length + 1, name: `${prefixZh}${mix.suffix[0]} / ${prefixEn} ${mix.suffix[1]}` };
      merchants.push(merchant);
      const priceFactor = rng.weighted([0.9, 1.0, 1.12, 1.4], [3, 5, 2, 0.7]) * rng.float(0.97, 1.03);
      const quality = rng.float(2.9, 4.8);
      const weakThemes = rng.sample(themesFor(category), rng.int(1, 3)).map((t) => t.key);
      if (priceFactor > 1.3) weakThemes.unshift('overpriced');
      for (let b = 0; b < chainSize && made < count; b++, made++) {
        const hub = rng.weighted(HUBS, hubWeights);
        const [roadZh, roadEn] = rng.pick(hub.roads);
        const no = rng.int(1, 400);
        // Branches of one brand in the same neighbourhood get numbered names, as real chains do.
        const base = `${prefixZh}${mix.suffix[0]}(${hub.zh}`;
        const n = (branchCount.get(base) ?? 0) + 1;
        branchCount.set(base, n);
        shops.push({
          id: shops.length + 1, merchantId: merchant.id,
          nameZh: `${base}${n > 1 ? BRANCH_ZH[n] ?? n : ''}店)`, nameEn: `${prefixEn} ${mix.suffix[1]} (${hub.en}${n > 1 ? ` ${n}` : ''})`,
          category, lat: round6(hub.lat + rng.normal(0, 0.007)), lng: round6(hub.lng + rng.normal(0, 0.008)),
          addressZh: `武汉市${hub.lng > 114.36 ? '洪山区' : '武昌区'}${roadZh}${no}号`, addressEn: `No. ${no} ${roadEn}, ${hub.lng > 114.36 ? 'Hongshan' : 'Wuchang'} District, Wuhan`,
          openingHours: category === 'snacks' && rng.chance(0.4) ? '00:00-24:00' : rng.pick(OPENING_HOURS),
          rating: 0, ratingCount: 0, onlineOnly: false, priceFactor, quality, weakThemes,
        });
      }
    }
  }
  for (const online of ONLINE_SHOPS) {
    const merchant = { id: merchants.length + 1, name: online.zh + ' / ' + online.en };
    merchants.push(merchant);
    shops.push({
      id: shops.length + 1, merchantId: merchant.id, nameZh: online.zh, nameEn: online.en, category: online.category,
      lat: 30.5405, lng: 114.362, addressZh: '线上店铺', addressEn: 'Online store', openingHours: '00:00-24:00',
      rating: 0, ratingCount: 0, onlineOnly: true, priceFactor: rng.float(0.86, 0.95), quality: rng.float(3.6, 4.5),
      weakThemes: ['slow_delivery', 'damaged_packaging'], host: online.host,
    });
  }
  return { shops, merchants };
}

export function makeOffers(rng: Rng, shops: GenShop[], products: GenProduct[]): GenOffer[] {
  const byCategory = new Map<Category, GenProduct[]>();
  for (const p of products) byCategory.set(p.category, [...(byCategory.get(p.category) ?? []), p]);
  const offers: GenOffer[] = [];
  for (const shop of shops) {
    const assortment: GenProduct[] = [];
    const own = byCategory.get(shop.category) ?? [];
    // Online stores carry most of their category; a corner shop a selection biased to best sellers.
    const share = shop.onlineOnly ? 0.7 : rng.float(0.18, 0.35);
    for (const p of own) if (rng.chance(share * (0.5 + p.popularity))) assortment.push(p);
    for (const other of SHOP_MIX[shop.category].also) {
      for (const p of byCategory.get(other) ?? []) if (rng.chance(0.06 * (0.5 + p.popularity))) assortment.push(p);
    }
    for (const p of assortment) {
      // Every shop has its price level; a few offers are clearly overpriced on top of that.
      const markup = rng.chance(0.03) ? rng.float(1.4, 1.8) : 1;
      const price = tagPrice((p.listPrice / 100) * shop.priceFactor * markup * rng.float(0.94, 1.06));
      const channel = shop.onlineOnly ? 'online' : 'offline';
      offers.push({
        id: offers.length + 1, shopId: shop.id, productId: p.id, price, stock: rng.chance(0.05) ? 0 : rng.int(3, 120), channel,
        url: shop.host ? `https://${shop.host}/item/${p.sku}` : null,
      });
    }
  }
  return offers;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

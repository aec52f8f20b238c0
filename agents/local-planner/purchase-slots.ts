// What a purchase message says was bought, read against the catalogue: the count, the price of one, and the product.
// Two readings depend on what the catalogue sells:
// - "鸡蛋20枚 25.9": 20枚 is a count only if no product is sold as "20枚"; the catalogue's 本地鸡蛋 20枚 makes it the
//   size of one box (1 at 25.9), as "面膜5片" is one pack of five.
// - "可口可乐330ml，一箱12罐30块": a case of single cans is 12 cans at 2.5 when the catalogue sells the can (its
//   product is one can); a pack the catalogue sells as a product of its own (矿泉水 24瓶整箱, 晨光中性笔 12支装)
//   stays one pack at the pack's price (entities/quantity.ts says why). More than 20 single items stay packs.
import type { ProductIndex } from '../../tools/catalogue/product-search.ts';
import { findAllMoney, isUsualPrice, usualPriceStart, type Money } from './entities/money.ts';
import { findLooseWeight, gramsInName, pricePerWeight, readPurchase } from './entities/quantity.ts';

/** A product name that is a pack of several: 整箱, 6瓶装, 两瓶装, twin pack, 12-pack, case of 24. */
const PACK_NAME = /整箱|箱装|[提箱盒]装|\d+\s*(?:瓶|罐|听|盒|支|包|袋|卷|片|粒|杯)\s*装|[两三四五六七八九十]\s*(?:瓶|罐|听|盒|支|包|袋)\s*装|\b(?:twin|multi|family)[- ]?pack\b|\b\d+[- ]?pack\b|\bpack of\b|\bcase of\b/i;

export type Bought = { product: string; price?: number; quantity?: number };

/**
 * @param phraseOf the product phrase of the text without the given words
 * @param named words that are not the product (the price, the day, the place, the command)
 */
export function readBought(raw: string, money: Money | undefined, products: ProductIndex, phraseOf: (text: string, ...remove: (string | undefined)[]) => string, named: (string | undefined)[]): Bought {
  // A brand with a count in its name ("三只松鼠", "7 Days") counts nothing: masked, same length, before counts are read.
  let masked = raw;
  for (const b of products.vocabulary().brands) if (/[\d一二两三四五六七八九十百]/.test(b) && b.length > 1) masked = masked.replace(new RegExp(b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), (x) => '□'.repeat(x.length));
  // "原价一瓶25块9 一共付了38块85": the price before the deal is no price paid, when one paid is said too.
  const all = findAllMoney(masked);
  const before: string[] = [];
  if (all.some((m) => !isUsualPrice(masked, m.index))) {
    for (const m of all.filter((x) => isUsualPrice(masked, x.index))) {
      const from = usualPriceStart(masked, m.index) ?? m.index;
      before.push(masked.slice(from, m.index + m.text.length));
      masked = masked.slice(0, from) + ' '.repeat(m.index + m.text.length - from) + masked.slice(m.index + m.text.length);
    }
  }
  const bought = readPurchase(masked, money);
  // Counts and 每瓶 are not the product; "6瓶装" / "12-pack" is how the catalogue names a pack, so it stays in.
  const keepInName = (t: string) => /装$|-?pack$|^整/i.test(t); // "整箱12盒" too: the catalogue's 光明牛奶 整箱12盒
  const product = phraseOf(raw, ...named, ...before, ...(bought?.texts.filter((t) => !keepInName(t)) ?? []));
  const top = (phrase: string) => (phrase ? products.search(phrase, 1)[0]?.product : undefined);
  // "三斤本地西红柿 五百克一袋那种 一斤四块五": a weight said beside one bag of the catalogue's size is that many bags.
  const sizeOfOne = /(?:\d+(?:\.\d+)?\s*(?:g|kg|克|公斤|千克)|[一二两三四五六七八九十百]+(?:克|公斤|千克))\s*一(?:袋|包|盒|个|份)/i.test(masked);
  const weighed = !bought || (bought.quantity === 1 && !bought.pack && sizeOfOne) ? byWeight(masked, money, product, top(product)) : undefined;
  if (weighed) return weighed;
  if (!bought) return { product, price: money?.amount };

  // A count that the catalogue sells as a size ("鸡蛋20枚"): one of that size.
  const countText = bought.pack ? undefined : bought.texts.find((t) => /^\s*[\d一二两三四五六七八九十]+\s*[\p{Script=Han}a-z]+$/iu.test(t) && /\d/.test(t));
  if (countText) {
    const withSize = phraseOf(raw, ...named);
    const match = top(withSize);
    const size = countText.replace(/\s+/g, '');
    if (match && (match.nameZh.replace(/\s+/g, '').includes(size) || match.nameEn.toLowerCase().replace(/\s+/g, '').includes(size.toLowerCase()))) {
      return { product: withSize, price: bought.priceIs === 'total' ? bought.total : money?.amount, quantity: 1 };
    }
  }
  // A pack of single items the catalogue sells one by one: the items at their price.
  if (bought.pack && bought.items && bought.items <= 20 && bought.itemPrice !== undefined) {
    // "a 4-pack of Bright yogurt, 19.90" where the catalogue sells "光明酸奶 4杯装 / Bright yogurt 4 cups": that pack, as one.
    const sameSize = new RegExp(`(?<![\\d.])${bought.pack.size}\\s*(?:\\p{Script=Han}装|[a-z]+s\\b|-?pack\\b)`, 'iu');
    const asPack = product ? products.search(product, 5).map((m) => m.product).find((p) => sameSize.test(p.nameZh) || sameSize.test(p.nameEn)) : undefined;
    if (asPack && bought.price !== undefined) return { product: asPack.nameZh, price: bought.price, quantity: bought.quantity };
    const match = top(product);
    // A name with the pack's own size in it ("欧莱雅面膜 5片" for 五片装) is that pack, sold as one.
    const size = bought.pack.unit ? `${bought.pack.size}${bought.pack.unit}` : undefined;
    const sizeInName = size !== undefined && match !== undefined && match.nameZh.replace(/\s+/g, '').includes(size);
    if (match && !sizeInName && !PACK_NAME.test(match.nameZh) && !PACK_NAME.test(match.nameEn)) return { product, price: bought.itemPrice, quantity: bought.items };
  }
  // "酸奶6杯 18块", "4 cans of coke 10": the amount said without 每 / 共 / each / total is read the way the catalogue's list
  // prices make likelier, per item or for all of them.
  const amount = bought.price ?? money?.amount;
  if (bought.priceIs === 'unstated' && !bought.pack && amount !== undefined && bought.quantity && bought.quantity > 1) {
    const prices = product ? products.search(product, 5).map((m) => m.product.listPrice / 100).filter((p) => p > 0).sort((a, b) => a - b) : [];
    const typical = prices[Math.floor(prices.length / 2)];
    const far = (each: number) => Math.abs(Math.log(each / typical));
    if (typical && far(amount / bought.quantity) < far(amount)) return { product, price: Math.round((amount / bought.quantity) * 100) / 100, quantity: bought.quantity };
  }
  return { product, price: bought.price ?? money?.amount, quantity: bought.quantity };
}

/** "三斤苹果 六块五一斤" when the catalogue sells apples by 500 g: 3 of them at 6.5; "两斤排骨 一共五十八" → 2 at 29;
 *  a price said with no per or total word is taken per unit when that is nearer the product's list price. */
type Sold = { nameZh: string; nameEn: string; listPrice: number };

/** How many of the product's own units a weight said is ("三斤" of 都乐苹果 500g → 3), when they divide it. */
export function weighedUnits(text: string, match: Sold | undefined): { quantity: number; grams: number } | undefined {
  const weight = findLooseWeight(text);
  const grams = match && (gramsInName(match.nameZh) ?? gramsInName(match.nameEn));
  if (!weight || !grams) return undefined;
  const quantity = weight.grams / grams;
  return Number.isInteger(quantity) && quantity >= 1 ? { quantity, grams } : undefined;
}

export function byWeight(text: string, money: Money | undefined, product: string, match: Sold | undefined): Bought | undefined {
  const units = weighedUnits(text, match);
  if (!units || !match) return undefined;
  const { quantity, grams } = units;
  if (!money) return { product, quantity };
  const per = pricePerWeight(text, money);
  if (per) return { product, quantity, price: Math.round(((money.amount * grams) / per) * 100) / 100 };
  const list = match.listPrice / 100;
  const total = /一共|总共|合计|共计|花了|in total|altogether/i.test(text) || (list > 0 && Math.abs(Math.log(money.amount / quantity / list)) < Math.abs(Math.log(money.amount / list)));
  return { product, quantity, price: total ? Math.round((money.amount / quantity) * 100) / 100 : money.amount };
}

// "不要华为的", "anything but snacks": which catalogue products a word the shopper does not want covers —
// the products of that category, or whose brand or name has the word.
import { CATEGORIES, CATEGORY_KEYS } from './categories.ts';
import type { ProductIndex } from './product-search.ts';

/** "online" (in any of its words) leaves out the online shops rather than products. */
export const leavesOutOnline = (word: string | undefined) => Boolean(word && /^(?:online|internet|web|e-?shops?|网上|线上|网店|电商|网购|online shops?|online stores?)$/i.test(word.trim()));

export function excludedBy(word: string | undefined, products: ProductIndex): ((productId: number) => boolean) | undefined {
  const w = word?.trim().toLowerCase();
  if (!w || leavesOutOnline(w)) return undefined;
  const singular = w.replace(/s$/, '');
  const category = CATEGORY_KEYS.find((k) => k === w || CATEGORIES[k].words.some((c) => c.toLowerCase() === w || c.toLowerCase() === singular));
  return (id) => {
    const p = products.get(id);
    if (!p) return false;
    if (category && p.category === category) return true;
    return [p.nameZh, p.nameEn, p.brand].some((s) => s.toLowerCase().includes(w) || (singular.length > 2 && s.toLowerCase().includes(singular)));
  };
}

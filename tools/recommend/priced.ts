// Recommendations that someone sells (at a price within the budget), pricing as few products as it can:
// the best-scored candidates are priced first, and the top k of those on sale are the top k of all
// (an item further down the ranking cannot outrank them; an item's score does not depend on which
// others are allowed). Only when too few of them are on sale is every candidate priced. On the demo
// store this reads ~40 rows instead of the cheapest offer of all ~4.4k products (bench:load).
import type { RecommenderModel, Recommendation } from './model.ts';

/** Candidates priced first. */
export const SHORTLIST = 40;

export type PricedOptions = {
  k: number;
  feedback?: Map<number, number>;
  /** What the shopper asked for (category, need), before any price. */
  fits: (item: number) => boolean;
  /** Highest price per item, in cents. */
  budgetCents?: number;
};

/** `cheapestOf(ids)`: the cheapest offer on sale per product (of all products when ids is undefined). */
export async function pricedRecommendations(
  model: RecommenderModel,
  customer: number,
  options: PricedOptions,
  cheapestOf: (productIds?: number[]) => Promise<Map<number, number>>,
  shortlistSize = SHORTLIST,
): Promise<{ recs: Recommendation[]; cheapest: Map<number, number> }> {
  const { k, feedback, fits, budgetCents } = options;
  const onSale = (cheapest: Map<number, number>) => (item: number) => {
    const price = cheapest.get(item);
    return price !== undefined && (!budgetCents || price <= budgetCents) && fits(item);
  };
  const shortlist = model.recommend(customer, { k: shortlistSize, feedback, allow: fits }).map((r) => r.item);
  const cheapest = await cheapestOf(shortlist);
  const recs = model.recommend(customer, { k, feedback, allow: onSale(cheapest) });
  if (recs.length >= k || shortlist.length < shortlistSize) return { recs, cheapest };
  const all = await cheapestOf();
  return { recs: model.recommend(customer, { k, feedback, allow: onSale(all) }), cheapest: all };
}

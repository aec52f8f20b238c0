// recommend prices only its best candidates first: the shopper must get exactly the list that pricing
// every product would give (on sale, within budget, what they asked for), however few are on sale.
import { describe, expect, it } from 'vitest';
import { RecommenderModel } from '../../tools/recommend/model.ts';
import { pricedRecommendations } from '../../tools/recommend/priced.ts';
import { syntheticItems, syntheticPurchases } from '../helpers/purchases.ts';

const items = syntheticItems();
const purchases = syntheticPurchases(40);
const today = Math.max(...purchases.map((p) => p.day));
const model = RecommenderModel.train(purchases, items, today);

function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('recommendations priced from a shortlist', () => {
  it('are the ones pricing every product gives, for shoppers, budgets and stock of every kind', async () => {
    const rand = random(11);
    let fallbacks = 0;
    let shortOnly = 0;
    for (let trial = 0; trial < 60; trial++) {
      const onSaleShare = [1, 0.6, 0.2, 0.03][trial % 4];
      const prices = new Map([...items.keys()].filter(() => rand() < onSaleShare).map((id) => [id, 100 + Math.floor(rand() * 5000)]));
      const customer = model.customers()[trial % model.customers().length];
      const budgetCents = trial % 3 === 0 ? 1500 : undefined;
      const category = trial % 5 === 0 ? items.get([...items.keys()][trial % items.size])!.category : undefined;
      const fits = (item: number) => !category || items.get(item)!.category === category;
      const asked: (number[] | undefined)[] = [];
      const cheapestOf = async (ids?: number[]) => {
        asked.push(ids);
        return new Map([...prices].filter(([id]) => !ids || ids.includes(id)));
      };
      const k = 5;
      const { recs } = await pricedRecommendations(model, customer, { k, fits, budgetCents }, cheapestOf, 8);
      const expected = model.recommend(customer, { k, allow: (item) => prices.has(item) && (!budgetCents || prices.get(item)! <= budgetCents) && fits(item) });
      expect(recs).toEqual(expected);
      expect(asked[0]!.length).toBeLessThanOrEqual(8);
      if (asked.length > 1) fallbacks++;
      else shortOnly++;
    }
    // Both paths were taken: many lists came from the shortlist alone, the sparse stock needed all prices.
    expect(shortOnly).toBeGreaterThan(10);
    expect(fallbacks).toBeGreaterThan(5);
  });
});

describe('a category the shopper never bought from', () => {
  it('still gets its best sellers when that category is not among the best sellers of all', () => {
    // 24 + 40 cleaning items sell more than the one beauty item, which only shopper 900 ever bought.
    const withBeauty = new Map(items);
    const extra = Array.from({ length: 40 }, (_, i) => 500 + i);
    for (const id of extra) withBeauty.set(id, { id, kind: `cleaning:extra ${id}`, brand: 'Liby', category: 'cleaning', price: 1500 });
    withBeauty.set(999, { id: 999, kind: 'beauty:sunscreen', brand: 'Shiseido', category: 'beauty', price: 9900 });
    const bought = [...purchases, ...extra.flatMap((item) => [800, 801, 802].map((customer) => ({ customer, item, day: today - 5, shop: 1 }))),
      { customer: 900, item: 999, day: today - 3, shop: 1 }, { customer: 900, item: 101, day: today - 2, shop: 1 }];
    const m = RecommenderModel.train(bought, withBeauty, today);
    const shopper = model.customers()[0];
    const beauty = m.recommend(shopper, { k: 5, allow: (item) => withBeauty.get(item)?.category === 'beauty' });
    expect(beauty.map((r) => r.item)).toEqual([999]);
  });
});

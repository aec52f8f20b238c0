// Product search looks only at the catalogue entries that share a word or a pair of characters with
// the query: a shopper must get exactly the products (and order) that scoring every entry gives.
import { describe, expect, it } from 'vitest';
import { type CatalogueEntry, ProductIndex, queryTerms } from '../../tools/catalogue/product-search.ts';
import { Rng } from '../../prisma/seed/rng.ts';
import { makeProducts } from '../../prisma/seed/world-catalogue.ts';
import { DEFAULT_SEED } from '../../prisma/seed/world.ts';

const entries: CatalogueEntry[] = makeProducts(new Rng(DEFAULT_SEED), 1).map((p, i) => ({
  id: i + 1, nameZh: p.nameZh, nameEn: p.nameEn, brand: p.brand, category: p.category,
  itemZh: p.attributes.itemZh ?? '', itemEn: p.attributes.itemEn ?? '', listPrice: p.listPrice,
}));

/** The same scoring over every entry. */
class EveryEntry extends ProductIndex {
  protected override candidatesFor() {
    return this.entries;
  }
}

const QUERIES = [
  '洗衣液', '附近哪里有卖洗衣液', '蓝月亮洗衣液 2kg', '洗衣服用的', '可乐', 'cola', 'coca cola 2l', 'where can I buy cola nearby?',
  '农夫山泉', 'nongfu spring mineral water 1.5l', '充电宝', 'power bank 20000mah', '得力函数计算器', '苹果', 'apples', '牛奶',
  'milk', '酸奶 yogurt', '面', '米', 'a', '鸡胸肉', 'chicken breast', 'shampoo', '洗发水', '耳机 earphones', '零食', '薯片 lays',
  '咖啡 latte', '单杯', 'xyz 不存在的东西', '高端', '婴儿', 'baby', '𠀀字', '三文鱼 1kg', '羽毛球拍', 'badminton racket', '纸巾',
];

describe('product search over the demo catalogue', () => {
  const indexed = ProductIndex.fromEntries(entries);
  const everyEntry = EveryEntry.fromEntries(entries);

  it('finds the same products in the same order as scoring every entry', () => {
    expect(entries.length).toBeGreaterThan(3000);
    let found = 0;
    for (const q of QUERIES) {
      const got = indexed.search(q, 50).map((m) => [m.product.id, m.score]);
      expect(got, q).toEqual(everyEntry.search(q, 50).map((m) => [m.product.id, m.score]));
      found += got.length ? 1 : 0;
    }
    expect(found).toBeGreaterThan(QUERIES.length - 5);
  });

  it('scores only a small part of the catalogue for a specific query', () => {
    const seen = [...(indexed as unknown as { candidatesFor(t: unknown): Iterable<unknown> }).candidatesFor(queryTerms('蓝月亮洗衣液 2kg'))];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(entries.length / 4);
  });
});

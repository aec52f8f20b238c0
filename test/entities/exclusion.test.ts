// What a shopper does not want is left out, not searched for: a brand, an item or a category the
// catalogue knows, said in a new request or as a follow-up; "not expensive" and ratings are no exclusion.
import { describe, expect, it } from 'vitest';
import { findExclusion } from '../../agents/local-planner/entities/exclusion.ts';
import { understand, type PreviousCall, type Situation } from '../../agents/local-planner/understand.ts';
import { ProductIndex } from '../../tools/catalogue/product-search.ts';

const products = ProductIndex.fromEntries([
  { id: 1, nameZh: '华为充电宝 10000mAh', nameEn: 'Huawei power bank 10000mAh', brand: 'Huawei', category: 'digital', itemZh: '充电宝', itemEn: 'power bank', listPrice: 12900 },
  { id: 2, nameZh: '小米充电宝 10000mAh', nameEn: 'Xiaomi power bank 10000mAh', brand: 'Xiaomi', category: 'digital', itemZh: '充电宝', itemEn: 'power bank', listPrice: 9900 },
  { id: 3, nameZh: '乐事薯片 70g', nameEn: "Lay's potato chips 70g", brand: "Lay's", category: 'snacks', itemZh: '薯片', itemEn: 'potato chips', listPrice: 790 },
]);
const at = (previous?: PreviousCall, locale: Situation['locale'] = 'zh'): Situation => ({ role: 'shopper', locale, today: '2026-11-23', previous });

describe('what the shopper does not want', () => {
  it.each([
    ['想买个充电宝，小米的不要', '小米'],
    ['除了薯片以外还有啥好吃的', '薯片'],
    ['别给我推荐零食了', '零食'],
    ['推荐点吃的 我老婆说薯片家里还有两包 就别推了', '薯片'],
    ['a power bank please, except Huawei', 'Huawei'],
    ["I don't want Xiaomi", 'Xiaomi'],
    ['any snacks other than potato chips?', 'potato chips'],
    ['A power bank for my trip. Anything but Huawei — who sells one nearby?', 'Huawei'],
    ['附近有卖充电宝的吗，不要网上的', 'online'],
    ['power banks nearby, not the online ones', 'online'],
    ['充电宝，只要实体店的', 'online'],
    ['有什么推荐的 零食以外的', '零食'],
    ['薯片就算了 我牙不好', '薯片'],
    ['推荐点吃的，薯片就免了', '薯片'],
    ["Skip the potato chips, we're stocked up.", 'potato chips'],
    ['leave out the snacks please', 'snacks'],
    ['不要辣的', '辣'], // a taste: the goods whose name has it
  ])('%s → %s', (text, word) => {
    expect(findExclusion(text, products)?.word).toBe(word);
  });

  it.each(['不要太贵的充电宝', 'not expensive please', '第二个不要', "I don't want to pay more than 50", '不要紧，推荐点东西'])('%s → none', (text) => {
    expect(findExclusion(text, products)).toBeUndefined();
  });

  it('goes to the tools as an exclusion, in a new request and as a follow-up', () => {
    expect(understand('附近哪里有卖充电宝，不要华为的', at(), products)).toMatchObject({ tool: 'nearby_shops', args: { query: '充电宝', exclude: '华为' } });
    const search: PreviousCall = { name: 'nearby_shops', args: { query: 'power bank', offset: 0 }, result: { status: 'ok' } };
    expect(understand('not the Xiaomi ones', at(search, 'en'), products)).toEqual({ tool: 'nearby_shops', args: { query: 'power bank', offset: 0, exclude: 'Xiaomi' } });
    const shown: PreviousCall = { name: 'recommend', args: {}, result: { status: 'ok', items: [{ productId: 3 }] } };
    expect(understand('除了零食呢', at(shown), products)).toEqual({ tool: 'recommend', args: { exclude: '零食' } });
  });
});

// The entity readers as the embedded planner uses them: spoken prices checked, caps and budgets turned into
// search limits (and kept out of the product), purchases with counts and packs, lead times, service levels.
import { describe, expect, it } from 'vitest';
import { understand, type PreviousCall, type Situation } from '../../agents/local-planner/understand.ts';
import { PHRASES } from '../../prompts/replies/phrases.ts';
import { ProductIndex } from '../../tools/catalogue/product-search.ts';

const products = ProductIndex.fromEntries([
  { id: 1, nameZh: '蓝月亮洗衣液 2kg', nameEn: 'Blue Moon laundry detergent 2kg', brand: 'Blue Moon', category: 'cleaning', itemZh: '洗衣液', itemEn: 'laundry detergent', listPrice: 4500 },
  { id: 2, nameZh: '立白洗衣液 2kg', nameEn: 'Liby laundry detergent 2kg', brand: 'Liby', category: 'cleaning', itemZh: '洗衣液', itemEn: 'laundry detergent', listPrice: 4000 },
  { id: 3, nameZh: '蓝月亮洗手液 500ml', nameEn: 'Blue Moon hand wash 500ml', brand: 'Blue Moon', category: 'cleaning', itemZh: '洗手液', itemEn: 'hand wash', listPrice: 1500 },
  { id: 4, nameZh: '可口可乐 330ml', nameEn: 'Coca-Cola 330ml', brand: 'Coca-Cola', category: 'drinks', itemZh: '可乐', itemEn: 'cola', listPrice: 300 },
  { id: 5, nameZh: '农夫山泉矿泉水 24瓶整箱', nameEn: 'Nongfu Spring water case of 24', brand: 'Nongfu Spring', category: 'drinks', itemZh: '矿泉水', itemEn: 'mineral water', listPrice: 2000 },
  { id: 6, nameZh: '本地鸡蛋 20枚', nameEn: 'Local eggs 20 eggs', brand: 'Local', category: 'fresh', itemZh: '鸡蛋', itemEn: 'eggs', listPrice: 2600 },
]);
const as = (role: Situation['role'], locale: Situation['locale'], previous?: PreviousCall): Situation => ({ role, locale, today: '2026-11-23', previous });
const nearbyBefore: PreviousCall = { name: 'nearby_shops', args: { query: '洗衣液', offset: 0 }, result: { status: 'ok', results: [] } };
const restockBefore: PreviousCall = { name: 'restock_forecast', args: {}, result: { counts: {} } };

describe('understand, with the entity readers', () => {
  it.each<[string, Situation, Record<string, unknown>]>([
    // spoken prices to check
    ['蓝月亮洗衣液六块五贵不贵', as('shopper', 'zh'), { tool: 'price_check', args: { product: '蓝月亮洗衣液', price: 6.5 } }],
    ['蓝月亮洗手液十五块八贵吗', as('shopper', 'zh'), { tool: 'price_check', args: { product: '蓝月亮洗手液', price: 15.8 } }],
    ['三百来块的耳机', as('shopper', 'zh'), { tool: 'price_check', args: { product: '耳机', price: 300 } }],
    ['立白洗衣液 25 bucks fair?', as('shopper', 'en'), { tool: 'price_check', args: { product: '立白洗衣液', price: 25 } }],
    ['蓝月亮洗衣液 2kg 80元贵吗', as('shopper', 'zh'), { tool: 'price_check', args: { product: '蓝月亮洗衣液 2kg', price: 80 } }],
    // other currencies: only yuan
    ['蓝月亮洗衣液 USD 5 贵吗', as('shopper', 'zh'), { reply: PHRASES.onlyYuan('zh') }],
    ['laundry detergent under $30', as('shopper', 'en'), { reply: PHRASES.onlyYuan('en') }],
    // caps: a search within the price, the cap words out of the product
    ['30块以内的洗衣液', as('shopper', 'zh'), { tool: 'nearby_shops', args: { query: '洗衣液', maxPrice: 30 } }],
    ['不超过30块的洗衣液', as('shopper', 'zh'), { tool: 'nearby_shops', args: { query: '洗衣液', maxPrice: 30 } }],
    ['laundry detergent under 30', as('shopper', 'en'), { tool: 'nearby_shops', args: { query: 'laundry detergent', maxPrice: 30 } }],
    ['laundry detergent between 20 and 30 yuan', as('shopper', 'en'), { tool: 'nearby_shops', args: { query: 'laundry detergent', maxPrice: 30 } }],
    ['50块以上的洗衣液', as('shopper', 'zh'), { tool: 'nearby_shops', args: { query: '洗衣液' } }], // no floor in the tool
    ['30块以内的呢', as('shopper', 'zh', nearbyBefore), { tool: 'nearby_shops', args: { query: '洗衣液', offset: 0, maxPrice: 30 } }],
    ['不超过30块的', as('shopper', 'zh'), { reply: PHRASES.askProduct('zh') }],
    // budgets
    ['推荐30块以内的零食', as('shopper', 'zh'), { tool: 'recommend', args: { category: 'snacks', budget: 30 } }],
    ['30块以内的零食', as('shopper', 'zh'), { tool: 'recommend', args: { category: 'snacks', budget: 30 } }],
    ['推荐50块以上的零食', as('shopper', 'zh'), { tool: 'recommend', args: { category: 'snacks' } }], // a floor is no budget
    // purchases
    ['记录一下：我买了3瓶可乐，每瓶8块', as('shopper', 'zh'), { tool: 'record_purchase', args: { product: '可乐', price: 8, quantity: 3 } }],
    // a pack of single cans the catalogue sells one by one: the cans at their price; a pack it sells as one product stays one
    ['我买了可乐 6瓶一提 15块', as('shopper', 'zh'), { tool: 'record_purchase', args: { product: '可乐', price: 2.5, quantity: 6 } }],
    // the packs counted after the pack is described; a count and its price said with the same word
    ['记一下 可乐 6瓶一提 买了两提 一提18', as('shopper', 'zh'), { tool: 'record_purchase', args: { product: '可乐', price: 3, quantity: 12 } }],
    ['记一下 鸡蛋两盒 一盒13.9', as('shopper', 'zh'), { tool: 'record_purchase', args: { product: '鸡蛋', price: 13.9, quantity: 2 } }],
    ['记一下，可口可乐330ml，一箱12罐30块', as('shopper', 'zh'), { tool: 'record_purchase', args: { product: '可口可乐 330ml', price: 2.5, quantity: 12 } }],
    ['买了一箱农夫山泉矿泉水，一箱24瓶，18块', as('shopper', 'zh'), { tool: 'record_purchase', args: { product: '农夫山泉矿泉水', price: 18, quantity: 1 } }],
    // a count the catalogue sells as a size is the size of one
    ['记下来：鸡蛋20枚 25.9', as('shopper', 'zh'), { tool: 'record_purchase', args: { product: '鸡蛋 20枚', price: 25.9, quantity: 1 } }],
    // English counts before the goods, a total for all of them, a date that is not the price
    ['log 2 colas at 3 each', as('shopper', 'en'), { tool: 'record_purchase', args: { product: 'colas', price: 3, quantity: 2 } }],
    ['paid 6 for two of the Coca-Cola 330ml, log it', as('shopper', 'en'), { tool: 'record_purchase', args: { product: 'coca cola 330ml', price: 3, quantity: 2 } }],
    ['add to my purchases: Coca-Cola 330ml, 3.5, on Nov 11', as('shopper', 'en'), { tool: 'record_purchase', args: { product: 'coca cola 330ml', price: 3.5, date: '2026-11-11' } }],
    ['我买了可乐3瓶一共9块', as('shopper', 'zh'), { tool: 'record_purchase', args: { product: '可乐', price: 3, quantity: 3 } }],
    ['今天买了两瓶可乐，一共七块', as('shopper', 'zh'), { tool: 'record_purchase', args: { product: '可乐', price: 3.5, quantity: 2, date: '2026-11-23' } }],
    ['今天买了两瓶可乐，一共十四', as('shopper', 'zh'), { tool: 'record_purchase', args: { product: '可乐', price: 7, quantity: 2, date: '2026-11-23' } }], // a plain total
    ['I bought 3 cans of cola for 9 yuan', as('shopper', 'en'), { tool: 'record_purchase', args: { product: 'cola', price: 3, quantity: 3 } }],
    ['记录一下：我买了蓝月亮洗手液 15元', as('shopper', 'zh'), { tool: 'record_purchase', args: { product: '蓝月亮洗手液', price: 15 } }],
    ['I bought Liby laundry detergent 2kg for 39 yuan, record it', as('shopper', 'en'), { tool: 'record_purchase', args: { product: 'liby laundry detergent 2kg', price: 39 } }],
    // restock: lead time and service level
    ['补货建议，交货期两周，服务水平百分之九十五', as('merchant', 'zh'), { tool: 'restock_forecast', args: { leadTimeDays: 14, serviceLevel: 0.95 } }],
    ['restock, lead time a fortnight, 98 percent service level', as('merchant', 'en'), { tool: 'restock_forecast', args: { leadTimeDays: 14, serviceLevel: 0.98 } }],
    ['交期一个半月呢', as('merchant', 'zh', restockBefore), { tool: 'restock_forecast', args: { leadTimeDays: 45 } }],
    ['九成五的服务水平呢', as('merchant', 'zh', restockBefore), { tool: 'restock_forecast', args: { serviceLevel: 0.95 } }],
  ])('%s', (text, situation, plan) => {
    expect(understand(text, situation, products)).toEqual(plan);
  });

  it('does not take a period for a lead time after a forecast', () => {
    const plan = understand('最近7天到今天的销量', as('merchant', 'zh', restockBefore), products);
    expect(plan).not.toMatchObject({ tool: 'restock_forecast' });
  });
});

// Counts, packs, and a purchase's quantity and price per unit (a pack stays a pack: see entities/quantity.ts).
import { describe, expect, it } from 'vitest';
import { findLooseWeight, findPack, findQuantity, gramsInName, readPurchase, type Purchase } from '../../agents/local-planner/entities/quantity.ts';
import { byWeight } from '../../agents/local-planner/purchase-slots.ts';
import { findBarePrice, findMoney } from '../../agents/local-planner/entities/money.ts';

describe('findQuantity', () => {
  it.each<[string, number | undefined, string?]>([
    ['3瓶', 3, '3瓶'],
    ['两包', 2, '两包'],
    ['一瓶可乐', 1, '一瓶'],
    ['三个苹果', 3],
    ['十二罐', 12],
    ['3 bottles', 3, '3 bottles'],
    ['two cans', 2],
    ['a bottle of cola', 1, 'a bottle'],
    ['a dozen', 12, 'a dozen'],
    ['half a dozen', 6, 'half a dozen'],
    ['two dozen eggs', 24],
    ['一打鸡蛋', 12, '一打'],
    ['两打', 24],
    ['x3', 3, 'x3'],
    ['可乐×2', 2, '×2'],
    ['cola *4', 4],
    ['3卷', 3], // a count of rolls (not a price, not a size)
    ['两块肥皂', 2],
    ['15块3瓶', 3, '3瓶'], // 15块 is money
    ['３瓶', 3, '３瓶'],
    ['两箱牛奶', 2, '两箱'], // cases counted, when no pack size is said
    ['三提卫生纸', 3],
    ['2 bunches of bananas', 2],
    ['3 heads of lettuce', 3],
    // not counts
    ['2kg', undefined],
    ['500ml', undefined],
    ['10000mAh', undefined],
    ['64GB', undefined],
    ['42码', undefined],
    ['3号店', undefined],
    ['第3个', undefined],
    ['top 3 products', undefined],
    ['3天', undefined],
    ['2斤苹果', undefined],
    ['30块', undefined],
    ['2x3', undefined],
    ['打八折', undefined],
  ])('%s → %s', (input, count, text) => {
    const q = findQuantity(input);
    expect(q?.count).toBe(count);
    if (text) expect(q?.text).toBe(text);
  });
});

describe('findPack', () => {
  it.each<[string, { size: number; container: string; packs: number; unit?: string; text?: string } | undefined]>([
    ['6瓶一提', { size: 6, unit: '瓶', container: '提', packs: 1, text: '6瓶一提' }],
    ['一箱12罐', { size: 12, unit: '罐', container: '箱', packs: 1, text: '一箱12罐' }],
    ['12罐一箱', { size: 12, unit: '罐', container: '箱', packs: 1 }],
    ['12罐/箱', { size: 12, unit: '罐', container: '箱', packs: 1 }],
    ['24瓶每件', { size: 24, unit: '瓶', container: '件', packs: 1 }],
    ['6瓶装', { size: 6, unit: '瓶', container: '装', packs: 1, text: '6瓶装' }],
    ['两提6瓶一提', { size: 6, unit: '瓶', container: '提', packs: 2 }],
    ['两提，每提6瓶', { size: 6, unit: '瓶', container: '提', packs: 2 }],
    ['买了两箱，一箱24瓶', { size: 24, unit: '瓶', container: '箱', packs: 2 }],
    ['两箱光明牛奶 整箱12盒那种', { size: 12, unit: '盒', container: '箱', packs: 2, text: '整箱12盒' }],
    ['每箱24瓶', { size: 24, unit: '瓶', container: '箱', packs: 1 }],
    ['一盒有10片', { size: 10, unit: '片', container: '盒', packs: 1 }],
    ['a pack of 6', { size: 6, container: 'pack', packs: 1, text: 'a pack of 6' }],
    ['a case of 12 cans', { size: 12, unit: 'cans', container: 'case', packs: 1 }],
    ['2 cases of 24 bottles', { size: 24, unit: 'bottles', container: 'case', packs: 2 }],
    ['a 6-pack', { size: 6, container: 'pack', packs: 1, text: 'a 6-pack' }],
    ['two 6-packs', { size: 6, container: 'pack', packs: 2 }],
    ['a 12 pack', { size: 12, container: 'pack', packs: 1 }],
    ['3瓶', undefined],
    ['蓝月亮洗衣液 2kg', undefined],
    ['1瓶一提', undefined],
    ['装修', undefined],
  ])('%s', (input, want) => {
    const p = findPack(input);
    if (!want) return expect(p).toBeUndefined();
    const { text, ...rest } = want;
    expect(p).toMatchObject(rest);
    if (text) expect(p!.text).toBe(text);
  });
});

describe('readPurchase', () => {
  type Want = Pick<Purchase, 'quantity' | 'price' | 'total' | 'items' | 'itemPrice' | 'priceIs'>;
  it.each<[string, Want | undefined]>([
    // packs: recorded as packs at the pack's price; the single-item reading beside it
    ['6瓶一提 15块', { quantity: 1, price: 15, total: 15, items: 6, itemPrice: 2.5, priceIs: 'pack' }],
    ['一箱12罐 30块', { quantity: 1, price: 30, total: 30, items: 12, itemPrice: 2.5, priceIs: 'pack' }],
    ['12罐一箱，一箱30块', { quantity: 1, price: 30, total: 30, items: 12, itemPrice: 2.5, priceIs: 'pack' }],
    ['两提，每提6瓶，15块一提', { quantity: 2, price: 15, total: 30, items: 12, itemPrice: 2.5, priceIs: 'pack' }],
    ['买了两箱，一箱24瓶，每瓶2块', { quantity: 2, price: 48, total: 96, items: 48, itemPrice: 2, priceIs: 'unit' }],
    ['我买了气泡水6瓶装 30块', { quantity: 1, price: 30, total: 30, items: 6, itemPrice: 5, priceIs: 'pack' }],
    ['a pack of 6 for 15 yuan', { quantity: 1, price: 15, total: 15, items: 6, itemPrice: 2.5, priceIs: 'pack' }],
    ['a case of 12 cans for 30', { quantity: 1, price: 30, total: 30, items: 12, itemPrice: 2.5, priceIs: 'pack' }],
    ['two 6-packs, 15 yuan per pack', { quantity: 2, price: 15, total: 30, items: 12, itemPrice: 2.5, priceIs: 'pack' }],
    ['we bought 2 cases of 24 bottles, 48 yuan a case', { quantity: 2, price: 48, total: 96, items: 48, itemPrice: 2, priceIs: 'pack' }],
    // counts
    ['买了3瓶，每瓶8块', { quantity: 3, price: 8, total: 24, priceIs: 'unit' }],
    ['3瓶，8块一瓶', { quantity: 3, price: 8, total: 24, priceIs: 'unit' }],
    ['可乐×2 3块一瓶', { quantity: 2, price: 3, total: 6, priceIs: 'unit' }],
    ['3瓶一共24块', { quantity: 3, price: 8, total: 24, priceIs: 'total' }],
    ['3瓶总共10块', { quantity: 3, price: 3.33, total: 10, priceIs: 'total' }],
    ['3 bottles at 8 each', { quantity: 3, price: 8, total: 24, priceIs: 'unit' }],
    ['3 bottles, 8 yuan apiece', { quantity: 3, price: 8, total: 24, priceIs: 'unit' }],
    ['3 bottles for 24 yuan', { quantity: 3, price: 8, total: 24, priceIs: 'total' }],
    ['I bought 2 cans of cola for 6 yuan', { quantity: 2, price: 3, total: 6, priceIs: 'total' }],
    ['3 bottles, 24 yuan in total', { quantity: 3, price: 8, total: 24, priceIs: 'total' }],
    ['一打鸡蛋 12块', { quantity: 12, price: 1, total: 12, priceIs: 'total' }],
    ['two dozen eggs for 24 yuan', { quantity: 24, price: 1, total: 24, priceIs: 'total' }],
    ['两包', { quantity: 2 }],
    ['a dozen', { quantity: 12 }],
    ['half a dozen', { quantity: 6 }],
    // a count and a price with nothing saying which: per piece, as record_purchase has always taken it
    ['3瓶10块', { quantity: 3, price: 10, total: 30, priceIs: 'unstated' }],
    ['一瓶可乐三块', { quantity: 1, price: 3, total: 3, priceIs: 'unstated' }],
    // nothing counted
    ['蓝月亮洗衣液 2kg 59元', undefined],
    ['I bought Liby laundry detergent 2kg for 39 yuan', undefined],
    ['我买了蓝月亮洗手液 15元', undefined],
    ['3号店买的 15块', undefined],
    ['power bank 20000mAh 129元', undefined],
  ])('%s', (input, want) => {
    const r = readPurchase(input);
    if (!want) return expect(r).toBeUndefined();
    expect(r).toMatchObject(want);
    for (const t of r!.texts) expect(input).toContain(t);
  });

  it('names the words to take out of the product', () => {
    expect(readPurchase('我买了3瓶可乐，每瓶8块')!.texts).toEqual(['3瓶', '每瓶']);
    expect(readPurchase('可乐 6瓶一提 15块')!.texts).toEqual(['6瓶一提']);
  });
});

describe('readPurchase: a price for the box a size-named pack comes in', () => {
  it('三盒鸡蛋10枚装的 每盒十二块 is three boxes at 12', () => {
    expect(readPurchase('昨天买了三盒光明鸡蛋10枚装的，每盒十二块')).toMatchObject({ quantity: 3, price: 12 });
  });
});

describe('readPurchase: what looks like a pack but is not', () => {
  it.each<[string, { quantity: number; price: number }]>([
    ['我前天买了5包康师傅方便面，一包4块', { quantity: 5, price: 4 }], // 一包4块: the price of one pack, not 4 pieces in it
    ['Got 2 boxes of Three Squirrels daily nuts at 31.9 each', { quantity: 2, price: 31.9 }], // "Three" starts a name
    ['just bought three packs of chips at 7.9 each', { quantity: 3, price: 7.9 }], // three packs, not a 3-pack
    ['买了俩面包，一个6块5', { quantity: 2, price: 6.5 }], // 俩 is two of them
    ['买了仨苹果，每个3块', { quantity: 3, price: 3 }],
  ])('%s', (text, want) => {
    expect(readPurchase(text)).toMatchObject(want);
  });
});

describe('loose weights: what was bought by the jin', () => {
  it.each<[string, number | undefined]>([
    ['三斤苹果', 1500],
    ['买了2斤排骨', 1000],
    ['半斤瓜子', 250],
    ['一斤半葡萄', 750],
    ['1公斤大米', 1000],
    // not a weight bought
    ['大米五公斤装', undefined], // a pack's size
    ['六块五一斤', undefined], // what the price is for
    ['5kg大米', undefined], // a bag's size, read with the product
  ])('%s → %s g', (text, grams) => {
    expect(findLooseWeight(text)?.grams).toBe(grams);
  });

  it.each<[string, number | undefined]>([['都乐苹果 500g', 500], ['Rice 5kg', 5000], ['光明牛奶 250ml', undefined]])('%s: %s g a unit', (name, grams) => {
    expect(gramsInName(name)).toBe(grams);
  });

  const apples = { nameZh: '都乐苹果 500g', nameEn: 'Dole apples 500g', listPrice: 690 };
  it.each<[string, { quantity: number; price?: number } | undefined]>([
    ['三斤苹果 六块五一斤', { quantity: 3, price: 6.5 }],
    ['买了两斤苹果 每斤7块', { quantity: 2, price: 7 }],
    ['两斤苹果 一共十四', { quantity: 2, price: 7 }],
    ['两斤苹果 十四块', { quantity: 2, price: 7 }], // ¥14 for one 500 g bag is far from its list price: the total
    ['三斤苹果 12元/公斤', { quantity: 3, price: 6 }],
    ['半斤苹果 3块', undefined], // half a unit cannot be logged as a count
  ])('%s', (text, want) => {
    const got = byWeight(text, findMoney(text) ?? findBarePrice(text), '苹果', apples);
    expect(got === undefined ? undefined : { quantity: got.quantity, price: got.price }).toEqual(want);
  });
});

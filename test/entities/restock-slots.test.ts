// A restock question's settings read in context: horizon, review period, lead time, service level, product.
import { describe, expect, it } from 'vitest';
import { restockSlots } from '../../agents/local-planner/restock-slots.ts';
import { ProductIndex } from '../../tools/catalogue/product-search.ts';

// A catalogue that knows down jackets and socks.
const products = ProductIndex.fromEntries([
  { id: 1, nameZh: '波司登羽绒服 黑色', nameEn: 'Bosideng down jacket black', brand: 'Bosideng', category: 'clothing', itemZh: '羽绒服', itemEn: 'down jacket', listPrice: 89900 },
  { id: 2, nameZh: '优衣库袜子 白色', nameEn: 'Uniqlo socks white', brand: 'Uniqlo', category: 'clothing', itemZh: '袜子', itemEn: 'socks', listPrice: 2900 },
]);

describe('restockSlots', () => {
  it.each([
    ['预测一下未来8周的需求', { horizonWeeks: 8 }],
    ['我一般两周进一次货，这次该订多少', { reviewDays: 14 }],
    ['厂家说这批货一个月才能到，那我现在要订多少', { leadTimeDays: 30 }],
    ['with a 3 day lead time', { leadTimeDays: 3 }],
    ['I never want to run out. restock list at 99 percent please', { serviceLevel: 0.99 }],
    ['服务水平97.5%的补货建议', { serviceLevel: 0.975 }],
    ['羽绒服要不要进货，进多少', { product: '羽绒服' }],
    ['how many socks should I order?', { product: 'socks' }],
    ['只看袜子', { product: '袜子' }], // the product phrase, without the asking words
    ['下周要补啥货? 我们 7 天下一次单, 到货要 3 天', { reviewDays: 7, leadTimeDays: 3 }],
    ['forecast 8 weeks out', { horizonWeeks: 8 }],
    ['下单后隔天就到', { leadTimeDays: 1 }],
    ['next-day delivery from the supplier', { leadTimeDays: 1 }],
    ['订货到到货大概十来天', { leadTimeDays: 10 }],
    ['缺货风险控制在5%以内', { serviceLevel: 0.95 }],
    ['a 2% stock-out risk is fine', { serviceLevel: 0.98 }],
    ['三文鱼呢 看未来6周', { horizonWeeks: 6 }], // goods the catalogue does not sell are no product filter
  ])('%s', (text, expected) => expect(restockSlots(text, products)).toMatchObject(expected));

  it('reads nothing it was not told', () => {
    expect(restockSlots('补货建议', products)).toEqual({});
    expect(restockSlots('restock at 100%', products).serviceLevel).toBeUndefined(); // over the tool's 99.9%
  });
});

// How many best sellers a merchant asks for (findTopN in agents/local-planner/slots.ts): message → N, and the numbers
// that count days, money or percent, which are no N.
import { describe, expect, it } from 'vitest';
import { findListSize, findTopN } from '../../agents/local-planner/slots.ts';

const ROWS: [string, number | undefined][] = [
  ['top 5 products last month', 5],
  ['top3', 3],
  ['top-5 products', 5],
  ['best sellers top ten', 10],
  ['Which item brought in the most?', 1],
  ['哪款卖得最好', 1],
  ['show me my 3 best-selling items', 3],
  ['what are my five best sellers', 5],
  ['20 best sellers', 20],
  ['best 4 products this week', 4],
  ['which 3 products sold the most', 3],
  ['the top seven sellers', 7],
  ['销量前五', 5],
  ['前十名商品', 10],
  ['排名前八的产品', 8],
  ['头三名', 3],
  ['卖最好的前3个商品是哪些', 3],
  ['卖得最好的三个', 3],
  ['最畅销的五款', 5],
  ['卖得最好的两样东西', 2],
  ['卖得最火的十个', 10],
  ['卖得最好的是哪款', 1],
  ['what was the best seller', 1],
  // no N
  ['前三天卖了多少', undefined],
  ['前两周的销售', undefined],
  ['top 10% of customers', undefined],
  ['sales last 3 weeks', undefined],
  ['best sellers', undefined],
  ['最畅销的商品', undefined],
];

describe('findTopN', () => {
  it.each(ROWS)('"%s" → %s', (text, n) => expect(findTopN(text)).toBe(n));
});

// How many shops or suggestions a shopper asks to see (findListSize): a count of goods is none.
const LIST_ROWS: [string, number | undefined][] = [
  ['附近奶瓶 前3个', 3],
  ['附近有洗衣液的店 只看三家', 3],
  ['来 10 个推荐 我自己挑', 10],
  ['show me 3 shops with baby bottles', 3],
  ['top 3 baby bottle shops nearby', 3],
  ['give me 10 recommendations', 10],
  ['来两个包子', undefined],
  ['附近三公里有奶瓶吗', undefined],
  ['买了3瓶可乐', undefined],
  ['under 20 yuan please', undefined],
];
describe('findListSize', () => {
  it.each(LIST_ROWS)('"%s" → %s', (text, n) => expect(findListSize(text)).toBe(n));
});

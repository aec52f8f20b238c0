// A merchant naming one of their own shops: by branch, in zh or en, or "the other one".
import { describe, expect, it } from 'vitest';
import { findOwnShop, type OwnShop } from '../../agents/local-planner/entities/own-shops.ts';

const TWO: OwnShop[] = [
  { id: 1, nameZh: '小桔服饰(中南路店)', nameEn: 'Little Orange Fashion (Zhongnan Rd)' },
  { id: 2, nameZh: '小桔服饰(楚河汉街店)', nameEn: 'Little Orange Fashion (Chuhe Hanjie)' },
];
const FOUR: OwnShop[] = [
  { id: 3, nameZh: '美宜佳服饰(街道口店)', nameEn: 'Meiyijia Fashion (Jiedaokou)' },
  { id: 4, nameZh: '美宜佳服饰(鲁巷店)', nameEn: 'Meiyijia Fashion (Luxiang)' },
  { id: 5, nameZh: '美宜佳服饰(楚河汉街店)', nameEn: 'Meiyijia Fashion (Chuhe Hanjie)' },
  { id: 8, nameZh: '美宜佳服饰(楚河汉街二店)', nameEn: 'Meiyijia Fashion (Chuhe Hanjie 2)' },
];

describe('findOwnShop', () => {
  it.each([
    ['中南路店上周卖了多少', TWO, undefined, 1],
    ['那我楚河汉街那家呢', TWO, 1, 2],
    ['sales at the Zhongnan Rd shop last week', TWO, undefined, 1],
    ['how about zhongnan road', TWO, undefined, 1],
    ['sorry, I meant the other shop', TWO, 1, 2],
    ['另一家店呢', TWO, 2, 1],
    ['看看鲁巷店的评价', FOUR, undefined, 4],
    ['luxiang reviews', FOUR, undefined, 4],
    ['楚河汉街二店的销量', FOUR, undefined, 8],
    ['二店呢', FOUR, 5, 8], // the second shop of the place in view
    ['那二店呢', FOUR, undefined, 8], // the only 二店 they have
  ])('%s → shop %s', (text, shops, current, id) => {
    expect(findOwnShop(text, shops, current)?.id).toBe(id);
  });

  it.each([
    ['上周卖了多少', TWO, 1],
    ['the other shop', FOUR, 3], // four shops: "the other" names none
    ['the other shop', TWO, undefined], // no shop in the conversation yet
    ['光谷店呢', TWO, 1], // not one of theirs
    ['二店呢', TWO, 1], // they have no 二店
  ])('%s → none', (text, shops, current) => {
    expect(findOwnShop(text, shops, current)).toBeUndefined();
  });
});

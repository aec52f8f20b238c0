// Cantonese, Beijing and a little Japanese read as Mandarin, and full-width signs as ASCII (entities/dialect.ts).
import { describe, expect, it } from 'vitest';
import { halfWidth, mandarinWords } from '../../agents/local-planner/entities/dialect.ts';
import { simplified } from '../../agents/local-planner/entities/written-forms.ts';

const read = (s: string) => mandarinWords(simplified(s));

describe('dialect words', () => {
  it.each([
    ['琴日三间铺做咗几多生意', '昨天三家店做了多少生意'],
    ['廿蚊以内有冇', '二十块以内有没有'],
    ['我要最平嗰间', '我要最便宜那家'],
    ['佢今个月使咗几多钱', '他这个月花了多少钱'],
    ['豆腐边度有得卖', '豆腐哪里有卖'],
    ['甭给我推洗衣液', '不用给我推洗衣液'],
    ['头一个不怎么样', '第一个不怎么样'],
    ['二番目のやつ 好きです', '第二个 喜欢'],
    ['俺平时都爱买啥', '我平时都爱买啥'],
    ['中 就这 记上吧', '行 就这 记上吧'],
    ['介俩礼拜有嘛不对劲的没', '这两个礼拜有什么不对劲的没'],
  ])('%s → %s', (text, mandarin) => {
    expect(read(text)).toBe(mandarin);
  });
  it.each(['我们的关系系统', '两盒蚊香多少钱', '店铺平均评分', '附近哪里有卖洗衣液', '中午去哪吃', '中性笔多少钱', '中国移动', '介绍一下'])('leaves Mandarin as it is: %s', (text) => {
    expect(read(text)).toBe(text);
  });
  it('folds full-width digits and signs', () => {
    expect(halfWidth('１１月２５日 ２５．９元 ３０％')).toBe('11月25日 25.9元 30%');
  });
});

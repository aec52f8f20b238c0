// Numbers: Chinese numerals (through nzh, with the spoken forms it misreads), Arabic digits with chat
// multipliers, English number words; and where they are in a sentence.
import nzh from 'nzh/cn';
import { describe, expect, it } from 'vitest';
import { findNumbers, parseNumber, readZhNumber } from '../../agents/local-planner/entities/numbers.ts';

describe('parseNumber: one number, the whole string', () => {
  it.each<[string, number | undefined]>([
    // Chinese numerals
    ['二百五十六', 256],
    ['三百', 300],
    ['一万二', 12000], // nzh alone: 10002
    ['一万二千', 12000],
    ['三百五', 350], // nzh alone: 305
    ['两千五', 2500], // nzh alone: 5 (it does not know 两)
    ['两', 2],
    ['两百', 200],
    ['两万', 20000],
    ['一百一', 110],
    ['一千二', 1200],
    ['三万五', 35000],
    ['一亿二', 120000000],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一千零一', 1001],
    ['一百零八', 108],
    ['三千零五十', 3050],
    ['二十万零三', 200003],
    ['一万零五百', 10500],
    ['十二万三千', 123000],
    ['六点五', 6.5],
    ['零点五', 0.5],
    ['二零二五', 2025], // nzh alone: 225
    ['壹佰', 100],
    ['贰拾伍', 25],
    ['廿五', 25],
    // Arabic digits
    ['256', 256],
    ['8.5', 8.5],
    ['1,299', 1299],
    ['１２', 12],
    ['2.5k', 2500],
    ['2.5K', 2500],
    ['2.5千', 2500],
    ['1w', 10000],
    ['1.5万', 15000],
    ['1万2', 12000],
    ['3百', 300],
    ['2k5', 2500],
    ['2 thousand', 2000],
    ['1.5 million', 1500000],
    ['2 lakh', 200000], // Indian English
    ['2 grand', 2000],
    ['half a grand', 500],
    // English words
    ['twenty-five', 25],
    ['twenty five', 25],
    ['a hundred and five', 105],
    ['three thousand two hundred', 3200],
    ['two lakh', 200000],
    ['a dozen', 12],
    ['half a dozen', 6],
    ['two dozen', 24],
    ['a couple', 2],
    // not numbers
    ['百', undefined],
    ['千万', undefined],
    ['万一', undefined],
    ['五一', undefined], // May Day, not 51
    ['九五', undefined],
    ['二十多', undefined], // 多 is read by the money reader, not here
    ['块', undefined],
    ['abc', undefined],
    ['', undefined],
    ['2kg', undefined],
    ['65W', undefined],
    ['3千克', undefined],
    ['5km', undefined],
    ['one two', undefined],
    ['a', undefined],
    ['twenty twelve', undefined],
  ])('%s → %s', (input, value) => {
    expect(parseNumber(input)).toBe(value);
  });
});

describe('readZhNumber: spoken ranges are approximate', () => {
  it.each<[string, number, number | undefined]>([
    ['三四', 3.5, 4],
    ['两三', 2.5, 3],
    ['七八百', 750, 800],
    ['两三千', 2500, 3000],
    ['三四十', 35, 40],
    ['三百', 300, undefined],
  ])('%s → ≈%s (at most %s)', (input, value, high) => {
    expect(readZhNumber(input)).toEqual(high !== undefined ? { value, approximate: true, high } : { value });
  });
});

describe('where nzh alone is wrong (why the wrapper exists)', () => {
  it.each<[string, number]>([
    ['一万二', 10002],
    ['三百五', 305],
    ['两千五', 5],
    ['二零二五', 225],
    ['块', 0],
  ])('nzh.cn.decodeS(%s) is %s', (input, value) => {
    expect(Number(nzh.decodeS(input))).toBe(value);
  });
});

describe('findNumbers: numbers in a sentence, not inside words', () => {
  it.each<[string, string[]]>([
    ['蓝月亮洗衣液六块五贵不贵', ['六', '五']],
    ['百事可乐两瓶', ['两']],
    ['千万别买', []],
    ['万达广场', []],
    ['I bought two', ['two']],
    ['between twenty and thirty yuan', ['twenty', 'thirty']],
    ['蓝月亮洗衣液 2kg 59元', ['2', '59']],
    ['3瓶，15块', ['3', '15']],
    ['2，100块', ['2', '100']], // a full-width comma is not a thousands separator
  ])('%s', (input, texts) => {
    expect(findNumbers(input).map((t) => t.text)).toEqual(texts);
  });

  it('keeps offsets into the text as written', () => {
    const [t] = findNumbers('价格１２元');
    expect(t).toMatchObject({ value: 12, start: 2, end: 4, text: '12' });
  });
});

// Money: spoken and written prices, currencies, "about", caps, floors and ranges; and what is not a price.
import { describe, expect, it } from 'vitest';
import { findAllMoney, findBarePrice, findMoney, type Money } from '../../agents/local-planner/entities/money.ts';
import { findPrice } from '../../agents/local-planner/slots.ts';

type Want = { amount: number; currency?: Money['currency']; approximate?: true; max?: number; min?: number; text?: string };
const shape = (m: Money | undefined) => m && {
  amount: m.amount, currency: m.currency, ...(m.approximate ? { approximate: true } : {}),
  ...(m.max !== undefined ? { max: m.max } : {}), ...(m.min !== undefined ? { min: m.min } : {}),
};

describe('findMoney', () => {
  it.each<[string, Want | undefined]>([
    // spoken Chinese prices
    ['六块五', { amount: 6.5, text: '六块五' }],
    ['充电宝 一百出头能买到吗', { amount: 100, approximate: true, text: '一百出头' }],
    ['and the 50ml one for two hundred and sixty', { amount: 260, text: 'two hundred and sixty' }], // a figure in words after "for"
    ['a box for two', undefined], // a count, not ¥2 // 出头 makes a bare number money, as 左右 does
    ['七块二', { amount: 7.2 }],
    ['Anything under half a grand?', { amount: 500, max: 500 }],
    ['面膜 一百块有找的那种', { amount: 100, max: 100 }], // Taiwanese: with change back from 100
    ["that's grand, thanks", undefined], // Irish: fine, no number
    ['十五块八', { amount: 15.8 }],
    ['三块五毛', { amount: 3.5, text: '三块五毛' }],
    ['三块五毛二', { amount: 3.52 }],
    ['拾捌元玖角', { amount: 18.9 }], // formal numerals, as on a receipt
    ['三十块不到的', { amount: 30, max: 30 }],
    ['三块零五', { amount: 3.05 }],
    ['两块', { amount: 2 }],
    ['两块半', { amount: 2.5 }],
    ['6块5', { amount: 6.5 }],
    ['五毛', { amount: 0.5 }],
    ['八毛钱', { amount: 0.8 }],
    ['二百五十六块', { amount: 256 }],
    ['三百块钱', { amount: 300 }],
    ['一万二块', { amount: 12000 }],
    ['两千五百块', { amount: 2500 }],
    ['8元5角', { amount: 8.5 }],
    ['蓝月亮洗衣液六块五贵不贵', { amount: 6.5, text: '六块五' }],
    ['两块五一瓶', { amount: 2.5 }],
    ['十块钱一个', { amount: 10, text: '十块钱' }],
    // multipliers
    ['2.5k块', { amount: 2500 }],
    ['2.5千元', { amount: 2500 }],
    ['预算1w', { amount: 10000, max: 10000 }],
    ['1,299元', { amount: 1299 }],
    // about
    ['三百来块', { amount: 300, approximate: true, text: '三百来块' }],
    ['五十来块', { amount: 50, approximate: true }],
    ['二十多块', { amount: 20, approximate: true }],
    ['20多元', { amount: 20, approximate: true }],
    ['十几块', { amount: 15, approximate: true }],
    ['三四块', { amount: 3.5, approximate: true }],
    ['30块左右', { amount: 30, approximate: true }],
    ['30左右的洗衣液', { amount: 30, approximate: true }],
    ['about 30 yuan', { amount: 30, approximate: true, text: 'about 30 yuan' }],
    ['around 30', { amount: 30, approximate: true }],
    // currencies
    ['25 bucks', { amount: 25, currency: 'CNY' }],
    ['twenty five bucks', { amount: 25, currency: 'CNY' }],
    ['30 kuai', { amount: 30, currency: 'CNY' }],
    ['¥8.5', { amount: 8.5, currency: 'CNY', text: '¥8.5' }],
    ['￥８.５', { amount: 8.5, currency: 'CNY', text: '￥８.５' }],
    ['8.5元', { amount: 8.5, currency: 'CNY' }],
    ['RMB 12', { amount: 12, currency: 'CNY', text: 'RMB 12' }],
    ['8 yuan', { amount: 8, currency: 'CNY' }],
    ['人民币30', { amount: 30, currency: 'CNY' }],
    ['USD 5', { amount: 5, currency: 'USD', text: 'USD 5' }],
    ['$5 for cola', { amount: 5, currency: 'USD' }],
    ['5 dollars', { amount: 5, currency: 'USD' }],
    ['5美元', { amount: 5, currency: 'USD' }],
    ['5刀', { amount: 5, currency: 'USD' }],
    ['10欧元', { amount: 10, currency: 'other' }],
    ['£3', { amount: 3, currency: 'other' }],
    // caps
    ['30块以内的洗衣液', { amount: 30, max: 30, text: '30块以内' }],
    ['30元之内', { amount: 30, max: 30 }],
    ['不超过30块', { amount: 30, max: 30, text: '不超过30块' }],
    ['不到30', { amount: 30, max: 30 }],
    // a negated floor is a cap: "don't go over"
    ['最好别超过二十块', { amount: 20, max: 20 }],
    ['不要超过四十块的', { amount: 40, max: 40 }],
    ['不能高于100元', { amount: 100, max: 100 }],
    ['超过50块的', { amount: 50, min: 50 }],
    ['最多30块', { amount: 30, max: 30 }],
    ['30以内', { amount: 30, max: 30 }],
    ['一百二封顶吧', { amount: 120, max: 120 }],
    ['预算三百', { amount: 300, max: 300 }],
    ['under 30', { amount: 30, max: 30, text: 'under 30' }],
    ['below 50 yuan', { amount: 50, max: 50 }],
    ['less than 20', { amount: 20, max: 20 }],
    ['at most 15 kuai', { amount: 15, max: 15 }],
    ['no more than 40', { amount: 40, max: 40 }],
    ['within 30 yuan', { amount: 30, max: 30 }],
    // floors
    ['50块以上', { amount: 50, min: 50 }],
    ['至少20块', { amount: 20, min: 20 }],
    ['不低于100元', { amount: 100, min: 100 }],
    ['30元起', { amount: 30, min: 30 }],
    ['over 100', { amount: 100, min: 100 }],
    ['at least 10 yuan', { amount: 10, min: 10 }],
    // ranges (amount is the top)
    ['between 20 and 30', { amount: 30, min: 20, max: 30, text: 'between 20 and 30' }],
    ['between twenty and thirty yuan', { amount: 30, min: 20, max: 30 }],
    ['from 20 to 30 yuan', { amount: 30, min: 20, max: 30 }],
    ['20到30块', { amount: 30, min: 20, max: 30, text: '20到30块' }],
    ['20块到30块', { amount: 30, min: 20, max: 30 }],
    ['20-30元', { amount: 30, min: 20, max: 30 }],
    ['¥20-30', { amount: 30, min: 20, max: 30 }],
    ['二十到三十块', { amount: 30, min: 20, max: 30 }],
    ['2到3千块', { amount: 3000, min: 2000, max: 3000 }],
    ['20到30块之间', { amount: 30, min: 20, max: 30, text: '20到30块之间' }],
    // bare numbers in a price context
    ['what about 39?', { amount: 39, text: '39' }],
    ['is 45 fair', { amount: 45 }],
    ['45贵吗', { amount: 45 }],
    ['for 39', { amount: 39 }],
    ['花了45', { amount: 45 }],
    ['标价三十', { amount: 30 }],
    ['蓝月亮洗衣液 2kg 59元贵吗', { amount: 59, text: '59元' }],
    ['65W充电器 99元', { amount: 99 }],
    ['15块3瓶', { amount: 15, text: '15块' }],
    // not prices
    ['2kg', undefined],
    ['500ml', undefined],
    ['10000mAh', undefined],
    ['power bank 20000mAh', undefined],
    ['3卷', undefined],
    ['64GB', undefined],
    ['42码', undefined],
    ['13800138000', undefined],
    ['call 13800138000', undefined],
    ['2025年', undefined],
    ['11月11日', undefined],
    ['2026-11-16 to 2026-11-22', undefined],
    ['at 11:30', undefined],
    ['3号店', undefined],
    ['找不到3号店', undefined],
    ['shop 3 sales', undefined],
    ['top 3', undefined],
    ['评分4.5以上', undefined],
    ['4.5分以上', undefined],
    ['销量超过100', undefined],
    ['service level 99%', undefined],
    ['交货期14天呢', undefined],
    ['under 30 minutes', undefined],
    ['within 500 m', undefined],
    ['两块肥皂', undefined],
    ['一块蛋糕', undefined],
    ['两块毛巾', undefined],
    ['三角', undefined],
    ['一万二', undefined], // a number, but nothing says it is money
    ['from 2 to 3', undefined],
    ['20-30', undefined],
    ['百事可乐', undefined],
    ['0元', undefined],
  ])('%s', (input, want) => {
    const m = findMoney(input);
    if (!want) return expect(m).toBeUndefined();
    const { text, ...rest } = want;
    expect(shape(m)).toEqual({ currency: 'CNY', ...rest });
    if (text) expect(m!.text).toBe(text);
    expect(input.slice(m!.index, m!.index + m!.text.length)).toBe(m!.text);
  });
});

describe('findAllMoney', () => {
  it.each<[string, number[]]>([
    ['原价50现在30块', [30]],
    ['原价50块现在30块', [50, 30]],
    ['6瓶一提 15块', [15]],
    ['买了3瓶，每瓶8块，一共24块', [8, 24]],
  ])('%s', (input, amounts) => {
    expect(findAllMoney(input).map((m) => m.amount)).toEqual(amounts);
  });
});

describe('findPrice (slots) delegates and keeps its shape', () => {
  it.each<[string, Record<string, unknown> | undefined]>([
    ['蓝月亮洗衣液六块五贵不贵', { amount: 6.5, currency: 'CNY', text: '六块五' }],
    ['三百来块的耳机', { amount: 300, currency: 'CNY', text: '三百来块', approximate: true }],
    ['30块以内的洗衣液', { amount: 30, currency: 'CNY', text: '30块以内', max: 30 }],
    ['20到30块', { amount: 30, currency: 'CNY', text: '20到30块', min: 20, max: 30 }],
    ['蓝月亮洗手液 5美元贵吗', { amount: 5, currency: 'USD', text: '5美元' }],
    ['蓝月亮洗衣液 2kg', undefined],
  ])('%s', (input, want) => {
    expect(findPrice(input)).toEqual(want);
  });
});

describe('findBarePrice: a plain number in a turn already about a price or a purchase', () => {
  it.each<[string, number | undefined]>([
    ['这个价格合理吗：三只松鼠每日坚果 29.9', 29.9],
    ['记下来：鸡蛋20枚 25.9', 25.9],
    ['超市里的洗发水400ml要49，算便宜吗', 49],
    ['好孩子婴儿推车一千二，贵不贵', 1200],
    ['帮我记一下上个月15号买的威露士消毒液 500ml 26.9', 26.9],
    ['log a purchase: Luckin latte, 19.9, this morning', 19.9],
    // the price asked about, not the usual one it is compared with
    ['导购说活动价三百四，我记得平时也就三百左右，这算优惠吗', 340],
    ['it was usually 30 but now they want 45, fair?', 45],
    ['平时就卖一百', 100], // a usual price alone is still the only price said
    // no price at all: sizes, counts, dates, times, ratings, phone numbers
    ['买了两袋大米2.5kg', undefined],
    ['11月20号买的洗衣液', undefined],
    ['评分4.5以上的店', undefined],
    ['我的手机13912345678', undefined],
    ['下午3:30买的', undefined],
  ])('%s → %s', (text, amount) => {
    expect(findBarePrice(text)?.amount).toBe(amount);
  });
});

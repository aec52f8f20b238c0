// Percentages, and the service level a merchant names (the restock tool takes a fraction, 0.5–0.999).
import { describe, expect, it } from 'vitest';
import { findPercent } from '../../agents/local-planner/entities/percent.ts';
import { findServiceLevel } from '../../agents/local-planner/slots.ts';

describe('findPercent', () => {
  it.each<[string, number | undefined, string?]>([
    ['98%', 98, '98%'],
    ['98 %', 98],
    ['98％', 98, '98％'],
    ['99.5%', 99.5],
    ['百分之九十五', 95, '百分之九十五'],
    ['百分之95', 95],
    ['百分之九十九点五', 99.5],
    ['百分之99.5', 99.5],
    ['百分之五', 5],
    ['九成五', 95, '九成五'],
    ['成本差不多七成半', 75, '七成半'],
    ['就看鲁巷二店 成本差不多七成半', 75, '七成半'],
    ['九成', 90],
    ['我的成本大概占售价的三分之一', 33.3333, '三分之一'],
    ['四分之三', 75],
    ['cost is about a third of the price', 33.3333, 'a third'],
    ['two-thirds', 66.6667],
    ['三分之', undefined],
    ['9成', 90],
    ['十成', 100],
    ['九成新', 90],
    ['98 percent', 98, '98 percent'],
    ['98 per cent', 98],
    ['ninety-five percent', 95],
    ['95 pct', 95],
    ['服务水平98%', 98],
    // not percentages
    ['八折', undefined], // a discount
    ['九五折', undefined],
    ['20% off', undefined],
    ['七八成', undefined], // a span
    ['一成不变', undefined],
    ['成本', undefined],
    ['98', undefined],
    ['3/4', undefined],
    ['九五', undefined],
    ['百分百', undefined],
  ])('%s → %s', (input, value, text) => {
    const p = findPercent(input);
    expect(p?.value).toBe(value);
    if (text) expect(p?.text).toBe(text);
  });
});

describe('findServiceLevel', () => {
  it.each<[string, number | undefined]>([
    ['service level 99%', 0.99],
    ['service 98', 0.98],
    ['what should I reorder? service level 99%', 0.99],
    ['service level of 98 percent', 0.98],
    ['98 percent service level', 0.98],
    ['service level 99.5%', 0.995],
    ['服务水平98%', 0.98],
    ['服务水平是95%', 0.95],
    ['98%的服务水平', 0.98],
    ['服务水平百分之九十五', 0.95],
    ['服务水平九成五', 0.95],
    ['九成五的服务水平呢', 0.95],
    ['服务水平调到99.5%', 0.995],
    ['95%不缺货', 0.95],
    ['满足率97%', 0.97],
    ['service level 0.95', 0.95],
    ['服务水平0.9', 0.9],
    ['service level ninety-five percent', 0.95],
    ['I need 98% availability', 0.98],
    ['98% in stock', 0.98],
    // the chance of running out, said instead
    ['缺货概率控制在2%以内', 0.98],
    ['stock-out risk under 3%', 0.97],
    ['only 1% chance of running out', 0.99],
    // out of the tool's range, or no service level
    ['毛利率30%', undefined],
    ['服务水平100%', undefined],
    ['service level 40%', undefined],
    ['99%', undefined],
    ['补货建议', undefined],
    ['销量涨了20%', undefined],
    ['八折的服务水平', undefined],
  ])('%s → %s', (input, value) => {
    expect(findServiceLevel(input)).toBe(value);
  });
});

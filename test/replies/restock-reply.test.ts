// The restock answer reads as advice a shop owner can act on: whole units, "out of stock" instead of a
// date in the past, no "order 0", grouped by what to do, and the forecasting method said once, in words.
import { describe, expect, it } from 'vitest';
import { renderRestock } from '../../prompts/replies/tool-results.ts';

const item = (over: Record<string, unknown>) => ({
  shopId: 1, shopName: 'A店', productId: 1, name: '立白洗洁精 500g', stock: 4, model: 'croston_sba', backtestMase: 1.234,
  weeklyForecast: [{ weekStart: '2026-11-30', mean: 0.1, low: 0, high: 1.3 }], leadTimeDemand: 0.1, safetyStock: 1.2, reorderPoint: 1.3,
  orderQuantity: 0, stockoutDate: '2027-03-01', status: 'ok', ...over,
});
const answer = {
  shops: [{ id: 1, name: 'A店' }, { id: 2, name: 'B店' }], policy: 'Policy: lead time 7 days.', counts: { order_now: 2, order_soon: 0, ok: 1 },
  items: [
    item({ name: '超能垃圾袋 大号', stock: 0, status: 'order_now', orderQuantity: 8, weeklyForecast: [{ weekStart: '2026-11-30', mean: 2.4, low: 0.6, high: 4.2 }], model: 'tsb', stockoutDate: '2026-11-30' }),
    item({ name: '蓝月亮沐浴露 750ml', stock: 1, status: 'order_now', orderQuantity: 3, weeklyForecast: [{ weekStart: '2026-11-30', mean: 0.7, low: 0, high: 2 }], model: 'holt_winters', stockoutDate: '2026-12-09' }),
    item({}),
  ],
  trend: { weeks: [], actualUnits: [], forecast: [], model: 'tsb' },
};

describe('the restock answer', () => {
  it('says what to do per item in whole units, in Chinese', () => {
    const text = renderRestock(answer, 'zh');
    expect(text).toContain('【立即订货】');
    expect(text).toMatch(/超能垃圾袋 大号（A店）：已经断货，下周预计卖约 2 件，建议订 8 件\n/);
    expect(text).toMatch(/蓝月亮沐浴露 750ml（A店）：库存 1 件，下周预计卖约 1 件，建议订 3 件，预计12月9日卖完/);
    expect(text).toMatch(/立白洗洁精 500g（A店）：库存 4 件，下周预计卖不到 1 件，暂时不用加订/);
    expect(text).not.toMatch(/MASE|croston|tsb|holt|建议订 0|0\.1 件/);
    expect(text.match(/怎么算的/g)).toHaveLength(1);
  });

  it('and in English', () => {
    const text = renderRestock(answer, 'en');
    expect(text).toContain('Order now:');
    expect(text).toMatch(/garbage|超能垃圾袋/);
    expect(text).toMatch(/out of stock, about 2 expected next week, order 8\n/);
    expect(text).toMatch(/under 1 expected next week, no order needed yet/);
    expect(text).not.toMatch(/MASE|croston_sba|holt_winters|order 0\b/);
  });
});

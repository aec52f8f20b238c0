// Merchant answers as cards: built from the tool results alone (shapes checked by the tools' own output
// schemas), whole units, no "order 0", method names and error metrics only in "how was this computed?".
import { describe, expect, it } from 'vitest';
import { cardsFor, type Card, type KpiCard, type TableCard, type ThemesCard } from '../../prompts/replies/merchant-cards.ts';
import { merchantStats } from '../../tools/merchant-stats/index.ts';
import { restockForecast } from '../../tools/restock-forecast/index.ts';
import { satisfactionReport } from '../../tools/satisfaction-report/index.ts';

const METHOD = /MASE|seasonal_naive|holt_winters|croston|tsb|jieba|backtest|回测/i;
/** Everything a card shows before its details are opened. */
const face = (card: Card) => JSON.stringify({ ...card, details: undefined });

const item = (over: Record<string, unknown>) => ({
  shopId: 1, shopName: 'A店', productId: 1, name: '立白洗洁精 500g', stock: 4, model: 'croston_sba', backtestMase: 1.234,
  weeklyForecast: [{ weekStart: '2026-11-30', mean: 0.1, low: 0, high: 1.3 }], leadTimeDemand: 0.1, safetyStock: 1.2, reorderPoint: 1.3,
  orderQuantity: 0, stockoutDate: '2027-03-01', status: 'ok', ...over,
});
const restock = restockForecast.output.parse({
  shops: [{ id: 1, name: 'A店' }, { id: 2, name: 'B店' }], policy: '补货策略：交货期 7 天、服务水平 95%（z=1.64）。', counts: { order_now: 2, order_soon: 1, ok: 1 },
  items: [
    item({ name: '超能垃圾袋 大号', stock: 0, status: 'order_now', orderQuantity: 8, weeklyForecast: [{ weekStart: '2026-11-30', mean: 2.4, low: 0.6, high: 4.2 }], model: 'tsb', stockoutDate: '2026-11-30' }),
    item({ name: '蓝月亮沐浴露 750ml', shopName: 'B店', stock: 1, status: 'order_now', orderQuantity: 3, weeklyForecast: [{ weekStart: '2026-11-30', mean: 0.7, low: 0, high: 2 }], model: 'holt_winters', stockoutDate: '2026-12-09' }),
    // Flagged, yet nothing to order (no demand expected): never "order 0".
    item({ name: '清风抽纸', stock: 0, status: 'order_soon', orderQuantity: 0, weeklyForecast: [{ weekStart: '2026-11-30', mean: 0, low: 0, high: 0 }], model: 'seasonal_naive', backtestMase: null, stockoutDate: null }),
    item({}),
  ],
  trend: { weeks: [], actualUnits: [], forecast: [], model: 'tsb' },
});

const satisfaction = (locale: 'zh' | 'en') => satisfactionReport.output.parse({
  shops: [{ id: 1, name: locale === 'zh' ? 'A店' : 'Shop A' }], period: { from: '2026-08-25', to: '2026-11-22' },
  reviews: 40, averageScore: 3.9, distribution: [4, 4, 6, 10, 16],
  monthly: [{ month: '2026-09', averageScore: 4.2, reviews: 12 }, { month: '2026-10', averageScore: 3.9, reviews: 14 }, { month: '2026-11', averageScore: 3.6, reviews: 14 }],
  complaints: 14,
  themes: [
    { key: 'wait', label: locale === 'zh' ? '排队结账慢' : 'Slow checkout', reviews: 6, sharePct: 42.9, keywords: ['排队', '收银'], quotes: ['排队太久了，收银台只开一个，等了二十多分钟才结上账，下次不来了', '结账慢'], suggestion: locale === 'zh' ? '高峰时段多开一个收银台。' : 'Open a second till at peak hours.' },
    { key: 'fresh', label: locale === 'zh' ? '生鲜不新鲜' : 'Produce not fresh', reviews: 3, sharePct: 21.4, keywords: ['不新鲜'], quotes: [], suggestion: locale === 'zh' ? '每天早上检查生鲜。' : 'Check produce every morning.' },
  ],
  otherKeywords: [{ word: '停车', reviews: 2 }],
  comparison: { peerShops: 3, peerReviews: 90, peerAverageScore: 4.3, themes: [{ key: 'wait', label: 'x', oursPct: 42.9, peersPct: 12.5 }, { key: 'fresh', label: 'y', oursPct: 21.4, peersPct: 20 }] },
});

const stats = (locale: 'zh' | 'en') => merchantStats.output.parse({
  shops: [{ id: 1, name: locale === 'zh' ? 'A店' : 'Shop A' }, { id: 2, name: locale === 'zh' ? 'B店' : 'Shop B' }],
  period: { label: 'last_week', from: '2026-11-16', to: '2026-11-22' },
  current: { revenue: 189, orders: 3, units: 6, customers: 1, averageBasket: 63, refunds: 1 },
  previous: { revenue: 40, orders: 1, units: 1, customers: 1, averageBasket: 40, refunds: 2 },
  change: { revenuePct: 372.5, ordersPct: 200, averageBasketPct: 57.5 },
  topProducts: [{ productId: 1, name: locale === 'zh' ? '蓝月亮洗衣液 2kg' : 'Blue Moon laundry detergent 2kg', units: 3, revenue: 120, sharePct: 63.5 }, { productId: 3, name: 'Hand wash', units: 1, revenue: 30, sharePct: 15.9 }],
  daily: [], trend: { weeks: [], revenue: [], forecast: [], model: 'holt_winters' },
});

describe('the restock card', () => {
  const [card] = cardsFor([{ name: 'restock_forecast', result: restock }], 'zh') as TableCard[];

  it('is a table of item, stock, demand in whole units, reorder quantity and what to do, in Chinese', () => {
    expect(card.kind).toBe('table');
    expect(card.columns.map((c) => c.label)).toEqual(['商品', '库存', '未来7天预计卖', '建议订', '怎么办']);
    expect(card.rows.map((r) => r.cells)).toEqual([
      ['超能垃圾袋 大号 · A店', '断货', '2', '8', '现在订货'],
      ['蓝月亮沐浴露 750ml · B店', '1', '1', '3', '现在订货'],
      ['清风抽纸 · A店', '断货', '不到 1', '—', '暂不用订'],
      ['立白洗洁精 500g · A店', '4', '不到 1', '—', '够用'],
    ]);
    expect(card.rows.map((r) => r.urgency)).toEqual(['now', 'now', 'soon', 'ok']);
    expect(card.rows[1].note).toBe('预计12月9日卖完');
    expect(card.rows[0].note).toBeUndefined(); // already out of stock: no date in the past
    expect(card.summary).toBe('2 种现在订货，1 种很快要订，1 种够用。');
  });

  it('never says "order 0" and keeps methods and error metrics behind "怎么算的？"', () => {
    expect(face(card)).not.toMatch(METHOD);
    for (const row of card.rows) expect(row.cells[3]).not.toBe('0');
    expect(card.details.label).toBe('怎么算的？');
    const details = card.details.lines.join('\n');
    expect(details).toContain('croston_sba');
    expect(details).toContain('MASE 1.234');
    expect(details).toContain('z=1.64');
  });

  it('in English too', () => {
    const [en] = cardsFor([{ name: 'restock_forecast', result: restock }], 'en') as TableCard[];
    expect(en.columns.map((c) => c.label)).toEqual(['Item', 'Stock', 'Expected next 7 days', 'Order', 'Action']);
    expect(en.rows.map((r) => r.cells.slice(1))).toEqual([
      ['out of stock', '2', '8', 'Order now'], ['1', '1', '3', 'Order now'], ['out of stock', 'under 1', '—', 'No order needed'], ['4', 'under 1', '—', 'Enough stock'],
    ]);
    expect(en.rows[1].note).toBe('runs out around Dec 9');
    expect(en.details.label).toBe('How was this computed?');
    expect(face(en)).not.toMatch(METHOD);
    expect(face(en)).not.toMatch(/order 0\b/i);
  });

  it('leaves out a forecast with nothing in it', () => {
    expect(cardsFor([{ name: 'restock_forecast', result: { ...restock, items: [] } }], 'zh')).toEqual([]);
  });
});

describe('the satisfaction card', () => {
  it('lists the themes with their share, the peers\' share, one or two short quotes and a suggestion, in Chinese', () => {
    const [card] = cardsFor([{ name: 'satisfaction_report', result: satisfaction('zh') }], 'zh') as ThemesCard[];
    expect(card.kind).toBe('themes');
    expect(card.themes.map((t) => [t.theme, t.share, t.peers])).toEqual([['排队结账慢', '42.9%', '12.5%'], ['生鲜不新鲜', '21.4%', '20%']]);
    expect(card.themes[0].quotes).toHaveLength(2);
    expect([...card.themes[0].quotes[0]].length).toBeLessThanOrEqual(30);
    expect(card.themes[0].quotes[0]).toMatch(/^排队太久了.*…$/);
    expect(card.themes[1].quotes).toEqual([]);
    expect(card.themes[0].suggestion).toBe('高峰时段多开一个收银台。');
    expect(card.fields).toEqual(expect.arrayContaining([{ label: '每月平均分', value: '9月 4.2 → 10月 3.9 → 11月 3.6' }, { label: '差评（≤3分）', value: '14' }]));
    expect(card.labels.suggestion).toBe('建议');
    expect(face(card)).not.toMatch(METHOD);
    expect(card.details.lines.join('\n')).toContain('jieba');
  });

  it('in English too', () => {
    const [card] = cardsFor([{ name: 'satisfaction_report', result: satisfaction('en') }], 'en') as ThemesCard[];
    expect(card.themes[0]).toMatchObject({ theme: 'Slow checkout', share: '42.9%', suggestion: 'Open a second till at peak hours.' });
    expect(card.fields).toEqual(expect.arrayContaining([{ label: 'Score by month', value: 'Sep 4.2 → Oct 3.9 → Nov 3.6' }, { label: '3 similar shops nearby', value: '4.3 ★' }]));
    expect(card.summary).toBe('40 reviews, average 3.9, 14 complaints; most about "Slow checkout".');
    expect(card.details.label).toBe('How was this computed?');
    expect(face(card)).not.toMatch(METHOD);
  });

  it('says nothing about peers whose reviews are not there', () => {
    const r = satisfaction('zh');
    const [card] = cardsFor([{ name: 'satisfaction_report', result: { ...r, comparison: { ...r.comparison, peerReviews: 0, peerAverageScore: null } } }], 'zh') as ThemesCard[];
    expect(card.themes.map((t) => t.peers)).toEqual([undefined, undefined]);
    expect(card.fields.map((f) => f.label)).not.toContain('周边 3 家同类店');
  });

  it('gives no card when there are no reviews', () => {
    expect(cardsFor([{ name: 'satisfaction_report', result: { ...satisfaction('zh'), reviews: 0, themes: [] } }], 'zh')).toEqual([]);
  });
});

describe('the sales card', () => {
  it('shows revenue, orders, basket and refunds with their change, and the top products, in Chinese', () => {
    const [card] = cardsFor([{ name: 'merchant_stats', result: stats('zh') }], 'zh') as KpiCard[];
    expect(card.kind).toBe('kpis');
    expect(card.title).toBe('销售 2026-11-16 – 2026-11-22');
    expect(card.fields).toEqual([
      { label: '销售额', value: '¥189', change: '+372.5%' },
      { label: '订单', value: '3', change: '+200%' },
      { label: '客单价', value: '¥63', change: '+57.5%' },
      { label: '退款', value: '1', change: '-50%' }, // from the previous period's refunds in the result
    ]);
    expect(card.list).toEqual([{ name: '蓝月亮洗衣液 2kg', detail: '¥120 · 3 件 · 占 63.5%' }, { name: 'Hand wash', detail: '¥30 · 1 件 · 占 15.9%' }]);
    expect(card.summary).toContain('销售额 ¥189');
    expect(face(card)).not.toMatch(METHOD);
    expect(card.details.lines.join('\n')).toContain('holt_winters');
  });

  it('in English too, and "none before" when the previous period had no refunds', () => {
    const r = stats('en');
    const [card] = cardsFor([{ name: 'merchant_stats', result: { ...r, previous: { ...r.previous, refunds: 0 } } }], 'en') as KpiCard[];
    expect(card.fields.map((f) => f.label)).toEqual(['Revenue', 'Orders', 'Average basket', 'Refunds']);
    expect(card.fields[3]).toEqual({ label: 'Refunds', value: '1', change: 'none before' });
    expect(card.list[0]).toEqual({ name: 'Blue Moon laundry detergent 2kg', detail: '¥120 · 3 units · 63.5%' });
    expect(card.summary).toBe('Your 2 shops: Revenue ¥189 (+372.5% vs the previous period), 3 orders.');
    expect(face(card)).not.toMatch(METHOD);
  });

  it('gives no card for a period without orders, a failed call, or another tool', () => {
    const r = stats('zh');
    expect(cardsFor([
      { name: 'merchant_stats', result: { ...r, current: { ...r.current, orders: 0 } } },
      { name: 'merchant_stats', result: { error: { code: 'forbidden', message: 'no' } } },
      { name: 'merchant_stats' },
      { name: 'nearby_shops', result: { status: 'ok' } },
    ], 'zh')).toEqual([]);
  });
});

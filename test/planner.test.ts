// The embedded planner's pieces: slots from zh/en text, and replies from tool results and errors.
import { AIMessage, HumanMessage, SystemMessage, ToolMessage } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { LocalPlannerChatModel } from '../agents/local-planner/index.ts';
import { findPeriod, findPrice, findRadiusKm, findShopId } from '../agents/local-planner/slots.ts';
import { systemPrompt } from '../prompts/system.ts';
import { ProductIndex } from '../tools/catalogue/product-search.ts';

describe('slots', () => {
  it.each([
    ['蓝月亮洗衣液 2kg 59元贵吗', 59, 'CNY'],
    ['¥12.5 for cola', 12.5, 'CNY'],
    ['is 30 yuan fair', 30, 'CNY'],
    ['39.9块钱的洗洁精', 39.9, 'CNY'],
    ['$5 for cola', 5, 'USD'],
    ['what about 39?', 39, 'CNY'],
  ])('price in "%s"', (text, amount, currency) => {
    expect(findPrice(text)).toMatchObject({ amount, currency });
  });

  it('does not read sizes as prices', () => {
    expect(findPrice('蓝月亮洗衣液 2kg')).toBeUndefined();
    expect(findPrice('power bank 20000mAh')).toBeUndefined();
  });

  it.each([
    ['上周销售', 'last_week'], ['上个月呢', 'last_month'], ['this month so far', 'this_month'], ['最近30天', 'last_30_days'],
    ['past week', 'last_7_days'], ['去年', 'last_year'], ['今天卖了多少', 'today'],
  ])('period in "%s"', (text, period) => {
    expect(findPeriod(text, '2026-11-23')).toBe(period);
  });

  it('reads date ranges, zh dates of last year when they would be in the future', () => {
    expect(findPeriod('2026-10-01 to 2026-10-15', '2026-11-23')).toEqual({ from: '2026-10-01', to: '2026-10-15' });
    expect(findPeriod('12月1日到12月7日的销售', '2026-11-23')).toEqual({ from: '2025-12-01', to: '2025-12-07' });
  });

  it('reads radius and shop ids', () => {
    expect(findRadiusKm('2公里内')).toMatchObject({ km: 2 });
    expect(findRadiusKm('within 500 m')).toMatchObject({ km: 0.5 });
    expect(findRadiusKm('meant within 1 k, not the whole suburb')).toMatchObject({ km: 1 });
    expect(findRadiusKm('2k budget')).toBeUndefined();
    expect(findRadiusKm('3 km 太远了 两公里以内的就行')).toMatchObject({ km: 2 }); // the distance turned down is not the one wanted
    expect(findRadiusKm('5km is too far, within 2 km please')).toMatchObject({ km: 2 });
    expect(findShopId('3号店上周')).toBe(3);
    expect(findShopId('shop #12 sales')).toBe(12);
    // A number that goes on as a date or a count belongs to it, not to the shop before it.
    expect(findShopId('广埠屯店11月份卖了多少')).toBeUndefined();
    expect(findShopId('这家店3天卖了多少')).toBeUndefined();
    expect(findShopId('store 2 days ago')).toBeUndefined();
    expect(findShopId('store 2 last week')).toBe(2);
  });
});

describe('replies from tool results', () => {
  const planner = new LocalPlannerChatModel(ProductIndex.fromEntries([]));
  const system = new SystemMessage(systemPrompt({ role: 'shopper', locale: 'en', today: '2026-11-23', hasLocation: false }));
  const call = new AIMessage({ content: '', tool_calls: [{ id: 'c1', name: 'nearby_shops', args: { query: 'x' }, type: 'tool_call' }] });

  it('explains a schema error from the tool layer', () => {
    const error = new ToolMessage({ content: 'Error: radiusKm: expected number, received string', tool_call_id: 'c1', name: 'nearby_shops', status: 'error' });
    expect(planner.plan([system, new HumanMessage('laundry detergent nearby'), call, error]).content).toBe('Sorry, that did not work: Error: radiusKm: expected number, received string');
  });

  it('passes a refusal through in the user\'s words', () => {
    const refused = new ToolMessage({ content: JSON.stringify({ error: { code: 'forbidden', message: 'Shop 3 is not one of your shops.' } }), tool_call_id: 'c1', name: 'nearby_shops' });
    expect(planner.plan([system, new HumanMessage('x'), call, refused]).content).toBe('Shop 3 is not one of your shops.');
  });

  it('asks for a location when the tool needs one, in the language the user wrote in', () => {
    const need = new ToolMessage({ content: JSON.stringify({ status: 'need_location' }), tool_call_id: 'c1', name: 'nearby_shops' });
    expect(planner.plan([system, new HumanMessage('附近哪里有洗衣液'), call, need]).content).toContain('请先发送你的位置');
  });
});

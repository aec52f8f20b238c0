import { describe, expect, it } from 'vitest';
import { backtest, chooseModel, crostonSBA, holtWinters, mase, seasonalNaive, tsb } from '../../tools/restock-forecast/models.ts';

describe('forecasting models', () => {
  it('seasonal naive repeats the same week of last year', () => {
    const y = Array.from({ length: 60 }, (_, i) => i);
    expect(seasonalNaive.fit(y)(3)).toEqual([8, 9, 10]); // weeks 60..62 copy weeks 8..10
  });

  it('Croston-SBA: demand of 4 every third week → (1 − 0.1/2) × 4/3', () => {
    const y = Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? 4 : 0));
    expect(crostonSBA.fit(y)(2)[0]).toBeCloseTo(0.95 * (4 / 3), 6);
  });

  it('TSB lets a product that stopped selling fade, where Croston keeps forecasting it', () => {
    const dying = [...new Array(20).fill(3), ...new Array(30).fill(0)];
    expect(tsb.fit(dying)(1)[0]).toBeLessThan(0.5 * crostonSBA.fit(dying)(1)[0]);
    expect(tsb.fit(new Array(10).fill(0))(1)[0]).toBe(0);
  });

  it('Holt-Winters follows a trend and a yearly season', () => {
    const trend = Array.from({ length: 30 }, (_, i) => 10 + 2 * i);
    expect(holtWinters.fit(trend)(1)[0]).toBeGreaterThan(66);
    const seasonal = Array.from({ length: 110 }, (_, i) => 20 + (i % 52 < 8 ? 15 : 0));
    const next = holtWinters.fit(seasonal)(6); // weeks 110..115 = weeks 6..11 of the season: 2 high, then low
    expect(next[0]).toBeGreaterThan(28);
    expect(next[3]).toBeLessThan(26);
  });

  it('MASE scales the error by the in-sample naive error', () => {
    expect(mase([1, 2, 3, 4], [5, 6], [5, 5])).toBeCloseTo(0.5);
  });

  it('the rolling-origin backtest picks a seasonal model for seasonal demand and an intermittent one for sparse demand', () => {
    const seasonal = Array.from({ length: 110 }, (_, i) => 30 + 20 * Math.sin((2 * Math.PI * i) / 52));
    expect(['seasonal_naive', 'holt_winters']).toContain(chooseModel(seasonal).model.name);
    let seed = 7; // a fixed pseudo-random sparse series: demand in about one week of five
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const sparse = Array.from({ length: 80 }, () => (rnd() < 0.2 ? 1 + Math.floor(rnd() * 3) : 0));
    expect(['croston_sba', 'tsb']).toContain(chooseModel(sparse).model.name);
    expect(backtest(seasonal, seasonalNaive).mase).toBeLessThan(backtest(seasonal, crostonSBA).mase);
  });
});

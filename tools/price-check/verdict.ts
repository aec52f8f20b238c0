// Is a price fair? A robust rule that outliers (the overpriced shops themselves) cannot skew:
// the modified z-score of Iglewicz & Hoaglin, z = 0.6745 (x - median) / MAD, with their 3.5 outlier cut.
import { medianAbsoluteDeviation, median, quantileSorted } from 'simple-statistics';

export type Verdict = 'good_deal' | 'fair' | 'high' | 'overpriced';
export const HIGH_Z = 1.5;
export const OVERPRICED_Z = 3.5;
// When most shops charge the same (MAD = 0), fall back to the distance from the median in percent.
export const HIGH_PCT = 10;
export const OVERPRICED_PCT = 25;

export type Distribution = { n: number; min: number; q1: number; median: number; q3: number; max: number; mad: number };

export function distribution(prices: number[]): Distribution {
  const sorted = [...prices].sort((a, b) => a - b);
  return {
    n: sorted.length, min: sorted[0], q1: quantileSorted(sorted, 0.25), median: median(sorted), q3: quantileSorted(sorted, 0.75),
    max: sorted[sorted.length - 1], mad: medianAbsoluteDeviation(sorted),
  };
}

export function judge(price: number, d: Distribution): { verdict: Verdict; modifiedZ: number | null; pctVsMedian: number } {
  const pctVsMedian = Math.round(((price - d.median) / d.median) * 1000) / 10;
  if (price <= d.q1 && price < d.median) return { verdict: 'good_deal', modifiedZ: d.mad > 0 ? round2((0.6745 * (price - d.median)) / d.mad) : null, pctVsMedian };
  if (d.mad === 0) {
    const verdict = pctVsMedian > OVERPRICED_PCT ? 'overpriced' : pctVsMedian > HIGH_PCT ? 'high' : 'fair';
    return { verdict, modifiedZ: null, pctVsMedian };
  }
  const z = round2((0.6745 * (price - d.median)) / d.mad);
  return { verdict: z > OVERPRICED_Z ? 'overpriced' : z > HIGH_Z ? 'high' : 'fair', modifiedZ: z, pctVsMedian };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

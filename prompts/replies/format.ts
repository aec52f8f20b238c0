import type { Locale } from '../../tools/context.ts';

export function distance(m: number, locale: Locale): string {
  if (m < 1000) return locale === 'zh' ? `${Math.round(m)}米` : `${Math.round(m)} m`;
  return locale === 'zh' ? `${(m / 1000).toFixed(1)}公里` : `${(m / 1000).toFixed(1)} km`;
}

export function yuan(v: number): string {
  return `¥${Number.isInteger(v) ? v : v.toFixed(2)}`;
}

export function signedPct(v: number | null, locale: Locale): string {
  if (v === null) return locale === 'zh' ? '上期无数据' : 'no data before';
  return `${v > 0 ? '+' : ''}${v}%`;
}

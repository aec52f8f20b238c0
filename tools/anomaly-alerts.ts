// anomaly_alerts: "anything wrong this week?" for the merchant's shops. Robust methods, so the
// anomalies themselves do not hide in the baseline:
//   sales drop/spike — revenue vs the median of the same weekday over the previous weeks, scored by the
//                      modified z-score of that residual against past residuals (median/MAD, |z| > 3.5);
//   refund / complaint spike — a day's count vs its usual daily rate (Poisson tail < 0.1%);
//   price error — an offer far from the product's market median (under 40% or over 250%).
import { median, medianAbsoluteDeviation } from 'simple-statistics';
import { z } from 'zod';
import { defineTool, t, ToolError, type Locale } from './context.ts';
import { ownShops } from './merchant-stats/index.ts';
import { localDate, periodSchema, resolvePeriod } from './merchant-stats/period.ts';
import { toYuan } from './money.ts';
import { dailySeries, offersAgainstMarket } from './anomaly-alerts-sql.ts';

const DAY = 86_400_000;
const Z_CUT = 3.5;
const P_CUT = 0.001;

const alert = z.object({ shop: z.string(), date: z.string().nullable(), type: z.enum(['sales_drop', 'sales_spike', 'refund_spike', 'complaint_spike', 'price_error']), value: z.number(), expected: z.number(), score: z.number(), detail: z.string() });
const output = z.object({ shops: z.array(z.object({ id: z.number(), name: z.string() })), window: z.object({ from: z.string(), to: z.string() }), method: z.string(), alerts: z.array(alert) });

/** P(X >= k) for X ~ Poisson(lambda). */
export function poissonTail(k: number, lambda: number): number {
  let term = Math.exp(-lambda);
  let cdf = 0;
  for (let i = 0; i < k; i++) {
    cdf += term;
    term *= lambda / (i + 1);
  }
  return Math.max(0, 1 - cdf);
}

/** Weekday-adjusted robust z for each day of `values` from `start` on (indices before it are history). */
export function salesScores(values: number[], start: number, weeks = 8): { index: number; value: number; expected: number; z: number }[] {
  const expectedAt = (i: number) => {
    const same = [];
    for (let w = 1; w <= weeks; w++) if (i - 7 * w >= 0) same.push(values[i - 7 * w]);
    return same.length ? median(same) : values[i];
  };
  const history = [];
  for (let i = 7; i < start; i++) history.push(values[i] - expectedAt(i));
  const center = history.length ? median(history) : 0;
  const mad = history.length ? medianAbsoluteDeviation(history) : 0;
  const out = [];
  for (let i = start; i < values.length; i++) {
    const expected = expectedAt(i);
    const r = values[i] - expected;
    out.push({ index: i, value: values[i], expected, z: mad ? (0.6745 * (r - center)) / mad : 0 });
  }
  return out;
}

type Alert = z.input<typeof alert>;

/** A shop's sales, refund and bad-review alerts from its daily series (days before `start` are the baseline). */
export function seriesAlerts(shop: string, { revenue, refunds, bad }: { revenue: number[]; refunds: number[]; bad: number[] }, from: Date, start: number, zh: boolean): Alert[] {
  const alerts: Alert[] = [];
  const date = (i: number) => localDate(new Date(from.getTime() + i * DAY));
  for (const s of salesScores(revenue, start)) {
    if (Math.abs(s.z) <= Z_CUT) continue;
    const drop = s.z < 0;
    alerts.push({ shop, date: date(s.index), type: drop ? 'sales_drop' : 'sales_spike', value: toYuan(s.value), expected: toYuan(s.expected), score: Math.round(s.z * 10) / 10,
      detail: zh ? `销售额 ¥${toYuan(s.value)}，同星期几通常 ¥${toYuan(s.expected)}` : `revenue ¥${toYuan(s.value)} vs ¥${toYuan(s.expected)} usual for that weekday` });
  }
  for (const [counts, type] of [[refunds, 'refund_spike'], [bad, 'complaint_spike']] as const) {
    const rate = counts.slice(0, start).reduce((a, b) => a + b, 0) / start;
    for (let i = start; i < counts.length; i++) {
      const p = poissonTail(counts[i], rate);
      if (counts[i] >= 2 && p < P_CUT) {
        alerts.push({ shop, date: date(i), type, value: counts[i], expected: Math.round(rate * 100) / 100, score: p,
          detail: zh ? `${type === 'refund_spike' ? '退款' : '差评'} ${counts[i]} 次，平时每天约 ${rate.toFixed(2)} 次` : `${counts[i]} ${type === 'refund_spike' ? 'refunds' : 'bad reviews'} vs about ${rate.toFixed(2)} a day` });
      }
    }
  }
  return alerts;
}

/** The answer: price errors after the dated alerts, newest first; at most 20. */
export function anomalyAnswer(shops: { id: number; nameZh: string; nameEn: string }[], window: { from: Date; to: Date }, alerts: Alert[], locale: Locale) {
  alerts.sort((a, b) => (a.type === 'price_error' ? 1 : 0) - (b.type === 'price_error' ? 1 : 0) || (b.date ?? '').localeCompare(a.date ?? ''));
  return {
    shops: shops.map((s) => ({ id: s.id, name: t(locale, s.nameZh, s.nameEn) })),
    window: { from: localDate(window.from), to: localDate(new Date(window.to.getTime() - 1)) },
    method: t(locale, `销售额与前 8 周同星期几的中位数比较，残差用修正 z 分数（|z|>${Z_CUT}）；退款/差评次数用泊松尾概率（<0.1%）；标价与别家均价相差过大（<40% 或 >250%）视为疑似标错。`,
      `Revenue vs the median of the same weekday over the previous 8 weeks, residuals scored by modified z (|z| > ${Z_CUT}); refund and bad-review counts by Poisson tail (< 0.1%); offers under 40% or over 250% of other shops' average flagged as possible price errors.`),
    alerts: alerts.slice(0, 20),
  };
}

export const anomalyAlerts = defineTool({
  name: 'anomaly_alerts',
  example: { period: 'this_month' },
  description: 'Unusual days and offers in the merchant\'s own shops over a period (default the last 7 days): sales drops or spikes against the same weekday, refund and complaint spikes, and offers priced far from the market (possible price errors).',
  access: 'read',
  roles: ['merchant'],
  input: z.object({ shopId: z.number().int().positive().optional(), period: periodSchema.default('last_7_days'), lookbackDays: z.number().int().min(28).max(365).default(84) }),
  output,
  async run(deps, ctx, args) {
    const shops = await ownShops(deps, ctx, args.shopId);
    const window = resolvePeriod(args.period, ctx.now);
    const from = new Date(window.from.getTime() - args.lookbackDays * DAY);
    const days = Math.round((window.to.getTime() - from.getTime()) / DAY);
    const start = args.lookbackDays;
    const alerts: Alert[] = [];
    const zh = ctx.locale === 'zh';
    const shopIds = shops.map((s) => s.id);
    const [series, offers] = await Promise.all([dailySeries(deps.db, shopIds, from, window.to, days), offersAgainstMarket(deps.db, shopIds)]);
    const flagged = offers.filter((o) => !!o.others && (o.price / o.others < 0.4 || o.price / o.others > 2.5));
    const names = new Map((flagged.length ? await deps.db.product.findMany({ where: { id: { in: [...new Set(flagged.map((o) => o.productId))] } }, select: { id: true, nameZh: true, nameEn: true } }) : []).map((p) => [p.id, p]));
    for (const shop of shops) {
      const name = t(ctx.locale, shop.nameZh, shop.nameEn);
      const { revenue, refunds, bad } = series.get(shop.id)!;
      alerts.push(...seriesAlerts(name, { revenue, refunds, bad }, from, start, zh));
      for (const o of flagged) {
        if (o.shopId !== shop.id) continue;
        const ref = o.others!;
        const product = names.get(o.productId);
        const [nameZh, nameEn] = product ? [product.nameZh, product.nameEn] : [`#${o.productId}`, `#${o.productId}`];
        alerts.push({ shop: name, date: null, type: 'price_error', value: toYuan(o.price), expected: toYuan(ref), score: Math.round((o.price / ref) * 100) / 100,
          detail: zh ? `「${nameZh}」标价 ¥${toYuan(o.price)}，别家平均 ¥${toYuan(ref)}，可能标错价` : `"${nameEn}" is listed at ¥${toYuan(o.price)} vs ¥${toYuan(ref)} elsewhere: a possible price error` });
      }
    }
    return anomalyAnswer(shops, window, alerts, ctx.locale);
  },
});

// What a reply carries besides text, derived from the tool results, for adapters to render in their
// idiom: a location request button, shops to navigate to (with why they rank there), charts, and
// merchant answers as cards (a table, themes, KPI fields; prompts/replies/merchant-cards.ts).
import { cardsFor, type Card } from '../prompts/replies/merchant-cards.ts';
import type { Locale } from '../tools/context.ts';
import { WEIGHTS } from '../tools/nearby-shops.ts';

export type ShopPin = { id: number; name: string; lat: number; lng: number; address: string; why: string };
/** Whose orders and which dates a chart draws: the chart cache's key (bots/shared/charts.ts). */
export type ChartScope = { shopIds: number[]; period: string };
export type ChartSpec = (
  | { kind: 'bar'; title: string; labels: string[]; values: number[]; yLabel: string }
  | { kind: 'forecast'; title: string; x: string[]; actual: number[]; mean: number[]; low: number[]; high: number[]; yLabel: string }
) & { scope?: ChartScope };
/** A catalogue picture to show (scan-to-buy), fetched by the adapter with catalogueImage(). */
export type ProductPicture = { productId: number; caption: string };
export type Attachments = { needsLocation: boolean; shops: ShopPin[]; charts: ChartSpec[]; pictures?: ProductPicture[]; cards?: Card[] };

type Call = { name: string; result?: unknown };

export function attachmentsFor(calls: Call[], locale: Locale): Attachments {
  const out: Attachments = { needsLocation: false, shops: [], charts: [] };
  const zh = locale === 'zh';
  const shopIds = (r: Record<string, any>): number[] => (r.shops ?? []).map((s: { id: number }) => s.id);
  const weeks = (r: Record<string, any>): string => `weeks ${r.trend.weeks[0]}..${r.trend.weeks.at(-1)}`;
  for (const call of calls) {
    const r = call.result as Record<string, any> | undefined;
    if (!r || r.error) continue;
    if (r.status === 'need_location') out.needsLocation = true;
    if (call.name === 'nearby_shops' && r.status === 'ok') {
      for (const s of r.results) {
        const distance = Math.max(0, 1 - s.distanceM / (r.radiusKm * 1000));
        const why = zh
          ? `距离 ${s.distanceM} 米（得分 ${distance.toFixed(2)}×${WEIGHTS.distance}）、评分 ${s.rating}（${WEIGHTS.rating * 100}%）${s.offer ? `、价格 ¥${s.offer.price}（与市场中位价相比，占 ${WEIGHTS.price * 100}%）` : ''}，综合 ${s.score}。`
          : `${s.distanceM} m away (score ${distance.toFixed(2)} × ${WEIGHTS.distance}), rated ${s.rating} (${WEIGHTS.rating * 100}%)${s.offer ? `, ¥${s.offer.price} vs the market median (${WEIGHTS.price * 100}%)` : ''}: overall ${s.score}.`;
        out.shops.push({ id: s.shopId, name: s.name, lat: s.lat, lng: s.lng, address: s.address, why });
      }
    }
    if (call.name === 'scan_to_buy' && (r.status === 'matched' || r.status === 'unsure')) {
      const shown = r.status === 'matched' ? r.candidates.slice(0, 1) : r.candidates;
      out.pictures = shown.filter((c: any) => c.hasImage).map((c: any, i: number) => ({ productId: c.productId, caption: r.status === 'matched' ? c.name : `${i + 1}. ${c.name}` }));
      // Shops that have it, for the map buttons.
      for (const s of r.candidates[0].offline) out.shops.push({ id: s.shopId, name: s.shopName, lat: s.lat, lng: s.lng, address: s.address, why: `¥${s.price}${s.distanceM !== null ? ` · ${s.distanceM} m` : ''}` });
    }
    if (call.name === 'restock_forecast' && r.trend?.actualUnits?.length) {
      const f = r.trend.forecast as { mean: number; low: number; high: number }[];
      out.charts.push({
        kind: 'forecast', title: zh ? `每周销量与未来 ${f.length} 周预测` : `Weekly units and ${f.length}-week forecast`,
        x: r.trend.weeks.map((w: string) => w.slice(5)), actual: r.trend.actualUnits, mean: f.map((p) => p.mean), low: f.map((p) => p.low), high: f.map((p) => p.high), yLabel: zh ? '件' : 'units',
        scope: { shopIds: shopIds(r), period: weeks(r) },
      });
    }
    if (call.name === 'merchant_stats' && r.current?.orders > 0) {
      // The sales trend: 26 weeks of revenue and the next 4 weeks' forecast with its band.
      const f = r.trend.forecast as { mean: number; low: number; high: number }[];
      out.charts.push({
        kind: 'forecast', title: zh ? `每周销售额与未来 4 周预测` : `Weekly revenue and 4-week forecast`,
        x: r.trend.weeks.map((w: string) => w.slice(5)), actual: r.trend.revenue, mean: f.map((p) => p.mean), low: f.map((p) => p.low), high: f.map((p) => p.high), yLabel: '¥',
        scope: { shopIds: shopIds(r), period: weeks(r) },
      });
      if (r.topProducts.length) {
        out.charts.push({ kind: 'bar', title: zh ? '畅销商品（销售额）' : 'Top products (revenue)', labels: r.topProducts.map((p: any) => p.name), values: r.topProducts.map((p: any) => p.revenue), yLabel: '¥', scope: { shopIds: shopIds(r), period: `${r.period.from}..${r.period.to}` } });
      }
    }
  }
  const cards = cardsFor(calls, locale);
  if (cards.length) out.cards = cards;
  return out;
}

// satisfaction_report: how satisfied the merchant's customers are, what they complain about (themes mined
// from review text, with example quotes and what to do), and how that compares with similar shops nearby.
import { z } from 'zod';
import { defineTool, t, ToolError } from '../context.ts';
import { boundingBox, metresBetween } from '../geo.ts';
import { ownShops } from '../merchant-stats/index.ts';
import { localDate, periodSchema, resolvePeriod } from '../merchant-stats/period.ts';
import { topKeywords } from './keywords.ts';
import { THEMES, themesOf } from './themes.ts';

const NEGATIVE = 3; // a review scoring 3 or less counts as a complaint

const input = z.object({
  shopId: z.number().int().positive().optional().describe('One of the merchant\'s shops; omit for all.'),
  period: periodSchema.default('last_90_days'),
  compareRadiusKm: z.number().positive().max(20).default(3).describe('Peers: shops of the same category within this distance.'),
});

const output = z.object({
  shops: z.array(z.object({ id: z.number(), name: z.string() })),
  period: z.object({ from: z.string(), to: z.string() }),
  reviews: z.number(), averageScore: z.number().nullable(), distribution: z.array(z.number()).length(5),
  monthly: z.array(z.object({ month: z.string(), averageScore: z.number(), reviews: z.number() })),
  complaints: z.number(),
  themes: z.array(z.object({ key: z.string(), label: z.string(), reviews: z.number(), sharePct: z.number(), keywords: z.array(z.string()), quotes: z.array(z.string()), suggestion: z.string() })),
  otherKeywords: z.array(z.object({ word: z.string(), reviews: z.number() })),
  comparison: z.object({ peerShops: z.number(), peerReviews: z.number(), peerAverageScore: z.number().nullable(), themes: z.array(z.object({ key: z.string(), label: z.string(), oursPct: z.number(), peersPct: z.number() })) }),
});

const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0);
const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);

export const satisfactionReport = defineTool({
  name: 'satisfaction_report',
  example: { period: { from: '2026-11-01', to: '2026-11-30' } },
  description: 'Customer satisfaction for the merchant\'s own shops over a period: score distribution and monthly trend, complaint themes mined from review text (zh and en) with keywords, example quotes and concrete improvement suggestions, compared with similar shops nearby.',
  access: 'read',
  roles: ['merchant'],
  input,
  output,
  async run(deps, ctx, args) {
    const shops = await ownShops(deps, ctx, args.shopId);
    const range = resolvePeriod(args.period, ctx.now);
    const ids = shops.map((s) => s.id);
    const when = { gte: range.from, lt: range.to };
    const [reviews, details] = await Promise.all([
      deps.db.review.findMany({ where: { shopId: { in: ids }, createdAt: when }, select: { score: true, text: true, createdAt: true } }),
      deps.db.shop.findMany({ where: { id: { in: ids } }, select: { id: true, category: true, lat: true, lng: true } }),
    ]);

    const distribution = [1, 2, 3, 4, 5].map((s) => reviews.filter((r) => r.score === s).length);
    const byMonth = new Map<string, number[]>();
    for (const r of reviews) {
      const month = localDate(r.createdAt).slice(0, 7);
      byMonth.set(month, [...(byMonth.get(month) ?? []), r.score]);
    }
    const complaints = reviews.filter((r) => r.score <= NEGATIVE);
    const shareOf = (list: { text: string }[]) => {
      const counts = new Map<string, number>();
      for (const r of list) for (const key of themesOf(r.text)) counts.set(key, (counts.get(key) ?? 0) + 1);
      return counts;
    };
    const ours = shareOf(complaints);

    const themes = THEMES.filter((th) => ours.get(th.key)).map((th) => {
      const mine = complaints.filter((r) => themesOf(r.text).includes(th.key));
      return {
        key: th.key, label: th.label[ctx.locale], reviews: mine.length, sharePct: pct(mine.length, complaints.length),
        keywords: topKeywords(mine.map((r) => r.text), 5, 1).map((k) => k.word),
        quotes: [...new Set(mine.map((r) => r.text))].slice(0, 2),
        suggestion: th.suggestion[ctx.locale],
      };
    }).sort((a, b) => b.reviews - a.reviews);
    // Recurring words in complaints that no theme explains: where a new kind of problem shows up first.
    const unexplained = complaints.filter((r) => !themesOf(r.text).length).map((r) => r.text);
    const otherKeywords = topKeywords(unexplained, 8);

    // Peers: other merchants' shops of the same categories within the radius.
    const peerIds = new Set<number>();
    for (const s of details) {
      const box = boundingBox(s, args.compareRadiusKm * 1000);
      const near = await deps.db.shop.findMany({ where: { category: s.category, onlineOnly: false, id: { notIn: ids }, lat: { gte: box.minLat, lte: box.maxLat }, lng: { gte: box.minLng, lte: box.maxLng } }, select: { id: true, lat: true, lng: true } });
      for (const p of near) if (metresBetween(s, p) <= args.compareRadiusKm * 1000) peerIds.add(p.id);
    }
    const peerReviews = peerIds.size ? await deps.db.review.findMany({ where: { shopId: { in: [...peerIds] }, createdAt: when }, select: { score: true, text: true } }) : [];
    const peerComplaints = peerReviews.filter((r) => r.score <= NEGATIVE);
    const peers = shareOf(peerComplaints);

    return {
      shops: shops.map((s) => ({ id: s.id, name: t(ctx.locale, s.nameZh, s.nameEn) })),
      period: { from: localDate(range.from), to: localDate(new Date(range.to.getTime() - 1)) },
      reviews: reviews.length, averageScore: avg(reviews.map((r) => r.score)), distribution,
      monthly: [...byMonth.entries()].sort().map(([month, scores]) => ({ month, averageScore: avg(scores)!, reviews: scores.length })),
      complaints: complaints.length, themes, otherKeywords,
      comparison: {
        peerShops: peerIds.size, peerReviews: peerReviews.length, peerAverageScore: avg(peerReviews.map((r) => r.score)),
        themes: themes.map((th) => ({ key: th.key, label: th.label, oursPct: th.sharePct, peersPct: pct(peers.get(th.key) ?? 0, peerComplaints.length) })),
      },
    };
  },
});

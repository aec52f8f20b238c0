// Next-purchase recommendation, pure so the bench can run it on any transactions (the demo world or the
// UCI retail data). Candidates come from four sources, each leaving a reason:
//   repurchase  — items this shopper bought before (how often, how recently, whether due again);
//   co-purchase — item-to-item collaborative filtering (cosine over who bought what);
//   similar     — the same kind of item cheaper than their usual;
//   popular     — what sells now in the shops they use, and overall.
// A logistic-regression ranker learned on an earlier time split blends the signals (hand weights kept
// trading one signal for another); profile re-ranking (brand loyalty, price band) and feedback follow.
import { contributions, fitLogistic, predict, type LogisticModel } from '../shared/logistic.ts';

export type Purchase = { customer: number; item: number; day: number; price?: number; shop?: number };
export type ItemInfo = { id: number; kind: string; brand: string; category: string; price: number };
export type Reason =
  | { type: 'repurchase'; everyDays: number; dueInDays: number; times: number }
  | { type: 'co_purchase'; because: number }
  | { type: 'cheaper_alternative'; insteadOf: number; saving: number }
  | { type: 'popular' };
export type Recommendation = { item: number; score: number; reason: Reason };

const FEATURES = ['log_times', 'recency_weight', 'rebuy_rate', 'due_soon', 'log_days_since', 'co_purchase', 'shop_popularity', 'popularity', 'bought_before', 'cheaper_alternative', 'times_x_rebuy', 'new_x_shop_popularity',
  'times_2', 'times_3_4', 'times_5_8', 'times_9_up', 'recent_14d', 'recent_30d', 'recent_90d'];
const HALF_LIFE_DAYS = 180;
const decay = (ageDays: number) => Math.pow(0.5, ageDays / HALF_LIFE_DAYS);
// Fallback blend before a ranker is learned (also the ranker's starting intuition).
const DEFAULT_WEIGHTS = [1.2, 1.0, 0.6, 0.3, -0.3, 0.4, 0.5, 0.2, 0.5, 0.1, 0.5, 0.3, 0, 0, 0, 0, 0, 0, 0];

/**
 * A trained model as plain data that crosses a worker-thread boundary: the large parts are columns of
 * Float64Array (moved, not copied), in the trained model's own order, so the restored model ranks
 * exactly as the original (ties keep their order). A missing price or shop is NaN.
 */
export type ModelSnapshot = {
  today: number;
  horizon: number;
  items: ItemInfo[];
  /** Each customer's purchases in order: customer `customers[k]` owns rows `ends[k-1]..ends[k]`. */
  history: { customers: Float64Array; ends: Float64Array; item: Float64Array; day: Float64Array; price: Float64Array; shop: Float64Array };
  similar: Grouped;
  shopPopularity: Grouped;
  popularity: { item: Float64Array; value: Float64Array };
  rebuyRate: { item: Float64Array; value: Float64Array };
  ranker?: LogisticModel;
};
type Grouped = { keys: Float64Array; ends: Float64Array; item: Float64Array; value: Float64Array };

function groupedOf(map: Map<number, Map<number, number>>): Grouped {
  const size = [...map.values()].reduce((n, m) => n + m.size, 0);
  const out: Grouped = { keys: new Float64Array(map.size), ends: new Float64Array(map.size), item: new Float64Array(size), value: new Float64Array(size) };
  let k = 0;
  let row = 0;
  for (const [key, inner] of map) {
    for (const [item, value] of inner) {
      out.item[row] = item;
      out.value[row++] = value;
    }
    out.keys[k] = key;
    out.ends[k++] = row;
  }
  return out;
}

function mapOfGrouped(g: Grouped): Map<number, Map<number, number>> {
  const out = new Map<number, Map<number, number>>();
  let row = 0;
  g.keys.forEach((key, k) => {
    const inner = new Map<number, number>();
    for (; row < g.ends[k]; row++) inner.set(g.item[row], g.value[row]);
    out.set(key, inner);
  });
  return out;
}

const pairsOf = (map: Map<number, number>) => ({ item: Float64Array.from(map.keys()), value: Float64Array.from(map.values()) });
const mapOfPairs = (p: { item: Float64Array; value: Float64Array }) => new Map([...p.item].map((item, i) => [item, p.value[i]]));

/** The buffers a snapshot holds, for a transfer list. */
export function snapshotBuffers(s: ModelSnapshot): ArrayBuffer[] {
  const arrays = [...Object.values(s.history), ...Object.values(s.similar), ...Object.values(s.shopPopularity), ...Object.values(s.popularity), ...Object.values(s.rebuyRate)];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

type Candidate = { item: number; x: number[]; reason: Reason; reasons: Partial<Record<'repurchase' | 'co_purchase' | 'cheaper_alternative' | 'popular', Reason>> };

export class RecommenderModel {
  private byCustomer = new Map<number, Purchase[]>();
  private similar = new Map<number, Map<number, number>>();
  private popularity = new Map<number, number>();
  private shopPopularity = new Map<number, Map<number, number>>();
  private byKind = new Map<string, number[]>();
  private rebuyRate = new Map<number, number>();
  /** A restored model's histories, still packed: each shopper's is unpacked when first asked for. */
  private packed?: { history: ModelSnapshot['history']; slot: Map<number, number> };
  ranker?: LogisticModel;

  constructor(purchases: Purchase[], readonly items: Map<number, ItemInfo>, readonly today: number, private readonly horizon = 28) {
    for (const p of purchases) {
      if (p.day > today) continue;
      let list = this.byCustomer.get(p.customer);
      if (!list) this.byCustomer.set(p.customer, (list = []));
      list.push(p);
      if (today - p.day <= 56) {
        this.popularity.set(p.item, (this.popularity.get(p.item) ?? 0) + 1);
        if (p.shop !== undefined) {
          let m = this.shopPopularity.get(p.shop);
          if (!m) this.shopPopularity.set(p.shop, (m = new Map()));
          m.set(p.item, (m.get(p.item) ?? 0) + 1);
        }
      }
    }
    for (const info of items.values()) {
      const same = this.byKind.get(info.kind);
      if (same) same.push(info.id);
      else this.byKind.set(info.kind, [info.id]);
    }
    const buyers = new Map<number, [number, number]>();
    for (const list of this.byCustomer.values()) {
      const days = new Map<number, Set<number>>();
      for (const p of list) days.set(p.item, (days.get(p.item) ?? new Set()).add(p.day));
      for (const [item, set] of days) {
        const b = buyers.get(item) ?? [0, 0];
        b[0]++;
        if (set.size > 1) b[1]++;
        buyers.set(item, b);
      }
    }
    for (const [item, [n, again]] of buyers) this.rebuyRate.set(item, (again + 1) / (n + 2));
    this.buildCoPurchase(30, 40);
  }

  /** Item-item cosine similarity over customers' recent distinct items; top neighbours kept. */
  private buildCoPurchase(neighbours: number, recentItems: number) {
    const count = new Map<number, number>();
    const pairs = new Map<number, Map<number, number>>();
    const bump = (i: number, j: number) => {
      let row = pairs.get(i);
      if (!row) pairs.set(i, (row = new Map()));
      row.set(j, (row.get(j) ?? 0) + 1);
    };
    for (const list of this.byCustomer.values()) {
      const distinct = [...new Set(list.slice().sort((a, b) => b.day - a.day).map((p) => p.item))].slice(0, recentItems);
      for (const i of distinct) count.set(i, (count.get(i) ?? 0) + 1);
      for (let a = 0; a < distinct.length; a++) for (let b = a + 1; b < distinct.length; b++) {
        bump(distinct[a], distinct[b]);
        bump(distinct[b], distinct[a]);
      }
    }
    for (const [i, row] of pairs) {
      const top = [...row.entries()].filter(([, c]) => c >= 2).map(([j, c]) => [j, c / Math.sqrt(count.get(i)! * count.get(j)!)] as const).sort((a, b) => b[1] - a[1]).slice(0, neighbours);
      this.similar.set(i, new Map(top));
    }
  }

  /** The model as plain data (see ModelSnapshot); fromSnapshot() gives back one that ranks the same. */
  toSnapshot(): ModelSnapshot {
    const customers = this.customers();
    const lists = customers.map((c) => this.history(c));
    const rows = lists.reduce((n, l) => n + l.length, 0);
    const h = { customers: Float64Array.from(customers), ends: new Float64Array(lists.length), item: new Float64Array(rows), day: new Float64Array(rows), price: new Float64Array(rows), shop: new Float64Array(rows) };
    let row = 0;
    lists.forEach((list, k) => {
      for (const p of list) {
        h.item[row] = p.item;
        h.day[row] = p.day;
        h.price[row] = p.price ?? NaN;
        h.shop[row++] = p.shop ?? NaN;
      }
      h.ends[k] = row;
    });
    return {
      today: this.today, horizon: this.horizon, items: [...this.items.values()], history: h,
      similar: groupedOf(this.similar), shopPopularity: groupedOf(this.shopPopularity),
      popularity: pairsOf(this.popularity), rebuyRate: pairsOf(this.rebuyRate), ranker: this.ranker,
    };
  }

  static fromSnapshot(s: ModelSnapshot): RecommenderModel {
    const model = new RecommenderModel([], new Map(s.items.map((i) => [i.id, i])), s.today, s.horizon);
    // ~240k purchases as objects would block the main thread ~50–100 ms: unpacked per shopper instead.
    model.packed = { history: s.history, slot: new Map([...s.history.customers].map((c, k) => [c, k])) };
    model.similar = mapOfGrouped(s.similar);
    model.shopPopularity = mapOfGrouped(s.shopPopularity);
    model.popularity = mapOfPairs(s.popularity);
    model.rebuyRate = mapOfPairs(s.rebuyRate);
    model.ranker = s.ranker;
    return model;
  }

  /**
   * Replaces one shopper's history (what they just recorded counts at once), without a retrain:
   * their repurchase rhythms, co-purchase and cheaper-alternative candidates follow it; the shared
   * statistics (popularity, co-purchase neighbours, the ranker) wait for the next training.
   */
  setHistory(customer: number, purchases: Purchase[]): void {
    const list = purchases.filter((p) => p.customer === customer && p.day <= this.today);
    if (list.length || this.packed?.slot.has(customer)) this.byCustomer.set(customer, list);
    else this.byCustomer.delete(customer);
  }

  history(customer: number): Purchase[] {
    return this.byCustomer.get(customer) ?? this.unpack(customer) ?? [];
  }

  private unpack(customer: number): Purchase[] | undefined {
    const k = this.packed?.slot.get(customer);
    if (k === undefined) return undefined;
    const h = this.packed!.history;
    const list: Purchase[] = [];
    for (let row = k ? h.ends[k - 1] : 0; row < h.ends[k]; row++) {
      const p: Purchase = { customer, item: h.item[row], day: h.day[row] };
      if (!Number.isNaN(h.price[row])) p.price = h.price[row];
      if (!Number.isNaN(h.shop[row])) p.shop = h.shop[row];
      list.push(p);
    }
    this.byCustomer.set(customer, list);
    return list;
  }

  customers(): number[] {
    const packed = this.packed ? [...this.packed.slot.keys()] : [];
    return [...new Set([...packed, ...this.byCustomer.keys()])].filter((c) => this.history(c).length);
  }

  /** Average days between purchases of each item (distinct days), how many times, and when last. */
  rhythms(customer: number): Map<number, { everyDays: number; last: number; times: number }> {
    const days = new Map<number, number[]>();
    for (const p of this.history(customer)) days.set(p.item, [...(days.get(p.item) ?? []), p.day]);
    const out = new Map<number, { everyDays: number; last: number; times: number }>();
    for (const [item, ds] of days) {
      const sorted = [...new Set(ds)].sort((a, b) => a - b);
      const gaps = sorted.slice(1).map((d, i) => d - sorted[i]);
      out.set(item, { everyDays: gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : 0, last: sorted.at(-1)!, times: sorted.length });
    }
    return out;
  }

  private candidates(customer: number, allow: (item: number) => boolean, popularNear?: Map<number, number>): Map<number, Candidate> {
    const out = new Map<number, Candidate>();
    const get = (item: number): Candidate | undefined => {
      if (!allow(item)) return undefined;
      let c = out.get(item);
      if (!c) out.set(item, (c = { item, x: new Array(FEATURES.length).fill(0), reason: { type: 'popular' }, reasons: {} }));
      return c;
    };
    const history = this.history(customer);
    const rhythms = this.rhythms(customer);
    const weight = new Map<number, number>();
    for (const p of history) weight.set(p.item, (weight.get(p.item) ?? 0) + decay(this.today - p.day));
    for (const [item, r] of rhythms) {
      const c = get(item);
      if (!c) continue;
      const since = this.today - r.last;
      const dueIn = r.everyDays - since;
      c.x[0] = Math.log1p(r.times);
      // Buckets let the linear ranker bend: the 2nd purchase and the 5th mean different things.
      c.x[12] = r.times === 2 ? 1 : 0;
      c.x[13] = r.times >= 3 && r.times <= 4 ? 1 : 0;
      c.x[14] = r.times >= 5 && r.times <= 8 ? 1 : 0;
      c.x[15] = r.times >= 9 ? 1 : 0;
      c.x[16] = since <= 14 ? 1 : 0;
      c.x[17] = since > 14 && since <= 30 ? 1 : 0;
      c.x[18] = since > 30 && since <= 90 ? 1 : 0;
      c.x[1] = weight.get(item)!;
      c.x[3] = r.times >= 3 && dueIn <= this.horizon && dueIn >= -r.everyDays ? 1 : 0;
      c.x[4] = Math.log1p(since);
      c.x[8] = 1;
      c.reasons.repurchase = { type: 'repurchase', everyDays: Math.round(r.everyDays), dueInDays: Math.round(dueIn), times: r.times };
    }
    const recent = new Map<number, number>();
    for (const p of history) recent.set(p.item, Math.max(recent.get(p.item) ?? 0, decay(this.today - p.day)));
    for (const [item, w] of recent) {
      for (const [other, sim] of this.similar.get(item) ?? []) {
        const c = get(other);
        if (!c) continue;
        const add = sim * w;
        if (add > (c.x[5] > 0 ? 0 : -1) && (!c.reasons.co_purchase || add > c.x[5] / 2)) c.reasons.co_purchase = { type: 'co_purchase', because: item };
        c.x[5] += add;
      }
    }
    for (const [item, r] of rhythms) {
      if (r.times < 2) continue;
      const info = this.items.get(item);
      if (!info) continue;
      for (const other of this.byKind.get(info.kind) ?? []) {
        const o = this.items.get(other)!;
        if (other === item || rhythms.has(other) || o.price >= info.price * 0.9) continue;
        const c = get(other);
        if (!c) continue;
        c.x[9] = 1;
        c.reasons.cheaper_alternative = { type: 'cheaper_alternative', insteadOf: item, saving: info.price - o.price };
      }
    }
    const visits = new Map<number, number>();
    for (const p of history) if (p.shop !== undefined && this.today - p.day <= 180) visits.set(p.shop, (visits.get(p.shop) ?? 0) + 1);
    const totalVisits = [...visits.values()].reduce((a, b) => a + b, 0);
    for (const [shop, v] of visits) {
      const pop = this.shopPopularity.get(shop);
      if (!pop) continue;
      const max = Math.max(...pop.values());
      // The 40 best sellers of the shop among what is asked for (a category the shopper never bought still has some).
      for (const [item, n] of topAllowed(pop, allow, 40)) {
        const c = get(item);
        if (c) c.x[6] += (v / totalVisits) * (n / max);
      }
    }
    const popular = popularNear ?? this.popularity;
    const maxPop = Math.max(1, ...popular.values());
    for (const [item, n] of topAllowed(popular, allow, 40)) {
      const c = get(item);
      if (c) c.x[7] = n / maxPop;
    }
    for (const c of out.values()) {
      c.x[2] = this.rebuyRate.get(c.item) ?? 0;
      if (!c.x[7]) c.x[7] = (popular.get(c.item) ?? 0) / maxPop;
      // Interactions: own items rank by how often bought × how re-buyable; new items by local popularity.
      c.x[10] = c.x[0] * c.x[2];
      c.x[11] = (1 - c.x[8]) * c.x[6];
    }
    return out;
  }

  /** Learns the ranker: candidates as of `horizon` days before today, labelled by what was bought since. */
  static train(purchases: Purchase[], items: Map<number, ItemInfo>, today: number, options: { horizon?: number; maxCustomers?: number } = {}): RecommenderModel {
    const horizon = options.horizon ?? 28;
    const earlier = new RecommenderModel(purchases, items, today - horizon, horizon);
    const bought = new Map<number, Set<number>>();
    for (const p of purchases) if (p.day > today - horizon && p.day <= today) bought.set(p.customer, (bought.get(p.customer) ?? new Set()).add(p.item));
    const X: number[][] = [];
    const y: number[] = [];
    const customers = earlier.customers().filter((c) => earlier.history(c).length >= 5);
    const step = Math.max(1, Math.floor(customers.length / (options.maxCustomers ?? 800)));
    for (let i = 0; i < customers.length; i += step) {
      const c = customers[i];
      const got = bought.get(c) ?? new Set();
      for (const cand of earlier.candidates(c, () => true).values()) {
        X.push(cand.x);
        y.push(got.has(cand.item) ? 1 : 0);
      }
    }
    const model = new RecommenderModel(purchases, items, today, horizon);
    if (y.some((v) => v) && y.some((v) => !v)) model.ranker = fitLogistic(X, y, FEATURES);
    return model;
  }

  recommend(customer: number, options: { k?: number; allow?: (item: number) => boolean; feedback?: Map<number, number>; popularNear?: Map<number, number> } = {}): Recommendation[] {
    const k = options.k ?? 10;
    const cands = this.candidates(customer, options.allow ?? (() => true), options.popularNear);
    const history = this.history(customer);
    const brandCount = new Map<string, number>();
    for (const p of history) {
      const b = this.items.get(p.item)?.brand;
      if (b) brandCount.set(b, (brandCount.get(b) ?? 0) + 1);
    }
    const topBrand = [...brandCount.entries()].sort((a, b) => b[1] - a[1])[0];
    const loyalty = topBrand && history.length ? topBrand[1] / history.length : 0;
    // Price band: what this shopper usually pays per category (median of list prices of what they bought).
    const paid = new Map<string, number[]>();
    for (const p of history) {
      const info = this.items.get(p.item);
      if (info) paid.set(info.category, [...(paid.get(info.category) ?? []), info.price]);
    }
    const band = new Map([...paid].map(([cat, prices]) => [cat, prices.sort((a, b) => a - b)[prices.length >> 1]]));
    const disliked = new Set([...(options.feedback ?? [])].filter(([, s]) => s <= 2).map(([i]) => this.items.get(i)?.kind));

    const scored: Recommendation[] = [];
    for (const c of cands.values()) {
      let score: number;
      let reason: Reason;
      if (this.ranker) {
        score = predict(this.ranker, c.x);
        // The reason is the source whose features push this item up the most.
        const push = contributions(this.ranker, c.x);
        const bySource = { repurchase: push[0] + push[1] + push[3] + push[8], co_purchase: push[5], cheaper_alternative: push[9], popular: push[6] + push[7] };
        const best = (Object.entries(bySource) as [keyof typeof bySource, number][]).filter(([s]) => c.reasons[s] || s === 'popular').sort((a, b) => b[1] - a[1])[0][0];
        reason = c.reasons[best] ?? { type: 'popular' };
      } else {
        score = c.x.reduce((s, v, j) => s + v * DEFAULT_WEIGHTS[j], 0);
        reason = c.reasons.repurchase ?? c.reasons.co_purchase ?? c.reasons.cheaper_alternative ?? { type: 'popular' };
      }
      const info = this.items.get(c.item);
      if (info && topBrand && loyalty > 0.5) score *= info.brand === topBrand[0] ? 1.2 : 0.85;
      const usual = info ? band.get(info.category) : undefined;
      if (info && usual && info.price > 2 * usual && !c.x[8]) score *= 0.8; // well above their usual price band
      const fb = options.feedback?.get(c.item);
      if (fb !== undefined) score *= fb >= 4 ? 1.5 : fb <= 2 ? 0 : 1;
      if (info && disliked.has(info.kind) && fb === undefined) score *= 0.5;
      if (score > 0) scored.push({ item: c.item, score, reason });
    }
    const top = scored.sort((a, b) => b.score - a.score || a.item - b.item).slice(0, k);
    // The ranker decides which items make the list; the shopper's own items lead, most-bought first
    // (the strongest single signal), then the new items in learned order.
    const own = top.filter((r) => cands.get(r.item)!.x[8]).sort((a, b) => cands.get(b.item)!.x[0] - cands.get(a.item)!.x[0] || b.score - a.score);
    return [...own, ...top.filter((r) => !cands.get(r.item)!.x[8])];
  }
}

/** Baselines for the bench: global popularity, and the shopper's own most-bought items topped up with popularity. */
export function popularityBaseline(purchases: Purchase[], today: number, k: number): number[] {
  const n = new Map<number, number>();
  for (const p of purchases) if (p.day <= today && today - p.day <= 56) n.set(p.item, (n.get(p.item) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1]).slice(0, k).map(([i]) => i);
}

export function repurchasePopularityBaseline(model: RecommenderModel, customer: number, popular: number[], k: number): number[] {
  const n = new Map<number, number>();
  for (const p of model.history(customer)) n.set(p.item, (n.get(p.item) ?? 0) + 1);
  const own = [...n.entries()].sort((a, b) => b[1] - a[1]).map(([i]) => i);
  return [...new Set([...own, ...popular])].slice(0, k);
}

export function recallAt(recommended: number[], relevant: Set<number>, k: number): number {
  if (!relevant.size) return 0;
  return recommended.slice(0, k).filter((i) => relevant.has(i)).length / Math.min(relevant.size, k);
}

export function ndcgAt(recommended: number[], relevant: Set<number>, k: number): number {
  let dcg = 0;
  recommended.slice(0, k).forEach((item, i) => { if (relevant.has(item)) dcg += 1 / Math.log2(i + 2); });
  let ideal = 0;
  for (let i = 0; i < Math.min(relevant.size, k); i++) ideal += 1 / Math.log2(i + 2);
  return ideal ? dcg / ideal : 0;
}

const byCount = new WeakMap<Map<number, number>, [number, number][]>();
/** The `k` items with the highest counts that `allow` lets through; the sorted list is kept per map (maps are not changed after training). */
function topAllowed(counts: Map<number, number>, allow: (item: number) => boolean, k: number): [number, number][] {
  let sorted = byCount.get(counts);
  if (!sorted) byCount.set(counts, (sorted = [...counts.entries()].sort((a, b) => b[1] - a[1])));
  const out: [number, number][] = [];
  for (const entry of sorted) {
    if (out.length >= k) break;
    if (allow(entry[0])) out.push(entry);
  }
  return out;
}

// Photo vector ↔ stored product images (vectors from image-features.ts). Products are ranked by
// their best images (a product with many confirmed shopper photos has more chances to be near), and
// confidence is a softmax over products; once enough photos are confirmed, a trained classifier's
// probabilities are blended in. Two corrections learnt from the stream of shopper photos, no labels
// needed: the query is centred on their running mean, and "hub" images that come out near every
// photo are marked down (HubCorrection).
import type { ProductClassifier } from './classifier.ts';
import { normalised } from './image-features.ts';

/** Bump when features, views or weights change: catalogue vectors of another version are recomputed
 *  from their pictures at the next sync; confirmed shopper photos (kept as vectors only) are not. */
export const IMAGE_FEATURES_VERSION = 'mnv2gem3-hsv540-w06-views3-pile-v2';
/** Softmax temperature over product scores (similarity units). */
const TEMPERATURE = 0.03;
/** How many best images per product count (their mean). */
const TOP_PER_PRODUCT = 3;
/** Nearest images fetched per photo. The hub correction can lift a product past others, so it needs
 *  candidates beyond the first few dozen (60 → 200: cold val R@5 in file order 0.622 → 0.655). */
export const NEIGHBOURS = 200;

export type ImageHit = { imageId: number; productId: number; similarity: number };
export type RankedProduct = { productId: number; score: number; confidence: number };

export function rankProducts(hits: ImageHit[], limit = Infinity): RankedProduct[] {
  const byProduct = new Map<number, number[]>();
  for (const h of hits) byProduct.set(h.productId, [...(byProduct.get(h.productId) ?? []), h.similarity]);
  const scored = [...byProduct].map(([productId, sims]) => {
    sims.sort((a, b) => b - a);
    const top = sims.slice(0, TOP_PER_PRODUCT);
    // A product with fewer images than TOP_PER_PRODUCT is scored on what it has.
    return { productId, score: top.reduce((s, x) => s + x, 0) / top.length };
  }).sort((a, b) => b.score - a.score);
  const best = scored[0]?.score ?? 0;
  const weights = scored.map((s) => Math.exp((s.score - best) / TEMPERATURE));
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  return scored.slice(0, limit).map((s, i) => ({ ...s, confidence: weights[i] / total }));
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Weight of the classifier in the blend (the rest: nearest-neighbour confidence). */
const CLASSIFIER_WEIGHT = 0.85;
/** Queries are centred only after this many photos: a mean of a few is noise. */
const MIN_PHOTOS_FOR_MEAN = 10;

/**
 * Shopper photos differ from catalogue pictures in a shared way (shelves, hands, light). Subtracting
 * the running mean of shopper photos from a query removes that shared part before the search
 * (cold catalogue on the grocery set: R@5 0.41 → 0.51). Only the query moves: the index stays as is.
 */
export class RunningMean {
  private sum: Float64Array | undefined;
  count = 0;

  add(vector: Float32Array): void {
    this.sum ??= new Float64Array(vector.length);
    for (let i = 0; i < vector.length; i++) this.sum[i] += vector[i];
    this.count++;
  }

  centre(vector: Float32Array): Float32Array {
    if (!this.sum || this.count < MIN_PHOTOS_FOR_MEAN) return vector;
    const out = new Float32Array(vector.length);
    for (let i = 0; i < vector.length; i++) out[i] = vector[i] - this.sum[i] / this.count;
    return normalised(out);
  }
}

/** How many of an image's highest similarities to past photos make its "hubness". */
const HUB_NEIGHBOURS = 20;
/** How much of the hubness is taken off (CSLS uses 1 with a symmetric query term; 0.5 measured best here). */
const HUB_PENALTY = 0.5;

/**
 * Some catalogue images are near almost every shopper photo (a plain yellow onion, a potato) and win
 * too often. As in cross-domain similarity local scaling (CSLS, Conneau et al. 2018), each image's
 * similarity is reduced by its mean similarity to the HUB_NEIGHBOURS past photos closest to it.
 * Only the hits of each search are seen, which are the high similarities that matter. Cold catalogue
 * on the grocery set: R@5 +3 points val, +5 train (bench/scan.ts).
 */
export class HubCorrection {
  private readonly nearest = new Map<number, number[]>();
  photos = 0;

  /** Hits with their similarity corrected by what earlier photos showed; then this photo is remembered. */
  apply(hits: ImageHit[]): ImageHit[] {
    const corrected = this.photos < HUB_NEIGHBOURS ? hits : hits.map((h) => ({ ...h, similarity: h.similarity - HUB_PENALTY * this.hubness(h.imageId) }));
    for (const h of hits) {
      const list = this.nearest.get(h.imageId) ?? [];
      list.push(h.similarity);
      list.sort((a, b) => b - a);
      if (list.length > HUB_NEIGHBOURS) list.length = HUB_NEIGHBOURS;
      this.nearest.set(h.imageId, list);
    }
    this.photos++;
    return corrected;
  }

  /** Photos that did not bring the image among their hits count as 0. */
  private hubness(imageId: number): number {
    return (this.nearest.get(imageId) ?? []).reduce((s, x) => s + x, 0) / HUB_NEIGHBOURS;
  }
}

/** What matching learns from the stream of photos (kept per process). */
export type PhotoStream = { mean: RunningMean; hubs: HubCorrection };
export const newPhotoStream = (): PhotoStream => ({ mean: new RunningMean(), hubs: new HubCorrection() });

/** A trained classifier and what kind of thing each product is ("apple", "洗衣液"; see productKind). */
export type TrainedModel = { classifier: ProductClassifier; kindOf: (productId: number) => string | undefined };

/**
 * With calibrated probabilities (the classifier's), variants of one kind often share the mass: 30%
 * Granny Smith + 25% Golden Delicious says "apple" more surely than 35% pear says "pear". The top
 * answer is then the best product of the most likely kind; the rest keep their order (warm catalogue
 * on the grocery set: coarse R@1 0.74 → 0.76–0.78, fine R@1 0.66 → 0.68–0.71). Not applied to
 * neighbour-only confidences, which are not calibrated (there it did not help).
 */
export function mostLikelyKindFirst(ranked: RankedProduct[], kindOf: (productId: number) => string | undefined): RankedProduct[] {
  const kindKey = (productId: number) => kindOf(productId) ?? `product:${productId}`;
  const mass = new Map<string, number>();
  for (const r of ranked) mass.set(kindKey(r.productId), (mass.get(kindKey(r.productId)) ?? 0) + r.confidence);
  const bestKind = [...mass].sort((a, b) => b[1] - a[1])[0]?.[0];
  const top = ranked.find((r) => kindKey(r.productId) === bestKind);
  return top ? [top, ...ranked.filter((r) => r !== top)] : ranked;
}

/** Nearest images → products, blended with the classifier when there is one. */
export async function matchPhoto(vector: Float32Array, search: (query: Float32Array) => Promise<ImageHit[]>, stream: PhotoStream, model: TrainedModel | undefined, limit = 5): Promise<RankedProduct[]> {
  const knn = rankProducts(stream.hubs.apply(await search(stream.mean.centre(vector))));
  stream.mean.add(vector);
  if (!model) return knn.slice(0, limit);
  const blended = new Map<number, number>();
  for (const r of knn) blended.set(r.productId, (1 - CLASSIFIER_WEIGHT) * r.confidence);
  for (const p of model.classifier.predict(vector, 20)) blended.set(p.productId, (blended.get(p.productId) ?? 0) + CLASSIFIER_WEIGHT * p.probability);
  const score = new Map(knn.map((r) => [r.productId, r.score]));
  const ranked = [...blended].map(([productId, confidence]) => ({ productId, confidence, score: score.get(productId) ?? 0 }))
    .sort((a, b) => b.confidence - a.confidence);
  return mostLikelyKindFirst(ranked, model.kindOf).slice(0, limit);
}

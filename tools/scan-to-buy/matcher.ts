// Photo vector ↔ stored product images. One vector per image: the CNN embedding and the colour
// histogram side by side, weighted so that a dot product = CNN cosine + COLOUR_WEIGHT × colour
// cosine (both parts unit length). Products are ranked by their best images (a product with many
// confirmed shopper photos has more chances to be near), and confidence is a softmax over products;
// once enough photos are confirmed, a trained classifier's probabilities are blended in.
import type { ProductClassifier } from './classifier.ts';
import { normalised, type ImageFeatures } from './image-features.ts';

/** Bump when features or weights change: stored vectors of another version are recomputed. */
export const IMAGE_FEATURES_VERSION = 'mnv2gem3-hsv540-w06-v1';
export const COLOUR_WEIGHT = 0.6;
/** Softmax temperature over product scores (similarity units). */
const TEMPERATURE = 0.03;
/** How many best images per product count (their mean). */
const TOP_PER_PRODUCT = 3;

export function matchVector(features: ImageFeatures): Float32Array {
  const out = new Float32Array(features.cnn.length + features.colour.length);
  out.set(features.cnn, 0);
  const w = Math.sqrt(COLOUR_WEIGHT);
  for (let i = 0; i < features.colour.length; i++) out[features.cnn.length + i] = features.colour[i] * w;
  return normalised(out);
}

export type ImageHit = { productId: number; similarity: number };
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

/** Nearest images → products, blended with the classifier when there is one. */
export async function matchPhoto(vector: Float32Array, search: (query: Float32Array) => Promise<ImageHit[]>, mean: RunningMean, classifier: ProductClassifier | undefined, limit = 5): Promise<RankedProduct[]> {
  const knn = rankProducts(await search(mean.centre(vector)));
  mean.add(vector);
  if (!classifier) return knn.slice(0, limit);
  const blended = new Map<number, number>();
  for (const r of knn) blended.set(r.productId, (1 - CLASSIFIER_WEIGHT) * r.confidence);
  for (const p of classifier.predict(vector, 20)) blended.set(p.productId, (blended.get(p.productId) ?? 0) + CLASSIFIER_WEIGHT * p.probability);
  const score = new Map(knn.map((r) => [r.productId, r.score]));
  return [...blended].map(([productId, confidence]) => ({ productId, confidence, score: score.get(productId) ?? 0 }))
    .sort((a, b) => b.confidence - a.confidence).slice(0, limit);
}

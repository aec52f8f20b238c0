// Photo vector ↔ stored product images. One vector per image: the CNN embedding and the colour
// histogram side by side, weighted so that a dot product = CNN cosine + COLOUR_WEIGHT × colour
// cosine (both parts unit length). Products are ranked by their best images (a product with many
// confirmed shopper photos has more chances to be near), and confidence is a softmax over products.
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

export function rankProducts(hits: ImageHit[], limit = 5): RankedProduct[] {
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

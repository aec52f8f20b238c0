// The ranking rules of scan-to-buy on hand-made similarities: products ranked by their best images,
// confidence as a softmax, and the hub correction that stops one look-alike picture winning every scan.
import { describe, expect, it } from 'vitest';
import { HubCorrection, mostLikelyKindFirst, rankProducts, type ImageHit } from '../../tools/scan-to-buy/matcher.ts';

const hit = (imageId: number, productId: number, similarity: number): ImageHit => ({ imageId, productId, similarity });

describe('scan matching', () => {
  it('ranks products by their best images and gives the clear winner most of the confidence', () => {
    const ranked = rankProducts([hit(1, 10, 0.9), hit(2, 10, 0.88), hit(3, 20, 0.7), hit(4, 30, 0.5)]);
    expect(ranked.map((r) => r.productId)).toEqual([10, 20, 30]);
    expect(ranked[0].confidence).toBeGreaterThan(0.99);
    expect(ranked.reduce((s, r) => s + r.confidence, 0)).toBeCloseTo(1, 6);
  });

  it('marks down a picture that comes out near every photo, once enough photos were seen', () => {
    const hubs = new HubCorrection();
    // Image 1 (an onion-like picture) is close to every photo; image 2 only to photos of its own product.
    for (let i = 0; i < 25; i++) hubs.apply([hit(1, 10, 0.62), hit(2, 20, i % 5 === 0 ? 0.65 : 0.3)]);
    const photoOfProduct20 = [hit(1, 10, 0.62), hit(2, 20, 0.6)];
    expect(rankProducts(photoOfProduct20)[0].productId).toBe(10); // raw similarity: the hub wins
    expect(rankProducts(hubs.apply(photoOfProduct20))[0].productId).toBe(20);
  });

  it('leaves the first photos alone: a few photos say nothing about hubs', () => {
    const hubs = new HubCorrection();
    const hits = [hit(1, 10, 0.62), hit(2, 20, 0.6)];
    for (let i = 0; i < 5; i++) expect(hubs.apply(hits)).toEqual(hits);
  });

  it('answers with the most likely kind when its variants share the probability', () => {
    const kinds = new Map([[1, 'pear'], [2, 'apple'], [3, 'apple'], [4, 'apple']]);
    const ranked = [
      { productId: 1, confidence: 0.35, score: 0 },
      { productId: 2, confidence: 0.3, score: 0 }, // Granny Smith
      { productId: 3, confidence: 0.25, score: 0 }, // Golden Delicious
      { productId: 5, confidence: 0.1, score: 0 }, // no kind known: a kind of its own
    ];
    expect(mostLikelyKindFirst(ranked, (id) => kinds.get(id)).map((r) => r.productId)).toEqual([2, 1, 3, 5]);
    // One clear kind: the order stays.
    expect(mostLikelyKindFirst(ranked.slice(0, 2), (id) => kinds.get(id)).map((r) => r.productId)).toEqual([1, 2]);
  });
});

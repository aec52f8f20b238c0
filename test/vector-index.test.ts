// The embedded Chroma server and the vector index on the fixture store: usage words find products
// names alone miss, images go through the index, and when Chroma goes away answers still come from
// store search (and say so) — nothing crashes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromaAlive, startEmbeddedChroma, type ChromaServer } from '../tools/catalogue/chroma-server.ts';
import { HashingTextEmbedder } from '../tools/catalogue/text-embedding.ts';
import { VectorIndex } from '../tools/catalogue/vector-index.ts';
import { syncIndex } from '../tools/catalogue/index-sync.ts';
import { nearbyShops } from '../tools/nearby-shops.ts';
import { recommend } from '../tools/recommend/index.ts';
import { IMAGE_FEATURES_VERSION } from '../tools/scan-to-buy/matcher.ts';
import { shopperAtCampus, useFixture } from './helpers/deps.ts';

const fx = useFixture();
let dir: string;
let server: ChromaServer;
let index: VectorIndex;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chroma-test-'));
  server = await startEmbeddedChroma({ path: dir });
  index = await VectorIndex.connect({ url: server.url, embedder: new HashingTextEmbedder(), imageVersion: IMAGE_FEATURES_VERSION, db: fx.db });
  fx.deps.products.vectors = index;
}, 30_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('vector index (embedded Chroma)', () => {
  it('builds from the store, then only catches up with what changed', async () => {
    const [text, images] = await syncIndex(fx.deps, () => {});
    expect(text).toMatchObject({ total: 3, added: 3, removed: 0 });
    // The demo pictures went into the index as they were drawn: nothing left to add.
    expect(images).toMatchObject({ total: 2, added: 0, removed: 0 });
    const { viaIndex, hits } = await fx.deps.images.search(new Float32Array(2332).fill(1 / Math.sqrt(2332)));
    expect(viaIndex).toBe(true);
    expect(new Set(hits.map((h) => h.productId))).toEqual(new Set([1, 3]));
    await fx.db.product.update({ where: { id: 3 }, data: { nameEn: 'Blue Moon hand soap 500ml' } });
    expect(await index.syncText()).toMatchObject({ total: 3, added: 1, removed: 0 });
    expect(await index.syncText()).toMatchObject({ added: 0 });
  });

  it('finds products by what they are for, in zh and en', async () => {
    for (const query of ['洗衣服用的', 'laundry stuff', 'something to wash clothes']) {
      const found = await fx.deps.products.find(query, 5);
      expect(found.semantic).toBe(true);
      expect(found.matches[0].product.itemZh).toBe('洗衣液');
    }
    // Names alone get this one wrong ("wash" → hand wash).
    expect(fx.deps.products.search('something to wash clothes', 5)[0].product.itemZh).toBe('洗手液');
    const near: any = await nearbyShops.run(fx.deps, shopperAtCampus, nearbyShops.input.parse({ query: '洗衣服用的' }));
    expect(near.status).toBe('ok');
    expect(near.results[0].offer.productName).toContain('洗衣液');
    // recommend narrows to a stated need by meaning: Emma's usual hand wash drops out.
    const emma = { ...shopperAtCampus, caller: { role: 'shopper' as const, customerId: 2 } };
    const all: any = await recommend.run(fx.deps, emma, recommend.input.parse({}));
    expect(all.items.map((i: any) => i.productId)).toContain(3);
    const laundry: any = await recommend.run(fx.deps, emma, recommend.input.parse({ need: 'something to wash clothes' }));
    expect(laundry.items.length).toBeGreaterThan(0);
    expect(laundry.items.every((i: any) => [1, 2].includes(i.productId))).toBe(true);
  });

  it('falls back to store search when Chroma is down, without crashing', async () => {
    await server.stop();
    expect(await chromaAlive(server.url)).toBe(false);
    const found = await fx.deps.products.find('蓝月亮洗衣液', 5);
    expect(found.semantic).toBe(false);
    expect(found.matches[0].product.id).toBe(1);
    const { viaIndex, hits } = await fx.deps.images.search(new Float32Array(2332).fill(1 / Math.sqrt(2332)));
    expect(viaIndex).toBe(false);
    expect(hits.length).toBeGreaterThan(0);
    expect(index.available).toBe(false);
    const near: any = await nearbyShops.run(fx.deps, shopperAtCampus, nearbyShops.input.parse({ query: '蓝月亮洗衣液' }));
    expect(near).toMatchObject({ status: 'ok', lessPrecise: true });
  });
});

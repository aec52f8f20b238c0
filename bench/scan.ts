// npm run bench:scan — scan-to-buy accuracy and speed on ../shared/data/grocery (81 products).
//   cold: index = the 81 catalogue ("iconic") images; queries = shopper photos in val/ (and train/).
//   warm: index = catalogue images + the shopper photos in train/ as confirmed matches (the learning
//         loop); queries = val/.
// Recall@1/@5 for the fine (product) and coarse (kind, e.g. "apple") class, through the same Chroma
// image collection and ranking the tool uses; ms per photo for features and for the query; peak RSS.
// Matching learns from the stream of photos (running mean, hub correction), so the order of the
// photos matters: the list files are sorted by product, which no shop sees; the figures are given for
// that order and for shuffled orders (5 fixed seeds: mean, min–max).
// Vectors are cached under data/cache/scan (first run ≈ 7 min for 3,000 photos).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChromaClient } from 'chromadb';
import { startEmbeddedChroma } from '../tools/catalogue/chroma-server.ts';
import { catalogueVector, photoVector } from '../tools/scan-to-buy/image-features.ts';
import { ProductClassifier } from '../tools/scan-to-buy/classifier.ts';
import { matchPhoto, NEIGHBOURS, newPhotoStream, type TrainedModel } from '../tools/scan-to-buy/matcher.ts';
import { openStore } from '../prisma/store.ts';
import { databaseUrl } from '../prisma/url.ts';
import { syncIndex } from '../tools/catalogue/index-sync.ts';
import { startVectorIndex } from '../tools/catalogue/vector-runtime.ts';
import { createToolDeps } from '../tools/deps.ts';
import { scanToBuy } from '../tools/scan-to-buy/index.ts';
import { dataset } from './real-data.ts';
import { cachedVectors } from './scan/feature-cache.ts';
import { groceryPhotos, groceryProducts, type GroceryPhoto } from './scan/grocery.ts';

const root = dataset('grocery');
if (!root) process.exit(0);
const products = groceryProducts(root);
const coarseOf = new Map(products.map((p) => [p.fineId, p.coarseId]));
const val = groceryPhotos(root, 'val');
const train = groceryPhotos(root, 'train');
let peakRss = process.memoryUsage().rss;
const sample = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
const say = (n: number) => (done: number) => { if (done % 200 === 0) console.log(`  features ${done}/${n}`); sample(); };

console.log('Vectors (cached after the first run)…');
const soldLoose = new Map(products.map((p) => [p.iconic, p.group !== 'Packages'])); // as the import files them: produce → fresh
const iconic = await cachedVectors('iconic', products.map((p) => p.iconic), (path) => catalogueVector(readFileSync(path), soldLoose.get(path)!));
const valV = await cachedVectors('val', val.map((p) => p.path), (path) => photoVector(readFileSync(path)), say(val.length));
const trainV = await cachedVectors('train', train.map((p) => p.path), (path) => photoVector(readFileSync(path)), say(train.length));

/** A fixed-seed shuffle (the same orders on every run). */
function shuffled(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let state = seed;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
const SEEDS = [1, 2, 3, 4, 5];

const dir = mkdtempSync(join(tmpdir(), 'bench-scan-'));
const server = await startEmbeddedChroma({ path: dir });
const u = new URL(server.url);
const client = new ChromaClient({ host: u.hostname, port: Number(u.port), ssl: false });
try {
  type Recall = { f1: number; f5: number; c1: number; c5: number; queryMs: number };
  async function recall(index: { fineId: number; vector: Float32Array }[], queries: GroceryPhoto[], vectors: Float32Array[], order: number[], model?: TrainedModel, confirmed: Float32Array[] = []): Promise<Recall> {
    // As in the tool: the running mean starts from the confirmed photos; the hub correction from nothing.
    const stream = newPhotoStream();
    for (const v of confirmed) stream.mean.add(v);
    const collection = await client.createCollection({ name: `bench-${Math.random().toString(36).slice(2, 10)}`, embeddingFunction: null, configuration: { hnsw: { space: 'cosine' } } });
    for (let i = 0; i < index.length; i += 1000) {
      const batch = index.slice(i, i + 1000);
      await collection.add({ ids: batch.map((_, j) => `img-${i + j}`), embeddings: batch.map((e) => Array.from(e.vector)), metadatas: batch.map((e) => ({ productId: e.fineId })) });
    }
    const hit = { f1: 0, f5: 0, c1: 0, c5: 0 };
    let queryMs = 0;
    for (const i of order) {
      const q = queries[i];
      const t0 = performance.now();
      const search = async (query: Float32Array) => {
        const result = await collection.query({ queryEmbeddings: [Array.from(query)], nResults: Math.min(NEIGHBOURS, index.length), include: ['metadatas', 'distances'] });
        return result.metadatas[0].map((m, k) => ({ imageId: Number(result.ids[0][k].slice(4)), productId: Number(m?.productId), similarity: 1 - (result.distances[0][k] ?? 1) }));
      };
      const ranked = await matchPhoto(vectors[i], search, stream, model, 81);
      queryMs += performance.now() - t0;
      const fineRank = ranked.findIndex((r) => r.productId === q.fineId);
      const coarse = [...new Set(ranked.map((r) => coarseOf.get(r.productId)))];
      const coarseRank = coarse.indexOf(q.coarseId);
      if (fineRank === 0) hit.f1++;
      if (fineRank >= 0 && fineRank < 5) hit.f5++;
      if (coarseRank === 0) hit.c1++;
      if (coarseRank >= 0 && coarseRank < 5) hit.c5++;
    }
    await client.deleteCollection({ name: collection.name });
    sample();
    const n = queries.length;
    return { f1: hit.f1 / n, f5: hit.f5 / n, c1: hit.c1 / n, c5: hit.c5 / n, queryMs: queryMs / n };
  }
  async function evaluate(name: string, index: { fineId: number; vector: Float32Array }[], queries: GroceryPhoto[], vectors: Float32Array[], options: { model?: TrainedModel; confirmed?: Float32Array[] } = {}) {
    const inFileOrder = await recall(index, queries, vectors, queries.map((_, i) => i), options.model, options.confirmed);
    const runs: Recall[] = [];
    for (const seed of SEEDS) runs.push(await recall(index, queries, vectors, shuffled(queries.length, seed), options.model, options.confirmed));
    const f = (x: number) => x.toFixed(3);
    const spread = (key: keyof Recall) => {
      const xs = runs.map((r) => r[key]);
      return `${f(xs.reduce((s, x) => s + x, 0) / xs.length)} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
    };
    console.log(`  ${name}  (${index.length} images, ${queries.length} photos, query ${inFileOrder.queryMs.toFixed(1)} ms)`);
    console.log(`    file order  fine R@1 ${f(inFileOrder.f1)}  R@5 ${f(inFileOrder.f5)}   coarse R@1 ${f(inFileOrder.c1)}  R@5 ${f(inFileOrder.c5)}`);
    console.log(`    shuffled    fine R@1 ${spread('f1')}  R@5 ${spread('f5')}   coarse R@1 ${spread('c1')}  R@5 ${spread('c5')}`);
  }
  const cold = products.map((p, i) => ({ fineId: p.fineId, vector: iconic[i] }));
  console.log('Recall (Chroma image collection, the tool\'s ranking):');
  await evaluate('cold: catalogue → val', cold, val, valV);
  await evaluate('cold: catalogue → train', cold, train, trainV);
  const warm = [...cold, ...train.map((p, i) => ({ fineId: p.fineId, vector: trainV[i] }))];
  await evaluate('warm, neighbours only → val', warm, val, valV, { confirmed: trainV });
  const t0 = performance.now();
  const classifier = await ProductClassifier.train(warm.map((e) => ({ productId: e.fineId, vector: e.vector })));
  console.log(`  (classifier trained on ${warm.length} images in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  await evaluate('warm + classifier → val', warm, val, valV, { model: { classifier, kindOf: (id) => String(coarseOf.get(id)) }, confirmed: trainV });

  // Speed of the real pipeline (decode, two CNN views, colour) on 40 val photos, after one warm-up.
  await photoVector(readFileSync(val[0].path));
  let featureMs = 0;
  const timed = val.filter((_, i) => i % 7 === 0).slice(0, 40);
  for (const p of timed) {
    const t0 = performance.now();
    await photoVector(readFileSync(p.path));
    featureMs += performance.now() - t0;
    sample();
  }
  console.log(`Features: ${(featureMs / timed.length).toFixed(0)} ms per photo (decode + 3 views, each CNN + colour; ${timed.length} val photos, WASM backend, 1 thread)`);
  await endToEnd(timed.map((p) => p.path));
  console.log(`Peak RSS of this process: ${(peakRss / 1048576).toFixed(0)} MB`);
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** scan_to_buy end to end (checks, features, index query, offers) on the default store, when the
 *  grocery catalogue was imported there (`npm run import -- grocery …`). */
async function endToEnd(paths: string[]) {
  const db = await openStore(databaseUrl());
  try {
    const imported = await db.product.findUnique({ where: { sku: 'GROCERY-000' } }).catch(() => null); // no store yet: null
    if (!imported) {
      console.log('End to end: skipped (import the grocery catalogue first: npm run import -- grocery ../shared/data/grocery)');
      return;
    }
    const chromaDir = mkdtempSync(join(tmpdir(), 'bench-scan-tool-'));
    const vectors = await startVectorIndex(db, { ...process.env, CHROMA_URL: '', CHROMA_PATH: chromaDir }, () => {});
    const deps = await createToolDeps(db, vectors.index);
    await syncIndex(deps, () => {});
    const ctx = { caller: { role: 'shopper' as const, customerId: 1 }, locale: 'en' as const, now: new Date(), location: { lat: 30.5405, lng: 114.362 } };
    const times: number[] = [];
    for (const path of paths) {
      const t0 = performance.now();
      await scanToBuy.run(deps, { ...ctx, photo: new Uint8Array(readFileSync(path)) }, scanToBuy.input.parse({}));
      times.push(performance.now() - t0);
      sample();
    }
    times.sort((a, b) => a - b);
    console.log(`End to end through scan_to_buy (${times.length} val photos, index of ${await deps.images.count()} images, model already loaded): median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(0)} ms`);
    await vectors.stop();
    rmSync(chromaDir, { recursive: true, force: true });
  } finally {
    await db.$disconnect();
  }
}

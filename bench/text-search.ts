// npm run bench:text — product text search on a labelled zh/en query set (bench/text-queries.ts):
// Recall@5 (a relevant item among the first five) and precision@5, for store (lexical) search alone,
// the Chroma vector index alone, and the two merged as the tools use them. Needs the demo store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrl } from '../prisma/url.ts';
import { migrate, openStore } from '../prisma/store.ts';
import { seedIfEmpty } from '../prisma/seed/index.ts';
import { startEmbeddedChroma } from '../tools/catalogue/chroma-server.ts';
import { ProductIndex } from '../tools/catalogue/product-search.ts';
import { HashingTextEmbedder } from '../tools/catalogue/text-embedding.ts';
import { VectorIndex } from '../tools/catalogue/vector-index.ts';
import { TEXT_QUERIES } from './text-queries.ts';

const url = databaseUrl();
migrate(url);
const db = await openStore(url);
await seedIfEmpty(db);
const dir = mkdtempSync(join(tmpdir(), 'bench-chroma-'));
const server = await startEmbeddedChroma({ path: dir });
try {
  const products = await ProductIndex.load(db);
  const vectors = await VectorIndex.connect({ url: server.url, embedder: new HashingTextEmbedder(), imageVersion: 'none', db });
  const sync = await vectors.syncText();
  console.log(`indexed ${sync.total} products in ${(sync.ms / 1000).toFixed(1)} s`);
  const itemOf = (id: number) => products.get(id)?.itemZh ?? '';
  const score = (ids: number[], relevant: string[]) => {
    const top = ids.slice(0, 5).map(itemOf);
    return { hit: top.some((i) => relevant.includes(i)) ? 1 : 0, precision: top.length ? top.filter((i) => relevant.includes(i)).length / 5 : 0 };
  };
  const totals = { lexical: { hit: 0, precision: 0 }, vector: { hit: 0, precision: 0 }, merged: { hit: 0, precision: 0 } };
  const misses: string[] = [];
  let queryMs = 0;
  for (const { query, relevant } of TEXT_QUERIES) {
    const lexical = products.search(query, 5).map((m) => m.product.id);
    const vector = ((await vectors.searchText(query, 5)) ?? []).map((h) => h.productId);
    const t0 = performance.now();
    products.vectors = vectors;
    const merged = (await products.find(query, 5)).matches.map((m) => m.product.id);
    queryMs += performance.now() - t0;
    products.vectors = undefined;
    for (const [name, ids] of [['lexical', lexical], ['vector', vector], ['merged', merged]] as const) {
      const s = score(ids, relevant);
      totals[name].hit += s.hit;
      totals[name].precision += s.precision;
    }
    if (!score(merged, relevant).hit) misses.push(`${query} → ${merged.slice(0, 3).map(itemOf).join(', ')}`);
  }
  const n = TEXT_QUERIES.length;
  console.log(`${n} queries (zh and en)            Recall@5   Precision@5`);
  for (const [name, t] of Object.entries(totals)) console.log(`  ${name.padEnd(30)} ${(t.hit / n).toFixed(3).padStart(8)}   ${(t.precision / n).toFixed(3).padStart(10)}`);
  console.log(`merged search: ${(queryMs / n).toFixed(1)} ms per query`);
  if (misses.length) console.log(`misses (merged):\n  ${misses.join('\n  ')}`);
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  await db.$disconnect();
}

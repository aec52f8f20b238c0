// Builds what every tool runs on: the store, the catalogue (with the vector index when one runs),
// stored product images and the chats' last scans.
import type { Store } from '../prisma/store.ts';
import { ProductIndex } from './catalogue/product-search.ts';
import type { VectorIndex } from './catalogue/vector-index.ts';
import type { ToolDeps } from './context.ts';
import { ImageCatalogue } from './scan-to-buy/image-catalogue.ts';
import { ScanMemory } from './scan-to-buy/scan-memory.ts';

export async function createToolDeps(db: Store, vectors?: VectorIndex, log?: (line: string) => void): Promise<ToolDeps> {
  const products = await ProductIndex.load(db);
  products.vectors = vectors;
  return { db, products, images: new ImageCatalogue(db, () => products.vectors, log), scans: new ScanMemory(), log };
}

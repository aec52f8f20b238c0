// Stored product images as a searchable set: through the Chroma image collection when it is up,
// else brute force over the vectors in the store (the store is the source of truth; a few thousand
// 2,332-d dot products take a few ms). New images go to both.
import type { Store } from '../../prisma/store.ts';
import type { VectorIndex } from '../catalogue/vector-index.ts';
import { bytesToVector, vectorToBytes } from '../catalogue/vector-index.ts';
import { CATALOGUE_VIEWS, imageFeatures } from './image-features.ts';
import { dot, IMAGE_FEATURES_VERSION, matchVector, type ImageHit } from './matcher.ts';

type Loaded = { productId: number; vector: Float32Array }[];
const NEIGHBOURS = 60;

export class ImageCatalogue {
  private loaded: { rows: Loaded; count: number } | undefined;

  constructor(private readonly db: Store, private readonly vectors: () => VectorIndex | undefined) {}

  /** Nearest stored images; `exact` is false when the vector index was not used (fallback). */
  async search(vector: Float32Array, limit = NEIGHBOURS): Promise<{ hits: ImageHit[]; viaIndex: boolean }> {
    const fromIndex = await this.vectors()?.searchImages(vector, limit);
    if (fromIndex) return { hits: fromIndex, viaIndex: true };
    const rows = await this.rows();
    const hits = rows.map((r) => ({ productId: r.productId, similarity: dot(vector, r.vector) }));
    hits.sort((a, b) => b.similarity - a.similarity);
    return { hits: hits.slice(0, limit), viaIndex: false };
  }

  async count(): Promise<number> {
    return this.db.productImage.count({ where: { modelVersion: IMAGE_FEATURES_VERSION } });
  }

  private async rows(): Promise<Loaded> {
    const count = await this.count();
    if (this.loaded?.count === count) return this.loaded.rows;
    const stored = await this.db.productImage.findMany({ where: { modelVersion: IMAGE_FEATURES_VERSION }, select: { productId: true, vector: true } });
    const rows = stored.map((r) => ({ productId: r.productId, vector: bytesToVector(r.vector) }));
    this.loaded = { rows, count };
    return rows;
  }

  /** A catalogue picture for a product (import, seed): stored with its bytes, indexed. */
  async addCatalogueImage(productId: number, bytes: Uint8Array, mime: string, precomputed?: Float32Array): Promise<number> {
    const vector = precomputed ?? matchVector(await imageFeatures(bytes, CATALOGUE_VIEWS));
    const row = await this.db.productImage.create({ data: { productId, source: 'catalogue', mime, bytes: new Uint8Array(bytes), vector: vectorToBytes(vector), modelVersion: IMAGE_FEATURES_VERSION } });
    await this.vectors()?.addImage({ id: row.id, productId, source: 'catalogue', vector });
    return row.id;
  }

  /** A shopper's confirmed photo: only its vector is kept, with who agreed and when. */
  async addShopperPhoto(productId: number, customerId: number, vector: Float32Array, consentAt: Date): Promise<number> {
    const row = await this.db.productImage.create({ data: { productId, source: 'shopper', vector: vectorToBytes(vector), modelVersion: IMAGE_FEATURES_VERSION, customerId, consentAt } });
    await this.vectors()?.addImage({ id: row.id, productId, source: 'shopper', vector });
    return row.id;
  }
}

/** The catalogue picture of a product to show in a reply, if it has one. */
export async function catalogueImage(db: Store, productId: number): Promise<{ bytes: Uint8Array; mime: string } | undefined> {
  const row = await db.productImage.findFirst({ where: { productId, source: 'catalogue', bytes: { not: null } }, select: { bytes: true, mime: true }, orderBy: { id: 'asc' } });
  return row?.bytes ? { bytes: row.bytes, mime: row.mime ?? 'image/jpeg' } : undefined;
}

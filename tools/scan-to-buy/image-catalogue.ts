// Stored product images as a searchable set: through the Chroma image collection when it is up,
// else brute force over the vectors in the store (the store is the source of truth; a few thousand
// 2,332-d dot products take a few ms). New images go to both. Also holds what the learning loop
// learns: the running mean of shopper photos and the classifier over confirmed photos.
import type { Store } from '../../prisma/store.ts';
import type { VectorIndex } from '../catalogue/vector-index.ts';
import { bytesToVector, vectorToBytes } from '../catalogue/vector-index.ts';
import { catalogueVector, isSoldLoose } from './image-features.ts';
import { ProductClassifier } from './classifier.ts';
import { dot, IMAGE_FEATURES_VERSION, matchPhoto, NEIGHBOURS, newPhotoStream, type ImageHit, type RankedProduct, type TrainedModel } from './matcher.ts';

type Loaded = { id: number; productId: number; vector: Float32Array }[];
/** The classifier is worth training once shoppers have confirmed this many photos… */
const MIN_CONFIRMED_FOR_CLASSIFIER = 20;
/** …and retrained when the confirmed photos grew by this share since the last training. */
const RETRAIN_GROWTH = 0.1;

export class ImageCatalogue {
  private loaded: { rows: Loaded; count: number } | undefined;
  private readonly stream = newPhotoStream();
  private meanReady: Promise<void> | undefined;
  private model: TrainedModel | undefined;
  private training: Promise<void> | undefined;
  private confirmedAtTraining = 0;

  constructor(private readonly db: Store, private readonly vectors: () => VectorIndex | undefined, private readonly log: (line: string) => void = () => {}) {}

  /** The best products for a photo's vector (see matcher.ts); `viaIndex` false = store fallback. */
  async match(vector: Float32Array, limit = 5): Promise<{ ranked: RankedProduct[]; viaIndex: boolean }> {
    // The running mean starts from the photos shoppers confirmed earlier.
    this.meanReady ??= this.shopperVectors().then((rows) => rows.forEach((r) => this.stream.mean.add(r.vector)));
    await this.meanReady;
    let viaIndex = true;
    const ranked = await matchPhoto(vector, async (query) => {
      const found = await this.search(query);
      viaIndex = found.viaIndex;
      return found.hits;
    }, this.stream, this.model, limit);
    return { ranked, viaIndex };
  }

  /** Retrains the classifier in the background when enough new photos were confirmed; never blocks a scan. */
  async maybeRetrain(): Promise<void> {
    if (this.training) return this.training;
    const confirmed = await this.db.productImage.count({ where: { source: 'shopper', modelVersion: IMAGE_FEATURES_VERSION } });
    if (confirmed < MIN_CONFIRMED_FOR_CLASSIFIER || confirmed <= this.confirmedAtTraining * (1 + RETRAIN_GROWTH)) return;
    this.training = (async () => {
      const started = performance.now();
      const rows = await this.db.productImage.findMany({ where: { modelVersion: IMAGE_FEATURES_VERSION }, select: { productId: true, vector: true } });
      const classifier = await ProductClassifier.train(rows.map((r) => ({ productId: r.productId, vector: bytesToVector(r.vector) })));
      const kinds = await productKinds(this.db);
      this.model = { classifier, kindOf: (productId) => kinds.get(productId) };
      this.confirmedAtTraining = confirmed;
      this.log(`scan-to-buy: classifier retrained on ${rows.length} images (${confirmed} confirmed by shoppers) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    })().catch((error) => this.log(`scan-to-buy: classifier training failed: ${(error as Error).message}`)).finally(() => { this.training = undefined; });
    return this.training;
  }

  get hasClassifier(): boolean {
    return this.model !== undefined;
  }

  private async shopperVectors(): Promise<Loaded> {
    const rows = await this.db.productImage.findMany({ where: { source: 'shopper', modelVersion: IMAGE_FEATURES_VERSION }, select: { id: true, productId: true, vector: true } });
    return rows.map((r) => ({ id: r.id, productId: r.productId, vector: bytesToVector(r.vector) }));
  }

  /** Nearest stored images; `exact` is false when the vector index was not used (fallback). */
  async search(vector: Float32Array, limit = NEIGHBOURS): Promise<{ hits: ImageHit[]; viaIndex: boolean }> {
    const fromIndex = await this.vectors()?.searchImages(vector, limit);
    if (fromIndex) return { hits: fromIndex.map((h) => ({ imageId: h.imageId, productId: h.productId, similarity: h.similarity })), viaIndex: true };
    const rows = await this.rows();
    const hits = rows.map((r) => ({ imageId: r.id, productId: r.productId, similarity: dot(vector, r.vector) }));
    hits.sort((a, b) => b.similarity - a.similarity);
    return { hits: hits.slice(0, limit), viaIndex: false };
  }

  async count(): Promise<number> {
    return this.db.productImage.count({ where: { modelVersion: IMAGE_FEATURES_VERSION } });
  }

  private async rows(): Promise<Loaded> {
    const count = await this.count();
    if (this.loaded?.count === count) return this.loaded.rows;
    const stored = await this.db.productImage.findMany({ where: { modelVersion: IMAGE_FEATURES_VERSION }, select: { id: true, productId: true, vector: true } });
    const rows = stored.map((r) => ({ id: r.id, productId: r.productId, vector: bytesToVector(r.vector) }));
    this.loaded = { rows, count };
    return rows;
  }

  /** A catalogue picture for a product (import, seed): stored with its bytes, indexed. */
  async addCatalogueImage(productId: number, bytes: Uint8Array, mime: string, precomputed?: Float32Array): Promise<number> {
    const vector = precomputed ?? await catalogueVector(bytes, await this.soldLoose(productId));
    const row = await this.db.productImage.create({ data: { productId, source: 'catalogue', mime, bytes: new Uint8Array(bytes), vector: vectorToBytes(vector), modelVersion: IMAGE_FEATURES_VERSION } });
    await this.vectors()?.addImage({ id: row.id, productId, source: 'catalogue', vector });
    return row.id;
  }

  /**
   * Catalogue pictures indexed with an older features version get their vector recomputed from the
   * stored picture (after an upgrade); the sync then indexes them. Shopper photos were never kept,
   * so their old vectors stay out of matching. Returns how many were recomputed.
   */
  async refreshStaleVectors(progress?: (done: number, total: number) => void): Promise<number> {
    const where = { source: 'catalogue', bytes: { not: null }, modelVersion: { not: IMAGE_FEATURES_VERSION } };
    const total = await this.db.productImage.count({ where });
    let done = 0;
    let afterId = 0;
    for (;;) {
      // A page at a time: the pictures' bytes of a large catalogue do not fit in memory at once.
      const page = await this.db.productImage.findMany({ where: { ...where, id: { gt: afterId } }, select: { id: true, bytes: true, product: { select: { category: true } } }, orderBy: { id: 'asc' }, take: 50 });
      if (!page.length) break;
      for (const row of page) {
        afterId = row.id;
        try {
          const vector = await catalogueVector(row.bytes!, isSoldLoose(row.product.category));
          await this.db.productImage.update({ where: { id: row.id }, data: { vector: vectorToBytes(vector), modelVersion: IMAGE_FEATURES_VERSION } });
        } catch (error) {
          this.log(`scan-to-buy: picture ${row.id} could not be recomputed: ${(error as Error).message}`);
        }
        done++; // not inside progress?.(…): an absent callback would skip the increment
        progress?.(done, total);
      }
    }
    if (done) this.log(`scan-to-buy: recomputed ${done} catalogue picture vectors for features ${IMAGE_FEATURES_VERSION}`);
    return done;
  }

  private async soldLoose(productId: number): Promise<boolean> {
    const product = await this.db.product.findUnique({ where: { id: productId }, select: { category: true } });
    return isSoldLoose(product?.category ?? '');
  }

  /** A shopper's confirmed photo: only its vector is kept, with who agreed and when. */
  async addShopperPhoto(productId: number, customerId: number, vector: Float32Array, consentAt: Date): Promise<number> {
    const row = await this.db.productImage.create({ data: { productId, source: 'shopper', vector: vectorToBytes(vector), modelVersion: IMAGE_FEATURES_VERSION, customerId, consentAt } });
    await this.vectors()?.addImage({ id: row.id, productId, source: 'shopper', vector });
    void this.maybeRetrain();
    return row.id;
  }
}

/** What kind of thing each product is: the grocery kind ("Apple") or the demo item type ("洗衣液"). */
async function productKinds(db: Store): Promise<Map<number, string>> {
  const rows = await db.product.findMany({ select: { id: true, attributes: true } });
  const kinds = new Map<number, string>();
  for (const r of rows) {
    const a = (r.attributes ?? {}) as Record<string, unknown>;
    const kind = a.coarse ?? a.itemZh;
    if (typeof kind === 'string' && kind) kinds.set(r.id, kind);
  }
  return kinds;
}

/** The catalogue picture of a product to show in a reply, if it has one. */
export async function catalogueImage(db: Store, productId: number): Promise<{ bytes: Uint8Array; mime: string } | undefined> {
  const row = await db.productImage.findFirst({ where: { productId, source: 'catalogue', bytes: { not: null } }, select: { bytes: true, mime: true }, orderBy: { id: 'asc' } });
  return row?.bytes ? { bytes: row.bytes, mime: row.mime ?? 'image/jpeg' } : undefined;
}

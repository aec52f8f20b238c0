// The Chroma vector index beside the Prisma store: product text (names zh/en, brand, category,
// description) and product images. The store is the source of truth; the index is rebuilt from it
// (`npm run index:rebuild`) and kept in step incrementally (sync compares ids and update times).
// When Chroma is down, calls return undefined and callers fall back to store search; a later call
// reconnects and catches up.
import { ChromaClient, type Collection } from 'chromadb';
import type { Store } from '../../prisma/store.ts';
import { CATEGORIES, type Category } from './categories.ts';
import type { TextEmbedder } from './text-embedding.ts';

export type VectorHit = { productId: number; similarity: number; metadata: Record<string, unknown> };
export type SyncReport = { collection: string; total: number; added: number; removed: number; ms: number };
export type Progress = (done: number, total: number) => void;
export type ImageRecord = { id: number; productId: number; source: string; vector: Float32Array };

/** Chroma's add/upsert batch limit is 5461 rows; stay well below. */
const BATCH = 1000;
const RETRY_AFTER_MS = 5000;

export function productDocument(p: { nameZh: string; nameEn: string; brand: string; category: string; descriptionZh: string; descriptionEn: string; attributes: unknown }): string {
  const a = (p.attributes ?? {}) as Record<string, string>;
  const category = CATEGORIES[p.category as Category];
  return [p.nameZh, p.nameEn, p.brand, a.itemZh, a.itemEn, category?.zh, category?.en, p.descriptionZh, p.descriptionEn].filter(Boolean).join(' · ');
}

export class VectorIndex {
  private client: ChromaClient;
  private collections = new Map<string, Collection>();
  private up = false;
  private lastCheck = 0;
  private reconnecting: Promise<void> | undefined;

  private constructor(public url: string, readonly embedder: TextEmbedder, readonly imageVersion: string, private readonly db: Store, private readonly log: (line: string) => void) {
    this.client = clientFor(url);
  }

  /** Never throws: an index that cannot be reached starts as unavailable and retries on use. */
  static async connect(options: { url: string; embedder: TextEmbedder; imageVersion: string; db: Store; log?: (line: string) => void }): Promise<VectorIndex> {
    const index = new VectorIndex(options.url, options.embedder, options.imageVersion, options.db, options.log ?? (() => {}));
    await index.check();
    return index;
  }

  /** The embedded server came back, maybe on another port: the next call reconnects at once, not after the retry pause. */
  moveTo(url: string): void {
    if (url !== this.url) {
      this.url = url;
      this.client = clientFor(url);
      this.down(new Error(`server moved to ${url}`));
    }
    this.lastCheck = 0;
  }

  get available(): boolean {
    return this.up;
  }

  get textCollection(): string {
    return `products-text-${this.embedder.id}`;
  }

  get imageCollection(): string {
    return `products-image-${this.imageVersion}`;
  }

  private async check(): Promise<boolean> {
    this.lastCheck = Date.now();
    try {
      await this.client.heartbeat();
      this.up = true;
    } catch {
      this.up = false;
      this.collections.clear();
      this.lastCheck = Date.now(); // the pause before the next try starts when this one gave up
    }
    return this.up;
  }

  /** Marks the index down after a failed call; the next call after a pause reconnects and re-syncs. */
  private down(error: unknown): undefined {
    if (this.up) this.log(`vector index: unavailable (${(error as Error).message?.slice(0, 200)}); using store search until it is back`);
    this.up = false;
    this.collections.clear();
    return undefined;
  }

  private async ready(): Promise<boolean> {
    if (this.up) return true;
    if (Date.now() - this.lastCheck < RETRY_AFTER_MS) return false;
    this.reconnecting ??= (async () => {
      if (await this.check()) {
        this.log('vector index: back; catching up with the store');
        try {
          await this.syncText();
          await this.syncImages();
        } catch (error) {
          this.down(error);
        }
      }
    })().finally(() => { this.reconnecting = undefined; });
    await this.reconnecting;
    return this.up;
  }

  private async collection(name: string): Promise<Collection> {
    let c = this.collections.get(name);
    if (!c) {
      c = await this.client.getOrCreateCollection({ name, embeddingFunction: null, configuration: { hnsw: { space: 'cosine' } } });
      this.collections.set(name, c);
    }
    return c;
  }

  /** Every id in a collection with its metadata (paged). */
  private async allIds(c: Collection): Promise<Map<string, Record<string, unknown>>> {
    const out = new Map<string, Record<string, unknown>>();
    for (let offset = 0; ; offset += 5000) {
      const page = await c.get({ limit: 5000, offset, include: ['metadatas'] });
      page.ids.forEach((id, i) => out.set(id, (page.metadatas[i] ?? {}) as Record<string, unknown>));
      if (page.ids.length < 5000) return out;
    }
  }

  /**
   * The cheap "version" check: the store's row count, newest id and newest change, kept in the
   * collection's metadata after each sync. Equal → nothing to compare row by row (start-up stays fast).
   */
  private upToDate(c: Collection, fingerprint: string, total: number, started: number): SyncReport | undefined {
    if (c.metadata?.fingerprint !== fingerprint) return undefined;
    return { collection: c.name, total, added: 0, removed: 0, ms: Date.now() - started };
  }

  private async remember(c: Collection, fingerprint: string): Promise<void> {
    await c.modify({ metadata: { ...(c.metadata ?? {}), fingerprint } });
  }

  /** Brings the text collection in line with the store: adds new or changed products, drops deleted ones. */
  async syncText(progress?: Progress): Promise<SyncReport> {
    const started = Date.now();
    const c = await this.collection(this.textCollection);
    const stats = await this.db.product.aggregate({ _count: { _all: true }, _max: { id: true, updatedAt: true } });
    const fingerprint = `${stats._count._all}:${stats._max.id ?? 0}:${stats._max.updatedAt?.getTime() ?? 0}`;
    const skip = this.upToDate(c, fingerprint, stats._count._all, started);
    if (skip) return skip;
    const indexed = await this.allIds(c);
    const rows = await this.db.product.findMany({ select: { id: true, nameZh: true, nameEn: true, brand: true, category: true, descriptionZh: true, descriptionEn: true, attributes: true, updatedAt: true } });
    const stale = rows.filter((r) => indexed.get(String(r.id))?.updated !== r.updatedAt.getTime());
    const live = new Set(rows.map((r) => String(r.id)));
    const gone = [...indexed.keys()].filter((id) => !live.has(id));
    for (let i = 0; i < stale.length; i += BATCH) {
      const batch = stale.slice(i, i + BATCH);
      const documents = batch.map(productDocument);
      await c.upsert({
        ids: batch.map((r) => String(r.id)),
        embeddings: await this.embedder.embed(documents),
        documents,
        metadatas: batch.map((r) => ({ productId: r.id, category: r.category, updated: r.updatedAt.getTime() })),
      });
      progress?.(Math.min(i + BATCH, stale.length), stale.length);
    }
    if (gone.length) await c.delete({ ids: gone });
    if (!stale.length) progress?.(0, 0);
    await this.remember(c, fingerprint);
    return { collection: this.textCollection, total: rows.length, added: stale.length, removed: gone.length, ms: Date.now() - started };
  }

  /** Products whose text is nearest the query, or undefined when the index is unavailable. */
  async searchText(query: string, limit = 20, where?: Record<string, unknown>): Promise<VectorHit[] | undefined> {
    if (!(await this.ready())) return undefined;
    try {
      const [embedding] = await this.embedder.embed([query]);
      const c = await this.collection(this.textCollection);
      const result = await c.query({ queryEmbeddings: [embedding], nResults: limit, where: where as never, include: ['metadatas', 'distances'] });
      return hits(result.metadatas[0], result.distances[0]);
    } catch (error) {
      return this.down(error);
    }
  }

  /** Brings the image collection in line with the stored image vectors of this features version. */
  async syncImages(progress?: Progress): Promise<SyncReport> {
    const started = Date.now();
    const c = await this.collection(this.imageCollection);
    const stats = await this.db.productImage.aggregate({ where: { modelVersion: this.imageVersion }, _count: { _all: true }, _max: { id: true } });
    const fingerprint = `${stats._count._all}:${stats._max.id ?? 0}`;
    const skip = this.upToDate(c, fingerprint, stats._count._all, started);
    if (skip) return skip;
    const indexed = await this.allIds(c);
    const all = await this.loadImageRecords();
    const missing = all.filter((r) => !indexed.has(`img-${r.id}`));
    const live = new Set(all.map((r) => `img-${r.id}`));
    const gone = [...indexed.keys()].filter((id) => !live.has(id));
    for (let i = 0; i < missing.length; i += BATCH) {
      await this.upsertImages(c, missing.slice(i, i + BATCH));
      progress?.(Math.min(i + BATCH, missing.length), missing.length);
    }
    if (gone.length) await c.delete({ ids: gone });
    if (!missing.length) progress?.(0, 0);
    await this.remember(c, fingerprint);
    return { collection: this.imageCollection, total: all.length, added: missing.length, removed: gone.length, ms: Date.now() - started };
  }

  private async loadImageRecords(): Promise<ImageRecord[]> {
    const rows = await this.db.productImage.findMany({ where: { modelVersion: this.imageVersion }, select: { id: true, productId: true, source: true, vector: true } });
    return rows.map((r) => ({ id: r.id, productId: r.productId, source: r.source, vector: bytesToVector(r.vector) }));
  }

  private async upsertImages(c: Collection, records: ImageRecord[]): Promise<void> {
    await c.upsert({
      ids: records.map((r) => `img-${r.id}`),
      embeddings: records.map((r) => Array.from(r.vector)),
      metadatas: records.map((r) => ({ productId: r.productId, source: r.source })),
    });
  }

  /** Adds one stored image (a new catalogue image or a confirmed shopper photo); false when the index is down (sync catches up later). */
  async addImage(record: ImageRecord): Promise<boolean> {
    if (!(await this.ready())) return false;
    try {
      await this.upsertImages(await this.collection(this.imageCollection), [record]);
      return true;
    } catch (error) {
      this.down(error);
      return false;
    }
  }

  /** Nearest stored images to a photo's vector, or undefined when the index is unavailable. */
  async searchImages(vector: Float32Array, limit: number): Promise<(VectorHit & { imageId: number })[] | undefined> {
    if (!(await this.ready())) return undefined;
    try {
      const c = await this.collection(this.imageCollection);
      const result = await c.query({ queryEmbeddings: [Array.from(vector)], nResults: limit, include: ['metadatas', 'distances'] });
      const ids = result.ids[0] ?? [];
      return hits(result.metadatas[0], result.distances[0]).map((h, i) => ({ ...h, imageId: Number(ids[i]?.replace('img-', '')) }));
    } catch (error) {
      return this.down(error);
    }
  }

  /** Drops both collections (index:rebuild starts from nothing). */
  async reset(): Promise<void> {
    for (const name of [this.textCollection, this.imageCollection]) {
      try { await this.client.deleteCollection({ name }); } catch { /* not there yet */ }
    }
    this.collections.clear();
  }
}

/** Every Chroma call ends within this: a server that accepts connections but never answers must not hang a chat. */
export const CHROMA_CALL_TIMEOUT_MS = 8000;

type Interceptable = { apiClient?: { interceptors?: { request?: { use: (fn: (request: Request) => Request) => void } } } };

function clientFor(url: string): ChromaClient {
  const u = new URL(url);
  const client = new ChromaClient({ host: u.hostname, port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)), ssl: u.protocol === 'https:' });
  // chromadb 3.5 has no per-call timeout; its HTTP client's request interceptor can add one.
  (client as unknown as Interceptable).apiClient?.interceptors?.request?.use((request) => new Request(request, { signal: AbortSignal.timeout(CHROMA_CALL_TIMEOUT_MS) }));
  return client;
}

function hits(metadatas: (Record<string, unknown> | null)[] | undefined, distances: (number | null)[] | undefined): VectorHit[] {
  return (metadatas ?? []).map((m, i) => ({ productId: Number(m?.productId), similarity: 1 - (distances?.[i] ?? 1), metadata: m ?? {} }));
}

export function vectorToBytes(v: Float32Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength) as ArrayBuffer);
}

export function bytesToVector(bytes: Uint8Array): Float32Array {
  const copy = new Uint8Array(bytes);
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
}

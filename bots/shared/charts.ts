// The charts of an answer, for the adapters (Slack uploads, the web page's images). Rendering (ECharts
// → SVG → resvg PNG, chart-render.ts) costs 0.1–0.5 s of CPU a chart, so it runs in a worker thread,
// never on the event loop, and the PNGs are cached per (shops, period, data version): a merchant who
// asks again sees the same picture without a render, and a new order for their shops means a new one.
// A chart that cannot be rendered (worker error, crash, timeout) is left out with a log line: the
// answer itself always goes out.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { ChartSpec } from '../../agents/attachments.ts';
import type { Store } from '../../prisma/store.ts';
import { LazyPool } from '../../tools/shared/worker-pool.ts';
import type { ChartTask } from './chart-worker.ts';

export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 360;
/** A render that has not answered by then is abandoned (its thread ended): the chart is left out. */
const RENDER_TIMEOUT_MS = 15_000;
/** ~40 KB a PNG: a few hundred charts. */
const CACHE_BYTES = 16 * 1024 * 1024;

export type RenderedChart = { title: string; png: Buffer };
export type ChartRendererOptions = { workerModule?: URL; maxBytes?: number; timeoutMs?: number };

/**
 * What changes when these shops' orders change: their order count and newest order id (one read of
 * the (shopId, createdAt) index, no table rows). A new order always changes it; a change to an
 * existing order (a refund) changes the figures and so the spec digest that is also in the key.
 */
export async function chartDataVersion(db: Store, shopIds: number[]): Promise<string> {
  const ids = [...new Set(shopIds.filter((id) => Number.isSafeInteger(id)))].sort((a, b) => a - b);
  if (!ids.length) return 'no-shops';
  // Integers only (checked above), so they are written into the SQL: one statement for SQLite and PostgreSQL.
  const rows = await db.$queryRawUnsafe<{ n: unknown; last: unknown }[]>(`SELECT COUNT(*) AS n, MAX("id") AS last FROM "Order" WHERE "shopId" IN (${ids.join(',')})`);
  return `${String(rows[0]?.n ?? 0)}:${String(rows[0]?.last ?? 0)}`;
}

/** Everything the picture is drawn from (the scope only says whose data it is). */
function specDigest(spec: ChartSpec, width: number, height: number): string {
  const { scope: _scope, ...drawn } = spec;
  return createHash('sha1').update(JSON.stringify([drawn, width, height])).digest('base64url');
}

export class ChartRenderer {
  private readonly pool: LazyPool<ChartTask, Uint8Array>;
  private readonly cache: LRUCache<string, Buffer, ChartTask>;
  private readonly timeoutMs: number;
  /** Renders done in the worker, cache hits, and charts left out; for tests and the bench. */
  readonly counts = { renders: 0, hits: 0, failures: 0 };

  constructor(options: ChartRendererOptions = {}) {
    // One thread (2 cores: the other is the chats'), started on the first chart, ended after a minute idle.
    // Normal priority: a merchant is waiting for these.
    this.pool = new LazyPool(options.workerModule ?? new URL('./chart-worker.ts', import.meta.url), { maxThreads: 1, idleTimeoutMs: 60_000 });
    this.timeoutMs = options.timeoutMs ?? RENDER_TIMEOUT_MS;
    this.cache = new LRUCache<string, Buffer, ChartTask>({
      maxSize: options.maxBytes ?? CACHE_BYTES,
      sizeCalculation: (png) => png.length,
      // Concurrent asks for the same key share one render; a failed render is not cached.
      fetchMethod: (_key, _stale, { context }) => this.inWorker(context),
    });
  }

  /** The charts that could be rendered, in order; the others are logged and left out. Never rejects. */
  async render(db: Store | undefined, specs: ChartSpec[], log: (line: string) => void = console.error): Promise<RenderedChart[]> {
    const versions = new Map<string, Promise<string | undefined>>();
    const versionOf = (shopIds: number[]) => {
      const key = [...shopIds].sort((a, b) => a - b).join(',');
      if (!versions.has(key)) versions.set(key, db ? chartDataVersion(db, shopIds).catch((error) => void log(`[charts] data version not read (${message(error)}); rendering uncached`)) : Promise.resolve(undefined));
      return versions.get(key)!;
    };
    const pngs = await Promise.all(specs.map(async (spec) => {
      const task: ChartTask = { spec, width: CHART_WIDTH, height: CHART_HEIGHT };
      try {
        const version = spec.scope ? await versionOf(spec.scope.shopIds) : 'any';
        if (version === undefined) return await this.inWorker(task);
        const key = `${spec.scope ? `${[...spec.scope.shopIds].sort((a, b) => a - b).join(',')}|${spec.scope.period}` : '-'}|v${version}|${specDigest(spec, task.width, task.height)}`;
        const status: LRUCache.Status<string, Buffer, ChartTask> = {};
        const png = await this.cache.fetch(key, { context: task, status });
        if (status.fetch === 'hit' || status.fetch === 'inflight') this.counts.hits++;
        if (!png) throw new Error('no picture');
        return png;
      } catch (error) {
        this.counts.failures++;
        log(`[charts] "${spec.title}" left out of the answer: ${message(error)}`);
        return undefined;
      }
    }));
    return specs.flatMap((spec, i) => (pngs[i] ? [{ title: spec.title, png: pngs[i] }] : []));
  }

  private async inWorker(task: ChartTask): Promise<Buffer> {
    const bytes = await this.pool.run(task, { signal: AbortSignal.timeout(this.timeoutMs) });
    if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) throw new Error('the chart worker returned no PNG');
    this.counts.renders++;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Ends the worker thread (shutdown); the cache stays, a later chart starts a thread again. */
  close(): Promise<void> {
    return this.pool.close();
  }
}

const message = (error: unknown) => (error as Error)?.message ?? String(error);

/** The process's one renderer: its pool is closed on shutdown (bots/main.ts). */
export const charts = new ChartRenderer();

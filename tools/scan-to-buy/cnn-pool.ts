// The CNN runs off the main thread, in worker threads with a model each: a photo's views are split
// across them (2 cores: 3 views in the time of 2, ~240 → ~160 ms measured) and the event loop stays
// free for other chats meanwhile. SCAN_WORKERS sets the pool size (default: cores, at most 2; 0 = run
// on the main thread). A worker that fails is replaced on the next photo; if none can start, the
// main thread does the work.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { cnnEmbeddings } from './image-model.ts';

type Pending = { resolve: (vectors: Float32Array[]) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };
/** A worker that has not answered by then (model load included, ~2 s) is replaced: a photo never hangs. */
const ANSWER_WITHIN_MS = 30_000;
/** A worker idle this long ends (each holds a model, ~150 MB); the next photo starts it again (~2 s). SCAN_WORKER_IDLE_MS sets it. */
const idleMs = () => {
  const configured = Number(process.env.SCAN_WORKER_IDLE_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : 120_000;
};
type Reply = { id: number; vectors?: Float32Array[]; error?: string };

class CnnWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private idle?: NodeJS.Timeout;
  failed = false;

  constructor() {
    this.worker = new Worker(new URL('./cnn-worker-boot.mjs', import.meta.url), { workerData: { entry: new URL('./cnn-worker.ts', import.meta.url).href } });
    this.worker.unref(); // never keeps the process alive
    this.worker.on('message', ({ id, vectors, error }: Reply) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (waiting) clearTimeout(waiting.timer);
      if (vectors) waiting?.resolve(vectors);
      else waiting?.reject(new Error(error ?? 'CNN worker failed'));
      if (!this.pending.size) this.retireWhenIdle();
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`CNN worker exited (${code})`)));
  }

  private fail(error: Error): void {
    this.failed = true;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    this.pending.clear();
  }

  /** Ends the thread once it has had nothing to do for a while (its exit marks it for replacement). */
  private retireWhenIdle(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      if (!this.pending.size) void this.worker.terminate();
    }, idleMs());
    this.idle.unref();
  }

  embed(views: Uint8Array[]): Promise<Float32Array[]> {
    clearTimeout(this.idle);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new Error('CNN worker did not answer'));
        void this.worker.terminate();
      }, ANSWER_WITHIN_MS);
      timer.unref();
      this.pending.set(id, { resolve, reject, timer });
      this.worker.postMessage({ id, views });
    });
  }
}

function poolSize(): number {
  const configured = Number(process.env.SCAN_WORKERS);
  return Number.isInteger(configured) && configured >= 0 ? configured : Math.min(2, availableParallelism());
}

const workers: CnnWorker[] = [];
let viewsOnWorkers = 0;

/** How the pool is doing (health checks and tests). */
export const cnnPoolStatus = () => ({ size: poolSize(), alive: workers.filter((w) => !w.failed).length, viewsOnWorkers });

/** Embeds the views in parallel on the worker threads; on the main thread if workers are off or broken. */
export async function embedViews(views: Uint8Array[]): Promise<Float32Array[]> {
  const size = Math.min(poolSize(), views.length);
  if (size === 0) return cnnEmbeddings(views);
  for (let i = 0; i < size; i++) if (!workers[i] || workers[i].failed) workers[i] = new CnnWorker();
  // Views dealt out in turn: worker 0 gets views 0 and 2, worker 1 view 1.
  const shares = Array.from({ length: size }, (_, w) => views.map((v, i) => ({ v, i })).filter((x) => x.i % size === w));
  try {
    const results = await Promise.all(shares.map((share, w) => workers[w].embed(share.map((x) => x.v))));
    viewsOnWorkers += views.length;
    const out: Float32Array[] = new Array(views.length);
    shares.forEach((share, w) => share.forEach((x, k) => { out[x.i] = results[w][k]; }));
    return out;
  } catch {
    return cnnEmbeddings(views);
  }
}

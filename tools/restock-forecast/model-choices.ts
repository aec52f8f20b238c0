// The model choice (rolling-origin backtest of every model) per demand series, cached by the series
// itself: the choice is a pure function of the weekly numbers, so a repeat call on the same data
// reuses it, and any new order or a week boundary passing changes the series and so the key — never
// a stale answer. A batch of uncached series that would cost this thread more than ~50 ms of CPU goes
// to a worker thread; smaller batches run here, yielding to the event loop every few series.
import { LRUCache } from 'lru-cache';
import { LazyPool } from '../shared/worker-pool.ts';
import type { BacktestTask } from './backtest-worker.ts';
import { chooseAndForecast, type ModelChoice } from './models.ts';

/** A batch expected to take longer than this here goes to the worker thread. */
const HEAVY_MS = 50;
/**
 * Cost of one series here until measured: 393 series of the busiest demo merchant took 113–169 ms in
 * a fresh process (JIT cold), 21–63 ms once warm. The estimate follows the measured slices; so the
 * first big batch of a process goes to the worker, later ones of a few hundred series stay here.
 */
const FIRST_GUESS_MS = 0.2;
/** Series run here between two turns of the event loop (a few ms). */
const SLICE = 32;
const WORKER_TIMEOUT_MS = 30_000;

/** workerFrom: a fixed batch size from which the worker is used, instead of the cost estimate (tests). */
export type ModelChoicesOptions = { workerFrom?: number; maxEntries?: number; workerModule?: URL };

export class ModelChoices {
  private readonly cache: LRUCache<string, ModelChoice>;
  private readonly pool: LazyPool<BacktestTask, ModelChoice[]>;
  private readonly workerFrom?: number;
  /** Measured ms a series on this thread (moving average over slices). */
  private msPerSeries = FIRST_GUESS_MS;
  /** Series chosen here, in the worker, and answered from the cache; for tests and the bench. */
  readonly counts = { here: 0, worker: 0, hits: 0, workerFailures: 0 };

  constructor(options: ModelChoicesOptions = {}) {
    // ~1 KB an entry (key + 12 forecasts): 20k series ≈ 20 MB at most.
    this.cache = new LRUCache({ max: options.maxEntries ?? 20_000 });
    this.workerFrom = options.workerFrom;
    // One thread (2 cores: the other is the chats'), ended after a minute idle; a merchant waits for it.
    this.pool = new LazyPool(options.workerModule ?? new URL('./backtest-worker.ts', import.meta.url), { maxThreads: 1, idleTimeoutMs: 60_000 });
  }

  /** The choice for each series, in order. */
  async chooseAll(series: number[][]): Promise<ModelChoice[]> {
    const keys = series.map((y) => y.join(','));
    const found = new Map<string, ModelChoice>();
    const missing = new Map<string, number[]>();
    for (const [i, key] of keys.entries()) {
      const cached = this.cache.get(key);
      if (cached) {
        found.set(key, cached);
        this.counts.hits++;
      } else missing.set(key, series[i]);
    }
    if (missing.size) {
      const todo = [...missing.values()];
      const chosen = this.heavy(todo.length) ? await this.inWorker(todo) : await this.here(todo);
      [...missing.keys()].forEach((key, i) => {
        found.set(key, chosen[i]);
        this.cache.set(key, chosen[i]);
      });
    }
    return keys.map((key) => found.get(key)!);
  }

  private heavy(series: number): boolean {
    // A busy machine slows the measured slices too; past the first guess that says nothing about the work.
    return this.workerFrom !== undefined ? series >= this.workerFrom : series * Math.min(this.msPerSeries, FIRST_GUESS_MS) > HEAVY_MS;
  }

  private async inWorker(series: number[][]): Promise<ModelChoice[]> {
    try {
      const chosen = await this.pool.run({ series }, { signal: AbortSignal.timeout(WORKER_TIMEOUT_MS) });
      this.counts.worker += series.length;
      return chosen;
    } catch {
      this.counts.workerFailures++;
      return this.here(series); // the same arithmetic, in slices
    }
  }

  private async here(series: number[][]): Promise<ModelChoice[]> {
    const out: ModelChoice[] = [];
    for (let start = 0; start < series.length; start += SLICE) {
      if (start) await new Promise((resolve) => setImmediate(resolve));
      const began = performance.now();
      const slice = series.slice(start, start + SLICE);
      for (const y of slice) out.push(chooseAndForecast(y));
      this.msPerSeries = 0.8 * this.msPerSeries + 0.2 * ((performance.now() - began) / slice.length);
    }
    this.counts.here += series.length;
    return out;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** The process's choices, shared by restock_forecast and merchant_stats' trend. */
export const modelChoices = new ModelChoices();

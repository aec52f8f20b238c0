// The model choice (rolling-origin backtest of every model) per demand series, cached by the series
// itself: the choice is a pure function of the weekly numbers, so a repeat call on the same data
// reuses it, and any new order or a week boundary passing changes the series and so the key — never
// a stale answer. A batch of uncached series too big to run between two chats (~50 ms of CPU) goes
// to a worker thread; smaller batches run here, yielding to the event loop every few series.
import { LRUCache } from 'lru-cache';
import { LazyPool } from '../shared/worker-pool.ts';
import type { BacktestTask } from './backtest-worker.ts';
import { chooseAndForecast, type ModelChoice } from './models.ts';

/** Measured 0.1–0.3 ms a series (2-core machine): from ~250 series a batch costs 50 ms or more. */
const WORKER_FROM_SERIES = 250;
/** Series run here between two turns of the event loop (a few ms). */
const SLICE = 32;
const WORKER_TIMEOUT_MS = 30_000;

export type ModelChoicesOptions = { workerFrom?: number; maxEntries?: number; workerModule?: URL };

export class ModelChoices {
  private readonly cache: LRUCache<string, ModelChoice>;
  private readonly pool: LazyPool<BacktestTask, ModelChoice[]>;
  private readonly workerFrom: number;
  /** Series chosen here, in the worker, and answered from the cache; for tests and the bench. */
  readonly counts = { here: 0, worker: 0, hits: 0, workerFailures: 0 };

  constructor(options: ModelChoicesOptions = {}) {
    // ~1 KB an entry (key + 12 forecasts): 20k series ≈ 20 MB at most.
    this.cache = new LRUCache({ max: options.maxEntries ?? 20_000 });
    this.workerFrom = options.workerFrom ?? WORKER_FROM_SERIES;
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
      const chosen = todo.length >= this.workerFrom ? await this.inWorker(todo) : await this.here(todo);
      [...missing.keys()].forEach((key, i) => {
        found.set(key, chosen[i]);
        this.cache.set(key, chosen[i]);
      });
    }
    return keys.map((key) => found.get(key)!);
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
    for (let i = 0; i < series.length; i++) {
      if (i && i % SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      out.push(chooseAndForecast(series[i]));
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

// Trains the recommender off the main thread, in a piscina worker pool of one thread: the chats keep
// running while it reads ~237k order lines and learns the ranker (~5 s of CPU on the demo world). On a
// SQLite file the worker reads the store itself on a connection of its own, so the main thread does no
// loading at all; on PostgreSQL the main thread reads lean pages (network I/O, 5k rows at a time) and
// moves them over. If the worker fails (crash, error, no answer in time) the training runs once
// in-process, with a log line: slower for the other chats, never a crash.
//
// Whole-store reads never go through the app's Prisma connection on SQLite: with the libSQL driver the
// Prisma adapter bundles (libsql 0.3), a large result followed by a turn of the event loop leaves that
// connection inside an open transaction, so every later write through it is invisible to other
// connections and is lost when it closes (reproduced with 3k order lines or the ~28k in-stock offers
// `recommend` reads). The overlay in index.ts re-reads recorded shoppers through that connection, so
// what this process wrote counts even then.
import type { Store } from '../../prisma/store.ts';
import { loadCatalogue, loadPurchases, readSqliteFile } from './data.ts';
import { LazyPool } from '../shared/worker-pool.ts';
import { RecommenderModel, type ItemInfo, type ModelSnapshot, type Purchase } from './model.ts';
import { toColumns, type TrainTask } from './train-worker.ts';

export const MAX_CUSTOMERS = 300;
/** A training that has not answered by then is abandoned (its thread ended) and redone in-process. */
const WORKER_TIMEOUT_MS = 5 * 60_000;

export type Trained = { model: RecommenderModel; /** the model as plain data (what is saved) */ snapshot: ModelSnapshot; where: 'worker' | 'main thread' };

export class RecommenderTrainer {
  // One thread (2 cores: the other is the chats'), started on demand and ended after a minute idle;
  // a lower CPU priority so the chats win when both want the core.
  private readonly pool: LazyPool<TrainTask, ModelSnapshot>;
  /** Set by close() (shutdown): a training its closing cut short is not redone on this thread. */
  private closed = false;
  /** How many trainings each way, for the health line and tests. */
  readonly counts = { worker: 0, mainThread: 0, workerFailures: 0 };

  constructor(workerFile: URL = new URL('./train-worker.ts', import.meta.url)) {
    this.pool = new LazyPool(workerFile, { maxThreads: 1, idleTimeoutMs: 60_000, niceIncrement: 10 });
  }

  /** In the worker; on failure once in-process. Rejects only if that fails too. */
  async train(db: Store, today: number, log: (line: string) => void = console.error): Promise<Trained> {
    try {
      const snapshot = await this.snapshotInWorker(db, today);
      this.counts.worker++;
      return { model: RecommenderModel.fromSnapshot(snapshot), snapshot, where: 'worker' };
    } catch (error) {
      if (this.closed) throw error;
      this.counts.workerFailures++;
      log(`[recommend] training worker failed (${(error as Error)?.message ?? error}); training in-process instead`);
      const model = await this.inProcess(db, today);
      this.counts.mainThread++;
      return { model, snapshot: model.toSnapshot(), where: 'main thread' };
    }
  }

  async inWorker(db: Store, today: number): Promise<RecommenderModel> {
    return RecommenderModel.fromSnapshot(await this.snapshotInWorker(db, today));
  }

  private async snapshotInWorker(db: Store, today: number): Promise<ModelSnapshot> {
    const file = await sqliteFile(db);
    if (file) return this.run({ today, maxCustomers: MAX_CUSTOMERS, source: { kind: 'sqlite', url: `file:${file}` } }, []);
    const [items, purchases] = await Promise.all([loadCatalogue(db), loadPurchases(db)]);
    const columns = toColumns(purchases);
    return this.run({ today, maxCustomers: MAX_CUSTOMERS, source: { kind: 'data', items: [...items.values()], purchases: columns } }, Object.values(columns).map((a) => a.buffer as ArrayBuffer));
  }

  /** Trains on data already read (PostgreSQL, in-memory stores, tests): the purchases move over as columns. */
  async inWorkerOn(items: Map<number, ItemInfo>, purchases: Purchase[], today: number): Promise<RecommenderModel> {
    const columns = toColumns(purchases);
    const transferList = Object.values(columns).map((a) => a.buffer as ArrayBuffer);
    return RecommenderModel.fromSnapshot(await this.run({ today, maxCustomers: MAX_CUSTOMERS, source: { kind: 'data', items: [...items.values()], purchases: columns } }, transferList));
  }

  private run(task: TrainTask, transferList: ArrayBuffer[]): Promise<ModelSnapshot> {
    return this.pool.run(task, { transferList, signal: AbortSignal.timeout(WORKER_TIMEOUT_MS) });
  }

  /** The same training on this thread (blocks it for the whole training: the fallback only). */
  async inProcess(db: Store, today: number): Promise<RecommenderModel> {
    const file = await sqliteFile(db);
    const { items, purchases } = file ? await readSqliteFile(`file:${file}`) : { items: await loadCatalogue(db), purchases: await loadPurchases(db) };
    return RecommenderModel.train(purchases, items, today, { maxCustomers: MAX_CUSTOMERS });
  }

  close(): Promise<void> {
    this.closed = true;
    return this.pool.close();
  }
}

/** The SQLite file behind the store (the worker opens it itself), or undefined (PostgreSQL, in-memory). */
async function sqliteFile(db: Store): Promise<string | undefined> {
  if ((db as unknown as { _activeProvider?: string })._activeProvider === 'postgresql') return undefined;
  const rows = await db.$queryRawUnsafe<{ name: string; file: string }[]>('PRAGMA database_list');
  return rows.find((r) => r.name === 'main')?.file || undefined;
}

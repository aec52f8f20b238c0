// One piscina pool per kind of heavy work (recommender training, chart rendering), started on demand
// and closed on shutdown. A TypeScript task module is loaded through tsx-worker-boot.mjs (worker
// threads do not inherit tsx's loader); a plain .mjs/.js module (test doubles) is loaded as it is.
import { Piscina } from 'piscina';

const BOOT = new URL('./tsx-worker-boot.mjs', import.meta.url);

export type PoolOptions = {
  /** Threads at most (the machine has 2 cores: the other one is the chats'). */
  maxThreads?: number;
  /** A thread idle this long ends; the next task starts one again. */
  idleTimeoutMs?: number;
  /** Lower CPU priority for background work, so the chats win when both want a core. */
  niceIncrement?: number;
};

export function tsxPool<Task, Result>(taskModule: URL, options: PoolOptions = {}): Piscina<Task, Result> {
  const typescript = /\.[mc]?ts$/.test(taskModule.pathname);
  return new Piscina<Task, Result>({
    filename: (typescript ? BOOT : taskModule).href,
    workerData: typescript ? { taskModule: taskModule.href } : undefined,
    minThreads: 0,
    maxThreads: options.maxThreads ?? 1,
    idleTimeout: options.idleTimeoutMs ?? 60_000,
    niceIncrement: options.niceIncrement ?? 0,
  });
}

/** A pool created on the first task and ended by close() (idempotent; a later task starts a new one). */
export class LazyPool<Task, Result> {
  private pool?: Piscina<Task, Result>;

  constructor(private readonly taskModule: URL, private readonly options: PoolOptions = {}) {}

  run(task: Task, options?: Parameters<Piscina<Task, Result>['run']>[1]): Promise<Result> {
    return (this.pool ??= tsxPool<Task, Result>(this.taskModule, this.options)).run(task, options);
  }

  get started(): boolean {
    return this.pool !== undefined;
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }
}

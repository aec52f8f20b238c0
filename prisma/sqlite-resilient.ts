// The SQLite driver adapter, made to survive another process locking the file. Found by fault
// injection: libSQL leaves a statement that failed with SQLITE_BUSY un-reset, so its connection
// keeps an implicit transaction open; every later write then "succeeds" inside it, is never
// committed and holds the write lock. Here, a connection that saw an error is closed and reopened,
// every transaction gets a connection of its own (closing it always releases its locks), and a
// busy database is retried with async back-off (never a busy-wait that would block the event loop)
// for a bounded time before the error reaches the caller.
import { createClient, type Client, type Config, type InStatement, type Transaction, type TransactionMode } from '@libsql/client';
import { PrismaLibSQL } from '@prisma/adapter-libsql';

/** How long a statement waits for another process's lock before it fails (async retries). */
export const BUSY_BUDGET_MS = 1500; // below Prisma's 2 s wait for a transaction to start
/** A transaction left open this long is rolled back (a caller that gave up never leaks the lock). */
const TRANSACTION_WATCHDOG_MS = 30_000;

const isBusy = (error: unknown) => /SQLITE_BUSY|SQLITE_LOCKED|database is locked|database table is locked/i.test(`${(error as { code?: string }).code ?? ''} ${(error as Error)?.message ?? ''}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function retryBusy<T>(work: () => Promise<T>, budgetMs = BUSY_BUDGET_MS): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let wait = 20; ; wait = Math.min(wait * 2, 250)) {
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error) || Date.now() + wait > deadline) throw error;
      await sleep(wait);
    }
  }
}

/** A libSQL client whose connections are replaced after errors; the adapter only needs these methods. */
export function resilientClient(open: () => Client): Client {
  let main: Client | undefined;
  const connection = () => (main ??= open());
  // Any error may leave the connection inside a transaction: start again on a clean one.
  const discard = () => {
    try {
      main?.close();
    } catch {
      /* already broken */
    }
    main = undefined;
  };
  const onMain = <T>(work: (c: Client) => Promise<T>) =>
    retryBusy(async () => {
      // libSQL runs a statement synchronously: without a turn of the event loop between statements, one chat's
      // queries run back to back and every other request (a /healthz, a new connection) waits behind them
      // (bench:load: a cheap GET's p99 1.0–1.2 s without this, 113–144 ms with it; throughput unchanged).
      await new Promise<void>((resolve) => setImmediate(resolve));
      try {
        return await work(connection());
      } catch (error) {
        discard();
        throw error;
      }
    });

  const client = {
    execute: (stmt: InStatement | string, args?: unknown) => onMain((c) => (typeof stmt === 'string' ? c.execute(stmt, args as never) : c.execute(stmt))),
    batch: (stmts: InStatement[], mode?: TransactionMode) => onMain((c) => c.batch(stmts, mode)),
    migrate: (stmts: InStatement[]) => onMain((c) => c.migrate(stmts)),
    executeMultiple: (sql: string) => onMain((c) => c.executeMultiple(sql)),
    transaction: (mode: TransactionMode = 'write') => ownTransaction(open, mode),
    sync: () => onMain((c) => c.sync()),
    reconnect: async () => discard(),
    close: () => discard(),
    get closed() {
      return false;
    },
    protocol: 'file',
  };
  return client as unknown as Client;
}

/** A transaction on a connection of its own, closed when it ends. */
async function ownTransaction(open: () => Client, mode: TransactionMode): Promise<Transaction> {
  const conn = open();
  const begin = mode === 'read' ? 'BEGIN DEFERRED' : 'BEGIN IMMEDIATE'; // take the write lock up front: no upgrade deadlock
  try {
    await retryBusy(() => conn.execute(begin));
  } catch (error) {
    conn.close();
    throw error;
  }
  let open_ = true;
  const end = () => {
    if (!open_) return;
    open_ = false;
    clearTimeout(watchdog);
    conn.close();
  };
  const watchdog = setTimeout(() => {
    void conn.execute('ROLLBACK').catch(() => {}).finally(end);
  }, TRANSACTION_WATCHDOG_MS);
  watchdog.unref();
  const tx = {
    execute: (stmt: InStatement) => conn.execute(stmt),
    batch: async (stmts: InStatement[]) => {
      const out = [];
      for (const s of stmts) out.push(await conn.execute(s));
      return out;
    },
    executeMultiple: (sql: string) => conn.executeMultiple(sql),
    commit: async () => {
      try {
        await retryBusy(() => conn.execute('COMMIT'));
      } finally {
        end();
      }
    },
    rollback: async () => {
      try {
        if (open_) await conn.execute('ROLLBACK');
      } catch {
        /* closing the connection rolls back */
      } finally {
        end();
      }
    },
    close: () => {
      void tx.rollback();
    },
    get closed() {
      return !open_;
    },
  };
  return tx as unknown as Transaction;
}

/** Prisma's libSQL adapter factory with the resilient client underneath. */
// Connections come from the project's own @libsql/client (0.15), not the 0.8 the adapter bundles: with the bundled
// driver a large read followed by one turn of the event loop left its statement un-reset, so every later write of
// that connection stayed pending (unseen by other connections, lost on a crash) until the connection closed.
export class ResilientPrismaLibSQL extends PrismaLibSQL {
  override createClient(config: Parameters<PrismaLibSQL['createClient']>[0]): ReturnType<PrismaLibSQL['createClient']> {
    const open = () => createClient(config as Config);
    return resilientClient(open) as unknown as ReturnType<PrismaLibSQL['createClient']>;
  }
}

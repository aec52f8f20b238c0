// The trained recommender kept on disk with the version of the data it learned from, so a restart
// (or a second process) serves it at once instead of training again (~15 s of a worker thread and
// ~330 MB at every start). At start the model is used only when the store still holds exactly what
// it was trained on (the version below); otherwise, or when the file is missing or unreadable, it is
// trained as before. A model from an earlier day is served and retrained in the background.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Store } from '../../prisma/store.ts';
import { RecommenderModel, type ModelSnapshot } from './model.ts';

const FORMAT = 1;
type SavedModel = { format: number; version: string; trainedAt: number; snapshot: ModelSnapshot };

/**
 * What the training reads, summed up: order and line counts and last ids, how many orders are paid,
 * the last order's time, the self-reported purchases and the catalogue. Any new, refunded or
 * removed purchase or product changes it. Cheap (counts on indexes: ~10 ms on the demo store).
 */
export async function trainingDataVersion(db: Store): Promise<string> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT
      (SELECT COUNT(*) FROM "Order") AS orders, (SELECT MAX("id") FROM "Order") AS "lastOrder",
      (SELECT COUNT(*) FROM "Order" WHERE "status" = 'paid') AS paid, (SELECT MAX("createdAt") FROM "Order") AS "lastAt",
      (SELECT COUNT(*) FROM "OrderItem") AS lines, (SELECT MAX("id") FROM "OrderItem") AS "lastLine",
      (SELECT COUNT(*) FROM "SelfReportedPurchase") AS told, (SELECT MAX("id") FROM "SelfReportedPurchase") AS "lastTold",
      (SELECT COUNT(*) FROM "Product") AS products, (SELECT MAX("id") FROM "Product") AS "lastProduct"`);
  const r = rows[0] ?? {};
  const at = r.lastAt instanceof Date ? r.lastAt.toISOString() : String(r.lastAt ?? '');
  return [r.orders, r.lastOrder, r.paid, at, r.lines, r.lastLine, r.told, r.lastTold, r.products, r.lastProduct].map((v) => String(v ?? '')).join(':');
}

/** Beside a SQLite file; for PostgreSQL under RECOMMENDER_CACHE_DIR (default ./data/cache), one file per database. */
export async function savedModelFile(db: Store, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if ((db as unknown as { _activeProvider?: string })._activeProvider !== 'postgresql') {
    const rows = await db.$queryRawUnsafe<{ name: string; file: string }[]>('PRAGMA database_list');
    const file = rows.find((r) => r.name === 'main')?.file;
    if (file) return `${file}.recommender`;
  }
  const where = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    (db as unknown as { _activeProvider?: string })._activeProvider === 'postgresql'
      ? `SELECT current_database() AS db, COALESCE(host(inet_server_addr()), 'local') AS host, COALESCE(inet_server_port(), 0) AS port`
      : `SELECT 'memory' AS db`);
  const id = createHash('sha256').update(JSON.stringify(where[0] ?? {})).digest('hex').slice(0, 16);
  return join(resolve(env.RECOMMENDER_CACHE_DIR ?? 'data/cache'), `recommender-${id}`);
}

export async function saveModel(file: string, version: string, trainedAt: number, snapshot: ModelSnapshot): Promise<void> {
  const saved: SavedModel = { format: FORMAT, version, trainedAt, snapshot };
  await mkdir(dirname(file), { recursive: true });
  // Written aside and renamed: a reader never sees half a file, a crash never leaves one.
  const part = `${file}.${process.pid}.part`;
  await writeFile(part, serialize(saved));
  await rename(part, file);
}

/** The saved model if it was trained on exactly this data; undefined when there is none or it is unreadable or out of date. */
export async function loadSavedModel(file: string, version: string): Promise<{ model: RecommenderModel; trainedAt: number } | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return undefined; // none yet
  }
  const saved = deserialize(bytes) as Partial<SavedModel>;
  if (saved?.format !== FORMAT || saved.version !== version || !saved.snapshot || typeof saved.trainedAt !== 'number') return undefined;
  return { model: RecommenderModel.fromSnapshot(saved.snapshot), trainedAt: saved.trainedAt };
}

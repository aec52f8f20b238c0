// npm run bench:recommender: the recommender's start-up and retrain on the seeded store, old way
// (Prisma findMany + training on the main thread) and new way (lean SQL + training in the worker
// thread) side by side in one run: load time and rows/s per read path, training time, and the main
// thread's event-loop delay during a retrain. Prints figures; asserts nothing.
// DATABASE_URL picks the store (default data/shop.db; PostgreSQL works too).
import { availableParallelism } from 'node:os';
import { openStore, type Store } from '../prisma/store.ts';
import { databaseUrl } from '../prisma/url.ts';
import { dayOf, loadCatalogue, loadPurchases, readSqliteFile } from '../tools/recommend/data.ts';
import { RecommenderModel, type ItemInfo, type Purchase } from '../tools/recommend/model.ts';
import { MAX_CUSTOMERS, RecommenderTrainer } from '../tools/recommend/trainer.ts';
import { ormPurchases } from '../test/helpers/purchases.ts';
import { fmtLoop, measured } from './event-loop-measure.ts';
import { machine, skipWithoutStore, sqliteFileOf } from './machine.ts';

const url = databaseUrl();
const file = sqliteFileOf(url);
skipWithoutStore('bench:recommender', file);
const loadBefore = machine();
const db = await openStore(url);

/** The read the recommender did before: every paid line through Prisma's row mapping. */
async function ormCatalogue(db: Store): Promise<Map<number, ItemInfo>> {
  const products = await db.product.findMany({ select: { id: true, category: true, brand: true, listPrice: true, attributes: true } });
  return new Map(products.map((p) => {
    const a = (p.attributes ?? {}) as Record<string, string>;
    return [p.id, { id: p.id, kind: `${p.category}:${a.itemEn ?? p.id}`, brand: p.brand, category: p.category, price: p.listPrice }];
  }));
}

const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s`;

const newest = await db.order.findFirst({ orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
if (!newest) {
  console.log('bench:recommender — the store has no orders: run `npm run db:reset`. Skipped.');
  process.exit(0);
}
const today = dayOf(newest.createdAt);
console.log(`bench:recommender — store ${file ?? url.replace(/\/\/[^@]*@/, '//…@')}; ${availableParallelism()} cores; Node ${process.version}`);
console.log(`before: ${loadBefore}`);

// 1. Loading: the same rows, three ways.
const orm = await measured(() => Promise.all([ormCatalogue(db), ormPurchases(db)]));
const raw = await measured(() => Promise.all([loadCatalogue(db), loadPurchases(db)]));
const driver = file ? await measured(() => readSqliteFile(`file:${file}`)) : undefined;
const rows = orm.value[1].length;
console.log(`\nload ${rows.toLocaleString('en')} purchases + ${orm.value[0].size} products (main thread unless said):`);
console.log(`  old  Prisma findMany                 ${(orm.ms / 1000).toFixed(2)} s  ${rate(rows, orm.ms)}   event loop ${fmtLoop(orm.loop)}`);
console.log(`  new  Prisma $queryRaw, 5k-row pages   ${(raw.ms / 1000).toFixed(2)} s  ${rate(raw.value[1].length, raw.ms)}   event loop ${fmtLoop(raw.loop)}   (the PostgreSQL path)`);
if (driver) console.log(`  new  libSQL driver, own connection   ${(driver.ms / 1000).toFixed(2)} s  ${rate(driver.value.purchases.length, driver.ms)}   event loop ${fmtLoop(driver.loop)}   (what the worker does, off the main thread)`);

// 2. Training alone, on this thread.
const items = raw.value[0];
const purchases = raw.value[1];
const trained = await measured(async () => RecommenderModel.train(purchases, items, today, { maxCustomers: MAX_CUSTOMERS }));
console.log(`\ntrain on the main thread: ${(trained.ms / 1000).toFixed(2)} s`);

// 3. A retrain, as recommenderFor does it: old way vs new way.
const trainer = new RecommenderTrainer();
const oldWay = await measured(async () => {
  const [i, p] = await Promise.all([ormCatalogue(db), ormPurchases(db)]);
  return RecommenderModel.train(p, i, today, { maxCustomers: MAX_CUSTOMERS });
});
const newWay = await measured(() => trainer.inWorker(db, today));
const warm = await measured(() => trainer.inWorker(db, today)); // worker thread already up
console.log('\nretrain (load + train), main-thread event-loop delay meanwhile:');
console.log(`  old  findMany + train in-process      ${(oldWay.ms / 1000).toFixed(2)} s   event loop ${fmtLoop(oldWay.loop)}`);
console.log(`  new  worker thread (cold)             ${(newWay.ms / 1000).toFixed(2)} s   event loop ${fmtLoop(newWay.loop)}`);
console.log(`  new  worker thread (warm)             ${(warm.ms / 1000).toFixed(2)} s   event loop ${fmtLoop(warm.loop)}`);

// The two models answer the same.
const shoppers = oldWay.value.customers();
const differ = shoppers.filter((c) => JSON.stringify(oldWay.value.recommend(c, { k: 10 })) !== JSON.stringify(newWay.value.recommend(c, { k: 10 }))).length;
console.log(`\nsame top 10 for ${shoppers.length - differ} of ${shoppers.length} shoppers (old way vs worker)`);

await trainer.close();
await db.$disconnect();
console.log(`after: ${machine()}`);

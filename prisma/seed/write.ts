// Writes a generated world into an empty store, in bulk.
import type { Store } from '../store.ts';
import type { World } from './world.ts';

const CHUNK = 4000;

/** How far the writing is: the table being written and the rows written of all tables. */
export type WriteProgress = (table: string, rowsWritten: number, rowsInAll: number) => void;

export async function writeWorld(db: Store, world: World, onProgress: WriteProgress = () => {}): Promise<void> {
  const isSqlite = (db as unknown as { _activeProvider?: string })._activeProvider !== 'postgresql';
  // Bulk load: skip per-commit fsyncs on SQLite (the file is rebuilt from the seed if a crash interrupts it).
  if (isSqlite) await db.$executeRawUnsafe('PRAGMA journal_mode = WAL').catch(() => {});
  if (isSqlite) await db.$executeRawUnsafe('PRAGMA synchronous = OFF').catch(() => {});

  const all = world.merchants.length + world.shops.length + world.products.length + world.offers.length + world.customers.length + world.orders.length
    + world.items.length + world.reviews.length + world.accounts.length + world.bills.length + world.repayments.length + world.wealthProducts.length;
  let written = 0;
  const step = async <T>(table: string, rows: T[], write: (chunk: T[]) => Promise<unknown>) => {
    onProgress(table, written, all);
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await write(chunk);
      written += chunk.length;
      onProgress(table, written, all);
    }
  };
  await step('merchants', world.merchants, (data) => db.merchant.createMany({ data }));
  await step('shops', world.shops.map(({ priceFactor, quality, weakThemes, host, ...s }) => s), (data) => db.shop.createMany({ data }));
  await step('products', world.products.map(({ popularity, trend, cycle, itemKey, ...p }) => p), (data) => db.product.createMany({ data }));
  await step('offers', world.offers, (data) => db.offer.createMany({ data }));
  await step('customers', world.customers.map((c) => ({
    id: c.id, displayName: c.displayName, ageBand: c.ageBand, job: c.job, habit: c.habit, homeLat: c.homeLat, homeLng: c.homeLng,
    riskTolerance: c.riskTolerance, language: c.language,
  })), (data) => db.customer.createMany({ data }));
  await step('orders', world.orders, (data) => db.order.createMany({ data }));
  await step('order items', world.items, (data) => db.orderItem.createMany({ data }));
  await step('reviews', world.reviews, (data) => db.review.createMany({ data }));
  await step('credit accounts', world.accounts, (data) => db.creditAccount.createMany({ data }));
  await step('bills', world.bills, (data) => db.bill.createMany({ data }));
  await step('repayments', world.repayments, (data) => db.repayment.createMany({ data }));
  await step('wealth products', world.wealthProducts, (data) => db.wealthProduct.createMany({ data }));

  if (!isSqlite) await resetPostgresSequences(db);
  if (isSqlite) await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL').catch(() => {});
}

// Rows were written with explicit ids; move each serial sequence past them so later inserts work.
async function resetPostgresSequences(db: Store): Promise<void> {
  const tables = ['Merchant', 'Shop', 'Product', 'Offer', 'Customer', 'Order', 'OrderItem', 'Review', 'CreditAccount', 'Bill', 'Repayment', 'WealthProduct'];
  for (const table of tables) {
    await db.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX(id) FROM "${table}"), 0) + 1, false)`);
  }
}

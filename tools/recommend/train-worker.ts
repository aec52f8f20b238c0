// One training, in a piscina worker thread: reads the store itself when it is a SQLite file (the
// libSQL driver, ~1 s for ~237k order lines, blocking only this thread), else takes the rows the main
// thread read; trains; sends the model back as a snapshot whose columns are moved, not copied.
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { readSqliteFile } from './data.ts';
import { RecommenderModel, snapshotBuffers, type ItemInfo, type ModelSnapshot, type Purchase } from './model.ts';

/** Purchases as columns (moved to the worker); a missing price or shop is NaN. */
export type PurchaseColumns = { customer: Float64Array; item: Float64Array; day: Float64Array; price: Float64Array; shop: Float64Array };

export type TrainTask = {
  today: number;
  maxCustomers: number;
  source: { kind: 'sqlite'; url: string } | { kind: 'data'; items: ItemInfo[]; purchases: PurchaseColumns };
};

export function toColumns(purchases: Purchase[]): PurchaseColumns {
  const n = purchases.length;
  const c: PurchaseColumns = { customer: new Float64Array(n), item: new Float64Array(n), day: new Float64Array(n), price: new Float64Array(n), shop: new Float64Array(n) };
  purchases.forEach((p, i) => {
    c.customer[i] = p.customer;
    c.item[i] = p.item;
    c.day[i] = p.day;
    c.price[i] = p.price ?? NaN;
    c.shop[i] = p.shop ?? NaN;
  });
  return c;
}

export function fromColumns(c: PurchaseColumns): Purchase[] {
  return Array.from(c.customer, (customer, i) => {
    const p: Purchase = { customer, item: c.item[i], day: c.day[i] };
    if (!Number.isNaN(c.price[i])) p.price = c.price[i];
    if (!Number.isNaN(c.shop[i])) p.shop = c.shop[i];
    return p;
  });
}

export default async function train(task: TrainTask) {
  const { items, purchases } = task.source.kind === 'sqlite'
    ? await readSqliteFile(task.source.url)
    : { items: new Map(task.source.items.map((i) => [i.id, i])), purchases: fromColumns(task.source.purchases) };
  const snapshot: ModelSnapshot = RecommenderModel.train(purchases, items, task.today, { maxCustomers: task.maxCustomers }).toSnapshot();
  return move({ [transferableSymbol]: snapshotBuffers(snapshot), [valueSymbol]: snapshot } as never);
}

// credit_line reads repayment histories with lean SQL (tools/credit-line/history-sql.ts): the same
// accounts, training samples and model as the ORM reading it replaced, on SQLite and PostgreSQL; and
// it answers on a store with as many bills as a 10× history (the ORM reading overflowed the stack there).
import { describe, expect, it } from 'vitest';
import type { Store } from '../../prisma/store.ts';
import type { CallerContext } from '../../tools/context.ts';
import { readAccounts, readTrainingSamples } from '../../tools/credit-line/history-sql.ts';
import { creditLine } from '../../tools/credit-line/index.ts';
import { fitCreditModel, samples, trainCreditModel, TRAINING_DAYS } from '../../tools/credit-line/model.ts';
import { createToolDeps } from '../../tools/deps.ts';
import { addBulkHistories, addVariedHistories, ormAccounts } from '../helpers/credit-history.ts';
import { useFixture } from '../helpers/deps.ts';
import { NOW } from '../helpers/fixture.ts';
import { POSTGRES_ADMIN_URL, usePostgres } from '../helpers/postgres.ts';

const DAY = 86_400_000;
const shopper = (customerId: number): CallerContext => ({ caller: { role: 'shopper', customerId }, locale: 'en', now: NOW });

/** The checks both stores must pass on the varied histories (12 accounts, 31 bills each). */
async function sameAsOrm(db: Store) {
  const reference = await ormAccounts(db);
  expect(reference.flatMap((a) => a.bills).length).toBe(12 * 31);
  expect(await readAccounts(db)).toEqual(reference);
  expect(await readAccounts(db, 103)).toEqual(reference.filter((a) => a.customerId === 103));
  expect(await readAccounts(db, 1)).toEqual([]); // no account

  // Every sample, and those of the last two years only (what the tool trains on), equal the ORM path's.
  const all = await readTrainingSamples(db, new Date(0));
  expect(all).toEqual(samples(reference));
  expect(all.y.filter(Boolean).length).toBeGreaterThan(20);
  const since = new Date(NOW.getTime() - TRAINING_DAYS * DAY);
  const recent = await readTrainingSamples(db, since);
  expect(recent).toEqual(samples(reference, undefined, since));
  expect(recent.y.length).toBeLessThan(all.y.length);
  expect(fitCreditModel(all)).toEqual(trainCreditModel(reference));
}

describe('credit_line histories through SQL (SQLite)', () => {
  const fixture = useFixture((db) => addVariedHistories(db, NOW, { firstCustomer: 100, accounts: 12, months: 30 }));

  it('reads the same accounts, samples and model as the ORM include did', async () => {
    await sameAsOrm(fixture.db);
  });

  it('answers with the caller\'s own figures', async () => {
    const [account] = await ormAccounts(fixture.db).then((all) => all.filter((a) => a.customerId === 105));
    const unpaid = account.bills.filter((b) => b.status === 'open' || b.status === 'overdue');
    const r: any = await creditLine.run(fixture.deps, shopper(105), {});
    expect(r.account.used).toBe(unpaid.reduce((s, b) => s + b.amount, 0) / 100);
    expect(r.account.limit).toBe(account.limit / 100);
    expect(r.factors).toHaveLength(3);
  });
});

describe('credit_line on a store with 120k bills', () => {
  const fixture = useFixture((db) => addBulkHistories(db, NOW, { firstCustomer: 1000, accounts: 1000, bills: 120 }));

  it('answers from the caller\'s 120 bills, with no stack overflow', async () => {
    expect(await fixture.db.bill.count()).toBe(120_000);
    const r: any = await creditLine.run(fixture.deps, shopper(1500), {});
    const open = await fixture.db.bill.findFirstOrThrow({ where: { status: 'open', account: { customerId: 1500 } } });
    expect(r.status).toBe('ok');
    expect(r.account).toMatchObject({ limit: 5000, used: open.amount / 100, state: 'active', overdueAmount: 0 });
    expect(r.nextBill).toEqual({ amount: open.amount / 100, dueDate: '2026-12-10' });
    expect(r.reminder).toBeNull();
    // 119 bills, all on time: the model puts this shopper in the lowest risk band (×1.5).
    expect(r.risk.probabilityLatePct).toBeLessThan(5);
    expect(r.risk.policyLimit).toBe(7500);
  }, 60_000);
});

describe.skipIf(!POSTGRES_ADMIN_URL)('credit_line histories through SQL (PostgreSQL)', () => {
  const pg = usePostgres(`credit_history_${process.pid}`);

  it('reads the same accounts, samples and model as the ORM include did', async () => {
    await addVariedHistories(pg.db, NOW, { firstCustomer: 100, accounts: 12, months: 30 });
    await sameAsOrm(pg.db);
    const r: any = await creditLine.run(await createToolDeps(pg.db), shopper(105), {});
    expect(r.status).toBe('ok');
  }, 60_000);
});

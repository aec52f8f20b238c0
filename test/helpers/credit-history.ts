// Pay-later histories for credit_line tests: a varied one written through Prisma (checked against the
// ORM's own reading), and a bulk one written in SQL (SQLite) with as many bills as a 10× store.
import type { Store } from '../../prisma/store.ts';
import type { AccountRecord } from '../../tools/credit-line/model.ts';

const DAY = 86_400_000;

/** Accounts read the way credit_line read them before (nested ORM include): the reference. */
export async function ormAccounts(db: Store): Promise<AccountRecord[]> {
  const rows = await db.creditAccount.findMany({
    orderBy: { id: 'asc' },
    include: { bills: { orderBy: { id: 'asc' }, select: { dueDate: true, amount: true, status: true, repayments: { select: { paidAt: true }, orderBy: { paidAt: 'desc' }, take: 1 } } } },
  });
  return rows.map((a) => ({ id: a.id, customerId: a.customerId, limit: a.limit, openedAt: a.openedAt, bills: a.bills.map((b) => ({ dueDate: b.dueDate, amount: b.amount, status: b.status, paidAt: b.repayments[0]?.paidAt ?? null })) }));
}

/**
 * `accounts` shoppers (ids from `firstCustomer`) with monthly bills up to `now`: mostly on time, some
 * late (two repayments, the later one counts), some overdue, a late one with no repayment row, an
 * open bill left in the middle of a history, and the current month open.
 */
export async function addVariedHistories(db: Store, now: Date, options: { firstCustomer: number; accounts: number; months: number }): Promise<void> {
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const { firstCustomer, accounts, months } = options;
  const customers = Array.from({ length: accounts }, (_, i) => firstCustomer + i);
  await db.customer.createMany({ data: customers.map((id) => ({ id, displayName: `c${id}`, ageBand: '25-34', job: 'clerk', habit: 'convenience', homeLat: 30.54, homeLng: 114.36 })) });
  let billId = 100_000;
  let repaymentId = 100_000;
  for (const [i, customerId] of customers.entries()) {
    const account = await db.creditAccount.create({ data: { customerId, limit: 100_000 + i * 50_000, openedAt: new Date(now.getTime() - (months + 2 + i) * 30 * DAY), status: 'active' } });
    const bills = [];
    const repayments = [];
    const lateness = 0.1 + (i % 4) * 0.12;
    for (let m = months; m >= 0; m--) {
      const due = new Date(now.getTime() - m * 30 * DAY + 10 * DAY - (i % 3) * 3600_000);
      const roll = random();
      const status = m === 0 ? 'open' : m === Math.floor(months / 2) && i % 5 === 0 ? 'open' : roll < lateness * 0.3 ? 'overdue' : roll < lateness ? 'paid_late' : 'paid_on_time';
      const amount = 1000 + Math.floor(random() * 40_000);
      const id = ++billId;
      bills.push({ id, accountId: account.id, periodStart: new Date(due.getTime() - 40 * DAY), periodEnd: new Date(due.getTime() - 10 * DAY), dueDate: due, amount, status });
      if (status === 'paid_on_time') repayments.push({ id: ++repaymentId, billId: id, paidAt: new Date(due.getTime() - Math.floor(random() * 5 * DAY)), amount });
      if (status === 'paid_late' && !(i === 1 && m === 3)) {
        repayments.push({ id: ++repaymentId, billId: id, paidAt: new Date(due.getTime() + Math.floor(random() * 30 * DAY)), amount: Math.floor(amount / 2) });
        repayments.push({ id: ++repaymentId, billId: id, paidAt: new Date(due.getTime() + 31 * DAY + Math.floor(random() * 40 * DAY)), amount: amount - Math.floor(amount / 2) });
      }
    }
    await db.bill.createMany({ data: bills });
    if (repayments.length) await db.repayment.createMany({ data: repayments.reverse() }); // ids not in paidAt order
  }
}

/**
 * `accounts` shoppers (ids from `firstCustomer`) with `bills` monthly bills each, every one repaid on
 * time but the last (open): written by SQLite itself, ~1 s for 120k bills.
 */
export async function addBulkHistories(db: Store, now: Date, options: { firstCustomer: number; accounts: number; bills: number }): Promise<void> {
  const { firstCustomer, accounts, bills } = options;
  const iso = (expr: string) => `strftime('%Y-%m-%dT%H:%M:%f+00:00', ${expr})`;
  const nowIso = `'${now.toISOString()}'`;
  await db.$executeRawUnsafe(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${accounts - 1})
    INSERT INTO "Customer" ("id", "displayName", "ageBand", "job", "habit", "homeLat", "homeLng", "language", "createdAt")
    SELECT ${firstCustomer} + i, 'bulk ' || i, '25-34', 'clerk', 'convenience', 30.54, 114.36, 'zh', ${nowIso} FROM n`);
  await db.$executeRawUnsafe(`INSERT INTO "CreditAccount" ("customerId", "limit", "openedAt", "status")
    SELECT "id", 500000, ${iso(`${nowIso}, '-${bills + 1} months'`)}, 'active' FROM "Customer" WHERE "id" >= ${firstCustomer}`);
  // Bill k of an account is for the month k months before now's, due on the 10th of the next (k = 0: this month's, open).
  const month = `${nowIso}, 'start of month', '-' || k.m || ' months'`;
  await db.$executeRawUnsafe(`WITH RECURSIVE k(m) AS (SELECT 0 UNION ALL SELECT m + 1 FROM k WHERE m < ${bills - 1})
    INSERT INTO "Bill" ("accountId", "periodStart", "periodEnd", "dueDate", "amount", "status")
    SELECT a."id", ${iso(month)}, ${iso(`${month}, '+1 month', '-0.001 seconds'`)},
      ${iso(`${month}, '+1 month', '+9 days', '+15 hours', '+59 minutes'`)}, 1000 + (a."id" * 37 + k.m * 101) % 30000,
      CASE WHEN k.m = 0 THEN 'open' ELSE 'paid_on_time' END
    FROM "CreditAccount" a JOIN "Customer" c ON c."id" = a."customerId" AND c."id" >= ${firstCustomer}, k`);
  await db.$executeRawUnsafe(`INSERT INTO "Repayment" ("billId", "paidAt", "amount")
    SELECT b."id", ${iso(`b."dueDate", '-2 days'`)}, b."amount" FROM "Bill" b JOIN "CreditAccount" a ON a."id" = b."accountId"
    WHERE a."customerId" >= ${firstCustomer} AND b."status" <> 'open'`);
}

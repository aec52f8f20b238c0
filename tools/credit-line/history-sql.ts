// The repayment histories credit_line reads, as lean SQL that runs on SQLite and PostgreSQL: one
// account's bills (the caller's), or the model's training samples with their features computed by
// window functions in the store, so a call never maps every account's bills into objects.
import type { Store } from '../../prisma/store.ts';
import { sqlIntegers } from '../recommend/data.ts';
import { FEATURES, type AccountRecord, type BillRecord } from './model.ts';

const DAY = 86_400_000;

const isPostgres = (db: Store) => (db as unknown as { _activeProvider?: string })._activeProvider === 'postgresql';

/** A DateTime column as epoch milliseconds (SQLite keeps ISO text, PostgreSQL a timestamp in UTC). */
function epochMs(db: Store, column: string): string {
  return isPostgres(db)
    ? `CAST(ROUND(EXTRACT(EPOCH FROM ${column}) * 1000) AS BIGINT)`
    : `CAST(ROUND((julianday(${column}) - 2440587.5) * 86400000) AS INTEGER)`;
}

/** The latest repayment of bill `b` (one index lookup on Repayment.billId). */
const lastPaidMs = (db: Store) => `(SELECT MAX(${epochMs(db, 'r."paidAt"')}) FROM "Repayment" r WHERE r."billId" = b."id")`;

const num = (v: unknown) => Number(v); // integers come back as number or BigInt depending on the driver
const orNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Accounts (all, or one shopper's) with every bill and its latest repayment: two flat reads. */
export async function readAccounts(db: Store, customerId?: number): Promise<AccountRecord[]> {
  const who = customerId === undefined ? '' : ` WHERE a."customerId" = ${sqlIntegers([customerId], 'customerId')}`;
  const accounts = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT a."id" AS id, a."customerId" AS "customerId", a."limit" AS "limit", ${epochMs(db, 'a."openedAt"')} AS "openedMs" FROM "CreditAccount" a${who} ORDER BY a."id"`);
  if (!accounts.length) return [];
  const bills = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT b."accountId" AS "accountId", ${epochMs(db, 'b."dueDate"')} AS "dueMs", b."amount" AS amount, b."status" AS status, ${lastPaidMs(db)} AS "paidMs"`
    + ` FROM "Bill" b${customerId === undefined ? '' : ` WHERE b."accountId" = ${sqlIntegers([num(accounts[0].id)], 'accountId')}`} ORDER BY b."accountId", b."id"`);
  const byAccount = new Map<number, BillRecord[]>();
  for (const b of bills) {
    const paid = orNull(b.paidMs);
    const list = byAccount.get(num(b.accountId)) ?? [];
    list.push({ dueDate: new Date(num(b.dueMs)), amount: num(b.amount), status: String(b.status), paidAt: paid === null ? null : new Date(paid) });
    byAccount.set(num(b.accountId), list);
  }
  return accounts.map((a) => ({ id: num(a.id), customerId: num(a.customerId), limit: num(a.limit), openedAt: new Date(num(a.openedMs)), bills: byAccount.get(num(a.id)) ?? [] }));
}

/**
 * The training samples of model.ts `samples()` — one per settled bill with three bills before it, its
 * features as of its due date — for bills due on or after `since`, in account and due-date order.
 * The history aggregates (on-time count, late bills in the last six, longest delay, last three
 * amounts) come from window functions over each account's settled bills; like samples() they take
 * an account's bills to have distinct due dates (one bill a month).
 */
export async function readTrainingSamples(db: Store, since: Date): Promise<{ X: number[][]; y: number[] }> {
  const past = 'ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING';
  const order = 'PARTITION BY "accountId" ORDER BY "dueMs", "id"';
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`
    WITH late AS ( -- the latest repayment of each bill paid late (the delay is the only use of a repayment date)
      SELECT r."billId" AS "billId", MAX(${epochMs(db, 'r."paidAt"')}) AS "paidMs" FROM "Repayment" r JOIN "Bill" lb ON lb."id" = r."billId"
      WHERE lb."status" = 'paid_late' GROUP BY r."billId"
    ), bills AS (
      SELECT b."id" AS "id", b."accountId" AS "accountId", ${epochMs(db, 'b."dueDate"')} AS "dueMs", b."amount" AS "amount", b."status" AS "status",
        p."paidMs" AS "paidMs", ROW_NUMBER() OVER (PARTITION BY b."accountId" ORDER BY b."dueDate", b."id") AS "position"
      FROM "Bill" b LEFT JOIN late p ON p."billId" = b."id"
    ), settled AS (
      SELECT s.*,
        COUNT(*) OVER past AS "history",
        SUM(CASE WHEN "status" = 'paid_on_time' THEN 1 ELSE 0 END) OVER past AS "onTime",
        SUM(CASE WHEN "status" IN ('paid_late', 'overdue') THEN 1 ELSE 0 END) OVER last6 AS "late6",
        MAX(CASE WHEN "status" = 'paid_late' THEN "paidMs" - "dueMs" END) OVER past AS "maxLateMs",
        MIN(CASE WHEN "status" = 'overdue' THEN "dueMs" END) OVER past AS "firstOverdueMs",
        SUM("amount") OVER last3 AS "spend3", COUNT(*) OVER last3 AS "n3"
      FROM bills s WHERE "status" <> 'open'
      WINDOW past AS (${order} ${past}), last6 AS (${order} ROWS BETWEEN 6 PRECEDING AND 1 PRECEDING), last3 AS (${order} ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING)
    )
    SELECT s."dueMs" AS "dueMs", s."status" AS "status", s."history" AS "history", s."onTime" AS "onTime", s."late6" AS "late6", s."maxLateMs" AS "maxLateMs",
      s."firstOverdueMs" AS "firstOverdueMs", s."spend3" AS "spend3", s."n3" AS "n3", a."limit" AS "limit", ${epochMs(db, 'a."openedAt"')} AS "openedMs"
    FROM settled s JOIN "CreditAccount" a ON a."id" = s."accountId"
    WHERE s."position" > 3 AND s."dueMs" >= ${sqlIntegers([since.getTime()], 'since')}
    ORDER BY s."accountId", s."dueMs", s."id"`);
  const X: number[][] = [];
  const y: number[] = [];
  for (const r of rows) {
    X.push(featuresOf(r));
    y.push(r.status === 'paid_late' || r.status === 'overdue' ? 1 : 0);
  }
  return { X, y };
}

/** model.ts `features()` from the aggregates, with the same arithmetic (so the same doubles). */
function featuresOf(r: Record<string, unknown>): number[] {
  const asOf = num(r.dueMs);
  const history = num(r.history);
  const n3 = num(r.n3);
  const spend = n3 ? num(r.spend3) / n3 : 0;
  const limit = num(r.limit);
  const lateMs = orNull(r.maxLateMs);
  const firstOverdue = orNull(r.firstOverdueMs);
  const x = [
    (num(r.onTime ?? 0) + 1) / (history + 2),
    num(r.late6 ?? 0),
    Math.min(120, Math.max(0, lateMs === null ? 0 : lateMs / DAY, firstOverdue === null ? 0 : (asOf - firstOverdue) / DAY, 0)),
    limit ? spend / limit : 0,
    Math.max(0, (asOf - num(r.openedMs)) / (30.44 * DAY)),
    Math.log1p(spend / 100),
    history,
  ];
  if (x.length !== FEATURES.length) throw new Error('feature list out of step with model.ts');
  return x;
}

// Default-probability model for the pay-later line: features from a shopper's repayment history
// before a bill, label = that bill paid late or left overdue. Logistic regression (tools/shared).
import { fitLogistic, predict, type LogisticModel } from '../shared/logistic.ts';

export type BillRecord = { dueDate: Date; amount: number; status: string; paidAt?: Date | null };
export type AccountRecord = { id: number; customerId: number; limit: number; openedAt: Date; bills: BillRecord[] };

export const FEATURES = ['on_time_rate', 'late_last_6', 'max_days_late', 'utilisation', 'tenure_months', 'log_spend', 'bills_so_far'];
const DAY = 86_400_000;

const bad = (b: BillRecord) => b.status === 'paid_late' || b.status === 'overdue';

/** Features of an account as of `asOf`, from the bills due before it. */
export function features(account: AccountRecord, asOf: Date): number[] {
  const history = account.bills.filter((b) => b.dueDate < asOf && b.status !== 'open').sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime());
  const onTime = history.filter((b) => b.status === 'paid_on_time').length;
  const last6 = history.slice(-6);
  const daysLate = history.map((b) => {
    if (b.status === 'overdue') return (asOf.getTime() - b.dueDate.getTime()) / DAY;
    if (b.status === 'paid_late' && b.paidAt) return (b.paidAt.getTime() - b.dueDate.getTime()) / DAY;
    return 0;
  });
  const last3 = history.slice(-3);
  const spend = last3.length ? last3.reduce((s, b) => s + b.amount, 0) / last3.length : 0;
  return [
    (onTime + 1) / (history.length + 2),
    last6.filter(bad).length,
    Math.min(120, Math.max(0, ...daysLate, 0)),
    account.limit ? spend / account.limit : 0,
    Math.max(0, (asOf.getTime() - account.openedAt.getTime()) / (30.44 * DAY)),
    Math.log1p(spend / 100),
    history.length,
  ];
}

/** One sample per settled bill with at least three bills of history before it. */
export function samples(accounts: AccountRecord[], before?: Date, after?: Date) {
  const X: number[][] = [];
  const y: number[] = [];
  for (const a of accounts) {
    const sorted = [...a.bills].sort((p, q) => p.dueDate.getTime() - q.dueDate.getTime());
    sorted.forEach((bill, i) => {
      if (i < 3 || bill.status === 'open') return;
      if (before && bill.dueDate >= before) return;
      if (after && bill.dueDate < after) return;
      X.push(features(a, bill.dueDate));
      y.push(bad(bill) ? 1 : 0);
    });
  }
  return { X, y };
}

export function trainCreditModel(accounts: AccountRecord[], before?: Date): LogisticModel {
  return fitCreditModel(samples(accounts, before));
}

export function fitCreditModel({ X, y }: { X: number[][]; y: number[] }): LogisticModel {
  return fitLogistic(X, y, FEATURES, { l2: 1e-6 });
}

/** The tool's model learns from the bills that fell due in the last two years (their features still see the whole history before them). */
export const TRAINING_DAYS = 730;

export { predict };

// Policy: probability of a late/missed bill → limit. Stated to the shopper with the answer.
export const POLICY_BANDS = [
  { below: 0.05, multiplier: 1.5 },
  { below: 0.1, multiplier: 1.2 },
  { below: 0.2, multiplier: 1.0 },
  { below: 0.35, multiplier: 0.7 },
  { below: 1.01, multiplier: 0.4 },
];
export const MIN_LIMIT = 50_000; // fen
export const MAX_LIMIT = 5_000_000;

/** The limit at the next review (fen): the current limit × the band's multiplier, in ¥100 steps, ¥500–¥50,000. */
export function policyLimit(pd: number, currentLimit: number): number {
  const band = POLICY_BANDS.find((b) => pd < b.below)!;
  return Math.min(MAX_LIMIT, Math.max(MIN_LIMIT, Math.round((currentLimit * band.multiplier) / 10_000) * 10_000));
}

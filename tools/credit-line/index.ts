// credit_line (花呗-style pay-later): the shopper's limit, used and available amount, next bill, why the
// limit is what it is (top factors of the default-probability model), and what an on-time or a late
// repayment would do. Overdue accounts get a reminder and never a higher limit.
import { z } from 'zod';
import { defineTool, shopperId, t, type ToolDeps } from '../context.ts';
import { localDate } from '../merchant-stats/period.ts';
import { toYuan } from '../money.ts';
import { contributions, type LogisticModel } from '../shared/logistic.ts';
import { readAccounts, readTrainingSamples } from './history-sql.ts';
import { features, fitCreditModel, policyLimit, predict, TRAINING_DAYS, type AccountRecord } from './model.ts';

const DAY = 86_400_000;
const cache = new WeakMap<object, { built: number; model: Promise<LogisticModel> }>();

/** Accounts with their bills (all, or one shopper's): flat SQL reads, bounded by the caller's account when one is given. */
export async function loadAccounts(deps: ToolDeps, customerId?: number): Promise<AccountRecord[]> {
  return readAccounts(deps.db, customerId);
}

/** The default-probability model, kept 6 hours per store; trained on samples the store computes (history-sql.ts). */
function creditModel(deps: ToolDeps, now: Date): Promise<LogisticModel> {
  const hit = cache.get(deps.db);
  if (hit && Date.now() - hit.built < 6 * 3600_000) return hit.model;
  const model = readTrainingSamples(deps.db, new Date(now.getTime() - TRAINING_DAYS * DAY)).then(fitCreditModel);
  cache.set(deps.db, { built: Date.now(), model });
  model.catch(() => cache.delete(deps.db));
  return model;
}

const LABELS: Record<string, { zh: string; en: string }> = {
  on_time_rate: { zh: '按时还款比例', en: 'share of bills paid on time' },
  late_last_6: { zh: '近 6 期逾期次数', en: 'late bills in the last six' },
  max_days_late: { zh: '最长逾期天数', en: 'longest delay in days' },
  utilisation: { zh: '额度使用率', en: 'how much of the limit you use' },
  tenure_months: { zh: '开通时长', en: 'how long you have had the account' },
  log_spend: { zh: '月均消费', en: 'monthly spending' },
  bills_so_far: { zh: '账单期数', en: 'number of bills so far' },
};

const output = z.discriminatedUnion('status', [
  z.object({ status: z.literal('no_account') }),
  z.object({
    status: z.literal('ok'),
    account: z.object({ limit: z.number(), used: z.number(), available: z.number(), state: z.string(), overdueAmount: z.number() }),
    nextBill: z.object({ amount: z.number(), dueDate: z.string() }).nullable(),
    risk: z.object({ probabilityLatePct: z.number(), policyLimit: z.number(), policy: z.string() }),
    factors: z.array(z.object({ factor: z.string(), value: z.number(), effect: z.enum(['raises_limit', 'lowers_limit']) })),
    whatIf: z.object({ onTime: z.object({ probabilityLatePct: z.number(), limit: z.number() }), late: z.object({ probabilityLatePct: z.number(), limit: z.number() }) }),
    reminder: z.string().nullable(),
  }),
]);

export const creditLine = defineTool({
  name: 'credit_line',
  example: {},
  description: 'The calling shopper\'s pay-later credit line: limit, used and available amount, next bill, why the limit is what it is (top factors from a default-probability model trained on repayment histories), and how an on-time or late repayment would change it.',
  access: 'read',
  roles: ['shopper'],
  input: z.object({}),
  output,
  async run(deps, ctx) {
    const customerId = shopperId(ctx);
    const [account] = await loadAccounts(deps, customerId);
    if (!account) return { status: 'no_account' as const };
    const model = await creditModel(deps, ctx.now);
    const now = ctx.now;
    const unpaid = account.bills.filter((b) => b.status === 'open' || b.status === 'overdue');
    const overdue = account.bills.filter((b) => b.status === 'overdue' || (b.status === 'open' && b.dueDate < now));
    const used = unpaid.reduce((s, b) => s + b.amount, 0);
    const next = account.bills.filter((b) => b.status === 'open' && b.dueDate >= now).sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime())[0];
    const settled = account.bills.filter((b) => b.status !== 'open').sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime()).slice(-6);
    const averageBill = settled.length ? settled.reduce((s, b) => s + b.amount, 0) / settled.length : 0;

    const x = features(account, now);
    const pd = predict(model, x);
    // An overdue account never gets more than it has.
    const cap = (limit: number) => (overdue.length ? Math.min(limit, account.limit) : limit);
    const whatIf = (status: 'paid_on_time' | 'paid_late') => {
      const due = next?.dueDate ?? new Date(now.getTime() + 15 * DAY);
      const hypothetical = { dueDate: due, amount: next?.amount ?? averageBill, status, paidAt: new Date(due.getTime() + (status === 'paid_late' ? 15 : -2) * DAY) };
      const later = { ...account, bills: [...account.bills.filter((b) => b !== next), hypothetical] };
      const p = predict(model, features(later, new Date(due.getTime() + 20 * DAY)));
      return { probabilityLatePct: Math.round(p * 1000) / 10, limit: toYuan(cap(policyLimit(p, account.limit))) };
    };
    const push = contributions(model, x).map((c, j) => ({ j, c })).sort((a, b) => Math.abs(b.c) - Math.abs(a.c)).slice(0, 3);
    const zh = ctx.locale === 'zh';
    return {
      status: 'ok' as const,
      account: { limit: toYuan(account.limit), used: toYuan(used), available: toYuan(Math.max(0, account.limit - used)), state: overdue.length ? 'overdue' : 'active', overdueAmount: toYuan(overdue.reduce((s, b) => s + b.amount, 0)) },
      nextBill: next ? { amount: toYuan(next.amount), dueDate: localDate(next.dueDate) } : null,
      risk: {
        probabilityLatePct: Math.round(pd * 1000) / 10,
        policyLimit: toYuan(cap(policyLimit(pd, account.limit))),
        policy: t(ctx.locale,
          `下次评估额度 = 当前额度 × 风险系数（下期逾期概率 <5%：×1.5，<10%：×1.2，<20%：不变，<35%：×0.7，其他：×0.4），范围 ¥500–¥50000；有逾期时不提额。`,
          `Limit at the next review = current limit × a risk factor (chance the next bill is late < 5%: ×1.5, < 10%: ×1.2, < 20%: unchanged, < 35%: ×0.7, else ×0.4), between ¥500 and ¥50,000; never raised while a bill is overdue.`),
      },
      factors: push.map(({ j, c }) => ({ factor: LABELS[model.names[j]][zh ? 'zh' : 'en'], value: Math.round(x[j] * 100) / 100, effect: (c > 0 ? 'lowers_limit' : 'raises_limit') as 'lowers_limit' | 'raises_limit' })),
      whatIf: { onTime: whatIf('paid_on_time'), late: whatIf('paid_late') },
      reminder: overdue.length
        ? t(ctx.locale, `你有 ${overdue.length} 期账单已逾期，共 ¥${toYuan(overdue.reduce((s, b) => s + b.amount, 0))}，请尽快还款；逾期期间不会提额。`, `${overdue.length} bill(s) are overdue, ¥${toYuan(overdue.reduce((s, b) => s + b.amount, 0))} in total: please repay soon. The limit will not go up while a bill is overdue.`)
        : null,
    };
  },
});


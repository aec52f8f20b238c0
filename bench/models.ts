// npm run bench:models — model quality on held-out data, side by side with baselines, on the demo
// world and on the real datasets in ../shared/data; and each tool's time per call. Prints figures only.
import { median } from 'simple-statistics';
import { openStore } from '../prisma/store.ts';
import { createToolDeps } from '../tools/deps.ts';
import type { CallerContext, ToolSpec } from '../tools/context.ts';
import { loadAccounts } from '../tools/credit-line/index.ts';
import { predict, samples, trainCreditModel } from '../tools/credit-line/model.ts';
import { TOOLS } from '../tools/index.ts';
import { loadCatalogue, loadPurchases } from '../tools/recommend/data.ts';
import { ndcgAt, popularityBaseline, recallAt, RecommenderModel, repurchasePopularityBaseline, type ItemInfo, type Purchase } from '../tools/recommend/model.ts';
import { chooseModel, mase, seasonalNaive } from '../tools/restock-forecast/models.ts';
import { auc, fitLogistic, predict as predictLogistic } from '../tools/shared/logistic.ts';
import { csvRows, dataset, onlineRetail } from './real-data.ts';

const HOLDOUT_WEEKS = 8;
const fmt = (x: number) => x.toFixed(3);

function forecastBench(label: string, series: number[][]) {
  const ours: number[] = [];
  const naive: number[] = [];
  const picks = new Map<string, number>();
  for (const y of series) {
    const train = y.slice(0, -HOLDOUT_WEEKS);
    const test = y.slice(-HOLDOUT_WEEKS);
    const chosen = chooseModel(train);
    picks.set(chosen.model.name, (picks.get(chosen.model.name) ?? 0) + 1);
    ours.push(mase(train, test, chosen.model.fit(train)(HOLDOUT_WEEKS)));
    naive.push(mase(train, test, seasonalNaive.fit(train)(HOLDOUT_WEEKS)));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`  ${label}: ${series.length} series, last ${HOLDOUT_WEEKS} weeks held out`);
  console.log(`    MASE mean   — chosen by backtest ${fmt(mean(ours))}  vs seasonal naive ${fmt(mean(naive))}`);
  console.log(`    MASE median — chosen by backtest ${fmt(median(ours))}  vs seasonal naive ${fmt(median(naive))}`);
  console.log(`    better on ${ours.filter((v, i) => v < naive[i]).length}/${series.length} series; models picked: ${[...picks].map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

function recommendBench(label: string, purchases: Purchase[], items: Map<number, ItemInfo>, testDays = 28) {
  const last = purchases.reduce((m, p) => Math.max(m, p.day), 0);
  const cut = last - testDays;
  const train = purchases.filter((p) => p.day <= cut);
  const started = performance.now();
  const model = RecommenderModel.train(train, items, cut);
  const buildMs = performance.now() - started;
  const test = new Map<number, Set<number>>();
  for (const p of purchases) if (p.day > cut) test.set(p.customer, (test.get(p.customer) ?? new Set()).add(p.item));
  const popular = popularityBaseline(train, cut, 50);
  const sums = { popularity: [0, 0], 'repurchase+popularity': [0, 0], ours: [0, 0] };
  let n = 0;
  for (const [customer, relevant] of test) {
    if (model.history(customer).length < 5) continue;
    n++;
    const lists = { popularity: popular, 'repurchase+popularity': repurchasePopularityBaseline(model, customer, popular, 10), ours: model.recommend(customer, { k: 10 }).map((r) => r.item) };
    for (const [k, list] of Object.entries(lists)) {
      sums[k as keyof typeof sums][0] += recallAt(list, relevant, 10);
      sums[k as keyof typeof sums][1] += ndcgAt(list, relevant, 10);
    }
  }
  console.log(`  ${label}: ${n} shoppers, last ${testDays} days held out (model built in ${(buildMs / 1000).toFixed(1)} s)`);
  for (const [k, [r, g]] of Object.entries(sums)) console.log(`    ${k.padEnd(22)} recall@10 ${fmt(r / n)}  NDCG@10 ${fmt(g / n)}`);
}

const db = await openStore();
const deps = await createToolDeps(db);
const { products } = deps;

console.log('\n== Restock forecast (MASE, lower is better)');
{
  const lines = await db.orderItem.findMany({ where: { order: { status: 'paid' } }, select: { productId: true, quantity: true, order: { select: { shopId: true, createdAt: true } } } });
  const end = lines.reduce((m, l) => Math.max(m, l.order.createdAt.getTime()), 0);
  const weeks = Math.floor((end - lines.reduce((m, l) => Math.min(m, l.order.createdAt.getTime()), end)) / (7 * 86_400_000));
  const series = new Map<string, number[]>();
  for (const l of lines) {
    const w = weeks - 1 - Math.floor((end - l.order.createdAt.getTime()) / (7 * 86_400_000));
    if (w < 0) continue;
    const key = `${l.order.shopId}:${l.productId}`;
    const y = series.get(key) ?? new Array(weeks).fill(0);
    y[w] += l.quantity;
    series.set(key, y);
  }
  const busiest = [...series.values()].filter((y) => y.filter(Boolean).length >= 20).sort((a, b) => b.reduce((s, v) => s + v, 0) - a.reduce((s, v) => s + v, 0)).slice(0, 400);
  forecastBench('demo world, 400 busiest shop×product weekly series', busiest);
}
{
  const path = dataset('online_retail', 'online_retail.csv.gz');
  if (path) {
    const lines = await onlineRetail(path);
    const lastDay = lines.reduce((m, l) => Math.max(m, l.day), 0);
    const weeks = Math.floor(lastDay / 7) + 1;
    const series = new Map<string, number[]>();
    for (const l of lines) {
      const y = series.get(l.stockCode) ?? new Array(weeks).fill(0);
      y[Math.floor(l.day / 7)] += l.quantity;
      series.set(l.stockCode, y);
    }
    const eligible = [...series.values()].filter((y) => y.filter(Boolean).length >= 26);
    forecastBench(`UCI Online Retail, ${eligible.length} products with ≥ 26 active weeks`, eligible);
  }
}

console.log('\n== Recommendation (held-out next purchases)');
{
  const [items, purchases] = await Promise.all([loadCatalogue(db), loadPurchases(db)]);
  recommendBench('demo world', purchases, items);
}
{
  const path = dataset('online_retail', 'online_retail.csv.gz');
  if (path) {
    const lines = (await onlineRetail(path)).filter((l) => l.customer !== null);
    const codes = new Map<string, number>();
    const items = new Map<number, ItemInfo>();
    const purchases: Purchase[] = lines.map((l) => {
      let id = codes.get(l.stockCode);
      if (id === undefined) {
        codes.set(l.stockCode, (id = codes.size + 1));
        items.set(id, { id, kind: l.stockCode.replace(/[A-Z]+$/, ''), brand: '', category: 'gifts', price: Math.round(l.price * 100) });
      }
      return { customer: l.customer!, item: id, day: l.day, price: Math.round(l.price * 100) };
    });
    recommendBench('UCI Online Retail', purchases, items, 30);
  }
}

console.log('\n== Credit default model (AUC on held-out data, higher is better)');
{
  const accounts = await loadAccounts(deps);
  const lastDue = accounts.flatMap((a) => a.bills).reduce((m, b) => Math.max(m, b.dueDate.getTime()), 0);
  const cut = new Date(lastDue - 120 * 86_400_000);
  const model = trainCreditModel(accounts, cut);
  const test = samples(accounts, undefined, cut);
  const onTimeOnly = test.X.map((x) => -x[0]); // baseline: share of bills paid on time alone
  console.log(`  demo world: trained on bills due before ${cut.toISOString().slice(0, 10)}, tested on ${test.y.length} later bills (${test.y.filter(Boolean).length} late)`);
  console.log(`    logistic regression AUC ${fmt(auc(test.X.map((x) => predict(model, x)), test.y))}  vs on-time rate alone ${fmt(auc(onTimeOnly, test.y))}`);
}
{
  const path = dataset('credit_taiwan', 'UCI_Credit_Card.csv.gz');
  if (path) {
    // Repayment behaviour only: sex, age, education and marriage are protected traits and not used.
    const X: number[][] = [];
    const y: number[] = [];
    for await (const r of csvRows(path)) {
      const limit = Number(r.LIMIT_BAL);
      const pay = ['PAY_0', 'PAY_2', 'PAY_3', 'PAY_4', 'PAY_5', 'PAY_6'].map((k) => Number(r[k]));
      const bills = [1, 2, 3, 4, 5, 6].map((i) => Number(r[`BILL_AMT${i}`]));
      const paid = [1, 2, 3, 4, 5, 6].map((i) => Number(r[`PAY_AMT${i}`]));
      X.push([...pay, Math.max(...pay), pay.filter((p) => p > 0).length, bills[0] / limit, paid[0] / Math.max(1, bills[1]), Math.log1p(limit)]);
      y.push(Number(r['default.payment.next.month']));
    }
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const isTest = X.map(() => rnd() < 0.3);
    const names = ['pay0', 'pay2', 'pay3', 'pay4', 'pay5', 'pay6', 'worst_status', 'months_late', 'utilisation', 'repaid_share', 'log_limit'];
    const model = fitLogistic(X.filter((_, i) => !isTest[i]), y.filter((_, i) => !isTest[i]), names);
    const testX = X.filter((_, i) => isTest[i]);
    const testY = y.filter((_, i) => isTest[i]);
    console.log(`  UCI default of credit card clients: 70/30 split, ${testY.length} test clients (${testY.filter(Boolean).length} defaults)`);
    console.log(`    logistic regression AUC ${fmt(auc(testX.map((x) => predictLogistic(model, x)), testY))}  vs latest repayment status alone ${fmt(auc(testX.map((x) => x[0]), testY))}`);
  }
}

console.log('\n== Time per tool call on the demo world (median of 5, after one warm-up)');
{
  const now = new Date();
  const shopper: CallerContext = { caller: { role: 'shopper', customerId: 12 }, locale: 'zh', location: { lat: 30.5275, lng: 114.3537 }, now };
  const merchant: CallerContext = { caller: { role: 'merchant', merchantId: 34 }, locale: 'zh', now };
  const args: Record<string, unknown> = {
    nearby_shops: { query: '洗衣液' }, price_check: { product: '蓝月亮洗衣液 2kg', price: 59 }, recommend: {}, customer_profile: {}, credit_line: {}, wealth_products: {},
    merchant_stats: { period: 'last_30_days' }, restock_forecast: { shopId: 59 }, satisfaction_report: {}, pricing_advice: {}, anomaly_alerts: {},
  };
  for (const spec of TOOLS as ToolSpec[]) {
    if (!(spec.name in args)) continue;
    const ctx = spec.roles.includes('shopper') ? shopper : merchant;
    const input = spec.input.parse(args[spec.name]);
    const warm = performance.now();
    await spec.run(deps, ctx, input);
    const first = performance.now() - warm;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await spec.run(deps, ctx, input);
      times.push(performance.now() - t);
    }
    console.log(`  ${spec.name.padEnd(20)} ${median(times).toFixed(0).padStart(5)} ms  (first call ${first.toFixed(0)} ms)`);
  }
}
await db.$disconnect();

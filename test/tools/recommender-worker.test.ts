// The recommender trains in a worker thread: same recommendations as in-process, the main thread
// keeps running meanwhile, a stale model is served while a new one trains, what the shopper just said
// or recorded counts at once, and a failing worker falls back to training in-process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../prisma/store.ts';
import type { CallerContext, ToolDeps } from '../../tools/context.ts';
import { customerProfile } from '../../tools/customer-profile.ts';
import { feedback } from '../../tools/feedback.ts';
import { dayOf, loadCatalogue, loadPurchases, loadPurchasesWith, runOnStore } from '../../tools/recommend/data.ts';
import { recommend, recommenderFor, recommenderSettled, recommenderState, trainer } from '../../tools/recommend/index.ts';
import { RecommenderModel, type Purchase } from '../../tools/recommend/model.ts';
import { RecommenderTrainer } from '../../tools/recommend/trainer.ts';
import { recordPurchase } from '../../tools/record-purchase.ts';
import { depsFor, shopperAtCampus, useFixture } from '../helpers/deps.ts';
import { NOW } from '../helpers/fixture.ts';
import { POSTGRES_ADMIN_URL, usePostgres } from '../helpers/postgres.ts';
import { FIRST_CUSTOMER, ormPurchases, syntheticItems, syntheticPurchases, writeSynthetic } from '../helpers/purchases.ts';

const TODAY = dayOf(NOW);
const SHOPPERS = 60;
const fixture = useFixture((db) => writeSynthetic(db, SHOPPERS).then(() => undefined));

const sorted = (ps: Purchase[]) => ps.map((p) => [p.customer, p.item, p.day, p.price, p.shop].join(',')).sort();

/** Every shopper's top 10 (plain and with a dislike and a like) and repurchase rhythms: what the tools show. */
function answers(model: RecommenderModel) {
  const ids = [...syntheticItems().keys()];
  const feedbackMap = new Map([[ids[0], 1], [ids[7], 5]]);
  return model.customers().sort((a, b) => a - b).map((c) => ({
    c,
    plain: model.recommend(c, { k: 10 }),
    withFeedback: model.recommend(c, { k: 10, feedback: feedbackMap }),
    rhythms: [...model.rhythms(c)],
  }));
}

describe('recommender data', () => {
  it('reads with lean SQL exactly the purchases the ORM read, self-reported ones included', async () => {
    await fixture.db.selfReportedPurchase.create({ data: { customerId: 2, shopId: 2, productId: 3, quantity: 1, unitPrice: 1400, paymentMethod: 'third_party', purchasedAt: new Date(NOW.getTime() - 86_400_000) } });
    try {
      const lean = await loadPurchases(fixture.db);
      expect(lean.length).toBeGreaterThan(1000);
      expect(sorted(lean)).toEqual(sorted(await ormPurchases(fixture.db)));
      expect(lean).toContainEqual({ customer: 2, item: 3, day: TODAY - 1, price: 1400, shop: 2 });
      // Page by page (as on the main thread) the same rows in the same order.
      expect(await loadPurchasesWith(runOnStore(fixture.db), { pageSize: 500 })).toEqual(lean);
      // One shopper's, in the same order as in the full read.
      const one = await loadPurchases(fixture.db, FIRST_CUSTOMER + 3);
      expect(one).toEqual(lean.filter((p) => p.customer === FIRST_CUSTOMER + 3));
    } finally {
      await fixture.db.selfReportedPurchase.deleteMany({});
    }
  });
});

describe('recommender training in a worker thread', () => {
  const local = new RecommenderTrainer();
  afterAll(() => local.close());

  it('recommends exactly what the in-process model recommends, for every shopper', async () => {
    const inWorker = await local.inWorker(fixture.db, TODAY); // reads the SQLite file itself
    const inProcess = await local.inProcess(fixture.db, TODAY);
    expect(inProcess.ranker).toBeDefined(); // a learned ranker, not the fallback blend
    expect(inWorker.ranker).toEqual(inProcess.ranker);
    expect(inWorker.customers().length).toBe(SHOPPERS + 1);
    expect(answers(inWorker)).toEqual(answers(inProcess));
    // The same on rows handed over by the main thread (the PostgreSQL path).
    const items = syntheticItems();
    const purchases = syntheticPurchases(40, 200, 3);
    expect(answers(await local.inWorkerOn(items, purchases, TODAY))).toEqual(answers(RecommenderModel.train(purchases, items, TODAY, { maxCustomers: 300 })));
  });

  it('keeps the main thread running while it trains', async () => {
    const items = syntheticItems();
    const purchases = syntheticPurchases(1500, 365, 11); // ~10⁵ purchases: a second or more of training
    let done = false;
    let ticks = 0;
    const spin = () => {
      if (done) return;
      ticks++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const training = local.inWorkerOn(items, purchases, TODAY).then((m) => {
      done = true;
      return m;
    });
    // A trivial task queued after the training started finishes before the training does.
    const stillTraining = await new Promise<boolean>((resolve) => setTimeout(() => resolve(!done), 0));
    const model = await training;
    expect(stillTraining).toBe(true);
    expect(ticks).toBeGreaterThan(100);
    expect(model.customers().length).toBe(1500);
    // The same probe around an in-process training sees it finished first: it does tell the two apart.
    let inProcessDone = false;
    void Promise.resolve().then(() => { RecommenderModel.train(purchases, items, TODAY, { maxCustomers: 300 }); inProcessDone = true; });
    expect(await new Promise<boolean>((resolve) => setTimeout(() => resolve(!inProcessDone), 0))).toBe(false);
  }, 120_000);

  it('trains in-process once, with a log line, when the worker crashes or fails on its data', async () => {
    const reference = await local.inProcess(fixture.db, TODAY);
    for (const file of ['crashing-train-worker.mjs', 'throwing-train-worker.mjs']) {
      const broken = new RecommenderTrainer(new URL(`../helpers/${file}`, import.meta.url));
      const lines: string[] = [];
      const trained = await broken.train(fixture.db, TODAY, (line) => lines.push(line));
      await broken.close();
      expect(trained.where).toBe('main thread');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/training worker failed .*training in-process instead/);
      expect(broken.counts).toEqual({ worker: 0, mainThread: 1, workerFailures: 1 });
      expect(answers(trained.model)).toEqual(answers(reference));
    }
  });
});

describe('stale-while-revalidate in the tools', () => {
  let deps: ToolDeps;
  const logs: string[] = [];
  const shopper = (customerId: number): CallerContext => ({ caller: { role: 'shopper', customerId }, locale: 'en', location: shopperAtCampus.location, now: NOW });
  beforeAll(async () => {
    deps = { ...(await depsFor(fixture.db)), log: (line) => logs.push(line) };
  });

  it('waits only for the first model, honours a dislike at once and serves the old model while a recorded purchase retrains', async () => {
    const workerRuns = trainer.counts.worker;
    const emma = shopper(2); // no orders of her own in the fixture
    const first: any = await recommend.run(deps, emma, recommend.input.parse({}));
    expect(first.status).toBe('ok');
    expect(trainer.counts.worker).toBe(workerRuns + 1);
    const served = await recommenderFor(deps, NOW);
    expect(recommenderState(deps)).toMatchObject({ ready: true, training: false });

    // A dislike: gone from the very next answer, and no retrain (the model does not learn from feedback).
    const shopperA = shopper(FIRST_CUSTOMER);
    const before: any = await recommend.run(deps, shopperA, recommend.input.parse({}));
    const top = before.items[0].productId;
    await feedback.run(deps, shopperA, feedback.input.parse({ productId: top, rating: 1 }));
    const after: any = await recommend.run(deps, shopperA, recommend.input.parse({}));
    expect(after.items.map((i: any) => i.productId)).not.toContain(top);
    expect(recommenderState(deps).training).toBe(false);
    expect(await recommenderFor(deps, NOW)).toBe(served);

    // A recorded purchase: the same model answers at once, already with Emma's purchase in her history,
    // while a new one trains in the background.
    expect(served.history(2)).toEqual([]);
    // A whole-store read through the app's connection first, as the offers read of `recommend` is on the
    // demo world: with the bundled libSQL driver, the writes after it are seen by that connection only,
    // so the worker's training misses them and the overlay must carry them.
    await loadPurchases(fixture.db);
    const record = (date: string) => recordPurchase.run(deps, emma, recordPurchase.input.parse({ productId: 3, price: 15, shopId: 2, date }));
    await record('2026-10-26');
    expect(recommenderState(deps).training).toBe(true);
    expect(await recommenderFor(deps, NOW)).toBe(served);
    expect(served.history(2)).toEqual([{ customer: 2, item: 3, day: TODAY - 28, price: 1500, shop: 2 }]);
    // Two more, while that training may still run: her rhythm (every 14 days) shows in the next answer.
    await record('2026-11-09');
    await record('2026-11-23');
    const profile: any = await customerProfile.run(deps, emma, {});
    expect(profile.model.nextPurchases[0]).toEqual({ name: 'Blue Moon hand wash 500ml', dueDate: '2026-12-07' });

    await recommenderSettled(deps);
    const fresh = await recommenderFor(deps, NOW);
    expect(fresh).not.toBe(served);
    expect(fresh.history(2)).toHaveLength(3);
    expect(fresh.history(2)).toEqual(served.history(2));
    expect(recommenderState(deps).training).toBe(false);
    expect(trainer.counts.worker).toBeGreaterThanOrEqual(workerRuns + 2); // one more per change, coalesced
    expect(trainer.counts.workerFailures).toBe(0);
    expect(logs.filter((l) => /recommend/.test(l))).toEqual([]);
    await fixture.db.feedback.deleteMany({});
    await fixture.db.selfReportedPurchase.deleteMany({});
  }, 60_000);
});

describe.skipIf(!POSTGRES_ADMIN_URL)('recommender on PostgreSQL', () => {
  const pg = usePostgres(`shop_assistant_recommender_${process.pid}`);
  const local = new RecommenderTrainer();
  afterAll(() => local.close());

  it('reads the same purchases as the ORM and trains in the worker on rows from the main thread', async () => {
    await writeSynthetic(pg.db, 30);
    const lean = await loadPurchases(pg.db);
    expect(sorted(lean)).toEqual(sorted(await ormPurchases(pg.db)));
    expect([...(await loadCatalogue(pg.db)).values()]).toEqual([...(await loadCatalogue(fixture.db)).values()]);
    const inWorker = await local.inWorker(pg.db, TODAY);
    expect(answers(inWorker)).toEqual(answers(await local.inProcess(pg.db, TODAY)));
  }, 120_000);
});

// The trained recommender is kept on disk with the version of the data it learned from: a restart
// serves it without training when the store is unchanged, trains again when a purchase was added,
// and never trusts a damaged file.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ToolDeps } from '../../tools/context.ts';
import { forgetRecommender, recommenderFor, recommenderSettled, restoredModels, trainer } from '../../tools/recommend/index.ts';
import { savedModelFile } from '../../tools/recommend/saved-model.ts';
import { depsFor, useFixture } from '../helpers/deps.ts';
import { NOW } from '../helpers/fixture.ts';
import { FIRST_CUSTOMER, writeSynthetic } from '../helpers/purchases.ts';

const fixture = useFixture((db) => writeSynthetic(db, 40).then(() => undefined));

async function savedAfter(file: string, since: number) {
  for (let i = 0; i < 100 && !(existsSync(file) && statSync(file).mtimeMs >= since); i++) await new Promise((r) => setTimeout(r, 50));
  expect(existsSync(file)).toBe(true);
}
const tops = async (deps: ToolDeps) => {
  const model = await recommenderFor(deps, NOW);
  return [0, 1, 2, 3, 4].map((k) => model.recommend(FIRST_CUSTOMER + k, { k: 10 }).map((r) => r.item));
};

describe('the recommender kept on disk', () => {
  it('is served at the next start without training while the store is unchanged, and retrained after a new purchase', async () => {
    const logs: string[] = [];
    const deps: ToolDeps = { ...(await depsFor(fixture.db)), log: (line) => logs.push(line) };
    const file = await savedModelFile(fixture.db);
    const t0 = Date.now() - 1000;
    const trainings = trainer.counts.worker + trainer.counts.mainThread;
    const trained = await tops(deps);
    await savedAfter(file, t0);
    expect(trainer.counts.worker + trainer.counts.mainThread).toBe(trainings + 1);

    // A restart (the model forgotten): read back, not trained, the same recommendations.
    forgetRecommender(deps);
    const restoredBefore = restoredModels();
    expect(await tops(deps)).toEqual(trained);
    await recommenderSettled(deps);
    expect(restoredModels()).toBe(restoredBefore + 1);
    expect(trainer.counts.worker + trainer.counts.mainThread).toBe(trainings + 1);

    // A new purchase: the saved model no longer matches the store and a new one is trained.
    const product = await fixture.db.product.findFirstOrThrow();
    const shop = await fixture.db.shop.findFirstOrThrow();
    await fixture.db.order.create({ data: { customerId: FIRST_CUSTOMER, shopId: shop.id, createdAt: new Date(NOW.getTime() - 3600_000), total: 990, paymentMethod: 'third_party', items: { create: [{ productId: product.id, quantity: 1, unitPrice: 990 }] } } });
    forgetRecommender(deps);
    const t1 = Date.now() - 1000;
    await tops(deps);
    expect(trainer.counts.worker + trainer.counts.mainThread).toBe(trainings + 2);
    expect(restoredModels()).toBe(restoredBefore + 1);
    await savedAfter(file, t1);

    // A damaged file: said in the log, and a new model trained; no crash.
    writeFileSync(file, 'not a model');
    forgetRecommender(deps);
    await tops(deps);
    expect(trainer.counts.worker + trainer.counts.mainThread).toBe(trainings + 3);
    expect(logs.some((l) => /saved model could not be read/.test(l))).toBe(true);
    await recommenderSettled(deps);
  }, 120_000);
});

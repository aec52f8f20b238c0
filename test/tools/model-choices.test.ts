// The restock forecast's model choice (a backtest of every model per series) is cached by the series:
// a repeat call does not backtest again, a new order backtests only the series it changed, and a big
// batch runs in a worker thread with the same result as on this thread (or here, if the worker fails).
import { afterAll, describe, expect, it } from 'vitest';
import { ModelChoices, modelChoices } from '../../tools/restock-forecast/model-choices.ts';
import { chooseAndForecast } from '../../tools/restock-forecast/models.ts';
import { restockForecast } from '../../tools/restock-forecast/index.ts';
import { merchantOne, useFixture } from '../helpers/deps.ts';
import { NOW } from '../helpers/fixture.ts';
import { addSalesHistory } from '../helpers/sales-history.ts';

const WEEK = 7 * 86_400_000;

describe('restock_forecast model choices, cached per series', () => {
  const fixture = useFixture((db) => addSalesHistory(db));
  const restock = () => restockForecast.run(fixture.deps, merchantOne, restockForecast.input.parse({ limit: 50 })) as Promise<any>;
  const computed = () => modelChoices.counts.here + modelChoices.counts.worker;

  it('backtests on the first call only; a new order re-runs just the series it changed', async () => {
    const before = computed();
    const first = await restock();
    const backtested = computed() - before;
    expect(backtested).toBeGreaterThan(20); // every forecast product of shops A and B, and the total

    const hits = modelChoices.counts.hits;
    expect(await restock()).toEqual(first);
    expect(computed() - before).toBe(backtested);
    expect(modelChoices.counts.hits - hits).toBe(backtested);

    // Two more of one product in shop A this week: its series and the shops' total change, nothing else.
    const item = first.items.find((i: any) => i.shopId === 1);
    await fixture.db.order.create({ data: { id: 90_000, customerId: 100, shopId: 1, createdAt: new Date(NOW.getTime() - WEEK / 2), total: 3000, paymentMethod: 'debit_wallet', items: { create: [{ productId: item.productId, quantity: 2, unitPrice: 1500 }] } } });
    const after = await restock();
    expect(computed() - before).toBe(backtested + 2);
    expect(after.trend.actualUnits.at(-1)).toBe(first.trend.actualUnits.at(-1) + 2);
  });
});

describe('model choices in a worker thread', () => {
  const series = Array.from({ length: 12 }, (_, k) => Array.from({ length: 60 + k * 4 }, (_, i) => (i % (k + 2) === 0 ? 3 + (i % 5) : 0) + (k % 3) * Math.sin(i / 4)));
  const pools: ModelChoices[] = [];
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('gives the choices this thread would, for a batch at or over the threshold', async () => {
    const choices = new ModelChoices({ workerFrom: 10 });
    pools.push(choices);
    expect(await choices.chooseAll(series)).toEqual(series.map(chooseAndForecast));
    expect(choices.counts).toMatchObject({ worker: 12, here: 0, workerFailures: 0 });
    expect(await choices.chooseAll(series.slice(0, 3))).toEqual(series.slice(0, 3).map(chooseAndForecast));
    expect(choices.counts).toMatchObject({ worker: 12, here: 0, hits: 3 });
  }, 60_000);

  it('chooses on this thread when the worker fails', async () => {
    const choices = new ModelChoices({ workerFrom: 1, workerModule: new URL('../helpers/throwing-train-worker.mjs', import.meta.url) });
    pools.push(choices);
    expect(await choices.chooseAll(series)).toEqual(series.map(chooseAndForecast));
    expect(choices.counts).toMatchObject({ worker: 0, here: 12, workerFailures: 1 });
  }, 60_000);
});

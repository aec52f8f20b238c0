// recommend: what this shopper may want next, each with the reason, from their own history only.
import { z } from 'zod';
import { CATEGORY_KEYS } from '../catalogue/categories.ts';
import { defineTool, shopperId, t, type CallerContext, type ToolDeps } from '../context.ts';
import { boundingBox, metresBetween } from '../geo.ts';
import { toYuan } from '../money.ts';
import { dayOf, loadPurchases } from './data.ts';
import type { ModelSnapshot, Purchase, Reason, RecommenderModel } from './model.ts';
import { loadSavedModel, savedModelFile, saveModel, trainingDataVersion } from './saved-model.ts';
import { pricedRecommendations } from './priced.ts';
import { excludedBy } from '../catalogue/exclusion.ts';
import { RecommenderTrainer } from './trainer.ts';

// One model per store, trained in a worker thread (trainer.ts). Stale-while-revalidate: once a model
// exists it is served at once, and a new one is trained in the background when it is older than this
// or a purchase was recorded; only the very first model is waited for. Feedback is read from the store
// on every request (below), so a dislike counts at once whatever the model's age.
const MAX_AGE_MS = 60 * 60 * 1000;
export const trainer = new RecommenderTrainer();

type Entry = {
  model?: RecommenderModel;
  first?: Promise<RecommenderModel>;
  /** When the served model's training began (it read the store after that). */
  built: number;
  training?: Promise<void>;
  /** Something changed while a training ran: train once more after it. */
  again: boolean;
  /**
   * Shoppers who recorded a purchase here: their histories are re-read through the app's own
   * connection and laid over each new model, until a model read the same by itself.
   */
  recorded: Set<number>;
  recordedVersion: number;
};
const cache = new WeakMap<object, Entry>();
const logOf = (deps: ToolDeps) => deps.log ?? ((line: string) => console.error(line));

const byCustomer = (purchases: Purchase[]) => {
  const out = new Map<number, Purchase[]>();
  for (const p of purchases) out.set(p.customer, [...(out.get(p.customer) ?? []), p]);
  return out;
};
const sameHistory = (a: Purchase[], b: Purchase[]) => a.length === b.length && a.every((p, i) => p.item === b[i].item && p.day === b[i].day && p.price === b[i].price && p.shop === b[i].shop);

/** Lays the recorded shoppers' current histories over a newly trained model (one small query). */
async function overlay(deps: ToolDeps, entry: Entry, model: RecommenderModel): Promise<void> {
  for (;;) {
    const version = entry.recordedVersion;
    const customers = [...entry.recorded];
    if (!customers.length) return;
    const now = byCustomer(await loadPurchases(deps.db, customers));
    if (version !== entry.recordedVersion) continue; // another was recorded meanwhile: read again
    for (const c of customers) {
      const history = (now.get(c) ?? []).filter((p) => p.day <= model.today);
      if (sameHistory(model.history(c), history)) entry.recorded.delete(c); // the training saw it all
      else model.setHistory(c, history);
    }
    return;
  }
}

function train(deps: ToolDeps, entry: Entry, now: Date): Promise<void> {
  if (entry.training) {
    entry.again = true;
    return entry.training;
  }
  const started = Date.now();
  const run = (async () => {
    // Read before the training reads the store: a purchase written meanwhile makes the saved model out of date.
    const version = await trainingDataVersion(deps.db).catch(() => undefined);
    const { model, snapshot } = await trainer.train(deps.db, dayOf(now), logOf(deps));
    await overlay(deps, entry, model);
    entry.model = model;
    entry.built = started;
    if (version) void keep(deps, version, started, snapshot);
  })();
  entry.training = run.catch((error) => {
    if (!entry.model) throw error;
    entry.built = Date.now(); // keep serving the previous model; try again in an hour or on the next change
    logOf(deps)(`[recommend] background training failed, still serving the previous model: ${(error as Error)?.message ?? error}`);
  }).finally(() => {
    entry.training = undefined;
    if (entry.again && cache.get(deps.db) === entry) {
      entry.again = false;
      void train(deps, entry, now).catch(() => {});
    }
  });
  return entry.training;
}

/** The model on disk for the next start (a failure only costs that start a training). */
async function keep(deps: ToolDeps, version: string, trainedAt: number, snapshot: ModelSnapshot): Promise<void> {
  try {
    await saveModel(await savedModelFile(deps.db), version, trainedAt, snapshot);
  } catch (error) {
    logOf(deps)(`[recommend] could not save the trained model: ${(error as Error)?.message ?? error}`);
  }
}

/** The model saved by an earlier run, when the store still holds what it was trained on. */
async function restore(deps: ToolDeps, entry: Entry, now: Date): Promise<boolean> {
  try {
    const saved = await loadSavedModel(await savedModelFile(deps.db), await trainingDataVersion(deps.db));
    if (!saved) return false;
    entry.model = saved.model;
    entry.built = saved.trainedAt;
    restored++;
    // Trained on an earlier day or long ago: served now, renewed in the background.
    if (saved.model.today !== dayOf(now) || Date.now() - saved.trainedAt >= MAX_AGE_MS) void train(deps, entry, now).catch(() => {});
    return true;
  } catch (error) {
    logOf(deps)(`[recommend] the saved model could not be read (${(error as Error)?.message ?? error}); training a new one`);
    return false;
  }
}
let restored = 0;

/** How many models were served from disk instead of trained (tests, health). */
export const restoredModels = () => restored;

export function recommenderFor(deps: ToolDeps, now: Date): Promise<RecommenderModel> {
  const hit = cache.get(deps.db);
  if (hit?.model) {
    if (Date.now() - hit.built >= MAX_AGE_MS && !hit.training) void train(deps, hit, now);
    return Promise.resolve(hit.model);
  }
  if (hit?.first) return hit.first;
  const entry: Entry = { built: 0, again: false, recorded: new Set(), recordedVersion: 0 };
  entry.first = restore(deps, entry, now).then(async (done) => {
    if (!done) await train(deps, entry, now);
    return entry.model!;
  });
  entry.first.catch(() => {
    if (cache.get(deps.db) === entry) cache.delete(deps.db); // the next request tries again
  });
  cache.set(deps.db, entry);
  return entry.first;
}

/**
 * After a recorded purchase: the shopper's own history is re-read and counts at once (their rhythms,
 * what they bought before); the shared statistics follow with a background retrain.
 */
export async function refreshRecommender(deps: ToolDeps, now: Date, customerId?: number): Promise<void> {
  const entry = cache.get(deps.db);
  if (!entry) return; // nothing trained yet: the first training reads the store as it is
  if (customerId !== undefined) {
    entry.recorded.add(customerId);
    entry.recordedVersion++;
    const history = await loadPurchases(deps.db, customerId);
    entry.model?.setHistory(customerId, history);
  }
  void train(deps, entry, now).catch(() => {});
}

/** Whether a model is served and a training runs for this store (health, tests, benches). */
export function recommenderState(deps: ToolDeps): { ready: boolean; training: boolean; builtAt?: Date } {
  const entry = cache.get(deps.db);
  return { ready: !!entry?.model, training: !!entry?.training, builtAt: entry?.model ? new Date(entry.built) : undefined };
}

/** Resolves once no training runs for this store (a queued one included). */
export async function recommenderSettled(deps: ToolDeps): Promise<void> {
  for (let entry = cache.get(deps.db); entry?.training; entry = cache.get(deps.db)) await entry.training.catch(() => {});
}

/** Drops the model: the next request waits for a fresh one (benches that restore the store use it). */
export function forgetRecommender(deps: ToolDeps): void {
  cache.delete(deps.db);
}

const input = z.object({
  category: z.enum(CATEGORY_KEYS as [string, ...string[]]).optional(),
  budget: z.number().positive().optional().describe('Highest price per item, CNY.'),
  nearMe: z.boolean().default(false).describe('Only things sold in shops within 3 km of the shopper.'),
  need: z.string().max(200).optional().describe('What the suggestions should be for, in the shopper\'s words ("洗衣服用的", "breakfast"); matched by meaning through the product index.'),
  exclude: z.string().max(100).optional().describe('A brand, item or category the shopper does not want ("华为", "snacks"): those are left out.'),
  limit: z.number().int().min(1).max(10).default(5),
});
const output = z.discriminatedUnion('status', [
  z.object({ status: z.literal('need_location') }),
  z.object({
    status: z.literal('ok'),
    items: z.array(z.object({ productId: z.number(), name: z.string(), price: z.number().nullable(), reason: z.object({ type: z.string(), text: z.string() }), score: z.number() })),
    /** The need said matched nothing that fits this shopper: the list is as if it had not been said. */
    needUnmatched: z.string().optional(),
    method: z.string(),
  }),
]);

function explain(reason: Reason, name: (id: number) => string, ctx: CallerContext): string {
  const zh = ctx.locale === 'zh';
  switch (reason.type) {
    case 'repurchase':
      if (reason.times >= 2 && reason.everyDays > 0) {
        const due = reason.dueInDays <= 0 ? (zh ? '现在该补了' : 'due now') : zh ? `约 ${reason.dueInDays} 天后该补` : `due in about ${reason.dueInDays} days`;
        return zh ? `你大约每 ${reason.everyDays} 天买一次（买过 ${reason.times} 次），${due}` : `you buy this about every ${reason.everyDays} days (${reason.times} times so far), ${due}`;
      }
      return zh ? '你之前买过' : 'you bought this before';
    case 'co_purchase':
      return zh ? `买「${name(reason.because)}」的人也常买` : `people who buy "${name(reason.because)}" also buy this`;
    case 'cheaper_alternative':
      return zh ? `比你常买的「${name(reason.insteadOf)}」便宜 ¥${toYuan(reason.saving)}` : `¥${toYuan(reason.saving)} cheaper than your usual "${name(reason.insteadOf)}"`;
    default:
      return zh ? '你常去的店里最近卖得好' : 'selling well lately where you shop';
  }
}

export const recommend = defineTool({
  name: 'recommend',
  example: { category: 'snacks', budget: 30 },
  description: 'What the calling shopper may want to buy next, from their own purchase history (repurchase rhythm, people-who-bought-also-bought, cheaper alternatives, what sells where they shop), with the reason for each. Options: category, a need in their words, budget per item, only things sold near them.',
  access: 'read',
  roles: ['shopper'],
  input,
  output,
  async run(deps, ctx, args) {
    const customerId = shopperId(ctx);
    if (args.nearMe && !ctx.location) return { status: 'need_location' as const };
    const model = await recommenderFor(deps, ctx.now);
    let nearShops: Set<number> | undefined;
    if (args.nearMe && ctx.location) {
      const box = boundingBox(ctx.location, 3000);
      const shops = await deps.db.shop.findMany({ where: { onlineOnly: false, lat: { gte: box.minLat, lte: box.maxLat }, lng: { gte: box.minLng, lte: box.maxLng } }, select: { id: true, lat: true, lng: true } });
      nearShops = new Set(shops.filter((s) => metresBetween(ctx.location!, s) <= 3000).map((s) => s.id));
    }
    // A stated need narrows the candidates to products whose text is close to it (vector index, or names).
    const needed = args.need ? new Set((await deps.products.find(args.need, 300)).matches.filter((m) => m.score >= 0.5).map((m) => m.product.id)) : undefined;
    const feedback = new Map((await deps.db.feedback.findMany({ where: { customerId } })).map((f) => [f.productId, f.rating]));
    const unwanted = excludedBy(args.exclude, deps.products);
    const fitsAsked = (fits: Set<number> | undefined) => (item: number) => {
      const info = model.items.get(item);
      return !!info && (!args.category || info.category === args.category) && (!fits || fits.has(item)) && !unwanted?.(item);
    };
    // Prices people can get: the cheapest in-stock offer (near them when asked), taken by the store.
    const cheapestOf = async (productIds?: number[]) => new Map((await deps.db.offer.groupBy({
      by: ['productId'],
      where: { stock: { gt: 0 }, ...(productIds ? { productId: { in: productIds } } : {}), ...(nearShops ? { shopId: { in: [...nearShops] } } : {}) },
      _min: { price: true },
    })).map((o) => [o.productId, o._min.price!]));
    const priced = (fits?: Set<number>) => pricedRecommendations(model, customerId, { k: args.limit, feedback, fits: fitsAsked(fits), budgetCents: args.budget ? args.budget * 100 : undefined }, cheapestOf);
    let { recs, cheapest } = await priced(needed?.size ? needed : undefined);
    // Nothing for that need among what fits this shopper: say so, and suggest as if it had not been said.
    const needUnmatched = args.need !== undefined && (!needed?.size || !recs.length) ? args.need : undefined;
    if (needUnmatched && needed?.size) ({ recs, cheapest } = await priced());
    const name = (id: number) => {
      const p = deps.products.get(id);
      return p ? t(ctx.locale, p.nameZh, p.nameEn) : `#${id}`;
    };
    return {
      status: 'ok' as const,
      items: recs.map((r) => ({ productId: r.item, name: name(r.item), price: cheapest.has(r.item) ? toYuan(cheapest.get(r.item)!) : null, reason: { type: r.reason.type, text: explain(r.reason, name, ctx) }, score: Math.round(r.score * 1000) / 1000 })),
      ...(needUnmatched ? { needUnmatched } : {}),
      method: t(ctx.locale, '根据你的购买记录（复购节奏、买了又买、更便宜的同类、常去店铺的热销）由学习得到的排序模型打分', 'scored by a learned ranker over your own history (repurchase rhythm, also-bought, cheaper alternatives, what sells where you shop)'),
    };
  },
});

// Boots what every entry point needs: the store (migrated, seeded on first run) and the assistant.
import { seedIfEmpty } from '../prisma/seed/index.ts';
import { migrate, openStore, type Store } from '../prisma/store.ts';
import { databaseUrl, providerOf } from '../prisma/url.ts';
import { recommenderFor, trainer } from '../tools/recommend/index.ts';
import { syncIndex } from '../tools/catalogue/index-sync.ts';
import { startVectorIndex } from '../tools/catalogue/vector-runtime.ts';
import { Assistant } from './assistant.ts';
import { warmUpPlanner } from './local-planner/index.ts';
import { modelChoices } from '../tools/restock-forecast/model-choices.ts';
import { describeModel, modelConfig } from './config.ts';
import { ShopRelay } from './shop-relay.ts';

export type Runtime = { db: Store; assistant: Assistant; /** shoppers' messages to merchants and their replies, between adapters */ relay: ShopRelay; modelDescription: string; storeDescription: string; vectorDescription: string; stop: () => Promise<void> };

export type RuntimeOptions = {
  /**
   * Background start-up work for a long-running process: the vector index check, the planner's
   * vocabularies and the recommender's first training. Off for one-shot commands (`npm run ask`):
   * what a message needs is then done for it, and nothing is cut off half-way at exit.
   */
  background?: boolean;
  /** The store was migrated already (bots/shared/startup.ts): skip the migration step. */
  migrated?: boolean;
};

export async function startRuntime(log: (line: string) => void = console.log, options: RuntimeOptions = {}): Promise<Runtime> {
  const background = options.background ?? true;
  const url = databaseUrl();
  const config = modelConfig();
  if (!options.migrated) migrate(url);
  const db = await openStore(url);
  await seedIfEmpty(db, {}, log);
  const vectors = await startVectorIndex(db, process.env, log);
  const assistant = await Assistant.create({ db, modelConfig: config, vectors: vectors.index });
  const relay = new ShopRelay(db, log);
  assistant.toolDeps.relay = relay;
  const storeDescription = providerOf(url) === 'sqlite' ? `SQLite ${url.replace(/^file:/, '')}` : `PostgreSQL ${url.replace(/\/\/[^@]*@/, '//…@')}`;
  const stop = async () => {
    relay.stop();
    await trainer.close(); // its worker thread, if one is up
    await modelChoices.close(); // the restock backtests' worker thread, if one is up
    await vectors.stop();
    await db.$disconnect();
  };
  const runtime = { db, assistant, relay, modelDescription: describeModel(config), storeDescription, vectorDescription: vectors.description, stop };
  if (!background) return runtime;
  // The index check (and demo pictures on a new store) in the background: answers come from store
  // search until it is done.
  void syncIndex(assistant.toolDeps, log)
    .catch((error) => log(`[vector index] start-up sync failed: ${(error as Error).message}`))
    .then(() => assistant.toolDeps.images.maybeRetrain());
  // The embedded planner's vocabularies, once the entry point has had a turn to start listening.
  if (config.kind === 'local') setImmediate(() => log(`[planner] ready in ${warmUpPlanner(assistant.toolDeps.products).toFixed(0)} ms`));
  // Learn the recommender's ranker now, in the background, so the first shopper does not wait for it.
  void recommenderFor(assistant.toolDeps, new Date()).catch((error) => log(`[recommend] warm-up failed: ${error}`));
  return runtime;
}

// Boots what every entry point needs: the store (migrated, seeded on first run) and the assistant.
import { seedIfEmpty } from '../prisma/seed/index.ts';
import { migrate, openStore, type Store } from '../prisma/store.ts';
import { databaseUrl, providerOf } from '../prisma/url.ts';
import { recommenderFor } from '../tools/recommend/index.ts';
import { Assistant } from './assistant.ts';
import { describeModel, modelConfig } from './config.ts';

export type Runtime = { db: Store; assistant: Assistant; modelDescription: string; storeDescription: string };

export async function startRuntime(log: (line: string) => void = console.log): Promise<Runtime> {
  const url = databaseUrl();
  const config = modelConfig();
  migrate(url);
  const db = await openStore(url);
  await seedIfEmpty(db, {}, log);
  const assistant = await Assistant.create({ db, modelConfig: config });
  // Learn the recommender's ranker now, in the background, so the first shopper does not wait for it.
  void recommenderFor(assistant.toolDeps, new Date()).catch((error) => log(`[recommend] warm-up failed: ${error}`));
  const storeDescription = providerOf(url) === 'sqlite' ? `SQLite ${url.replace(/^file:/, '')}` : `PostgreSQL ${url.replace(/\/\/[^@]*@/, '//…@')}`;
  return { db, assistant, modelDescription: describeModel(config), storeDescription };
}

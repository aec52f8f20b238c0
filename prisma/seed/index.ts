// `npm run db:seed`: fills an empty store with the demo world. Also used by `npm start` on first run.
import { databaseUrl } from '../url.ts';
import { migrate, openStore, type Store } from '../store.ts';
import { writeWorld } from './write.ts';
import { generateWorld, type WorldOptions } from './world.ts';

export async function seedIfEmpty(db: Store, options: WorldOptions = {}, log: (line: string) => void = console.log): Promise<boolean> {
  if ((await db.shop.count()) > 0) return false;
  const started = performance.now();
  const world = generateWorld(options);
  log(`Seeding the demo world (seed ${world.seed}, history to ${world.endDate.toISOString().slice(0, 10)}): ${world.shops.length} shops, ${world.products.length} products, ${world.customers.length} customers, ${world.items.length} order lines…`);
  await writeWorld(db, world);
  log(`Demo world ready in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = databaseUrl();
  migrate(url);
  const db = await openStore(url);
  const seeded = await seedIfEmpty(db);
  if (!seeded) console.log('The store already has data; use `npm run db:reset` to rebuild it.');
  await db.$disconnect();
}

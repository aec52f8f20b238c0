// npm run db:reset: rebuild the store from the migrations and reseed the demo world.
import { rmSync } from 'node:fs';
import pg from 'pg';
import { endDateOption, seedIfEmpty } from './seed/index.ts';
import { migrate, openStore } from './store.ts';
import { databaseUrl, providerOf, sqliteFileUrl } from './url.ts';

const url = databaseUrl();
if (providerOf(url) === 'sqlite') {
  const file = sqliteFileUrl(url).replace(/^file:/, '');
  for (const suffix of ['', '-wal', '-shm', '-journal', '.recommender']) rmSync(file + suffix, { force: true });
} else {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await client.end();
}
migrate(url);
const db = await openStore(url);
await seedIfEmpty(db, endDateOption());
await db.$disconnect();

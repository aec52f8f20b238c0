// A throw-away PostgreSQL database per test file, on the server TEST_POSTGRES_URL points at.
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { migrate, openStore, type Store } from '../../prisma/store.ts';
import { buildFixture } from './fixture.ts';

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL;

const withDb = (url: string, db: string) => url.replace(/\/[^/?]*(\?|$)/, `/${db}$1`);

/** One statement on the admin database. */
export async function adminSql(statement: string) {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates `name` (dropping a leftover), migrates it, optionally fills the fixture; drop() removes it. */
export async function testDatabase(name: string, options: { fixture?: boolean } = {}): Promise<{ db: Store; url: string; drop: () => Promise<void> }> {
  await adminSql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminSql(`CREATE DATABASE ${name}`);
  const url = withDb(POSTGRES_ADMIN_URL!, name);
  migrate(url);
  const db = await openStore(url);
  if (options.fixture !== false) await buildFixture(db);
  return {
    db, url,
    drop: async () => {
      await db.$disconnect();
      await adminSql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** A throw-away database with the fixture for one describe block; read `.db` inside tests. */
export function usePostgres(name: string) {
  const handle = {} as { db: Store };
  let made: Awaited<ReturnType<typeof testDatabase>> | undefined;
  beforeAll(async () => {
    made = await testDatabase(name);
    handle.db = made.db;
  }, 120_000);
  afterAll(() => made?.drop());
  return handle;
}

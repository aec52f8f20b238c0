// Query plans are kept by query text (prisma/plan-cache.ts): a repeated query must still read the
// store as it is now, and a query with other values must get its own answer (SQLite here; PostgreSQL in
// test/store-postgres.test.ts).
import { describe, it } from 'vitest';
import { plansReadTheCurrentStore } from './helpers/plan-cache-checks.ts';
import { useFixture } from './helpers/deps.ts';

describe('query plans kept by query text', () => {
  const fixture = useFixture();
  it('repeated and varied queries read the current store (SQLite)', () => plansReadTheCurrentStore(fixture.db));
});
// On PostgreSQL: test/store-postgres.test.ts runs the same checks on its database (one database fewer to create).

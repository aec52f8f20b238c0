import { afterAll, beforeAll } from 'vitest';
import type { Store } from '../../prisma/store.ts';
import { createToolDeps } from '../../tools/deps.ts';
import type { CallerContext, ToolDeps } from '../../tools/context.ts';
import { buildFixture, C, NOW } from './fixture.ts';
import { freshStore } from './store.ts';

export async function depsFor(db: Store): Promise<ToolDeps> {
  return createToolDeps(db);
}

export const shopperAtCampus: CallerContext = { caller: { role: 'shopper', customerId: 1 }, locale: 'zh', location: C, now: NOW };
export const merchantOne: CallerContext = { caller: { role: 'merchant', merchantId: 1 }, locale: 'en', now: NOW };

/** A fresh store with the hand-made fixture for one test file; read .db / .deps inside tests. */
export function useFixture(extra?: (db: Store) => Promise<void>) {
  const handle = {} as { db: Store; deps: ToolDeps };
  beforeAll(async () => {
    handle.db = await freshStore();
    await buildFixture(handle.db);
    await extra?.(handle.db);
    handle.deps = await depsFor(handle.db);
  });
  afterAll(() => handle.db.$disconnect());
  return handle;
}

// The whole agent on the hand-made fixture, for one test file: read .db / .assistant inside tests.
import { afterAll, beforeAll } from 'vitest';
import { Assistant } from '../../agents/assistant.ts';
import type { Store } from '../../prisma/store.ts';
import { buildFixture, NOW } from './fixture.ts';
import { freshStore } from './store.ts';

export function useAssistant(extra?: (db: Store) => Promise<void>) {
  const handle = {} as { db: Store; assistant: Assistant };
  beforeAll(async () => {
    handle.db = await freshStore();
    await buildFixture(handle.db);
    await extra?.(handle.db);
    handle.assistant = await Assistant.create({ db: handle.db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} });
  });
  afterAll(() => handle.db.$disconnect());
  return handle;
}

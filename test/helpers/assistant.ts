// The whole agent on the hand-made fixture, for one test file: read .db / .assistant inside tests.
import { beforeAll } from 'vitest';
import { Assistant } from '../../agents/assistant.ts';
import type { Store } from '../../prisma/store.ts';
import { useFixture } from './deps.ts';
import { NOW } from './fixture.ts';

export function useAssistant(extra?: (db: Store) => Promise<void>) {
  const fixture = useFixture(extra); // its store, fixture and disconnect
  const handle = {} as { db: Store; assistant: Assistant };
  beforeAll(async () => {
    handle.db = fixture.db;
    handle.assistant = await Assistant.create({ db: fixture.db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} });
  });
  return handle;
}

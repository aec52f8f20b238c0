// Fresh, migrated SQLite stores for tests.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Store } from '../../prisma/store.ts';

const dir = join(import.meta.dirname, '..', '..', 'data', 'test');
let counter = 0;

export async function freshStore(): Promise<Store> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `t-${process.pid}-${Date.now()}-${counter++}.db`);
  copyFileSync(join(dir, 'template.db'), file);
  return openStore(`file:${file}`);
}

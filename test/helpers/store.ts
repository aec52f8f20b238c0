// Fresh, migrated SQLite stores for tests.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Store } from '../../prisma/store.ts';
import { RUN_DIR } from './global-setup.ts';

const dir = RUN_DIR;
let counter = 0;

export async function freshStore(): Promise<Store> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `t-${process.pid}-${Date.now()}-${counter++}.db`);
  copyFileSync(join(dir, 'template.db'), file);
  return openStore(`file:${file}`);
}

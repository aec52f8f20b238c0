// Migrates one template SQLite file per run; each test file copies it (copying is ~1 ms, migrating ~1 s).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../../prisma/store.ts';

export const TEMPLATE = join(import.meta.dirname, '..', '..', 'data', 'test', 'template.db');

export default function setup() {
  rmSync(join(import.meta.dirname, '..', '..', 'data', 'test'), { recursive: true, force: true });
  migrate(`file:${TEMPLATE}`);
}

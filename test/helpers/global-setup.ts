// Migrates one template SQLite file per run; each test file copies it (copying is ~1 ms, migrating ~1 s).
// Each run has its own folder (TEST_RUN_DIR), so two runs side by side never delete each other's stores.
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../../prisma/store.ts';

const root = join(import.meta.dirname, '..', '..', 'data', 'test');
export const RUN_DIR = process.env.TEST_RUN_DIR ?? join(root, `run-${process.pid}`);
export const TEMPLATE = join(RUN_DIR, 'template.db');

export default function setup() {
  mkdirSync(root, { recursive: true });
  // Folders of earlier runs that did not clean up (killed), once they are an hour old.
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (path !== RUN_DIR && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
  process.env.TEST_RUN_DIR = RUN_DIR;
  mkdirSync(RUN_DIR, { recursive: true });
  migrate(`file:${TEMPLATE}`);
  return () => rmSync(RUN_DIR, { recursive: true, force: true });
}

// Runs after `npm install` / `npm ci`: generates both Prisma clients (no download involved)
// and strips debug symbols from the embedded Chroma server binary (437 MB → 55 MB on disk).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const result = spawnSync(process.execPath, ['scripts/prisma.mjs', 'generate'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

const chromaBinary = 'node_modules/chromadb-js-bindings-linux-x64-gnu/chromadb-js-bindings.linux-x64-gnu.node';
if (existsSync(chromaBinary) && statSync(chromaBinary).size > 100e6) {
  // Optional: without binutils the binary just stays big; it works the same.
  const strip = spawnSync('strip', ['--strip-debug', chromaBinary], { stdio: 'inherit' });
  if (strip.status !== 0) console.warn('postinstall: could not strip the Chroma binary (binutils missing?); it still works.');
}

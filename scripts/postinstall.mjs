// Runs after `npm install` / `npm ci`: generates both Prisma clients (no download involved).
import { spawnSync } from 'node:child_process';
const result = spawnSync(process.execPath, ['scripts/prisma.mjs', 'generate'], { stdio: 'inherit' });
process.exit(result.status ?? 1);

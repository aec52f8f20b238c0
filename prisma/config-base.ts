// Prisma CLI config. Prisma 6.19's wasm schema engine ('js') runs migrations through our driver
// adapter, so nothing is downloaded from outside the npm registry (see shared stack notes).
import { resolve } from 'node:path';
import { defineConfig } from 'prisma/config';
import { adapterFor } from './adapters.ts';
import { databaseUrl, type Provider } from './url.ts';
import { pgMigrationAdapter } from './pg-migration-adapter.ts';

const here = import.meta.dirname;
// The CLI still looks for native engine files; an empty placeholder satisfies the lookup.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= resolve(here, 'engine-placeholder');
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= resolve(here, 'engine-placeholder');
process.env.CHECKPOINT_DISABLE = '1';
process.env.PRISMA_HIDE_UPDATE_MESSAGE = '1';

export function configFor(provider: Provider) {
  const url = databaseUrl();
  process.env.DATABASE_URL = url;
  return defineConfig({
    experimental: { adapter: true },
    engine: 'js',
    schema: resolve(here, provider),
    migrations: { path: resolve(here, provider, 'migrations') },
    adapter: async () => (provider === 'postgres' ? pgMigrationAdapter(url) : adapterFor(url)),
  });
}

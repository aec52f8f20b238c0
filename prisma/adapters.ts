// Driver adapters for both engines: the app's PrismaClient and the migration engine use the same ones.
import { PrismaPg } from '@prisma/adapter-pg';
import { ResilientPrismaLibSQL } from './sqlite-resilient.ts';
import { providerOf, sqliteFileUrl } from './url.ts';

export function adapterFor(url: string) {
  return providerOf(url) === 'sqlite'
    ? new ResilientPrismaLibSQL({ url: sqliteFileUrl(url) })
    : new PrismaPg({ connectionString: url, connectionTimeoutMillis: 5000 });
}

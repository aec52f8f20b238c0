// Driver adapters for both engines: the app's PrismaClient and the migration engine use the same ones.
import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { PrismaPg } from '@prisma/adapter-pg';
import { providerOf, sqliteFileUrl } from './url.ts';

export function adapterFor(url: string) {
  return providerOf(url) === 'sqlite'
    ? new PrismaLibSQL({ url: sqliteFileUrl(url) })
    : new PrismaPg({ connectionString: url });
}

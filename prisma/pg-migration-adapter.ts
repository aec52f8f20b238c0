// @prisma/adapter-pg 6.19.3 cannot deserialize PostgreSQL's `name` (oid 19) and `char` (oid 18)
// columns, which the wasm schema engine reads while introspecting. Report them as text (oid 25).
import { PrismaPg } from '@prisma/adapter-pg';

const AS_TEXT = new Set([18, 19]);
type Patchable = { performIO?: (q: unknown) => Promise<{ fields: { dataTypeID: number }[] }> };

function patch<T>(queryable: T): T {
  const q = queryable as Patchable;
  const original = q.performIO?.bind(q);
  if (!original) return queryable;
  q.performIO = async (query) => {
    const result = await original(query);
    for (const field of result.fields) if (AS_TEXT.has(field.dataTypeID)) field.dataTypeID = 25;
    return result;
  };
  return queryable;
}

export function pgMigrationAdapter(connectionString: string) {
  const factory = new PrismaPg({ connectionString });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = patch(await connect());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => patch(await startTransaction(...args));
    return adapter;
  };
  return factory;
}

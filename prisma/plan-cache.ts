// Prisma 6's client turns every query into a plan through its WebAssembly query compiler, with the
// query's values written into it and no cache: ~0.25 ms of a 0.4 ms indexed read, and under load the
// compiler was a sixth of the main thread (bench:load profile). A chat repeats the same queries turn
// after turn (its caller, its conversation, its pending proposals, a merchant's shops), so plans are
// kept by the exact query text: the same text always compiles to the same plan (the plan holds no
// data; rows are still read from the store each time), and each use gets its own copy, so nothing the
// executor does to a plan can leak into the next query. Prisma is pinned (6.19.3); should a later
// version not have this compiler, nothing is patched and queries compile as before.
import { LRUCache } from 'lru-cache';

type Compiler = { compile(query: string): unknown };
type Runtime = { QueryCompiler?: { prototype: Compiler } };

/** Plans kept per compiler (one per client), by the size of their query text. */
const MAX_QUERY_TEXT = 8 * 1024 * 1024;
const caches = new WeakMap<object, LRUCache<string, { plan: unknown }>>();
const counts = { hits: 0, misses: 0 };
const installed = new Set<string>();

/** Hits and misses since start (benches). */
export function planCacheCounts(): { hits: number; misses: number } {
  return { ...counts };
}

export async function installPlanCache(provider: 'sqlite' | 'postgresql'): Promise<boolean> {
  if (installed.has(provider)) return true;
  // The module the generated client loads its compiler from (the same module instance: the same class).
  const runtimeModule = `@prisma/client/runtime/query_compiler_bg.${provider}.mjs`;
  const runtime = (await import(runtimeModule)) as Runtime;
  const proto = runtime.QueryCompiler?.prototype;
  if (!proto || typeof proto.compile !== 'function') return false;
  const compile = proto.compile;
  proto.compile = function cachedCompile(this: Compiler, query: string) {
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new LRUCache({ maxSize: MAX_QUERY_TEXT, sizeCalculation: (_v, key) => key.length + 64 })));
    const kept = cache.get(query);
    if (kept) {
      counts.hits++;
      return structuredClone(kept.plan);
    }
    counts.misses++;
    const plan = compile.call(this, query);
    // A query too big to keep (a huge IN list) compiles every time.
    if (query.length < 64 * 1024) cache.set(query, { plan: structuredClone(plan) });
    return plan;
  };
  installed.add(provider);
  return true;
}

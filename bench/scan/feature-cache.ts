// Caches the match vectors of the benchmark photos under data/cache/scan/, keyed by the features
// version, so trying another ranking rule does not re-run the model (~40 ms a view).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IMAGE_FEATURES_VERSION } from '../../tools/scan-to-buy/matcher.ts';

const CACHE_DIR = resolve(import.meta.dirname, '..', '..', 'data', 'cache', 'scan');

export async function cachedVectors(name: string, paths: string[], vectorOf: (path: string) => Promise<Float32Array>, progress?: (done: number) => void): Promise<Float32Array[]> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = join(CACHE_DIR, `${name}-${paths.length}-${IMAGE_FEATURES_VERSION}.json`);
  if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as number[][]).map((v) => Float32Array.from(v));
  const out: Float32Array[] = [];
  for (const path of paths) {
    out.push(await vectorOf(path));
    progress?.(out.length);
  }
  writeFileSync(file, JSON.stringify(out.map((v) => Array.from(v, (x) => Math.round(x * 1e6) / 1e6))));
  return out;
}

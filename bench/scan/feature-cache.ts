// Caches per-view CNN vectors and colour histograms of the benchmark photos under data/cache/,
// so trying another scoring rule does not re-run the model (~50 ms a view).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { viewEmbeddings, type View } from '../../tools/scan-to-buy/image-features.ts';

export const BENCH_VIEWS: View[] = ['full', 'centre', 'flip'];
export type CachedFeatures = { views: Float32Array[]; colour: Float32Array };
const CACHE_DIR = resolve(import.meta.dirname, '..', '..', 'data', 'cache', 'scan');

export async function cachedFeatures(name: string, paths: string[], progress?: (done: number) => void): Promise<CachedFeatures[]> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = join(CACHE_DIR, `${name}-${paths.length}.json`);
  if (existsSync(file)) {
    const rows = JSON.parse(readFileSync(file, 'utf8')) as { views: number[][]; colour: number[] }[];
    return rows.map((r) => ({ views: r.views.map((v) => Float32Array.from(v)), colour: Float32Array.from(r.colour) }));
  }
  const out: CachedFeatures[] = [];
  for (const path of paths) {
    out.push(await viewEmbeddings(readFileSync(path), BENCH_VIEWS));
    progress?.(out.length);
  }
  writeFileSync(file, JSON.stringify(out.map((f) => ({ views: f.views.map((v) => Array.from(v, (x) => Math.round(x * 1e5) / 1e5)), colour: Array.from(f.colour, (x) => Math.round(x * 1e5) / 1e5) }))));
  return out;
}

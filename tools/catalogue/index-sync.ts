// The start-up consistency check (and `npm run index:rebuild`): catalogue picture vectors of an older
// features version recomputed, demo pictures for items without one, then the text and image collections brought in line with the store (missing or changed rows added,
// deleted ones dropped). Safe to run any time; a no-op when everything matches.
import type { ToolDeps } from '../context.ts';
import { ensureDemoPictures } from '../scan-to-buy/demo-pictures.ts';
import type { Progress, SyncReport } from './vector-index.ts';

export async function syncIndex(deps: ToolDeps, log: (line: string) => void, progress?: (stage: string) => Progress): Promise<SyncReport[]> {
  await deps.images.refreshStaleVectors(progress?.('picture vectors'));
  await ensureDemoPictures(deps.db, deps.images, log);
  const vectors = deps.products.vectors;
  if (!vectors?.available) return [];
  const text = await vectors.syncText(progress?.('product text'));
  const images = await vectors.syncImages(progress?.('product images'));
  for (const r of [text, images]) {
    log(`vector index: ${r.collection} has ${r.total} (${r.added} added, ${r.removed} removed) in ${(r.ms / 1000).toFixed(1)} s`);
  }
  return [text, images];
}

// The CNN worker threads give the same vectors as the main thread, in the views' order.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cnnPoolStatus, embedViews } from '../../tools/scan-to-buy/cnn-pool.ts';
import { cnnEmbeddings, INPUT_SIZE } from '../../tools/scan-to-buy/image-model.ts';
import { dot } from '../../tools/scan-to-buy/matcher.ts';

const view = async (colour: string) => new Uint8Array(await sharp({ create: { width: INPUT_SIZE, height: INPUT_SIZE, channels: 3, background: colour } })
  .composite([{ input: Buffer.from(`<svg width="${INPUT_SIZE}" height="${INPUT_SIZE}"><circle cx="112" cy="112" r="60" fill="white"/></svg>`) }]).raw().toBuffer());

describe('CNN worker pool', () => {
  it('computes the views on worker threads with the same result and order as the main thread', async () => {
    const views = await Promise.all(['red', 'green', 'blue'].map(view));
    const before = cnnPoolStatus().viewsOnWorkers;
    const onWorkers = await embedViews(views);
    expect(cnnPoolStatus()).toMatchObject({ alive: Math.min(2, cnnPoolStatus().size), viewsOnWorkers: before + 3 });
    const onMain = await cnnEmbeddings(views);
    expect(onWorkers).toHaveLength(3);
    onWorkers.forEach((v, i) => expect(dot(v, onMain[i])).toBeCloseTo(1, 4));
    expect(dot(onWorkers[0], onMain[1])).toBeLessThan(0.999); // different views, different vectors
  }, 60_000);

  it('ends idle workers (their memory back) and starts them again for the next photo', async () => {
    process.env.SCAN_WORKER_IDLE_MS = '300';
    try {
      const views = await Promise.all(['red', 'green'].map(view));
      const first = await embedViews(views);
      expect(cnnPoolStatus().alive).toBeGreaterThan(0);
      await expect.poll(() => cnnPoolStatus().alive, { timeout: 10_000 }).toBe(0);
      const again = await embedViews(views);
      expect(cnnPoolStatus().alive).toBeGreaterThan(0);
      again.forEach((v, i) => expect(dot(v, first[i])).toBeCloseTo(1, 4));
    } finally {
      delete process.env.SCAN_WORKER_IDLE_MS;
    }
  }, 60_000);
});

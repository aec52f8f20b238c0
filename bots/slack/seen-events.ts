// Slack redelivers an event (X-Slack-Retry-Num) when it did not see our 200 in time; the retry must not
// be answered again. The first delivery claims `slack:<event_id>` by inserting it: the key is the
// table's primary key, so of two processes only one insert succeeds.
import type { Store } from '../../prisma/store.ts';

const DAY_MS = 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 60 * 60_000;

export function eventClaims(db: Store, now: () => Date, log: (line: string) => void) {
  let lastPrune = Number.NEGATIVE_INFINITY;

  async function prune(at: Date) {
    if (at.getTime() - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = at.getTime();
    // Slack retries within minutes; a day keeps a wide margin. Other adapters' keys are theirs to prune.
    await db.seenEvent
      .deleteMany({ where: { key: { startsWith: 'slack:' }, createdAt: { lt: new Date(at.getTime() - DAY_MS) } } })
      .catch((error) => log(`[slack] pruning seen events failed: ${(error as Error).message}`));
  }

  /** True for the first delivery of an event, false for a redelivery (already claimed here or elsewhere). */
  return async function firstDelivery(eventId: string, retryNum?: number): Promise<boolean> {
    const key = `slack:${eventId}`;
    const at = now();
    try {
      await db.seenEvent.create({ data: { key, createdAt: at } });
    } catch (error) {
      if ((error as { code?: string }).code !== 'P2002') throw error; // P2002: unique constraint
      log(`[slack] ignored a redelivery of ${key}${retryNum ? ` (retry ${retryNum})` : ''}`);
      return false;
    }
    await prune(at);
    return true;
  };
}

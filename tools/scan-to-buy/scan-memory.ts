// The last scan in each chat, so "yes, that one" / "the second" can confirm it. Kept in memory for
// 30 minutes: a photo's vector is stored for good only after the shopper confirms (confirm_scan).
export type PendingScan = { vector: Float32Array; candidates: number[]; at: number };

const TTL_MS = 30 * 60 * 1000;
const MAX_CHATS = 5000;

export class ScanMemory {
  private readonly scans = new Map<string, PendingScan>();

  remember(chatKey: string, scan: Omit<PendingScan, 'at'>): void {
    this.scans.delete(chatKey);
    this.scans.set(chatKey, { ...scan, at: Date.now() });
    if (this.scans.size > MAX_CHATS) this.scans.delete(this.scans.keys().next().value!);
  }

  recall(chatKey: string): PendingScan | undefined {
    const scan = this.scans.get(chatKey);
    if (scan && Date.now() - scan.at > TTL_MS) {
      this.scans.delete(chatKey);
      return undefined;
    }
    return scan;
  }

  forget(chatKey: string): void {
    this.scans.delete(chatKey);
  }
}

// Per-chat work queue with a rate limit: messages of one chat run in order, different chats run
// side by side, so one slow answer never holds up anyone else.
export class ChatQueue {
  private tails = new Map<string, Promise<void>>();
  private recent = new Map<string, number[]>();
  private pending = new Set<Promise<void>>();

  constructor(private readonly perMinute = 20, private readonly onError: (key: string, error: unknown) => void = () => {}) {}

  /** False when the chat has sent more than `perMinute` messages in the last minute (the task is dropped). */
  allow(key: string, now = Date.now()): boolean {
    const times = (this.recent.get(key) ?? []).filter((t) => now - t < 60_000);
    const ok = times.length < this.perMinute;
    if (ok) times.push(now);
    this.recent.set(key, times);
    return ok;
  }

  /** Fire and forget: a failing task is reported to `onError` (Telegram's handlers return at once). */
  run(key: string, task: () => Promise<void>): Promise<void> {
    return this.schedule(key, task).catch((error) => this.onError(key, error));
  }

  /** Queued like `run`, but the caller gets the task's result or error (the web chat answers the request). */
  schedule<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    // The chain goes on whether or not this task failed.
    const next = result.then(() => {}, () => {});
    this.tails.set(key, next);
    this.pending.add(next);
    void next.finally(() => {
      this.pending.delete(next);
      if (this.tails.get(key) === next) this.tails.delete(key);
    });
    return result;
  }

  /** Resolves when every queued task has finished (for shutdown and tests). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}

// The embedded Chroma server: the npm package's own server run as a child process (no in-process mode
// exists), on a free loopback port, with its data under ./data/chroma. One server per data directory
// (chroma-lock.ts: a second start reuses the first's); ours is restarted when it dies
// (chroma-supervisor.ts) and ends with this process, even a SIGKILLed one (chroma-boot.mjs).
// CHROMA_URL skips all this and points at an external server instead (the scale path).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { claim, findRunning, ownRecord, release } from './chroma-lock.ts';
import { freePort } from './chroma-net.ts';
import { ChromaSupervisor, type Backoff } from './chroma-supervisor.ts';

export { chromaAlive } from './chroma-net.ts';

export type ChromaServer = {
  /** Where it answers now: a restart may move it to another port (see onRestart). */
  readonly url: string;
  readonly pid: number | undefined;
  readonly embedded: boolean;
  /** Another process's server on the same directory: not ours to restart or stop. */
  readonly shared: boolean;
  onRestart: (listener: (url: string) => void) => void;
  stop: () => Promise<void>;
};
type Log = (message: string) => void;

/** Starts the embedded server, or finds the one already on this directory, and resolves once it answers (≈0.6 s). */
export async function startEmbeddedChroma(options: { path: string; port?: number; log?: Log; readyTimeoutMs?: number; backoff?: Backoff }): Promise<ChromaServer> {
  const log = options.log ?? (() => {});
  const readyTimeoutMs = options.readyTimeoutMs ?? 20_000;
  const path = resolve(options.path); // as written in the server's command line, which the lock checks
  mkdirSync(path, { recursive: true });
  for (;;) {
    const found = await findRunning(path, log, readyTimeoutMs);
    if (found) {
      log(`vector index: embedded Chroma on ${found.url} (data in ${path}), shared with the process that started it`);
      return { url: found.url, pid: found.pid, embedded: true, shared: true, onRestart: () => {}, stop: async () => {} };
    }
    const port = options.port ?? await freePort();
    if (!claim(path, ownRecord(path, 0, port))) continue; // another start took the directory first: use its server
    const server = new ChromaSupervisor(path, port, log, readyTimeoutMs, options.backoff);
    try {
      await server.start();
    } catch (error) {
      release(path);
      throw error;
    }
    log(`vector index: embedded Chroma on ${server.url} (data in ${path})`);
    return server;
  }
}

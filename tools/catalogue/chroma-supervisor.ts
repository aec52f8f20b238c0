// Keeps the embedded Chroma child running. When it exits without being asked (a crash, a SIGKILL) it
// is started again on the same directory after 0.5 s, 1 s, 2 s … up to 30 s (back to 0.5 s once a
// server has stayed up a minute), on the same port so clients reconnect by themselves; if that port
// was taken meanwhile it moves to a free one and tells its listeners the new url. One log line per
// restart. stop() ends supervision and the server for good.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChromaServer } from './chroma-server.ts';
import { ownRecord, release, writeRecord } from './chroma-lock.ts';
import { chromaAlive, freePort, portFree } from './chroma-net.ts';

export type Backoff = { firstMs: number; maxMs: number; stableMs: number };
const DEFAULT_BACKOFF: Backoff = { firstMs: 500, maxMs: 30_000, stableMs: 60_000 };
const BOOT = fileURLToPath(new URL('./chroma-boot.mjs', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Spawns one server; `ready` resolves once it answers, rejects if it exits or stays silent (then it is killed). */
export function spawnChroma(path: string, port: number, readyTimeoutMs: number): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, [BOOT, 'run', '--path', path, '--host', '127.0.0.1', '--port', String(port)], {
    // stdin is the boot script's lifeline (it ends when we die); its own session keeps a terminal's
    // Ctrl-C off it, so the app's shutdown (not the signal) stops it.
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, ANONYMIZED_TELEMETRY: 'False', RUST_LOG: process.env.RUST_LOG ?? 'error' },
  });
  let output = '';
  const keep = (chunk: Buffer | Error) => { output = (output + chunk.toString()).slice(-2000); };
  child.on('error', keep);
  child.stdin?.on('error', () => {}); // EPIPE once it is gone: nothing to say
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    for (const deadline = Date.now() + readyTimeoutMs; Date.now() < deadline; await sleep(100)) {
      if (!running(child) || !child.pid) throw new Error(`Chroma server exited (${child.signalCode ?? `code ${child.exitCode}`}): ${output.trim().slice(-500)}`);
      if ((await chromaAlive(url, 500)) && running(child)) return;
    }
    child.kill('SIGKILL');
    throw new Error(`Chroma server did not answer within ${readyTimeoutMs} ms: ${output.trim().slice(-500)}`);
  })();
  return { child, ready };
}

export class ChromaSupervisor implements ChromaServer {
  readonly embedded = true;
  readonly shared = false;
  private child: ChildProcess | undefined;
  private readyAt = 0;
  private failures = 0;
  private outage: { how: string; at: number } | undefined;
  private supervising = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private listeners: ((url: string) => void)[] = [];
  // A normal exit without stop() (a script that just ends) must not leave the server behind either.
  private readonly onExit = () => { this.child?.kill('SIGKILL'); release(this.path); };

  constructor(private readonly path: string, private port: number, private readonly log: (line: string) => void, private readonly readyTimeoutMs: number, private readonly backoff: Backoff = DEFAULT_BACKOFF) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Called with the server's url after each restart (it may have moved to another port). */
  onRestart(listener: (url: string) => void): void {
    this.listeners.push(listener);
  }

  /** The first start: throws if the server does not come up (nothing is supervised then). */
  async start(): Promise<void> {
    process.once('exit', this.onExit);
    try {
      await this.launch();
    } catch (error) {
      process.removeListener('exit', this.onExit);
      throw error;
    }
    this.supervising = true;
  }

  private async launch(): Promise<void> {
    const { child, ready } = spawnChroma(this.path, this.port, this.readyTimeoutMs);
    this.child = child;
    this.readyAt = 0;
    if (child.pid) writeRecord(this.path, ownRecord(this.path, child.pid, this.port));
    child.once('exit', (code, signal) => this.exited(child, signal ?? `code ${code}`));
    await ready;
    this.readyAt = Date.now();
  }

  private exited(child: ChildProcess, how: string): void {
    if (!this.supervising || this.stopped || child !== this.child) return;
    if (this.readyAt && Date.now() - this.readyAt >= this.backoff.stableMs) this.failures = 0;
    const delay = Math.min(this.backoff.firstMs * 2 ** this.failures, this.backoff.maxMs);
    this.failures += 1;
    this.outage ??= { how, at: Date.now() };
    this.timer = setTimeout(() => void this.restart(delay), delay);
  }

  private async restart(delay: number): Promise<void> {
    const taken = !(await portFree(this.port));
    if (taken) this.port = await freePort();
    if (this.stopped) return;
    try {
      await this.launch();
    } catch (error) {
      // Its exit schedules the next try.
      if (!this.stopped) this.log(`vector index: embedded Chroma restart ${this.failures} failed after ${delay} ms (${(error as Error).message.slice(0, 200)}); trying again`);
      return;
    }
    if (this.stopped) return;
    const outage = this.outage;
    this.outage = undefined;
    this.log(`vector index: embedded Chroma restarted on ${this.url}${taken ? ' (its port was taken)' : ''}, pid ${this.pid}, after it exited (${outage?.how}); down ${((Date.now() - (outage?.at ?? Date.now())) / 1000).toFixed(1)} s, restart ${this.failures}`);
    for (const listener of this.listeners) listener(this.url);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    process.removeListener('exit', this.onExit);
    const child = this.child;
    if (child && running(child)) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    release(this.path);
  }
}

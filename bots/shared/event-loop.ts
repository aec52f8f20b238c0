// How long the event loop was held up, for /healthz: one perf_hooks histogram for the process,
// read per window (a minute by default) so a stall shows for a while after it and then ages out.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** Delay in ms beyond the sampling interval: 0 means the loop was free at every sample. */
export type LoopDelay = { p50Ms: number; p99Ms: number; maxMs: number; seconds: number };
export type LoopReport = { resolutionMs: number; windowSeconds: number; current: LoopDelay; last: LoopDelay | null };

export class EventLoopMonitor {
  private readonly histogram: IntervalHistogram;
  private since = performance.now();
  private last: LoopDelay | null = null;
  private timer?: NodeJS.Timeout;

  constructor(readonly resolutionMs = 10, readonly windowMs = 60_000) {
    this.histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  }

  start(): this {
    if (this.timer) return this;
    this.histogram.enable();
    this.since = performance.now();
    this.timer = setInterval(() => this.rotate(), this.windowMs).unref(); // never keeps the process alive
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.histogram.disable();
  }

  /** Ends the current window: its figures become `last`, a new window starts. */
  rotate(): void {
    this.last = this.window();
    this.histogram.reset();
    this.since = performance.now();
  }

  report(): LoopReport {
    return { resolutionMs: this.resolutionMs, windowSeconds: this.windowMs / 1000, current: this.window(), last: this.last };
  }

  private window(): LoopDelay {
    const h = this.histogram;
    const seconds = round((performance.now() - this.since) / 1000);
    // The histogram records whole sampling intervals (~resolution when nothing blocks); the delay is what lies beyond.
    if (h.count === 0) return { p50Ms: 0, p99Ms: 0, maxMs: 0, seconds };
    const delay = (ns: number) => round(Math.max(0, ns / 1e6 - this.resolutionMs));
    return { p50Ms: delay(h.percentile(50)), p99Ms: delay(h.percentile(99)), maxMs: delay(h.max), seconds };
  }
}

const round = (x: number) => Math.round(x * 10) / 10;

let processMonitor: EventLoopMonitor | undefined;

/** The process's one monitor, started on first use (the web server's module load, i.e. at start-up). */
export function processEventLoop(): EventLoopMonitor {
  processMonitor ??= new EventLoopMonitor().start();
  return processMonitor;
}

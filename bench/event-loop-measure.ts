// What a piece of work does to the event loop, for the benches: its wall time and the loop delay while it ran.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export type Loop = { p50: number; p99: number; max: number };

/** Runs `work` with the event-loop delay histogram on (armed a tick before, read a tick after). */
export async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; loop: Loop }> {
  const h = monitorEventLoopDelay({ resolution: 1 }); // sampled every 1 ms: ~1 ms means no delay
  h.enable();
  await new Promise((r) => setTimeout(r, 20));
  h.reset();
  await new Promise((r) => setTimeout(r, 5)); // after a reset the first sample only sets the baseline
  const t = performance.now();
  const value = await work();
  const ms = performance.now() - t;
  await new Promise((r) => setTimeout(r, 20)); // a block right at the end is recorded on the next tick
  h.disable();
  const toMs = (ns: number) => ns / 1e6;
  return { value, ms, loop: { p50: toMs(h.percentile(50)), p99: toMs(h.percentile(99)), max: toMs(h.max) } };
}

export const fmtLoop = (l: Loop) => `p50 ${l.p50.toFixed(0)} / p99 ${l.p99.toFixed(0)} / max ${l.max.toFixed(0)} ms`;

// /healthz: what a monitor scrapes. It reports how long the event loop was held up, stays open
// without the token, and reads nothing from the store (it answers while the store is busy or down).
import { afterAll, describe, expect, it } from 'vitest';
import { EventLoopMonitor } from '../../bots/shared/event-loop.ts';
import { buildWebServer, type WebDeps } from '../../bots/web/server.ts';

// No store and no assistant: any use of them by /healthz would throw and fail the test.
const none = {} as WebDeps;
const open = buildWebServer({ db: none.db, assistant: none.assistant });
const locked = buildWebServer({ db: none.db, assistant: none.assistant, token: 'test-token-0123456789abcdef' });
afterAll(async () => {
  await open.close();
  await locked.close();
});

/** A synchronous stall, as a heavy computation on the main thread would cause. */
function block(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('GET /healthz', () => {
  it('reports uptime, memory and event-loop delay as numbers, with or without a token set', async () => {
    for (const app of [open, locked]) {
      const res = await app.inject('/healthz');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.ok).toBe(true);
      for (const n of [body.uptimeSeconds, body.rssMiB, body.eventLoop.resolutionMs, body.eventLoop.windowSeconds]) expect(n).toBeTypeOf('number');
      for (const key of ['p50Ms', 'p99Ms', 'maxMs', 'seconds']) expect(Number.isFinite(body.eventLoop.current[key])).toBe(true);
    }
  });

  it('shows a 200 ms stall of the event loop in the current window', async () => {
    await tick(30);
    block(200);
    await tick(30); // the monitor's next sample sees the late timer
    const { eventLoop } = (await open.inject('/healthz')).json();
    expect(eventLoop.current.maxMs).toBeGreaterThanOrEqual(150);
    expect(eventLoop.current.maxMs).toBeLessThan(5000);
  });
});

describe('EventLoopMonitor windows', () => {
  const monitor = new EventLoopMonitor(10, 3_600_000).start();
  afterAll(() => monitor.stop());

  it('keeps a stall in the last window after a new one starts, and the new one starts clean', async () => {
    expect(monitor.report().last).toBeNull();
    await tick(30);
    block(200);
    await tick(30);
    monitor.rotate();
    await tick(50);
    const { current, last } = monitor.report();
    expect(last!.maxMs).toBeGreaterThanOrEqual(150);
    expect(current.maxMs).toBeLessThan(150);
  });
});

// Fault injection on the embedded Chroma server, against the real thing: its process killed, a second
// start on the same directory, its parent SIGKILLed, an orphan left from an earlier run. What users
// notice: vector search comes back by itself, and servers neither pile up on a directory nor outlive
// the app. Polls with generous deadlines; never asserts how long anything took.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { chromaAlive, startEmbeddedChroma, type ChromaServer } from '../../tools/catalogue/chroma-server.ts';
import { chromaProcessesOn, isChromaOn, processStat } from '../../tools/catalogue/chroma-lock.ts';
import { freePort } from '../../tools/catalogue/chroma-net.ts';
import { HashingTextEmbedder } from '../../tools/catalogue/text-embedding.ts';
import { VectorIndex } from '../../tools/catalogue/vector-index.ts';
import { startVectorIndex } from '../../tools/catalogue/vector-runtime.ts';
import { IMAGE_FEATURES_VERSION } from '../../tools/scan-to-buy/matcher.ts';
import { useFixture } from '../helpers/deps.ts';

const fx = useFixture();
const root = mkdtempSync(join(tmpdir(), 'chroma-faults-'));
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(root, { recursive: true, force: true, maxRetries: 5 });
}, 30_000);

/** Polls until `probe` gives something truthy; fails after a generous deadline. */
async function until<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 20_000): Promise<NonNullable<T>> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
  }
  throw new Error(`gave up waiting for ${what}`);
}

async function start(path: string, log?: (line: string) => void, backoff?: Parameters<typeof startEmbeddedChroma>[0]['backoff']): Promise<ChromaServer> {
  const server = await startEmbeddedChroma({ path, log, backoff });
  cleanups.push(() => server.stop());
  return server;
}

// Another app process: starts the embedded Chroma on a directory, says what it got, then idles.
const APP = `import { startEmbeddedChroma } from ${JSON.stringify(new URL('../../tools/catalogue/chroma-server.ts', import.meta.url).pathname)};
const server = await startEmbeddedChroma({ path: process.argv[1] });
console.log(JSON.stringify({ pid: server.pid, url: server.url, shared: server.shared }));
setInterval(() => {}, 60_000);`;

async function startAnotherApp(path: string): Promise<{ app: ChildProcess; pid: number; url: string; shared: boolean }> {
  const app = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', APP, path], { stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(() => app.kill('SIGKILL'));
  let errors = '';
  app.stderr!.on('data', (chunk) => { errors += chunk; });
  const [line] = await Promise.race([once(createInterface({ input: app.stdout! }), 'line'), once(app, 'exit').then(() => { throw new Error(`app exited: ${errors}`); })]);
  return { app, ...JSON.parse(line as string) };
}

/** Something else on this port (it hangs up on every caller), or undefined while the port is still held. */
function listenOn(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

const hitIds = (hits: { productId: number }[] | undefined) => hits?.map((h) => h.productId);

describe('embedded Chroma under faults', () => {
  it('comes back after its process is SIGKILLed, and the same index object answers again', async () => {
    const dir = join(root, 'killed');
    const lines: string[] = [];
    const runtime = await startVectorIndex(fx.db, { CHROMA_PATH: dir }, (line) => lines.push(line));
    const { index, server } = runtime;
    if (!index || !server) throw new Error(`no index: ${lines.join('\n')}`);
    await index.syncText();
    const before = hitIds(await index.searchText('洗衣液', 3));
    expect(before?.length).toBeGreaterThan(0);
    const [url, first] = [server.url, server.pid!];

    process.kill(first, 'SIGKILL');
    await until('the restart in the log', () => lines.some((l) => l.includes('restarted on')));
    // Same port, same object: no restart of the app, no new VectorIndex.
    expect(server.url).toBe(url);
    expect(server.pid).not.toBe(first);
    expect(hitIds(await until('vector search again', () => index.searchText('洗衣液', 3)))).toEqual(before);
    expect(index.available).toBe(true);
    expect(chromaProcessesOn(dir)).toEqual([server.pid]);

    // A clean stop is for good: no server left, no record left.
    await runtime.stop();
    expect(chromaProcessesOn(dir)).toEqual([]);
    expect(existsSync(join(dir, '.server.json'))).toBe(false);
  });

  it('moves to another port when its own was taken while it was down, and the index follows', async () => {
    const dir = join(root, 'moved');
    // A slower first retry gives this test room to take the port before the restart does.
    const server = await start(dir, undefined, { firstMs: 3000, maxMs: 30_000, stableMs: 60_000 });
    const index = await VectorIndex.connect({ url: server.url, embedder: new HashingTextEmbedder(), imageVersion: IMAGE_FEATURES_VERSION, db: fx.db });
    server.onRestart((url) => index.moveTo(url)); // as startVectorIndex wires it
    await index.syncText();
    const before = hitIds(await index.searchText('洗衣液', 3));
    const [url, first] = [server.url, server.pid!];

    process.kill(first, 'SIGKILL');
    const squatter = await until('the old port taken', () => listenOn(Number(new URL(url).port)));
    cleanups.push(() => squatter.close());

    await until('the index told the new url', () => index.url !== url);
    expect(index.url).toBe(server.url);
    expect(await chromaAlive(server.url)).toBe(true);
    expect(hitIds(await until('vector search again', () => index.searchText('洗衣液', 3)))).toEqual(before);
  });

  it('runs one server per directory: a second start, in this process or another, reuses the first', async () => {
    const dir = join(root, 'shared');
    const server = await start(dir);
    const again = await start(dir);
    expect(again).toMatchObject({ url: server.url, pid: server.pid, shared: true });
    const other = await startAnotherApp(dir);
    expect(other).toMatchObject({ url: server.url, pid: server.pid, shared: true });
    expect(chromaProcessesOn(dir)).toEqual([server.pid]);
    // Those who only share it never stop it.
    await again.stop();
    other.app.kill('SIGKILL');
    await once(other.app, 'exit');
    expect(await chromaAlive(server.url)).toBe(true);
  });

  it('ends with its parent, even a SIGKILLed one, and the next start runs its own', async () => {
    const dir = join(root, 'parent-killed');
    const { app, pid, shared } = await startAnotherApp(dir);
    expect(shared).toBe(false);
    expect(isChromaOn(pid, dir)).toBe(true);
    app.kill('SIGKILL');
    await until('the server to end with its parent', () => !processStat(pid));
    // The record it left names a dead owner and a dead server: cleared, not waited on.
    const next = await start(dir);
    expect(next.shared).toBe(false);
    expect(chromaProcessesOn(dir)).toEqual([next.pid]);
  });

  it('stops an orphan left by a dead owner before starting its own', async () => {
    const dir = join(root, 'orphan');
    mkdirSync(dir, { recursive: true });
    // An orphan as the old spawn left them: chromadb's CLI itself, which never watches its parent.
    const port = await freePort();
    const cli = join(dirname(createRequire(import.meta.url).resolve('chromadb')), '..', 'cli.mjs');
    const orphan = spawn(process.execPath, [cli, 'run', '--path', dir, '--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore' });
    cleanups.push(() => orphan.kill('SIGKILL'));
    await until('the orphan to answer', () => chromaAlive(`http://127.0.0.1:${port}`));
    const deadOwner = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(dir, '.server.json'), JSON.stringify({ pid: orphan.pid, port, owner: deadOwner, ownerStart: '0', path: dir }));

    const lines: string[] = [];
    const server = await start(dir, (line) => lines.push(line));
    expect(processStat(orphan.pid!)).toBeUndefined();
    expect(server).toMatchObject({ shared: false });
    expect(server.pid).not.toBe(orphan.pid);
    expect(await chromaAlive(server.url)).toBe(true);
    expect(chromaProcessesOn(dir)).toEqual([server.pid]);
    expect(lines.some((l) => l.includes('stopping an orphaned Chroma'))).toBe(true);
  });
});

describe('a Chroma that accepts connections and never answers', () => {
  it('does not hang the index: it starts as unavailable and searches fall back at once', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const silent = createServer((socket) => void sockets.add(socket)); // holds every connection open, says nothing
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => {
      for (const socket of sockets) socket.destroy();
      silent.close();
    });
    const port = (silent.address() as { port: number }).port;
    const index = await VectorIndex.connect({ url: `http://127.0.0.1:${port}`, embedder: new HashingTextEmbedder(), imageVersion: IMAGE_FEATURES_VERSION, db: fx.db, log: () => {} });
    expect(index.available).toBe(false);
    expect(await index.searchText('洗衣液')).toBeUndefined(); // callers use store search
  });
});

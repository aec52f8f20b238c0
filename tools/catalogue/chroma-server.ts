// The embedded Chroma server: the npm package's own binary run as a child process (no in-process mode
// exists), on a free loopback port, with its data under ./data/chroma. CHROMA_URL skips all this and
// points at an external server instead (the scale path).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ChromaServer = { url: string; stop: () => Promise<void>; embedded: boolean };
type Log = (message: string) => void;

const require = createRequire(import.meta.url);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** True when the server answers its heartbeat. */
export async function chromaAlive(url: string, timeoutMs = 1000): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/v2/heartbeat`, { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts the embedded server and resolves once it answers (≈0.6 s); rejects after `readyTimeoutMs`. */
export async function startEmbeddedChroma(options: { path: string; port?: number; log?: Log; readyTimeoutMs?: number }): Promise<ChromaServer> {
  const log = options.log ?? (() => {});
  mkdirSync(options.path, { recursive: true });
  const port = options.port ?? await freePort();
  const cli = join(dirname(require.resolve('chromadb')), '..', 'cli.mjs');
  const child: ChildProcess = spawn(process.execPath, [cli, 'run', '--path', options.path, '--host', '127.0.0.1', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ANONYMIZED_TELEMETRY: 'False', RUST_LOG: process.env.RUST_LOG ?? 'error' },
  });
  let output = '';
  const keep = (chunk: Buffer) => { output = (output + chunk.toString()).slice(-2000); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  // Never leave an orphan server behind when this process goes away.
  const onExit = () => { if (child.exitCode === null) child.kill('SIGKILL'); };
  process.once('exit', onExit);
  exited.then(() => process.removeListener('exit', onExit));

  const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Chroma server exited (code ${child.exitCode}): ${output.trim().slice(-500)}`);
    if (await chromaAlive(url, 500)) {
      log(`vector index: embedded Chroma on ${url} (data in ${options.path})`);
      return { url, stop, embedded: true };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`Chroma server did not answer within ${options.readyTimeoutMs ?? 20_000} ms: ${output.trim().slice(-500)}`);
}

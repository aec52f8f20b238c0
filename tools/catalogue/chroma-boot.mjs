// The embedded Chroma child process. It runs chromadb's own CLI in a worker thread, because the CLI's
// native server call blocks the thread it runs on for good; this main thread stays free to notice the
// parent going away and end the server with it, even when the parent was SIGKILLed (nothing runs in a
// killed parent, so the child has to watch). Spawn it with stdin 'pipe': the pipe ends when the
// parent dies. Arguments are the CLI's: run --path <dir> --host <host> --port <port>.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

if (isMainThread) {
  // Not process.exit(): it waits for the blocked worker forever, and tearing the native server down
  // crashes. Node's own SIGTERM handling ends the whole process at once (measured: ~10 ms).
  const end = () => process.kill(process.pid, 'SIGTERM');
  const parent = process.ppid;
  process.stdin.on('end', end).on('close', end).on('error', end).resume();
  // Belt and braces: re-parented (the parent died) even if the pipe somehow stays open.
  setInterval(() => { if (process.ppid !== parent) end(); }, 1000).unref();
  const worker = new Worker(new URL(import.meta.url), { argv: process.argv.slice(2) });
  worker.on('message', end); // the CLI returned on its own (e.g. its port was taken)
  worker.on('error', (error) => { console.error(error); process.exit(1); });
} else {
  const cli = join(dirname(createRequire(import.meta.url).resolve('chromadb')), '..', 'cli.mjs');
  await import(pathToFileURL(cli).href); // reads the arguments from process.argv; returns when the server stops
  parentPort?.postMessage('returned');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // stay put: the main thread ends the process
}

// One CNN worker thread: its own WebAssembly TensorFlow.js and model copy (see cnn-pool.ts).
import { parentPort } from 'node:worker_threads';
import { cnnEmbeddings } from './image-model.ts';

type Request = { id: number; views: Uint8Array[] };

parentPort!.on('message', async ({ id, views }: Request) => {
  try {
    parentPort!.postMessage({ id, vectors: await cnnEmbeddings(views) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});

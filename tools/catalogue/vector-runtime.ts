// Starts the vector index for an entry point: an external Chroma (CHROMA_URL), else the embedded
// server under ./data/chroma, supervised, or the one another process already runs on that directory
// (VECTOR_INDEX=off runs without one: store search only). Failures never
// stop the assistant; they leave it on store search, which says answers may be less precise.
import { resolve } from 'node:path';
import type { Store } from '../../prisma/store.ts';
import { chromaAlive, startEmbeddedChroma, type ChromaServer } from './chroma-server.ts';
import { textEmbedder } from './text-embedding.ts';
import { VectorIndex } from './vector-index.ts';
import { IMAGE_FEATURES_VERSION } from '../scan-to-buy/matcher.ts';

export type VectorRuntime = { index?: VectorIndex; server?: ChromaServer; description: string; stop: () => Promise<void> };

export async function startVectorIndex(db: Store, env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = console.log): Promise<VectorRuntime> {
  if (env.VECTOR_INDEX === 'off') return { description: 'off (VECTOR_INDEX=off): store search', stop: async () => {} };
  let server: ChromaServer | undefined;
  let url = env.CHROMA_URL?.replace(/\/$/, '');
  try {
    if (url) {
      if (!(await chromaAlive(url, 3000))) log(`vector index: ${url} does not answer yet; using store search until it does`);
    } else {
      server = await startEmbeddedChroma({ path: resolve(env.CHROMA_PATH ?? 'data/chroma'), log });
      url = server.url;
    }
    const index = await VectorIndex.connect({ url, embedder: textEmbedder(env), imageVersion: IMAGE_FEATURES_VERSION, db, log });
    // After the supervisor restarts the server, reconnect now (not on the next 5 s retry), at its new url if it moved.
    server?.onRestart((moved) => index.moveTo(moved));
    const where = !server ? url : server.shared ? `embedded, started by another process (${url})` : `embedded (${url})`;
    return { index, server, description: `Chroma ${where}, text embedding ${index.embedder.id}`, stop: async () => { await server?.stop(); } };
  } catch (error) {
    log(`vector index: could not start (${(error as Error).message}); using store search`);
    await server?.stop();
    return { description: 'unavailable: store search', stop: async () => {} };
  }
}

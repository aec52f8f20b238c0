// Text → vector, offline. The default embedding is feature hashing of character and word n-grams
// (zh character uni/bigrams, en word stems and character trigrams) after usage-phrase expansion:
// no model download (Chroma's default embedder fetches one at run time, which cannot work here),
// deterministic, ~20 µs a text, and good at names in both languages — the catalogue is names.
// When an OpenAI-compatible or Ollama embedding model is configured, that is used instead.
import { OllamaEmbeddings } from '@langchain/ollama';
import { OpenAIEmbeddings } from '@langchain/openai';
import { normalise, stem } from './product-search.ts';
import { expandUsage } from './usage-lexicon.ts';

export interface TextEmbedder {
  /** Goes into the collection name: vectors from different embedders never mix. */
  readonly id: string;
  embed(texts: string[]): Promise<number[][]>;
}

const DIMENSIONS = 1024;

/** FNV-1a, 32 bits: fast, stable across runs and machines (the index depends on it). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class HashingTextEmbedder implements TextEmbedder {
  readonly id = 'hash1024v1';

  embedOne(text: string): number[] {
    const v = new Float64Array(DIMENSIONS);
    const add = (feature: string, weight: number) => {
      const h = fnv1a(feature);
      // Signed hashing: collisions cancel out on average instead of piling up.
      v[h % DIMENSIONS] += h & 0x80000000 ? -weight : weight;
    };
    const clean = normalise(expandUsage(text));
    for (const run of clean.match(/\p{Script=Han}+/gu) ?? []) {
      for (let i = 0; i < run.length; i++) {
        add(`u:${run[i]}`, 0.4);
        if (i + 1 < run.length) add(`b:${run.slice(i, i + 2)}`, 1);
      }
    }
    for (const raw of clean.match(/[a-z0-9.]+/g) ?? []) {
      const word = stem(raw);
      add(`w:${word}`, 1);
      const padded = `<${word}>`;
      for (let i = 0; i + 3 <= padded.length; i++) add(`t:${padded.slice(i, i + 3)}`, 0.25);
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return Array.from(v, (x) => x / norm);
  }

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedOne(t));
  }
}

class LangChainEmbedder implements TextEmbedder {
  constructor(readonly id: string, private readonly inner: { embedDocuments(texts: string[]): Promise<number[][]> }) {}
  embed(texts: string[]): Promise<number[][]> {
    return this.inner.embedDocuments(texts);
  }
}

/** EMBEDDING_PROVIDER=openai|ollama with EMBEDDING_MODEL picks a served model; default: hashing. */
export function textEmbedder(env: NodeJS.ProcessEnv = process.env): TextEmbedder {
  const provider = env.EMBEDDING_PROVIDER?.trim().toLowerCase();
  const slug = (s: string) => s.replace(/[^a-zA-Z0-9]+/g, '-').slice(0, 40);
  if (provider === 'openai') {
    const model = env.EMBEDDING_MODEL || 'text-embedding-3-small';
    return new LangChainEmbedder(`openai-${slug(model)}`, new OpenAIEmbeddings({ model, apiKey: env.OPENAI_API_KEY, configuration: { baseURL: env.OPENAI_BASE_URL || undefined } }));
  }
  if (provider === 'ollama') {
    const model = env.EMBEDDING_MODEL || 'nomic-embed-text';
    const host = env.OLLAMA_HOST?.startsWith('http') ? env.OLLAMA_HOST : `http://${env.OLLAMA_HOST ?? '127.0.0.1:11434'}`;
    return new LangChainEmbedder(`ollama-${slug(model)}`, new OllamaEmbeddings({ model, baseUrl: host }));
  }
  if (provider && provider !== 'hashing') throw new Error(`EMBEDDING_PROVIDER must be hashing, openai or ollama (got "${provider}")`);
  return new HashingTextEmbedder();
}

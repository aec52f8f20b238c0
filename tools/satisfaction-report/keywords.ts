// Keywords from review text: Chinese segmented with jieba (jieba-rs compiled to WebAssembly; the
// dictionary ships inside the npm package, and there are no per-platform binaries to install),
// English words and word pairs; stop words from stopwords-iso.
import { cut } from 'jieba-wasm';
import stopwords from 'stopwords-iso' with { type: 'json' };

const STOP = new Set<string>([...(stopwords as Record<string, string[]>).zh, ...(stopwords as Record<string, string[]>).en, '一个', '不太', '有点', '还行', '整体', '可以', '但是', 'ok', 'mostly', 'however', 'average', 'fine']);

/** Distinct keywords of one review, in order of appearance. */
export function keywords(text: string): string[] {
  const out = new Set<string>();
  const lower = text.toLowerCase();
  if (/\p{Script=Han}/u.test(lower)) {
    for (const w of cut(lower, true)) if (w.length >= 2 && /\p{Script=Han}/u.test(w) && !STOP.has(w)) out.add(w);
  }
  const words = (lower.match(/[a-z]+/g) ?? []).filter((w) => w.length >= 3 && !STOP.has(w));
  for (const w of words) out.add(w);
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return [...out];
}

/** Keywords by how many reviews mention them, most first. */
export function topKeywords(texts: string[], limit: number, minReviews = 2): { word: string; reviews: number }[] {
  const df = new Map<string, number>();
  for (const text of texts) for (const k of keywords(text)) df.set(k, (df.get(k) ?? 0) + 1);
  return [...df.entries()].filter(([, n]) => n >= minReviews).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([word, reviews]) => ({ word, reviews }));
}

// The labelled corpus (agents/local-planner/corpus/*.json, one file per intent) and the split the
// benchmark holds apart: every 5th utterance of each intent and language.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Caller } from '../../../tools/context.ts';
import type { Example } from './model.ts';

export const CORPUS_DIR = join(import.meta.dirname, '..', 'corpus');

export type CorpusFile = { intent: string; roles: Caller['role'][]; description?: string; utterances: Record<string, string[]> };
export type LabelledExample = Example & { language: string; roles: Caller['role'][] };

export function loadCorpus(dir = CORPUS_DIR): LabelledExample[] {
  const out: LabelledExample[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CorpusFile;
    for (const [language, texts] of Object.entries(c.utterances)) for (const text of texts) out.push({ text, intent: c.intent, language, roles: c.roles });
  }
  return out;
}

let texts: string[] | undefined;

/** The corpus utterances' texts, read once per process (the phrase reader and the spelling fixer learn words from them). */
export function corpusTexts(): string[] {
  return (texts ??= loadCorpus().map((e) => e.text));
}

/** Intents a role may reach (tools of the other role never come up for it). */
export function intentsByRole(examples: LabelledExample[]): Record<Caller['role'], Set<string>> {
  const by = { shopper: new Set<string>(), merchant: new Set<string>() };
  for (const e of examples) for (const r of e.roles) by[r].add(e.intent);
  return by;
}

/** Deterministic 4/5 – 1/5 split within each intent and language. */
export function split(examples: LabelledExample[]): { train: LabelledExample[]; test: LabelledExample[] } {
  const seen = new Map<string, number>();
  const train: LabelledExample[] = [];
  const test: LabelledExample[] = [];
  for (const e of examples) {
    const key = `${e.intent}:${e.language}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    (n % 5 === 4 ? test : train).push(e);
  }
  return { train, test };
}

// npm run nlu:corpus — adds the opening messages of the dialogue sets the project has already read
// (development sets and the outside sets whose failures were read) to the intent corpus, labelled
// with the tool the set expects: real people's phrasings the hand-written corpus lacks. Held-out sets
// are never listed here. Writes agents/local-planner/corpus/from-dialogues/<intent>.json, then retrain
// with `npm run nlu:train` (or let the next start do it: the model is keyed by the corpus' hash).
//
// Only a conversation's first turn is taken: later turns lean on the conversation ("上个月呢" is a
// stats question only after figures), and answers to proposals are yes / no, not the tool they confirm.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, loadCorpus, type CorpusFile } from '../agents/local-planner/intent/corpus.ts';

/** Sets whose failures have been read: training on them taints nothing still held out. */
export const SEEN_SETS = ['dialogues', 'dialogues-dev-6', 'dialogues-dev-7', 'dialogues-outside', 'dialogues-outside-2', 'dialogues-outside-3'];
const OUT = join(CORPUS_DIR, 'from-dialogues');
/** A tool the corpus names otherwise. */
const AS_INTENT: Record<string, string> = { refuse: 'other_people', risk_questionnaire: 'wealth_products' };

type Turn = { text?: string; expect?: { tool?: string } };
type Dialogue = { role: 'shopper' | 'merchant'; locale: string; category: string; turns: Turn[] };

const own = loadCorpus(CORPUS_DIR, { harvested: false });
const known = new Set(own.map((e) => e.text.trim()));
const roles = new Map(own.map((e) => [e.intent, e.roles]));
const byIntent = new Map<string, Record<string, Set<string>>>();
let taken = 0;
for (const set of SEEN_SETS) {
  const dir = join(import.meta.dirname, '..', 'bench', set);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const parsed = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const dialogues: Dialogue[] = Array.isArray(parsed) ? parsed : parsed.dialogues ?? [parsed];
    for (const d of dialogues) {
      const first = d.turns?.[0];
      const text = first?.text?.trim();
      const tool = first?.expect?.tool;
      if (!text || !tool || d.category === 'proposal_answer') continue;
      const intent = tool === 'none' ? (d.category === 'off_topic' ? 'off_topic' : undefined) : AS_INTENT[tool] ?? tool;
      if (!intent || !roles.has(intent) || known.has(text)) continue;
      known.add(text);
      const lang = ['zh', 'en', 'mixed'].includes(d.locale) ? d.locale : 'mixed';
      const entry = byIntent.get(intent) ?? {};
      (entry[lang] ??= new Set()).add(text);
      byIntent.set(intent, entry);
      taken++;
    }
  }
}
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const [intent, langs] of [...byIntent].sort()) {
  const file: CorpusFile & { source: string } = {
    intent,
    roles: roles.get(intent)!,
    source: `first turns of ${SEEN_SETS.map((s) => `bench/${s}`).join(', ')} (npm run nlu:corpus)`,
    utterances: Object.fromEntries(Object.entries(langs).map(([l, set]) => [l, [...set].sort()])),
  };
  writeFileSync(join(OUT, `${intent}.json`), JSON.stringify(file, null, 2) + '\n');
}
console.log(`nlu:corpus: ${taken} opening messages from ${SEEN_SETS.length} sets → ${byIntent.size} files in ${OUT}`);

// npm run bench:nlu — the intent classifier on the part of its corpus held apart (every 5th
// utterance of each intent and language): accuracy overall, per language and per intent, the
// confidence at which answers are trusted, train time and time per message. With --nlpjs (when
// @nlpjs/basic is installed) the same split through NLP.js, side by side.
import { performance } from 'node:perf_hooks';
import { loadCorpus, split, type LabelledExample } from '../agents/local-planner/intent/corpus.ts';
import { IntentModel } from '../agents/local-planner/intent/model.ts';

const corpus = loadCorpus();
const { train, test } = split(corpus);
console.log(`corpus: ${corpus.length} utterances, ${new Set(corpus.map((e) => e.intent)).size} intents; train ${train.length}, held apart ${test.length}`);

type Predict = (text: string) => { intent: string; p: number };

function report(name: string, predict: Predict, trainMs: number, measuredPerMessage?: number) {
  const started = performance.now();
  const rows = test.map((e) => ({ e, got: predict(e.text) }));
  const perMessage = measuredPerMessage ?? (performance.now() - started) / test.length;
  const acc = (list: typeof rows) => (list.length ? list.filter((r) => r.got.intent === r.e.intent).length / list.length : NaN);
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  console.log(`\n${name}: accuracy ${pct(acc(rows))} (train ${trainMs.toFixed(0)} ms, ${perMessage.toFixed(2)} ms per message)`);
  for (const language of ['zh', 'en', 'mixed']) console.log(`  ${language.padEnd(6)} ${pct(acc(rows.filter((r) => r.e.language === language)))}`);
  // Trusted answers: at which confidence are ≥ 95% of the answers right, and how many clear it.
  for (const threshold of [0.4, 0.5, 0.6, 0.7, 0.8]) {
    const sure = rows.filter((r) => r.got.p >= threshold);
    console.log(`  p ≥ ${threshold}: ${pct(sure.length / rows.length)} of messages, ${pct(acc(sure))} right`);
  }
  const intents = [...new Set(test.map((e) => e.intent))].sort();
  const worst = intents.map((i) => ({ i, a: acc(rows.filter((r) => r.e.intent === i)), n: rows.filter((r) => r.e.intent === i).length })).sort((a, b) => a.a - b.a).slice(0, 8);
  console.log(`  weakest intents: ${worst.map((w) => `${w.i} ${pct(w.a)} (${w.n})`).join(', ')}`);
  if (process.argv.includes('--verbose')) for (const r of rows.filter((r) => r.got.intent !== r.e.intent)) console.log(`    ✗ [${r.e.intent} → ${r.got.intent} ${r.got.p.toFixed(2)}] ${r.e.text}`);
}

const t0 = performance.now();
const model = IntentModel.train(train);
report(`ours (hashed char 1–3-grams + words, softmax regression, ${model.size} features)`, (text) => model.classify(text)[0], performance.now() - t0);

if (process.argv.includes('--nlpjs')) await nlpjs(train);

async function nlpjs(examples: LabelledExample[]) {
  const basic = await import('@nlpjs/basic' as string).catch(() => undefined);
  const zh = await import('@nlpjs/lang-zh' as string).catch(() => undefined);
  if (!basic || !zh) return console.log('\nNLP.js: not installed (npm i -D @nlpjs/basic @nlpjs/lang-zh)');
  const container = await basic.containerBootstrap();
  container.use(basic.Nlp);
  container.use(basic.LangEn);
  container.use(zh.LangZh);
  const nlp = container.get('nlp');
  nlp.settings.autoSave = false;
  nlp.settings.log = false;
  nlp.addLanguage('en');
  nlp.addLanguage('zh');
  const lang = (e: LabelledExample) => (e.language === 'en' ? 'en' : 'zh');
  for (const e of examples) nlp.addDocument(lang(e), e.text, e.intent);
  const started = performance.now();
  await nlp.train();
  const trainMs = performance.now() - started;
  const results = new Map<string, { intent: string; p: number }>();
  const began = performance.now();
  for (const e of test) {
    const r = await nlp.process(lang(e), e.text);
    results.set(e.text, { intent: r.intent === 'None' ? 'none' : r.intent, p: r.score ?? 0 });
  }
  report('NLP.js (@nlpjs/basic + lang-zh)', (text) => results.get(text)!, trainMs, (performance.now() - began) / test.length);
}

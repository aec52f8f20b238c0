// The trained intent model, shared by every planner in the process. Trained from the corpus the
// first time (a few seconds) and kept in ./data/nlu/ under the corpus' hash, so later starts load
// it in milliseconds; a changed corpus or feature set trains a new one (`npm run nlu:train`).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Caller } from '../../../tools/context.ts';
import { CORPUS_DIR, intentsByRole, loadCorpus } from './corpus.ts';
import { FEATURES_VERSION } from './features.ts';
import { IntentModel, type Scored } from './model.ts';

let built: { model: IntentModel; byRole: Record<Caller['role'], Set<string>> } | undefined;

export function modelFile(corpus: unknown, dir = resolve('data', 'nlu')): string {
  const hash = createHash('sha256').update(FEATURES_VERSION).update(readFileSync(join(import.meta.dirname, 'model.ts'))).update(JSON.stringify(corpus)).digest('hex').slice(0, 16);
  return join(dir, `intent-${hash}.bin`);
}

/** Loads the model for this corpus, training (and saving) it first when there is none. */
export function buildIntentModel(options: { retrain?: boolean; log?: (line: string) => void } = {}) {
  const corpus = loadCorpus(CORPUS_DIR);
  const file = modelFile(corpus);
  let model: IntentModel | undefined;
  if (!options.retrain && existsSync(file)) {
    try {
      model = IntentModel.fromBuffer(readFileSync(file));
    } catch (error) {
      options.log?.(`[nlu] ${file} unreadable (${(error as Error).message}); training again`);
    }
  }
  if (!model) {
    model = IntentModel.train(corpus);
    mkdirSync(join(file, '..'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, model.toBuffer());
    renameSync(tmp, file); // atomic: processes starting together never read half a file
  }
  return { model, byRole: intentsByRole(corpus), file };
}

function intentModel() {
  built ??= buildIntentModel();
  return built;
}

/** The likeliest intents for a message, best first, each marked whether the caller's role can reach it. */
export function classifyIntent(text: string, role: Caller['role']): (Scored & { allowed: boolean })[] {
  const { model, byRole } = intentModel();
  return model.classify(text).map((s) => ({ ...s, allowed: byRole[role].has(s.intent) }));
}

/** Build the model now (at start-up) rather than on the first message. */
export function warmIntentModel(): void {
  intentModel();
}

// npm run nlu:train: (re)trains the intent model from agents/local-planner/corpus/ and saves it
// under ./data/nlu/ (deterministic: the same corpus gives the same model). bench:nlu reports accuracy.
import { performance } from 'node:perf_hooks';
import { buildIntentModel } from '../agents/local-planner/intent/index.ts';

const started = performance.now();
const { model, file } = buildIntentModel({ retrain: true });
console.log(`intent model: ${model.intents.length} intents, ${model.size} features, trained in ${((performance.now() - started) / 1000).toFixed(1)} s → ${file}`);
const t = performance.now();
buildIntentModel();
console.log(`loads in ${(performance.now() - t).toFixed(0)} ms`);

// npm run index:rebuild — drops the Chroma collections and rebuilds them from the store, with a
// progress bar (draws demo pictures first if the store has none). Uses CHROMA_URL when set, else the
// embedded server under ./data/chroma.
import cliProgress from 'cli-progress';
import { migrate, openStore } from '../prisma/store.ts';
import { seedIfEmpty } from '../prisma/seed/index.ts';
import { databaseUrl } from '../prisma/url.ts';
import { syncIndex } from '../tools/catalogue/index-sync.ts';
import { startVectorIndex } from '../tools/catalogue/vector-runtime.ts';
import { createToolDeps } from '../tools/deps.ts';

const url = databaseUrl();
migrate(url);
const db = await openStore(url);
await seedIfEmpty(db);
const vectors = await startVectorIndex(db, { ...process.env, VECTOR_INDEX: 'on' });
if (!vectors.index?.available) {
  console.error(`The vector index is not reachable (${vectors.description}).`);
  process.exit(1);
}
await vectors.index.reset();
const deps = await createToolDeps(db, vectors.index);
const bars = new cliProgress.MultiBar({ format: ' {stage} |{bar}| {value}/{total}', hideCursor: true, clearOnComplete: false }, cliProgress.Presets.shades_classic);
const made = new Map<string, cliProgress.SingleBar>();
const started = performance.now();
await syncIndex(deps, (line) => bars.log(`${line}\n`), (stage) => (done, total) => {
  let bar = made.get(stage);
  if (!bar) {
    bar = bars.create(Math.max(total, 1), 0, { stage: stage.padEnd(14) });
    made.set(stage, bar);
  }
  bar.setTotal(Math.max(total, 1));
  bar.update(total ? done : 1, { stage: stage.padEnd(14) });
});
bars.stop();
console.log(`Index rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s (${vectors.description}).`);
await vectors.stop();
await db.$disconnect();

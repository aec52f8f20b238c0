// A chart worker that misbehaves on cue, by chart title: "crash…" ends its thread (as an out-of-memory
// or native crash would), "throw…" fails on the spec, "hang…" never answers. Any other chart is
// rendered for real, so a test can show the charts after a failure still arrive.
import { register } from 'tsx/esm/api';

register();
const { default: render } = await import('../../bots/shared/chart-worker.ts');

export default function renderChart(task) {
  const title = task.spec.title;
  if (title.startsWith('crash')) process.exit(3);
  if (title.startsWith('throw')) throw new Error('bad chart spec in the worker');
  if (title.startsWith('hang')) return new Promise(() => {});
  return render(task);
}

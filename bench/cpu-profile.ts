// The main thread's CPU profile over one stretch of a bench (node:inspector, no restart with
// --cpu-prof), saved as a .cpuprofile (open it in Chrome DevTools) and summarised: the functions and
// the modules with the most self time.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { relative } from 'node:path';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

export async function profiled<T>(file: string, work: () => Promise<T>): Promise<{ value: T; summary: string }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const value = await work();
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  session.disconnect();
  writeFileSync(file, JSON.stringify(profile));
  return { value, summary: summarise(profile) };
}

const ROOT = relative('/', process.cwd());
/** node_modules/<package> (the package), a project file (its path), node:… internals, or V8's own entries. */
function moduleOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1];
  if (path.startsWith('node:')) return 'node: internals';
  return relative(`/${ROOT}`, path);
}

function summarise(profile: Profile, top = 10): string {
  // Each sample's time is the delta to the next sample.
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (!us || functionName === '(idle)') continue; // waiting, not working
    const module = moduleOf(url, functionName);
    const fn = `${functionName || '(anonymous)'}  ${module}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    byModule.set(module, (byModule.get(module) ?? 0) + us);
  }
  const total = [...byModule.values()].reduce((a, b) => a + b, 0);
  const wall = profile.endTime - profile.startTime;
  const table = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([k, us]) => `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
  return `main thread busy ${(total / 1e6).toFixed(1)} s of ${(wall / 1e6).toFixed(1)} s; self time by function:\n${table(byFunction)}\nby module:\n${table(byModule)}`;
}

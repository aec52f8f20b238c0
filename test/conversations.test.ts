// Runs the conversation scripts in test/conversations/*.json through the whole agent (local planner,
// LangChain loop, tools, store memory) and checks the tool, its arguments and the reply of each turn.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../agents/assistant.ts';
import { parseCaller } from '../agents/caller.ts';
import type { Store } from '../prisma/store.ts';
import { buildFixture, NOW } from './helpers/fixture.ts';
import { freshStore } from './helpers/store.ts';

type Expect = { tool?: string; args?: Record<string, unknown>; noTool?: boolean; replyIncludes?: string[]; replyExcludes?: string[]; error?: string };
type Script = { name: string; as: string; location?: { lat: number; lng: number }; turns: { say?: string; location?: { lat: number; lng: number }; expect: Expect }[] };

const dir = join(import.meta.dirname, 'conversations');
const scripts: [string, Script][] = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]);

let db: Store;
let assistant: Assistant;

beforeAll(async () => {
  db = await freshStore();
  await buildFixture(db);
  assistant = await Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} });
});
afterAll(() => db.$disconnect());

it('has at least 40 scripted turns in zh and en', () => {
  expect(scripts.reduce((n, [, s]) => n + s.turns.length, 0)).toBeGreaterThanOrEqual(40);
});

describe.each(scripts)('%s', (file, script) => {
  it(script.name, async () => {
    const caller = parseCaller(script.as);
    if (script.location && caller.role === 'shopper') await db.customer.update({ where: { id: caller.customerId }, data: { lastLat: script.location.lat, lastLng: script.location.lng } });
    for (const [i, turn] of script.turns.entries()) {
      const text = turn.say?.startsWith('@repeat:') ? turn.say.split(':')[1].repeat(Number(turn.say.split(':')[2])) : turn.say;
      const answer = await assistant.handle({ chatKey: `test:${file}`, caller, text, location: turn.location });
      const where = `${file} turn ${i + 1} "${turn.say ?? '(location)'}" → ${answer.reply}`;
      const e = turn.expect;
      if (e.noTool) expect(answer.toolCalls, where).toEqual([]);
      if (e.tool) {
        expect(answer.toolCalls.map((c) => c.name), where).toEqual([e.tool]);
        if (e.args) expect(answer.toolCalls[0].args, where).toMatchObject(e.args);
      }
      for (const s of e.replyIncludes ?? []) expect(answer.reply, where).toContain(s);
      for (const s of e.replyExcludes ?? []) expect(answer.reply, where).not.toContain(s);
      if (e.error) expect(answer.error, where).toBe(e.error);
      else expect(answer.error, where).toBeUndefined();
    }
  });
});

// npm run chat [-- --as shopper:1|merchant:1]: a terminal chat with the assistant.
// Commands: /as shopper:<id>|merchant:<id>, /loc <lat> <lng>, /reset, /quit
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parseCaller } from '../../agents/caller.ts';
import { clearConversation } from '../../agents/memory.ts';
import { startRuntime } from '../../agents/runtime.ts';

const { values } = parseArgs({ options: { as: { type: 'string', default: 'shopper:1' } } });
let as = values.as!;
let caller = parseCaller(as);
const runtime = await startRuntime();
const rl = createInterface({ input: process.stdin, output: process.stdout });
console.log(`Chatting as ${as} (${runtime.modelDescription}). /as, /loc, /reset, /quit`);

// The async iterator buffers lines typed (or piped) while an answer is being computed.
rl.setPrompt('> ');
rl.prompt();
for await (const raw of rl) {
  const line = raw.trim();
  if (!line) {
    rl.prompt();
    continue;
  }
  if (line === '/quit' || line === '/exit') break;
  if (line.startsWith('/as ')) {
    try {
      caller = parseCaller(line.slice(4));
      as = line.slice(4).trim();
      console.log(`Now ${as}.`);
    } catch (e) {
      console.log((e as Error).message);
    }
    rl.prompt();
    continue;
  }
  if (line === '/reset') {
    await clearConversation(runtime.db, `cli:${as}`);
    console.log('Conversation cleared.');
    rl.prompt();
    continue;
  }
  const loc = /^\/loc\s+(-?[\d.]+)[ ,]+(-?[\d.]+)$/.exec(line);
  const answer = await runtime.assistant.handle({ chatKey: `cli:${as}`, caller, text: loc ? undefined : line, location: loc ? { lat: Number(loc[1]), lng: Number(loc[2]) } : undefined });
  console.log(answer.reply + (answer.suggestions.length ? `\n  [${answer.suggestions.join(' | ')}]` : ''));
  rl.prompt();
}
rl.close();
await runtime.stop();

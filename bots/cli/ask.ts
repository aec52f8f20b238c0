// npm run ask -- --as shopper:<customerId>|merchant:<merchantId> [--json] [--lat x --lng y] [--chat key] [--photo file.jpg] "message"
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCaller } from '../../agents/caller.ts';
import { startRuntime } from '../../agents/runtime.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    as: { type: 'string', default: 'shopper:1' },
    json: { type: 'boolean', default: false },
    lat: { type: 'string' },
    lng: { type: 'string' },
    chat: { type: 'string' },
    lang: { type: 'string' },
    photo: { type: 'string' },
  },
});

const caller = parseCaller(values.as!);
const text = positionals.join(' ');
const runtime = await startRuntime((line) => console.error(line));
const started = performance.now();
const answer = await runtime.assistant.handle({
  chatKey: values.chat ?? `cli:${values.as}`,
  caller,
  text,
  photo: values.photo ? new Uint8Array(readFileSync(values.photo)) : undefined,
  location: values.lat && values.lng ? { lat: Number(values.lat), lng: Number(values.lng) } : undefined,
  locale: values.lang === 'en' || values.lang === 'zh' ? values.lang : undefined,
});
const ms = Math.round(performance.now() - started);
if (values.json) console.log(JSON.stringify({ ...answer, ms }, null, 2));
else console.log(answer.reply);
await runtime.stop();
process.exit(answer.error && answer.error !== 'too_long' ? 1 : 0);

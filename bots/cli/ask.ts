// npm run ask -- --as shopper:<customerId>|merchant:<merchantId> [--json] [--lat x --lng y] [--chat key] [--photo file.jpg] [--local] "message"
// With `npm start` running on this machine (same store), the message goes to it; otherwise (or with
// --local) an assistant starts in this process for the one message, without background start-up work.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { AssistantReply } from '../../agents/assistant.ts';
import { parseCaller } from '../../agents/caller.ts';
import { databaseUrl, storeFingerprint } from '../../prisma/url.ts';
import { askServer, runningServer } from './running-server.ts';

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
    local: { type: 'boolean', default: false },
  },
});

const caller = parseCaller(values.as!);
const text = positionals.join(' ');
const locale = values.lang === 'en' || values.lang === 'zh' ? values.lang : undefined;
const location = values.lat && values.lng ? { lat: Number(values.lat), lng: Number(values.lng) } : undefined;
const started = performance.now();

async function viaServer(): Promise<AssistantReply | undefined> {
  if (values.local) return undefined;
  const base = process.env.ASK_SERVER?.trim().replace(/\/$/, '') || `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  const server = await runningServer(base, storeFingerprint(databaseUrl()));
  if (!server) return undefined;
  const sent = await askServer(server, { as: values.as!, chat: values.chat, text, photo: values.photo, lat: location?.lat, lng: location?.lng, locale }, process.env.WEB_TOKEN?.trim());
  if ('answer' in sent) return sent.answer;
  console.error(`The running assistant at ${server} did not take the message (${sent.refused}); answering here instead.`);
  return undefined;
}

async function inProcess(): Promise<AssistantReply> {
  const { startRuntime } = await import('../../agents/runtime.ts');
  const runtime = await startRuntime((line) => console.error(line), { background: false });
  try {
    return await runtime.assistant.handle({
      chatKey: values.chat ?? `cli:${values.as}`,
      caller,
      text,
      photo: values.photo ? new Uint8Array(readFileSync(values.photo)) : undefined,
      location,
      locale,
    });
  } finally {
    await runtime.stop();
  }
}

const answer = (await viaServer()) ?? (await inProcess());
const ms = Math.round(performance.now() - started);
if (values.json) console.log(JSON.stringify({ ...answer, ms }, null, 2));
else console.log(answer.reply);
process.exit(answer.error && answer.error !== 'too_long' ? 1 : 0);

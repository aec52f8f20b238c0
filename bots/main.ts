// `npm start`: the assistant on its embedded defaults — SQLite store (seeded on first run), the local
// planner, and the web chat. Chat platforms start only when their tokens are set.
import { webAccess } from './web/access.ts';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || '127.0.0.1';

// Before anything loads or starts: a web chat others can reach must not be open to them.
const access = webAccess(host, process.env);
if (!access.ok) {
  console.error(`Not starting: ${access.message}`);
  process.exit(1);
}
const { startRuntime } = await import('../agents/runtime.ts');
const { startSlack } = await import('./slack/start.ts');
const { startTelegram } = await import('./telegram/start.ts');
const { buildWebServer } = await import('./web/server.ts');
const { charts } = await import('./shared/charts.ts');
const { prepareStore, StartProgress } = await import('./shared/startup.ts');
const { databaseUrl, storeFingerprint } = await import('../prisma/url.ts');
type WebDeps = Parameters<typeof buildWebServer>[0];

// The page first (it shows how far the start is), then the store (seeded on a brand-new one) and the assistant.
const url = databaseUrl();
const progress = new StartProgress();
const webDeps = { log: console.error, token: access.token, store: storeFingerprint(url), starting: () => progress.state } as WebDeps;
const web = buildWebServer(webDeps);
await web.listen({ port, host });
const pageUrl = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}${access.token ? '/?token=<WEB_TOKEN> (token required)' : ''}`;
console.log(`Starting… the web chat is at ${pageUrl} and shows how far it is.`);
let runtime: Awaited<ReturnType<typeof startRuntime>>;
try {
  await prepareStore(url, progress, console.error);
  progress.set({ step: 'starting' });
  runtime = await startRuntime(console.log, { migrated: true });
} catch (error) {
  progress.set({ step: 'failed', error: (error as Error).message });
  console.error(`Not started: ${(error as Error).stack ?? error}`);
  await web.close();
  process.exit(1);
}
webDeps.db = runtime.db;
webDeps.assistant = runtime.assistant;
webDeps.relay = runtime.relay;
progress.set({ step: 'ready' });

const stops: (() => Promise<void>)[] = [];
async function adapter(name: string, env: string, start: () => Promise<{ status: string; stop: () => Promise<void> }>): Promise<string> {
  if (!process.env[env]) return `${name}: off (set ${env} to enable)`;
  try {
    const started = await start();
    stops.push(started.stop);
    return `${name}: ${started.status}`;
  } catch (error) {
    console.error(`[${name}] ${(error as Error).stack ?? error}`);
    return `${name}: off (failed to start: ${(error as Error).message})`;
  }
}
const telegram = await adapter('Telegram', 'TELEGRAM_BOT_TOKEN', () => startTelegram(runtime, process.env, console.error));
const slack = await adapter('Slack', 'SLACK_BOT_TOKEN', () => startSlack(runtime, process.env, console.error));
console.log([
  `Shop Assistant is running.`,
  `  store:  ${runtime.storeDescription}`,
  `  model:  ${runtime.modelDescription}`,
  `  vector index: ${runtime.vectorDescription}`,
  `  web chat: on → ${pageUrl}`,
  `  ${telegram}`,
  `  ${slack}`,
  `  terminal chat: npm run chat`,
  `Press Ctrl+C to stop.`,
].join('\n'));

const stop = async () => {
  await Promise.allSettled(stops.map((stop) => stop()));
  await web.close();
  await charts.close(); // the chart worker thread, if one is up
  await runtime.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

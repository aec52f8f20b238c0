// `npm start`: the assistant on its embedded defaults — SQLite store (seeded on first run), the local
// planner, and the web chat. Chat platforms start only when their tokens are set.
import { startRuntime } from '../agents/runtime.ts';
import { buildWebServer } from './web/server.ts';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

const runtime = await startRuntime();
const web = buildWebServer({ db: runtime.db, assistant: runtime.assistant, log: console.error });
await web.listen({ port, host });

const adapter = (name: string, env: string) =>
  process.env[env] ? `${name}: token set, but this version has no ${name} adapter yet` : `${name}: off (set ${env} to enable)`;
console.log([
  `Shop Assistant is running.`,
  `  store:  ${runtime.storeDescription}`,
  `  model:  ${runtime.modelDescription}`,
  `  web chat: on → http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
  `  ${adapter('Telegram', 'TELEGRAM_BOT_TOKEN')}`,
  `  ${adapter('Slack', 'SLACK_BOT_TOKEN')}`,
  `  terminal chat: npm run chat`,
  `Press Ctrl+C to stop.`,
].join('\n'));

const stop = async () => {
  await web.close();
  await runtime.db.$disconnect();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

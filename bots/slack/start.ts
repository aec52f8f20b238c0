// Starts the Slack adapter from the environment: Socket Mode with SLACK_APP_TOKEN, else HTTP on
// SLACK_PORT with SLACK_SIGNING_SECRET (Slack calls https://<your host>/slack/events).
import type { Runtime } from '../../agents/runtime.ts';
import { createSlackApp } from './app.ts';

export async function startSlack(runtime: Runtime, env: NodeJS.ProcessEnv, log: (line: string) => void) {
  const socket = Boolean(env.SLACK_APP_TOKEN);
  if (!socket && !env.SLACK_SIGNING_SECRET) throw new Error('set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)');
  const port = Number(env.SLACK_PORT ?? 3001);
  const app = createSlackApp(
    { db: runtime.db, assistant: runtime.assistant, tools: runtime.assistant.toolDeps, log, relay: runtime.relay },
    { token: env.SLACK_BOT_TOKEN!, signingSecret: env.SLACK_SIGNING_SECRET, appToken: env.SLACK_APP_TOKEN, port, slackApiUrl: env.SLACK_API_URL || undefined },
  );
  if (socket) await app.start();
  else await app.start(port);
  return { status: socket ? 'on (Socket Mode)' : `on (HTTP, POST /slack/events on port ${port})`, stop: () => app.stop() as Promise<void> };
}

// Starts the Telegram adapter from the environment: long polling by default, a webhook when
// TELEGRAM_WEBHOOK_URL is set (its secret token is then required and checked on every request).
import type { Runtime } from '../../agents/runtime.ts';
import { createTelegramBot } from './bot.ts';

export async function startTelegram(runtime: Runtime, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<{ status: string; stop: () => Promise<void> }> {
  const token = env.TELEGRAM_BOT_TOKEN!;
  const telegram = createTelegramBot({ db: runtime.db, assistant: runtime.assistant, log }, { token, apiRoot: env.TELEGRAM_API_ROOT || undefined });
  // A merchant's reply to a shopper's message (contact_shop) is pushed to the shopper's chat.
  runtime.relay.deliverWith('telegram:', async (chatKey, text) => {
    await telegram.bot.telegram.sendMessage(chatKey.slice('telegram:'.length), text);
    return true;
  });
  const stop = async () => {
    telegram.bot.stop();
    await telegram.idle();
  };
  const commands = [
    { command: 'start', description: '开始 / Start' }, { command: 'help', description: '帮助 / Help' },
    { command: 'lang', description: '中文 / English' }, { command: 'reset', description: '清空对话 / Forget this chat' },
  ];
  if (env.TELEGRAM_WEBHOOK_URL) {
    if (!env.TELEGRAM_WEBHOOK_SECRET) throw new Error('TELEGRAM_WEBHOOK_URL needs TELEGRAM_WEBHOOK_SECRET (checked on every update)');
    const url = new URL(env.TELEGRAM_WEBHOOK_URL);
    const port = Number(env.TELEGRAM_WEBHOOK_PORT ?? 8443);
    await new Promise<void>((ready, fail) => {
      telegram.bot.launch({ webhook: { domain: url.host, path: url.pathname, port, host: env.TELEGRAM_WEBHOOK_HOST ?? '0.0.0.0', secretToken: env.TELEGRAM_WEBHOOK_SECRET } }, ready).catch(fail);
    });
    await telegram.bot.telegram.setMyCommands(commands).catch((e) => log(`[telegram] setMyCommands: ${e}`));
    return { status: `on (webhook ${url.href}, listening on port ${port})`, stop };
  }
  await new Promise<void>((ready, fail) => {
    telegram.bot.launch(ready).catch(fail);
  });
  await telegram.bot.telegram.setMyCommands(commands).catch((e) => log(`[telegram] setMyCommands: ${e}`));
  return { status: 'on (long polling)', stop };
}

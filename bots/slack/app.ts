// Slack adapter for merchants (@slack/bolt). Socket Mode when an app token is given, else HTTP with
// signing-secret verification. /shop, @mentions and DMs go through the one assistant; replies are
// Block Kit, charts are uploaded as PNGs; App Home shows the merchant's KPIs.
import { App, LogLevel } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Assistant } from '../../agents/assistant.ts';
import { findCaller, linkIdentity, unlinkIdentity } from '../../agents/identity.ts';
import type { Store } from '../../prisma/store.ts';
import type { ToolDeps } from '../../tools/context.ts';
import { catalogueImage } from '../../tools/scan-to-buy/image-catalogue.ts';
import { imageProblemText } from '../../tools/scan-to-buy/image-features.ts';
import { renderChartPng } from '../shared/charts.ts';
import { sharedImage, type SlackFile } from './files.ts';
import { replyBlocks } from './blocks.ts';
import { homeView } from './home.ts';
import { checkLinkCode } from './link-codes.ts';

export type SlackOptions = { token: string; signingSecret?: string; appToken?: string; slackApiUrl?: string; port?: number; linkSecret: string; clock?: () => Date };
export type SlackDeps = { db: Store; assistant: Assistant; tools: ToolDeps; log: (line: string) => void };

export const LINK_HELP = [
  '这个 Slack 账号还没有绑定商家。请向管理员索取绑定码，然后输入 `/shop link <绑定码>`。',
  'This Slack account is not linked to a merchant yet. Ask your administrator for a link code, then type `/shop link <code>`.',
].join('\n');
const HELP = [
  '*/shop* — 问我你的店铺经营情况 · ask about your shops',
  '• `/shop sales last week` · `/shop 上个月销售` · `/shop top 10 products last 30 days`',
  '• `/shop link <code>` 绑定商家 · link your merchant account, `/shop unlink`',
  'You can also @mention me or send me a DM. The Home tab shows your KPIs.',
].join('\n');

type Where = { team: string; user: string; channel: string; threadTs?: string };

export function createSlackApp(deps: SlackDeps, options: SlackOptions) {
  const app = new App({
    token: options.token,
    ...(options.appToken ? { socketMode: true, appToken: options.appToken } : { signingSecret: options.signingSecret, port: options.port }),
    clientOptions: options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : undefined,
    logLevel: LogLevel.WARN,
  });
  const now = options.clock ?? (() => new Date());
  const identity = (w: { team: string; user: string }) => `${w.team}:${w.user}`;

  async function answer(client: WebClient, where: Where, text: string, files?: SlackFile[]) {
    const caller = await findCaller(deps.db, 'slack', identity(where));
    if (!caller || caller.role !== 'merchant') {
      await client.chat.postEphemeral({ channel: where.channel, user: where.user, text: LINK_HELP });
      return;
    }
    // A shared image goes to scan-to-buy (what is it, who sells it at what price); the text is its caption.
    const image = await sharedImage(files, options.token);
    if (typeof image === 'string') {
      const problem = `${imageProblemText(image, 'zh')} ${imageProblemText(image, 'en')}`;
      return void (await client.chat.postMessage({ channel: where.channel, thread_ts: where.threadTs, text: problem }));
    }
    const reply = await deps.assistant.handle({ chatKey: `slack:${where.team}:${where.channel}:${where.user}`, caller, text, photo: image });
    await client.chat.postMessage({ channel: where.channel, thread_ts: where.threadTs, text: reply.reply, blocks: replyBlocks(reply) });
    const pictures = [];
    for (const picture of reply.attachments.pictures ?? []) {
      const image = await catalogueImage(deps.db, picture.productId);
      if (image) pictures.push({ file: Buffer.from(image.bytes), filename: `product-${picture.productId}.${image.mime.split('/')[1]}`, title: picture.caption });
    }
    const charts = reply.attachments.charts.map((chart, i) => ({ file: renderChartPng(chart), filename: `chart-${i + 1}.png`, title: chart.title }));
    for (const file of [...pictures, ...charts]) {
      await client.files.uploadV2(where.threadTs ? { ...file, channel_id: where.channel, thread_ts: where.threadTs } : { ...file, channel_id: where.channel });
    }
  }

  async function safely(client: WebClient, where: Where, work: () => Promise<void>) {
    try {
      await work();
    } catch (error) {
      deps.log(`[slack] ${(error as Error).stack ?? error}`);
      await client.chat.postEphemeral({ channel: where.channel, user: where.user, text: '抱歉，出错了，请稍后再试。 Sorry, something went wrong; please try again.' }).catch(() => {});
    }
  }

  app.command('/shop', async ({ command, ack, client }) => {
    await ack(); // within Slack's 3 s; the answer follows as a message
    const where = { team: command.team_id, user: command.user_id, channel: command.channel_id };
    const text = command.text.trim();
    await safely(client, where, async () => {
      const [sub, ...rest] = text.split(/\s+/);
      if (!text || /^(help|帮助)$/i.test(sub)) return void (await client.chat.postEphemeral({ channel: where.channel, user: where.user, text: HELP }));
      if (/^link$/i.test(sub)) {
        const merchantId = checkLinkCode(options.linkSecret, rest.join(' '));
        const merchant = merchantId === undefined ? null : await deps.db.merchant.findUnique({ where: { id: merchantId } });
        if (!merchant) return void (await client.chat.postEphemeral({ channel: where.channel, user: where.user, text: '绑定码无效。 That link code is not valid.' }));
        await linkIdentity(deps.db, 'slack', identity(where), { role: 'merchant', merchantId: merchant.id });
        return void (await client.chat.postEphemeral({ channel: where.channel, user: where.user, text: `已绑定：${merchant.name}。 Linked to ${merchant.name}.` }));
      }
      if (/^unlink$/i.test(sub)) {
        await unlinkIdentity(deps.db, 'slack', identity(where));
        return void (await client.chat.postEphemeral({ channel: where.channel, user: where.user, text: '已解除绑定。 Unlinked.' }));
      }
      await answer(client, where, text);
    });
  });

  app.event('app_mention', async ({ event, client, context }) => {
    const where = { team: context.teamId ?? event.team ?? '', user: event.user ?? '', channel: event.channel, threadTs: event.thread_ts ?? event.ts };
    const files = (event as { files?: SlackFile[] }).files;
    await safely(client, where, () => answer(client, where, event.text.replace(/<@[A-Z0-9]+>/g, '').trim(), files));
  });

  app.event('message', async ({ event, client, context }) => {
    const m = event as { channel_type?: string; subtype?: string; bot_id?: string; user?: string; text?: string; channel: string; files?: SlackFile[] };
    if (m.channel_type !== 'im' || (m.subtype && m.subtype !== 'file_share') || m.bot_id || !m.user) return;
    const where = { team: context.teamId ?? '', user: m.user, channel: m.channel };
    await safely(client, where, () => answer(client, where, m.text ?? '', m.files));
  });

  app.action(/^followup_\d+$/, async ({ ack, body, action, client }) => {
    await ack();
    const b = body as { team?: { id: string }; user: { id: string; team_id?: string }; channel?: { id: string }; message?: { thread_ts?: string } };
    const where = { team: b.team?.id ?? b.user.team_id ?? '', user: b.user.id, channel: b.channel?.id ?? '', threadTs: b.message?.thread_ts };
    await safely(client, where, () => answer(client, where, (action as { value?: string }).value ?? ''));
  });

  app.event('app_home_opened', async ({ event, client, context }) => {
    if (event.tab !== 'home') return;
    try {
      const caller = await findCaller(deps.db, 'slack', `${context.teamId ?? ''}:${event.user}`);
      const view = await homeView(deps.tools, caller?.role === 'merchant' ? caller.merchantId : undefined, now(), LINK_HELP);
      await client.views.publish({ user_id: event.user, view });
    } catch (error) {
      deps.log(`[slack home] ${(error as Error).stack ?? error}`);
    }
  });

  app.error(async (error) => deps.log(`[slack] ${error.stack ?? error}`));
  return app;
}


// Slack adapter for merchants (@slack/bolt). Socket Mode when an app token is given, else HTTP with
// signing-secret verification (plus a future-timestamp check, receiver.ts). /shop, @mentions and DMs
// go through the one assistant; a merchant's answer only ever lands in their DM with the app
// (deliver.ts); replies are Block Kit (merchant answers as cards), charts are PNGs in the answer's
// thread; App Home shows KPIs with buttons. Everything is said in the user's one language (language.ts).
import { App, LogLevel } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Assistant, AssistantReply, Decision } from '../../agents/assistant.ts';
import { findCaller, linkIdentity, unlinkIdentity } from '../../agents/identity.ts';
import type { ShopRelay } from '../../agents/shop-relay.ts';
import type { Store } from '../../prisma/store.ts';
import type { Locale, ToolDeps } from '../../tools/context.ts';
import { catalogueImage } from '../../tools/scan-to-buy/image-catalogue.ts';
import { imageProblemText } from '../../tools/scan-to-buy/image-features.ts';
import { charts as sharedCharts, type ChartRenderer } from '../shared/charts.ts';
import { lateStatus } from '../shared/late-status.ts';
import { LOOKING_IT_UP } from '../shared/progress-text.ts';
import { sharedImage, type SlackFile } from './files.ts';
import { replyBlocks } from './blocks.ts';
import { DETAILS_ACTION } from './card-blocks.ts';
import { privateDelivery, type Upload, type Where } from './deliver.ts';
import { HOME_ACTIONS, HOME_QUESTIONS, homeView } from './home.ts';
import { slackLanguage } from './language.ts';
import { claimLinkCode } from './link-codes.ts';
import { slackReceiver } from './receiver.ts';
import { slackRelay } from './relay.ts';
import { eventClaims } from './seen-events.ts';

export type SlackOptions = {
  token: string; signingSecret?: string; appToken?: string; slackApiUrl?: string; port?: number; clock?: () => Date;
  /** An answer slower than this gets a "looking it up" message first, updated in place with the answer. */
  statusAfterMs?: number;
};
export type SlackDeps = { db: Store; assistant: Assistant; tools: ToolDeps; log: (line: string) => void; charts?: ChartRenderer; /** shoppers' messages for the merchants, and their replies */ relay?: ShopRelay };

export const LINK_HELP: Record<Locale, string> = {
  zh: '这个 Slack 账号还没有绑定商家。请向管理员索取绑定码，然后输入 `/shop link <绑定码>`。',
  en: 'This Slack account is not linked to a merchant yet. Ask your administrator for a link code, then type `/shop link <code>`.',
};
const HELP: Record<Locale, string> = {
  zh: [
    '*/shop* — 问我你的店铺经营情况',
    '• 销售：`/shop 上周销售怎么样` · `/shop 上个月卖得最好的商品`',
    '• 补货：`/shop 补货建议` · `/shop 补货 交货期14天`',
    '• 评价：`/shop 顾客都在抱怨什么`',
    '• 定价：`/shop 定价建议`（分客群的优惠）· 异常：`/shop 这周有什么异常吗`',
    '• 拍照识货：在私信里发一张商品照片',
    '• 顾客给你店铺的留言会私信发给你：在那条消息的回复串里回复，我会转给顾客',
    '• `/shop link <绑定码>` 绑定商家，`/shop unlink` 解除绑定',
    '回答只私信发给你。也可以 @我 或直接私信我。主页（Home）标签里有你的经营概览。',
  ].join('\n'),
  en: [
    '*/shop* — ask about your shops',
    '• sales: `/shop sales last week` · `/shop top 10 products last 30 days`',
    '• restock: `/shop restock advice` · `/shop restock with 14 days lead time`',
    '• reviews: `/shop what are customers unhappy about`',
    '• pricing: `/shop pricing advice` (discounts per customer segment) · alerts: `/shop anything unusual this week`',
    '• scan: share a product photo in a DM',
    '• shoppers\' messages for your shops come to your DM: reply in that message\'s thread and I pass it on to them',
    '• `/shop link <code>` links your merchant account, `/shop unlink` unlinks it',
    'Answers come to you privately, in your DM with me. You can also @mention me or send me a DM. The Home tab shows your KPIs.',
  ].join('\n'),
};
export const LINK_REFUSED: Record<Locale, Record<'invalid' | 'used' | 'expired', string>> = {
  zh: { invalid: '绑定码无效。', used: '这个绑定码已经用过了，请向管理员索取新的。', expired: '这个绑定码已过期，请向管理员索取新的。' },
  en: { invalid: 'That link code is not valid.', used: 'This code was already used; ask for a new one.', expired: 'This code has expired; ask for a new one.' },
};
const LINKED: Record<Locale, (name: string) => string> = { zh: (name) => `已绑定：${name}。`, en: (name) => `Linked to ${name}.` };
const UNLINKED: Record<Locale, string> = { zh: '已解除绑定。', en: 'Unlinked.' };
export const SORRY: Record<Locale, string> = { zh: '抱歉，出错了，请稍后再试。', en: 'Sorry, something went wrong; please try again.' };
export const LOOKING = LOOKING_IT_UP;
/** Slack shows nothing after a slash command until the app posts; past this a merchant is told it is on its way. */
const STATUS_AFTER_MS = 1500;

type Turn = { text?: string; files?: SlackFile[]; decision?: Decision };
type ActionBody = { team?: { id: string } | null; user: { id: string; team_id?: string }; channel?: { id: string }; message?: { ts?: string } };

export function createSlackApp(deps: SlackDeps, options: SlackOptions) {
  const app = new App({
    token: options.token,
    ...(options.appToken ? { socketMode: true, appToken: options.appToken } : { receiver: slackReceiver(options.signingSecret, options.port, deps.log) }),
    clientOptions: options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : undefined,
    logLevel: LogLevel.WARN,
  });
  const now = options.clock ?? (() => new Date());
  const identity = (w: { team: string; user: string }) => `${w.team}:${w.user}`;
  // One conversation per Slack user, wherever they ask: their answers all land in the same DM, and a
  // proposal's Yes/No (pressed in that DM) must reach the chat that proposed it.
  const chatKey = (w: Where) => `slack:${w.team}:${w.user}`;
  const out = privateDelivery(deps.log);
  const localeOf = slackLanguage(deps.db, deps.log);
  const firstDelivery = eventClaims(deps.db, now, deps.log);
  // Shoppers' messages go to their merchant's DM; a reply in such a message's thread goes back to the shopper.
  const takeReply = deps.relay ? slackRelay(deps.db, deps.relay, app.client, localeOf) : undefined;

  // Events only (commands and actions have no event_id and are not retried): a redelivery stops here.
  // Bolt has already acknowledged the event by the time global middleware runs.
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await firstDelivery(eventId, context.retryNum))) return;
    await next();
  });

  async function attachmentsOf(reply: AssistantReply): Promise<Upload[]> {
    const pictures: Upload[] = [];
    for (const picture of reply.attachments.pictures ?? []) {
      const image = await catalogueImage(deps.db, picture.productId);
      if (image) pictures.push({ file: Buffer.from(image.bytes), filename: `product-${picture.productId}.${image.mime.split('/')[1]}`, title: picture.caption });
    }
    // Rendered off the event loop and cached; a chart that fails is left out (logged), the rest still go.
    const rendered = await (deps.charts ?? sharedCharts).render(deps.db, reply.attachments.charts, deps.log);
    const charts = rendered.map((chart, i) => ({ file: chart.png, filename: `chart-${i + 1}.png`, title: chart.title }));
    return [...pictures, ...charts];
  }

  async function answer(client: WebClient, asked: Where, turn: Turn) {
    // One language for the whole turn: the answer (also to a button or a photo without words) and every note.
    const locale = await localeOf(client, asked, turn.text);
    const where = { ...asked, locale };
    const caller = await findCaller(deps.db, 'slack', identity(where));
    if (!caller || caller.role !== 'merchant') return out.ephemeral(client, where, LINK_HELP[locale]);
    // A shared image goes to scan-to-buy (what is it, who sells it at what price); the text is its caption.
    const image = await sharedImage(turn.files, options.token);
    if (typeof image === 'string') return void (await out.send(client, where, { text: imageProblemText(image, locale) }));
    const handling = deps.assistant.handle({ chatKey: chatKey(where), caller, text: turn.text, photo: image, decision: turn.decision, locale });
    // Quick answers arrive as one message; a slow one is announced in the DM and then replaces that note.
    const status = lateStatus(options.statusAfterMs ?? STATUS_AFTER_MS, () => out.send(client, where, { text: LOOKING[locale] }), (line) => deps.log(`[slack] ${line}`));
    let reply: AssistantReply;
    try {
      reply = await handling;
    } catch (error) {
      const note = await status.settle();
      if (!note) throw error;
      // The note would say "looking it up" for ever: it says sorry instead (and is the only apology).
      deps.log(`[slack] ${(error as Error).stack ?? error}`);
      return void (await out.update(client, note, { text: SORRY[locale] }));
    }
    const note = await status.settle();
    const message = { text: reply.reply, blocks: replyBlocks(reply) };
    const posted = note ? await out.update(client, note, message) : await out.send(client, where, message);
    await out.upload(client, posted, await attachmentsOf(reply));
  }

  async function safely(client: WebClient, where: Where, work: () => Promise<void>) {
    try {
      await work();
    } catch (error) {
      deps.log(`[slack] ${(error as Error).stack ?? error}`);
      const locale = where.locale ?? (await localeOf(client, where).catch(() => 'zh' as const));
      await out.ephemeral(client, where, SORRY[locale]).catch(() => {});
    }
  }

  async function link(client: WebClient, where: Where, code: string, locale: Locale) {
    const claim = await claimLinkCode(deps.db, code, identity(where), now());
    if (!claim.ok) return out.ephemeral(client, where, LINK_REFUSED[locale][claim.reason]);
    await linkIdentity(deps.db, 'slack', identity(where), { role: 'merchant', merchantId: claim.merchantId });
    const merchant = await deps.db.merchant.findUnique({ where: { id: claim.merchantId } });
    await out.ephemeral(client, where, LINKED[locale](merchant?.name ?? ''));
  }

  /** The Home tab for this user, in their language (a merchant's overview, or how to link). */
  async function publishHome(client: WebClient, who: { team: string; user: string }) {
    const caller = await findCaller(deps.db, 'slack', identity(who));
    const locale = await localeOf(client, who);
    const view = await homeView(deps.tools, caller?.role === 'merchant' ? caller.merchantId : undefined, now(), locale, LINK_HELP[locale]);
    await client.views.publish({ user_id: who.user, view });
  }

  app.command('/shop', async ({ command, ack, client }) => {
    await ack(); // within Slack's 3 s; the answer follows as a message
    const where = { team: command.team_id, user: command.user_id, channel: command.channel_id };
    const text = command.text.trim();
    await safely(client, where, async () => {
      const [sub, ...rest] = text.split(/\s+/);
      // "help" / "帮助" says which language; link and unlink are command words (and a code), so they do not.
      const asksHelp = !text || /^(help|帮助)$/i.test(sub);
      if (asksHelp || /^(link|unlink)$/i.test(sub)) {
        const locale = await localeOf(client, where, asksHelp ? sub : undefined);
        if (asksHelp) return out.ephemeral(client, where, HELP[locale]);
        if (/^link$/i.test(sub)) return link(client, where, rest.join(' '), locale);
        await unlinkIdentity(deps.db, 'slack', identity(where));
        return out.ephemeral(client, where, UNLINKED[locale]);
      }
      await answer(client, where, { text });
    });
  });

  app.event('app_mention', async ({ event, client, context }) => {
    // threadTs only places the ephemeral note (or error) next to the mention; the answer goes to the DM.
    const where = { team: context.teamId ?? event.team ?? '', user: event.user ?? '', channel: event.channel, threadTs: event.thread_ts ?? event.ts };
    const files = (event as { files?: SlackFile[] }).files;
    await safely(client, where, () => answer(client, where, { text: event.text.replace(/<@[A-Z0-9]+>/g, '').trim(), files }));
  });

  app.event('message', async ({ event, client, context }) => {
    const m = event as { channel_type?: string; subtype?: string; bot_id?: string; user?: string; text?: string; channel: string; files?: SlackFile[]; ts: string; thread_ts?: string };
    if (m.channel_type !== 'im' || (m.subtype && m.subtype !== 'file_share') || m.bot_id || !m.user) return;
    const where = { team: context.teamId ?? '', user: m.user, channel: m.channel, inDm: true };
    const relayed = takeReply?.({ ...where, threadTs: m.thread_ts, ts: m.ts, text: m.text ?? '' });
    if (relayed && (await relayed.catch((error) => (deps.log(`[slack relay] ${(error as Error).stack ?? error}`), false)))) return;
    await safely(client, where, () => answer(client, where, { text: m.text ?? '', files: m.files }));
  });

  const actionWhere = (b: ActionBody): Where => ({ team: b.team?.id ?? b.user.team_id ?? '', user: b.user.id, channel: b.channel?.id ?? '' });

  app.action(/^followup_\d+$/, async ({ ack, body, action, client }) => {
    await ack();
    const where = actionWhere(body as ActionBody);
    await safely(client, where, () => answer(client, where, { text: (action as { value?: string }).value ?? '' }));
  });

  // Yes / No on a proposal the system showed: the id travels in the button's value; the assistant claims it.
  app.action(/^proposal_(yes|no)$/, async ({ ack, body, action, client }) => {
    await ack();
    const where = actionWhere(body as ActionBody);
    const a = action as { action_id: string; value?: string };
    const proposalId = Number(a.value);
    if (!Number.isSafeInteger(proposalId)) return void deps.log(`[slack] proposal button without an id: ${a.value}`);
    await safely(client, where, () => answer(client, where, { decision: { proposalId, accept: a.action_id === 'proposal_yes' } }));
  });

  // "How was this computed?" on a card: the method, in the answer's thread (the text travels in the button).
  app.action(DETAILS_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const b = body as ActionBody;
    const asked = actionWhere(b);
    const text = (action as { value?: string }).value ?? '';
    if (!text) return;
    await safely(client, asked, async () => {
      const where = { ...asked, locale: await localeOf(client, asked) };
      await out.send(client, where, { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }, { threadTs: b.message?.ts });
    });
  });

  app.event('app_home_opened', async ({ event, client, context }) => {
    if (event.tab !== 'home') return;
    try {
      await publishHome(client, { team: context.teamId ?? '', user: event.user });
    } catch (error) {
      deps.log(`[slack home] ${(error as Error).stack ?? error}`);
    }
  });

  // App Home's buttons: refresh the tab, or ask for the full restock / review answer (it comes in the DM).
  app.action(HOME_ACTIONS.refresh, async ({ ack, body, client }) => {
    await ack();
    const where = actionWhere(body as ActionBody);
    await publishHome(client, where).catch((error) => deps.log(`[slack home] ${(error as Error).stack ?? error}`));
  });
  for (const topic of ['restock', 'reviews'] as const) {
    app.action(HOME_ACTIONS[topic], async ({ ack, body, client }) => {
      await ack();
      const where = actionWhere(body as ActionBody);
      await safely(client, where, async () => answer(client, where, { text: HOME_QUESTIONS[topic][await localeOf(client, where)] }));
    });
  }

  app.error(async (error) => deps.log(`[slack] ${error.stack ?? error}`));
  return app;
}

// One language per Slack user, for everything the app says to them (answers, notes, App Home): the
// language of what they just wrote; else the locale Slack has for them (users.info, needs the
// users:read scope); else the language of what they wrote last in their chat with the app; else Chinese.
import type { WebClient } from '@slack/web-api';
import { detectLocale } from '../../agents/local-planner/understand.ts';
import type { Store } from '../../prisma/store.ts';
import type { Locale } from '../../tools/context.ts';

/** Slack's locale for a user ("zh-CN", "en-GB") as one of ours; another language is no answer. */
export function fromSlackLocale(locale: string | undefined): Locale | undefined {
  if (!locale) return undefined;
  if (/^zh\b/i.test(locale)) return 'zh';
  if (/^en\b/i.test(locale)) return 'en';
  return undefined;
}

/** How long a user's Slack locale is trusted before it is asked again (it changes rarely). */
const SLACK_LOCALE_TTL_MS = 60 * 60_000;
/** The user's recent messages searched for one whose language is clear ("123" or a button's "是" is not always). */
const RECENT_MESSAGES = 10;

export function slackLanguage(db: Store, log: (line: string) => void) {
  const known = new Map<string, { locale?: Locale; at: number }>();

  async function slackLocale(client: WebClient, team: string, user: string): Promise<Locale | undefined> {
    const key = `${team}:${user}`;
    const hit = known.get(key);
    if (hit && Date.now() - hit.at < SLACK_LOCALE_TTL_MS) return hit.locale;
    let locale: Locale | undefined;
    try {
      const info = await client.users.info({ user, include_locale: true });
      locale = fromSlackLocale(info.user?.locale);
    } catch (error) {
      // Most often an install without users:read: the other signals decide, and Slack is not asked again for a while.
      log(`[slack] no locale for ${key}: ${(error as Error).message}`);
    }
    known.set(key, { locale, at: Date.now() });
    return locale;
  }

  async function lastWritten(team: string, user: string): Promise<Locale | undefined> {
    const conversation = await db.conversation.findUnique({ where: { key: `slack:${team}:${user}` }, select: { id: true } });
    if (!conversation) return undefined;
    const recent = await db.message.findMany({ where: { conversationId: conversation.id, role: 'human' }, orderBy: { id: 'desc' }, take: RECENT_MESSAGES, select: { content: true } });
    for (const m of recent) {
      const locale = detectLocale(m.content);
      if (locale) return locale;
    }
    return undefined;
  }

  /** The language to use with this user now; `text` is what they just wrote, if anything. */
  return async function localeOf(client: WebClient, who: { team: string; user: string }, text?: string): Promise<Locale> {
    return detectLocale(text ?? '') ?? (await slackLocale(client, who.team, who.user)) ?? (await lastWritten(who.team, who.user)) ?? 'zh';
  };
}

// Where a merchant's answer goes: only into their DM with the app, never where others can read it.
// Asked in the DM → answered there. Asked in a channel (slash command, @mention, a button on an old
// message) → answered in the DM, with an ephemeral note in the channel. Pictures and charts follow as
// replies in the answer's thread, so they stay with it.
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Locale } from '../../tools/context.ts';

/**
 * Who asked and where; `inDm` when the event itself says the channel is the app's DM (message.im);
 * `channel` is empty for a press in App Home (no channel: nothing to leave a note in); `locale` is the user's language.
 */
export type Where = { team: string; user: string; channel: string; threadTs?: string; inDm?: boolean; locale?: Locale };
export type Upload = { file: Buffer; filename: string; title?: string };
export type Posted = { channel: string; ts: string };

export const SENT_PRIVATELY: Record<Locale, string> = { zh: '已私信发给你，请查看和我的私信。', en: 'Sent to you privately: see your DM with me.' };

export function privateDelivery(log: (line: string) => void) {
  // DM channel per team:user; conversations.open returns the same channel every time, so caching is safe.
  const dms = new Map<string, string>();

  async function dmOf(client: WebClient, where: Where): Promise<string> {
    if (where.inDm) return where.channel;
    const key = `${where.team}:${where.user}`;
    let dm = dms.get(key);
    if (!dm) {
      const opened = await client.conversations.open({ users: where.user });
      dm = opened.channel?.id;
      if (!dm) throw new Error(`conversations.open gave no channel for ${key}`);
      dms.set(key, dm);
    }
    return dm;
  }

  /** Only the asker sees it, in the channel they asked in (help, link, errors, the "sent privately" note). */
  async function ephemeral(client: WebClient, where: Where, text: string) {
    await client.chat.postEphemeral({ channel: where.channel, user: where.user, text, ...(where.threadTs ? { thread_ts: where.threadTs } : {}) });
  }

  /**
   * Posts the answer in the asker's DM; returns where it landed, for the files that follow. `threadTs` puts it
   * in that message's thread when the message is in the DM (a press on an old message in a channel gets a new one).
   */
  async function send(client: WebClient, where: Where, message: { text: string; blocks?: KnownBlock[] }, options: { threadTs?: string } = {}): Promise<Posted> {
    const dm = await dmOf(client, where);
    const thread = options.threadTs && dm === where.channel ? { thread_ts: options.threadTs } : {};
    const posted = await client.chat.postMessage({ channel: dm, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}), ...thread });
    if (!posted.ts) throw new Error('chat.postMessage returned no ts');
    if (where.channel && dm !== where.channel) {
      // The answer is already delivered: a failed note (e.g. the app is not in that channel) is not an error for the user.
      await ephemeral(client, where, SENT_PRIVATELY[where.locale ?? 'zh']).catch((error) => log(`[slack] could not leave the "sent privately" note: ${(error as Error).message}`));
    }
    return { channel: dm, ts: posted.ts };
  }

  /** Replaces a message posted earlier (the "looking it up" note) with the answer, in place. */
  async function update(client: WebClient, at: Posted, message: { text: string; blocks?: KnownBlock[] }): Promise<Posted> {
    await client.chat.update({ channel: at.channel, ts: at.ts, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
    return at;
  }

  async function upload(client: WebClient, at: Posted, files: Upload[]) {
    for (const file of files) await client.files.uploadV2({ ...file, channel_id: at.channel, thread_ts: at.ts });
  }

  return { ephemeral, send, update, upload };
}

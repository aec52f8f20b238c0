// Images shared in Slack (a file in a DM or with an @mention) for scan-to-buy. Slack serves files
// only with the bot token; the size is checked before and while downloading.
import { MAX_PHOTO_BYTES } from '../../agents/photo.ts';

export type SlackFile = { id?: string; mimetype?: string; size?: number; url_private_download?: string; url_private?: string };

/** The first shared image's bytes; 'too_large' when over the limit; undefined when no image was shared. */
export async function sharedImage(files: SlackFile[] | undefined, token: string, timeoutMs = 15_000): Promise<Uint8Array | 'too_large' | 'not_an_image' | undefined> {
  if (!files?.length) return undefined;
  const file = files.find((f) => f.mimetype?.startsWith('image/'));
  if (!file) return 'not_an_image';
  if ((file.size ?? 0) > MAX_PHOTO_BYTES) return 'too_large';
  const url = file.url_private_download ?? file.url_private;
  if (!url) return 'not_an_image';
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`Slack file download failed: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return bytes.length > MAX_PHOTO_BYTES ? 'too_large' : bytes;
}

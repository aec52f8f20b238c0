// `npm run ask` sends its message to the assistant already running on this machine (`npm start`), when
// there is one serving the same store: an answer in well under a second, with the server's warm
// models and caches, instead of starting a second assistant for one message.
import { readFileSync } from 'node:fs';
import type { AssistantReply } from '../../agents/assistant.ts';
import { SERVICE_NAME } from '../web/server.ts';

export type AskRequest = { as: string; chat?: string; text: string; photo?: string; lat?: number; lng?: number; locale?: 'zh' | 'en' };
export type ServerAnswer = { answer: AssistantReply } | { refused: string };

/** The server's address, if an assistant answers there and serves `store`; undefined otherwise (quickly). */
export async function runningServer(base: string, store: string, timeoutMs = 700): Promise<string | undefined> {
  try {
    const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return undefined;
    const health = (await res.json()) as { service?: string; store?: string };
    return health.service === SERVICE_NAME && health.store === store ? base : undefined;
  } catch {
    return undefined; // nothing listening, or not in time
  }
}

/** The web chat's own ids: letters, digits, _ and - (the CLI's chat names are mapped onto them). */
const chatIdOf = (as: string, chat?: string) => (chat ?? `cli-${as}`).replace(/[^\w-]/g, '-').slice(0, 64);

export async function askServer(base: string, request: AskRequest, token?: string): Promise<ServerAnswer> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const chatId = chatIdOf(request.as, request.chat);
  const res = request.photo
    ? await fetch(`${base}/api/photo?${new URLSearchParams({ as: request.as, chatId, ...(request.locale ? { locale: request.locale } : {}) })}`, {
        method: 'POST', headers: { ...headers, 'content-type': photoType(request.photo) }, body: readFileSync(request.photo),
      })
    : await fetch(`${base}/api/chat`, {
        method: 'POST', headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ as: request.as, chatId, text: request.text, locale: request.locale, ...(request.lat !== undefined && request.lng !== undefined ? { location: { lat: request.lat, lng: request.lng } } : {}) }),
      });
  const body = (await res.json().catch(() => ({}))) as AssistantReply & { message?: string; charts?: unknown; pictures?: unknown };
  if (!res.ok) return { refused: body.message ?? `the server answered ${res.status}` };
  const { charts: _pngs, pictures: _urls, ...answer } = body; // the page's images; the terminal shows the reply as it is
  return { answer };
}

function photoType(file: string): string {
  const ext = file.toLowerCase().split('.').pop();
  return ext === 'png' ? 'image/png' : ext === 'webp' ? 'image/webp' : 'image/jpeg';
}

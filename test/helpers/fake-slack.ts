// A fake Slack Web API on 127.0.0.1 (clientOptions.slackApiUrl) recording calls and what it answered,
// including chat.update, the three steps of files.uploadV2, conversations.open (user Un's DM with the app is Dn)
// and users.info (every user's Slack locale is en-US, as Slack reports it, unless a test sets another or none);
// and signed requests into a Bolt HTTP receiver.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SlackCall = { method: string; body: any; reply: any };

export async function fakeSlackApi() {
  const calls: SlackCall[] = [];
  const uploads: { fileId: string; bytes: Buffer }[] = [];
  // Files users "shared", served like Slack's url_private: only with the bot token.
  const hosted = new Map<string, Buffer>();
  const downloads: { name: string; authorization?: string }[] = [];
  // users.info's locale per user; a user set to undefined has none (an install without users:read).
  const locales = new Map<string, string | undefined>();
  let fileCounter = 0;
  let messageCounter = 0;
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url!, 'http://x');
    const shared = url.pathname.match(/^\/files-pri\/(.+)$/);
    if (shared) {
      downloads.push({ name: shared[1], authorization: req.headers.authorization });
      const bytes = hosted.get(shared[1]);
      if (!bytes || req.headers.authorization !== 'Bearer xoxb-test') return void res.writeHead(bytes ? 403 : 404).end();
      return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
    }
    const upload = url.pathname.match(/^\/upload\/(\w+)$/);
    if (upload) {
      uploads.push({ fileId: upload[1], bytes: raw });
      return void res.writeHead(200).end('OK');
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const type = req.headers['content-type'] ?? '';
    const body = type.includes('json') ? JSON.parse(raw.toString() || '{}') : Object.fromEntries(new URLSearchParams(raw.toString()));
    for (const k of ['blocks', 'view', 'files']) if (typeof body[k] === 'string') body[k] = JSON.parse(body[k]);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const reply: Record<string, unknown> = { ok: true };
    calls.push({ method, body, reply });
    if (method === 'auth.test') Object.assign(reply, { user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'shopbot' });
    // Every message gets its own ts, as in Slack: files are threaded under it.
    if (method === 'chat.postMessage') Object.assign(reply, { ts: `1700000000.${String(++messageCounter).padStart(6, '0')}`, channel: body.channel });
    if (method === 'chat.update') Object.assign(reply, { ts: body.ts, channel: body.channel });
    if (method === 'users.info') {
      const user = String(body.user);
      if (locales.has(user) && locales.get(user) === undefined) Object.assign(reply, { ok: false, error: 'missing_scope' });
      else Object.assign(reply, { user: { id: user, ...(body.include_locale === 'true' || body.include_locale === true ? { locale: locales.get(user) ?? 'en-US' } : {}) } });
    }
    if (method === 'conversations.open') Object.assign(reply, { channel: { id: dmOf(String(body.users)) } });
    if (method === 'files.getUploadURLExternal') {
      const id = `F${++fileCounter}`;
      Object.assign(reply, { upload_url: `${base}/upload/${id}`, file_id: id });
    }
    if (method === 'files.completeUploadExternal') Object.assign(reply, { files: (body.files ?? []).map((f: any) => ({ id: f.id, title: f.title })) });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    calls,
    uploads,
    downloads,
    /** Hosts a shared file; returns its url_private_download. */
    hostFile(name: string, bytes: Buffer) {
      hosted.set(name, bytes);
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/files-pri/${name}`;
    },
    of: (method: string) => calls.filter((c) => c.method === method),
    /** The locale users.info reports for `user` ("zh-CN"); undefined: the call fails as without the users:read scope. */
    setLocale(user: string, locale: string | undefined) {
      locales.set(user, locale);
    },
    /** Where the record stands now: pass it as `since` to look only at later calls. */
    mark: () => calls.length,
    /** The calls of `method` (made after `since`), once there are at least `count` of them. */
    /** `where`: only calls whose body has these values (a late reply to an earlier test's command is not this one's). */
    async waitFor(method: string, count: number, { since = 0, timeoutMs = 10_000, where }: { since?: number; timeoutMs?: number; where?: Record<string, unknown> } = {}) {
      const start = Date.now();
      const fits = (body: Record<string, unknown>) => !where || Object.entries(where).every(([k, v]) => body?.[k] === v);
      const matching = () => calls.slice(since).filter((c) => c.method === method && fits(c.body as Record<string, unknown>));
      while (matching().length < count) {
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${count} × ${method}; got ${calls.slice(since).map((c) => c.method).join(', ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return matching();
    },
    /** Calls made after `since`, of one method or all. */
    since: (since: number, method?: string) => calls.slice(since).filter((c) => !method || c.method === method),
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** The DM channel between user Un and the app: Dn (U1 → D1). */
export const dmOf = (user: string) => `D${user.replace(/^U/, '')}`;

/** A request signed as Slack signs it; `skewSeconds` moves its timestamp off the real clock, `headers` adds e.g. X-Slack-Retry-Num. */
export function signedPost(url: string, secret: string, body: string, contentType: string, options: { tamper?: boolean; skewSeconds?: number; headers?: Record<string, string> } = {}) {
  const ts = String(Math.floor(Date.now() / 1000) + (options.skewSeconds ?? 0));
  const signature = 'v0=' + createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': ts, 'x-slack-signature': options.tamper ? flipLast(signature) : signature, ...options.headers },
    body,
  });
}

/** Changes the last hex digit (always to a different one), so the signature no longer matches. */
function flipLast(signature: string): string {
  return signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0');
}

// A fake Telegram Bot API on 127.0.0.1: long-polled getUpdates with offsets, the send* methods
// recorded, getFile and file downloads served. Enough for telegraf's real client.
// Faults (off by default) play a Bot API server or proxy that lacks some methods or cannot serve files.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** `failed`: the status a faulty method answered with; `result`: what a send returned (its message_id). */
export type Call = { method: string; body: any; failed?: number; result?: any };
export type Faults = {
  /** Methods answered as missing: 404 is what a Bot API server says for an unknown method, 501 what a proxy may say. */
  missing?: Record<string, 404 | 501>;
  /** Every file download answers 502. */
  brokenDownloads?: boolean;
};

export async function fakeTelegram(token: string, files: Record<string, Buffer> = {}, faults: Faults = {}) {
  const calls: Call[] = [];
  const updates: any[] = [];
  let nextUpdateId = 1;
  let waiting: (() => void) | undefined;
  let messageId = 100;

  const read = async (req: IncomingMessage) => {
    let raw = '';
    for await (const c of req) raw += c;
    if (!raw) return {};
    if ((req.headers['content-type'] ?? '').includes('json')) return JSON.parse(raw);
    return Object.fromEntries(new URLSearchParams(raw));
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://x');
    const file = url.pathname.match(new RegExp(`^/file/bot${token}/(.+)$`));
    if (file) {
      if (faults.brokenDownloads) return void res.writeHead(502).end('Bad Gateway');
      const bytes = files[file[1]];
      if (!bytes) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return void res.end(bytes);
    }
    const m = url.pathname.match(new RegExp(`^/bot${token}/(\\w+)$`));
    if (!m) return void res.writeHead(404).end();
    const method = m[1];
    const body = await read(req);
    const ok = (result: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result }));
    };
    if (method === 'getUpdates') {
      const offset = Number(body.offset ?? 0);
      const pending = () => updates.filter((u) => u.update_id >= offset);
      if (!pending().length) await new Promise<void>((resolve) => { waiting = resolve; setTimeout(resolve, 300); });
      return ok(pending());
    }
    const call: Call = { method, body };
    calls.push(call);
    const failed = faults.missing?.[method];
    if (failed) call.failed = failed;
    if (failed === 404) {
      res.writeHead(404, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found: method not found' }));
    }
    if (failed === 501) return void res.writeHead(501, { 'content-type': 'text/plain' }).end('Not Implemented');
    switch (method) {
      case 'getMe': return ok({ id: 1, is_bot: true, first_name: 'Shop Bot', username: 'shop_assistant_bot' });
      case 'getFile': return ok({ file_id: body.file_id, file_unique_id: body.file_id, file_size: files[`photos/${body.file_id}.jpg`]?.length, file_path: `photos/${body.file_id}.jpg` });
      case 'sendMessage': case 'sendLocation': case 'sendVenue': case 'sendPhoto':
        call.result = { message_id: messageId++, date: 0, chat: { id: Number(body.chat_id), type: 'private' }, text: body.text };
        return ok(call.result);
      default: return ok(true);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiRoot,
    calls,
    /** Changed at will between steps of a test. */
    faults,
    push(update: Record<string, unknown>) {
      updates.push({ update_id: nextUpdateId++, ...update });
      waiting?.();
    },
    sent: (method: string) => calls.filter((c) => c.method === method),
    async waitFor(method: string, count: number, timeoutMs = 10_000) {
      const start = Date.now();
      while (calls.filter((c) => c.method === method).length < count) {
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${count} × ${method}; got ${JSON.stringify(calls.map((c) => c.method))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return calls.filter((c) => c.method === method);
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

export const user = { id: 4242, is_bot: false, first_name: '小李', language_code: 'zh-hans' };
export const chat = { id: 4242, type: 'private', first_name: '小李' };
let messageCounter = 1;
export const message = (extra: Record<string, unknown>) => ({ message: { message_id: messageCounter++, date: Math.floor(Date.now() / 1000), chat, from: user, ...extra } });
export const command = (text: string) => message({ text, entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0].length }] });

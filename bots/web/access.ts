// Who may use the web chat. Anyone who reaches it can pick any shopper or merchant (there is no
// login), so it is open only on loopback; reachable from other machines it needs WEB_TOKEN.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
export const MIN_TOKEN_LENGTH = 16;
const COOKIE = 'web_token';
const MAKE_ONE = 'e.g. WEB_TOKEN=$(openssl rand -hex 16)';

/** ok with `token` set: every request but /healthz must present it. */
export type WebAccess = { ok: true; token?: string } | { ok: false; message: string };

export const isLoopback = (host: string): boolean => LOOPBACK.has(host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1'));

/** The start-up decision (bots/main.ts refuses to start on `ok: false`). A set WEB_TOKEN always applies. */
export function webAccess(host: string, env: NodeJS.ProcessEnv): WebAccess {
  const token = env.WEB_TOKEN?.trim();
  if (token && token.length < MIN_TOKEN_LENGTH) {
    return { ok: false, message: `WEB_TOKEN is too short (${token.length} characters); use at least ${MIN_TOKEN_LENGTH}, ${MAKE_ONE}.` };
  }
  if (token) return { ok: true, token };
  if (isLoopback(host)) return { ok: true };
  return {
    ok: false,
    message: `HOST=${host} lets other machines reach the web chat, where anyone can act as any shopper or merchant. ` +
      `Set WEB_TOKEN (at least ${MIN_TOKEN_LENGTH} characters, ${MAKE_ONE}) and open http://<host>:<port>/?token=<WEB_TOKEN> once, ` +
      'or leave HOST unset to listen on 127.0.0.1 only.',
  };
}

/** Constant-time: hashing first makes both sides the same length, so nothing leaks through timing. */
function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}

function presented(req: FastifyRequest): string | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (bearer) return bearer[1].trim();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== COOKIE) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return undefined; // a mangled cookie is just a wrong token
    }
  }
  return undefined;
}

const LOCKED_PAGE = `<!doctype html><meta charset="utf-8"><title>Shop Assistant</title>
<p>这个网页聊天需要访问令牌：请打开管理员给你的链接（/?token=…）。</p>
<p>This web chat needs a token: open the link you were given (/?token=…).</p>`;

/** Every route but /healthz and /readyz; `/?token=…` with the right token sets the cookie and drops the token from the address bar. */
export function requireToken(app: FastifyInstance, token: string): void {
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0];
    if (path === '/healthz' || path === '/readyz') return;
    if (path === '/' && req.method === 'GET') {
      const fromLink = (req.query as { token?: unknown }).token;
      if (typeof fromLink === 'string' && sameToken(fromLink.trim(), token)) {
        // HttpOnly: page scripts never see it; Strict: other sites cannot post with it. Not Secure: HOST may be plain http on a LAN.
        return reply.header('set-cookie', `${COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${30 * 86400}`).redirect('/', 302);
      }
    }
    if (sameToken(presented(req), token)) return;
    if (path === '/') return reply.code(401).type('text/html; charset=utf-8').send(LOCKED_PAGE);
    return reply.code(401).send({ error: 'unauthorized', message: 'This web chat needs a token: send Authorization: Bearer <WEB_TOKEN>, or open /?token=<WEB_TOKEN> once in the browser.' });
  });
}

// A deliberately malicious OpenAI-compatible endpoint on 127.0.0.1: each request takes the next
// scripted behaviour (a tool call of its choosing, a text, broken JSON, a hang, an endless body, a
// huge reply, repeated ids, lone surrogates). It records what the client sent.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour =
  | { kind: 'tool'; name: string; args: Record<string, unknown>; text?: string }
  | { kind: 'text'; content: string }
  | { kind: 'bad_json'; name: string; arguments: string }
  | { kind: 'hang' }
  | { kind: 'endless' }
  | { kind: 'huge'; bytes: number };

export type Hostile = { url: string; requests: any[]; script: (...b: Behaviour[]) => void; reset: () => void; close: () => Promise<void>; options: { sameIds: boolean } };

async function body(req: IncomingMessage): Promise<any> {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return raw ? JSON.parse(raw) : {};
}

export async function hostileOpenAI(): Promise<Hostile> {
  const requests: any[] = [];
  const queue: Behaviour[] = [];
  const options = { sameIds: false };
  const open = new Set<ServerResponse>();
  let n = 0;
  const server = createServer(async (req, res) => {
    const b = await body(req);
    requests.push(b);
    const step = queue.shift() ?? { kind: 'text', content: 'ok' };
    const id = options.sameIds ? 'chatcmpl-same' : `chatcmpl-${++n}`;
    const send = (message: unknown, finish: string) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id, object: 'chat.completion', created: 0, model: b.model, choices: [{ index: 0, message, finish_reason: finish }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }));
    };
    const callId = options.sameIds ? 'call_same' : `call_${n}`;
    switch (step.kind) {
      case 'tool':
        return send({ role: 'assistant', content: step.text ?? null, tool_calls: [{ id: callId, type: 'function', function: { name: step.name, arguments: JSON.stringify(step.args) } }] }, 'tool_calls');
      case 'bad_json':
        return send({ role: 'assistant', content: null, tool_calls: [{ id: callId, type: 'function', function: { name: step.name, arguments: step.arguments } }] }, 'tool_calls');
      case 'text':
        return send({ role: 'assistant', content: step.content }, 'stop');
      case 'huge':
        return send({ role: 'assistant', content: 'x'.repeat(step.bytes) }, 'stop');
      case 'hang':
        open.add(res);
        return; // never answers
      case 'endless': {
        open.add(res);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id":"x","choices":[{"message":{"role":"assistant","content":"');
        const timer = setInterval(() => res.write('more '), 20);
        res.on('close', () => clearInterval(timer));
        return;
      }
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return {
    url, requests, options,
    script: (...b) => queue.push(...b),
    reset: () => {
      queue.length = 0;
      options.sameIds = false;
    },
    close: () => new Promise((r) => {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

// Local fake LLM endpoints on 127.0.0.1 for the OpenAI-compatible and Ollama model paths.
// Each answers the first request of a turn with a tool call and the next (which carries the tool
// result) with a final answer, and records what the client sent.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeLlm = { url: string; requests: any[]; close: () => Promise<void> };
export type Script = { toolCall: { name: string; args: Record<string, unknown> }; answer: (toolResult: string) => string };

async function body(req: IncomingMessage): Promise<any> {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return raw ? JSON.parse(raw) : {};
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

const lastToolResult = (messages: any[]) => [...messages].reverse().find((m) => m.role === 'tool');

export async function fakeOpenAI(script: Script): Promise<FakeLlm> {
  const requests: any[] = [];
  const server = createServer(async (req, res) => {
    const b = await body(req);
    requests.push({ path: req.url, auth: req.headers.authorization, body: b });
    if (req.url !== '/v1/chat/completions') return void res.writeHead(404).end();
    const tool = lastToolResult(b.messages);
    const message = tool
      ? { role: 'assistant', content: script.answer(typeof tool.content === 'string' ? tool.content : JSON.stringify(tool.content)) }
      : { role: 'assistant', content: null, tool_calls: [{ id: 'call_fake_1', type: 'function', function: { name: script.toolCall.name, arguments: JSON.stringify(script.toolCall.args) } }] };
    const finish = tool ? 'stop' : 'tool_calls';
    const id = `chatcmpl-${requests.length}`; // unique per completion, as real APIs do
    if (b.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const delta = tool ? { role: 'assistant', content: message.content } : { role: 'assistant', tool_calls: message.tool_calls!.map((c, index) => ({ index, ...c })) };
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: b.model, choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`);
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: b.model, choices: [{ index: 0, delta: {}, finish_reason: finish }] })}\n\n`);
      return void res.end('data: [DONE]\n\n');
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id, object: 'chat.completion', created: 0, model: b.model, choices: [{ index: 0, message, finish_reason: finish }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }));
  });
  const url = await listen(server);
  return { url: `${url}/v1`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

export async function fakeOllama(script: Script): Promise<FakeLlm> {
  const requests: any[] = [];
  const server = createServer(async (req, res) => {
    const b = await body(req);
    requests.push({ path: req.url, body: b });
    if (req.url !== '/api/chat') return void res.writeHead(404).end();
    const tool = lastToolResult(b.messages);
    const message = tool
      ? { role: 'assistant', content: script.answer(tool.content) }
      : { role: 'assistant', content: '', tool_calls: [{ function: { name: script.toolCall.name, arguments: script.toolCall.args } }] };
    const base = { model: b.model, created_at: new Date(0).toISOString() };
    const lines = [
      { ...base, message, done: false },
      { ...base, message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', total_duration: 1, prompt_eval_count: 1, eval_count: 1 },
    ];
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    if (b.stream === false) return void res.end(JSON.stringify({ ...lines[0], done: true, done_reason: 'stop' }));
    res.end(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  });
  const url = await listen(server);
  return { url, requests, close: () => new Promise((r) => server.close(() => r())) };
}

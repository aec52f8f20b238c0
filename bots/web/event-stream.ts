// Server-sent events over a plain POST response: the page reads it with fetch (EventSource can only GET).
// The turn goes on whether or not the page is still listening; what it writes after a hang-up is dropped.
import { PassThrough } from 'node:stream';

export type EventStream = { body: PassThrough; send: (event: string, data: unknown) => void; end: () => void };

export function eventStream(): EventStream {
  const body = new PassThrough();
  let open = true;
  body.on('close', () => { open = false; });
  return {
    body,
    send(event, data) {
      if (open) body.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      if (open) body.end();
      open = false;
    },
  };
}

export const EVENT_STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  // A proxy in front (nginx) must pass each event on at once, not buffer the answer.
  'x-accel-buffering': 'no',
};

// Bolt's HTTP receiver, plus the replay check it lacks: Bolt (verify-request.js) refuses timestamps more
// than 5 minutes old but accepts any in the future, so a signed request captured with a skewed clock
// could be replayed for as long as its timestamp lies ahead. We wrap the receiver's request listener
// (the server looks it up per request) and refuse those before Bolt reads the body; everything else,
// including the signature check, stays Bolt's.
import type { IncomingMessage } from 'node:http';
import { HTTPReceiver, LogLevel } from '@slack/bolt';

export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** True when the request says it was sent more than 5 minutes from now. */
export function fromTheFuture(req: IncomingMessage, nowMs = Date.now()): boolean {
  const header = req.headers['x-slack-request-timestamp'];
  const sentAt = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(sentAt) && sentAt > Math.floor(nowMs / 1000) + MAX_CLOCK_SKEW_SECONDS;
}

export function slackReceiver(signingSecret: string | undefined, port: number | undefined, log: (line: string) => void): HTTPReceiver {
  const receiver = new HTTPReceiver({ signingSecret: signingSecret ?? '', port, logLevel: LogLevel.WARN });
  const bolt = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    if (fromTheFuture(req)) {
      log(`[slack] refused a request timestamped ${req.headers['x-slack-request-timestamp']}: more than 5 minutes in the future`);
      res.writeHead(401).end(); // what Bolt answers for a stale or badly signed request
      return;
    }
    bolt(req, res);
  };
  return receiver;
}

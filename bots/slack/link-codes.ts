// Linking a Slack user to a merchant: the operator gives the merchant a code (`npm run link-code -- <merchantId>`),
// the merchant types `/shop link <code>`. Codes are HMACs under LINK_SECRET, so they cannot be guessed.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** LINK_SECRET, or a random secret kept in ./data/link-secret (created once). */
export function linkSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LINK_SECRET) return env.LINK_SECRET;
  const file = resolve('data', 'link-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

const mac = (secret: string, merchantId: number) => createHmac('sha256', secret).update(`merchant:${merchantId}`).digest('hex').slice(0, 10);

export function linkCode(secret: string, merchantId: number): string {
  return `M${merchantId}-${mac(secret, merchantId)}`;
}

/** The merchant id a code stands for, or undefined if it is not a valid code. */
export function checkLinkCode(secret: string, code: string): number | undefined {
  const m = /^M(\d{1,9})-([0-9a-f]{10})$/i.exec(code.trim());
  if (!m) return undefined;
  const expected = Buffer.from(mac(secret, Number(m[1])));
  const given = Buffer.from(m[2].toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given) ? Number(m[1]) : undefined;
}

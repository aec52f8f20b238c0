// Linking a Slack user to a merchant: the operator makes a code (`npm run link-code -- <merchantId>`), the
// merchant types `/shop link <code>`. A code is random (50 bits), works once, expires after 15 minutes,
// and only its sha256 is stored, so a copy of the database gives no working codes.
import { createHash, randomInt } from 'node:crypto';
import type { Store } from '../../prisma/store.ts';

export const LINK_CODE_TTL_MS = 15 * 60_000;
// Crockford base32: no I, L, O, U, so a code read aloud or retyped is hard to get wrong.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_CHARS = 10;

const hash = (code: string) => createHash('sha256').update(code).digest('hex');

/** The code as typed → its canonical form (upper case, O→0, I/L→1), or undefined if it cannot be a code. */
export function normaliseLinkCode(typed: string): string | undefined {
  const m = /^M(\d{1,9})-([0-9A-Z]{10})$/.exec(typed.trim().toUpperCase());
  if (!m) return undefined;
  const random = m[2].replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(random) ? `M${m[1]}-${random}` : undefined;
}

export async function createLinkCode(db: Store, merchantId: number, now: Date): Promise<{ code: string; expiresAt: Date }> {
  const random = Array.from({ length: RANDOM_CHARS }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const code = `M${merchantId}-${random}`;
  const expiresAt = new Date(now.getTime() + LINK_CODE_TTL_MS);
  await db.linkCode.create({ data: { codeHash: hash(code), merchantId, expiresAt, createdAt: now } });
  return { code, expiresAt };
}

export type LinkClaim = { ok: true; merchantId: number } | { ok: false; reason: 'invalid' | 'used' | 'expired' };

/** Spends a code for `usedBy` (team:user). The conditional update is the claim: of two racing uses, one wins. */
export async function claimLinkCode(db: Store, typed: string, usedBy: string, now: Date): Promise<LinkClaim> {
  const code = normaliseLinkCode(typed);
  if (!code) return { ok: false, reason: 'invalid' };
  const codeHash = hash(code);
  const claimed = await db.linkCode.updateMany({ where: { codeHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now, usedBy } });
  const row = await db.linkCode.findUnique({ where: { codeHash } });
  if (!row) return { ok: false, reason: 'invalid' };
  if (claimed.count === 1) return { ok: true, merchantId: row.merchantId };
  return { ok: false, reason: row.usedAt ? 'used' : 'expired' };
}

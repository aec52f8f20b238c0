// What the web chat accepts. Everything a sender can get wrong is a 400 with a reason here, so
// nothing malformed reaches the assistant or the store (where it would surface as a 500 or "internal").
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Locale } from '../../tools/context.ts';

/** Store ids are 32-bit integers; a bigger one would make the database driver throw. */
export const MAX_ID = 2 ** 31 - 1;
const ID_RANGE = `a whole number from 1 to ${MAX_ID}`;

/** "42" → 42; undefined when it is not an id the store can hold. */
export function parseId(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 1 && n <= MAX_ID ? n : undefined;
}

/** "shopper:007" → "shopper:7", so one person's chat has one key however the id is written. */
const persona = z.string().transform((spec, ctx) => {
  const m = /^(shopper|merchant):(\d+)$/.exec(spec);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: 'as must be shopper:<id> or merchant:<id>' });
    return z.NEVER;
  }
  const id = parseId(m[2]);
  if (id === undefined) {
    ctx.addIssue({ code: 'custom', message: `the ${m[1]} id must be ${ID_RANGE}` });
    return z.NEVER;
  }
  return `${m[1]}:${id}`;
});

/** Lone surrogates (a cut emoji) cannot be stored as UTF-8; they become U+FFFD. */
export const wellFormed = (text: string): string => (text as string & { toWellFormed(): string }).toWellFormed();

const chatId = z.string().regex(/^[\w-]{1,64}$/, 'chatId must be 1–64 letters, digits, _ or -').default('default');
const locale = z.enum(['zh', 'en']).optional();

export const chatBody = z.object({
  as: persona,
  chatId,
  text: z.string().max(20_000).transform(wellFormed).optional(),
  location: z.object({ lat: z.number(), lng: z.number() }).optional(),
  locale,
  /** A press on a proposal's Yes / No button. */
  decision: z.object({
    proposalId: z.number().int().min(1, `proposalId must be ${ID_RANGE}`).max(MAX_ID, `proposalId must be ${ID_RANGE}`),
    accept: z.boolean(),
  }).optional(),
});
export type ChatBody = z.output<typeof chatBody>;
export const photoQuery = z.object({ as: persona, chatId, locale });
export const resetBody = z.object({ as: persona, chatId });
export const inboxQuery = z.object({ as: persona, chatId });
export const welcomeQuery = z.object({ as: persona, locale });

/** "text: expected string; as: …" — what the sender reads in a 400. */
export function issuesText(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** The locale for answers the assistant never sees (429, 413): the request's own, else Accept-Language. */
export function requestLocale(req: FastifyRequest, explicit?: unknown): Locale {
  if (explicit === 'zh' || explicit === 'en') return explicit;
  const accept = req.headers['accept-language'];
  if (!accept) return 'zh';
  return /^\s*zh/i.test(accept) ? 'zh' : 'en';
}

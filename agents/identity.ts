// Platform identities (Telegram user, Slack user) → a customer or a merchant in the store.
// The adapter asks here; the model never decides who someone is.
import type { Store } from '../prisma/store.ts';
import { CAMPUS } from '../prisma/seed/city.ts';
import type { Caller, Locale } from '../tools/context.ts';

export type Platform = 'telegram' | 'slack' | 'web' | 'cli';

export async function findCaller(db: Store, platform: Platform, platformUserId: string): Promise<Caller | undefined> {
  const identity = await db.identity.findUnique({ where: { platform_platformUserId: { platform, platformUserId } } });
  if (identity?.customerId) return { role: 'shopper', customerId: identity.customerId };
  if (identity?.merchantId) return { role: 'merchant', merchantId: identity.merchantId };
  return undefined;
}

/** A new shopper gets a fresh profile (no history yet) the first time they write. */
export async function findOrCreateShopper(db: Store, platform: Platform, platformUserId: string, profile: { name: string; locale: Locale }): Promise<Caller> {
  const known = await findCaller(db, platform, platformUserId);
  if (known) return known;
  const customer = await db.customer.create({
    data: { displayName: profile.name.slice(0, 60) || 'Shopper', ageBand: 'unknown', job: 'unknown', habit: 'unknown', homeLat: CAMPUS.lat, homeLng: CAMPUS.lng, language: profile.locale },
  });
  await db.identity.create({ data: { platform, platformUserId, customerId: customer.id } });
  return { role: 'shopper', customerId: customer.id };
}

/** Points an identity at another customer or merchant (demo profiles, or an admin linking a merchant). */
export async function linkIdentity(db: Store, platform: Platform, platformUserId: string, to: Caller): Promise<void> {
  const data = to.role === 'shopper' ? { customerId: to.customerId, merchantId: null } : { merchantId: to.merchantId, customerId: null };
  await db.identity.upsert({ where: { platform_platformUserId: { platform, platformUserId } }, create: { platform, platformUserId, ...data }, update: data });
}

export async function unlinkIdentity(db: Store, platform: Platform, platformUserId: string): Promise<void> {
  await db.identity.deleteMany({ where: { platform, platformUserId } });
}

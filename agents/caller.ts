// Who is talking, from the adapter's identity: a customer or a merchant that exists in the store.
import type { Store } from '../prisma/store.ts';
import type { Caller, LatLng, Locale } from '../tools/context.ts';
import { ToolError } from '../tools/context.ts';

export type CallerProfile = { caller: Caller; preferredLocale: Locale; location?: LatLng; displayName: string };

export async function loadCaller(db: Store, caller: Caller): Promise<CallerProfile> {
  if (caller.role === 'shopper') {
    const c = await db.customer.findUnique({ where: { id: caller.customerId } });
    if (!c) throw new ToolError('not_found', `Unknown shopper ${caller.customerId}.`);
    const location = c.lastLat != null && c.lastLng != null ? { lat: c.lastLat, lng: c.lastLng } : undefined;
    return { caller, preferredLocale: c.language === 'en' ? 'en' : 'zh', location, displayName: c.displayName };
  }
  const m = await db.merchant.findUnique({ where: { id: caller.merchantId } });
  if (!m) throw new ToolError('not_found', `Unknown merchant ${caller.merchantId}.`);
  return { caller, preferredLocale: 'zh', displayName: m.name };
}

/** A location the shopper shared becomes their "last location" for later chats too. */
export async function rememberLocation(db: Store, caller: Caller, location: LatLng, now: Date): Promise<void> {
  if (caller.role !== 'shopper') return;
  await db.customer.update({ where: { id: caller.customerId }, data: { lastLat: location.lat, lastLng: location.lng, lastLocatedAt: now } });
}

/** "shopper:12" / "merchant:3" as used by the CLI and the web chat's persona picker. */
export function parseCaller(spec: string): Caller {
  const m = /^(shopper|customer|merchant):(\d+)$/.exec(spec.trim());
  if (!m) throw new Error(`expected shopper:<customerId> or merchant:<merchantId>, got "${spec}"`);
  return m[1] === 'merchant' ? { role: 'merchant', merchantId: Number(m[2]) } : { role: 'shopper', customerId: Number(m[2]) };
}

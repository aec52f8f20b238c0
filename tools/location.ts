import type { CallerContext, LatLng } from './context.ts';

/** The explicit point from the arguments, else the caller's last shared location. */
export function resolveLocation(ctx: CallerContext, lat?: number, lng?: number): { point: LatLng; source: 'arguments' | 'shared' } | undefined {
  if (lat !== undefined && lng !== undefined) return { point: { lat, lng }, source: 'arguments' };
  if (ctx.location) return { point: ctx.location, source: 'shared' };
  return undefined;
}

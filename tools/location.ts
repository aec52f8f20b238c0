import { z } from 'zod';
import type { CallerContext, LatLng } from './context.ts';

/** The explicit point from the arguments, else the caller's last shared location. */
export function resolveLocation(ctx: CallerContext, lat?: number, lng?: number): { point: LatLng; source: 'arguments' | 'shared' } | undefined {
  if (lat !== undefined && lng !== undefined) return { point: { lat, lng }, source: 'arguments' };
  if (ctx.location) return { point: ctx.location, source: 'shared' };
  return undefined;
}

/** Optional explicit point in a tool's input; omitted = the caller's shared location. */
export const pointInput = {
  lat: z.number().min(-90).max(90).optional().describe('Latitude; omit to use the location the shopper shared.'),
  lng: z.number().min(-180).max(180).optional(),
};

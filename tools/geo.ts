import { getDistance } from 'geolib';
import type { LatLng } from './context.ts';

/** Metres between two points (geolib's haversine, 1 m accuracy). */
export function metresBetween(a: LatLng, b: LatLng): number {
  return getDistance({ latitude: a.lat, longitude: a.lng }, { latitude: b.lat, longitude: b.lng }, 1);
}

/** A lat/lng box that contains the circle, to pre-filter rows in the store before exact distances. */
export function boundingBox(center: LatLng, radiusM: number) {
  const dLat = radiusM / 111_320;
  const dLng = radiusM / (111_320 * Math.cos((center.lat * Math.PI) / 180));
  return { minLat: center.lat - dLat, maxLat: center.lat + dLat, minLng: center.lng - dLng, maxLng: center.lng + dLng };
}

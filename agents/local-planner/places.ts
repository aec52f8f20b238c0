// Place names the planner understands in text ("我在街道口", "near Optics Valley"): the demo city's hubs.
import { CAMPUS, HUBS } from '../../prisma/seed/city.ts';
import type { LatLng } from '../../tools/context.ts';

type Place = LatLng & { names: string[]; label: { zh: string; en: string } };

const PLACES: Place[] = [
  { lat: CAMPUS.lat, lng: CAMPUS.lng, names: ['武汉大学', '武大', 'wuhan university', 'whu', 'campus', '学校'], label: { zh: CAMPUS.nameZh, en: CAMPUS.nameEn } },
  ...HUBS.map((h) => ({ lat: h.lat, lng: h.lng, names: [h.zh, h.en.toLowerCase().replace(/\.$/, ''), h.en.toLowerCase().replace(' sq.', ' square')], label: { zh: h.zh, en: h.en } })),
  { lat: 30.505, lng: 114.398, names: ['光谷', 'optics valley', 'guanggu'], label: { zh: '光谷', en: 'Optics Valley' } },
];

export type FoundPlace = { point: LatLng; label: { zh: string; en: string }; text: string };

export function findPlace(text: string): FoundPlace | undefined {
  const lower = text.toLowerCase();
  let best: FoundPlace | undefined;
  for (const p of PLACES) {
    for (const name of p.names) {
      if (lower.includes(name) && (!best || name.length > best.text.length)) best = { point: { lat: p.lat, lng: p.lng }, label: p.label, text: name };
    }
  }
  return best;
}

/** Every name a place is known by, for the spelling fixer's vocabulary. */
export const PLACE_NAMES: string[] = PLACES.flatMap((p) => [...p.names, p.label.zh]);

// What the shopper gets when a Bot API server (a local server, a proxy) lacks a method or a file
// cannot be fetched: plain text that still does the job, never a generic error.
import type { Locale } from '../../tools/context.ts';

/**
 * OpenStreetMap: WGS-84 like the coordinates Telegram itself sends and shows, no API key, opens in
 * any browser (a geo: URI is not clickable in Telegram).
 */
export function mapLink(lat: number, lng: number): string {
  const [y, x] = [lat, lng].map((v) => String(Math.round(v * 1e6) / 1e6));
  return `https://www.openstreetmap.org/?mlat=${y}&mlon=${x}#map=18/${y}/${x}`;
}

/** Instead of a venue: name, address and a map link, as plain text (Telegram makes the link clickable). */
export const venueText = (shop: { name: string; address: string; lat: number; lng: number }) =>
  `📍 ${shop.name}\n${shop.address}\n${mapLink(shop.lat, shop.lng)}`;

export const PHOTO_NOT_FETCHED: Record<Locale, string> = {
  zh: '这张照片没能取到，请再发一次。',
  en: 'The photo could not be fetched; please send it again.',
};

/** One line for the log, whatever was thrown (telegraf's errors already have the token redacted). */
export const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

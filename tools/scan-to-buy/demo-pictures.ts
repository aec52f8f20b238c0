// Catalogue pictures for the demo world, so scan-to-buy works out of the box: one drawn picture per
// item type (洗衣液, apples, …), deterministic from the item's name — colours, a package shape and
// stripes — plus its English name when a font is present. They stand in for a real catalogue's
// product photos (`npm run import -- grocery …` brings real ones). Drawn as SVG, rendered by resvg.
import { Resvg } from '@resvg/resvg-js';
import type { Store } from '../../prisma/store.ts';
import { fnv1a } from '../catalogue/text-embedding.ts';
import type { ImageCatalogue } from './image-catalogue.ts';


const SHAPES = [
  (c: string) => `<circle cx="128" cy="136" r="78" fill="${c}"/>`,
  (c: string) => `<rect x="58" y="50" width="140" height="170" rx="22" fill="${c}"/>`,
  (c: string) => `<path d="M108 36 h40 v30 q40 20 40 60 v96 h-120 v-96 q0-40 40-60z" fill="${c}"/>`,
  (c: string) => `<path d="M128 40 L214 210 L42 210 Z" fill="${c}"/>`,
  (c: string) => `<ellipse cx="128" cy="136" rx="96" ry="60" fill="${c}"/>`,
  (c: string) => `<rect x="40" y="86" width="176" height="100" rx="10" fill="${c}"/>`,
];

/** A 256×256 PNG for an item type. */
export function itemPicture(itemZh: string, itemEn: string): Uint8Array {
  const h = fnv1a(itemZh);
  const hue = h % 360;
  const hue2 = (hue + 90 + ((h >> 9) % 180)) % 360;
  const background = `hsl(${(hue + 180) % 360}, 35%, 88%)`;
  const body = `hsl(${hue}, ${55 + ((h >> 3) % 35)}%, ${35 + ((h >> 5) % 30)}%)`;
  const accent = `hsl(${hue2}, 70%, 55%)`;
  const stripes = Array.from({ length: 1 + ((h >> 12) % 4) }, (_, i) => `<rect x="0" y="${100 + i * 26}" width="256" height="${6 + ((h >> (14 + i)) % 10)}" fill="${accent}" opacity="0.85"/>`).join('');
  const dots = Array.from({ length: (h >> 20) % 6 }, (_, i) => `<circle cx="${40 + i * 36}" cy="${60 + ((h >> (i + 2)) % 40)}" r="${8 + ((h >> i) % 10)}" fill="${accent}"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
<defs><clipPath id="c">${SHAPES[h % SHAPES.length]('#000')}</clipPath></defs>
<rect width="256" height="256" fill="${background}"/>${dots}${SHAPES[h % SHAPES.length](body)}
<g clip-path="url(#c)">${stripes}</g>
<text x="128" y="244" font-size="20" text-anchor="middle" fill="#222" font-family="sans-serif">${itemEn.replace(/[<&>]/g, '')}</text></svg>`;
  return new Resvg(svg, { font: { loadSystemFonts: true } }).render().asPng();
}

/**
 * Gives every item type without a catalogue picture one drawn picture, on its first (base) product.
 * Runs in the background at start-up (~60 ms an item: drawing + features); idempotent.
 */
export async function ensureDemoPictures(db: Store, images: ImageCatalogue, log: (line: string) => void = () => {}): Promise<number> {
  const products = await db.product.findMany({ select: { id: true, attributes: true }, orderBy: { id: 'asc' } });
  const pictured = new Set((await db.productImage.findMany({ where: { source: 'catalogue' }, select: { productId: true }, distinct: ['productId'] })).map((r) => r.productId));
  const firstOfItem = new Map<string, { id: number; itemEn: string }>();
  const itemsWithPicture = new Set<string>();
  for (const p of products) {
    const a = (p.attributes ?? {}) as Record<string, string>;
    if (!a.itemZh) continue; // imported products come with their own pictures
    if (pictured.has(p.id)) itemsWithPicture.add(a.itemZh);
    if (!firstOfItem.has(a.itemZh)) firstOfItem.set(a.itemZh, { id: p.id, itemEn: a.itemEn ?? '' });
  }
  let added = 0;
  for (const [itemZh, { id, itemEn }] of firstOfItem) {
    if (itemsWithPicture.has(itemZh)) continue;
    await images.addCatalogueImage(id, itemPicture(itemZh, itemEn), 'image/png');
    added++;
  }
  if (added) log(`scan-to-buy: drew ${added} demo catalogue pictures`);
  return added;
}

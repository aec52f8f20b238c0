// npm run import -- grocery <path to shared/data/grocery>
// Imports the grocery photo set's catalogue (81 products: name, description, iconic image) into the
// store with offers in the demo city: every fresh-food shop sells the fruit and vegetables and a
// random half of the packaged goods, the online stores sell the packaged goods; prices are seeded
// around a per-product base. Each iconic image goes into the image index. Re-running skips what is there.
import { readFileSync } from 'node:fs';
import { groceryProducts } from '../bench/scan/grocery.ts';
import { migrate, openStore } from '../prisma/store.ts';
import { seedIfEmpty } from '../prisma/seed/index.ts';
import { databaseUrl } from '../prisma/url.ts';
import { startVectorIndex } from '../tools/catalogue/vector-runtime.ts';
import { createToolDeps } from '../tools/deps.ts';

const [kind, root] = process.argv.slice(2);
if (kind !== 'grocery' || !root) {
  console.error('usage: npm run import -- grocery <path to the grocery data set, e.g. ../shared/data/grocery>');
  process.exit(2);
}
let products;
try {
  products = groceryProducts(root);
} catch (error) {
  console.error(`Cannot read the grocery set at ${root}: ${(error as Error).message}`);
  process.exit(1);
}

const url = databaseUrl();
migrate(url);
const db = await openStore(url);
await seedIfEmpty(db);
const vectors = await startVectorIndex(db);
const deps = await createToolDeps(db, vectors.index);
const fresh = await db.shop.findMany({ where: { category: 'fresh', onlineOnly: false }, select: { id: true } });
const online = await db.shop.findMany({ where: { onlineOnly: true }, select: { id: true } });
// A small deterministic generator: the same import gives the same prices.
let state = 20261123;
const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);

let added = 0;
for (const p of products) {
  const sku = `GROCERY-${String(p.fineId).padStart(3, '0')}`;
  if (await db.product.findUnique({ where: { sku } })) continue;
  const packaged = p.group === 'Packages';
  const name = p.name.replace(/-/g, ' ');
  const base = Math.round((packaged ? 12 + random() * 30 : 4 + random() * 16) * 100);
  const product = await db.product.create({
    data: {
      sku, nameZh: name, nameEn: name, brand: packaged ? name.split(' ')[0] : '', category: packaged ? 'snacks' : 'fresh',
      descriptionZh: p.description.slice(0, 2000), descriptionEn: p.description.slice(0, 2000),
      attributes: { source: 'grocery', coarse: p.coarseName, fineId: p.fineId }, unit: packaged ? '件/item' : '500g', listPrice: base,
    },
  });
  const offers = [
    ...fresh.filter(() => !packaged || random() < 0.5).map((s) => ({ shopId: s.id, channel: 'offline', url: null as string | null })),
    ...(packaged ? online.slice(0, 3).map((s) => ({ shopId: s.id, channel: 'online', url: `https://shop.example/item/${sku}` })) : []),
  ];
  await db.offer.createMany({ data: offers.map((o) => ({ ...o, productId: product.id, price: Math.round(base * (0.85 + random() * 0.35)), stock: 5 + Math.floor(random() * 60) })) });
  await deps.images.addCatalogueImage(product.id, readFileSync(p.iconic), 'image/jpeg');
  added++;
  process.stdout.write(`\rimported ${added} products`);
}
if (vectors.index?.available) await vectors.index.syncText();
console.log(`\nGrocery import: ${added} new products (${products.length - added} were already there), offers in ${fresh.length} fresh-food shops and ${Math.min(3, online.length)} online stores.`);
await vectors.stop();
await db.$disconnect();

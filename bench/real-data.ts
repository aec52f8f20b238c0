// Readers for the public datasets in ../shared/data (never copied into the repo).
import { createReadStream, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';

export const SHARED_DATA = resolve(import.meta.dirname, '..', '..', 'shared', 'data');

export function dataset(...parts: string[]): string | undefined {
  const path = join(SHARED_DATA, ...parts);
  if (existsSync(path)) return path;
  console.log(`  (skipped: ${path} not found — the real-data figures need ../shared/data)`);
  return undefined;
}

export async function* csvRows(path: string, delimiter = ','): AsyncGenerator<Record<string, string>> {
  const stream = createReadStream(path).pipe(createGunzip()).pipe(parse({ columns: true, delimiter, relax_quotes: true, skip_empty_lines: true }));
  for await (const row of stream) yield row as Record<string, string>;
}

const NOT_PRODUCTS = new Set(['POST', 'D', 'M', 'BANK CHARGES', 'AMAZONFEE', 'DOT', 'CRUK', 'C2', 'PADS', 'S', 'B']);

/** UCI Online Retail: product lines (no cancellations, no fees), day numbers from the first invoice. */
export async function onlineRetail(path: string) {
  const lines: { customer: number | null; stockCode: string; day: number; quantity: number; price: number }[] = [];
  const t0 = Date.UTC(2010, 11, 1) / 86_400_000;
  for await (const r of csvRows(path)) {
    if (r.InvoiceNo.startsWith('C') || NOT_PRODUCTS.has(r.StockCode)) continue;
    const quantity = Number(r.Quantity);
    const price = Number(r.UnitPrice);
    if (!(quantity > 0) || !(price > 0)) continue;
    lines.push({ customer: r.CustomerID ? Number(r.CustomerID) : null, stockCode: r.StockCode, day: Math.floor(Date.parse(r.InvoiceDate.replace(' ', 'T') + 'Z') / 86_400_000 - t0), quantity, price });
  }
  return lines;
}

// The grocery photo set (Klasson et al. 2019) in ../shared/data/grocery: 81 products with one
// catalogue ("iconic") image and description each, and phone photos taken in shops (train/, val/).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type GroceryProduct = { fineId: number; name: string; coarseId: number; coarseName: string; iconic: string; description: string; group: string };
export type GroceryPhoto = { path: string; fineId: number; coarseId: number };

export function groceryProducts(root: string): GroceryProduct[] {
  const lines = readFileSync(join(root, 'classes.csv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [name, fine, coarseName, coarse, iconic, description] = line.split(',');
    const descriptionPath = join(root, description);
    return {
      fineId: Number(fine), name, coarseId: Number(coarse), coarseName,
      iconic: join(root, iconic),
      description: existsSync(descriptionPath) ? readFileSync(descriptionPath, 'utf8').trim() : '',
      group: iconic.split('/')[2], // Fruit | Vegetables | Packages
    };
  });
}

export function groceryPhotos(root: string, split: 'train' | 'val'): GroceryPhoto[] {
  return readFileSync(join(root, `${split}.txt`), 'utf8').trim().split('\n').map((line) => {
    const [path, fine, coarse] = line.split(',').map((s) => s.trim());
    return { path: join(root, path), fineId: Number(fine), coarseId: Number(coarse) };
  });
}

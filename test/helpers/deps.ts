import type { Store } from '../../prisma/store.ts';
import { ProductIndex } from '../../tools/catalogue/product-search.ts';
import type { CallerContext, ToolDeps } from '../../tools/context.ts';
import { C, NOW } from './fixture.ts';

export async function depsFor(db: Store): Promise<ToolDeps> {
  return { db, products: await ProductIndex.load(db) };
}

export const shopperAtCampus: CallerContext = { caller: { role: 'shopper', customerId: 1 }, locale: 'zh', location: C, now: NOW };
export const merchantOne: CallerContext = { caller: { role: 'merchant', merchantId: 1 }, locale: 'en', now: NOW };

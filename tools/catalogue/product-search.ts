// Finds catalogue products from what a shopper typed ("洗衣液", "blue moon detergent 2kg").
// Two layers: in-memory lexical scoring over zh and en names (exact names, sizes, brands; well under
// a millisecond) and, through `find`, the Chroma vector index for what names alone miss
// ("洗衣服用的" → 洗衣液, "laundry stuff"). Without the index, `find` is lexical only and says so.
import type { Store } from '../../prisma/store.ts';
import type { VectorIndex } from './vector-index.ts';
import { CATEGORIES, type Category } from './categories.ts';
import { EVERYDAY_GOODS_NAMES, inCatalogueWords } from './goods-words.ts';

export type CatalogueEntry = { id: number; nameZh: string; nameEn: string; brand: string; category: string; itemZh: string; itemEn: string; listPrice: number };
export type ProductMatch = { product: CatalogueEntry; score: number };

const EN_STOPWORDS = new Set(('a an the of for to in on at by with and or is are it this that these those some any me my i you we where which what ' +
  'can could buy get find sell sells selling shop shops store stores near nearby around here close please want need looking price ' +
  'cheap cheaper cheapest good best fair much how there do does one ones stuff thing things yuan rmb cny kuai').split(' '));
const ZH_FILLERS = ['附近', '哪里', '哪儿', '哪家', '有卖', '卖', '买', '能', '可以', '的', '吗', '呢', '我', '想', '要', '一下', '请问', '有没有', '多少钱', '价格', '便宜', '这个', '那个', '元', '块', '钱', '贵不贵', '贵', '合理'];

// Words of the item itself weigh more than brand words: "cola" means cola, not Coca-Cola water.
const BRAND_ONLY = 0.6;
// A query that is only part of a longer item name is a weaker match than the item itself.
const PART_OF_ITEM = 0.8;

type Indexed = CatalogueEntry & { text: string; itemText: string; words: Set<string>; itemWords: Set<string> };

function brandZhOf(e: CatalogueEntry): string {
  const known = (e as CatalogueEntry & { brandZh?: string }).brandZh;
  if (known) return known;
  // Catalogue names are "<brand zh><item zh> <variant>"; the item's zh name tells where the brand ends.
  const at = e.itemZh ? e.nameZh.indexOf(e.itemZh) : -1;
  return at > 0 ? e.nameZh.slice(0, at).replace(/高端$/, '') : '';
}

export function normalise(text: string): string {
  return text.toLowerCase().normalize('NFKC').replace(/[’']/g, '').replace(/[^\p{L}\p{N}.]+/gu, ' ').trim();
}

/** Plural → singular, enough for catalogue words ("apples" → "apple"). */
export function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

export type QueryTerms = { en: string[]; zh: string[] };

export function queryTerms(query: string): QueryTerms {
  const text = normalise(inCatalogueWords(query));
  // A one-letter word counts only as a size ("size L", as the catalogue names it) or the T of a T-shirt.
  const en = (text.match(/[a-z0-9.]+/g) ?? []).filter((w, i, all) => !EN_STOPWORDS.has(w) && (w.length > 1 || (all[i - 1] === 'size' && /^[sml]$/.test(w)) || (w === 't' && /^shirts?$/.test(all[i + 1] ?? '')))).map(stem);
  const zh: string[] = [];
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    let cleaned = run;
    for (const filler of ZH_FILLERS) cleaned = cleaned.split(filler).join(' ');
    zh.push(...cleaned.split(' ').filter((s) => s.length > 0));
  }
  return { en, zh };
}

/** Vector similarity (hashing embedding, cosine) at which a product counts as a full match; below
 *  FLOOR it is noise. Calibrated on bench/text-queries.ts. */
const SEMANTIC_FULL = 0.55;
const SEMANTIC_FLOOR = 0.2;
/** A semantic-only match never outranks an exact name match. */
const SEMANTIC_WEIGHT = 0.9;

export type FoundProducts = { matches: ProductMatch[]; /** false: the vector index was unavailable, lexical only */ semantic: boolean };

export class ProductIndex {
  protected entries: Indexed[] = [];
  private byId = new Map<number, Indexed>();
  /** Positions in `entries` by English word, and by character and pair of characters of the name text. */
  private byWord = new Map<string, number[]>();
  private byChars = new Map<string, number[]>();
  /** The vector index, when one is running (set by the runtime; tests may leave it out). */
  vectors: VectorIndex | undefined;

  static async load(db: Store): Promise<ProductIndex> {
    const index = new ProductIndex();
    await index.reload(db);
    return index;
  }

  static fromEntries<T extends ProductIndex>(this: new () => T, entries: CatalogueEntry[]): T {
    const index = new this();
    index.setEntries(entries);
    return index;
  }

  async reload(db: Store): Promise<void> {
    const rows = await db.product.findMany({ select: { id: true, nameZh: true, nameEn: true, brand: true, category: true, attributes: true, listPrice: true } });
    this.setEntries(rows.map((r) => {
      const a = (r.attributes ?? {}) as Record<string, string>;
      return { id: r.id, nameZh: r.nameZh, nameEn: r.nameEn, brand: r.brand, category: r.category, itemZh: a.itemZh ?? '', itemEn: a.itemEn ?? '', listPrice: r.listPrice };
    }));
  }

  private setEntries(entries: CatalogueEntry[]): void {
    this.words = undefined;
    this.entries = entries.map((e) => {
      const text = normalise(`${e.nameZh} ${e.nameEn} ${e.brand} ${CATEGORIES[e.category as Category]?.zh ?? ''}`);
      // The name without the brand: item, line and variant.
      const itemText = normalise(`${e.nameZh.replace(brandZhOf(e), '')} ${e.nameEn.replace(e.brand, '')}`);
      const wordsOf = (s: string) => new Set((s.match(/[a-z0-9.]+/g) ?? []).map(stem));
      return { ...e, text, itemText, words: wordsOf(text), itemWords: wordsOf(itemText) };
    });
    this.byId = new Map(this.entries.map((e) => [e.id, e]));
    this.byWord = new Map();
    this.byChars = new Map();
    const post = (map: Map<string, number[]>, key: string, at: number) => {
      const list = map.get(key);
      if (!list) map.set(key, [at]);
      else if (list.at(-1) !== at) list.push(at);
    };
    this.entries.forEach((e, at) => {
      for (const w of e.words) post(this.byWord, w, at);
      for (const w of e.itemWords) post(this.byWord, w, at);
      // By code unit, as `search` slices the runs.
      for (let i = 0; i < e.text.length; i++) {
        if (e.text[i] === ' ') continue;
        post(this.byChars, e.text[i], at);
        if (i + 1 < e.text.length && e.text[i + 1] !== ' ') post(this.byChars, e.text.slice(i, i + 2), at);
      }
    });
  }

  /**
   * The entries that can score above 0, in catalogue order: those with one of the English words, or a
   * pair of characters of a Chinese run (a one-character run: that character). Every entry scoring above 0
   * in the loop of `search` is among them, so the answer is the one scoring every entry would give.
   */
  protected candidatesFor({ en, zh }: QueryTerms): Iterable<Indexed> {
    const at = new Set<number>();
    const add = (list: number[] | undefined) => list?.forEach((i) => at.add(i));
    for (const w of en) add(this.byWord.get(w));
    for (const run of zh) {
      if (run.length === 1) add(this.byChars.get(run));
      for (let i = 0; i + 1 < run.length; i++) add(this.byChars.get(run.slice(i, i + 2)));
    }
    return [...at].sort((a, b) => a - b).map((i) => this.entries[i]);
  }

  get size(): number {
    return this.entries.length;
  }

  private words?: { brands: Set<string>; items: Set<string>; names: Set<string> };

  /** The catalogue's own words, lower case: brand names, item names, and the words of full names (lines and variants
   *  such as "latte", "单杯") in zh and en (read by the planner). */
  vocabulary(): { brands: Set<string>; items: Set<string>; names: Set<string> } {
    if (!this.words) {
      const brands = new Set<string>();
      const items = new Set<string>();
      const names = new Set<string>();
      for (const e of this.entries) {
        for (const b of [e.brand, brandZhOf(e)]) if (b && b.length > 1) brands.add(b.toLowerCase());
        for (const i of [e.itemZh, e.itemEn]) if (i && i.length > 1) items.add(i.toLowerCase());
        for (const w of normalise(`${e.nameZh} ${e.nameEn}`).split(' ')) if (w.length > 1 && !/^[\d.]+/.test(w)) names.add(w);
      }
      for (const w of EVERYDAY_GOODS_NAMES) if (w.length > 1) items.add(w); // "coke", "卷纸": goods too
      this.words = { brands, items, names };
    }
    return this.words;
  }

  get(id: number): CatalogueEntry | undefined {
    return this.byId.get(id);
  }

  /** Lexical and vector search merged: each product keeps its better score. */
  async find(query: string, limit = 50): Promise<FoundProducts> {
    const lexical = this.search(query, limit);
    const hits = this.vectors ? await this.vectors.searchText(query, Math.max(limit, 30)) : undefined;
    if (!hits) return { matches: lexical, semantic: false };
    const best = new Map(lexical.map((m) => [m.product.id, m]));
    for (const hit of hits) {
      const product = this.byId.get(hit.productId);
      if (!product) continue;
      const score = SEMANTIC_WEIGHT * Math.min(1, Math.max(0, (hit.similarity - SEMANTIC_FLOOR) / (SEMANTIC_FULL - SEMANTIC_FLOOR)));
      if (score > (best.get(product.id)?.score ?? 0)) best.set(product.id, { product, score });
    }
    const matches = [...best.values()].sort((a, b) => b.score - a.score || a.product.listPrice - b.product.listPrice).slice(0, limit);
    return { matches, semantic: true };
  }

  /** Products ranked by how much of the query they cover (0..1), best first. */
  search(query: string, limit = 50): ProductMatch[] {
    const terms = queryTerms(query);
    const { en, zh } = terms;
    if (!en.length && !zh.length) return [];
    const weight = en.length + zh.reduce((sum, run) => sum + Math.min(3, run.length), 0);
    const matches: ProductMatch[] = [];
    for (const e of this.candidatesFor(terms)) {
      let got = 0;
      for (const w of en) if (e.itemWords.has(w)) got += 1;
      else if (e.words.has(w)) got += BRAND_ONLY;
      for (const run of zh) {
        const w = Math.min(3, run.length);
        if (e.text.includes(run)) {
          if (e.itemZh && run.includes(e.itemZh)) got += w; // names the item (maybe with brand, size)
          else if (e.itemZh.includes(run)) got += w * PART_OF_ITEM; // "洗衣液" inside "婴儿洗衣液"
          else if (e.itemText.includes(run)) got += w; // variant or line words: "2kg", "高端"
          else got += w * BRAND_ONLY;
        }
        else if (run.length >= 2) {
          // Partial credit by shared character pairs: "洗衣服" still finds "洗衣液".
          let shared = 0;
          for (let i = 0; i < run.length - 1; i++) if (e.text.includes(run.slice(i, i + 2))) shared++;
          // Every word of the run is in the name, in another order: "得力函数计算器" is 得力计算器 函数.
          if (shared * 2 >= run.length - 1 && coveredByWordsOf(run, e.text)) got += w * 0.95;
          else got += (w * shared) / (run.length - 1) * 0.7;
        }
      }
      if (got > 0) matches.push({ product: e, score: got / weight });
    }
    // Ties: the base (classic, smaller) product first, so "洗衣液" shows the everyday item.
    matches.sort((a, b) => b.score - a.score || a.product.listPrice - b.product.listPrice);
    return matches.slice(0, limit);
  }
}

/** Whether the run is made of pieces of two or more characters that are each in the text (longest piece first). */
function coveredByWordsOf(run: string, text: string): boolean {
  for (let i = 0; i < run.length; ) {
    let j = run.length;
    while (j - i >= 2 && !text.includes(run.slice(i, j))) j--;
    if (j - i < 2) return false;
    i = j;
  }
  return true;
}

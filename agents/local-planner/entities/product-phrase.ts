// The product a message names, found with the segmenter the project already has (jieba) and two vocabularies
// learned from data rather than kept by hand:
// - the catalogue's words (brands, items, category words) are added to jieba's dictionary, so "充电宝" and
//   "蓝月亮洗手液" segment as the goods they are, and are always kept;
// - the words of the intent corpus that are not catalogue words ("附近", "哪家", "多少钱", "啊", "where",
//   "cheapest", "pls") are the words people ask with: they are never part of a product.
// What is left (a word in neither, such as a product the catalogue does not have, "无人机") stays, so the
// answer can say that no such product is sold. Stop words come from stopwords-iso.
import { add_word, tag } from 'jieba-wasm';
import stopwords from 'stopwords-iso' with { type: 'json' };
import { CATEGORIES, CATEGORY_KEYS } from '../../../tools/catalogue/categories.ts';
import { normalise, stem, type ProductIndex } from '../../../tools/catalogue/product-search.ts';
import { corpusTexts } from '../intent/corpus.ts';
import { CATALOGUE } from '../../../prisma/seed/catalogue-data.ts';

const STOP = new Set<string>([...(stopwords as Record<string, string[]>).zh, ...(stopwords as Record<string, string[]>).en]);
/** Sizes and counts that name a variant: 300ml, 2kg, 70g, 12卷, 30枚. */
const SIZE = /^\d+(?:\.\d+)?(?:ml|l|g|kg|mg|cm|mm|m|mah|gb|tb|寸|英寸|卷|枚|片|包|支|瓶|罐|盒|袋|抽|粒|颗|只|双|件)$/i;
const HAN = /\p{Script=Han}/u;
/** Pronouns and particles: no goods' name is made with them in a word of two or three characters. */
const GRAMMAR_CHARS = new Set([...'我你您他她它们的了吗呢吧啊些么哪这那']);
/** A pack size as the catalogue names it: 12支装, 6瓶装, 12-pack. */
const PACK_SIZE = /^\d+(?:\p{Script=Han}?装|-?pack)$/iu;
/** jieba's tags of words that do not name goods: pronouns, adverbs, numerals, measure words, prepositions,
 *  conjunctions, particles, interjections, onomatopoeia, position and time words, verbs and adjectives (a noun
 *  made of a verb or an adjective, vn / an, is a noun). */
/** Tags a glued unknown word does not start or end with: particles, prepositions, conjunctions, pronouns, adverbs, numerals. */
const EDGE_TAG = /^(?:u\w*|y\w*|e|o|p\w*|c\w*|r\w*|d\w*|m\w*|q\w*)$/;
const FUNCTION_TAG = /^(?:r\w*|d\w*|m\w*|q\w*|p\w*|c\w*|u\w*|y\w*|e|o|f|ns|t\w*|v|vd|vg|vi|vl|vf|vshi|vyou|a|ad|ag|b|z\w*|k|h)$/;

/** Single-character verbs of asking and buying ("有没有卖|猫|粮", "想|买|双|拖鞋") and measure words ("一双", "一包"): a run of
 *  loose characters that starts with one is no goods' name with it ("拿|铁" is: 拿 is not among them). */
const ASKING_VERBS = new Set([...'想买卖有要找去到能看问在是给帮让把']);
const MEASURES = new Set([...'双个件条瓶盒包袋只支台把张罐箱斤']);

export class PhraseReader {
  private readonly keep = new Set<string>();
  private readonly asking = new Set<string>();

  constructor(products: ProductIndex, corpus: string[] = corpusTexts()) {
    const goods = goodsWords(products);
    // Their parts as jieba cuts them ("蓝牙耳机" → 蓝牙, 耳机), before the whole names join the dictionary.
    for (const w of goods) for (const part of this.words(w)) if (part.length > 1 && !STOP.has(part) && !/^[\d.]+$/.test(part)) this.keep.add(PhraseReader.key(part));
    for (const w of goods) {
      // Words of the names, but not the little ones ("to", "of", "and"); "case", "large" stay goods words.
      for (const part of w.split(/\s+/)) if (part.length > 1 && !/^[\d.]+$/.test(part) && !(STOP.has(part) && part.length <= 3)) this.keep.add(HAN.test(part) ? part : stem(part));
      if (HAN.test(w) && !/\s/.test(w)) add_word(w, null, 'nz'); // segment the goods as one word (jieba suggests the frequency that makes it one)
    }
    // Words people ask with: in the corpus at least twice, and not a catalogue word.
    const seen = new Map<string, number>();
    for (const text of corpus) for (const w of new Set(this.words(text).map(PhraseReader.key))) seen.set(w, (seen.get(w) ?? 0) + 1);
    for (const [w, n] of seen) if (n >= 2 && !this.keep.has(w)) this.asking.add(w);
  }

  /** The words of a text, lower case, as jieba cuts them; single characters it could not place ("拿|铁") are glued
   *  back into one unknown word unless none of them can name a thing. */
  private words(text: string): string[] {
    return this.tagged(text).map((t) => t.word);
  }

  /** The words with jieba's part of speech: what is not goods is kept only when it is a noun or unknown to jieba,
   *  so "整个", "一起", "就行", "中途" (pronouns, adverbs, numerals, verbs…) never become a product. */
  private tagged(text: string): { word: string; tag: string }[] {
    const out: { word: string; tag: string }[] = [];
    let loose: { word: string; tag: string }[] = [];
    const flush = () => {
      // Glued when one of them may name a thing ("拿|铁" → 拿铁; "说|要", "有|的|吗" stay apart), without the particles
      // and the like at either end ("了|双" is no word); a particle inside ends the word ("高|的|排" is none).
      const weak = (c: { word: string; tag: string }) => EDGE_TAG.test(c.tag) || (/^v/.test(c.tag) && ASKING_VERBS.has(c.word)) || MEASURES.has(c.word);
      const thing = (c: { word: string; tag: string }) => /^(?:n\w*|x|eng|un)$/.test(c.tag);
      let a = 0;
      while (a < loose.length) {
        if (weak(loose[a])) {
          out.push(loose[a++]);
          continue;
        }
        let b = a;
        while (b < loose.length && !weak(loose[b])) b++;
        const piece = loose.slice(a, b);
        if (piece.length > 1 && piece.some(thing)) out.push({ word: piece.map((c) => c.word).join(''), tag: 'x' });
        else out.push(...piece);
        a = b;
      }
      loose = [];
    };
    for (const token of tag(normalise(text), true)) {
      const t = token.word.trim();
      // "吃饺子", "喝奶茶", "买台灯" (jieba: one verb): the goods after a verb of eating, drinking, buying or using.
      const consumed = token.tag === 'v' && /^[吃喝买用穿戴带][\p{Script=Han}]{2,}$/u.test(t) ? t.slice(1) : undefined;
      if (consumed) {
        flush();
        out.push({ word: t[0], tag: 'v' }, { word: consumed, tag: 'n' });
        continue;
      }
      if (t.length === 1 && HAN.test(t) && !this.keep.has(t)) loose.push({ word: t, tag: token.tag });
      else {
        flush();
        if (t) out.push({ word: t, tag: token.tag });
      }
    }
    flush();
    // "T-shirt", cut by jieba into t | - | shirt: one word again.
    for (let i = out.length - 2; i >= 0; i--) {
      const dash = out[i + 1].word === '-' ? 1 : 0;
      if (/^t$/i.test(out[i].word) && /^shirts?$/i.test(out[i + 1 + dash]?.word ?? '')) out.splice(i, 2 + dash, { word: 't-shirt', tag: 'nz' });
    }
    // "size L", "size XL": the letter is the variant the catalogue names ("Pampers diapers size L").
    for (let i = out.length - 2; i >= 0; i--) {
      if (/^size$/i.test(out[i].word) && /^(?:xxs|xs|s|m|l|xl|xxl|xxxl)$/i.test(out[i + 1].word)) out.splice(i, 2, { word: `size ${out[i + 1].word}`, tag: 'nz' });
    }
    // "2 packs of tissues", "three bottles of": a count of what is bought, read by the quantity reader, not goods
    // (the catalogue's "12-pack" is a variant: only a plural or a unit followed by "of" is a count).
    for (let i = 0; i + 1 < out.length; i++) {
      const unit = out[i + 1];
      if (COUNT.test(out[i].word) && COUNT_UNIT.test(unit.word) && (/s$/i.test(unit.word) || /^of$/i.test(out[i + 2]?.word ?? ''))) unit.tag = 'count';
    }
    // A size cut in two ("30|枚", "500|ml") is one word again.
    for (let i = out.length - 2; i >= 0; i--) {
      const joined = out[i].word + out[i + 1].word;
      if (/^[\d.]+$/.test(out[i].word) && (SIZE.test(joined) || PACK_SIZE.test(joined))) out.splice(i, 2, { word: HAN.test(joined) || SIZE.test(joined) ? joined : `${out[i].word} ${out[i + 1].word}`, tag: 'nz' });
    }
    return out;
  }

  private static key(w: string): string {
    return HAN.test(w) ? w : stem(w);
  }

  /** The product phrase: the kept words in their order, a Chinese run kept together ("蓝月亮洗手液 300ml").
   *  When some parts name goods the catalogue knows, the parts that name none are left out: in "天冷了想吃饺子" or
   *  "光明大米五公斤装卖一百二十八，这是不是坑人啊" the goods are 饺子 and 光明大米, not 天冷 or 坑人. */
  phrase(text: string): string {
    const parts: { text: string; goods: boolean; latin?: boolean }[] = [];
    let run = '';
    let runGoods = false;
    const flush = () => {
      if (run) parts.push({ text: run, goods: runGoods });
      run = '';
      runGoods = false;
    };
    for (const { word: w, tag: pos } of this.tagged(text)) {
      if (!this.isProductWord(w, pos)) {
        flush();
        if (parts.length) parts.at(-1)!.latin = false; // a word between ends the English part
        continue;
      }
      const goods = this.keep.has(PhraseReader.key(w));
      if (HAN.test(w) && !/^\d/.test(w)) {
        run += w; // a size ("12支装") stands apart, as the catalogue writes it
        runGoods ||= goods;
      } else if (/^[a-z]/i.test(w) && parts.at(-1)?.latin && !run) {
        // Adjacent English words are one part ("trash bags", "yoga mat"): a modifier goes with its goods.
        const last = parts.at(-1)!;
        last.text += ` ${w}`;
        last.goods ||= goods;
      } else {
        flush();
        parts.push({ text: w, goods: goods || SIZE.test(w) || PACK_SIZE.test(w.replace(/\s+/g, '')), latin: /^[a-z]/i.test(w) });
      }
    }
    flush();
    const named = parts.some((p) => p.goods && !SIZE.test(p.text)) ? parts.filter((p) => p.goods) : parts;
    const phrase = named.map((p) => p.text).join(' ').trim();
    // "three will do": a count said in words is no product, though a brand has the word ("Three Squirrels").
    if (/^(?:one|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozen)$/i.test(phrase)) return '';
    return phrase.length > 1 ? phrase : ''; // a stray character is not a product
  }

  /** The words of the text that name goods (a brand, an item, a word of a product's name). */
  goodsWordsIn(text: string): string[] {
    return this.tagged(text).map(({ word }) => word).filter((w) => this.keep.has(PhraseReader.key(w)));
  }

  /** Whether the text has a word of the catalogue's goods in it (a brand, an item, a word of a product's name or a size). */
  namesGoods(text: string): boolean {
    return this.tagged(text).some(({ word }) => this.keep.has(PhraseReader.key(word)) || SIZE.test(word));
  }

  private isProductWord(word: string, pos: string): boolean {
    const w = PhraseReader.key(word); // the user's own word is shown; its stem is looked up
    if (pos === 'count') return false; // "packs" in "2 packs of tissues"
    if (TIME_WORDS.test(w)) return false; // "whole month": a period, even where a name has the word ("6-12 months")
    if (this.keep.has(w) || SIZE.test(w) || PACK_SIZE.test(w.replace(/\s+/g, '')) || /^size (?:xxs|xs|s|m|l|xl|xxl|xxxl)$/i.test(w)) return true;
    if (this.asking.has(w) || STOP.has(w) || ASKING_WORDS.test(w) || ORDERING_WORDS.test(w) || HURRY_WORDS.test(w) || NO_GOODS_WORDS.test(w)) return false;
    if (HAN.test(w) && FUNCTION_TAG.test(pos)) return false;
    // A short word jieba could not place made with a pronoun or a particle ("我些", "它的") names nothing.
    if (pos === 'x' && HAN.test(w) && w.length <= 3 && [...w].some((c) => GRAMMAR_CHARS.has(c))) return false;
    if (/^[\d.]+$/.test(w)) return false; // a bare number is a price or a count, read elsewhere
    if (HAN.test(w) && (pos === 'v' || pos === 'vn')) return false; // "测算洗衣凝珠补货量": what is done, not the goods
    if (/^[a-z]{3,}(?:ed|ing)$/.test(w) && !/eed$/.test(w)) return false; // "grabbed", "picked", "ordering": what was done, not the goods
    if (/^[a-z]{4,}ly$/.test(w)) return false; // "specifically", "really": how, not what
    return HAN.test(w) ? w.length > 1 : w.length > 2;
  }
}

/** The words of goods: the catalogue's brands and items, the category words, and the demo world generator's goods
 *  (so a catalogue without earbuds still reads "耳机" as goods), lower case. */
export function goodsWords(products: ProductIndex): string[] {
  const { brands, items, names } = products.vocabulary();
  const category = CATEGORY_KEYS.flatMap((k) => CATEGORIES[k].words);
  const known = Object.values(CATALOGUE).flatMap((c) => [...c.items.flatMap((i) => [i.zh, i.en]), ...c.brands.flat()]);
  return [...brands, ...items, ...[...names].filter((w) => !STOP.has(w) || VARIANT.has(w)), ...category, ...known.map((w) => w.toLowerCase())];
}

/** A number said before a unit of what was bought ("2 packs", "a couple of bottles"). */
const COUNT = /^(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple|few|several)$/i;
const COUNT_UNIT = /^(?:packs?|bottles?|box(?:es)?|cans?|cases?|bags?|rolls?|cartons?|pieces?|jars?|tubes?|packets?|boxes|tins?|sachets?|dozens?|loaves|loaf)$/i;
/** Words of time ("whole month", "this weekend"): a period, read elsewhere, never goods. */
const TIME_WORDS = /^(?:days?|weeks?|months?|years?|quarters?|fortnight|weekends?|whole|entire|full|today|tonight|yesterday|tomorrow|mornings?|evenings?|nights?|afternoons?|mtd|ytd|wtd)$/i;
/** "来瓶", "要个", "就行": how one orders or settles, no goods ("算了来瓶茶饮料 就行"). */
const ORDERING_WORDS = /^(?:来|要|拿|整)[一两]?[瓶个包杯份点盒袋罐支件只条碗]$|^就(?:行|好|可以|够|成)了?$/;
/** How soon, not what: "batteries asap", "急用", "rn". */
const HURRY_WORDS = /^(?:asap|urgent(?:ly)?|quick(?:ly)?|immediately|rn|stat|急用|急需|赶紧|马上|立刻|尽快)$/i;
/** Words that name no goods though no corpus line has them: address and chat particles ("mate", "lah", "abeg"), who is
 *  asking ("a backpacker budget"), the receipt a line was copied from (小票). */
const NO_GOODS_WORDS = /^(?:小票|收据|receipt|mate|bro|dude|buddy|pal|guys?|sis|fam|lah|leh|lor|sia|meh|abeg|oga|sha|jor|backpackers?|student)$/i;
/** Words of asking itself ("想先问下", "麻烦问一下", "打听"), however jieba cuts them. */
const ASKING_WORDS = /^(?:想|先|再|还|就|请|麻烦|劳驾|帮忙|帮我|顺便)*(?:问|问下|问一下|问问|打听|咨询|请教)?(?:下|一下)?$/;
/** Stop words that name a variant in the catalogue's names ("large pack", "small cup"): goods words there. */
const VARIANT = new Set(['large', 'small', 'big', 'medium', 'mini', 'extra', 'double', 'single', 'twin', 'family', 'regular']);

const readers = new WeakMap<ProductIndex, PhraseReader>();

/** One reader per catalogue (built once: ~N ms for the corpus and the catalogue words). */
export function phraseReaderFor(products: ProductIndex): PhraseReader {
  let reader = readers.get(products);
  if (!reader) readers.set(products, (reader = new PhraseReader(products)));
  return reader;
}

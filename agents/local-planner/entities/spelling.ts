// What people meant when they typed it wrong, before anything else reads the message:
// - pinyin for Chinese ("fujin you mai kele de ma" → 附近 … 可乐, "wo de huabei edu" → 花呗 额度),
// - Chinese homophone slips of the input method ("理才" → 理财, "用户化像" → 画像, "街道扣" → 街道口),
// - English typos ("reccomend me some snaks" → recommend … snacks, "sales yesteday" → yesterday).
// The vocabulary is the words of the intent corpus, the catalogue and the city's places; pinyin comes from
// pinyin-pro and edit distances from fastest-levenshtein. Only what the understanding reads is corrected: the
// stored message stays as the user wrote it.
import { cut, tag } from 'jieba-wasm';
import { distance } from 'fastest-levenshtein';
import { pinyin } from 'pinyin-pro';
import type { ProductIndex } from '../../../tools/catalogue/product-search.ts';
import { corpusTexts } from '../intent/corpus.ts';
import { PLACE_NAMES } from '../places.ts';
import { goodsWords } from './product-phrase.ts';
import englishWords from 'an-array-of-english-words' with { type: 'json' };

/** Words of English: never "corrected", and the only English a typo is corrected to (with the catalogue's words). */
let english: Set<string> | undefined;
const isEnglish = (w: string) => (english ??= new Set(englishWords as string[])).has(w);
/** The commonest function characters: a run with one of them is two words meeting, not one word (的洗, 我要). */
const FUNCTION_CHARS = new Set([...'的得地了吗呢吧啊我你他她它是在有和就都也要这那个么不没很还又把被给让从对向跟与或及零一二两三四五六七八九十百千万']);

const HAN = /\p{Script=Han}/u;
/** Characters that say what a verb came to (完, 好, 到…): verb + one of them is a phrase of its own. */
const RESULT_CHARS = new Set([...'完好到过掉住成光够错懂见']);
/** Short words a run-together message is made of, besides the vocabulary's words of three letters or more. */
const SHORT_WORDS = new Set('i a an am is are be do did me my we us you he she it its to of in on at by or and not no so up go can how who why what the for get buy all any per pls'.split(' '));
/** 里 typed for 离 where a distance is asked ("要里我近的", "哪家里公司最近"): 离 + a place or person + 近/远 at the end of
 *  a phrase ("家里我最近买了" is "recently", not a distance). */
const DISTANCE_SLIP = /里(?=(?:我|你|他|她|这|那|家|学校|公司|单位|宿舍)[^，。,.!?！？\s]{0,4}?(?:近|远)(?=的|吗|嘛|么|点|些|一点|啊|呢|$|[，。,.?？!！\s]))/gu;
/** 一 typed for 以 in a bound after an amount ("一百块一内" = 以内, "50一下的" = 以下, "200一上"): never a number there. */
const BOUND_SLIP = /(?<=[\d零一二两三四五六七八九十百千万块元毛]\s*)一(内|下|上)(?=的|吧|呢|啊|$|[，。,.?？!！\s])/gu;
/** 念 typed for 年 after a count of years ("放一念左右", "两念以上"). */
const YEAR_SLIP = /(?<=[一二两三四五六七八九十半\d])念(?=左右|以上|以内|多|的|期|$|[，。,.?？!！\s])/gu;
/** Slips a word list cannot catch, only the grammar around them. */
const GRAMMAR_SLIPS: [RegExp, string][] = [[YEAR_SLIP, '年'], [DISTANCE_SLIP, '离'], [BOUND_SLIP, '以$1']];
/** Words a merchant's question has that neither the corpus nor the catalogue does, kept from being "corrected" (基准 ≠ 当期). */
const KEPT_WORDS = ['基准', '基线', '同比', '环比'];
/** Words people type in pinyin that are no single word of the corpus or the catalogue ("ji yi xia", "mai le", "mei bao"). */
const PINYIN_PHRASES = ['不对', '是', '对', '有卖', '有没有', '的吗', '多少钱', '哪里', '哪家', '帮我', '记一下', '记一笔', '记下', '记上', '买了', '买过', '花了', '每包', '每瓶', '每个', '每盒', '每袋', '一包', '一瓶', '一个', '一盒', '一袋', '好的', '是的', '对的', '不用了', '算了', '谢谢'];
/** A count or a price in pinyin after digits ("3 bao", "12 kuai"): the measure word itself. */
const PINYIN_MEASURE: Record<string, string> = { kuai: '块', mao: '毛', bao: '包', ping: '瓶', he: '盒', ge: '个', dai: '袋', xiang: '箱', tong: '桶', zhi: '支', jian: '件', jin: '斤', tiao: '条', shuang: '双', ben: '本', zhang: '张', guan: '罐' };
const keyOf = (zh: string) => pinyin(zh, { toneType: 'none', type: 'array' }).join('');

export class SpellingFixer {
  /** toneless pinyin ("licai") → the vocabulary word (理财); the most frequent word wins a shared key */
  private readonly byPinyin = new Map<string, string>();
  private readonly zhWords = new Set<string>();
  private readonly enWords = new Set<string>();
  private readonly enList: string[];
  /** goods and places: a slip may be corrected to one of these even across a word jieba knows (街道扣 → 街道口) */
  private readonly named = new Set<string>();
  /** the English words of goods and places (and their two-word names) */
  private readonly goodsEn = new Set<string>();
  /** how often the corpus has each word */
  private readonly frequency = new Map<string, number>();
  /** every syllable of the vocabulary, to tell a pinyin message from an English one */
  private readonly syllables = new Set<string>();
  /** every run of two or three characters the corpus has: text people write is not a slip ("买的" is not "卖得") */
  private readonly written = new Set<string>();

  constructor(texts: string[], extraWords: string[]) {
    const counts = new Map<string, number>();
    const add = (w: string, n = 1) => counts.set(w, (counts.get(w) ?? 0) + n);
    const runs = new Map<string, number>();
    for (const t of texts) {
      const lower = t.toLowerCase();
      for (const w of cut(lower, true)) if (HAN.test(w) && w.length >= 2) add(w);
      // Two or three characters that keep coming together (花呗, 额度) are a word even where jieba splits them.
      for (const run of lower.match(/\p{Script=Han}+/gu) ?? []) {
        for (const size of [2, 3]) for (let i = 0; i + size <= run.length; i++) {
          const g = run.slice(i, i + size);
          this.written.add(g);
          if (![...g].some((c) => FUNCTION_CHARS.has(c))) runs.set(g, (runs.get(g) ?? 0) + 1);
        }
      }
      for (const w of lower.match(/[a-z]{3,}/g) ?? []) if (isEnglish(w)) this.enWords.add(w); // not the corpus's own typos
      for (const s of pinyin(lower.replace(/[^\p{Script=Han}]/gu, ''), { toneType: 'none', type: 'array' })) this.syllables.add(s);
    }
    for (const [g, n] of runs) if (n >= 5 && !counts.has(g)) add(g, n);
    for (const w of extraWords) {
      const lower = w.toLowerCase();
      if (HAN.test(lower)) this.named.add(lower);
      if (HAN.test(lower) && lower.length >= 2 && !/\s/.test(lower)) add(lower, 2);
      for (const e of lower.match(/[a-z]{3,}/g) ?? []) { this.enWords.add(e); this.goodsEn.add(e); }
      if (/^[a-z]+ [a-z]+$/.test(lower)) this.goodsEn.add(lower);
    }
    for (const [w, n] of [...counts].sort((a, b) => b[1] - a[1])) {
      if (n < 2 && !extraWords.includes(w)) continue;
      this.zhWords.add(w);
      this.frequency.set(w, n);
      for (const key of readings(w)) if (!this.byPinyin.has(key)) this.byPinyin.set(key, w);
    }
    for (const w of PINYIN_PHRASES) if (!this.byPinyin.has(keyOf(w))) this.byPinyin.set(keyOf(w), w);
    this.enList = [...this.enWords];
  }

  fix(text: string): string {
    let out = GRAMMAR_SLIPS.reduce((t, [re, to]) => t.replace(re, to), text);
    if (/[a-z]/i.test(out)) out = this.fixLatin(out);
    if (HAN.test(out)) out = this.fixHomophones(out);
    return out;
  }

  /** Pinyin words become the Chinese word they spell; other unknown English words the nearest known one. */
  private fixLatin(input: string): string {
    // A message typed in capitals ("SALES FOR Q3 PLEASE") reads as the same words in lower case.
    const text = /[A-Z]{2}/.test(input) && !/[a-z]/.test(input) ? input.toLowerCase() : input;
    const tokens = text.split(/(\s+|[^a-zA-Z\s]+)/).filter((t) => t !== '');
    const words = tokens.filter((t) => /^[a-zA-Z]+$/.test(t)).map((t) => t.toLowerCase());
    const pinyinish = words.length > 0 && words.filter((w) => this.isPinyin(w)).length / words.length >= 0.6;
    // Syllables typed apart ("shu bao", "fu jin"): two or three in a row that spell a vocabulary word are that word.
    if (pinyinish) {
      // "3 bao", "12 kuai": the measure word after digits.
      for (let i = 1; i < tokens.length; i++) {
        const m = PINYIN_MEASURE[tokens[i].toLowerCase()];
        if (!m || !/\d\s*$/.test(tokens.slice(Math.max(0, i - 2), i).join(''))) continue;
        tokens[i] = m;
        // Written together as in Chinese ("3包", "6块5"), so the readers of counts and prices see one phrase.
        if (/^\s+$/.test(tokens[i - 1])) tokens[i - 1] = '';
        if ((m === '块' || m === '毛') && /^\s+$/.test(tokens[i + 1] ?? '') && /^\d/.test(tokens[i + 2] ?? '')) tokens[i + 1] = '';
      }
      for (let i = 0; i < tokens.length; i++) {
        for (const n of [3, 2]) {
          const span = tokens.slice(i, i + 2 * n - 1);
          if (span.length < 2 * n - 1 || !span.every((t, k) => (k % 2 ? /^ $/.test(t) : /^[a-zA-Z]+$/.test(t) && this.syllables.has(t.toLowerCase())))) continue;
          const zh = this.byPinyin.get(span.filter((_, k) => k % 2 === 0).join('').toLowerCase());
          if (zh) { tokens.splice(i, 2 * n - 1, zh); break; }
        }
      }
    }
    // A goods word typed in two ("tooth past", "tooth paste"): the two, joined, are that word or one letter from it.
    if (!pinyinish) {
      for (let i = 0; i + 2 < tokens.length; i++) {
        const [a, gap, b] = [tokens[i], tokens[i + 1], tokens[i + 2]];
        if (!/^[a-zA-Z]{3,}$/.test(a) || gap !== ' ' || !/^[a-zA-Z]{3,}$/.test(b)) continue;
        const joined = (a + b).toLowerCase();
        const pair = `${a} ${b}`.toLowerCase();
        // "power banks": both halves are goods words already, a name in two words.
        if (joined.length < 8 || this.goodsEn.has(pair) || this.goodsEn.has(pair.replace(/s$/, '')) || (this.goodsEn.has(a.toLowerCase()) && this.goodsEn.has(b.toLowerCase().replace(/s$/, '')))) continue;
        const goods = this.goodsEn.has(joined) ? joined : [...this.goodsEn].find((g) => Math.abs(g.length - joined.length) <= 1 && distance(g, joined) <= 1);
        if (goods) tokens.splice(i, 3, goods);
      }
    }
    const fixed = tokens.map((t, i) => {
      if (!/^[a-zA-Z]+$/.test(t)) return t;
      // "didn't", "we're": the word before an apostrophe is half a contraction, not a typo.
      if (/^['’]$/.test(tokens[i + 1] ?? '') && /^(?:t|s|re|ve|ll|d|m)$/i.test(tokens[i + 2] ?? '')) return t;
      const w = t.toLowerCase();
      const zh = this.byPinyin.get(w);
      if (zh && pinyinish) return zh;
      if (isEnglish(w) || this.enWords.has(w)) return t;
      if (zh && w.length >= 5) return zh;
      if (pinyinish || w.length < 4 || /[A-Z]/.test(t)) return t; // names (iPhone, Anker) are left alone
      return this.runTogether(w) ?? this.nearest(w) ?? t;
    }).join('');
    // Pinyin typed word by word becomes Chinese written as Chinese is: no spaces between characters ("不对 不对, 是 3瓶" → "不对不对，是3瓶").
    return pinyinish ? fixed.replace(/(?<=[\p{Script=Han}\d])\s*,\s*(?=[\p{Script=Han}\d])/gu, '，').replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})|(?<=\d)\s+(?=\p{Script=Han})/gu, '') : fixed;
  }

  /** Words typed without spaces ("wherecanibuyacalculator"): the fewest known words that spell it, or undefined. */
  private runTogether(w: string): string | undefined {
    if (w.length < 8) return undefined;
    const known = (piece: string) => SHORT_WORDS.has(piece) || (piece.length >= 3 && this.enWords.has(piece));
    // best[i]: the fewest words spelling w[0..i), and where the last one starts.
    const best: { n: number; from: number }[] = [{ n: 0, from: -1 }];
    for (let end = 1; end <= w.length; end++) {
      for (let start = Math.max(0, end - 20); start < end; start++) {
        if (!best[start] || !known(w.slice(start, end))) continue;
        if (!best[end] || best[start].n + 1 < best[end].n) best[end] = { n: best[start].n + 1, from: start };
      }
    }
    if (!best[w.length] || best[w.length].n < 2) return undefined;
    const words: string[] = [];
    for (let end = w.length; end > 0; end = best[end].from) words.unshift(w.slice(best[end].from, end));
    return words.join(' ');
  }

  private isPinyin(w: string): boolean {
    if (this.byPinyin.has(w)) return true;
    // One or two syllables run together ("mai", "kele", "ma").
    for (let i = 1; i < w.length; i++) if (this.syllables.has(w.slice(0, i)) && this.syllables.has(w.slice(i))) return true;
    return this.syllables.has(w);
  }

  private nearest(w: string): string | undefined {
    const limit = w.length >= 7 ? 2 : 1;
    let best: string | undefined;
    let bestD = limit + 1;
    for (const v of this.enList) {
      if (Math.abs(v.length - w.length) > limit) continue;
      const d = distance(w, v);
      if (d < bestD || (d === bestD && best && v.length > best.length)) {
        best = v;
        bestD = d;
      }
    }
    return bestD <= limit ? best : undefined;
  }

  /** 2–3 characters that jieba does not know as a word but that sound like a vocabulary word become that word. */
  private fixHomophones(text: string): string {
    const chars = [...text];
    const result: string[] = [];
    // Characters that jieba already joins into a word of the message ("快递" in "快递到哪了") are not a slip.
    const inWord = new Array<boolean>(chars.length).fill(false);
    let at = 0;
    for (const token of cut(text, false)) {
      const n = [...token].length;
      if (n > 1) for (let k = at; k < at + n; k++) inWord[k] = true;
      at += n;
    }
    const homophone = (i: number, size: number): string | undefined => {
      const window = chars.slice(i, i + size).join('');
      if (window.length !== size || ![...window].every((c) => HAN.test(c)) || this.zhWords.has(window) || this.written.has(window)) return undefined;
      const word = this.byPinyin.get(keyOf(window));
      if (!word || word.length !== size) return undefined;
      // A particle or the like is a slip only as the last of two characters, for goods or a word people ask with often,
      // whose first character was typed ("可了" for 可乐, "补或建议" for 补货).
      const slipAtEnd = size === 2 && window[0] === word[0] && (this.named.has(word) || (this.frequency.get(word) ?? 0) >= 10);
      // Three characters whose function characters are the word's own, one other slipped ("伤个月" for 上个月, "里我近" for 离我近).
      const oneSlipAround = size === 3 && [...window].filter((c, k) => c !== word[k]).length === 1 && [...window].every((c, k) => !FUNCTION_CHARS.has(c) || c === word[k]);
      if ([...window].some((c) => FUNCTION_CHARS.has(c)) && !(slipAtEnd && !FUNCTION_CHARS.has(window[0])) && !oneSlipAround) return undefined;
      // Characters jieba cannot join into a word are a slip; across a word it knows ("快递到"), only a name or goods is.
      const parts = cut(window, false);
      // A word of its own, unless it is a goods name with one character slipped ("充电包" for 充电宝).
      if (parts.length === 1) return size === 3 && this.named.has(word) && [...word].filter((c, k) => c === window[k]).length === 2 ? word : undefined;
      // A verb and its result ("打完折", "买到了", "用好") is grammar, not a slip (not 大碗, 麦道).
      if (size === 2 && RESULT_CHARS.has(chars[i + 1]) && tag(chars[i], false)[0]?.tag === 'v') return undefined;
      // Goods or a place: two characters with none of the word's own ("鬼叫" for 硅胶, "为壹" for 卫衣) are words of their
      // own more often than a slip; one kept ("可了" for 可乐) is the slip.
      if (this.named.has(word)) return size === 3 || [...word].some((c, k) => c === window[k]) ? word : undefined;
      // One character slipped at the end of a word ("营业鹅" for 营业额, "上个约" for 上个月): the rest is the word as typed.
      if (size === 3 && parts.length === 2 && parts[1].length === 1 && word.startsWith(parts[0])) return word;
      return parts.every((p) => p.length === 1) && !inWord.slice(i, i + size).some(Boolean) ? word : undefined;
    };
    for (let i = 0; i < chars.length; ) {
      const three = homophone(i, 3); // 街道扣 → 街道口 before 街道 is kept as a word
      if (three) {
        result.push(three);
        i += 3;
        continue;
      }
      // A vocabulary word stays as it is ("洗衣液" is not "洗一页").
      const known = [6, 5, 4, 3, 2].map((n) => chars.slice(i, i + n).join('')).find((w) => w.length >= 2 && this.zhWords.has(w));
      if (known) {
        result.push(known);
        i += known.length;
        continue;
      }
      // A vocabulary word starting on the next character ("当|基准") is not broken up for a slip across it (当期).
      const nextKnown = [4, 3, 2].some((n) => this.zhWords.has(chars.slice(i + 1, i + 1 + n).join('')));
      const two = nextKnown ? undefined : homophone(i, 2);
      // Goods or a place one character on ("买鸡但" → 买 + 鸡蛋, not 买记 + 但): the named word wins the overlap.
      const nextNamed = two && !this.named.has(two) ? homophone(i + 1, 2) : undefined;
      if (two && !(nextNamed && this.named.has(nextNamed))) {
        result.push(two);
        i += 2;
        continue;
      }
      result.push(chars[i]);
      i += 1;
    }
    return result.join('');
  }
}

/** The toneless pinyin of a word in its usual reading and, for a short word, with each character's other readings
 *  (花呗 is read "huabai" by the dictionary but typed "huabei"). */
function readings(word: string): string[] {
  const first = keyOf(word);
  if (word.length > 4) return [first];
  const options = [...word].map((c) => [...new Set([...(pinyin(c, { toneType: 'none', multiple: true, type: 'array' }) as string[]), pinyin(c, { toneType: 'none' })])].slice(0, 3));
  let keys = [''];
  for (const o of options) keys = keys.flatMap((k) => o.map((p) => k + p)).slice(0, 12);
  return [first, ...keys.filter((k) => k !== first)];
}

const fixers = new WeakMap<ProductIndex, SpellingFixer>();

/** One fixer per catalogue: the corpus, the catalogue's goods and the city's places are its vocabulary. */
export function spellingFixerFor(products: ProductIndex): SpellingFixer {
  let fixer = fixers.get(products);
  if (!fixer) fixers.set(products, (fixer = new SpellingFixer(corpusTexts(), [...goodsWords(products), ...PLACE_NAMES, ...KEPT_WORDS])));
  return fixer;
}

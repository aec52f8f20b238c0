// Numbers in one message, with where they are: Arabic (1,299 · 2.5k · 2.5千 · 1w · 1万2), Chinese numerals
// (二百五十六 · 一万二 · 三百五 · 两千五 · 六点五 · 壹佰) and English words (twenty-five · a dozen · half a dozen).
// The money, quantity, duration and percent readers build on these tokens.
//
// Chinese numerals are decoded by nzh (nzh.cn.decodeS; formal numerals are rewritten as everyday ones first). Around it, this file does what nzh does
// not: it does not know 两 (两千五 → 5, 两万 → 0), reads the colloquial tail as units (一万二 → 10002,
// 三百五 → 305, 一百一 → 101; spoken, they are 12000, 350, 110), drops 零 in digit-by-digit years
// (二零二五 → 225), and returns 0 instead of failing on anything it cannot read (块, abc, 12). So the
// text is checked against the grammar of a numeral first, 两/廿/卅 are rewritten, the colloquial tail gets
// its unit, digit-by-digit strings are read here, and only then does nzh decode.
// English number words are a small table here: the npm packages for them either return strings for
// partial matches ("1 dozen"; words-to-numbers, which also pulls babel-runtime 6 and core-js 2) or are a
// whole NLP library (compromise) for thirty words.
import nzh from 'nzh/cn';

export type NumberToken = {
  value: number;
  /** Where the token is in the text (the same offsets in the original and the width-normalised text). */
  start: number;
  end: number;
  text: string;
  kind: 'arabic' | 'zh' | 'en';
  /** 三四 (3 or 4), 两三千, 七八百: a spoken "about". */
  approximate?: boolean;
  /** The top of such a spoken range (二三十 → 30): what "二三十块以内" caps at. */
  high?: number;
  /** The unit that scales a short number (k, 千, w, 万, 百 after Arabic digits; 三千, 五万): lets "2到3千" read as 2000–3000. */
  scale?: number;
};

/** Full-width ASCII (０-９, ％, ＄, Ａ-ｚ) and the ideographic space to their ASCII forms, one character
 *  for one, so that offsets into the result are offsets into the input. The full-width comma stays: in
 *  "2，100块" it separates two things, it is not a thousands separator. */
export function normaliseWidth(text: string, keepCjkPunctuation = false): string {
  // With keepCjkPunctuation only digits, letters and the signs of numbers (．％＄＃＋－／＠) change: ！？：；（）stay
  // as the whole message's punctuation (the dialect reader), the rest is for reading numbers.
  const wide = keepCjkPunctuation ? /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF0E\uFF05\uFF04\uFF03\uFF0B\uFF0D\uFF0F\uFF20\u3000]/g : /[\uff01-\uff0b\uff0d-\uff5e\u3000]/g;
  return text.replace(wide, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
export const ZH_DIGIT_CHARS = '零〇一二两三四五六七八九';
const ZH_NUMERAL_CHARS = `${ZH_DIGIT_CHARS}十百千万亿廿卅壹贰叁肆伍陆柒捌玖拾佰仟`;
/** The next lower unit, for the spoken tail: 一万二 is 一万二千, 三百五 is 三百五十. */
const TAIL_UNIT: Record<string, string> = { 百: '十', 千: '百', 万: '千', 亿: '千万' };

// A section below 万 (一千零一, 三百五十, 十五, 九), then the 万 and 亿 sections; a section before 万/亿 is not empty
// and none starts with a bare 百 or 千 (百事可乐, 千万别买 are not numbers).
const D = '[一二三四五六七八九]';
const NZ = '(?=[一二三四五六七八九十])';
const SECTION = `(?:${D}千)?(?:零?${D}百)?(?:零?${D}?十)?(?:零?${D})?`;
const ZH_GRAMMAR = new RegExp(`^(?:${NZ}${SECTION}亿)?(?:零?${NZ}${SECTION}万)?(?:零?${SECTION})?(?:点[零一二三四五六七八九]+)?$`);
const CAPITALS_G = /[壹贰叁肆伍陆柒捌玖拾佰仟]/g;
const EVERYDAY: Record<string, string> = { 壹: '一', 贰: '二', 叁: '三', 肆: '四', 伍: '五', 陆: '六', 柒: '七', 捌: '八', 玖: '九', 拾: '十', 佰: '百', 仟: '千' };

export type Reading = { value: number; approximate?: boolean; high?: number };

/** One Chinese numeral, the whole string: 二百五十六 → 256, 一万二 → 12000, 两千五 → 2500, 六点五 → 6.5,
 *  二零二五 → 2025, 三四 → ≈3.5, 七八百 → ≈750, 壹佰 → 100; undefined when it is not one numeral. */
export function readZhNumber(input: string): Reading | undefined {
  if (!input) return undefined;
  // Formal numerals (壹佰, 捌佰玖拾, 拾万; half-converted ones like 八百玖拾 too) are the everyday ones written out:
  // read by the same grammar.
  let s = input.replace(CAPITALS_G, (c) => EVERYDAY[c]).replace(/两/g, '二').replace(/廿/g, '二十').replace(/卅/g, '三十').replace(/〇/g, '零');
  if (!new RegExp(`^[${ZH_DIGIT_CHARS}十百千万亿点]+$`).test(s)) return undefined;
  // Digit by digit (no unit): 二零二五, 一二三. Two rising digits are a spoken range: 三四 (3 or 4), 两三.
  if (/^[零一二三四五六七八九]+$/.test(s)) {
    const digits = [...s].map((c) => ZH_DIGITS[c]);
    if (digits.length === 1) return { value: digits[0] };
    if (digits.length === 2) return digits[1] === digits[0] + 1 ? { value: (digits[0] + digits[1]) / 2, approximate: true, high: digits[1] } : undefined;
    return { value: Number(digits.join('')) };
  }
  // 三四十, 七八百, 两三千: two rising digits and one unit.
  const pair = new RegExp(`^(${D})(${D})([十百千万])$`).exec(s);
  if (pair) {
    const [a, b] = [ZH_DIGITS[pair[1]], ZH_DIGITS[pair[2]]];
    if (b !== a + 1) return undefined;
    const unit = ({ 十: 10, 百: 100, 千: 1000, 万: 10000 } as Record<string, number>)[pair[3]];
    return { value: ((a + b) / 2) * unit, approximate: true, high: b * unit };
  }
  // The spoken tail: a last digit straight after 百/千/万/亿 (not after 零) takes the next lower unit.
  const tail = /([百千万亿])([一二三四五六七八九])$/.exec(s);
  if (tail && !s.includes('点')) s += TAIL_UNIT[tail[1]];
  if (!ZH_GRAMMAR.test(s) || /^(?:零[^点]|点)/.test(s)) return undefined;
  const value = Number(nzh.decodeS(s));
  return Number.isFinite(value) && (value > 0 || /^零(?:点零+)?$/.test(s)) ? { value } : undefined;
}

export function parseZhNumber(input: string): number | undefined {
  return readZhNumber(input)?.value;
}

// --- English number words.
const EN_ONES: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const EN_VOCAB = new Set([...Object.keys(EN_ONES), ...Object.keys(EN_TENS), 'hundred', 'thousand', 'grand', 'k', 'lakh', 'lakhs', 'crore', 'crores', 'dozen', 'dozens', 'couple', 'a', 'an', 'half', 'and', 'of']);
const EN_FILLER = new Set(['a', 'an', 'half', 'and', 'of']);

/** English number words, the whole string: "twenty-five" → 25, "a hundred and five" → 105, "a dozen" → 12,
 *  "half a dozen" → 6, "two dozen" → 24, "a couple (of)" → 2. */
export function parseEnNumber(input: string): number | undefined {
  const words = input.toLowerCase().trim().split(/[\s-]+/).filter(Boolean);
  if (words.at(-1) === 'of') words.pop();
  let half = false;
  if (words[0] === 'half') { half = true; words.shift(); }
  let total = 0;
  let current = 0;
  let seen = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    if (w === 'a' || w === 'an') {
      if (!next || !/^(hundred|thousand|grand|dozen|couple)$/.test(next) || seen) return undefined;
      current = 1;
      seen = true;
    } else if (w in EN_ONES) {
      if (current % 100 !== 0 && !(current % 10 === 0 && current % 100 >= 20 && EN_ONES[w] < 10)) return undefined; // "five six", "twenty twelve"
      current += EN_ONES[w];
      seen = true;
    } else if (w in EN_TENS) {
      if (current % 100 !== 0) return undefined;
      current += EN_TENS[w];
      seen = true;
    } else if (w === 'hundred') {
      if (current % 100 === 0 && current !== 0) return undefined;
      current = (current || 1) * 100;
      seen = true;
    } else if (w === 'and' && next === 'a' && words[i + 2] === 'half' && /^(?:hundred|thousand|grand|k|lakhs?|crores?|dozens?)$/.test(words[i + 3] ?? '') && current > 0) {
      // "one and a half lakh", "two and a half thousand": the half goes with the scale after it.
      current += 0.5;
      i += 2;
    } else if (w === 'k') {
      // "eighty K": thousands, only after a number ("k" alone is "ok").
      if (!current) return undefined;
      total += current * 1000;
      current = 0;
    } else if (w === 'thousand' || w === 'grand') { // "half a grand", "two grand": thousands of yuan in chat
      if (w === 'grand' && !current) return undefined; // "that's grand" (fine) is no number
      total += (current || 1) * 1000;
      current = 0;
      seen = true;
    } else if (w === 'lakh' || w === 'lakhs' || w === 'crore' || w === 'crores') {
      // Indian English: a lakh is 100,000, a crore 10,000,000.
      total += (current || 1) * (w.startsWith('lakh') ? 100_000 : 10_000_000);
      current = 0;
      seen = true;
    } else if (w === 'dozen' || w === 'dozens') {
      current = (current || 1) * 12;
      seen = true;
    } else if (w === 'couple') {
      if (current !== 1 && current !== 0) return undefined;
      current = 2;
      seen = true;
    } else if (w === 'and') {
      if (!(current % 100 === 0 && current > 0) && total === 0) return undefined;
    } else return undefined;
  }
  if (!seen) return undefined;
  const value = total + current;
  return half ? value / 2 : value;
}

// --- Arabic digits, with the multipliers and colloquial tails of chat: 2.5k, 2.5千, 1w, 1.5万, 3百, 1万2, 2k5.
const ARABIC = new RegExp(
  '(?<![\\d.]|\\d,)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?' +
  // k/K (not kg, km, kuai: no letter after), lower-case w (65W is watts), 千 (not 千克/千米/千瓦/千卡), 万, 百 (not 百分).
  // Or a scale word after a space: "2 thousand", "1.5 million", "2 lakh" (Indian English: 100,000).
  `(?:([kK](?![a-zA-Z])|w(?![a-zA-Z])|千(?![克米瓦卡])|万|百(?!分)|\\s+(?:hundred|thousand|grand|million|lakhs?|crores?)\\b)([1-9]|[${ZH_DIGIT_CHARS.slice(2)}])?(?!\\d|\\.\\d))?`, // "50k." ends a sentence
  'g',
);
const MULTIPLIER: Record<string, number> = { k: 1000, K: 1000, 千: 1000, w: 10000, 万: 10000, 百: 100, hundred: 100, thousand: 1000, grand: 1000, million: 1_000_000, lakh: 100_000, lakhs: 100_000, crore: 10_000_000, crores: 10_000_000 };

/** One number, the whole string, any of the three kinds: "2.5k" → 2500, "1w" → 10000, "一万二" → 12000, "twenty" → 20. */
export function parseNumber(input: string): number | undefined {
  const s = normaliseWidth(input).trim();
  const tokens = findNumbers(s);
  return tokens.length === 1 && tokens[0].start === 0 && tokens[0].end === s.length ? tokens[0].value : undefined;
}

/** Every number in the text, left to right, not overlapping. */
export function findNumbers(input: string): NumberToken[] {
  const text = normaliseWidth(input);
  const tokens: NumberToken[] = [];
  const taken = new Array<boolean>(text.length).fill(false);
  const take = (t: NumberToken) => {
    tokens.push(t);
    for (let i = t.start; i < t.end; i++) taken[i] = true;
  };

  for (const m of text.matchAll(ARABIC)) {
    const base = Number(m[1].replace(/,/g, '') + (m[2] ?? ''));
    let value = base;
    let scale: number | undefined;
    if (m[3]) {
      scale = MULTIPLIER[m[3].trim().toLowerCase()] ?? MULTIPLIER[m[3]];
      value = base * scale;
      if (m[4]) {
        if (m[2]) { // 1.5万2 is not a number: keep 1.5万
          const end = m.index + m[0].length - m[4].length;
          take({ value: round(value), start: m.index, end, text: text.slice(m.index, end), kind: 'arabic', scale });
          continue;
        }
        const tailDigit = /\d/.test(m[4]) ? Number(m[4]) : ZH_DIGITS[m[4]];
        value += tailDigit * (scale / 10);
      }
    }
    take({ value: round(value), start: m.index, end: m.index + m[0].length, text: m[0], kind: 'arabic', scale });
  }

  // Chinese numerals: the longest run that is one numeral; a run that is not is shortened from the right.
  const run = new RegExp(`[${ZH_NUMERAL_CHARS}](?:[${ZH_NUMERAL_CHARS}]|点(?=[${ZH_DIGIT_CHARS}壹贰叁肆伍陆柒捌玖]))*`, 'g');
  for (const m of text.matchAll(run)) {
    let from = m.index;
    const to = m.index + m[0].length;
    while (from < to) {
      if (taken[from]) { from++; continue; }
      let end = to;
      while (end > from && (taken.slice(from, end).some(Boolean) || !readZhNumber(text.slice(from, end)))) end--;
      if (end === from) { from++; continue; }
      const piece = text.slice(from, end);
      const r = readZhNumber(piece)!;
      const unitOnly = /^([一二三四五六七八九两]|[一二三四五六七八九两][一二三四五六七八九])([十百千万])$/.exec(piece);
      take({ value: r.value, start: from, end, text: piece, kind: 'zh', approximate: r.approximate, high: r.high, scale: unitOnly ? ({ 十: 10, 百: 100, 千: 1000, 万: 10000 } as Record<string, number>)[unitOnly[2]] : undefined });
      from = end;
    }
  }

  // 二十多万, 三百来万, 十余万: a round number, "and some", of a unit said after it (≈ 200000, up to 300000).
  for (const t of [...tokens]) {
    const m = /^(?:多|来|余)(万|千|百|亿)/.exec(text.slice(t.end));
    if (!m || !Number.isInteger(t.value) || t.value < 10 || t.value % 10 !== 0 || taken[t.end + m[0].length - 1]) continue;
    const unit = ({ 百: 100, 千: 1000, 万: 10000, 亿: 100000000 } as Record<string, number>)[m[1]];
    const step = 10 ** Math.floor(Math.log10(t.value));
    tokens.splice(tokens.indexOf(t), 1);
    take({ value: t.value * unit, start: t.start, end: t.end + m[0].length, text: text.slice(t.start, t.end + m[0].length), kind: t.kind, approximate: true, high: (t.value + step) * unit, scale: unit });
  }

  // English: groups of number words next to each other ("twenty-five", "half a dozen", "a couple of").
  const words = [...text.matchAll(/[a-z]+/gi)].map((m) => ({ w: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  for (let i = 0; i < words.length; i++) {
    if (!EN_VOCAB.has(words[i].w)) continue;
    let j = i;
    while (j + 1 < words.length && EN_VOCAB.has(words[j + 1].w) && /^[\s-]+$/.test(text.slice(words[j].end, words[j + 1].start))) j++;
    let group = words.slice(i, j + 1);
    i = j;
    // Filler at the edges is not part of the number, except "half a dozen", "a dozen", "a couple of".
    while (group.length && (group[0].w === 'and' || group[0].w === 'of' || (group[0].w === 'half' && !(group[1] && /^an?$/.test(group[1].w) && /^(?:dozen|grand|hundred|thousand)$/.test(group[2]?.w ?? '')))
      || (/^an?$/.test(group[0].w) && !/^(hundred|thousand|grand|dozen|couple)$/.test(group[1]?.w ?? '')))) group = group.slice(1);
    while (group.length && EN_FILLER.has(group.at(-1)!.w) && !(group.at(-1)!.w === 'of' && /^(couple|dozens?)$/.test(group.at(-2)?.w ?? ''))) group = group.slice(0, -1);
    if (!group.length || group.every((g) => EN_FILLER.has(g.w))) continue;
    // "twenty and thirty" is two numbers: a group that does not read as one is read part by part between its "and"s.
    const whole = parseEnNumber(text.slice(group[0].start, group.at(-1)!.end));
    // "twelve ninety" is two numbers next to each other (the money reader makes it 12.90): the longest runs that read.
    const parts = whole !== undefined ? [group] : split(group, (g) => g.w === 'and').flatMap((part) => longestReadable(part, text));
    for (const part of parts) {
      if (!part.length || part.every((g) => EN_FILLER.has(g.w))) continue;
      const start = part[0].start;
      const end = part.at(-1)!.end;
      const value = parseEnNumber(text.slice(start, end));
      if (value === undefined || taken.slice(start, end).some(Boolean)) continue;
      take({ value, start, end, text: text.slice(start, end), kind: 'en' });
    }
  }
  return tokens.sort((a, b) => a.start - b.start);
}

function longestReadable<T extends { start: number; end: number }>(part: T[], text: string): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < part.length;) {
    let j = part.length;
    while (j > i + 1 && parseEnNumber(text.slice(part[i].start, part[j - 1].end)) === undefined) j--;
    out.push(part.slice(i, j));
    i = j;
  }
  return out;
}

function split<T>(xs: T[], at: (x: T) => boolean): T[][] {
  const out: T[][] = [[]];
  for (const x of xs) if (at(x)) out.push([]); else out.at(-1)!.push(x);
  return out;
}

export const round = (x: number, places = 6) => Math.round(x * 10 ** places) / 10 ** places;

// Money in one message: an amount with its currency, whether it was said as "about", and a cap (以内, 不超过,
// under 30), a floor (以上, at least) or a range (20到30块, between 20 and 30). Reads 六块五 (6.5), 三块五毛
// (3.5), 十五块八 (15.8), 一万二 (12000), 2.5k, 1w, 三百来块 / 二十多块 (≈), ¥8.5, RMB 12, 30 kuai, 25 bucks,
// USD 5 (kept as USD: the tools are in yuan and the planner says so).
// It does not read sizes or counts (2kg, 500ml, 10000mAh, 3卷, 64GB, 42码), phone numbers, years, dates,
// times, shop numbers (3号店), ratings (评分4.5以上), or a 块 that counts things (两块肥皂).
// A number without a currency is money only in a price context: a cap or floor word (30以内, under 30),
// a price word after it (45贵吗, is 45 fair), or before it (for 39, 花了45, what about 39); such a number
// is taken as yuan, the currency of every tool here.
import { findNumbers, normaliseWidth, parseEnNumber, round, ZH_DIGIT_CHARS, type NumberToken } from './numbers.ts';

export type Currency = 'CNY' | 'USD' | 'other';
export type Money = {
  /** The figure: the price itself; for a cap or a range the highest price, for a floor the lowest. */
  amount: number;
  currency: Currency;
  /** Everything that was read (the number, its currency and the cap/about words), as written: remove it from the text to get the rest. */
  text: string;
  /** Where `text` starts in the message. */
  index: number;
  /** 三百来块, 二十多块, 30块左右, about 30. */
  approximate?: boolean;
  /** A cap (以内, 不超过, under, at most) or the top of a range. */
  max?: number;
  /** A floor (以上, 至少, over, at least) or the bottom of a range. */
  min?: number;
  /** The top of a spoken range with no cap word (二三十块 → 30): what a budget said that way allows. */
  high?: number;
};

const MAX_AMOUNT = 100_000_000;

// Currency words after the number: [pattern, currency, zh-style (may take a 毛/角 tail)].
const SUFFIX_CURRENCY: [RegExp, Currency][] = [
  [/^\s*(?:块钱|元钱|元|圆|块|人民币|rmb(?![a-z])|cny(?![a-z])|yuan(?![a-z])|kuai(?![a-z])|bucks?(?![a-z])|rmb)/i, 'CNY'],
  [/^\s*(?:美元|美金|刀(?![具片叉])|usd(?![a-z])|us\s*dollars?(?![a-z])|dollars?(?![a-z])|\$)/i, 'USD'],
  [/^\s*(?:欧元|英镑|日元|円|港币|港元|韩元|€|£|eur(?:os?)?(?![a-z])|gbp(?![a-z])|jpy(?![a-z])|yen(?![a-z])|hkd(?![a-z])|krw(?![a-z]))/i, 'other'],
];
// Currency signs and codes before the number (longest first: HK$ and US$ before $).
const PREFIX_CURRENCY: [RegExp, Currency][] = [
  [/(?:hk\$|hkd|€|eur|£|gbp|jpy|円)\s*$/i, 'other'],
  [/(?:us\$|usd|\$|美元)\s*$/i, 'USD'],
  [/(?:¥|￥|rmb|cny|人民币)\s*$/i, 'CNY'],
];

// 块 counts things too (两块肥皂, 一块蛋糕), nearly always after a small Chinese numeral: there, what may follow
// the money-块. After digits or a numeral of 10 and more (50块现在30块, 十五块蛋糕 is rare) it is money.
const AFTER_KUAI = /^(?:$|[\s\p{P}\p{S}a-z0-9]|[零〇一二两三四五六七八九钱以之内左上下多来出起的一每个贵吗呢吧啊呀哦嘛不到至还了也就太算买能可够行值合划是和或跟与啦哈么这那我你他她在给都呗咯哇整半现但而所因如比对去])/iu;
// Counting and measuring words: a number followed by one of these is a size, a count or a date, not money.
const NOT_MONEY_UNIT = new RegExp('^\\s*(?:' + [
  '千克', '公斤', '克', '斤', '两(?![块元])', '毫升', '升', '公里', '千米', '厘米', '毫米', '米', '英寸', '寸', '码', '号', '卷', '包', '片', '瓶', '个', '颗', '杯', '支', '本',
  '双', '件', '盒', '袋', '箱', '罐', '听', '提', '条', '张', '只', '台', '部', '套', '份', '根', '粒', '枚', '板', '排', '组', '打(?!住)', '桶', '筒', '次', '天', '日', '周', '星期',
  '礼拜', '个?月', '年', '岁', '小时', '分钟', '分', '秒', '点', '楼', '层', '室', '栋', '路', '%', '折', '倍', '人', '位', '家', '间', '度', '℃', '星', '成', '期', '款', '种', '样', '名',
  '毫安时?', '安时', '伏', '瓦', '寸屏', '兆', '像素', 'kg(?![a-z])', 'mg(?![a-z])', 'g(?![a-z])', 'ml(?![a-z])', 'l(?![a-z])', 'mah(?![a-z])', 'wh(?![a-z])', 'w(?![a-z])', 'kw(?![a-z])', 'v(?![a-z])', 'gb(?![a-z])', 'tb(?![a-z])',
  'mb(?![a-z])', 'cm(?![a-z])', 'mm(?![a-z])', 'km(?![a-z])', 'm(?![a-z])', 'inch(?:es)?(?![a-z])', 'oz(?![a-z])', 'lbs?(?![a-z])', 'pounds?(?![a-z])', 'p(?![a-z])',
  'pcs(?![a-z])', 'pieces?(?![a-z])', 'packs?(?![a-z])', 'bottles?(?![a-z])', 'cans?(?![a-z])', 'box(?:es)?(?![a-z])', 'bags?(?![a-z])', 'rolls?(?![a-z])', 'items?(?![a-z])',
  'units?(?![a-z])', 'days?(?![a-z])', 'weeks?(?![a-z])', 'months?(?![a-z])', 'years?(?![a-z])', 'hours?(?![a-z])', 'hrs?(?![a-z])', 'minutes?(?![a-z])', 'mins?(?![a-z])',
  'seconds?(?![a-z])', 'miles?(?![a-z])', 'percent(?![a-z])', 'per\\s?cent(?![a-z])', 'people(?![a-z])', 'persons?(?![a-z])', 'stars?(?![a-z])', 'am(?![a-z])', 'pm(?![a-z])',
  'st(?![a-z])', 'nd(?![a-z])', 'rd(?![a-z])', 'th(?![a-z])', 'x(?![a-z])', '×', 'k(?![a-z])',
].join('|') + ')', 'i');
// Numbers that a word before them makes something other than a price.
const NOT_MONEY_BEFORE = /(?:第|评分|评价|打分|星级|销量|销售量|库存|订单|距离|编号|电话|手机|尾号|rating|rated|stars?|score|sales|orders|stock|top|no\.?|#|number|shop|store|店|phone)\s*(?:是|为|在|of|is|:)?\s*$|(?<![a-z])[x×*]\s*$/i;

// Caps and floors said before the number; one regex so that the longest wins (不超过 over 超过, 不低于 over 低于).
const BOUND_BEFORE = new RegExp(
  '(?:(?<max>nothing (?:over|above|more than)|(?:not|never|won\'t|will not|wouldn\'t|don\'t want to|refuse to|am not|i\'m not)\\s+(?:paying|spending|going to (?:pay|spend)|willing to (?:pay|spend)|pay|spend)\\s+(?:more than|over|above|beyond)|not (?:over|above)|(?:别|不要|不能|不想|不可以|不许|勿)(?:超过|超出|高于|多于|大于|过)|不超过|不超出|不高于|不到|不足|最多|顶多|最高|最贵|低于|少于|小于|预算(?:是|为|在|有)?|控制在|under|below|less than|no more than|not more than|at most|cheaper than|no higher than|lower than|budget(?: of| is)?)'
  + '|(?<maxc>within|up to|max(?:imum)?(?: of)?)'
  + '|(?<min>至少|最少|起码|不低于|不少于|高于|超过|大于|多于|over|above|more than|at least|no less than|upwards of)'
  + '|(?<minc>minimum(?: of)?|min\\.?|starting (?:at|from))'
  + ')\\s*$', 'i');
const BOUND_AFTER = /^\s*(?:(?<max>以内|之内|以里|以下|封顶|顶天|为限|打住|有找|不到(?![吗呢啊嘛?？])|or less|or under|or below|(?:(?:块|元)?(?:钱)?(?:也行|也可以|也成|也ok|也能接受)?[，,\s]*再贵(?:的|一点|点)?(?:就|的话)?(?:算了|不要了?|不买了?|免谈|不行|不考虑)))|(?<maxc>内|max(?![a-z])|tops(?![a-z])|at most)|(?<min>以上|or more|or above|and up(?![a-z])|\+)|(?<minc>起(?!来)|plus(?![a-z])|and above))/i;
// What may follow the tail of "6 kuai 5", "nineteen yuan ninety": the end of the price, not a count ("20 kuai ten of them").
const SPOKEN_TAIL_END = /^(?:\s*$|\s*[,，.。!！?？;；)）]|\s+(?:each|per|apiece|a piece|for|and|please|pls|plz|yesterday|today|at|in|from|mei|yi)(?![a-z]))/i;
const ABOUT_BEFORE = /(?:约|大约|大概|差不多|大致|估计|约莫|about|around|roughly|approximately|approx\.?|~|～|circa)\s*$/i;
const ABOUT_AFTER = /^\s*(?:左右|上下|出头|多(?![少久])|or so(?![a-z])|ish(?![a-z]))/i;
// The suffix 多/来/余 of a spoken round number sits before the currency: 三百来块, 二十多块, 100余元.
const ROUND_SUFFIX = /^(?:来(?=块|元|钱)|多(?=块|元|钱|\s*(?:yuan|kuai|bucks?|rmb|dollars?))|余(?=元|块))/i;

// Price words that make a bare number a price: after it (45贵吗, is 45 fair) or before it (for 39, 花了45).
const PRICE_AFTER = /^\s*[，,]?\s*(?:贵|算贵|算便宜|in total|total(?![a-z])|一共|合理|划算|值不值|值吗|值得|便宜吗|is (?:a )?(?:fair|good|ok|okay|reasonable|expensive|too much|a rip[- ]?off)|fair|expensive|too much|worth|a good (?:price|deal)|reasonable|overpriced)/i;
const PRICE_BEFORE = /(?:\bfor|\bat|\babout|\baround|\bcosts?|\bpaid|\bpay|\bcharged?|\bcharges|\bprice(?:d at| is| of)?|\btotal(?: of)?|花了?|卖|标价|售价|定价|价格是?|要价|才|只要|要|收了?|付了?|一共|总共|每[袋包瓶罐盒个杯支件只斤]|一[袋包瓶罐盒杯支件只斤])\s*[:：]?\s*$/i;

type Found = { money: Money; end: number };

/**
 * In a message already known to be about a price or a purchase ("三只松鼠每日坚果 29.9", "鸡蛋20枚 25.9"), the last
 * plain number that is no size, count, date, time, rating or code is the price, in yuan. Only the planner's price
 * and purchase turns ask for this: elsewhere a bare number is not money.
 */
/** Words before a usual or earlier price: 平时也就, 原价, 以前, usually, it used to be. */
const USUAL_PRICE_BEFORE = /(?:平时|平常|一般|往常|以前|之前|原价|原来|本来|通常)[^，,。\d]{0,6}$|\b(?:usually|normally|used to (?:be|cost)|regular price(?: is| of)?|was)\s+(?:about |around |like )?$/i;

/** Whether the amount at `index` is said as the usual or an earlier price ("平时也就三百左右", "it used to be 30"). */
export function isUsualPrice(text: string, index: number): boolean {
  return usualPriceStart(text, index) !== undefined;
}

/** Where the words that make the amount at `index` a usual or earlier price begin ("原价一瓶25块9" → at 原价). */
export function usualPriceStart(text: string, index: number): number | undefined {
  const from = Math.max(0, index - 12);
  const m = USUAL_PRICE_BEFORE.exec(normaliseWidth(text).slice(from, index));
  return m ? from + m.index : undefined;
}

export function findBarePrice(input: string): Money | undefined {
  const text = normaliseWidth(input);
  const tokens = spokenCents(text, findNumbers(text)).filter((t) => t.kind === 'arabic' || t.value >= 10);
  let reference: Money | undefined;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (/^1[3-9]\d{9}$/.test(t.text) || /^\d{7,}$/.test(t.text)) continue;
    if (NOT_MONEY_UNIT.test(text.slice(t.end)) || NOT_MONEY_BEFORE.test(text.slice(0, t.start))) continue;
    if (/[\d][-/.:]$/.test(text.slice(0, t.start)) || /^[-/:.]\d/.test(text.slice(t.end)) || /^\s*[月日号]/.test(text.slice(t.end))) continue;
    if (!(t.value >= 0.1 && t.value <= MAX_AMOUNT)) continue;
    const found: Money = { amount: round(t.value, 2), currency: 'CNY', text: input.slice(t.start, t.end), index: t.start };
    // "活动价三百四，我记得平时也就三百左右": the usual price is what the asked one is compared with, not the one asked about.
    if (USUAL_PRICE_BEFORE.test(text.slice(Math.max(0, t.start - 12), t.start))) {
      reference ??= found;
      continue;
    }
    return found;
  }
  return reference;
}

/** The first amount of money in the text, if any. */
export function findMoney(text: string): Money | undefined {
  return findAllMoney(text)[0];
}

/** Every amount of money in the text, left to right. */
export function findAllMoney(input: string): Money[] {
  const text = normaliseWidth(input);
  const tokens = spokenCents(text, findNumbers(text));
  const found: Money[] = [];
  let after = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].start < after) continue;
    const r = readRange(input, text, tokens, i) ?? readOne(input, text, tokens[i]);
    if (!r) continue;
    found.push(r.money);
    after = r.end;
  }
  return found;
}

/** "twelve ninety", "five fifty", "2 fifty": a price said the way it is read out, yuan then two-digit cents, after a word of
 *  paying or pricing ("paid", "for", "at", "costs", "was"); one token worth 12.90. Elsewhere two number words stay two. */
function spokenCents(text: string, tokens: NumberToken[]): NumberToken[] {
  const out: NumberToken[] = [];
  // "under a fiver", "paid a tenner": five and ten as money slang.
  for (const m of text.matchAll(/\b(?:an?\s+)?(fiver|tenner)s?\b/gi)) {
    if (!tokens.some((t) => t.start < m.index + m[0].length && m.index < t.end)) out.push({ value: /fiver/i.test(m[1]) ? 5 : 10, start: m.index, end: m.index + m[0].length, text: m[0], kind: 'arabic' });
  }
  for (let i = 0; i < tokens.length; i++) {
    const [a, b] = [tokens[i], tokens[i + 1]];
    if (b && (a.kind === 'en' || a.kind === 'arabic') && b.kind === 'en' && Number.isInteger(a.value) && a.value >= 1 && a.value < 1000 && Number.isInteger(b.value) && b.value >= 10 && b.value <= 99
      && /^(?:\s+|-)$/.test(text.slice(a.end, b.start)) && (/\b(?:paid|pay|for|at|costs?|was|is|charged?|price[ds]?|(?:down|drop(?:s|ped)?|reduced?|cut|bargained|haggled?)(?: it)?(?: down)? to|offer(?:ed)?)\s+$/i.test(text.slice(0, a.start))
        // "a Luckin americano this morning, twelve fifty", "135g, fourteen-ninety each": said last, after a comma, as a price is.
        || (a.kind === 'en' && /[,，:：]\s*$/.test(text.slice(0, a.start)) && /^\s*(?:each|apiece|a piece|per (?:bag|pack|box|bottle|item|one)|an? (?:bottle|pack|box|can|bag|piece|one|cup|jar|tin))?(?:[\s.!。！,]|$)/i.test(text.slice(b.end))))) {
      out.push({ value: a.value + b.value / 100, start: a.start, end: b.end, text: text.slice(a.start, b.end), kind: 'arabic' });
      i++;
    } else out.push(a);
  }
  return out.sort((x, y) => x.start - y.start);
}

type Single = {
  value: number; currency?: Currency; start: number; end: number; approximate: boolean; zhStyle: boolean; high?: number;
  bound?: 'max' | 'min'; boundBare?: boolean; priceContext?: boolean; prefixCurrency?: boolean;
};

/** One number and what is around it; undefined when it cannot be money at all. */
function around(text: string, t: NumberToken, opts: { range?: 'first' | 'second' } = {}): Single | undefined {
  if (/^1[3-9]\d{9}$/.test(t.text) || /^\d{9,}$/.test(t.text)) return undefined; // a phone number, an id
  let value = t.value;
  let end = t.end;
  let start = t.start;
  let approximate = Boolean(t.approximate);
  let currency: Currency | undefined;
  let zhStyle = false;

  // 十几块 (≈15), 二十几块 (≈25).
  if (t.kind !== 'en' && text[end] === '几' && value % 10 === 0 && value >= 10 && value <= 90) { value += 5; end++; approximate = true; }
  const round_ = ROUND_SUFFIX.exec(text.slice(end));
  if (round_) { approximate = true; end += round_[0].length; }

  // The currency after the number, and the spoken tail after 块/元: 六块五, 三块五毛, 十五块八, 两块半, 三块零五.
  const rest = text.slice(end);
  for (const [re, c] of SUFFIX_CURRENCY) {
    const m = re.exec(rest);
    if (!m) continue;
    const word = m[0].trim();
    if (word === '块' && t.kind === 'zh' && value < 10 && !AFTER_KUAI.test(rest.slice(m[0].length))) return undefined; // 两块肥皂
    if (/^(?:块|元|圆)$/.test(word) && t.kind === 'en') break; // "five块" is not a thing anyone writes
    currency = c;
    end += m[0].length;
    zhStyle = /^(?:块|元|圆)$/.test(word);
    break;
  }
  // 五毛, 五毛钱, 三角钱: tenths of a yuan on their own.
  if (!currency && t.kind !== 'en' && Number.isInteger(value) && value < 10) {
    const m = /^(?:毛钱?|角钱)/.exec(rest);
    if (m && (m[0] !== '毛' || /^(?:$|[\s\p{P}一二三四五六七八九\d贵吗呢吧啊一每钱])/u.test(rest.slice(1)))) {
      currency = 'CNY';
      value = value / 10;
      end += m[0].length;
      const fen = new RegExp(`^([${ZH_DIGIT_CHARS}]|\\d)(?![\\d${ZH_DIGIT_CHARS}])(?:分)?`).exec(text.slice(end));
      if (fen && fen[1] !== '零' && (fen[0].endsWith('分') || !NOT_MONEY_UNIT.test(text.slice(end + fen[0].length)))) { value += digit(fen[1]) / 100; end += fen[0].length; }
    }
  }
  if (zhStyle && Number.isInteger(value)) {
    // One digit, not the start of a longer number, unless that number counts something: 两块五一瓶, 三块五两瓶.
    // Formal numerals as on a receipt: 拾捌元玖角 (18.9).
    const d = `([${ZH_DIGIT_CHARS}壹贰叁肆伍陆柒捌玖]|\\d)(?![\\d.十百千万拾佰仟块元]|[${ZH_DIGIT_CHARS}]+(?!\\s*(?:个|瓶|包|袋|盒|支|罐|听|提|箱|斤|件|条|块|杯|只|本|张|份|套)))`;
    const rest2 = text.slice(end);
    const tenthsAfterZero = new RegExp(`^零${d}(?:毛|角)`).exec(rest2); // 四十块零五毛 (40.5)
    const fen = tenthsAfterZero ? null : new RegExp(`^零${d}分?`).exec(rest2); // 三块零五 (3.05)
    const tenths = new RegExp(`^${d}(?:(毛|角)(?:${d}分?)?)?`).exec(rest2); // 六块五, 三块五毛, 三块五毛二
    const cents = /^(\d{2})(?![\d.])/.exec(rest2); // 38块85 (38.85), as a receipt's total is read out
    if (cents && !NOT_MONEY_UNIT.test(rest2.slice(2))) { value += Number(cents[1]) / 100; end += 2; }
    else if (rest2.startsWith('半')) { value += 0.5; end += 1; } // 两块半
    else if (tenthsAfterZero) { value += digit(tenthsAfterZero[1]) / 10; end += tenthsAfterZero[0].length; }
    else if (fen && (fen[0].endsWith('分') || !NOT_MONEY_UNIT.test(rest2.slice(fen[0].length)))) { value += digit(fen[1]) / 100; end += fen[0].length; }
    else if (tenths && (tenths[2] || !NOT_MONEY_UNIT.test(rest2.slice(tenths[0].length)))) { // not 15块3瓶 (¥15, 3 bottles)
      value += digit(tenths[1]) / 10 + (tenths[3] ? digit(tenths[3]) / 100 : 0);
      end += tenths[0].length;
    }
  }

  // The same tail after the Latin words: "6 kuai 5" (6.5), "nineteen yuan ninety" (19.90), not "12 yuan 2 bottles".
  if (currency === 'CNY' && !zhStyle && Number.isInteger(value) && /(?:yuan|kuai)\s*$/i.test(text.slice(t.end, end))) {
    const m = /^\s+(\d{1,2}|[a-z]+(?:-[a-z]+)?)(?![\da-z-]|\.\d)/i.exec(text.slice(end));
    const tail = m ? (/^\d/.test(m[1]) ? Number(m[1]) : parseEnNumber(m[1])) : undefined;
    if (m && tail !== undefined && Number.isInteger(tail) && tail >= 1 && tail <= 99 && SPOKEN_TAIL_END.test(text.slice(end + m[0].length))) {
      value += tail < 10 ? tail / 10 : tail / 100;
      end += m[0].length;
    }
  }

  let prefixCurrency = false;
  if (!currency) {
    const before = text.slice(0, start);
    for (const [re, c] of PREFIX_CURRENCY) {
      const m = re.exec(before);
      if (m) { currency = c; start -= m[0].length; prefixCurrency = true; break; }
    }
  }

  // A number followed by a size, a count, a time or a date is none of these.
  if (!currency && NOT_MONEY_UNIT.test(text.slice(end))) return undefined;
  // Part of a date, a time or a code (2026-11-16, 11:30, 027-8765): not money, except as the ends of a range (¥20-30).
  if (!currency && ((opts.range !== 'second' && /[\d][-/.:]$/.test(text.slice(0, t.start))) || (opts.range !== 'first' && /^[-/:.]\d/.test(text.slice(t.end))))) return undefined;
  // Bare Chinese numerals are everywhere in words (一下, 三只松鼠): only the price words proper make them a price.
  // "for two hundred and sixty", "paid forty-five": a number in words after a price word is money too (not "for two",
  // "for a dozen": counts).
  const wordsForPrice = t.kind === 'en' && t.value >= 10 && !/dozen|couple|pair/i.test(t.text) && /\b(?:for|at|costs?|paid|pay|charged?|price(?:d at| is| of)?)\s*$/i.test(text.slice(0, start));
  const priceContext = wordsForPrice || PRICE_AFTER.test(text.slice(end)) || (t.kind === 'arabic' ? PRICE_BEFORE : /(?:标价|售价|定价|价格是?|要价)\s*$/).test(text.slice(0, start));

  // About, caps and floors, before and after.
  let bound: Single['bound'];
  let boundBare = false;
  const before = text.slice(0, start);
  const b = opts.range === 'second' ? null : BOUND_BEFORE.exec(before);
  if (b?.groups) {
    const g = b.groups;
    bound = g.max || g.maxc ? 'max' : 'min';
    boundBare = Boolean(g.max || g.min);
    start = b.index;
  }
  const about = opts.range === 'second' || bound ? null : ABOUT_BEFORE.exec(text.slice(0, start));
  if (about && !/(?:what|how)\s+about\s*$/i.test(text.slice(0, start))) { approximate = true; start = about.index; }
  if (opts.range !== 'first') {
    const a = BOUND_AFTER.exec(text.slice(end));
    if (a?.groups && !bound) {
      const g = a.groups;
      bound = g.max || g.maxc ? 'max' : 'min';
      boundBare = Boolean(g.max || g.min);
      end += a[0].length;
    }
    const ab = ABOUT_AFTER.exec(text.slice(end));
    if (ab) { approximate = true; end += ab[0].length; }
  }

  // 评分4.5以上, 销量超过100, 第3: a number of something else, even with a cap word.
  if (!currency && NOT_MONEY_BEFORE.test(text.slice(0, start))) return undefined;
  return { value: round(value, 2), currency, start, end, approximate, zhStyle, high: t.high, bound, boundBare, priceContext, prefixCurrency };
}

function readOne(input: string, text: string, t: NumberToken): Found | undefined {
  const s = around(text, t);
  if (!s) return undefined;
  // "a tenner", "2百 tops", "two hundred and fifty max per item": money slang, and a cap of ten or more with nothing counted.
  const slang = /fiver|tenner/i.test(t.text);
  const cap = s.bound === 'max' && s.value >= 10 && !/^\s*(?:items?|products?|shops?|stores?|results?|things|pieces|of them|km|公里|家|个店)/i.test(text.slice(s.end));
  // "for like 20ish", "around 30ish": a round amount said loosely after a word of paying is money too.
  const isMoney = s.currency !== undefined || slang || cap || (s.bound !== undefined && s.boundBare) || s.priceContext || (s.approximate && /^\s*(?:左右|上下|出头)/.test(text.slice(t.end))) || (s.approximate && /^\s*ish\b/i.test(text.slice(t.end)) && /\b(?:for|at|under|around|about)\s+(?:like\s+)?$/i.test(text.slice(0, t.start)));
  if (!isMoney || !(s.value > 0) || s.value > MAX_AMOUNT) return undefined;
  const money: Money = { amount: s.value, currency: s.currency ?? 'CNY', text: input.slice(s.start, s.end).trim(), index: s.start };
  if (s.approximate) money.approximate = true;
  if (s.bound === 'max') {
    // "二三十块以内": under the top of the spoken range.
    if (s.high !== undefined && s.high > s.value) money.amount = s.high;
    money.max = money.amount;
  }
  if (s.bound === 'min') money.min = s.value;
  if (!s.bound && s.high !== undefined && s.high > s.value) money.high = s.high;
  return { money: fixIndex(money, input, s.start), end: s.end };
}

/** 20到30块, 20-30元, ¥20~30, 二十到三十块, 2到3千块, between 20 and 30 (yuan), from 20 to 30 yuan. */
function readRange(input: string, text: string, tokens: NumberToken[], i: number): Found | undefined {
  const a = tokens[i];
  const b = tokens[i + 1];
  if (!b) return undefined;
  const first = around(text, a, { range: 'first' });
  if (!first) return undefined;
  const between = /\b(?:between|from)\s*$/i.exec(text.slice(0, first.start));
  const link = text.slice(first.end, b.start);
  const joined = between ? /^\s*(?:and|to|-|–)\s*$/i.test(link) : /^\s*(?:到|至|~|～|-|–|—|to)\s*$/i.test(link);
  const bareAllowed = between && /between/i.test(between[0]); // "between 20 and 30" is a price range without a currency; "from 2 to 3" is not
  if (!joined) return undefined;
  const second = around(text, b, { range: 'second' });
  if (!second) return undefined;
  const currency = second.currency ?? first.currency;
  if (!currency && !bareAllowed) return undefined;
  if (first.currency && second.currency && first.currency !== second.currency) return undefined;
  let low = first.value;
  // 2到3千, 2-3k: the unit of the second number is the first's too.
  if (b.scale && !a.scale && first.value < b.value / b.scale) low = round(first.value * b.scale, 2);
  const high = second.value;
  if (!(low > 0) || !(high > low) || high > MAX_AMOUNT) return undefined;
  const start = between ? between.index : first.start;
  let end = second.end;
  const tail = /^\s*(?:之间|以内|左右)/.exec(text.slice(end));
  if (tail) end += tail[0].length;
  const money: Money = { amount: high, currency: currency ?? 'CNY', text: input.slice(start, end).trim(), index: start, min: low, max: high };
  if (first.approximate || second.approximate) money.approximate = true;
  return { money: fixIndex(money, input, start), end };
}

function fixIndex(money: Money, input: string, start: number): Money {
  const lead = input.slice(start).length - input.slice(start).trimStart().length;
  money.index = start + lead;
  return money;
}

function digit(c: string): number {
  return /\d/.test(c) ? Number(c) : ({ 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 } as Record<string, number>)[c];
}

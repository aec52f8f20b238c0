// Slot extraction from one message: price with currency, radius, period, shop id, sort, category words.
import { CATEGORIES, CATEGORY_KEYS, type Category } from '../../tools/catalogue/categories.ts';
import { findLeadTime } from './entities/duration.ts';
import { findAllMoney, findMoney, isUsualPrice } from './entities/money.ts';
import { findNumbers, normaliseWidth } from './entities/numbers.ts';
import { findServiceLevelValue } from './entities/percent.ts';
import type { Period } from '../../tools/merchant-stats/period.ts';
import { extractPeriod } from './entities/period.ts';

/** A price said in the message. `amount` is the price; for a cap ("30块以内", "under 30") or a range
 *  ("20到30块") it is the highest price (`max`), for a floor ("50以上") the lowest (`min`). `text` is
 *  everything read, cap words included, so that removing it leaves the product. */
/** `usual`: said as the usual or an earlier price, the one the asked price is compared with. */
export type Price = { amount: number; currency: 'CNY' | 'USD' | 'other'; text: string; approximate?: boolean; max?: number; min?: number; high?: number; usual?: boolean };

/** 六块五, 三百来块 (≈300), 30块以内 (max 30), 20-30元, ¥8.5, 2.5k, 25 bucks, USD 5, "is 45 fair": see entities/money.ts. */
export function findPrice(text: string): Price | undefined {
  const all = findAllMoney(text);
  const m = all.find((x) => !isUsualPrice(text, x.index)) ?? all[0];
  if (!m) return undefined;
  const price: Price = { amount: m.amount, currency: m.currency, text: m.text };
  if (isUsualPrice(text, m.index)) price.usual = true;
  if (m.approximate) price.approximate = true;
  if (m.max !== undefined) price.max = m.max;
  if (m.min !== undefined) price.min = m.min;
  if (m.high !== undefined) price.high = m.high;
  return price;
}

/** A search radius: 2公里, 两公里以内, 方圆五公里, 500米, 1.5 km, "within three kilometres". */
export function findRadiusKm(text: string): { km: number; text: string } | undefined {
  const t = normaliseWidth(text);
  const found: { km: number; text: string; rejected: boolean }[] = [];
  for (const n of findNumbers(t)) {
    // "within 1 k", "2k以内": k for kilometres only after "within" or before 以内 (else it is thousands: "2k budget").
    const kOnly = /^\s*k\b(?!\s*(?:yuan|rmb|块|元|budget))/i.exec(t.slice(n.end));
    const unit = /^\s*(公里|千米|km\b|kilometres?|kilometers?|米|m\b|meters?|metres?)\s*(以内|之内|内|范围内?|范围)?/i.exec(t.slice(n.end))
      ?? (kOnly && /within\s*$/i.test(t.slice(0, n.start)) ? kOnly : undefined);
    if (!unit) continue;
    const km = /米|^m$|meter|metre/i.test(unit[1]) && !/千米/.test(unit[1]) ? n.value / 1000 : n.value;
    const before = /(?:方圆|周围|半径|within|in a radius of)\s*$/i.exec(t.slice(0, n.start))?.[0] ?? '';
    // "3 km 太远了", "5 km is too far", "不要3公里": a distance turned down, not the one wanted.
    const rejected = /^\s*(?:都|也|还是)?\s*(?:太远|有点远|too far|is too far|is a bit far)/i.test(t.slice(n.end + unit[0].length)) || /(?:不要|别|not)\s*$/i.test(t.slice(0, n.start));
    if (km > 0 && km <= 20) found.push({ km, text: text.slice(n.start - before.length, n.end + unit[0].length), rejected });
  }
  const wanted = found.find((f) => !f.rejected);
  if (wanted) return { km: wanted.km, text: wanted.text };
  // "走路10分钟能到", "a 15-minute walk", "骑车20分钟": minutes of walking (5 km/h), cycling (15 km/h) or driving (30 km/h).
  for (const n of findNumbers(t)) {
    const before = t.slice(Math.max(0, n.start - 8), n.start);
    const after = t.slice(n.end, n.end + 20);
    if (!/^\s*(?:分钟|min(?:ute)?s?\b|-min(?:ute)?\b)/i.test(after)) continue;
    const how = /走路|步行|走|walk|on foot/i.test(before + after) ? 5 : /骑车|骑行|电动车|\b(?:bike|cycl)/i.test(before + after) ? 15 : /开车|打车|\bdriv/i.test(before + after) ? 30 : undefined;
    if (!how) continue;
    const km = Math.round(((n.value / 60) * how) * 10) / 10;
    const lead = /(?:走路|步行|骑车|骑行|开车|走)\s*$/.exec(before)?.[0].length ?? 0;
    const tail = /^\s*(?:分钟|min(?:ute)?s?|-min(?:ute)?)(?:\s*(?:以内|之内|内|walk|on foot))?/i.exec(after)?.[0].length ?? 0;
    if (km > 0 && km <= 20) return { km, text: text.slice(n.start - lead, n.end + tail) };
  }
  return undefined;
}

/**
 * The period a message names ("上周", "双十一期间", "Q3", "3月5日到12日", "since Oct 1"), or undefined
 * when it names none or one that cannot be pinned down ("那天"). See entities/period.ts.
 */
export function findPeriod(text: string, today: string): Period | undefined {
  return extractPeriod(text, today);
}

// "广埠屯店11月份", "store 3 days ago": a number that goes on as a date, a count or money is no shop number.
const SHOP_NUMBER_END = '(?![\\d.]|\\s*(?:月|日|号(?!店)|天|年|周|星期|礼拜|季度|点|块|元|毛|件|单|笔|个|%|days?\\b|weeks?\\b|months?\\b|years?\\b|yuan\\b|orders?\\b|items?\\b|[-/]\\d))';
const SHOP_NUMBER = new RegExp(`(?:shop|store|店铺|门店|店)\\s*(?:#|no\\.?|number|编号|id)?\\s*(\\d{1,6})${SHOP_NUMBER_END}|(\\d{1,6})\\s*号店|#(\\d{1,6})${SHOP_NUMBER_END}`, 'i');
export function findShopId(text: string): number | undefined {
  const m = SHOP_NUMBER.exec(text);
  return m ? Number(m[1] ?? m[2] ?? m[3]) : undefined;
}

/** A list size: top 3, 前5名, 前三, 前五名, top five (1–20). */
const N_EN = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)';
const N_ZH = '(\\d{1,2}|[一二两三四五六七八九十]{1,3})';
const NOT_TIME = '(?!\\s*(?:天|日|周|月|年|星期|礼拜|季度|个(?:月|星期|礼拜|季度)|小时|分钟|days?|weeks?|months?|years?|quarters?|hours?|%|元|块|yuan|rmb|bucks))';
/** How many of the best sellers a merchant asks for: "top 5", "前十名", "头三名", "卖得最好的三个", "my 3 best-selling items",
 *  "which 3 products sold the most"; a number that counts days, money or percent is not one. */
const TOP_N = new RegExp([
  `\\btop[- ]?${N_EN}\\b${NOT_TIME}`,
  `^(?:show|list|give me)(?: me)?(?: the)?(?: top)?\\s*${N_EN}\\b${NOT_TIME}`,
  `\\b${N_EN}\\s+(?:best|top|most popular|hottest|biggest)(?:[- ]sell(?:ers?|ing))?\\b`,
  `\\b(?:best|top|most popular|hottest)(?:[- ]selling)?\\s+${N_EN}\\s+(?:products?|items?|sellers?|things|goods|skus?)\\b`,
  `\\bwhich\\s+${N_EN}\\s+(?:products?|items?|things|goods|skus?)\\b(?=.*\\b(?:most|best|top)\\b)`,
  `^(?:显示|列出|给我看|看)\\s*${N_ZH}\\s*(?:个|条|款|种)`,
  `(?:前|头)\\s*${N_ZH}${NOT_TIME}(?:名|个|款|位|种|样)${NOT_TIME}`,
  `前\\s*${N_ZH}${NOT_TIME}`,
  `(?:最好|最多|最火|最畅销|最受欢迎|最热门?|最好卖|畅销|热销)[^，,。？?！!\\d]{0,4}?${N_ZH}\\s*(?:个|款|样|种|名|件|位)`,
].join('|'), 'i');

export function findTopN(text: string): number | undefined {
  const m = TOP_N.exec(text);
  const said = m?.slice(1).find((g) => g !== undefined);
  const n = said ? findNumbers(said)[0]?.value : undefined;
  if (n && n >= 1 && n <= 20) return n;
  // "卖得最好的是哪款", "what was the best seller": the one product.
  return /(?:最好|最多|最火)的?是哪(?:款|个|一款|一个|样)|哪(?:款|个|样)(?:东西|商品|货)?(?:卖得最好|卖得最多|最赚钱|赚得最多)|\bthe (?:best|top)[- ]sell(?:er|ing (?:product|item))\b(?!s)|\bwhich (?:item|product|one|thing|sku)s? (?:brought in|sold|made|earned|took in|did) the most\b|\bwhat (?:sold|made|earned) the most\b/i.test(text) ? 1 : undefined;
}

/** How many shops or suggestions a shopper asks to see: "前3家", "只看三家", "来 10 个推荐", "show me 3 shops",
 *  "top 3", "give me 10 recommendations" (1–20); a count of goods ("来两个包子") is not one. */
const LIST_SIZE = new RegExp([
  `\\btop[- ]?${N_EN}\\b${NOT_TIME}`,
  `\\b(?:show|list|give|find|get)(?: me)?(?: the)?(?: top)?\\s*${N_EN}\\s+(?:\\w+\\s+)?(?:shops?|stores?|places?|options?|results?|suggestions?|recommendations?|picks?|ideas?)\\b`,
  `\\b${N_EN}\\s+(?:more\\s+)?(?:suggestions|recommendations|picks|options|results|shops|stores)\\b`,
  `(?:前|头|只看|只要|看|列|给我|来)\\s*${N_ZH}\\s*(?:家|间)`,
  `(?:前|头|只看|只要)\\s*${N_ZH}${NOT_TIME}\\s*(?:个|条|名)`,
  `${N_ZH}\\s*(?:个|条|款|样)\\s*(?:推荐|建议|结果|选项)`,
].join('|'), 'i');

export function findListSize(text: string): number | undefined {
  const m = LIST_SIZE.exec(text);
  const said = m?.slice(1).find((g) => g !== undefined);
  const n = said ? findNumbers(said)[0]?.value : undefined;
  return n && Number.isInteger(n) && n >= 1 && n <= 20 ? n : undefined;
}

// Words that name a kind of shop rather than a product.
const SHOP_WORDS: [RegExp, Category][] = [
  [/超市|supermarket/i, 'cleaning'],
  [/便利店|convenience store|corner shop/i, 'snacks'],
  [/书店|bookstore|book shop|bookshop/i, 'books'],
  [/文具店|stationery (?:shop|store)|stationer/i, 'stationery'],
  [/餐厅|饭店|饭馆|吃饭的地方|restaurant|eatery|place to eat/i, 'dining'],
  [/水果店|菜市场|生鲜店|fresh market|greengrocer|fruit shop/i, 'fresh'],
  [/母婴店|baby (?:shop|store)/i, 'baby'],
  [/数码店|电子产品店|electronics (?:shop|store)/i, 'digital'],
  [/服装店|衣服店|clothes (?:shop|store)|clothing (?:shop|store)|fashion (?:shop|store)/i, 'clothing'],
  [/运动用品店|体育用品店|sports? (?:shop|store)/i, 'sports'],
  [/化妆品店|美妆店|beauty (?:shop|store)|cosmetics (?:shop|store)/i, 'beauty'],
];

export function findShopCategory(text: string): { category: Category; text: string } | undefined {
  for (const [re, category] of SHOP_WORDS) {
    const m = re.exec(text);
    if (m) return { category, text: m[0] };
  }
  return undefined;
}

/** A category named by itself ("附近有什么吃的", "any stationery near me"). */
/** Words for a category that are no words of goods (so never part of a product phrase): "the little one" is a baby. */
const CATEGORY_ALIASES: Partial<Record<Category, string[]>> = { baby: ['little one', 'little ones', 'toddler', 'newborn', '新生儿', '小宝宝'] };

export function findCategoryWord(text: string): Category | undefined {
  const lower = text.toLowerCase();
  for (const [key, words] of Object.entries(CATEGORY_ALIASES)) if (words.some((w) => new RegExp(/^[a-z ]+$/.test(w) ? `\\b${w}\\b` : w).test(lower))) return key as Category;
  // The longest word wins: "洗衣服用的" is cleaning, though it holds 衣服.
  let best: { key: Category; length: number } | undefined;
  for (const key of CATEGORY_KEYS) {
    for (const w of CATEGORIES[key].words) {
      if (w.length <= 1 || !(/^[a-z ]+$/.test(w) ? new RegExp(`\\b${w}\\b`).test(lower) : lower.includes(w))) continue;
      if (!best || w.length > best.length) best = { key, length: w.length };
    }
  }
  return best?.key;
}

/** Days from ordering to delivery, a duration next to a delivery word: 交货期两周 (14), 一个半月到货 (45),
 *  lead time of a fortnight (14). Whole days, rounded up (一周半 → 11); 1–365, the tool refuses over 60. */
export function findLeadTimeDays(text: string): number | undefined {
  const d = findLeadTime(text);
  const days = d ? Math.ceil(d.days - 1e-9) : undefined;
  return days && days >= 1 && days <= 365 ? days : undefined;
}

/** The wanted chance of not running out, as the restock tool takes it (0.5–0.999): 服务水平98% → 0.98,
 *  百分之九十五 / 九成五 → 0.95, "99.5 percent" → 0.995, "service level 0.95" → 0.95; 100% is out of range. */
export function findServiceLevel(text: string): number | undefined {
  return findServiceLevelValue(text)?.value;
}

// Slot extraction from one message: price with currency, radius, period, shop id, sort, category words.
import { CATEGORIES, CATEGORY_KEYS, type Category } from '../../tools/catalogue/categories.ts';
import type { NamedPeriod, Period } from '../../tools/merchant-stats/period.ts';

export type Price = { amount: number; currency: 'CNY' | 'USD' | 'other'; text: string };

const PRICE_PATTERNS: { re: RegExp; currency: Price['currency'] }[] = [
  { re: /(?:¥|￥|rmb\s*|cny\s*)(\d+(?:\.\d{1,2})?)/i, currency: 'CNY' },
  { re: /(\d+(?:\.\d{1,2})?)\s*(?:元|块钱|块|rmb|cny|yuan|kuai)/i, currency: 'CNY' },
  { re: /(?:\$|usd\s*)(\d+(?:\.\d{1,2})?)|(\d+(?:\.\d{1,2})?)\s*(?:usd|dollars?|美元|美金)/i, currency: 'USD' },
  { re: /(\d+(?:\.\d{1,2})?)\s*(?:€|eur|euros?|欧元|£|pounds?|英镑)/i, currency: 'other' },
];

export function findPrice(text: string): Price | undefined {
  for (const { re, currency } of PRICE_PATTERNS) {
    const m = re.exec(text);
    if (m) return { amount: Number(m[1] ?? m[2]), currency, text: m[0] };
  }
  // "is 45 fair", "45 贵吗": a bare number next to a price word.
  const bare = /(\d+(?:\.\d{1,2})?)(?=\s*(?:贵|合理|划算|值|is (?:a )?(?:fair|good|ok)|fair|expensive|too much|worth))|(?:for|at|about|花了?|卖|标价|要)\s*(\d+(?:\.\d{1,2})?)(?![\d.]*\s*(?:kg|g|ml|l|mah|gb|w|号|码|cm|mm|卷|包|片|瓶|个|颗|杯|支|本|双|件|m)\b)/i.exec(text);
  if (bare) return { amount: Number(bare[1] ?? bare[2]), currency: 'CNY', text: bare[0] };
  return undefined;
}

export function findRadiusKm(text: string): { km: number; text: string } | undefined {
  const m = /(\d+(?:\.\d+)?)\s*(公里|千米|km|kilometres?|kilometers?|米|m\b|meters?|metres?)\s*(以内|之内|内|范围)?/i.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]);
  const km = /米|^m$|meter|metre/i.test(m[2]) && !/千米/.test(m[2]) ? value / 1000 : value;
  return km > 0 && km <= 20 ? { km, text: m[0] } : undefined;
}

const PERIOD_WORDS: [RegExp, NamedPeriod][] = [
  [/今天|今日|\btoday\b/i, 'today'],
  [/昨天|昨日|\byesterday\b/i, 'yesterday'],
  [/上周|上星期|上个星期|上一周|\blast week\b|\bprevious week\b/i, 'last_week'],
  [/本周|这周|这星期|这个星期|\bthis week\b/i, 'this_week'],
  [/上个?月|上一个月|\blast month\b|\bprevious month\b/i, 'last_month'],
  [/本月|这个?月|\bthis month\b/i, 'this_month'],
  [/最近(?:一周|7天|七天)|过去(?:一周|7天|七天)|近(?:7|七)天|\b(?:past|last) (?:7|seven) days\b|\bpast week\b/i, 'last_7_days'],
  [/最近(?:一个月|30天|三十天)|过去(?:一个月|30天)|近30天|\b(?:past|last) (?:30|thirty) days\b|\bpast month\b/i, 'last_30_days'],
  [/最近(?:三个月|90天)|过去(?:三个月|90天)|近(?:三个月|90天)|\b(?:past|last) (?:90|ninety) days\b|\b(?:past|last) (?:3|three) months\b|\blast quarter\b/i, 'last_90_days'],
  [/今年|本年|\bthis year\b/i, 'this_year'],
  [/去年|上一年|\blast year\b/i, 'last_year'],
];

export function findPeriod(text: string, today: string): Period | undefined {
  const iso = /(\d{4}-\d{2}-\d{2})\s*(?:到|至|~|–|-|—|to|until|till|and)\s*(\d{4}-\d{2}-\d{2})/i.exec(text);
  if (iso) return { from: iso[1], to: iso[2] };
  const zh = /(\d{1,2})月(\d{1,2})[日号]?\s*(?:到|至|~|-|—)\s*(?:(\d{1,2})月)?(\d{1,2})[日号]?/.exec(text);
  if (zh) {
    const year = Number(today.slice(0, 4));
    const fromMonth = Number(zh[1]);
    const toMonth = Number(zh[3] ?? zh[1]);
    const pad = (n: number) => String(n).padStart(2, '0');
    // A range that would end after today is last year's.
    const y = `${year}-${pad(toMonth)}-${pad(Number(zh[4]))}` > today ? year - 1 : year;
    return { from: `${y}-${pad(fromMonth)}-${pad(Number(zh[2]))}`, to: `${y}-${pad(toMonth)}-${pad(Number(zh[4]))}` };
  }
  for (const [re, period] of PERIOD_WORDS) if (re.test(text)) return period;
  return undefined;
}

export function findShopId(text: string): number | undefined {
  const m = /(?:shop|store|店铺|门店|店)\s*(?:#|no\.?|number|编号|id)?\s*(\d{1,6})|(\d{1,6})\s*号店|#(\d{1,6})/i.exec(text);
  return m ? Number(m[1] ?? m[2] ?? m[3]) : undefined;
}

export function findTopN(text: string): number | undefined {
  const m = /top\s*(\d{1,2})|前\s*(\d{1,2})\s*[名个款]?/i.exec(text);
  const n = m ? Number(m[1] ?? m[2]) : undefined;
  return n && n >= 1 && n <= 20 ? n : undefined;
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
export function findCategoryWord(text: string): Category | undefined {
  const lower = text.toLowerCase();
  for (const key of CATEGORY_KEYS) {
    if (CATEGORIES[key].words.some((w) => (/^[a-z ]+$/.test(w) ? new RegExp(`\\b${w}\\b`).test(lower) : lower.includes(w)) && w.length > 1)) return key;
  }
  return undefined;
}

export function findLeadTimeDays(text: string): number | undefined {
  const m = /(?:交货期|交期|到货(?:时间)?|lead[- ]time(?: of)?)\s*(?:是|为|=|:)?\s*(\d{1,2})\s*(?:天|days?)/i.exec(text);
  return m ? Number(m[1]) : undefined;
}

export function findServiceLevel(text: string): number | undefined {
  const m = /(?:服务水平|service level(?: of)?)\s*(?:是|为|=|:)?\s*(\d{2}(?:\.\d)?)\s*%/i.exec(text);
  const v = m ? Number(m[1]) / 100 : undefined;
  return v && v >= 0.5 && v <= 0.999 ? v : undefined;
}

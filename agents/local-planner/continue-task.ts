// Follow-ups and corrections edit the active task (agents/dialogue-state.ts) instead of starting over:
// "如果是59呢" sets the price of the price check, "华为的有吗" puts the brand on the product searched for,
// "打错了，是八块" replaces the price of the purchase being logged, "不是昨天，是前天" its day, "sorry, I meant
// the other shop" the shop, "写错了，是4天" the lead time, "make that 70%" the cost ratio.
// Each tool lists the slots a message can edit and how a value said in passing is read for it; the slots
// the message does not name stay as they were. A value after a negation ("不是昨天", "42 not 52") is the wrong
// one and is not read.
import type { ProductIndex } from '../../tools/catalogue/product-search.ts';
import type { PreviousCall } from './understand.ts';
import { findDurations } from './entities/duration.ts';
import { findBarePrice, findMoney } from './entities/money.ts';
import { findNumbers, parseZhNumber } from './entities/numbers.ts';
import { findPercents } from './entities/percent.ts';
import { findLooseWeight, findQuantity } from './entities/quantity.ts';
import { weighedUnits } from './purchase-slots.ts';
import { extractPeriod, namesHabitOnly, readPeriod } from './entities/period.ts';
import { addDays } from './entities/days.ts';
import { restockSlots } from './restock-slots.ts';
import { phraseReaderFor } from './entities/product-phrase.ts';
import { anomalySlots } from './anomaly-slots.ts';
import { findCategoryWord, findLeadTimeDays, findRadiusKm, findServiceLevel, findShopCategory, findTopN, type Price } from './slots.ts';

export type Read = {
  text: string;
  today: string;
  products: ProductIndex;
  /** The product phrase of a text, without the words given (entities/product-phrase.ts). */
  phraseOf: (text: string, ...remove: (string | undefined)[]) => string;
  shopId?: number;
  /** The period the message names, relative ones ("前一周呢") read against the task's own period. */
  period?: unknown;
  where: { lat?: number; lng?: number };
  /** The message says something was wrong ("不对不对 是66"). */
  correcting?: boolean;
};

const CORRECTION = /不对|不是|打错|说错|写错|点错|搞错|弄错|记错|看错|错了|改成|改为|换成|应该是|更正|oops|sorry|i meant|meant to say|\bactually\b|make (?:that|it)\b|correction|\btypo\b|^(?:oh,? )?(?:and )?it (?:was|is|cost) (?=\d|a |an |one |two |three |four |five )|\binstead\b|\bnot\b/i;
/** A short message that only carries a value continues what was being done. */
const FOLLOW_UP = /^(?:(?:我|就|想)?要[^，,。？?]{1,12}的(?:吧|呢|啊)?\s*[?？]?$|[^，,。？?]{1,12}呢\s*[，,]|那|那么|如果|要是|假如|换成|只看|只要|就看|再看|改看|and\b|what about|how about|what if|only\b|just\b|then\b|same\b|for the\b|over the\b|with (?:a|an)\b)|\bonly\s*[.!?]?\s*$|呢\s*[?？]?\s*$|的有吗\s*[?？]?$|的有没有\s*[?？]?$|\bthen\s*\??$|\bthere\s*[?.!]?\s*$|instead\??$|\bsame (?:assumptions?|settings?|numbers?|ratio|costs?|way|again)\b|照这个|照样|也这样|\bfor that\s*[.?!]?\s*$|^use (?:a|an|the|only)\b|(?:一样|同样)的?(?:假设|条件|比例|算法)/i;

export function isCorrection(text: string): boolean {
  return CORRECTION.test(text);
}

export function isFollowUp(text: string): boolean {
  const bare = text.replace(/\s+/g, '');
  // A figure in words ("two hundred and sixty") is one thing said, not five words.
  const words = text.trim().replace(/\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)(?:[\s-]+(?:and[\s-]+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand))*\b/gi, 'N');
  return FOLLOW_UP.test(text.trim()) && (bare.length <= 16 || words.split(/\s+/).length <= 7);
}

/** "华为的", "OMO": a brand said alone, which only makes sense as an edit of what was being looked at. */
export function isBrandOnly(phrase: string, products: ProductIndex): boolean {
  return Boolean(phrase) && products.vocabulary().brands.has(phrase.toLowerCase().replace(/的$/, ''));
}

/** The text without what it says is wrong: "不是昨天，是前天" → "，是前天"; "oops, 42 not 52" → "oops, 42". */
export function withoutNegated(text: string): string {
  return text.replace(/不是(?!吗)[^，,。；;！!？?是]*/g, ' ').replace(/\bnot\s+(?:the\s+|a\s+)?[^\s,，。.!?]+(?:\s+ones?\b)?/gi, ' ');
}

/** A pack as a name writes it ("三支装", "3支装", "12 pack", "3-pack"). */
const PACK = '(?:\\d+|[一二两三四五六七八九十]+)\\s*(?:支|盒|瓶|包|罐|袋|片|卷|个|条|双|只|粒|枚|听|提)装|\\b\\d+[- ]?pack\\b';
/** A size or a pack in a product's name ("5kg", "300ml", "三支装"): a new size said alone replaces it. */
const SIZE_IN_NAME = new RegExp(`${PACK}|\\b\\d+(?:\\.\\d+)?\\s*(?:ml|l|g|kg|cm|mm|gb?|tb?|mah|w)\\b|\\d+(?:\\.\\d+)?\\s*(?:寸|英寸|卷|枚|片|包|抽|颗|粒)`, 'gi');

/** A size or a pack said alone ("10kg", "128g", "500ml的", "三支装的"). */
const SIZE_ONLY = new RegExp(`^(?:${PACK}|\\d+(?:\\.\\d+)?\\s*(?:ml|l|g|kg|cm|mm|gb?|tb?|mah|w|寸|英寸|卷|枚|片|包|抽|颗|粒))$`, 'i');

type Edit = (r: Read, slots: Record<string, any>, result: Record<string, any> | undefined) => Record<string, unknown>;

const money = (r: Read) => {
  const m = findMoney(r.text);
  return m && m.currency === 'CNY' ? m : undefined;
};

/** A bare number ("是两千", "it was 3") when nothing else in the message reads it. */
/** Not a bare number: an ordinal (第2, #3, 2nd), a percentage (99 percent), or the "one" of "the first one". */
const bareNumberIn = (text: string) => findNumbers(text).filter((t) => !/(?:第|#|no\.?)\s*$/i.test(text.slice(0, t.start))
  && !/^\s*(?:个|号|名|店|分店|[%％]|成|st\b|nd\b|rd\b|th\b|percent\b|per ?cent\b)/i.test(text.slice(t.end))
  && !(/^one$/i.test(text.slice(t.start, t.end)) && /\b(?:the|that|this|first|second|third|last|other|same|which)\s+$/i.test(text.slice(0, t.start)))).at(-1)?.value;
const bareNumber = (r: Read) => bareNumberIn(r.text);

/** How many suggestions are asked for after a list ("只要三个就行", "just 3", "digital only. 8."), 1–10; not the "one"
 *  of "the first one", "number one", "第二个" (those point at a suggestion), nor a price. */
export function suggestionCount(text: string, saysMoney: boolean): number | undefined {
  if (/第\s*[1-9一二三四五六七八九十]|\b(?:first|second|third|fourth|fifth|last|number|no\.)\b|#\s*\d|\d(?:st|nd|rd|th)\b/i.test(text)) return undefined;
  const n = findQuantity(text)?.count ?? (saysMoney ? undefined : bareNumberIn(text));
  return n && Number.isInteger(n) && n >= 1 && n <= 10 ? n : undefined;
}

/** Whether a phrase has a word of the catalogue's goods in it (a brand, an item, a word of a name, a size). */
const namesGoods = (r: Read, phrase: string) => phraseReaderFor(r.products).namesGoods(phrase);

/** The product edited by a brand ("华为的", "奥妙的") or replaced by a new name. */
function productEdit(r: Read, previous: unknown, remove: (string | undefined)[]): string | undefined {
  const phrase = r.phraseOf(r.text, ...remove);
  if (!phrase) return undefined;
  const { brands } = r.products.vocabulary();
  const said = phrase.toLowerCase().replace(/的$/, '');
  // Only a size ("500ml的", "2kg"): the size of the product already named.
  if (SIZE_ONLY.test(said) && typeof previous === 'string' && previous) return `${previous.replace(SIZE_IN_NAME, ' ').replace(/\s+/g, ' ').trim()} ${said}`;
  if (brands.has(said) && typeof previous === 'string' && previous) {
    // The brand replaces the brand of the earlier product and keeps its item: 蓝月亮洗衣液 + 奥妙 → 奥妙 洗衣液.
    let item = previous.toLowerCase();
    for (const b of brands) if (item.includes(b)) item = item.replace(b, ' ');
    item = item.replace(/\s+/g, ' ').trim();
    return item ? `${phrase.replace(/的$/, '')} ${item}` : phrase;
  }
  // Only a colour, a flavour or a style ("黑色的", "降噪版", "the red one"): no goods of its own, so it narrows the product named.
  const { items } = r.products.vocabulary();
  const namesGoods = [...items].some((i) => i.length > 1 && said.includes(i.toLowerCase()));
  // A shop or a seller ("文具店老板说要八十九", "the store clerk said 155") is where it was seen, not a kind of the goods.
  if (!namesGoods && /(?:店|超市|商场|专柜|老板|店员|导购|柜台|网上|线上)$|\b(?:shop|store|market|clerk|seller|online)s?$/i.test(said)) return undefined;
  // A word no goods' name has ("hmm", "那种") narrows nothing: the product stays as it was.
  if (!namesGoods && typeof previous === 'string' && previous && !phraseReaderFor(r.products).namesGoods(phrase)) return undefined;
  if (!namesGoods && typeof previous === 'string' && previous && !previous.toLowerCase().includes(said)) return `${previous} ${phrase.replace(/的$/, '')}`;
  return phrase;
}

/** A day said in a correction of a purchase ("是前天", "on the 20th"): one past day. */
function dayOf(r: Read): string | undefined {
  const p = extractPeriod(r.text, r.today);
  if (p === 'yesterday') return addDays(r.today, -1);
  if (p === 'today') return r.today;
  if (p && typeof p === 'object' && p.from === p.to && p.from <= r.today) return p.from;
  return undefined;
}

const EDITS: Record<string, Edit> = {
  price_check: (r, s, result) => {
    const m = money(r);
    // A price said without a currency ("十公斤的卖一百三呢") is no part of the product.
    const plain = m ? undefined : findBarePrice(r.text);
    const edited = productEdit(r, s.product, [m?.text ?? plain?.text]);
    // With a price said, words that name no goods ("店员说打完折 155") leave the product as it was.
    const said = edited && (m || plain) && typeof s.product === 'string' ? r.phraseOf(r.text, m?.text ?? plain?.text) : '';
    // A size or a pack alone ("三支装的25块呢") is the same goods in another size.
    const product = said && !namesGoods(r, said) && !SIZE_ONLY.test(said.toLowerCase().replace(/的$/, '')) ? undefined : edited;
    // In a price check a bare number ("如果是49呢") is the price; with a product named, one that is no size or count.
    const price = m?.amount ?? plain?.amount ?? (product ? undefined : bareNumber(r));
    // Only the price changes: the product the last check settled on, by id.
    const settled = !product && result?.status === 'ok' && Number.isInteger(result.product?.id) ? result.product.id : undefined;
    return { price, product, ...(settled && price !== undefined ? { productId: settled, product: undefined } : {}) };
  },
  nearby_shops: (r, s) => {
    const m = money(r);
    const radius = findRadiusKm(r.text);
    // "Then just show me restaurants": a kind of shop said alone replaces the goods searched for.
    const shop = findShopCategory(r.text);
    if (shop && !r.phraseOf(r.text, m?.text, radius?.text, shop.text)) return { category: shop.category, query: null, maxPrice: m ? (m.max ?? m.amount) : undefined, radiusKm: radius?.km, ...r.where };
    const query = productEdit(r, s.query, [m?.text, radius?.text]);
    return { query, maxPrice: m ? (m.max ?? m.amount) : undefined, radiusKm: radius?.km, ...r.where };
  },
  record_purchase: (r, s) => {
    const m = money(r);
    // "是80颗的那个": a size the goods come in, not a count of 80.
    const counted = findQuantity(r.text);
    const q = counted && new RegExp(`${counted.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*的?\\s*(?:那个|那款|那种|那包|那盒|那瓶|那袋|装)`).test(r.text) ? undefined : counted;
    const day = dayOf(r);
    const period = readPeriod(r.text, r.today);
    // "不对 是四斤" after three jin of apples at ¥6.5: the count of the product's 500 g units, not a price of ¥4.
    const weight = q ? undefined : findLooseWeight(r.text);
    const sold = typeof s.productId === 'number' ? r.products.get(s.productId) : typeof s.product === 'string' ? r.products.search(s.product, 1)[0]?.product : undefined;
    const weighed = weight && !m ? weighedUnits(r.text, sold)?.quantity : undefined;
    // "actually it was 3" after "2 lattes at 19.9": a small bare number with no money word is the count.
    const bare = !m && !q && !day && !weight ? bareNumber(r) : undefined;
    // With no price yet (it was asked for: "「李宁跑鞋」花了多少钱？" → "480 黑色的"), a bare number is the price.
    // In a correction a bare number replaces the figure it is nearest to: "不对不对 是66" after ¥68 × 1 is the price.
    const nearerPrice = r.correcting && bare !== undefined && bare > 0 && typeof s.price === 'number' && Math.abs(Math.log(bare / s.price)) < Math.abs(Math.log(bare / (s.quantity ?? 1)));
    // "checked the receipt, it was 19 alright" after ¥19: the price said again, not a count of 19.
    const samePrice = bare !== undefined && typeof s.price === 'number' && Math.abs(bare - s.price) < 0.005;
    const price = m?.amount ?? ((s.price === undefined || nearerPrice || samePrice) && bare !== undefined && bare > 0 ? bare : undefined);
    const count = q?.count ?? weighed ?? (price === undefined && bare !== undefined && Number.isInteger(bare) && bare >= 1 && bare <= 20 ? bare : undefined);
    const bareText = price !== undefined && !m ? findNumbers(r.text).at(-1)?.text : undefined;
    return { price, quantity: count, date: day, paymentMethod: paymentMethodIn(r.text), product: productEdit(r, s.product, [m?.text, q?.text, weight?.text, period?.text, bareText, PAID_WITH.exec(r.text)?.[0]]) };
  },
  merchant_stats: (r) => ({ period: r.period, shopId: r.shopId, topN: findTopN(r.text), ...allShops(r.text) }),
  // "那上个月呢" after "上上周我花了多少": the same question for another period.
  customer_profile: (r) => ({ period: namesHabitOnly(r.text, r.today) ? undefined : r.period }),
  anomaly_alerts: (r) => ({ period: r.period, shopId: r.shopId, lookbackDays: anomalySlots(r.text).lookbackDays, ...allShops(r.text) }),
  satisfaction_report: (r) => ({ period: r.period, shopId: r.shopId, compareRadiusKm: findRadiusKm(r.text)?.km, ...allShops(r.text) }),
  restock_forecast: (r, s) => {
    const read = restockSlots(r.text, r.products);
    // In a correction of a restock question a bare duration ("是4天") is the lead time, unless it says otherwise; so is a
    // bare number ("oops meant 15") when the lead time is what was said before.
    const bare = r.correcting && typeof s.leadTimeDays === 'number' && !findServiceLevel(r.text) && !read.serviceLevel ? bareNumber(r) : undefined;
    const days = read.leadTimeDays ?? findLeadTimeDays(r.text) ?? (read.horizonWeeks || read.reviewDays ? undefined : findDurations(r.text)[0]?.days) ?? (bare && bare >= 1 && bare <= 365 ? bare : undefined);
    return { leadTimeDays: days ? Math.ceil(days - 1e-9) : undefined, serviceLevel: findServiceLevel(r.text) ?? read.serviceLevel, horizonWeeks: read.horizonWeeks, reviewDays: read.reviewDays, shopId: r.shopId, product: read.product, limit: findTopN(r.text), ...allShops(r.text) };
  },
  pricing_advice: (r) => {
    const slots = pricingSlots(r.text);
    // "只用最近三个月的数据算": a rolling period is the history to learn from.
    return { ...slots, days: slots.days ?? historyDays(r.period, r.today), shopId: r.shopId, ...allShops(r.text) };
  },
  wealth_products: (r) => wealthSlots(r.text, money(r)),
  recommend: (r) => {
    const m = money(r);
    return { budget: m ? (m.max ?? m.amount) : undefined, limit: suggestionCount(r.text, Boolean(m)), category: findCategoryWord(r.text) };
  },
};

/** How it was paid, when said: 用花呗 / with pay later → the pay-later line; 用余额 / wallet → the debit wallet. */
export function paymentMethodIn(text: string): 'pay_later' | 'debit_wallet' | undefined {
  return /花呗|白条|先用后付|先买后付|pay[- ]?later|credit line/i.test(text) ? 'pay_later' : /余额|钱包|wallet|debit/i.test(text) ? 'debit_wallet' : undefined;
}
/** The words that say how it was paid ("花呗付的", "用余额付", "paid with pay later"), not part of the product. */
export const PAID_WITH = /(?:用|拿|走)?(?:花呗|白条|先用后付|先买后付|余额|钱包)(?:付的?|付款|支付|结的?账?|买的)?|(?:paid |pay )?(?:with|via|using|on) (?:my )?(?:pay[- ]?later|credit line|wallet|debit)|pay[- ]?later|wallet/i;

/** What a wealth question says: the amount (a plain number counts: "I have about 5000 to put in"), the months the
 *  money can stay (a duration: 半年 → 6, 三年 → 36, within a year → 12), whether it must be at hand. */
export function wealthSlots(text: string, price: Price | undefined): Record<string, unknown> {
  const duration = findDurations(text).find((d) => d.days >= 28);
  const plain = price ? undefined : findBarePrice(text);
  const amount = price?.amount ?? (plain && plain.amount >= 100 ? plain.amount : undefined);
  const slots = {
    amount,
    horizonMonths: duration ? Math.max(1, Math.round(duration.days / 30.44)) : undefined,
    needLiquidity: /随时|随取|灵活|中途|any ?time|liquid|withdraw|need it back/i.test(text) || undefined,
  };
  return Object.fromEntries(Object.entries(slots).filter(([, v]) => v !== undefined));
}

/** "四家店加起来呢", "all my shops together": every shop of the merchant again (the one named before is dropped). */
export const ALL_SHOPS = /加起来|加一起|加在一起|一共|总共|合计|整体|[两三四五六七八九十\d]个店(?:一起|加|合|都)|[两三四五六七八九十\d]家(?:一起|加|合|都)|\ball (?:two|three|four|five|\d) (?:together|of them|shops|stores)\b|\b(?:both|all) (?:shops|stores|of them) together\b|\ball (?:two|three|four|five|\d)\b(?=.*\btogether\b)|\btogether\?*$|\bin total\b|\btotal(?:s)? for all\b|全部(?:的)?店|所有(?:的)?店|几家店|[两三四五六七八九十\d]家店|\bboth (?:shops|stores|branches)\b|\bboth\?*$|一起看|都看|[两三四五六七八九十\d]家店(?:一起|加|合)|all (?:my |the |of my )?(?:shops|stores)|(?:shops|stores) (?:together|combined)|\boverall\b|\bcombined\b|\baltogether\b/i;
function allShops(text: string): { shopId?: null } {
  return ALL_SHOPS.test(text) ? { shopId: null } : {};
}

/** The days of a period that ends about today ("最近半年", "last 90 days"), as pricing_advice's history window (60–730). */
function historyDays(period: unknown, today: string): number | undefined {
  const p = typeof period === 'string' ? ROLLING_DAYS[period] : undefined;
  if (p) return p;
  if (!period || typeof period !== 'object') return undefined;
  const { from, to } = period as { from?: string; to?: string };
  if (!from || !to || to < addDays(today, -2)) return undefined;
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  return days >= 28 ? Math.min(730, Math.max(60, days)) : undefined;
}
const ROLLING_DAYS: Record<string, number | undefined> = { last_30_days: 60, last_90_days: 90 };

/** A pricing question's settings: the unit cost as a share of the price ("成本占六成", "cost is 50% of the price",
 *  "cost ratio 0.65", "进价是售价的七成五") and the days of history to learn from ("最近半年", "last 90 days"; 60–730). */
export function pricingSlots(text: string): { costRatio?: number; days?: number } {
  const share = findPercents(text).find((p) => p.value >= 10 && p.value <= 95);
  const ratio = /(?:cost(?:\s*ratio)?|成本(?:率|比例?)?)[^\d]{0,8}?(0?\.\d{1,3})(?!\d)/i.exec(text);
  // "进价只有售价的一半", "cost is half the price".
  const half = /(?:进价|成本|进货价|cost)[^，,。.]{0,18}(?:一半|half)|(?:一半|half)[^，,。.]{0,6}(?:是|is)?\s*(?:成本|进价|cost)/i.test(text);
  // "毛利大概三成", "gross margin 30%": what is left after the cost, so the cost is the rest.
  const margin = share && /毛利|利润率|利润|margin/i.test(text) && !/成本|进价|cost/i.test(text);
  // "markup 40%", "加价四成": the price is the cost plus that share of it.
  const markup = share && /mark-?up|加价|加成/i.test(text) && !margin;
  // "进价是卖价的六折", "入货价大概系卖价嘅六五折": the cost as a 折 of the price (六折 = 60%, 六五折 = 65%).
  const zhe = /(?:进价|成本|进货价|入货价|拿货价|cost)[^，,]{0,14}?([一二三四五六七八九]{1,2}|\d(?:\.\d)?)\s*折/i.exec(text);
  const zheValue = zhe ? (/\d/.test(zhe[1]) ? Number(zhe[1]) * 10 : zhe[1].length === 2 ? (parseZhNumber(zhe[1][0])! * 10 + parseZhNumber(zhe[1][1])!) : parseZhNumber(zhe[1])! * 10) : undefined;
  if (zheValue !== undefined && !share) return { costRatio: zheValue >= 10 && zheValue <= 95 ? zheValue / 100 : undefined, days: pricingDays(text) };
  const costRatio = share ? (markup ? Math.round((100 / (100 + share.value)) * 100) / 100 : margin ? Math.round((100 - share.value)) / 100 : share.value / 100) : ratio ? Number(ratio[1]) : half ? 0.5 : undefined;
  return { costRatio: costRatio !== undefined && costRatio >= 0.1 && costRatio <= 0.95 ? costRatio : undefined, days: pricingDays(text) };
}

/** The history a pricing question looks at, 60–730 days, when it names one of a month or more. */
function pricingDays(text: string): number | undefined {
  const span = findDurations(text).find((d) => d.days >= 28);
  return span ? Math.min(730, Math.max(60, Math.round(span.days))) : undefined;
}

/**
 * The active task with the slots this message edits, or undefined when it edits none (then the message
 * is a task of its own). `correcting`: the message says something was wrong, so negated values are dropped.
 */
/** The slots an edit changed (an edit that changes none is no edit). */
export function changedSlots(task: PreviousCall, edited: { args: Record<string, unknown> }): string[] {
  const keys = new Set([...Object.keys(task.args), ...Object.keys(edited.args)]);
  return [...keys].filter((k) => JSON.stringify(task.args[k]) !== JSON.stringify(edited.args[k]) && k !== 'offset');
}

export function editTask(task: PreviousCall, r: Read, correcting: boolean): { tool: string; args: Record<string, unknown> } | undefined {
  const edit = EDITS[task.name];
  if (!edit) return undefined;
  const read = { ...r, text: correcting ? withoutNegated(r.text) : r.text, correcting };
  // An amount in another currency ("5美元") is no edit: the request is answered as it stands (only yuan).
  if ((findMoney(read.text)?.currency ?? 'CNY') !== 'CNY') return undefined;
  const proposed = edit(read, task.args, task.result);
  const changes = Object.entries(proposed).filter(([, v]) => v !== undefined);
  if (!changes.length) return undefined;
  // A shop the store refused ("店铺 3 不属于你") is not carried into the next question.
  const { shopId: _refused, ...rest } = task.args;
  const base = task.result?.error?.code === 'forbidden' ? rest : task.args;
  const args: Record<string, unknown> = { ...base, ...Object.fromEntries(changes) };
  if (args.shopId === null) delete args.shopId;
  if (args.query === null) delete args.query;
  // What the old product stood for goes with it: a price check's product id (or its name, for an id), a search's category and page.
  if (changes.some(([k]) => k === 'product')) delete args.productId;
  if (changes.some(([k]) => k === 'productId') && 'product' in proposed) delete args.product;
  if (changes.some(([k]) => k === 'query')) delete args.category;
  if (task.name === 'nearby_shops') args.offset = 0;
  return { tool: task.name, args };
}

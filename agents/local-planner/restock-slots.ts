// The settings of a restock question, read in its own context: in "未来8周" a duration is the forecast
// horizon, in "两周进一次货" the review period, otherwise ("一个月才能到", "lead time 3 days") the lead
// time; a bare percentage is the wanted service level; "top 3" the list size; and the product is the product
// phrase of what is left (entities/product-phrase.ts), when the catalogue knows it.
import type { ProductIndex } from '../../tools/catalogue/product-search.ts';
import { phraseReaderFor } from './entities/product-phrase.ts';
import { findDurations } from './entities/duration.ts';
import { findPercents } from './entities/percent.ts';

const HORIZON = /未来|接下来|之后|往后|预测|next|coming|ahead|horizon|over the|forecast|\bweeks? out\b|\bout to\b/i;
// "供货商半个月才来一趟", "送货的一周来一次": how often the supplier comes is the review period too.
const REVIEW = /进一次|订一次|补一次|一次货|下一次单|一次单|下一回单|来一趟|来一次|来一回|送一次|送一趟|跑一趟|every|each|once/i;

/** The words of a stock question itself ("running out", "stock-out"): no product ("running" shoes). */
export const STOCK_WORDS = /\b(?:run(?:ning|s)? (?:out|low)(?: (?:of|on))?|stock[- ]?outs?|sold out|sell(?:ing)? out|low on stock|in stock)\b/gi;

export type RestockSlots = { leadTimeDays?: number; reviewDays?: number; horizonWeeks?: number; serviceLevel?: number; product?: string };

export function restockSlots(text: string, products: ProductIndex): RestockSlots {
  const out: RestockSlots = {};
  let rest = text;
  for (const d of findDurations(text)) {
    const around = text.slice(Math.max(0, d.index - 6), d.index + d.text.length + 6);
    // "forecast 8 weeks out": the horizon word may stand a little further off.
    const wider = text.slice(Math.max(0, d.index - 10), d.index + d.text.length + 6);
    if (HORIZON.test(wider) && !REVIEW.test(around)) out.horizonWeeks ??= Math.min(12, Math.max(1, Math.round(d.days / 7)));
    else if (REVIEW.test(around)) out.reviewDays ??= Math.min(60, Math.max(1, Math.ceil(d.days)));
    else if (d.days >= 1 && d.days <= 60) out.leadTimeDays ??= Math.ceil(d.days - 1e-9);
    rest = rest.replace(d.text, ' ');
  }
  // "下单后隔天到", "next-day delivery": a day.
  const nextDay = /隔天|第二天|次日|当天|\bnext[- ]day\b|\bovernight\b|\bsame[- ]day\b/i.exec(text);
  if (out.leadTimeDays === undefined && nextDay && /到|送|发|deliver|arriv|ship|come/i.test(text)) {
    out.leadTimeDays = 1;
    rest = rest.replace(nextDay[0], ' ');
  }
  const percents = findPercents(text);
  const level = percents.find((p) => p.value >= 50 && p.value < 100);
  // "缺货风险控制在5%以内", "a 2% stock-out risk": the chance of running out, so the level is the rest.
  const risk = percents.find((p) => p.value > 0 && p.value <= 20 && /缺货|断货|卖断|stock[- ]?outs?|run(?:ning)? out/i.test(text));
  if (level) {
    out.serviceLevel = Math.round(level.value * 10) / 1000;
    rest = rest.replace(level.text, ' ');
  } else if (risk) {
    out.serviceLevel = Math.round((100 - risk.value) * 10) / 1000;
    rest = rest.replace(risk.text, ' ');
  }
  const phrase = phraseReaderFor(products).phrase(rest.replace(STOCK_WORDS, ' '));
  if (phrase.length > 1 && (products.search(phrase, 1)[0]?.score ?? 0) >= 0.5) out.product = phrase;
  return out;
}

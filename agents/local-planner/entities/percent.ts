// Percentages, as percent (95 for 95%): 98%, 99.5%, 98％, 百分之九十五, 百分之95, 九成五 (95), 七成半 (75), 九成 (90),
// "98 percent", "ninety-five per cent". findServiceLevel turns one next to a service-level word into the
// 0.5–0.999 fraction the restock tool takes.
// Fractions in words are shares too: 三分之一 (33.33), "two thirds" (66.67), "a quarter" (25).
// It does not read discounts (八折, 九五折, 20% off: a price cut is not a share of something, and 八折
// would be 80 where the cut is 20), spans (七八成), ratios written with a slash (3/4), or "per mille".
import { findNumbers, normaliseWidth, parseZhNumber, round } from './numbers.ts';

export type Percent = { value: number; text: string; index: number };

/** The first percentage in the text. */
export function findPercent(text: string): Percent | undefined {
  return findPercents(text)[0];
}

export function findPercents(input: string): Percent[] {
  const text = normaliseWidth(input);
  const out: Percent[] = [];
  for (const t of findNumbers(text)) {
    const sign = /^\s*(?:%|percent(?![a-z])|per\s+cent(?![a-z])|pct(?![a-z]))/i.exec(text.slice(t.end));
    if (!sign || /^\s*(?:%|percent|per\s+cent|pct)\s*(?:off|discount|折)/i.test(text.slice(t.end))) continue;
    if (/百分之\s*$/.test(text.slice(0, t.start))) continue; // read below
    out.push({ value: round(t.value, 4), text: text.slice(t.start, t.end + sign[0].length), index: t.start });
  }
  // 百分之九十五, 百分之95, 百分之九十九点五.
  for (const m of text.matchAll(/百分之\s*([零〇一二两三四五六七八九十百点]+|\d+(?:\.\d+)?)/g)) {
    const value = /\d/.test(m[1]) ? { value: Number(m[1]), length: m[1].length } : longestZh(m[1]);
    if (value === undefined) continue;
    out.push({ value: round(value.value, 4), text: m[0].slice(0, m[0].length - m[1].length + value.length), index: m.index });
  }
  // 九成五 (95), 九成 (90), 9成 (90): tenths, and the digit after 成 is hundredths.
  for (const m of text.matchAll(/(?<![一二两三四五六七八九十\d])([一二两三四五六七八九十]|\d{1,2})成([一二三四五六七八九半])?(?![本功交绩为立熟员就果品都长人年分不])/g)) {
    const tenths = /\d/.test(m[1]) ? Number(m[1]) : parseZhNumber(m[1]);
    if (tenths === undefined || tenths > 10) continue;
    const hundredths = m[2] === '半' ? 5 : m[2] ? parseZhNumber(m[2])! : 0; // 七成半 = 75
    if (tenths === 10 && hundredths) continue;
    out.push({ value: tenths * 10 + hundredths, text: m[0], index: m.index });
  }
  // 三分之一, 四分之三, "a third", "two thirds", "a quarter": a share said as a fraction.
  for (const m of text.matchAll(/(?<![一二两三四五六七八九十\d])([一二两三四五六七八九十]|\d{1,2})\s*分之\s*([一二两三四五六七八九]|\d)(?![十百\d])/g)) {
    const [whole, part] = [m[1], m[2]].map((x) => (/\d/.test(x) ? Number(x) : parseZhNumber(x)));
    if (whole && part && part < whole) out.push({ value: round((part / whole) * 100, 4), text: m[0], index: m.index });
  }
  for (const m of text.matchAll(/\b(a|one|two|three|four)[- ](third|thirds|quarter|quarters|fifth|fifths)\b/gi)) {
    const part = { a: 1, one: 1, two: 2, three: 3, four: 4 }[m[1].toLowerCase() as 'a'];
    const whole = { third: 3, quarter: 4, fifth: 5 }[m[2].toLowerCase().replace(/s$/, '') as 'third'];
    if (part < whole) out.push({ value: round((part / whole) * 100, 4), text: m[0], index: m.index });
  }
  // Texts as written (98％, not 98%): offsets are the same in both.
  return out.sort((a, b) => a.index - b.index).map((p) => ({ ...p, text: input.slice(p.index, p.index + p.text.length) }));
}

/** The longest Chinese numeral at the start of s (百分之九十五的 → 95). */
function longestZh(s: string): { value: number; length: number } | undefined {
  for (let end = s.length; end > 0; end--) {
    const v = parseZhNumber(s.slice(0, end));
    if (v !== undefined) return { value: v, length: end };
  }
  return undefined;
}

// Words for a service level, before or after the figure: 服务水平98%, 98%的服务水平, 95%不缺货, service level 99%.
const SERVICE_WORD = '服务水平|服务水准|服务率|服务等级|满足率|现货率|有货率|不缺货(?:率|的概率|的几率|的把握)?|不断货(?:率|的概率|的几率|的把握)?|service[- ]level|fill[- ]rate|in[- ]stock(?: (?:rate|probability|chance))?|availability|cycle service level|\\bcsl\\b';
const SERVICE_BEFORE = new RegExp(`(?:${SERVICE_WORD})\\s*(?:是|为|要|定在|设为|设成|设到|调到|改成|到|at|of|is|to|=|:)?\\s*(?:是|为|到|at|of|to)?\\s*$`, 'i');
const SERVICE_AFTER = new RegExp(`^\\s*(?:的)?\\s*(?:${SERVICE_WORD}|(?:的)?把握(?:不缺货|不断货)?|chance of not running out|(?:of )?the time)`, 'i');

const STOCKOUT_WORD = '缺货|断货|缺货(?:的)?(?:概率|率|几率|风险|可能)|断货(?:的)?(?:概率|率|几率|风险|可能)|stock[- ]?outs?(?: (?:risk|rate|probability|chance))?|(?:risk|chance|probability) of (?:a )?(?:stock[- ]?out|running out)';
const STOCKOUT_BEFORE = new RegExp(`(?:${STOCKOUT_WORD})\\s*(?:控制在|不超过|不高于|低于|小于|在|是|为|要|of|under|below|at most|no more than|less than|is|=|:)?\\s*$`, 'i');
const STOCKOUT_AFTER = /^\s*(?:的)?(?:缺货|断货)(?:概率|率|几率|风险)?|^\s*(?:chance|risk|probability) of (?:a )?(?:stock[- ]?out|running out)|^\s*(?:of the time )?(?:stock[- ]?out|run(?:ning)? out)/i;

/** The service level a merchant names, as the restock tool takes it: 0.5 to 0.999 (98% → 0.98, 服务水平0.95 → 0.95). */
export function findServiceLevelValue(input: string): { value: number; text: string } | undefined {
  const text = normaliseWidth(input);
  for (const p of findPercents(text)) {
    if (SERVICE_BEFORE.test(text.slice(Math.max(0, p.index - 24), p.index)) || SERVICE_AFTER.test(text.slice(p.index + p.text.length))) {
      const v = round(p.value / 100, 4);
      return v >= 0.5 && v <= 0.999 ? { value: v, text: p.text } : undefined;
    }
  }
  // The chance of running out, the other side of it: 缺货概率控制在2%以内 (0.98), "stock-out risk under 3%" (0.97).
  for (const p of findPercents(text)) {
    if (STOCKOUT_BEFORE.test(text.slice(Math.max(0, p.index - 24), p.index)) || STOCKOUT_AFTER.test(text.slice(p.index + p.text.length))) {
      const v = round(1 - p.value / 100, 4);
      return v >= 0.5 && v <= 0.999 ? { value: v, text: p.text } : undefined;
    }
  }
  // A whole number said right after the words: "service 98", "服务水平 97.5".
  const whole = new RegExp(`(?:${SERVICE_WORD}|\\bservice)\\s*(?:是|为|at|of|is|to|=|:)?\\s*(\\d{2}(?:\\.\\d)?)(?![\\d%.])`, 'i').exec(text);
  if (whole) {
    const v = round(Number(whole[1]) / 100, 4);
    if (v >= 0.5 && v <= 0.999) return { value: v, text: whole[1] };
  }
  // A fraction: service level 0.95, 服务水平0.98.
  const frac = new RegExp(`(?:${SERVICE_WORD})\\s*(?:是|为|at|of|is|to|=|:)?\\s*(0?\\.\\d{1,3})(?![\\d%])`, 'i').exec(text);
  if (frac) {
    const v = Number(frac[1]);
    return v >= 0.5 && v <= 0.999 ? { value: v, text: frac[1] } : undefined;
  }
  return undefined;
}

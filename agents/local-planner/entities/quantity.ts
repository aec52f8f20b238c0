// Counts, packs and what a purchase cost: "3瓶", "两包", "x3", "3 bottles", "a dozen", "half a dozen"; packs
// "6瓶一提", "一箱12罐", "6瓶装", "a pack of 6", "a 6-pack", "case of 12"; and with money, "6瓶一提 15块"
// (one pack of 6 for ¥15), "买了3瓶，每瓶8块" (3 at 8 each), "3瓶一共24块" (24 in all).
// It does not count sizes (2kg, 500ml, 10000mAh, 64GB), weights sold loose (2斤苹果), sizes in 码/号, or
// counts of anything but goods (3天, 3号店, top 3).
//
// A purchase with a pack is recorded as packs at the pack's price (一箱12罐 30块 → 1 at 30), not as single
// items (12 at 2.5), because record_purchase takes the price per unit of the product it matches and this
// catalogue sells packs as products of their own (矿泉水 24瓶整箱, 气泡水 6瓶装, 牛奶 整箱12盒) whose offer is
// the pack's price; record_purchase refuses more than 20 pieces, which a case of 24 single bottles would be;
// and a pack price split into items does not always come out in whole fen (3瓶10块 → 3.33 each, 9.99 in all).
// The single-item reading is returned too (items, itemPrice) for a caller that matched a single-item product.
import { findAllMoney, type Money } from './money.ts';
import { findNumbers, normaliseWidth, round, type NumberToken } from './numbers.ts';

export type Quantity = { count: number; unit?: string; text: string; index: number };
export type Pack = { size: number; unit?: string; container: string; text: string; index: number };
export type Purchase = {
  /** How many of what was bought: packs when a pack is named, else pieces. */
  quantity: number;
  /** The price of one of those (a pack's price when a pack is named). */
  price?: number;
  total?: number;
  /** The same purchase in single items: 一箱12罐 30块 → 12 at 2.5. */
  items?: number;
  itemPrice?: number;
  pack?: Pack;
  /** What the amount said was: per piece, per pack, for everything, or not said (then taken per piece). */
  priceIs?: 'unit' | 'pack' | 'total' | 'unstated';
  /** The words read (counts, packs, 每瓶, 一共): remove them from the text to get the product. */
  texts: string[];
};

// Classifiers of goods (what a count counts) and of packs (what holds them).
const PIECE = '瓶|罐|听|支|个|包|袋|盒|片|卷|块|条|根|颗|粒|枚|只|桶|杯|双|本|张|筒|件|套|份|台|部|副|对|串|把|碗';
const CONTAINER = '提|箱|件|盒|包|袋|排|板|组|套|条|扎|捆|筐|桶|篮|托';
const EN_PIECE = 'bottles?|cans?|tins?|packs?|packets?|boxes|box|bags?|pieces?|pcs|items?|rolls?|cartons?|cases?|units?|bars?|tubes?|jars?|sachets?|loaves|loaf|cups?|pairs?|sets?|bunch(?:es)?|punnets?|heads?|trays?';
const EN_CONTAINER = 'pack|packet|case|box|carton|crate|tray|bag|bundle|multipack|sleeve';

/** The first count of goods in the text: "3瓶" → 3, "两包" → 2, "x3" → 3, "a dozen" → 12, "half a dozen" → 6. */
export function findQuantity(input: string): Quantity | undefined {
  const text = normaliseWidth(input);
  const tokens = findNumbers(text);
  const used = new Set<NumberToken>();
  for (const m of findAllMoney(text)) for (const t of tokens) if (t.start >= m.index && t.end <= m.index + m.text.length) used.add(t); // 15块 is money, not 15 pieces
  const counts = readCounts(text, tokens, used);
  // "饺子20个 x2": the multiplier counts the packs; the pieces before it are what one pack holds.
  const q = counts.find((c) => /^(?:x|×|\*)/i.test(c.text)) ?? counts[0];
  return q && { ...q, text: input.slice(q.index, q.index + q.text.length) };
}

/** The first pack named: "6瓶一提" → 6 瓶 per 提, "一箱12罐" → 12 罐 per 箱, "6瓶装", "a pack of 6", "a 6-pack". */
export function findPack(input: string): (Pack & { packs: number }) | undefined {
  const pack = readPacks(normaliseWidth(input), findNumbers(input))[0];
  return pack && { ...strip(pack, input), packs: pack.packs };
}

/** What was bought and for how much, from a message that says so. Undefined without a count or a pack. */
export function readPurchase(input: string, money: Money | undefined = findPriceMoney(input)): Purchase | undefined {
  const text = normaliseWidth(input);
  const tokens = findNumbers(text);
  // A "pack" that is the money itself (一包4块: 4块 is the price of one pack, not 4 pieces in it) is no pack.
  const packs = readPacks(text, tokens).filter((p) => !money || !(p.index < money.index + money.text.length && money.index < p.index + p.text.length && /[块元]$/.test(p.text)));
  const pack = packs[0];
  const used = new Set<NumberToken>(pack ? pack.tokens : []);
  const marker = money ? priceMarker(text, money, pack) : undefined;
  const within = (from: number, to: number) => { for (const t of tokens) if (t.start >= from && t.end <= to) used.add(t); };
  for (const m of findAllMoney(text)) within(m.index, m.index + m.text.length); // 二三十块以内 is money, not 25 pieces
  if (marker) within(marker.index, marker.index + marker.texts[0].length); // the 一 of 8块一瓶 counts nothing
  // "立白抽纸 12包 x2": the multiplier counts what was bought; the pieces before it are what one holds.
  const counts = readCounts(text, tokens, used);
  const counted = counts.find((c) => /^(?:x|×|\*)/i.test(c.text)) ?? counts[0];
  // "two of the 12-packs", "买了两个12支装": the count of packs named before the pack.
  if (pack && counted && pack.packs === 1 && counted.index < pack.index) pack.packs = counted.count;
  // "晨光中性笔12支装，3盒，每盒25.9": the count of the packs said after the pack, in a container word.
  else if (pack && counted && pack.packs === 1 && counted.index > pack.index && pack.container === '装' && new RegExp(`(?:${CONTAINER})$`).test(counted.text)) pack.packs = counted.count;
  const count = pack ? undefined : counted;
  if (!pack && !count) return undefined;

  // Texts as written (３瓶, not 3瓶), so that they can be taken out of the message: offsets are the same in both.
  const asWritten = (at: number, piece: string) => input.slice(at, at + piece.length);
  const texts = [...(pack ? [asWritten(pack.index, pack.text)] : []), ...(pack?.counted ? [asWritten(pack.counted.index, pack.counted.text)] : []), ...(counted && (count || pack?.packs === counted.count) ? [asWritten(counted.index, counted.text)] : [])];
  if (marker && !texts.some((x) => x.includes(marker.texts[0]))) texts.push(asWritten(marker.index, marker.texts[0]));
  const isDozen = count && /打|dozen/i.test(count.text);
  const many = (pack?.packs ?? count?.count ?? 1) > 1;
  // "9 for 3 bottles", "paid 51.8 for two of them": the amount is for all of them.
  const forAll = many && (/\bfor\s*$/i.test(text.slice(0, money?.index ?? 0)) || (money !== undefined && /^\s*for\s+(?:the\s+)?(?:\d+|[a-z]+)\b/i.test(text.slice(money.index + money.text.length))));
  const priceIs: Purchase['priceIs'] = !money ? undefined : marker?.kind ?? (forAll ? 'total' : pack ? 'pack' : isDozen ? 'total' : 'unstated');

  if (pack) {
    const n = pack.packs;
    const items = n * pack.size;
    const out: Purchase = { quantity: n, items, pack: strip(pack, input), priceIs, texts };
    if (money) {
      const packPrice = priceIs === 'unit' ? money.amount * pack.size : priceIs === 'total' ? money.amount / n : money.amount;
      out.price = round(packPrice, 2);
      out.total = round(packPrice * n, 2);
      out.itemPrice = round(packPrice / pack.size, 2);
    }
    return out;
  }
  const c = count!;
  const out: Purchase = { quantity: c.count, priceIs, texts };
  if (money) {
    const each = priceIs === 'total' ? money.amount / c.count : money.amount;
    out.price = round(each, 2);
    out.total = priceIs === 'total' ? money.amount : round(each * c.count, 2);
  }
  return out;
}

/** The amount a purchase message names: the first that is not a cap or floor. */
function findPriceMoney(text: string): Money | undefined {
  return findAllMoney(text).find((m) => m.max === undefined && m.min === undefined);
}

/** `counted`: the count of packs, when said apart from the pack ("两箱光明牛奶 整箱12盒"). */
type PackRead = Pack & { packs: number; tokens: NumberToken[]; counted?: { index: number; text: string } };

function readPacks(text: string, tokens: NumberToken[]): PackRead[] {
  const out: PackRead[] = [];
  let until = 0;
  const push = (p: Omit<PackRead, 'tokens'>) => {
    const end = p.index + p.text.length;
    out.push({ ...p, tokens: tokens.filter((x) => x.start >= p.index && x.end <= end) });
    until = end;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.start < until || !Number.isInteger(t.value) || t.value < 1) continue;
    const after = text.slice(t.end);
    const next = tokens[i + 1];
    // 6瓶一提, 12罐/箱, 24瓶每件: N pieces to one container (两提, 6瓶一提: the number of containers before it).
    const a = new RegExp(`^\\s*(${PIECE})\\s*(?:一|每|/)\\s*(${CONTAINER})`).exec(after);
    // "两盒 一盒13.9": two boxes, a box at 13.9 — the same word twice is a count and its price, not boxes in a box.
    if (a && t.value > 1 && a[1] !== a[2]) {
      const n = containersBefore(text, tokens, t, a[2]);
      const start = n?.start ?? t.start;
      // "6瓶一提 买了两提": the containers counted after the pack is described.
      const later = n ? undefined : containersAfter(text, tokens, t.end + a[0].length, a[2]);
      push({ size: t.value, unit: a[1], container: a[2], text: text.slice(start, t.end + a[0].length), index: start, packs: n?.value ?? later ?? 1 });
      continue;
    }
    // 整箱12盒, 每箱24瓶: the size of one container, the number of them said elsewhere ("两箱光明牛奶 整箱12盒那种").
    const whole = new RegExp(`(?:整|每)(${CONTAINER})\\s*(?:有|是|装|共)?\\s*$`).exec(text.slice(0, t.start));
    const piece = new RegExp(`^\\s*(${PIECE})`).exec(after);
    if (whole && piece && t.value > 1) {
      // The count of containers said before ("两箱…"), with the same container word.
      const counted = tokens.slice(0, i).findLast((x) => Number.isInteger(x.value) && x.value >= 1 && text.slice(x.end).trimStart().startsWith(whole[1]) && whole.index - x.end <= 24);
      push({ size: t.value, unit: piece[1], container: whole[1], text: text.slice(whole.index, t.end + piece[0].length), index: whole.index, packs: counted?.value ?? 1,
        counted: counted && { index: counted.start, text: text.slice(counted.start, text.indexOf(whole[1], counted.end) + 1) } });
      continue;
    }
    // 6瓶装, 12支装, 10个装 (the catalogue's own words for a pack).
    const z = new RegExp(`^\\s*(${PIECE})?装(?!修|饰|备|置)`).exec(after);
    if (z && t.value > 1) {
      const n = containersBefore(text, tokens, t, undefined);
      const start = n?.start ?? t.start;
      push({ size: t.value, unit: z[1], container: '装', text: text.slice(start, t.end + z[0].length), index: start, packs: n?.value ?? 1 });
      continue;
    }
    if (!next || !Number.isInteger(next.value) || next.value < 2) continue;
    const between = text.slice(t.end, next.start);
    // 一箱12罐, 两提，每提6瓶, 一盒有10片: containers, then N pieces in each.
    const b = new RegExp(`^\\s*(${CONTAINER})\\s*[,，]?\\s*(?:每(?:${CONTAINER}))?\\s*(?:有|是|装|共)?\\s*$`).exec(between);
    const unit = new RegExp(`^\\s*(${PIECE})`).exec(text.slice(next.end));
    if (b && unit) {
      // 买了两箱，一箱24瓶: "one case of 24", and two of them were bought.
      const said = t.value === 1 ? new RegExp(`(${CONTAINER})\\s*[,，]?\\s*$`).exec(text.slice(0, t.start)) : null;
      const prev = said && said[1] === b[1] ? tokens.find((x) => x.end === said.index && Number.isInteger(x.value)) : undefined;
      const start = prev ? prev.start : t.start;
      push({ size: next.value, unit: unit[1], container: b[1], text: text.slice(start, next.end + unit[0].length), index: start, packs: prev ? prev.value : t.value });
      continue;
    }
    // two packs of 6, 3 cases of 12 cans.
    const of = new RegExp(`^\\s*(${EN_CONTAINER})(?:e?s)?\\s+of\\s*$`, 'i').exec(between);
    if (of) {
      const noun = new RegExp(`^\\s*(${EN_PIECE})(?![a-z])`, 'i').exec(text.slice(next.end));
      // "2 boxes of Three Squirrels nuts": a number word that starts a name counts nothing.
      if (next.kind === 'en' && !noun && /^\s+[a-z]/i.test(text.slice(next.end))) continue;
      push({ size: next.value, unit: noun?.[1], container: of[1].toLowerCase(), text: text.slice(t.start, next.end + (noun?.[0].length ?? 0)), index: t.start, packs: t.value });
    }
  }
  // a 6-pack, two six-packs, a 12 pack.
  for (const t of tokens) {
    // "a 6-pack", "a 12 pack", "two six-packs"; not "three packs" (three of them, however big).
    const dash = /^\s*-\s*packs?(?![a-z])|^\s*pack(?![a-z])/i.exec(text.slice(t.end));
    if (!dash || !Number.isInteger(t.value) || t.value < 2 || out.some((p) => overlaps(p, t.start))) continue;
    const before = /\b(an?|one|two|three|four|five|\d+)\s+$/i.exec(text.slice(0, t.start));
    const packs = before ? (/^an?$/i.test(before[1]) ? 1 : (findNumbers(before[1])[0]?.value ?? 1)) : 1;
    const start = before ? before.index : t.start;
    const piece = text.slice(start, t.end + dash[0].length);
    out.push({ size: t.value, container: 'pack', text: piece, index: start, packs, tokens: tokens.filter((x) => x.start >= start && x.end <= start + piece.length) });
  }
  // a pack of 6, a case of 12 cans: the article is not a number token.
  for (const m of text.matchAll(new RegExp(`\\ban?\\s+(${EN_CONTAINER})\\s+of\\s+(\\d+|[a-z]+(?:[\\s-][a-z]+)?)(?:\\s+(${EN_PIECE}))?(?![a-z])`, 'gi'))) {
    const t = tokens.find((x) => x.start >= m.index + m[0].indexOf(' of ') && x.start < m.index + m[0].length);
    if (!t || !Number.isInteger(t.value) || t.value < 2 || out.some((p) => overlaps(p, m.index))) continue;
    const end = m[3] ? m.index + m[0].length : t.end;
    out.push({ size: t.value, unit: m[3], container: m[1].toLowerCase(), text: text.slice(m.index, end), index: m.index, packs: 1, tokens: [t] });
  }
  return out.sort((x, y) => x.index - y.index);
}

const overlaps = (p: { index: number; text: string }, at: number) => p.index <= at && at < p.index + p.text.length;

/** 两提 before "6瓶一提": the number of containers, when said with the same container word or 装. */
function containersBefore(text: string, tokens: NumberToken[], t: NumberToken, container: string | undefined) {
  const prev = tokens[tokens.indexOf(t) - 1];
  if (!prev || !Number.isInteger(prev.value)) return undefined;
  const between = text.slice(prev.end, t.start);
  const re = new RegExp(`^\\s*(${container ?? CONTAINER})\\s*[,，]?\\s*(?:每(?:${container ?? CONTAINER}))?\\s*$`);
  return re.test(between) ? { value: prev.value, start: prev.start, token: prev } : undefined;
}

/** 两提 after "6瓶一提" ("可乐 6瓶一提 买了两提"): a count of the same container a few words on, not its price's 一提. */
function containersAfter(text: string, tokens: NumberToken[], from: number, container: string): number | undefined {
  for (const t of tokens) {
    if (t.start < from || t.start - from > 12 || !Number.isInteger(t.value) || t.value < 2) continue;
    if (new RegExp(`^\\s*${container}(?!装)`).test(text.slice(t.end)) && /^[\s，,]*(?:买了|拿了|要了|买|共|一共)?\s*$/.test(text.slice(from, t.start))) return t.value;
  }
  return undefined;
}

type CountRead = Quantity;

const EN_BUY_BEFORE = /\b(?:bought|buy|buying|got|get|grabbed|picked up|purchased|ordered|log(?:ged)?|record(?:ed)?|add(?:ed)?|had|for|paid for)\s+$/i;
/** Not goods after the number: a unit of money, size or time ("for 30 yuan", "got 2 days"), or a number word. */
const NOT_GOODS_AFTER = /^\s+(?:yuan|kuai|bucks?|rmb|cny|dollars?|usd|days?|weeks?|months?|years?|hours?|minutes?|times?|percent|kg|g|ml|l|mah|gb|cm|mm|inch(?:es)?|and|or|to|more|less|each|apiece|in total|total|at|off|stars?|points?)(?![a-z])/i;

function readCounts(text: string, tokens: NumberToken[], used: Set<NumberToken>): CountRead[] {
  const out: CountRead[] = [];
  for (const t of tokens) {
    if (used.has(t) || !(t.value > 0)) continue;
    const after = text.slice(t.end);
    const before = text.slice(0, t.start);
    if (/(?:第|top|no\.?|#|shop|store|number)\s*$/i.test(before)) continue;
    // 一打 (12), 两打 (24); a dozen, two dozen are number words already.
    const dozen = /^\s*打(?![折开电包车的算])/.exec(after);
    if (dozen && Number.isInteger(t.value)) { out.push({ count: t.value * 12, unit: '打', text: text.slice(t.start, t.end + dozen[0].length), index: t.start }); continue; }
    if (t.kind === 'en' && /dozen/i.test(t.text)) {
      const noun = new RegExp(`^\\s*(?:of\\s+)?(${EN_PIECE})(?![a-z])`, 'i').exec(after);
      out.push({ count: t.value, unit: 'dozen', text: text.slice(t.start, t.end + (noun?.[0].length ?? 0)), index: t.start });
      continue;
    }
    if (!Number.isInteger(t.value)) continue;
    // "12盒装" is a pack size, not 12 boxes; "两箱牛奶" counts cases, when no pack was read around it.
    const zh = new RegExp(`^\\s*个?\\s*(${PIECE}|${CONTAINER})(?!装)`).exec(after);
    if (zh && !(zh[1] === '块' && /^\s*块(?:钱|$|[\s\p{P}])/u.test(after))) { out.push({ count: t.value, unit: zh[1], text: text.slice(t.start, t.end + zh[0].length), index: t.start }); continue; }
    const en = new RegExp(`^\\s*(${EN_PIECE})(?![a-z])`, 'i').exec(after);
    if (en && !/\bof\s*$/i.test(before)) { out.push({ count: t.value, unit: en[1].toLowerCase(), text: text.slice(t.start, t.end + en[0].length), index: t.start }); continue; }
    // "2 of them", "three of those": a count of what was named.
    const ofThem = /^\s+of\s+(?:them|those|these)\b/i.exec(after);
    if (ofThem && t.value <= 50) { out.push({ count: t.value, text: text.slice(t.start, t.end + ofThem[0].length), index: t.start }); continue; }
    // "bought 2 Tide shampoos", "log 3 lattes", "two of the gel pens": a small count right after a buying word, before the goods.
    if (t.value <= 50 && EN_BUY_BEFORE.test(before) && /^\s+(?:of\s+(?:the|those|these|them)\s+)?[a-z]/i.test(after) && !NOT_GOODS_AFTER.test(after)) {
      const of = /^\s+of\s+(?:the|those|these|them)\b/i.exec(after);
      out.push({ count: t.value, text: text.slice(t.start, t.end + (of?.[0].length ?? 0)), index: t.start });
      continue;
    }
    const times = /(?<![\d.])(?:(?<![a-z])x|×|\*)\s*$/i.exec(before); // not 2x3 (a size)
    if (times && t.kind === 'arabic' && !/^[\d.]/.test(after)) { out.push({ count: t.value, text: text.slice(times.index, t.end), index: times.index }); continue; }
  }
  // "a bottle of cola", "an item": one.
  // 俩 (two of them), 仨 (three): a count with its classifier in it ("买了俩面包").
  for (const m of text.matchAll(/[俩仨](?![月天年周])/g)) {
    if (!out.some((q) => q.index <= m.index! && m.index! < q.index + q.text.length)) out.push({ count: m[0] === '俩' ? 2 : 3, text: m[0], index: m.index! });
  }
  for (const m of text.matchAll(new RegExp(`\\b(?:a|an)\\s+(${EN_PIECE.replace(/s\?/g, '')})(?![a-z])(?!\\s+of\\s+\\d)`, 'gi'))) {
    if (out.some((c) => Math.abs(c.index - m.index) < 3)) continue;
    out.push({ count: 1, unit: m[1].toLowerCase(), text: m[0], index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** 每瓶8块 / 8块一瓶 / 8 yuan each (per piece), 15块一提 / 每箱30 (per pack), 一共24块 / 24 in total (for everything). */
function priceMarker(text: string, money: Money, pack: PackRead | undefined): { kind: 'unit' | 'pack' | 'total'; texts: string[]; index: number } | undefined {
  const found = marker(text, money, pack);
  if (!found) return undefined;
  const at = found.before ? text.lastIndexOf(found.texts[0], money.index) : text.indexOf(found.texts[0], money.index + money.text.length);
  return { kind: found.kind, texts: found.texts, index: at };
}

function marker(text: string, money: Money, pack: PackRead | undefined): { kind: 'unit' | 'pack' | 'total'; texts: string[]; before: boolean } | undefined {
  const before = text.slice(0, money.index);
  const after = text.slice(money.index + money.text.length);
  // A price for the pack's own word (15块一提, 每箱30, per case) is the pack's; any other piece word, one piece's.
  const kindOf = (word: string): 'unit' | 'pack' => {
    if (!pack) return 'unit';
    const w = word.toLowerCase().replace(/e?s$/, '');
    // "10枚装的鸡蛋 每盒十二": a pack named by its size (N枚装) is held in the container the price names.
    const holds = pack.container === '装' && w !== pack.unit && new RegExp(`^(?:${CONTAINER})$`).test(w);
    return w === pack.container || holds ? 'pack' : 'unit';
  };
  const zhBefore = new RegExp(`(?:每|一)\\s*(${PIECE}|${CONTAINER})\\s*(?:是|要|卖)?\\s*$`).exec(before);
  if (zhBefore) return { kind: kindOf(zhBefore[1]), texts: [zhBefore[0].trim()], before: true };
  if (/(?:单价|each|apiece)\s*(?:是|为|at|for|is|costs?)?\s*$/i.test(before)) return { kind: 'unit', texts: [/(?:单价|each|apiece)\s*(?:是|为|at|for|is|costs?)?\s*$/i.exec(before)![0].trim()], before: true };
  const perBefore = /\bper\s+([a-z]+)\s*(?:at|for|is)?\s*$/i.exec(before);
  if (perBefore) return { kind: kindOf(perBefore[1]), texts: [perBefore[0].trim()], before: true };
  const totalBefore = /(?:一共|总共|总计|合计|总价|共计|共|花了|实付|in total|total(?: of)?|altogether|for (?:all|both|the lot|them all))\s*(?:付了|花了|给了|是|为|of|is|paid)?\s*$/i.exec(before);
  if (totalBefore) return { kind: 'total', texts: [totalBefore[0].trim()], before: true };
  const zhAfter = new RegExp(`^\\s*(?:一|每|/)\\s*(${PIECE}|${CONTAINER})`).exec(after);
  if (zhAfter) return { kind: kindOf(zhAfter[1]), texts: [zhAfter[0].trim()], before: false };
  const enAfter = /^\s*(?:each|apiece|a piece|per\s+([a-z]+)|an?\s+([a-z]+))(?![a-z])/i.exec(after);
  if (enAfter && !(enAfter[2] && !new RegExp(`^(?:${EN_PIECE.replace(/s\?/g, '')}|${EN_CONTAINER})$`, 'i').test(enAfter[2]))) {
    const word = enAfter[1] ?? enAfter[2];
    return { kind: word ? kindOf(word) : 'unit', texts: [enAfter[0].trim()], before: false };
  }
  const totalAfter = /^\s*(?:in total|total|altogether|in all|for (?:all|both|the lot|them all)|一共|总共)/i.exec(after);
  if (totalAfter) return { kind: 'total', texts: [totalAfter[0].trim()], before: false };
  return undefined;
}

function strip(p: PackRead, input: string): Pack {
  const { packs: _packs, tokens: _tokens, counted: _counted, ...pack } = p;
  return { ...pack, text: input.slice(p.index, p.index + p.text.length) };
}

/** A weight of loose goods, as fruit and meat are bought: "三斤苹果", "2斤半", "半斤", "1公斤" (not "5公斤装", a
 *  pack's size, nor "5kg", which names a bag's size). `per` is the weight a price is said for ("六块五一斤", "每斤8块",
 *  "12元/斤"): 500 g for 斤. */
export type LooseWeight = { grams: number; text: string; index: number };

const JIN = 500;
const WEIGHT_UNIT: Record<string, number> = { 斤: JIN, 公斤: 1000, 千克: 1000 };

export function findLooseWeight(input: string): LooseWeight | undefined {
  const text = normaliseWidth(input);
  const half = /(?<![一二两三四五六七八九十\d])半斤/.exec(text);
  const money = findAllMoney(text);
  for (const t of findNumbers(text)) {
    const m = /^\s*(斤|公斤|千克)(半)?(?!装)/.exec(text.slice(t.end));
    // "一斤" right after a price ("六块五一斤") is what the price is for, not what was bought.
    const afterPrice = t.value === 1 && money.some((x) => /^\s*$/.test(text.slice(x.index + x.text.length, t.start)) && x.index < t.start);
    if (!m || !(t.value > 0) || afterPrice || money.some((x) => x.index <= t.start && t.start < x.index + x.text.length)) continue;
    const grams = t.value * WEIGHT_UNIT[m[1]] + (m[2] ? WEIGHT_UNIT[m[1]] / 2 : 0);
    return { grams, text: input.slice(t.start, t.end + m[0].length), index: t.start };
  }
  return half ? { grams: JIN / 2, text: input.slice(half.index, half.index + 2), index: half.index } : undefined;
}

/** The weight a price is said for: "六块五一斤", "每斤8块", "12元/斤", "一公斤十五" → grams; undefined when not per weight. */
export function pricePerWeight(input: string, money: Money): number | undefined {
  const text = normaliseWidth(input);
  const after = text.slice(money.index + money.text.length);
  const before = text.slice(0, money.index);
  const m = /^\s*(?:一|每|\/|per\s*)(斤|公斤|千克)/.exec(after) ?? /(?:每|一)(斤|公斤|千克)\s*(?:是|要|卖)?\s*$/.exec(before);
  return m ? WEIGHT_UNIT[m[1]] : undefined;
}

/** The grams of one unit of a product, from its name ("都乐苹果 500g" → 500, "大米 5kg" → 5000). */
export function gramsInName(name: string): number | undefined {
  const m = /(\d+(?:\.\d+)?)\s*(kg|g|克|公斤|千克)(?![a-z])/i.exec(name);
  if (!m) return undefined;
  return Number(m[1]) * (/^(?:kg|公斤|千克)$/i.test(m[2]) ? 1000 : 1);
}

// A merchant naming one of their own shops: "鲁巷店的评价", "那我广埠屯那家店呢", "the Zhongnan Rd shop",
// "sorry, I meant the other shop". The shops come from the store through the system prompt (only the
// caller's own), so a branch name is read as that shop and never as where the user is.
import { HUBS } from '../../../prisma/seed/city.ts';

export type OwnShop = { id: number; nameZh: string; nameEn: string };

/** The branch of a shop name: "小桔服饰(中南路店)" → "中南路店"; "Little Orange Fashion (Zhongnan Rd)" → "Zhongnan Rd". */
function branchOf(name: string): string | undefined {
  return /[(（]([^()（）]+)[)）]\s*$/.exec(name)?.[1]?.trim();
}

/** The ways people name a branch: 中南路店 / 中南路 / 中南路那家; Zhongnan Rd / Zhongnan Road / Zhongnan. */
function namesOf(shop: OwnShop): string[] {
  const names = [shop.nameZh, shop.nameEn.toLowerCase()];
  const zh = branchOf(shop.nameZh);
  if (zh) names.push(zh, zh.replace(/店$/, ''));
  const en = branchOf(shop.nameEn)?.toLowerCase();
  if (en) {
    names.push(en, en.replace(/\brd\b\.?/, 'road').replace(/\bst\b\.?/, 'street').replace(/\bsq\b\.?/, 'square'));
    const first = en.split(/\s+/)[0];
    if (first.length >= 4) names.push(first);
  }
  return [...new Set(names.filter((n) => n.length >= 2))];
}

/** The branch without 店 / 二店: 楚河汉街店 → 楚河汉街. */
function coreOf(name: string): string | undefined {
  return branchOf(name)?.replace(/(?:[二三四五六七八九]|分)?店$/, '');
}
const GENERIC = /^(?:广场|大街|大道|路|街|中心|商场|商圈|小区|校区|分店|门口|附近)$/;

/** The two-character and longer parts of a Chinese branch name, generic words (广场, 大道) left out. */
function partsOf(shop: OwnShop): string[] {
  const core = coreOf(shop.nameZh);
  if (!core || !/^\p{Script=Han}+$/u.test(core)) return [];
  const parts: string[] = [];
  for (let i = 0; i < core.length; i++) for (let j = i + 2; j <= core.length; j++) if (j - i < core.length && !GENERIC.test(core.slice(i, j))) parts.push(core.slice(i, j));
  return parts;
}

export type ShopNamed = { id: number; text: string };

const OTHER = /另一家|另外一家|另外那家|另一个店|另一间|另外的店|the other (?:shop|store|one|branch)|other shop|other store/i;

/**
 * The caller's shop this message names, by branch or full name (the longest name found wins), or "the other
 * one" when they have exactly two and one is in the conversation. Undefined when none is named.
 */
export function findOwnShop(text: string, shops: OwnShop[], current?: number): ShopNamed | undefined {
  if (!shops.length) return undefined;
  const lower = text.toLowerCase();
  let best: ShopNamed | undefined;
  for (const shop of shops) {
    for (const name of namesOf(shop)) {
      const found = /^[a-z .]+$/.test(name) ? new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(lower) : lower.includes(name);
      if (found && (!best || name.length > best.text.length)) best = { id: shop.id, text: name };
    }
  }
  if (best) return best;
  // A part of a branch name that no other of their shops shares: "汉街" for 楚河汉街店, "光谷" for 光谷广场店.
  for (const shop of shops) {
    for (const part of partsOf(shop)) {
      if (!lower.includes(part) || shops.some((o) => o.id !== shop.id && coreOf(o.nameZh)?.includes(part))) continue;
      if (!best || part.length > best.text.length) best = { id: shop.id, text: part };
    }
  }
  if (best) return best;
  // "二店呢" after 光谷广场店: the second shop of the same place (光谷广场二店); without one in view, the only 二店.
  const nth = /(?:^|[\s，,那看还有和跟])([二三四234])(?:号)?店/u.exec(text);
  if (nth) {
    const n = '一二三四'['1234'.indexOf(nth[1])] ?? nth[1];
    const numbered = shops.filter((s) => branchOf(s.nameZh)?.endsWith(`${n}店`));
    const here = shops.find((s) => s.id === current);
    const pick = numbered.find((s) => here && coreOf(s.nameZh) === coreOf(here.nameZh)) ?? (numbered.length === 1 ? numbered[0] : undefined);
    if (pick) return { id: pick.id, text: nth[0].trim() };
  }
  const other = OTHER.exec(text);
  if (other && shops.length === 2 && current !== undefined && shops.some((s) => s.id === current)) {
    return { id: shops.find((s) => s.id !== current)!.id, text: other[0] };
  }
  return undefined;
}

// A shop's trade name as people write it: two to five characters and the kind of shop ("乐购数码", "博雅生鲜店",
// "大拇指超市"), or "Legou Digital", "Thumbs Up Supermarket".
const TRADE_ZH = /\p{Script=Han}{2,5}?(?:便利店|生鲜店|文具店|母婴店|超市|服饰|数码|餐厅|书店|美妆|运动|药房|水果店|奶茶店|咖啡馆?)/gu;
/** The demo city's hubs in English, as branches are named ("optics valley sq", "zhongnan rd"), longest first. */
const BRANCHES_ZH = HUBS.map((h) => h.zh).sort((a, b) => b.length - a.length);
const BRANCHES_EN = HUBS.map((h) => h.en.toLowerCase().replace(/\.$/, '')).sort((a, b) => b.length - a.length);
const TRADE_EN = /\b(?:[A-Z][a-z]+ ){1,3}(?:Convenience Store|Supermarket|Fashion|Digital|Stationery|Eatery|Market|Books|Beauty|Sports|Store)\b/g;

/**
 * A shop that is not the caller's, named by its trade name and branch: "乐购数码街道口店" when they own no 乐购数码,
 * or "博雅生鲜店卓刀泉店" when their 博雅生鲜店 shops are elsewhere. Undefined when every shop named is theirs.
 */
export function findForeignShop(text: string, shops: OwnShop[]): string | undefined {
  if (!shops.length) return undefined;
  for (const m of text.matchAll(TRADE_ZH)) {
    // The trade name is a tail of the match ("上周楚天超市" → 楚天超市): theirs if any tail starts one of their shop names.
    const kind = /(?:便利店|生鲜店|文具店|母婴店|超市|服饰|数码|餐厅|书店|美妆|运动|药房|水果店|奶茶店|咖啡馆?)$/u.exec(m[0])![0];
    // "我的超市", "哪家超市", "附近的数码": no trade name in them.
    const tails = [...Array(m[0].length - kind.length - 1).keys()].map((i) => m[0].slice(i)).filter((t) => t.length - kind.length >= 2 && !/^(?:我|你|他|她|咱|这|那|哪|什么|附近|的|家|个|店)|的/.test(t));
    if (!tails.length) continue;
    const trade = tails.find((t) => shops.some((s) => s.nameZh.startsWith(t)));
    if (!trade) return tails.find((t) => t.length - kind.length <= 3) ?? tails.at(-1);
    const mine = shops.filter((s) => s.nameZh.startsWith(trade));
    // Their trade name with a branch they do not have.
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 12);
    const branch = /^[（(]?\s*(\p{Script=Han}{2,6}?)(?:[二三四]?店|那家|那边)/u.exec(after)?.[1];
    if (branch && !mine.some((s) => (branchOf(s.nameZh) ?? '').includes(branch))) return `${trade}${branch}`;
    // "楚河汉街那家阳光美妆": the branch said first, a place of the city where they have none of that trade.
    const before = text.slice(0, m.index! + m[0].length - trade.length);
    const place = BRANCHES_ZH.find((b) => new RegExp(`${b}(?:那家|那个|这家|的|那边的?)?\\s*$`, 'u').test(before));
    if (place && !mine.some((s) => (branchOf(s.nameZh) ?? '').includes(place))) return `${trade}(${place})`;
  }
  for (const m of text.matchAll(TRADE_EN)) {
    const mine = shops.filter((s) => s.nameEn.toLowerCase().startsWith(m[0].toLowerCase()));
    if (!mine.length) return m[0];
    // Their trade name with a branch they do not have ("Osmanthus Supermarket Optics Valley Sq." when theirs is in Luxiang).
    const after = text.slice(m.index! + m[0].length).replace(/^\s*[(（]?\s*/, '').toLowerCase();
    const branches = [...new Set(BRANCHES_EN)].filter((b) => after.startsWith(b));
    if (branches.length && !mine.some((s) => branches.some((b) => (branchOf(s.nameEn) ?? '').toLowerCase().startsWith(b)))) return `${m[0]} ${branches[0]}`;
  }
  return undefined;
}

/** A branch of the city named as a shop ("楚河汉街那家的评分", "the Luxiang store") where the merchant has none: the place. */
export function findBranchNotOwned(text: string, shops: OwnShop[]): string | undefined {
  if (!shops.length) return undefined;
  const lower = text.toLowerCase();
  const zh = BRANCHES_ZH.find((b) => new RegExp(`${b}(?:那家|那个店|那边的店|的店|店|分店)`, 'u').test(text));
  const en = zh ? undefined : BRANCHES_EN.find((b) => new RegExp(`\\b${b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.?\\s+(?:shop|store|branch|one)\\b`).test(lower));
  const place = zh ?? en;
  if (!place) return undefined;
  const theirs = shops.some((s) => (zh ? (branchOf(s.nameZh) ?? '') : (branchOf(s.nameEn) ?? '').toLowerCase()).includes(place));
  return theirs ? undefined : zh ?? HUBS.find((h) => h.en.toLowerCase().replace(/\.$/, '') === en)?.en;
}

/** The shop trade names in a message ("在江城数码买了个U盘"): where something was bought, not what. */
export function tradeNamesIn(text: string): string[] {
  // The name starts after the last 在 / 去 / 从 / 到 / 的 before it ("上周三在江城数码" → 江城数码).
  return [...text.matchAll(TRADE_ZH)].map((m) => m[0].replace(/^.*[在去从到的]/u, '')).filter((t) => t.length >= 4 && !/^(?:我|你|他|她|这|那|哪|附近)/.test(t));
}

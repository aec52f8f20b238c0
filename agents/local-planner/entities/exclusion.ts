// What the shopper does not want: "除了零食", "不要华为的", "anything but snacks", "not the Xiaomi ones".
// Only a brand, an item or a category the catalogue knows counts ("not expensive" is no exclusion);
// the words are taken out of the message so nothing else reads them as wanted.
import type { ProductIndex } from '../../../tools/catalogue/product-search.ts';
import { CATEGORIES, CATEGORY_KEYS } from '../../../tools/catalogue/categories.ts';
import { leavesOutOnline } from '../../../tools/catalogue/exclusion.ts';

const ZH = [
  /除了\s*([\p{Script=Han}A-Za-z]{1,8}?)\s*(?:以外|之外)?(?=[，,\s？?]|还|都|别的|其他|其它|的|有|呢|吧|$)/u,
  /(?:不要|不想要|别要|别再?给我?推荐?|不用(?:再)?(?:给我)?推荐?|不需要(?:再)?(?:给我)?推荐?|不考虑)\s*([\p{Script=Han}A-Za-z]{1,8}?)\s*(?:牌子?|品牌|家|那种|这种)?的?(?=[，,。!！?？\s]|$|了|吧|呢|啊)/u,
  /([\p{Script=Han}A-Za-z]{1,8}?)(?:牌子?|品牌)?的(?:就)?(?:不要|别推荐?|算了)/u,
];
/** "零食以外的", "辣条就算了", "华为不要了": the goods end the run before the words (its start may be other words). */
const ZH_TAIL = [
  /([\p{Script=Han}A-Za-z]{1,8}?)(?:以外|之外)的/u,
  /([\p{Script=Han}A-Za-z]{1,8}?)(?:就算了|就免了|就不要了|不要了|免了|(?:就|也)?别(?:再)?(?:推荐?|给我推荐?|推了|要了))/u,
  // "辣条不要 please", "纸尿裤家里已经囤够了 不用推了": the goods, then that they are not wanted or already at home.
  /([\p{Script=Han}A-Za-z]{1,8}?)(?:就|也)?不要(?=[\s，,。!！…]|$|please|pls)/u,
  // "辣的 skip 哈": an English word of leaving out after the goods.
  /([\p{Script=Han}]{1,8}?)的?\s*(?:skip|pass|no thanks|nope)(?![a-z])/iu,
  /([\p{Script=Han}A-Za-z]{1,8}?)(?:家里|家里面|屋里)?(?:已经|都|早就)?(?:囤够了|囤够|囤了(?:不少|很多|好多)|还有(?:很多|好多|不少)|有的是|堆着)/u,
  // "洗衣液家里还有两桶 就别推了": some left at home, then not to suggest it.
  /([\p{Script=Han}A-Za-z]{1,8}?)(?:家里|家里面|屋里)?(?:已经|都)?还(?:剩|有)(?:[一两二三四五六七八九十几\d]+\s*[\p{Script=Han}]{0,2})?[，,\s]*(?:就|也)?(?:别|不用|不要)(?:再)?(?:推|买|给我推)/u,
];
const EN = [
  /\b(?:anything|something|stuff|things?)\s+(?:but|except|other than|besides)\s+(?:the\s+)?([a-z][a-z' ]{1,20}?)(?=[?.!,;:—–]|\s+[-—–]|\s+(?:please|pls|near|around|nearby|for|where|which|what|how|and|or)\b|$)/i,
  /\b(?:except|other than|apart from|besides)\s+(?:for\s+)?(?:the\s+)?([a-z][a-z' ]{1,20}?)(?=[?.!,;:—–]|\s+[-—–]|\s+(?:please|pls|near|around|nearby|where|which|what|how|and|or)\b|$)/i,
  // "Nothing from Three Squirrels, please", "none of the Lay's stuff": a brand of up to three words.
  /\b(?:nothing|none)\s+(?:from|by|of)\s+(?:the\s+)?([a-z][a-z']*(?:\s+[a-z][a-z']*){0,2}?)(?:\s+(?:ones?|brand|stuff))?(?=[?.!,;:]|\s+(?:please|pls|thanks)\b|$)/i,
  // "Skip the diapers, we're stocked up", "leave out the snacks", "without the Huawei ones".
  /\b(?:skip|leave out|minus|hold|without|drop)\s+(?:the\s+|any\s+)?([a-z][a-z']*(?:\s+[a-z][a-z']*)??)(?:\s+(?:ones?|stuff|brand))?(?=[?.!,;:]|\s+(?:please|pls|thanks|we|i|for|this|now)\b|$)/i,
  // "nothing spicy", "nothing too sweet": a taste left out.
  /\bnothing\s+(?:too\s+|very\s+)?(spicy|sweet|salty)\b/i,
  /\b(?:no more|not any more)\s+([a-z][a-z']*(?:\s+[a-z][a-z']*){0,2}?)(?=[?.!,;:]|\s+(?:please|pls|thanks)\b|$)/i,
  /\b(?:not|no)\s+(?:the\s+)?([a-z][a-z']{1,15})(?:\s+(?:ones?|brand|stuff))?(?=[?.!,]|\s|$)/i,
  /\b(?:i\s+)?(?:don'?t|do not)\s+want\s+(?:any\s+)?(?:the\s+)?([a-z][a-z']{1,15})(?:\s+(?:ones?|brand|stuff))?\b/i,
];

export type Exclusion = { word: string; text: string };

/** A taste left out ("不要辣的", "nothing spicy"): the goods whose name has it (辣条, 香辣鸭脖). */
const TASTE = /^(?:辣|麻辣|香辣|甜|咸|spicy|sweet|salty)$/;


/** The first brand, item or category word the message says it does not want, with the words saying so. */
export function findExclusion(text: string, products: ProductIndex): Exclusion | undefined {
  const { brands, items } = products.vocabulary();
  const categoryWords = new Set(CATEGORY_KEYS.flatMap((k) => CATEGORIES[k].words.map((w) => w.toLowerCase())));
  const known = (w: string) => {
    const lower = w.toLowerCase().replace(/'s$/, '').trim();
    const singular = lower.replace(/s$/, '');
    return [lower, singular].some((x) => brands.has(x) || items.has(x) || categoryWords.has(x)) || TASTE.test(lower);
  };
  for (const re of [...ZH, ...ZH_TAIL, ...EN]) {
    const m = re.exec(text);
    // Shops on the internet ("不要网上的", "not the online ones"): the word "online" leaves them out.
    if (m && leavesOutOnline(m[1])) return { word: 'online', text: m[0] };
    // Chinese has no spaces: the words before the goods are part of the run ("推荐零食以外的"), so its ends are tried.
    const word = m && ZH_TAIL.includes(re) ? [...m[1]].map((_, i) => m[1].slice(i)).find(known) : m && known(m[1]) ? m[1] : undefined;
    if (m && word) return { word: word.trim(), text: m[0].slice(m[1].length - word.length) };
  }
  // "只要实体店", "只看线下的", "in-store only": the same as leaving the online shops out.
  const offlineOnly = /(?:只要|只看|只去|就要|只找)(?:线下|实体店|实体|门店)|(?:线下|实体店)(?:就行|就好|的就行)|\b(?:in[- ]store|offline|physical (?:shops?|stores?)) only\b|\bonly (?:physical|real|offline|local) (?:shops?|stores?)\b/i.exec(text);
  if (offlineOnly) return { word: 'online', text: offlineOnly[0] };
  return undefined;
}

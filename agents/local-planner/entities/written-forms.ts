// The same words written another way, read as the planner knows them: traditional characters
// (請問附近哪裡有賣 → 请问附近哪里有卖, OpenCC's table), and product titles pasted from a shopping app,
// whose shop tags and sales words ("【官方旗舰】", "到手价", "包邮", "Free Shipping") name no product.
// Only what the understanding reads changes: the stored message stays as the user wrote it.
import { Converter } from 'opencc-js/t2cn';
import { parseEnNumber, parseZhNumber } from './numbers.ts';

let toSimplified: ((text: string) => string) | undefined;

/** Traditional characters (Taiwan, Hong Kong) as simplified ones; simplified text is left as it is. */
export function simplified(text: string): string {
  toSimplified ??= Converter({ from: 't', to: 'cn' });
  return toSimplified(text);
}

/** A bracketed tag that is a shop's or a sale's, not a product's: 【官方旗舰】, [Hot Sale], 「包邮」. */
const SALES_TAG = /[【\[「『(（][^】\]」』)）]{0,12}(?:官方|旗舰|正品|包邮|新品|新款|热卖|爆款|限时|秒杀|自营|直营|特价|现货|顺丰|官方旗舰店|品牌|授权|清仓|促销|official|flagship|hot|sale|new|genuine|free shipping|limited|best ?sellers?)[^】\]」』)）]{0,12}[】\]」』)）]/gi;
/** Sales words in a title: dropped; the price after 到手价 / 券后 stays. */
const SALES_WORDS = /买一送一|买二送一|第二件半价|第二件\d+元|满\d+减\d+|\bbuy one get one(?: free)?\b|\bbogo\b|到手价|券后价?|活动价|秒杀价|包邮|正品保证|官方正品|官方旗舰店|官方旗舰|旗舰店|热卖|爆款|新款|现货速发|现货|顺丰发货|\bfree shipping\b|\bofficial (?:store|flagship)\b|\bhot sale\b|\bnew arrival\b|\b100% genuine\b/gi;

export function withoutSalesWords(text: string): string {
  const out = text.replace(SALES_TAG, ' ').replace(SALES_WORDS, ' ');
  return out === text ? text : out.replace(/\s{2,}/g, ' ').trim();
}

// Labelled fields, as a receipt, an order page or a developer writes them ("商品名称：立白抽纸\n数量：2\n单价：29.90",
// "query=奶瓶 radius=3km sort=price_asc limit=3"): each field said as the words the planner reads.
const FIELD = /(?<![\p{L}\p{N}_])(商品名称|商品|品名|名称|货品|product|item|query|q|keyword|数量|件数|qty|quantity|count|单价|unit[ _]?price|price[ _]?each|实付(?:款|金额)?|实付|合计|总价|总计|小计|应付|total|amount(?:[ _]paid)?|paid|price|价格|金额|radius|范围|距离|sort|排序|limit|条数|top|page|页|max[ _]?price|budget|预算|店铺|门店|shop|store|日期|date)\s*[:：=]\s*([^\n;；,，&]+?)\s*(?=$|[\n;；,，&]|\s+(?:[\p{L}_]+)\s*[:：=])/giu;
const FIELD_SAYS: [RegExp, (v: string) => string][] = [
  [/^(?:商品名称|商品|品名|名称|货品|product|item|query|q|keyword)$/i, (v) => v],
  [/^(?:数量|件数|qty|quantity|count)$/i, (v) => (/^\d+$/.test(v) ? ` x${v}` : v)],
  [/^(?:单价|unit[ _]?price|price[ _]?each)$/i, (v) => `每件${v.replace(/^[¥￥]/, '')}元`],
  [/^(?:实付(?:款|金额)?|实付|合计|总价|总计|小计|应付|total|amount(?:[ _]paid)?|paid)$/i, (v) => `一共${v.replace(/^[¥￥]/, '')}元`],
  [/^(?:price|价格|金额)$/i, (v) => `${v.replace(/^[¥￥]/, '')}元`],
  [/^(?:radius|范围|距离)$/i, (v) => `${v}以内`],
  [/^(?:sort|排序)$/i, (v) => (/price|价/i.test(v) ? (/desc|高到低/i.test(v) ? '价格从高到低' : '最便宜的排前面') : /rat|评分|star/i.test(v) ? '按评分' : /dist|距离|near/i.test(v) ? '按距离' : v)],
  [/^(?:limit|条数|top)$/i, (v) => (/^\d+$/.test(v) ? `前${v}个` : v)],
  [/^(?:page|页)$/i, (v) => (/^\d+$/.test(v) ? `第${v}页` : v)],
  [/^(?:max[ _]?price|budget|预算)$/i, (v) => `${v.replace(/^[¥￥]/, '')}元以内`],
  [/^(?:店铺|门店|shop|store|日期|date)$/i, (v) => v],
];

/** Two or more labelled fields read as words; a message with fewer is left as it is. */
export function fieldsAsWords(text: string): string {
  const found = [...text.matchAll(FIELD)];
  if (found.length < 2) return text;
  // When both a unit price and a total are given, the unit price says it (the total follows from the count).
  const hasUnit = found.some((m) => /^(?:单价|unit[ _]?price|price[ _]?each)$/i.test(m[1]));
  let out = text;
  for (const m of found.reverse()) {
    const rule = FIELD_SAYS.find(([re]) => re.test(m[1]));
    if (!rule) continue;
    const total = /^(?:实付|合计|总价|总计|小计|应付|total|amount|paid)/i.test(m[1]);
    out = out.slice(0, m.index) + (hasUnit && total ? ' ' : rule[1](m[2].trim())) + out.slice(m.index! + m[0].length);
  }
  return out.replace(/[ \t]{2,}/g, ' ');
}

/** Dialect and chat words for the words the planner knows (Sichuan/Hubei speech, net slang). */
const ZH_WORDS: [RegExp, string][] = [
  [/好多钱/g, '多少钱'],
  [/(有|剩|要|是|卖|花了?|欠)好多(?=钱|块|元|[？?。，,!！\s]|$)/g, '$1多少'],
  [/肿么/g, '怎么'], [/咋个|咋样/g, '怎么样'], [/木有|没得(?=了|卖|货|啥|什么|人|钱)/g, '没有'],
  [/(?<![大])小(?=[一两二三四五六七八九][百千万](?![米克]))/g, '不到'], // 小两百: just under two hundred
  [/晓得/g, '知道'], [/干啥子|做啥子/g, '干什么'], [/啥子|嘛子/g, '什么'], [/要得/g, '好的'], [/整点/g, '买点'],
];
/** Chat abbreviations, as whole words: "r u open", "pls", "abt", "wk", "b4". */
const EN_WORDS: Record<string, string> = {
  u: 'you', ur: 'your', r: 'are', pls: 'please', plz: 'please', thx: 'thanks', thnx: 'thanks', ty: 'thanks', abt: 'about',
  sth: 'something', smth: 'something', b4: 'before', '2day': 'today', tmr: 'tomorrow', tmrw: 'tomorrow', wk: 'week', wks: 'weeks',
  mo: 'month', yr: 'year', ya: 'you', lw: 'last week', lm: 'last month', tw: 'this week', rev: 'revenue', ppl: 'people', cuz: 'because', coz: 'because', wanna: 'want to', gonna: 'going to', gimme: 'give me',
  lemme: 'let me', rn: 'right now', bc: 'because', w: 'with', 'w/': 'with', prolly: 'probably', nvm: 'never mind',
  gud: 'good', mch: 'much', hw: 'how', wat: 'what', wich: 'which', whr: 'where', wht: 'what', shud: 'should', shld: 'should', cud: 'could', hv: 'have', rly: 'really', gd: 'good',
  l8r: 'later', '2moro': 'tomorrow', '2morrow': 'tomorrow', bcz: 'because', becoz: 'because', thanx: 'thanks', thnks: 'thanks', plss: 'please',
};
// Not inside a Chinese word ("U盘" is a USB drive, not "you盘").
const EN_ABBREVIATION = new RegExp(`(?<![\\w'\\u4e00-\\u9fff])(?:${Object.keys(EN_WORDS).map((w) => w.replace('/', '\\/')).join('|')})(?![\\w'\\u4e00-\\u9fff])`, 'gi');

/** A size in words, as the catalogue writes it: 五公斤 → 5kg, 五百毫升 → 500ml, 1.5升 → 1.5l. */
const ZH_SIZE = /([零〇一二两三四五六七八九十百千]+|\d+(?:\.\d+)?)\s*(公斤|千克|毫升|克|升)(?!级)/g;
const SIZE_UNIT: Record<string, string> = { 公斤: 'kg', 千克: 'kg', 毫升: 'ml', 克: 'g', 升: 'l' };

const EN_NUMBER_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)';
const EN_SIZE = new RegExp(`\\b(${EN_NUMBER_WORD}(?:[\\s-]+(?:and[\\s-]+)?${EN_NUMBER_WORD})*)[\\s-]*(ml|millilit(?:re|er)s?|grams?|kg|kilos?|kilograms?|litres?|liters?|mah|gb)\\b`, 'gi');
const EN_PACK = new RegExp(`\\b(${EN_NUMBER_WORD})-(packs?)\\b`, 'gi');
/** "the 2-litre one", "a 500 gram bag": a size in digits and a unit in words. */
const EN_DIGIT_SIZE = /\b(\d+(?:\.\d+)?)[\s-]*(millilit(?:re|er)s?|grams?|kilos?|kilograms?|litres?|liters?)\b/gi;
const EN_SIZE_UNIT: Record<string, string> = { ml: 'ml', millilitre: 'ml', milliliter: 'ml', gram: 'g', kg: 'kg', kilo: 'kg', kilogram: 'kg', litre: 'l', liter: 'l', mah: 'mAh', gb: 'GB' };

export function standardWords(text: string): string {
  let out = text;
  // "一张二十的": a note of that many yuan.
  out = out.replace(/一张(一百|五十|二十|十|五|100|50|20|10|5)(?:块|元)?的(?:钱|票子|钞票)?/g, '$1块');
  // "一张大团结": the old ten-yuan note; "两张大团结" is twenty.
  out = out.replace(/([一两二三四五1-5])张大团结/g, (_all, n: string) => `${(parseZhNumber(n) ?? Number(n)) * 10}块`);
  // "一张红票子", "两张毛爷爷": hundred-yuan notes.
  out = out.replace(/([一两二三四五六七八九十1-9])张(?:红票子|红票|毛爷爷)/g, (_all, n: string) => `${(parseZhNumber(n) ?? Number(n)) * 100}块`);
  // "一张绿票子": the green fifty.
  out = out.replace(/([一两二三四五六七八九十1-9])张(?:绿票子|绿票)/g, (_all, n: string) => `${(parseZhNumber(n) ?? Number(n)) * 50}块`);
  for (const [re, to] of ZH_WORDS) out = out.replace(re, to);
  // "十二盒装", "六瓶装": a pack size in words, as the catalogue writes it (12盒装).
  out = out.replace(/([一二两三四五六七八九十百]+)(盒|瓶|罐|包|袋|支|卷|片|粒|枚|只|听|个|双|件|条|块)装/g, (all, n: string, unit: string) => {
    const value = parseZhNumber(n);
    return value && value > 1 ? `${value}${unit}装` : all;
  });
  out = out.replace(ZH_SIZE, (all, n: string, unit: string) => {
    const value = /\d/.test(n) ? Number(n) : parseZhNumber(n);
    return value && value > 0 ? `${value}${SIZE_UNIT[unit]}` : all;
  });
  // "the fifty ml one", "two hundred grams": a size in English words, as the catalogue writes it (50ml, 200g).
  out = out.replace(EN_SIZE, (all, n: string, unit: string) => {
    const value = parseEnNumber(n);
    return value && value > 0 ? `${value}${EN_SIZE_UNIT[unit.toLowerCase().replace(/s$/, '')] ?? unit}` : all;
  });
  // "a twelve-pack", "two six-packs": the pack as the catalogue names it (12-pack).
  out = out.replace(EN_PACK, (all, n: string, rest: string) => {
    const value = parseEnNumber(n);
    return value && value > 1 ? `${value}-${rest}` : all;
  });
  out = out.replace(EN_DIGIT_SIZE, (_all, n: string, unit: string) => `${n}${EN_SIZE_UNIT[unit.toLowerCase().replace(/s$/, '')]}`);
  // Storage sizes said short: "256G" is 256GB as the catalogue writes it (grams are rarely a power of two).
  out = out.replace(/(?<![\d.])(8|16|32|64|128|256|512)\s*[gG](?![a-zA-Z])/g, '$1GB');
  // "the 2nd 1": the second one.
  out = out.replace(/\b(\d+(?:st|nd|rd|th)|first|second|third|last)\s+1\b/gi, '$1 one');
  return out.replace(EN_ABBREVIATION, (w) => EN_WORDS[w.toLowerCase()] ?? w);
}

/** A request typed like code ("recommend(category=\"digital\", limit=3)", "budget=200", "nearby(q=\"键盘\", radius=2km)"):
 *  the same request in words ("recommend digital top 3", "budget 200", "键盘 nearby within 2km"). */
const VALUE = '(?:"[^"]*"|“[^”]*”|\'[^\']*\'|[^\\s,=()"]+)';
const PAIR = `[a-z_]+\\s*=\\s*${VALUE}`;
const CALL = new RegExp(`^\\s*([a-z_]+)\\((\\s*(?:${PAIR}(?:\\s*,\\s*${PAIR})*)?\\s*)\\)\\s*;?\\s*$`, 'i');
const PAIRS = new RegExp(`^\\s*${PAIR}(?:\\s*,\\s*${PAIR})*\\s*$`, 'i');
const KEY_WORDS: Record<string, (v: string) => string> = {
  category: (v) => v, cat: (v) => v, q: (v) => v, query: (v) => v, product: (v) => v, item: (v) => `number ${v}`,
  limit: (v) => `top ${v}`, n: (v) => `top ${v}`, budget: (v) => `budget ${v}`, max: (v) => `under ${v}`, maxprice: (v) => `under ${v}`,
  price: (v) => `${v} yuan`, radius: (v) => `within ${/[a-z]/i.test(v) ? v : `${v}km`}`, rating: (v) => `${v} stars`, stars: (v) => `${v} stars`,
  sort: (v) => ({ price: 'cheapest first', distance: 'nearest', rating: 'best rated' })[v.toLowerCase()] ?? v, period: (v) => v.replace(/_/g, ' '), shop: (v) => `shop ${v}`, days: (v) => `${v} days`,
};
const CALL_NAMES: Record<string, string> = { nearby: 'nearby', nearby_shops: 'nearby', recommend: 'recommend', feedback: 'rate', price_check: 'is it a fair price', stats: 'sales', merchant_stats: 'sales' };

const INLINE_SETTING = /\b(limit|budget|max|maxprice|radius)\s*=\s*(\d+(?:\.\d+)?(?:km)?)\b/gi;

export function callsAsWords(text: string): string {
  const call = CALL.exec(text);
  const args = call ? call[2] : PAIRS.test(text) ? text : undefined;
  // "推荐：熬夜写论文提神用的，limit=4": one setting typed like code inside a sentence is that setting in words.
  // (Two or more such fields are a form, read field by field by fieldsAsWords.)
  if (args === undefined) return (text.match(/[a-z_]+\s*=/gi) ?? []).length >= 2 ? text : text.replace(INLINE_SETTING, (_all, key: string, value: string) => ` ${KEY_WORDS[key.toLowerCase()](value)} `);
  const words = args.split(',').map((pair) => /^\s*([a-z_]+)\s*[=:]\s*["'“”]?([^"'“”]*)["'“”]?\s*$/i.exec(pair)).filter((m): m is RegExpExecArray => Boolean(m))
    .map((m) => (KEY_WORDS[m[1].toLowerCase()] ?? ((v: string) => v))(m[2].trim()));
  return [call ? CALL_NAMES[call[1].toLowerCase()] ?? call[1].replace(/_/g, ' ') : '', ...words].filter(Boolean).join(' ');
}

/** Goods typed as emoji ("no 🌶️ stuff", "附近有🍺吗"): the word, in the message's language. */
const EMOJI_GOODS: [string, string, string][] = [
  ['🌶', '辣', 'spicy'], ['🍺', '啤酒', 'beer'], ['🍻', '啤酒', 'beer'], ['🥛', '牛奶', 'milk'], ['🍼', '奶粉', 'baby formula'], ['🧻', '卫生纸', 'toilet paper'],
  ['🍫', '巧克力', 'chocolate'], ['🍜', '方便面', 'instant noodles'], ['🍎', '苹果', 'apples'], ['🍏', '苹果', 'apples'], ['🍌', '香蕉', 'bananas'], ['🥚', '鸡蛋', 'eggs'],
  ['🍞', '面包', 'bread'], ['🪥', '牙刷', 'toothbrush'], ['🔋', '电池', 'batteries'], ['☕', '咖啡', 'coffee'], ['🍵', '茶', 'tea'], ['🥤', '饮料', 'soft drinks'],
  ['🍟', '薯片', 'chips'], ['🍪', '饼干', 'cookies'], ['🧃', '果汁', 'juice'], ['🍊', '橙子', 'oranges'], ['🍉', '西瓜', 'watermelon'], ['🍇', '葡萄', 'grapes'],
  ['🍓', '草莓', 'strawberries'], ['🥩', '牛肉', 'beef'], ['🍗', '鸡肉', 'chicken'], ['🐟', '鱼', 'fish'], ['🍚', '大米', 'rice'], ['🧼', '肥皂', 'soap'], ['🧦', '袜子', 'socks'],
];
const EMOJI_GOODS_RE = new RegExp(`(?:${EMOJI_GOODS.map(([e]) => e).join('|')})\\uFE0F?`, 'gu');

export function emojiAsWords(text: string): string {
  if (text.search(EMOJI_GOODS_RE) < 0) return text;
  const zh = /\p{Script=Han}/u.test(text);
  return text.replace(EMOJI_GOODS_RE, (e, at: number) => {
    // After the request is done ("snack recs pls 🍫", "推荐点零食吧🍫") it decorates, it names nothing.
    if (/(?:\b(?:pls|please|plz|thanks|thx|ty)|[吧呀啊哈谢]|[!！~～])\s*$/i.test(text.slice(0, at))) return e;
    const [, inZh, inEn] = EMOJI_GOODS.find(([x]) => e.startsWith(x))!;
    return zh ? inZh : ` ${inEn} `;
  }).replace(/ {2,}/g, ' ');
}

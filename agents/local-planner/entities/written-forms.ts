// The same words written another way, read as the planner knows them: traditional characters
// (請問附近哪裡有賣 → 请问附近哪里有卖, OpenCC's table), and product titles pasted from a shopping app,
// whose shop tags and sales words ("【官方旗舰】", "到手价", "包邮", "Free Shipping") name no product.
// Only what the understanding reads changes: the stored message stays as the user wrote it.
import { Converter } from 'opencc-js/t2cn';
import { parseZhNumber } from './numbers.ts';

let toSimplified: ((text: string) => string) | undefined;

/** Traditional characters (Taiwan, Hong Kong) as simplified ones; simplified text is left as it is. */
export function simplified(text: string): string {
  toSimplified ??= Converter({ from: 't', to: 'cn' });
  return toSimplified(text);
}

/** A bracketed tag that is a shop's or a sale's, not a product's: 【官方旗舰】, [Hot Sale], 「包邮」. */
const SALES_TAG = /[【\[「『(（][^】\]」』)）]{0,12}(?:官方|旗舰|正品|包邮|新品|新款|热卖|爆款|限时|秒杀|自营|直营|特价|现货|顺丰|官方旗舰店|品牌|授权|清仓|促销|official|flagship|hot|sale|new|genuine|free shipping|limited)[^】\]」』)）]{0,12}[】\]」』)）]/gi;
/** Sales words in a title: dropped; the price after 到手价 / 券后 stays. */
const SALES_WORDS = /到手价|券后价?|活动价|秒杀价|包邮|正品保证|官方正品|官方旗舰店|官方旗舰|旗舰店|热卖|爆款|新款|现货速发|现货|顺丰发货|\bfree shipping\b|\bofficial (?:store|flagship)\b|\bhot sale\b|\bnew arrival\b|\bbest seller\b|\b100% genuine\b/gi;

export function withoutSalesWords(text: string): string {
  const out = text.replace(SALES_TAG, ' ').replace(SALES_WORDS, ' ');
  return out === text ? text : out.replace(/\s{2,}/g, ' ').trim();
}

/** Dialect and chat words for the words the planner knows (Sichuan/Hubei speech, net slang). */
const ZH_WORDS: [RegExp, string][] = [
  [/好多钱/g, '多少钱'],
  [/(有|剩|要|是|卖|花了?|欠)好多(?=钱|块|元|[？?。，,!！\s]|$)/g, '$1多少'],
  [/肿么/g, '怎么'], [/咋个|咋样/g, '怎么样'], [/木有|没得(?=了|卖|货|啥|什么|人|钱)/g, '没有'],
  [/晓得/g, '知道'], [/干啥子|做啥子/g, '干什么'], [/啥子|嘛子/g, '什么'], [/要得/g, '好的'], [/整点/g, '买点'],
];
/** Chat abbreviations, as whole words: "r u open", "pls", "abt", "wk", "b4". */
const EN_WORDS: Record<string, string> = {
  u: 'you', ur: 'your', r: 'are', pls: 'please', plz: 'please', thx: 'thanks', thnx: 'thanks', ty: 'thanks', abt: 'about',
  sth: 'something', smth: 'something', b4: 'before', '2day': 'today', tmr: 'tomorrow', tmrw: 'tomorrow', wk: 'week', wks: 'weeks',
  mo: 'month', yr: 'year', ppl: 'people', cuz: 'because', coz: 'because', wanna: 'want to', gonna: 'going to', gimme: 'give me',
  lemme: 'let me', rn: 'right now', bc: 'because', w: 'with', 'w/': 'with', prolly: 'probably', nvm: 'never mind',
};
const EN_ABBREVIATION = new RegExp(`(?<![\\w'])(?:${Object.keys(EN_WORDS).map((w) => w.replace('/', '\\/')).join('|')})(?![\\w'])`, 'gi');

/** A size in words, as the catalogue writes it: 五公斤 → 5kg, 五百毫升 → 500ml, 1.5升 → 1.5l. */
const ZH_SIZE = /([零〇一二两三四五六七八九十百千]+|\d+(?:\.\d+)?)\s*(公斤|千克|毫升|克|升)(?!级)/g;
const SIZE_UNIT: Record<string, string> = { 公斤: 'kg', 千克: 'kg', 毫升: 'ml', 克: 'g', 升: 'l' };

export function standardWords(text: string): string {
  let out = text;
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
  return out.replace(EN_ABBREVIATION, (w) => EN_WORDS[w.toLowerCase()] ?? w);
}

// The same words written another way, read as the planner knows them: traditional characters
// (請問附近哪裡有賣 → 请问附近哪里有卖, OpenCC's table), and product titles pasted from a shopping app,
// whose shop tags and sales words ("【官方旗舰】", "到手价", "包邮", "Free Shipping") name no product.
// Only what the understanding reads changes: the stored message stays as the user wrote it.
import { Converter } from 'opencc-js/t2cn';

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

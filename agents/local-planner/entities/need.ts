// What a shopper wants suggestions for, said as a use or an occasion rather than a product:
// "洗衣服用的", "早餐吃的", "给宝宝用的", "breakfast stuff", "anything for studying", "ideas for a picnic".
// The recommend tool matches it to products by meaning (vector index) or by name.

/** "<use>用的 / 吃的 / 喝的 / 穿的": the use before the verb. */
const ZH_USE = /(?:推荐|买|来|挑|选|准备|要|找)[：:\s]*(?:一?点|一些|些|几[样个件种])?(?:给|为)?([\p{Script=Han}]{1,8}?)(?:时|的时候)?(?:用|吃|喝|穿|戴|玩)的/u;
/** "推荐点提神的东西", "来些解压的玩意儿": what the things are for, before 的东西. */
const ZH_KIND = /(?:推荐|买|来|挑|选|准备|要|找)(?:一?点|一些|些|几[样个件种])?([\p{Script=Han}]{2,4}?)的(?:东西|玩意儿?|产品|商品|(?=$|[\s，,。!！?？~～]|吧|呀|啊|嘛))/u;
/** "为/给 <occasion> 准备的", "适合<occasion>的". */
const ZH_FOR = /(?:为|给)([\p{Script=Han}]{1,6}?)准备的|适合([\p{Script=Han}]{2,6}?)(?:用|吃|喝)?的/u;
/** "breakfast stuff", "camping things", "party supplies". */
const EN_STUFF = /\b([a-z]{3,}) (?:stuff|things|supplies|items|essentials)\b/i;
/** "for studying", "for my baby", "ideas for a picnic", "something for the gym". */
const EN_FOR = /\b(?:for|ideas? for|good for|useful for)\s+(?:my |the |a |an |our |some )?([a-z]{3,}(?: (?!(?:the|and|for|with|you|pls|please)\b)[a-z]{3,})?)\b/i;
/** "for cleaning the bathroom", "for painting my room": what the doing is done to. */
const EN_DOING_TO = /\b(?:for|good for|useful for)\s+[a-z]{3,}ing\s+(?:the |my |a |an |our |your )([a-z]{3,})\b/i;
/** Words after "for" that are no use or occasion: people, prices, amounts, time. */
const NOT_A_NEED = /^(?:me|you|us|him|her|them|it|this|that|now|today|tomorrow|under|less|about|around|less than|cheap|cheaper|money|yuan|rmb|bucks?|kuai|sale|next|what|which|the next|buying|buy|purchase)\b|^(?:some|any|good|other|more|all|new|cool|nice|useful|my|the) (?:stuff|things)$/i;
const STUFF_WORDS = /^(?:only|just|really|some|any|good|other|more|all|new|cool|nice|useful|what|which|that|this|those|these|the|buy|get)$/i;

const MONEY_WORDS = /\d|块|元|钱|以内|以下|左右|[一二两三四五六七八九十百千万]{2,}/;

export function findNeed(text: string): string | undefined {
  const zh = ZH_USE.exec(text);
  // A price said before the use ("二十块以内吃的") is a budget, not the use.
  if (zh && !/^(?:我|你|他|她|点|些|东西|好|能|可以)$/.test(zh[1]) && !MONEY_WORDS.test(zh[1])) return zh[1];
  // "我最近在增肌 推荐点适合的": 适合的 points back to what they are doing.
  const doing = /(?:最近|正在|这阵子|这段时间)(?:在)?([\p{Script=Han}]{2,4}?)(?=\s|[，,。!！~～]|$)/u.exec(text);
  if (doing && /(?:适合|合适)(?:我)?的/.test(text) && !MONEY_WORDS.test(doing[1])) return doing[1];
  const kind = ZH_KIND.exec(text);
  if (kind && !/^(?:我|你|他|她|便宜|好|新|贵|别|其他|其它|不一样|点|些|一|适合|合适)/.test(kind[1]) && !MONEY_WORDS.test(kind[1])) return kind[1];
  const zhFor = ZH_FOR.exec(text);
  if (zhFor) return zhFor[1] ?? zhFor[2];
  const stuff = EN_STUFF.exec(text);
  if (stuff && !STUFF_WORDS.test(stuff[1])) return stuff[1].toLowerCase();
  const doingTo = EN_DOING_TO.exec(text);
  if (doingTo && !NOT_A_NEED.test(doingTo[1])) return doingTo[1].toLowerCase();
  const forWhat = EN_FOR.exec(text);
  if (forWhat && !NOT_A_NEED.test(forWhat[1])) return forWhat[1].toLowerCase().replace(/ (?:please|thanks|now|today|nearby|near|here|pls|asap|then|too)$/, '');
  return undefined;
}

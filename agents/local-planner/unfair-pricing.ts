// A merchant asking to charge some people more for the same goods — by sex, age, where they are from,
// their phone, or loyal customers "who will pay anyway" (杀熟): declined with the reason, and the fair
// alternative offered (discounts by purchase behaviour, pricing_advice). Asking for segment discounts
// or for price sensitivity per segment is not this: those go to pricing_advice as before.
const WHO = '(?:外地|本地|年轻|有钱的?)?(?:老顾客|老客户|熟客|常客|回头客|会员|女顾客|男顾客|女性|男性|女生|男生|女的|男的|学生|老人|老年人|外地人|游客|有钱人|新顾客|新客|苹果用户|iPhone用户|安卓用户)';
const MORE = '(?:涨价|涨点价|提价|加价|贵一?点|贵些|多收|收贵|收高一?点|收高|卖贵一?点|卖贵|定(?:不同|更高|高一?点)的?价(?:格|钱)?|价格定高)';
const ZH = new RegExp([
  `(?:给|对|让|向)${WHO}[^，。？?]{0,8}${MORE}`,
  `${WHO}[^，。？?]{0,6}(?:反正|肯定|都)会买`,
  `${WHO}[^，。？?]{0,10}(?:能不能|可不可以|可以|行不行|是不是|要不要)[^，。？?]{0,6}${MORE}`,
  `(?:男|女)(?:顾客|性|生|的)?(?:和|跟|与)(?:男|女)(?:顾客|性|生|的)?.{0,8}(?:不同|不一样|区别)(?:的)?(?:价|定价)`,
  `(?:按|根据|看)(?:性别|年龄|地区|籍贯|手机(?:型号|品牌)?|消费能力)(?:来)?(?:定价|定不同的?价|收费)`,
  '大数据杀熟|杀熟',
].join('|'));
const EN = /\bcharge (?:the )?(?:loyal |regular |returning |old |older |elderly |female |male )?(?:customers|women|men|tourists|foreigners|iphone users|rich people|students) (?:more|extra|higher)\b|\b(?:charge|price|bill)\b.{0,30}\b(?:more|higher|extra)\b.{0,30}\b(?:loyal|regular|returning|old|women|men|female|male|older|elderly|tourists?|foreigners?|iphone users|rich)\b|\b(?:raise|increase|hike) (?:the )?prices? for (?:my )?(?:loyal|regular|returning|old) customers\b|\bdifferent prices? (?:for|by|based on)\b.{0,12}\b(?:gender|women|men|age|race|nationality|location|where they)\b|\bprice discriminat/i;

export function asksUnfairPricing(text: string): boolean {
  return ZH.test(text) || EN.test(text);
}

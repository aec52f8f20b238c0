// Fixed sentences of the embedded planner, zh and en.
import type { Caller, Locale } from '../../tools/context.ts';

const CAPABILITIES: Record<Caller['role'], Record<Locale, string>> = {
  shopper: {
    zh: [
      '我可以帮你：',
      '• 找附近卖某样东西的店（距离、价格、评分）：“附近哪里有卖洗衣液”',
      '• 看价格贵不贵、有没有更便宜的：“蓝月亮洗衣液 2kg 59元贵吗”',
      '• 拍张商品照片，告诉你是什么、哪里能买（网上和附近）',
      '• 按你的购物习惯推荐接下来要买的：“推荐点东西”',
      '• 说说我从你的购物里了解到什么：“关于我你知道什么”',
      '• 记下你在别处买的东西：“记一下：蓝月亮洗手液 15元”',
      '• 先用后付额度、账单和提额规则：“我的花呗额度”',
      '• 适合你风险等级的理财：“适合我的理财”',
      '• 把你的问题转给店主本人（先搜到这家店）：“问问第一家有没有大桶的”',
      '发送位置后，我会按你所在的地方查找。',
    ].join('\n'),
    en: [
      'I can help you:',
      '• find shops nearby that sell something (distance, price, rating): "where can I buy laundry detergent nearby"',
      '• check whether a price is fair and find cheaper offers: "is 59 yuan for Blue Moon laundry detergent 2kg a fair price?"',
      '• tell what a product photo shows and where to buy it, online and nearby (send a photo)',
      '• suggest what to buy next from your own purchases: "recommend something"',
      '• show what I know about you from your purchases: "what do you know about me"',
      '• log something you bought elsewhere: "log: Blue Moon hand wash 15 yuan"',
      '• explain your pay-later limit, bills and how the limit changes: "my pay-later limit"',
      '• match wealth products to your risk level: "wealth products for me"',
      '• pass your question to the shop owner in person (after a search): "ask the first shop if they have a bigger pack"',
      'Share your location and I will search around you.',
    ].join('\n'),
  },
  merchant: {
    zh: '我可以帮你看自己店铺的经营数据：销售额、订单数、客单价、畅销商品和环比变化（“上周销售怎么样”），补货预测和订货量（“补货建议”），顾客评价里的主要不满和改进建议（“顾客都在抱怨什么”），分客群的优惠券建议（“定价建议”），以及异常提醒（“这周有什么异常吗”）。',
    en: 'I can show your own shops\' figures: revenue, orders, average basket, top products and change vs the previous period ("how were sales last week?"), a restock forecast with order quantities ("what should I reorder?"), what customers complain about and how to improve ("what are customers unhappy about?"), coupons per customer segment ("pricing advice"), and alerts ("anything wrong this week?").',
  },
};

/** What a new user can tap on the first screen: one per kind of question, in the user's language. */
export const WELCOME_EXAMPLES: Record<Caller['role'], Record<Locale, string[]>> = {
  shopper: {
    zh: ['附近哪里有卖洗衣液', '蓝月亮洗衣液 2kg 59元贵吗', '推荐点东西', '关于我你知道什么', '我的花呗额度', '适合我的理财'],
    en: ['where can I buy laundry detergent nearby?', 'is 59 yuan fair for Blue Moon laundry detergent 2kg?', 'recommend something', 'what do you know about me?', 'my pay-later limit', 'wealth products for me'],
  },
  merchant: {
    zh: ['上周销售怎么样', '补货建议', '顾客都在抱怨什么', '这周有什么异常吗', '分客群定价建议'],
    en: ['how were sales last week?', 'what should I restock?', 'what are customers complaining about?', 'anything wrong this week?', 'pricing advice by segment'],
  },
};

export const PHRASES = {
  greeting: (role: Caller['role'], l: Locale) => (l === 'zh' ? '你好！' : 'Hello! ') + CAPABILITIES[role][l],
  capabilities: (role: Caller['role'], l: Locale) => CAPABILITIES[role][l],
  offTopic: (role: Caller['role'], l: Locale) =>
    (l === 'zh' ? '抱歉，这个我帮不上忙。' : "Sorry, I can't help with that. ") + CAPABILITIES[role][l],
  askProduct: (l: Locale) => (l === 'zh' ? '你想找什么商品？比如“洗衣液”或“充电宝”。' : 'Which product are you looking for? For example "laundry detergent" or "power bank".'),
  askProductForPrice: (price: number, l: Locale) =>
    l === 'zh' ? `${price}元是哪件商品的价格？告诉我商品名（最好带品牌和规格）。` : `Which product costs ${price} yuan? Tell me its name (brand and size help).`,
  askPrice: (product: string, l: Locale) => (l === 'zh' ? `你看到的「${product}」价格是多少元？` : `What price did you see for "${product}", in yuan?`),
  askLocation: (l: Locale) =>
    l === 'zh' ? '请先发送你的位置（或告诉我你在哪儿，比如“我在街道口”），我好找你附近的店。' : 'Please share your location (or tell me where you are, e.g. "I\'m at Jiedaokou") so I can find shops near you.',
  onlyYuan: (l: Locale) => (l === 'zh' ? '目前只支持人民币价格，请告诉我多少元。' : 'I can only compare prices in CNY. How much is it in yuan?'),
  locationReceived: (l: Locale) => (l === 'zh' ? '收到你的位置了。' : 'Got your location.'),
  locationNoted: (place: string, l: Locale) => (l === 'zh' ? `好的，你在${place}附近。` : `Got it, you are near ${place}.`),
  noMoreSuggestions: (l: Locale) => (l === 'zh' ? '能推荐的就是上面这些了。可以说个需要（比如“早餐”）、品类或预算，我换一批。' : 'That is all I can suggest for now. Name a need (e.g. "breakfast"), a category or a budget and I will find others.'),
  nothingToFollow: (l: Locale) => (l === 'zh' ? '先告诉我你想找什么，我再帮你筛选。' : 'Tell me what you are looking for first, then I can narrow it down.'),
  toolFailed: (detail: string, l: Locale) => (l === 'zh' ? `抱歉，这次没查成：${detail}` : `Sorry, that did not work: ${detail}`),
  thanks: (l: Locale) => (l === 'zh' ? '不客气！还有什么需要帮忙的吗？' : "You're welcome! Anything else?"),
  goodbye: (l: Locale) => (l === 'zh' ? '再见！有需要随时找我。' : 'Bye! Come back any time.'),
  /** "知道了", "ok cool", "哈哈": an answer taken in, with nothing waiting for a yes. */
  acknowledged: (l: Locale) => (l === 'zh' ? '好的。还有什么需要帮忙的，随时说。' : 'OK. Tell me whenever you need anything else.'),
};

// Replies for intents no tool serves, and the short question asked when the planner is unsure.
import type { Locale } from '../../tools/context.ts';

export const INTENT_REPLIES = {
  humanAgent: (l: Locale) =>
    l === 'zh'
      ? '我这里没有客服热线，也不能转接人工坐席；不过可以把你的话转给店主本人。先告诉我是哪家店：搜一下你要的东西（比如“附近哪里有卖洗衣液”），再说“问问第一家有没有大桶的”；店主回复后我会转告你。结果里也有每家店的地址和营业时间。'
      : `I don't have a hotline or live agents, but I can pass your message to the shop owner in person. First find the shop: search for what you need (e.g. "where can I buy laundry detergent nearby"), then say "ask the first shop if they have a bigger pack"; I will pass on their reply. The results also show each shop's address and opening hours.`,
  whatToTellShop: (shop: string, l: Locale) =>
    l === 'zh' ? `你想对「${shop}」的店主说什么？直接写下来，我先给你看一遍再转过去。` : `What would you like to tell the owner of ${shop}? Write it here; I will show it to you before sending.`,
  contactDropped: (l: Locale) => (l === 'zh' ? '好的，不发了。' : 'OK, nothing sent.'),
  buyingLink: (l: Locale) =>
    l === 'zh'
      ? '告诉我是哪件商品（比如“蓝月亮洗衣液哪里买”），我会列出附近的店和网上的报价，网店带购买链接。'
      : 'Tell me which product (e.g. "where to buy Blue Moon laundry detergent"): I will list shops nearby and online offers, with a link for each online one.',
  marketNews: (l: Locale) =>
    l === 'zh'
      ? '股市、金价、汇率、币价这类行情我查不到，也不做预测。想看适合你风险等级的理财产品，可以问我“适合我的理财”。'
      : "I don't have market news or prices (stocks, gold, exchange rates, crypto) and I don't forecast them. To see wealth products that fit your risk level, ask \"wealth products for me\".",
  unfairPricing: (l: Locale) =>
    l === 'zh'
      ? '这个我不能帮你做：同样的商品按性别、年龄、地区等个人特征定不同的价，或者对老顾客加价（“杀熟”），对顾客不公平，在很多地方也是违法的。我可以按购买行为给不同客群设计折扣或优惠券（只降不涨），你可以问“分客群定价建议”。'
      : "I can't help with that: charging some people more for the same goods because of their sex, age or where they are from, or raising prices on loyal customers, is unfair to them and illegal in many places. I can suggest discounts or coupons per customer segment based on how they buy (prices only go down): ask for \"pricing advice by segment\".",
  otherPeople: (l: Locale) =>
    l === 'zh'
      ? '抱歉，这个请求涉及别人的数据，我不能查看：我只能查询你自己账号下的信息（你自己的购物、账单，或你自己店铺的经营数据）。'
      : "Sorry, I can't look at that: it is someone else's data. I can only show what belongs to your own account (your purchases and bills, or your own shops' figures).",
  otherRole: (role: 'shopper' | 'merchant', l: Locale) =>
    role === 'shopper'
      ? l === 'zh' ? '抱歉，这是给商家用的功能，顾客账号用不了。' : 'Sorry, that is for merchants; it is not available to shoppers.'
      : l === 'zh' ? '抱歉，这是给顾客用的功能，商家账号用不了。' : 'Sorry, that is for shoppers; it is not available to merchant accounts.',
  unsupportedAction: (l: Locale) =>
    l === 'zh'
      ? '抱歉，这个我没法替你操作：我能查询、比价、推荐、记下你买过的东西，但不能下单、付款、改设置或替你修改店铺里的东西。'
      : "Sorry, I can't do that for you: I can look things up, compare prices, suggest, and log what you bought, but I can't order, pay, change settings or change things in a shop.",
  recordWhat: (l: Locale) => (l === 'zh' ? '你买了什么、花了多少钱？比如“记一下：蓝月亮洗手液 15元”。' : 'What did you buy and how much did it cost? For example "log: Blue Moon hand wash 15 yuan".'),
  whichRecommended: (l: Locale) => (l === 'zh' ? '是推荐里的第几个？比如“第2个不喜欢”。先说“推荐点东西”看看推荐。' : 'Which of the suggestions? For example "I don\'t like number 2". Say "recommend something" to see them first.'),
  howDoYouRate: (name: string, l: Locale) => (l === 'zh' ? `「${name}」你觉得怎么样？说“喜欢”“不喜欢”，或打 1–5 分，我按这个调整推荐。` : `How do you like "${name}"? Say "like it", "not for me", or give it 1–5, and I will adjust the suggestions.`),
  whichOfThese: (lines: string[], l: Locale) => (l === 'zh' ? `是哪一个？\n${lines.join('\n')}\n回复编号，比如“第${lines[0].split('.')[0]}个不错”。` : `Which one?\n${lines.join('\n')}\nReply with its number, e.g. "number ${lines[0].split('.')[0]} is great".`),
  pickFromList: (n: number, l: Locale) => (l === 'zh' ? `还没记：是上面 ${n} 个里的哪一个？回复编号（比如“2”）或品牌。` : `Nothing is logged yet: which of the ${n} above was it? Reply with its number (e.g. "2") or the brand.`),
  unsure: (options: string[], l: Locale) =>
    l === 'zh' ? `我不太确定你的意思。你是想${options.map((o) => `「${o}」`).join('、')}吗？点一个，或者换个说法。` : `I'm not sure what you mean. Did you want to ${options.map((o) => `"${o}"`).join(', ')}? Tap one, or say it another way.`,
};

/** A button per intent for the clarifying question: what it does, as the user would say it. */
export const INTENT_EXAMPLES: Record<string, Record<Locale, string>> = {
  nearby_shops: { zh: '找附近的店', en: 'find shops nearby' },
  price_check: { zh: '看价格贵不贵', en: 'check a price' },
  recommend: { zh: '推荐点东西', en: 'recommend something' },
  customer_profile: { zh: '关于我你知道什么', en: 'what do you know about me' },
  record_purchase: { zh: '记录一笔购买', en: 'log a purchase' },
  credit_line: { zh: '我的先用后付额度', en: 'my pay-later limit' },
  wealth_products: { zh: '适合我的理财', en: 'wealth products for me' },
  merchant_stats: { zh: '上周销售怎么样', en: 'sales last week' },
  restock_forecast: { zh: '补货建议', en: 'restock forecast' },
  satisfaction_report: { zh: '顾客都在抱怨什么', en: 'what customers complain about' },
  pricing_advice: { zh: '定价建议', en: 'pricing advice' },
  anomaly_alerts: { zh: '这周有什么异常吗', en: 'anything unusual this week' },
  help: { zh: '你能做什么', en: 'what can you do' },
};

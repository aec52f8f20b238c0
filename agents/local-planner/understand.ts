// Understands one shopper/merchant message in zh or en: intent + slots, using the conversation so far
// for follow-ups ("cheaper ones?", "上个月呢", "我在街道口"). Returns a tool call or a direct reply.
import { AFFIRMATIVE, ORDINALS, ordinalIn, saysNo, saysYes, THATS_IT } from '../../tools/shared/user-words.ts';
import { classifyIntent } from './intent/index.ts';
import { otherPeopleRefusal, routeByIntent, SURE, unsupportedActionReply, type Ranked } from './intent/route.ts';
import { INTENT_REPLIES } from '../../prompts/replies/intent-replies.ts';
import { addDays } from './entities/days.ts';
import type { Period } from '../../tools/merchant-stats/period.ts';
import { parseAnswers } from '../../tools/wealth/questionnaire.ts';
import type { ProductIndex } from '../../tools/catalogue/product-search.ts';
import type { Caller, Locale } from '../../tools/context.ts';
import { PHRASES } from '../../prompts/replies/phrases.ts';
import { CATEGORIES, CATEGORY_KEYS } from '../../tools/catalogue/categories.ts';
import { PHOTO_TURN } from '../photo.ts';
import { findPlace, type FoundPlace } from './places.ts';
import { findBranchNotOwned, findForeignShop, findOwnShop, tradeNamesIn, type OwnShop } from './entities/own-shops.ts';
import { findCategoryWord, findLeadTimeDays, findPeriod, findPrice, findRadiusKm, findServiceLevel, findShopCategory, findShopId, findListSize, findTopN, type Price } from './slots.ts';
import { readBought } from './purchase-slots.ts';
import { findBarePrice } from './entities/money.ts';
import { pickedPosition, readFeedback } from './entities/feedback.ts';
import { findDurations } from './entities/duration.ts';
import { pastWithoutAnchor, readPeriod, shiftPeriod } from './entities/period.ts';
import { restockSlots, STOCK_WORDS } from './restock-slots.ts';
import { anomalySlots } from './anomaly-slots.ts';
import { ALL_SHOPS, changedSlots, editTask, withoutNegated, isBrandOnly, wealthSlots, isCorrection, isFollowUp, PAID_WITH, paymentMethodIn, pricingSlots } from './continue-task.ts';
import { phraseReaderFor } from './entities/product-phrase.ts';
import { findNeed } from './entities/need.ts';
import { findExclusion, type Exclusion } from './entities/exclusion.ts';
import { fieldsAsWords, simplified, standardWords, withoutSalesWords } from './entities/written-forms.ts';
import { asksUnfairPricing } from './unfair-pricing.ts';
import { spellingFixerFor } from './entities/spelling.ts';

export type PreviousCall = { name: string; args: Record<string, any>; result?: Record<string, any> };
/** A reply that asks for a missing slot names the task it holds open (`pending`): the next message fills it in. */
export type Plan = { tool: string; args: Record<string, unknown> } | { reply: string; suggestions?: string[]; pending?: { tool: string; args: Record<string, unknown> } };
/** `place`: the place the dialogue state holds (named in an earlier turn); without a state, `earlierTexts` are searched. */
export type Situation = { role: Caller['role']; locale: Locale; today: string; previous?: PreviousCall; earlierTexts?: string[]; place?: FoundPlace; /** a merchant's own shops */ shops?: OwnShop[]; /** the task before the active one */ earlier?: PreviousCall };

const has = (re: RegExp, text: string) => re.test(text);

const GREETING = /^(\/start|hi|hello|hey|你好|您好|嗨|哈喽|在吗|good (morning|afternoon|evening))[!！。.\s]*$/i;
const HELP = /^(help|\/help|帮助|你能做什么|你会什么|能做什么|what can you do\??|how does this work\??)[?？!！。.\s]*$/i;
/** "你都能干点啥", "这个助手能帮我做些什么", "what can this bot do for me": the capabilities, said inside a longer message. */
const ASKS_WHAT_IT_DOES = /(?:能|会|可以)(?:帮我|帮忙|为我|给我|帮她|帮他|帮我们|为商家|为我们|给商家)?(?:做|干|帮|查|看|提供)(?:些|点|一些|哪些)?(?:什么|啥|哪些)(?:帮助|服务|功能|东西)?|提供(?:哪些|什么|啥)(?:帮助|服务|功能)|有(?:什么|哪些|啥)功能|都(?:能|会)(?:干|做)?(?:啥|什么)|what (?:else )?(?:can|could) (?:you|it|this (?:bot|thing|assistant|app)) (?:do|help)|what (?:are you able|do you) (?:to )?(?:do|help)|how (?:can|could) you help/i;
/** Things to recommend or make up that are no goods: films, songs, trips, a name for a shop. */
/** Goodbyes and wishes with a day in them: "下周见", "明天再聊", "周末愉快", "see you next week". */
const GOODBYE = /[见聊]$|再见|再聊|回头聊|快乐|愉快|\bsee (?:you|ya)\b|\btalk (?:to you )?(?:soon|later|tomorrow)\b|\bhave a (?:nice|good|great)\b|\bhappy\b|\bbye\b/i;
/** Weather and the like: small talk, even with a day in it ("今天武汉会不会下雪"). */
const WEATHER = /运势|星座|(?:白羊|金牛|双子|巨蟹|狮子|处女|天秤|天蝎|射手|摩羯|水瓶|双鱼)座|塔罗|算命|算一卦|八字|风水|黄历|\bhoroscopes?\b|\bzodiac\b|\bastrolog|\btarot\b|\bfortune[- ]tell|\bwhat(?:'s| is)? (?:the )?(?:date|day|time)(?: is it)?(?: today)?\??$|\bwhat day is it\b|祝我好运|wish me luck|(?:该|要)吃(?:什么|啥)药|看(?:什么|哪个)科|\bwhat (?:medicine|pills?) should i take\b|\bshould i see a doctor\b|天气|下雨|下雪|降温|升温|气温|温度多少|刮风|台风|雾霾|\bweather\b|\b(?:will|is) it (?:rain|snow)|\bforecast for (?:today|tomorrow|the weekend)\b/i;
const NOT_GOODS = /(?:写|编|起草|拟)(?:个|一(?:个|段|篇|份|封|条|句))?(?:促销|宣传|推广|广告|营销)?(?:文案|广告词|海报|朋友圈|邮件|信|简历|辞职信|作文|诗|口号|标语)|\b(?:write|draft|compose) (?:me |us )?(?:a |an |some )?(?:promo(?:tional)?|marketing|sales)? ?(?:post|ad|advert|poem|letter|email|essay|caption|slogan|copy|tweet|flyer)\b|\bhow (?:do|would|can) (?:you|i) say\b|\btranslate\b|\bin chinese\?|用英语怎么说|英文怎么说|翻译(?:一下|成)|(?:推荐|介绍|想|起|取)(?:一?[部首个本些几]|点)?(?:好看的|好听的|好玩的|有意思的|新的?)?(?:电影|电视剧|综艺|动漫|歌|音乐|景点|旅游|店名|名字|游戏)|\b(?:recommend|suggest)\b.{0,20}\b(?:movies?|films?|songs?|music|tv shows?|series|places to visit|a name)\b|\bname (?:for )?my (?:new )?(?:shop|store)\b|\bwhat should i watch\b/i;
const BACK_TO_EARLIER = /回到(?:刚才|之前|上一个|前面)|刚才(?:那个|的)(?:搜索|问题)?(?:呢|吧)?|\bback to (?:the )?(?:earlier|previous|last|first)\b|\bgo(?:ing)? back to\b|\bas before\b/i;
/** Things the assistant cannot do, named so plainly that no model is asked: top-ups, transfers, taxis, bills of others. */
const PLAINLY_CANNOT = /(?:叫|点|订)(?:个|份|一份)?外卖|送货上门|送(?:货)?到(?:我们?)?(?:宿舍|家|楼下|门口|寝室|公司)|(?:帮我|替我|给我)下(?:个|一个)?单(?!了)|\bdeliver(?:y|ed)? (?:it )?to (?:my|the)\b|充话费|充(?:值)?(?:点|个)?(?:话费|流量)|交(?:一下)?(?:电费|水费|燃气费|话费)|\btop ?up (?:my )?(?:phone|mobile|credit|data|sim)\b|\brecharge (?:my )?(?:phone|mobile|sim)\b|\bphone credit\b|打车|叫(?:个|辆|一辆)(?:车|出租车|滴滴)|\bcall (?:me )?an? (?:cab|taxi|uber)\b|转账给|转给(?:我的?)?(?:朋友|同学|室友|家人)|把.{0,8}(?:电费|水费|燃气费|话费|网费|物业费).{0,3}(?:交|缴)|(?:帮我|替我|给我|能不能|可不可以|你能)(?:把[^，。？?]{0,14})?退(?:掉|货|款)|(?:申请|办理?|处理|走)(?:一下|个|一个)?退(?:款|货)|(?:全部|都|帮我|给我)?改价(?:成|为|到)|把[^，。？?]{0,16}(?:的)?(?:价格?|价钱)?(?:全部|都)?(?:改成|改为|调成|调到|改价成)|\b(?:refund|return) (?:it|this|that|them|my)\b|\bget (?:me )?(?:a |my )?refund\b|(?:跟|给|向|找)(?:供应商|供货商|厂家|批发商)(?:下|订|进|发)|(?:帮我|替我)(?:下|发)(?:个|一个)?(?:采购单|进货单|订货单)|\bplace (?:an? )?(?:purchase )?order with (?:the |my |our )?suppliers?\b|\border (?:it |them |\d+ \w+ )?from (?:the |my |our )?suppliers?\b|\b(?:send|transfer) (?:\d+ )?(?:money|yuan|rmb)\b/i;
const COMPLAINT_ABOUT_STAFF = /投诉.{0,12}(?:收银员|店员|服务员|营业员|员工|快递员|骑手|老板|保安)|(?:收银员|店员|服务员|营业员|骑手|快递员).{0,8}(?:态度|骂|凶|不耐烦|服务差)|\b(?:complain|complaint)\b.{0,30}\b(?:cashier|staff|clerk|employee|courier|rider|waiter)\b|\b(?:cashier|staff|clerk|courier|waiter) (?:was|were) (?:rude|mean)\b/i;
/** The words of the categories themselves ("零食", "snacks"): a category said, not a need. */
const CATEGORY_WORDS = new Set(CATEGORY_KEYS.flatMap((k) => CATEGORIES[k].words.map((w) => w.toLowerCase())));
/** A question about how things stand, not a request to act: "Am I behind…", "Is my bill…", "我是不是…". */
const STATE_QUESTION = /^(?:am i|is (?:my|it|there)|are (?:my|there|we)|do i|did i|have i|has my|how (?:much|many|long|often|are|is|did)|what(?:'s| is| are| was)|when)\b|^我?(?:是不是|有没有)/i;
/** Words for things in general, no goods of their own. */
const STUFF = /^(?:东西|用品|类|类的|stuff|things?|items?|products?|something|anything)$/i;
const MERCHANT_ONLY = new Set(['merchant_stats', 'restock_forecast', 'satisfaction_report', 'pricing_advice', 'anomaly_alerts']);
const OWN_INSTEAD = /^(?:(?:算了|好吧|那|那就|ok|okay|then)[，,\s]*)*(?:看|查|查查|看看|说说)?(?:一下)?(?:我|我们)自己(?:的|店)|(?:看|查|查查|看看|说说|帮我看看?|帮我查查?)(?:一下)?(?:我|我们)自己(?:的|店)|\b(?:my own|mine) (?:then|instead)\b|\b(?:ours|our own)\b|^(?:ok |okay |fine,? )?(?:show|check) (?:me )?mine\b/i;
const LOCATION_SHARED = /^(我的位置已共享|I shared my location)/i;
/** A question about the answer just given: why it says what it says. */
const WHY = /^(?:那|可是|但是|不过|嗯|呃|啊|哦|ok|okay|but|so|and|hmm|wait)?[，,。.\s]*(?:为什么|为啥|咋这么|怎么会|怎么这么|凭什么|why\b|how come\b|what makes)/i;
/** Market news or prices (stocks, gold, exchange rates, crypto) — not offered; a wealth product question is another thing. */
const MARKET_NEWS = /(?:股市|大盘|股票|A股|港股|美股|股指|指数|汇率|金价|黄金价格|比特币|币价|油价|房价)[^，。？?]{0,8}(?:怎么样|如何|涨|跌|多少|走势|行情|点位)|(?:今天|最近|现在|这几天)的?(?:股市|大盘|行情|汇率|金价|币价|油价)|\b(?:stock market|the markets?|stock prices?|share prices?|dow jones|nasdaq|s&p(?: 500)?|exchange rate|bitcoin|crypto|gold price|oil price)\b.{0,20}\b(?:doing|today|now|up|down|price|at|trading|rate)\b|\bprice of (?:gold|bitcoin|oil)\b/i;
/** A place asked for: where to buy, which shop, around here. */
const WHERE_TO_BUY = /地方|哪里|哪儿|哪家|哪个店|什么店|在哪|附近|周边|离我近|\bwhere\b|\bsomewhere\b|\b(?:a|which|what) (?:shop|store|place)\b|\baround here\b|\bnear(?:by| me)\b|\bclose by\b/i;
/** Where a shopper asks for goods: a clause with a buying or price word. */
const ASKING_CUE = /哪里|哪儿|哪家|哪边|有卖|有没有|买到|能买|在哪|贵|便宜|多少钱|价格|推荐|记一下|记录|where|which shops?|sells?|buy|price|how much|fair|recommend|log/i;

/** The clause that asks, when a message tells something first (naming no goods) and asks at the end; else the whole message. */
function askingClause(text: string, namesGoods: (clause: string) => boolean): string {
  const clauses = text.split(/[，,。！!；;…]+|\.\s+/).map((c) => c.trim()).filter(Boolean);
  if (clauses.length < 2) return text;
  const asking = clauses.filter((c) => ASKING_CUE.test(c));
  if (asking.length !== 1) return text;
  return clauses.some((c) => c !== asking[0] && namesGoods(c)) ? text : asking[0];
}

/** Tools that write (after the user's yes): a "why" about them is no reason to propose again. */
const WRITES = new Set(['record_purchase', 'feedback', 'confirm_scan', 'risk_questionnaire']);
/** Set against other shops: "跟周边同行比", "compared with other shops", "vs the competition". */
const PEERS = /(?:跟|和|与|同|比)(?:周边|附近|周围|其他|别的)?(?:的)?(?:同行|别的店|其他店|同类店|竞争对手)|\bcompared? (?:to|with) (?:other|nearby|similar|local) (?:shops|stores)\b|\b(?:vs\.?|versus|against) (?:the )?(?:competition|peers|competitors|other shops)\b/i;
/** Merchant tools that look at a period. */
const PERIOD_TOOLS = new Set(['merchant_stats', 'satisfaction_report', 'anomaly_alerts']);
/** The rest of the goods: "其他货", "别的东西", "everything else", "all the other products". */
const OTHER_GOODS = /(?:其他|其它|别的|剩下的|所有的?|全部的?)(?:货|商品|东西|产品|的)|\beverything else\b|\ball (?:the )?(?:other |rest of the )?(?:products|items|goods|stock)\b|\bthe rest\b|\bother (?:products|items|goods)\b/i;
/** Done for now: "that's all", "nothing else", "就这些", "没别的了". */
const CLOSING = /(?:\bthat'?s (?:all|it)(?: for (?:now|today))?|\bnothing else|\b(?:i'?m|we'?re) (?:all )?(?:good|done|set)(?: for now)?|\bno more questions|就这些|没别的了?|没有别的了?|暂时没(?:有)?了|先这样吧)(?:[\s,，!！.。]*(?:thanks|thank you|thx|cheers|谢谢|谢啦|多谢)(?: (?:a lot|so much))?)?[\s!！.。~～]*$/i;
/** Asking the assistant's own taste ("你喜欢吃热干面吗", "你觉得iPhone和华为哪个拍照好", "do you like coffee?"): small talk. */
const ASKS_OPINION = /你(?:平时|最)?(?:喜欢|爱)(?:吃|喝|用|穿|玩|看)|你觉得.{0,24}哪个(?:更)?\S{0,4}好|你(?:更)?喜欢哪(?:个|一个|种)|\bdo you (?:like|love|prefer|enjoy)\b|\bwhich (?:one )?do you (?:like|prefer)\b|\byour favou?rite\b/i;
/** A farewell and nothing else ("886" is 拜拜拜 in chat slang). */
const FAREWELL = /^(?:bye(?: bye)?|goodbye|good night|see (?:ya|you)(?: later| tomorrow)?|cya|ttyl|886|88|拜拜|再见|晚安|回见)[!！。.~～\s]*$/i;
const THANKS = /^(thanks|thank you|thx|谢谢|多谢|感谢|好的谢谢|ok thanks)[!！。.\s]*$/i;
const NEARBY = /附近|周边|旁边|方圆|半径|走路|步行|\bwalking distance\b|\bwithin (?:a |an )?\d+[- ]?min(?:ute)?s?\b|\bselling\b|\bwithin \d+(?:\.\d+)?\s*(?:km|kilomet(?:er|re)s?|m|met(?:er|re)s?)\b|哪里|哪儿|哪家|在哪|去哪|哪能|有卖|买到|能买|where|near|nearby|around here|close to|closest|nearest|which shops?|shops? (?:that )?sell|buy|find (?:a|an|some)?/i;
const PRICE = /贵|便宜吗|合理|\bpri?ce ?check\b|\bpirce\b|\bdecent (?:price|deal)\b|\bgood value\b|\bfair enough price\b|划算|(?:多少钱|什么价|啥价)(?:才)?算(?:正常|合理|公道)|算正常|正常价|算(?:哪门子|什么|不算|是)?(?:优惠|便宜|实惠)|(?:真的?|是不是真的?)(?:优惠|便宜|实惠)|优惠吗|实惠吗|值吗|虚高|值不值|值得|价格怎么样|正常吗|宰|坑|fair|expensive|overpriced|rip[- ]?off|too much|good price|worth|reasonable|a good deal|pricey|\d\s*(?:yuan|rmb|kuai|bucks|元|块)\s*(?:ok|okay|alright|fine|good)\b|\b(?:is|are) (?:¥\s*)?\d+(?:\.\d+)?\s*(?:yuan|rmb|kuai|bucks)? (?:ok|okay|alright|fine)\b/i;
const STATS = /\bw(?:ee)?k\s*(?:over|on|vs\.?)\s*w(?:ee)?k\b|销售|销量|营业额|营收|收入|流水|订单|业绩|卖得|卖了|生意|客单价|畅销|热销|卖得最好|(?:卖|买)的最好|最好卖|卖最多|经营|数据|sales|revenue|turnover|orders|how did .* do|how (?:are|were) (?:we|my shops?|sales|things)|best[- ]?sell|top (?:\d+ )?products?|top sellers?|performance|figures|stats|kpi/i;
/** A merchant's figures in other words: takings, counts of goods and customers, comparisons, what sells least. */
const MERCHANT_FIGURES = /赚|挣|进账|入账|卖出去|卖了几|多少件|几件|客流|(?:来了|有)?多少(?:个)?(?:人|顾客|客人)|几个(?:人|顾客|客人)|顾客数|客人数|回头客|复购|同比|环比|对比|比一比|比较一下|排行|排名|卖不动|滞销|卖得(?:最)?差|最差|没人买|(?:顾客|客人|大家)(?:最)?(?:喜欢|爱买)|最受欢迎|最忙|高峰|\bcompare\b|\bbusiest\b|\bpeak (?:day|hour|time)s?\b|\b(?:most )?popular\b|\bcustomers?\b|\bfootfall\b|\bfoot traffic\b|\bbasket\b|\baov\b|\baverage order\b|\bslow[- ]?(?:mov|sell)|\b(?:not|isn't|aren't|wasn't|weren't) selling\b|\bworst[- ]sell|\bmake (?:any )?money\b|\bearn(?:ed|ings)?\b|\bbusiness\b/i;
const RESTOCK = /补货|补(?:些|点|啥|什么|哪些)货|要补(?:啥|什么|哪些)|(?:要|该|得|需要)补(?:多少|几)|够不够卖|还够卖|够卖吗|进货|订货|备货|库存|断货|缺货预测|卖断|restock|re-stock|reorder|inventory|stock[- ]?out|run(?:ning)? (?:out|low)|what (?:should|to) (?:i )?order|forecast|预测/i;
const REVIEWS = /评价|差评|好评|几星|几颗星|星级|评分|打分|\baverage (?:score|rating|stars?)\b|\bstar rating\b|\b(?:our|my) (?:score|rating)s?\b|满意度?|投诉|抱怨|不满|口碑|怎么改进|如何改进|改进|顾客.{0,6}(?:说|反馈)|reviews?|complain(?:ts?)?|unhappy|satisfaction|satisfied|feedback|improve/i;
const ANOMALY = /异常|不正常|\bred flags?\b|\bwarning signs?\b|有什么问题|有问题吗|出(?:了)?问题|突然|暴涨|暴跌|猛增|骤降|(?:哪天|哪几天|那天).{0,8}(?:特别|格外|出奇)(?:差|好|多|少|高|低)|(?:价格|定价)?标错|价格不对|定价不对|\bspikes?\b|\bsurge\b|\bsudden(?:ly)?\b|\bpricing (?:mistakes?|errors?)\b|\bprice (?:mistakes?|errors?)\b|\bmispriced\b|不对劲|出什么事|出了什么|anything wrong|anything unusual|unusual|anomal|alerts?\b|something off/i;
const PRICING = /定价|(?:成本|进价|进货价|加价|加成)[^，。？?]{0,8}(?:[一二两三四五六七八九十\d]\s*成|\d\s*[%％]|一半)|\bcost (?:is|ratio|of goods)\b|毛利|利润率|\bmargins?\b|\bmark-?up\b|价格定(?:高|低|得)|定(?:高|低|贵)了|(?:我|我们|店里|我家)(?:卖|的)[^，。？?]{0,6}(?:贵不贵|贵吗|便宜吗|价格高吗)|价格策略|优惠券|折扣|发券|促销|coupon|discount|pricing|promotion|price advice|(?:客群|segment|顾客群|不同(?:的)?顾客)\S{0,12}(?:价格|定价|price)|价格敏感度|price[- ]sensitiv|willingness to pay/i;
/** A shopper's own home running out ("家里快没东西了", "what am I running low on"): suggestions; a merchant's is restock. */
const HOME_RESTOCK = /快没(?:东西|货)了?|(?:该|要|需要)补(?:点|些)?(?:什么|啥)|猜猜我(?:需要|要|想买|缺)|\b(?:what|anything) (?:am )?i(?:'m| am)? (?:running|getting) low on\b|\bpeople like me (?:usually |often )?(?:buy|get)\b/i;
const RECOMMEND = /推荐|买点什么|适合买(?:点)?(?:什么|啥)|买(?:什么|啥)好|该买什么|需要买什么|接下来.{0,4}买|缺什么|有什么好买|(?:该|要|可以)?囤(?:点|些)?(?:什么|啥)|recommend|suggest|what should i (?:buy|get|stock up on|pick up)|what to buy|what do i need|buy next|what (?:should|could) i stock up on|anything i should stock up on/i;
const PROFILE = /关于我|了解我|记住我(?:买|的)|(?:给我|帮我)?记了(?:些|点)?(?:啥|什么)|\bkeep (?:a )?(?:list|record|track) of (?:the )?(?:stuff|things|what) i (?:buy|bought)\b|\bwhat do you (?:keep|store|remember|save) about me\b|我(?:最)?(?:常去|去得最多|去的最多|经常去)(?:的)?(?:是)?(?:哪|那)|\b(?:where|which (?:shop|store)) do i (?:shop|go|buy)(?: (?:to|2))? (?:the )?most\b|\b(?:my|i have a|do i have a) favou?rite (?:brand|shop|store)\b|我(?:最)?(?:喜欢|常买)的(?:牌子|品牌)|\bmy (?:favou?rite|most visited|usual) (?:shop|store)\b|\b(?:how|hw|hou) much (?:did|have|do) i (?:spe?n?d|spent)\b|(?:你|你们)(?:都|还)?知道(?:我|关于我)(?:的)?(?:些|哪些|多少)?(?:什么|啥|事|信息)|平均(?:一次|每次|每单|一单)?(?:要|会)?(?:花|消费)|(?:下|买)过(?:几|多少)(?:单|次|回)|一共(?:下|买)了?(?:几|多少)(?:单|次)|(?:几|多少)(?:笔|个)?订单|\bhow many (?:orders|purchases|times) (?:have|did) i\b|\bhow often do i (?:shop|buy|order)\b|我(?:自己)?(?:最近|之前|这个月|上个月|上周|都)?.{0,6}?买(?:了|过)(?:些|点)?(?:什么|啥|哪些)|\bwhat (?:did|have) i (?:buy|bought|purchase[d]?)\b|\bmy (?:recent |past |last )?purchases\b|\bwhat i(?:'ve| have)? bought\b|我的画像|用户画像|我的标签|你知道我|what do you know about me|my profile|about me|我.{0,10}?(?:花了|消费了|花掉了?)多少|价格敏感|消费习惯|购物习惯|(?:付款|支付)方式|用什么(?:方式)?(?:付|支付)|(?:平均)?客单价|大手大脚|会过日子|精打细算|节俭|抠门|省钱小能手|\bthrifty\b|\bfrugal\b|\bpenny[- ]pincher\b|how much (?:have|did) i (?:spent|spend)|\b(?:my|total) (?:total )?spend(?:ing)?\b(?! (?:limit|power))|big spender|(?:average|avg|typical) basket|basket size|price[- ]sensitive|how do i (?:usually )?pay|what do i (?:usually )?pay with|my (?:spending|shopping) habits/i;
const RECORD = /^(?:log|note|record|track|记)\s*[:：]|\bi (?:got|grabbed|picked up)\b.{1,50}?\bfor\s+(?:¥\s*)?\d+(?:\.\d+)?(?!.*\b(?:fair|expensive|worth|too much|rip|ok|okay|good|reasonable)\b)|^(?:log|note down|record)\s+(?=\S*\d|a |an |one |two |three |four |five |six )|^(?:今天|昨天|前天|刚刚?|刚才|上午|中午|下午|晚上|早上)?\s*买了(?=.{0,20}[\d一二两三四五六七八九十]\s*(?:块|元|毛))(?!.*(?:贵|便宜吗|值吗|值不值|合理|划算|正常吗|坑))|^(?:(?:just|today|yesterday|earlier)\s+)?(?:just\s+)?(?:bought|picked up)\b(?!.*\b(?:fair|expensive|rip|worth|too much|overpriced|a good (?:price|deal))\b)|(?:^|我|刚|刚刚|今天|昨天|前天|[上里])(?:在\S{1,10}?)?(?:入了|下单了|下了单|(?<=(?:淘宝|拼多多|京东|天猫|闲鱼|抖音|网店|网上)\S{0,2})拍了|网购了|剁手了)(?=.{0,30}(?:\d|[一二两三四五六七八九十百]+\s*(?:块|元|毛)))(?!.*(?:贵|便宜吗|值吗|值不值|合理|划算|正常吗|坑))|在[\u4e00-\u9fffA-Za-z0-9()（）]{1,12}?(?:买了|买的)(?=.{0,30}(?:\d|[一二两三四五六七八九十百]+\s*(?:块|元|毛)?))(?!.*(?:贵|便宜吗|值吗|值不值|合理|划算|正常吗|坑|多少钱|哪里|哪儿|哪家))|\bi(?:'ve| have| just)? ordered\b(?=.{0,60}\d)(?!.*\b(?:fair|expensive|worth|too much|overpriced|rip|a good (?:price|deal))\b)|记录|记一下|记下|记账|我买了|刚买了|i bought|i just bought|record (?:a |my )?purchase|log (?:a |my )?purchase|add (?:it |this |that )?to my (?:purchases|purchase history|history|records?)|\blog (?:it|this|that)\b|\btrack (?:it|this|that)\b|keep track of|(?:note|jot) (?:it |this |that )?down|买了.{1,30}(?:花了|一共|总共|付了)|花了\s*[\d一二两三四五六七八九十百千.]+\s*(?:块|元)?(?:钱)?买了?/i;
const CREDIT = /额度|花呗|逾期|还能(?:用|花)多少|\b(?:how much )?(?:can i|could i) still (?:spend|use)\b|\boverdue\b|\bbehind on (?:my |the )?(?:pay[- ]?later )?(?:payments?|bills?|repayments?)\b|\blate (?:fees?|payments?|charges?)\b|先用后付|白条|信用|账单|还款|pay[- ]?later|credit|my limit|my bill|repay|\bnext bill\b|\bbill (?:is )?due\b|\bdue date\b/i;
const WEALTH = /理财|理个财|理点财|理下财|投资|基金|存钱|闲钱|(?:\d+(?:\.\d+)?\s*[wk万千]|[一二两三四五六七八九十]+\s*万)[^，,。？?]{0,8}?(?:想|打算|准备)?(?:放|存|投|搁)(?:个)?\s*(?:\d+|[一二两三四五六七八九十半]+)\s*(?:个)?(?:年|月)|wealth|invest|funds?\b|savings|where to put my money/i;
/** "有哪些产品", "which ones", "show me the options": what fits, after a questionnaire or a wealth answer. */
const WHICH_ONES = /有哪些|有啥|哪几个|什么产品|哪些产品|看看产品|\bwhich ones?\b|\bwhat (?:products|options|funds|are they)\b|\bshow me\b|\blist (?:them|the)\b/i;
const CHEAPER = /更便宜|便宜点|便宜一点|便宜些|再便宜|还有便宜|最便宜|哪家便宜|哪里便宜|cheaper|cheapest|less expensive|lower price|budget/i;
const MORE = /^(更多|还有吗|还有呢|再来几个|下一页|more|show more|next|any others?|others?)[?？!！。.\s]*$/i;
const NEAREST = /最近的|近一点|更近|离我最近|nearest|closer|closest/i;
const BEST_RATED = /评分最高|评分高|评分.{0,3}排前|好评多|口碑好|最好的|好评|best rated|highest rated|top rated|better rated/i;
const ORDINAL = /^(?:第?\s*([1-6一二三四五六])\s*(?:个|款|种)?|(?:the )?(first|second|third|fourth|fifth|sixth)(?: one)?|#?([1-6]))[。.!！\s]*$/i;

/** The language of a message: Chinese when it has Chinese in it, unless English plainly carries it and the Chinese is
 *  a name inside ("How did 青柠运动(广埠屯店) do last month? They're across the street."). */
export function detectLocale(text: string): Locale | undefined {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const english = text.match(/\b[a-z]{2,}\b/gi)?.length ?? 0;
  if (han && !(english >= 5 && english >= han)) return 'zh';
  if (/[a-z]{2,}/i.test(text)) return 'en';
  return undefined;
}

const RECORD_WORDS = /add (?:it |this )?to my (?:history|records?|purchases)|log (?:it|this|that|a purchase)|note (?:it |this )?down|keep track of|track (?:it|this)|record (?:it|this|that|a purchase)|please|帮我|帮忙|麻烦|记下来|记下吧|记一笔|记一下|记下|记录一下|记录|记账/gi;

/** The product a message names once the given spans (price, place, period, counts) are taken out (entities/product-phrase.ts). */
function productPhraseIn(products: ProductIndex) {
  const reader = phraseReaderFor(products);
  return (text: string, ...remove: (string | undefined)[]): string => {
    // "haggle it down to", "knock the price down": the particle of a verb of bargaining, not the goods called down.
    // "I don't drive", "can't cook": the verb after a negation is what they do, not goods.
    let rest = text.replace(/\b(?:haggl|bargain|knock|bring|get|talk|beat|negotiat|bid)\w*\s+(?:\w+\s+){0,2}?down\b/gi, ' ').replace(/\b(?:i|we)\s+(?:don'?t|do not|can'?t|cannot|never)\s+(?!want\b|need\b|like\b|have\b|buy\b|eat\b|drink\b|use\b)[a-z]+\b/gi, ' ');
    for (const r of remove) if (r) rest = rest.replace(new RegExp(r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), ' ');
    return reader.phrase(rest);
  };
}

export function understand(said: string, s: Situation, products: ProductIndex): Plan {
  // Pinyin, input-method homophones and English typos read as what was meant (entities/spelling.ts). The phrase reader
  // goes first: it adds the catalogue's goods to jieba's dictionary, which both then segment with, in any order of messages.
  phraseReaderFor(products);
  const text = spellingFixerFor(products).fix(standardWords(withoutSalesWords(fieldsAsWords(simplified(said)))));
  // "不要华为的", "anything but snacks": read once; not read as wanted below, and handed to the tools that leave it out.
  const excluded = findExclusion(text.trim(), products);
  let plan = understandMessage(text, s, products, excluded);
  // "辣条就别推了" after suggestions: the same suggestions without it, whatever else the message says.
  if (excluded && s.previous?.name === 'recommend' && !('tool' in plan && plan.tool === 'recommend') && !NEARBY.test(text)) plan = { tool: 'recommend', args: { ...s.previous.args } };
  if (excluded && 'tool' in plan && (plan.tool === 'recommend' || plan.tool === 'nearby_shops')) plan = { tool: plan.tool, args: { ...plan.args, exclude: excluded.word } };
  // "离我最近的卖热干面的店", "cheapest coke near me", "评分最高的水果店": the order asked for goes with the search.
  if ('tool' in plan && plan.tool === 'nearby_shops' && plan.args.sort === undefined) {
    const sort = findSort(text);
    if (sort) plan = { tool: plan.tool, args: { ...plan.args, sort } };
  }
  // "卖得最猛的前三是啥" after 30 days' alerts, "差评呢" after last month's figures: another look at the same period, when
  // the message names none and is short.
  const prev = s.previous;
  if ('tool' in plan && s.role === 'merchant' && PERIOD_TOOLS.has(plan.tool) && prev && PERIOD_TOOLS.has(prev.name) && prev.name !== plan.tool && prev.args.period !== undefined
    && !readPeriod(text, s.today) && (text.replace(/\s+/g, '').length <= 20 || /^(?:顺便|另外|那|再)|^(?:also|and|then|now|what about|how about)\b/i.test(text.trim()))) {
    plan = { tool: plan.tool, args: { ...plan.args, period: prev.args.period } };
  }
  // "前3家", "来 10 个推荐", "show me 3 shops": how many to list.
  if ('tool' in plan && (plan.tool === 'nearby_shops' || plan.tool === 'recommend') && plan.args.limit === undefined) {
    const limit = findListSize(text);
    if (limit) plan = { tool: plan.tool, args: { ...plan.args, limit: Math.min(limit, plan.tool === 'recommend' ? 10 : 20) } };
  }
  return plan;
}

/** The order a shopper asks shops to be listed in. */
function findSort(text: string): 'distance' | 'price' | 'rating' | undefined {
  if (/\bcheap\b|最便宜|哪家便宜|哪里便宜|哪儿便宜|哪个便宜|便宜的?(?:排|放)(?:在)?(?:前|上)|从便宜到贵|价格从低到高|按价格|cheapest|lowest price|by price|价格最低|最实惠/i.test(text)) return 'price';
  if (has(BEST_RATED, text) || /(?:by|on) (?:rating|stars|reviews)|按评分|评分(?:从高到低|排序)/i.test(text)) return 'rating';
  if (/离我最近|最近的|最近一家|离我近|(?:近|近一点|近点)的(?:店|那家|地方)?(?:$|[，,。！!？?吧呢])|越近越好|不要太远|别太远|走路(?:能|就)?到|nearest|closest|near(?:est)? to me first|by distance|按距离|not too far|walking distance|close(?:st)? by first/i.test(text)) return 'distance';
  return undefined;
}

function understandMessage(text: string, s: Situation, products: ProductIndex, excluded: Exclusion | undefined): Plan {
  const l = s.locale;
  const raw = text.trim();
  const productPhrase = productPhraseIn(products);
  // "回到刚才的 有便宜点的吗", "back to the earlier search": the task before the active one is active again.
  const prev = BACK_TO_EARLIER.test(raw) && s.earlier ? s.earlier : s.previous;
  if (!raw) return { reply: PHRASES.capabilities(s.role, l) };
  if (GREETING.test(raw)) return { reply: PHRASES.greeting(s.role, l) };
  if (HELP.test(raw) || (ASKS_WHAT_IT_DOES.test(raw) && raw.length <= 40 && !Object.values(TASK_WORDS).some((re) => re.test(raw)))) return { reply: PHRASES.capabilities(s.role, l) };
  // "你好 我是樱园超市的店员 … 这个都能查些啥呀": a long introduction that ends by asking what the assistant does.
  const lastClause = raw.split(/[。！？!?\n]+|[，,]\s*|\s+(?=\S)/u).filter(Boolean).slice(-2).join(' ');
  if (raw.length > 40 && ASKS_WHAT_IT_DOES.test(lastClause) && !Object.values(TASK_WORDS).some((re) => re.test(lastClause))) return { reply: PHRASES.capabilities(s.role, l) };
  // A film, a song, a name for the shop: not goods anyone here sells.
  if (NOT_GOODS.test(raw) && !findPrice(raw)) return { reply: PHRASES.offTopic(s.role, l) };
  if (WEATHER.test(raw) && !Object.values(TASK_WORDS).some((re) => re.test(raw)) && !NEARBY.test(raw)) return { reply: PHRASES.offTopic(s.role, l) };
  if (THANKS.test(raw)) return { reply: PHRASES.thanks(l) };
  if (FAREWELL.test(raw)) return { reply: PHRASES.goodbye(l) };
  if (ASKS_OPINION.test(raw) && !findPrice(raw) && !NEARBY.test(raw) && !PRICE.test(raw) && !Object.values(TASK_WORDS).some((re) => re.test(raw))) return { reply: PHRASES.offTopic(s.role, l) };
  // "Perfect, cheers! That's all for now.", "就这些 谢谢": the user is done.
  if (CLOSING.test(raw) && s.previous?.name !== 'scan_to_buy' && !THATS_IT.test(raw) && !/\d/.test(raw) && !Object.values(TASK_WORDS).some((re) => re.test(raw))) return { reply: /thank|cheers|\bty\b|thx|谢/i.test(raw) ? PHRASES.thanks(l) : PHRASES.acknowledged(l) };

  // The adapter turns a shared location into this message: redo the search that needed it.
  if (LOCATION_SHARED.test(raw)) {
    if (prev && (prev.name === 'nearby_shops' || prev.name === 'price_check')) {
      const { lat, lng, ...args } = prev.args;
      return { tool: prev.name, args: clean({ ...args, offset: prev.name === 'nearby_shops' ? 0 : undefined }) };
    }
    return { reply: PHRASES.locationReceived(l) + ' ' + PHRASES.askProduct(l) };
  }

  // A photo: what is it and where to buy it. Then "that's it" / "the second" confirms the match.
  if (PHOTO_TURN.test(raw)) return { tool: 'scan_to_buy', args: {} };
  if (prev?.name === 'scan_to_buy' && (prev.result?.status === 'matched' || prev.result?.status === 'unsure') && s.role === 'shopper') {
    const n = ordinalIn(raw);
    if (n) return { tool: 'confirm_scan', args: { position: n } };
    if (THATS_IT.test(raw) || (prev.result.status === 'matched' && AFFIRMATIVE.test(raw))) return { tool: 'confirm_scan', args: { position: 1 } };
  }

  // A live proposal is answered by the system before the planner sees the turn (agents/proposal-flow.ts); one that
  // lapsed is proposed again on a yes (shown again, never run), and a no just says nothing was changed.
  if (prev?.result?.status === 'needs_confirmation' && (!isCorrection(raw) || saysYes(raw))) { // "actually yeah do it" is a yes
    if (saysYes(raw) || saysYes(withoutRestated(raw, prev.args))) return { tool: prev.name, args: prev.args };
    if (saysNo(raw)) return { reply: l === 'zh' ? '好的，已取消，什么都没改。' : 'OK, cancelled; nothing was changed.' };
  }
  // Answers to the risk questionnaire: when it was asked for, or a retake ("重新答：D、C、C、B", "new answers: A B B A").
  const retake = /重新|再测|重测|再做|重做|再答|改答案|换答案|\bredo\b|\bretake\b|new answers|\bagain\b/i.test(raw) || prev?.name === 'risk_questionnaire' || prev?.name === 'wealth_products';
  if ((prev?.result?.status === 'need_questionnaire' || (prev?.name === 'risk_questionnaire' && prev.result?.status === 'invalid') || (s.role === 'shopper' && retake)) && parseAnswers(raw)) {
    return { tool: 'risk_questionnaire', args: { answers: raw } };
  }

  // "大盘今天涨了吗", "how's the stock market today": no market data here; the wealth products are offered instead.
  if (MARKET_NEWS.test(raw) && !/推荐|适合|买点|recommend|suggest|for me/i.test(raw)) return { reply: INTENT_REPLIES.marketNews(l), suggestions: [l === 'zh' ? '适合我的理财' : 'wealth products for me'] };
  // About someone else's data: declined out loud, and none of the caller's own figures shown instead.
  const ranked = classifyIntent(raw, s.role); // once per message; the checks below and the fallback share it
  // A declined request keeps the task it asked for, without the other party, so "那我自己的呢" / "what about my
  // Luxiang shop?" runs it on the caller's own data.
  const declined = (reply: string) => ({ reply, pending: declinedTask(raw, s, ranked) });
  const refusal = otherPeopleRefusal(raw, ranked, l, s.role);
  if (refusal) return 'reply' in refusal ? declined(refusal.reply) : refusal;
  // "算了，看我自己的", "that of mine then": the task just asked about, for the caller's own data.
  if (prev && OWN_INSTEAD.test(raw) && raw.length <= 60) {
    const { shopId: _theirs, ...own } = prev.args;
    const mine = s.role === 'merchant' ? findOwnShop(raw, s.shops ?? [], undefined)?.id : undefined;
    return { tool: prev.name, args: mine ? { ...own, shopId: mine } : own };
  }
  // Another merchant's shop, named by its trade name ("乐购数码街道口店上周营业额"): said so, and none of theirs shown.
  const foreign = s.role === 'merchant' ? findForeignShop(raw, s.shops ?? []) : undefined;
  if (foreign) return declined(l === 'zh' ? `「${foreign}」不是你的店，我不能查看或透露它的数据；你可以问我自己店铺的经营情况。` : `"${foreign}" is not one of your shops, so I can't look at or share its figures; ask me about your own shops.`);
  // "跟过去半年比": the history an anomaly is judged against, not the period asked about.
  const baseline = s.role === 'merchant' && (has(ANOMALY, raw) || prev?.name === 'anomaly_alerts') ? anomalySlots(raw) : {};
  // In a correction the value after 不是 / not is the wrong one ("不是上周 是上个月"): it is not read.
  const corrected = isCorrection(raw) ? withoutNegated(raw) : raw;
  const periodText = baseline.text ? corrected.replace(baseline.text, ' ') : corrected;
  // "前一周呢" / "the month before": relative to the period of the previous call.
  // "那个月的 top 3", "that month": the period the conversation is on.
  const periodRead = readPeriod(periodText, s.today);
  const saidBefore = periodRead?.kind === 'unresolved' && periodRead.reason === 'anaphora' ? (prev?.args?.period ?? s.earlier?.args?.period) as Period | undefined : undefined;
  const period = findPeriod(periodText, s.today) ?? (prev?.args?.period ? shiftPeriod(prev.args.period, periodText, s.today) : undefined) ?? saidBefore ?? (prev?.args?.period ? undefined : pastWithoutAnchor(periodRead, s.today));
  // A period named but not pinned down ("那天", "上次活动", "前一周" with nothing before it): ask, never guess.
  const periodUnclear = !period && periodRead !== undefined;
  // A plain number is a price only in a price or a purchase turn ("三只松鼠每日坚果 29.9", "鸡蛋20枚 25.9").
  const priceTalk = has(RECORD, raw) || has(PRICE, raw) || (ranked[0]?.allowed === true && ['price_check', 'record_purchase'].includes(ranked[0].intent) && ranked[0].p >= 0.5);
  const bare = priceTalk ? findBarePrice(periodRead ? raw.replace(periodRead.text, (t) => ' '.repeat(t.length)) : raw) : undefined; // not the 11 of "Nov 11"
  const spoken = findPrice(raw);
  const price = (spoken?.usual && bare && bare.amount !== spoken.amount ? undefined : spoken) ?? (bare ? { amount: bare.amount, currency: 'CNY' as const, text: bare.text } : spoken);
  // A merchant's branch ("鲁巷店", "the Zhongnan Rd shop") is their shop, never where they are.
  const ownShop = s.role === 'merchant' ? findOwnShop(raw, s.shops ?? [], prev?.args?.shopId) : undefined;
  const place = s.role === 'merchant' ? undefined : findPlace(raw);
  // "楚河汉街那家的评分呢" from a merchant with no shop there: none of theirs, said so.
  const notOwned = s.role === 'merchant' && !ownShop ? findBranchNotOwned(raw, s.shops ?? []) : undefined;
  if (notOwned) return declined(l === 'zh' ? `你在「${notOwned}」没有店，我不能查看那里的店铺数据；你的店是：${(s.shops ?? []).map((x) => x.nameZh).join('、')}。` : `You have no shop at ${notOwned}, so I can't look at the shop there; yours are: ${(s.shops ?? []).map((x) => x.nameEn).join(', ')}.`);
  const radius = findRadiusKm(raw);
  // "how about its reviews?", "那家店的差评呢": the shop of the task before.
  const sameShop = /\bits\b|\b(?:that|this|the same) (?:shop|store)\b|那家店|这家店|它的|那它|它(?:要|该|需要|还|得)|该店|同一家/i.test(raw) && typeof prev?.args?.shopId === 'number' ? (prev.args.shopId as number) : undefined;
  const shopId = findShopId(raw) ?? ownShop?.id ?? sameShop;
  const topN = findTopN(raw);
  const shopCategory = findShopCategory(raw);
  // A message that tells a little first ("我下个月要去武大报到，想问下那边哪里有卖台灯"): the goods are named where it asks.
  const wanted = excluded ? raw.replace(excluded.text, ' ') : raw;
  const asking = askingClause(wanted, (clause) => (products.search(productPhraseIn(products)(clause), 1)[0]?.score ?? 0) >= 0.5);
  // "不要华为的", "除了零食的呢" after a search or suggestions: the same, without those.
  if (prev && excluded && (prev.name === 'nearby_shops' || prev.name === 'recommend') && !prev.result?.error && !productPhrase(wanted)) {
    return { tool: prev.name, args: clean({ ...prev.args, exclude: excluded.word, offset: prev.name === 'nearby_shops' ? 0 : undefined }) };
  }
  const phraseOf = (t: string) => productPhrase(s.role === 'merchant' ? t.replace(STOCK_WORDS, ' ') : t, price?.text, place?.text, radius?.text, shopCategory?.text, ownShop?.text, periodRead?.text);
  // ...unless the asking clause names no goods ("鸡蛋十个装十五块八，是不是贵了点"): then the whole message.
  const phrase = phraseOf(asking) || (asking === wanted ? '' : phraseOf(wanted));
  const strongProduct = phrase ? (products.search(phrase, 1)[0]?.score ?? 0) >= 0.5 : false;
  const namedCategory = findCategoryWord(wanted);
  // A place named earlier in the chat ("我在街道口") stands until another one is named.
  const earlierPlace = place ? undefined : s.place ?? (s.earlierTexts ?? []).map(findPlace).findLast(Boolean);
  const here = place ?? earlierPlace;
  const where = here ? { lat: here.point.lat, lng: here.point.lng } : {};
  // The trained intent model backs up the words each task is known by ("note down…", "记一笔", "track it").
  const top = ranked[0];
  // "OK 冲 今晚直播加油💪", "行 吃完继续搬砖": a cheer or a sign-off, sure and asking nothing, even with a day in it.
  if (top && ['acknowledge', 'goodbye', 'thanks'].includes(top.intent) && top.p >= 0.8 && !price && !/[?？]|吗|呢|嘛|多少|几|怎么|咋|如何|\b(?:how|what|which|when|where|why|show|tell)\b/i.test(raw)) {
    return { reply: top.intent === 'goodbye' ? PHRASES.goodbye(l) : top.intent === 'thanks' ? PHRASES.thanks(l) : PHRASES.acknowledged(l) };
  }
  // A short fragment with a slot ("what about this month?", "2号店呢") continues the active task, whatever it resembles.
  // So does one that says nothing but such slots ("珞珈山二店 跟过去两个月比", "only the Luxiang store for last month please").
  // So does one that names no goods and only says what the active task can take ("珞珈山二店 跟过去两个月比",
  // "成本大概占六成", "cost ratio 改成0.55"): the task's own slot readers (continue-task.ts) decide.
  const read = { text: raw, today: s.today, products, phraseOf: productPhrase, shopId, period, where: place ? where : {} };
  // No goods: no product phrase, or one with no word of the catalogue's goods in it ("店员说打完折 155" → "完折").
  const restPhrase = productPhrase(raw, price?.text, place?.text, radius?.text, shopCategory?.text, ownShop?.text, periodRead?.text, baseline.text);
  const noGoods = !restPhrase || !phraseReaderFor(products).namesGoods(restPhrase);
  const probe = prev && noGoods ? editTask(prev, read, isCorrection(raw)) : undefined;
  // Words that name no goods are never read as a new product here ("今天天气怎么样" is no product named "今天天气").
  const renamesGoods = probe !== undefined && changedSlots(prev!, probe).some((k) => ['product', 'query', 'productId', 'category'].includes(k));
  const slotsOnly = Boolean(prev) && noGoods && !renamesGoods && (Boolean(period || shopId || baseline.lookbackDays) || probe !== undefined);
  const fragment = Boolean(prev) && Boolean(period || shopId || baseline.lookbackDays) && (raw.replace(/\s+/g, '').length <= 12 || raw.split(/\s+/).length <= 5 || slotsOnly);
  // The model's guess yields to another task's own words said plainly ("Recommend some baby things … 250 max" is no
  // purchase to log, whatever the model thinks): only the tasks of the caller's role count.
  // Sales words are in every merchant question ("哪天销量特别不正常"), "suggestions" in wealth ones, and 花呗 in a purchase
  // says how it was paid.
  const wordsOfAnother = (intent: string) => !TASK_WORDS[intent]?.test(raw) && Object.entries(TASK_WORDS).some(([t, re]) => t !== intent && MERCHANT_ONLY.has(t) === (s.role === 'merchant')
    // A guess of alerts with no alert words yields to a plain "how were sales" ("最近 30 天流水怎么样 有没有 carry 全场").
    && !(t === 'merchant_stats' && MERCHANT_ONLY.has(intent) && !(intent === 'anomaly_alerts' && /怎么样|咋样|如何|多少|\bhow (?:was|were|did|is|are|much)\b/i.test(raw))) && !(t === 'recommend' && intent === 'wealth_products') && !(t === 'credit_line' && paymentMethodIn(raw)) && re.test(raw));
  const said = (intent: string) => top?.allowed === true && top.intent === intent && top.p >= SURE && !(fragment && prev?.name !== intent) && !wordsOfAnother(intent);

  // "为什么这么低？", "why this one?", "how come 卓刀泉店 is flagged": the answer just shown gives its reasons (method,
  // policy, what it is based on); shown again for the same task, with a shop or period the question names, unless
  // another task is named. Not for a write, and not "why can't you…" (a question about the assistant).
  if (prev && WHY.test(raw) && !/不能|不可以|不让|不行|can'?t|cannot|won'?t/i.test(raw) && !prev.result?.error && !WRITES.has(prev.name) && !namesOtherTask(raw, prev.name, undefined)) {
    return { tool: prev.name, args: clean({ ...prev.args, ...(shopId ? { shopId } : {}), ...(period && 'period' in prev.args ? { period } : {}) }) };
  }
  // An action it cannot take is said plainly (a write it can take, like logging a purchase, is another intent) — not for a
  // follow-up of the active task ("那我的花呗呢" reads like an action to the model) or an answer to a wealth question.
  const afterWealth = prev?.name === 'wealth_products' || prev?.name === 'risk_questionnaire';
  const goesOn = Boolean(prev) && (isFollowUp(raw) || slotsOnly || (afterWealth && Object.keys(wealthSlots(raw, price)).length > 0));
  // The model's guess that an action is out of reach does not overrule a task's own words ("sales from Nov 20 to Nov 26")
  // unless it is very sure; the plainly named ones (充话费, call a cab, transfer money) need no model.
  const ownWords = Object.entries(TASK_WORDS).some(([tool, re]) => re.test(raw) && (MERCHANT_ONLY.has(tool) === (s.role === 'merchant'))) || (s.role === 'shopper' && Boolean(price) && has(PRICE, raw));
  const plainlyCannot = PLAINLY_CANNOT.test(raw) ? { reply: INTENT_REPLIES.unsupportedAction(l) + '\n' + PHRASES.capabilities(s.role, l) } : undefined;
  // Charging some people more for the same goods ("给老顾客涨点价", "different prices for men and women"): declined, the fair way offered.
  if (s.role === 'merchant' && asksUnfairPricing(raw)) return { reply: INTENT_REPLIES.unfairPricing(l), suggestions: [l === 'zh' ? '分客群定价建议' : 'pricing advice by segment'] };
  // A complaint about a person who served them ("投诉收银员", "the cashier was rude"): a person to talk to, not a search.
  if (s.role === 'shopper' && COMPLAINT_ABOUT_STAFF.test(raw)) return { reply: INTENT_REPLIES.humanAgent(l) };
  // A question about how things stand ("Am I behind on my bills?", "我是不是逾期了") asks for no action.
  const asksHowThingsStand = ownWords && STATE_QUESTION.test(raw);
  const cannot = goesOn ? undefined : plainlyCannot ?? (ownWords && ((ranked[0]?.p ?? 0) < 0.9 || asksHowThingsStand) ? undefined : unsupportedActionReply(ranked, s.role, l, raw, ownWords));
  // "帮我下单两箱农夫山泉 送到楼下": declined, and the goods are kept, so "那附近哪家有卖的" finds them.
  if (cannot) return s.role === 'shopper' && strongProduct ? { ...cannot, pending: { tool: 'nearby_shops', args: clean({ query: phrase, ...where }) } } : cannot;

  // "第三个不要", "1号挺好的，给它打5分", "the last one, nope": a rating of one of the suggestions shown.
  // The suggestions shown: the active task's, or the one before a rating ("第三个也不喜欢" after rating the second).
  const shownList = prev?.name === 'recommend' ? prev : prev?.name === 'feedback' && s.earlier?.name === 'recommend' ? s.earlier : undefined;
  const recommended = s.role === 'shopper' && shownList?.result?.status === 'ok' ? (shownList.result.items as { productId: number }[]) : undefined;
  const rated = recommended ? readFeedback(raw, recommended.length) : undefined;
  if (recommended && rated) return { tool: 'feedback', args: { productId: recommended[rated.position - 1].productId, rating: rated.rating } };
  // "哦不对 是第三个" after a rating was proposed: the same rating, for the item they meant.
  if (recommended && prev?.name === 'feedback' && typeof prev.args.rating === 'number' && (isCorrection(raw) || ordinalIn(raw))) {
    const meant = pickedPosition(raw, recommended.length);
    if (meant) return { tool: 'feedback', args: { productId: recommended[meant - 1].productId, rating: prev.args.rating } };
  }

  // "你上次推荐的那个不太行" with no suggestions in this chat: which one?
  if (!recommended && s.role === 'shopper' && /推荐的|suggested|recommended/i.test(raw) && readFeedback(raw.replace(/那个|那款|that one|the one/gi, '第1个'), 1)) {
    return { reply: INTENT_REPLIES.whichRecommended(l) };
  }

  // --- A follow-up or a correction edits the active task ("如果是59呢", "华为的有吗", "打错了，是八块", "I meant the
  // other shop"), unless it names another task's words.
  // "then at least tell me if 99 yuan is a decent price for it" after a search: a price check of the goods searched for.
  const checksPriceOfSearch = prev?.name === 'nearby_shops' && typeof prev.args.query === 'string' && Boolean(price) && price!.max === undefined && has(PRICE, raw) && !has(NEARBY, raw) && !strongProduct;
  if (checksPriceOfSearch && price!.currency === 'CNY') {
    const one = prev!.result?.matchedProducts?.length === 1 ? prev!.result.matchedProducts[0].id : undefined;
    return { tool: 'price_check', args: one ? { productId: one, price: price!.amount } : { product: prev!.args.query, price: price!.amount } };
  }
  if (prev && (!periodUnclear || prev.name === 'restock_forecast') && !namesOtherTask(raw, prev.name, slotsOnly ? undefined : top)) {
    const correcting = isCorrection(raw) || (top?.intent === 'correction' && top.p >= 0.5);
    // The answer to a question the assistant asked ("「牙膏」花了多少钱？" → "12块") fills the task it held open.
    const answering = prev.result?.status === 'asked' && !(top?.intent === 'off_topic' && top.p >= SURE && !strongProduct); // "今天天气怎么样" answers nothing
    // A merchant naming goods while looking at restock advice ("三文鱼呢 看未来6周") narrows that advice.
    const restockGoods = prev.name === 'restock_forecast' && s.role === 'merchant' && strongProduct;
    // "跟周边同行比咋样", "compared with other shops?": the same answer again, which sets the shop against its peers.
    if (s.role === 'merchant' && MERCHANT_ONLY.has(prev.name) && PEERS.test(raw) && !prev.result?.error) return { tool: prev.name, args: prev.args };
    // "其他货也一起看看要不要补", "what about everything else" after advice on one product: the advice for all of them.
    if (prev.name === 'restock_forecast' && typeof prev.args.product === 'string' && OTHER_GOODS.test(raw) && !strongProduct) {
      const { product: _one, ...rest } = prev.args;
      return { tool: prev.name, args: { ...rest, ...clean({ leadTimeDays: findLeadTimeDays(raw), serviceLevel: findServiceLevel(raw) }) } };
    }
    // "all three together?" after one shop's figures: the same figures for all of them.
    const allOfThem = MERCHANT_ONLY.has(prev.name) && ALL_SHOPS.test(raw);
    const editing = correcting || isFollowUp(raw) || isBrandOnly(phrase, products) || slotsOnly || restockGoods || allOfThem;
    if (editing || answering) {
      const edited = editTask(prev, read, correcting);
      // An answer must give what was asked for (a slot the task lacked), else the message is a new request.
      if (edited && (editing || Object.keys(edited.args).some((k) => !(k in prev.args)))) {
        // A price check that now has its product but still no price: ask for the price, holding the check open.
        if (edited.tool === 'price_check' && edited.args.price === undefined && typeof edited.args.product === 'string') {
          return { reply: PHRASES.askPrice(edited.args.product, l), pending: edited };
        }
        return edited;
      }
      // "两个店加一起呢" when the figures shown were already for all the shops: the same again, for all of them.
      if (!edited && MERCHANT_ONLY.has(prev.name) && ALL_SHOPS.test(raw) && !prev.result?.error) {
        const { shopId: _one, ...rest } = prev.args;
        return { tool: prev.name, args: rest };
      }
    }
  }

  // Small talk that happens to name goods or a day ("你喜欢吃热干面吗", "周末去东湖玩") is not a task when the model is sure
  // and no task's words are in it.
  if (top?.intent === 'off_topic' && top.p >= SURE && !price && !has(NEARBY, raw) && !has(PRICE, raw) && !Object.values(TASK_WORDS).some((re) => re.test(raw))) {
    return { reply: PHRASES.offTopic(s.role, l) };
  }

  // --- Shopper: their own things (purchases, feedback, profile, credit, wealth, suggestions).
  if (s.role === 'shopper') {
    // "ok thanks. and yes, save that apple purchase", "刚才那个香蕉帮我记上吧" after a detour: the purchase proposed
    // before is proposed again (shown again, never written without a new yes).
    const earlierRecord = [prev, s.earlier].find((t) => t?.name === 'record_purchase' && t.args.product && t.args.price !== undefined);
    if (earlierRecord && prev?.name !== 'record_purchase' && (has(RECORD, raw) || /\bsave\b|记上|记下|存一下/i.test(raw)) && /\b(?:that|the|earlier|before)\b|刚才|那个|之前|前面/i.test(raw) && !price) {
      return { tool: 'record_purchase', args: earlierRecord.args };
    }
    // "你们是不是会记录我买过啥": a question about what it knows, not a purchase to log.
    if (has(PROFILE, raw) && !price && !has(PRICE, raw)) return { tool: 'customer_profile', args: {} };
    // A price asked about ("这算哪门子优惠") is no purchase to log unless they say to log it.
    // "好 那帮我记一下 今天买了两把 一共七块钱": the goods the conversation is about, when the message names none.
    const inView = goodsInView(prev);
    if ((has(RECORD, raw) || (said('record_purchase') && !has(PRICE, raw))) && (phrase || (inView && price))) {
      if (!price) return { reply: l === 'zh' ? `「${phrase}」花了多少钱？` : `How much did you pay for "${phrase}"?`, pending: { tool: 'record_purchase', args: clean({ product: phrase, date: purchaseDay(period, s.today) }) } };
      // "买了3瓶，每瓶8块" is 3 at 8, "3瓶一共24块" 3 at 8, "6瓶一提 15块" one pack at 15 (entities/quantity.ts says
      // why a pack stays a pack). Counts and 每瓶 are not the product; "6瓶装" is how the catalogue names a pack.
      // Neither the command ("note it down", "帮我记一下") nor the day ("yesterday", "上个月15号") is part of the product.
      // A trade name inside goods' words ("李宁运动" of 李宁运动袜) is the goods, not the shop.
      const goodsWords = phraseReaderFor(products).goodsWordsIn(raw);
      const shopsNamed = tradeNamesIn(raw).filter((t) => !goodsWords.some((w) => w !== t && w.includes(t)));
      const named = [price.text, place?.text, periodRead?.text, ...(raw.match(RECORD_WORDS) ?? []), ...shopsNamed];
      // "买了3瓶，每瓶8块" is 3 at 8, "3瓶一共24块" 3 at 8, "6瓶一提 15块" one pack at 15 (purchase-slots.ts). A plain
      // number read as the price counts as its money.
      const bought = readBought(raw, spoken ? undefined : bare, products, productPhrase, named);
      const product = bought.product || inView || phrase;
      const paymentMethod = paymentMethodIn(raw);
      return { tool: 'record_purchase', args: clean({ product, price: bought.price ?? price.amount, quantity: bought.quantity, shopId, date: purchaseDay(period, s.today), paymentMethod }) };
    }
    if (has(PROFILE, raw) || said('customer_profile')) return { tool: 'customer_profile', args: {} };
    if (has(CREDIT, raw) || said('credit_line')) return { tool: 'credit_line', args: {} };
    // Wealth: the amount, how long the money can stay ("半年", "三年", "within a year") and whether it must be at hand.
    // After the questionnaire (or a wealth answer) "推荐几个" or "I have about 5000 to put in" goes on with the same task.
    const wealthTask = prev?.name === 'wealth_products' || prev?.name === 'risk_questionnaire';
    const wealth = wealthSlots(raw, price);
    if (has(WEALTH, raw) || said('wealth_products') || (wealthTask && (Object.keys(wealth).length > 0 || ((has(RECOMMEND, raw) || WHICH_ONES.test(raw)) && !namedCategory && !strongProduct)))) {
      // After the questionnaire, the amount and horizon said before it ("about 5k for six months") still stand.
      const asked = prev?.name === 'wealth_products' ? prev : prev?.name === 'risk_questionnaire' && s.earlier?.name === 'wealth_products' ? s.earlier : undefined;
      const base = asked && !asked.result?.error ? asked.args : {};
      return { tool: 'wealth_products', args: clean({ ...base, ...wealth }) };
    }
    const category = namedCategory;
    // "more like sports stuff", "运动类的": a category and words for things, no product of its own.
    const categoryOnly = Boolean(category) && phrase.toLowerCase().split(/\s+/).every((w) => CATEGORY_WORDS.has(w) || STUFF.test(w));
    // "推荐个附近能买充电宝的地方", "any good power banks around here?": a place to buy named goods, not suggestions.
    const placeForGoods = strongProduct && !categoryOnly && WHERE_TO_BUY.test(raw);
    // The model's guess alone does not make named goods ("30块以内的洗衣液") a request for suggestions: that is a search.
    if (!placeForGoods && (has(RECOMMEND, raw) || (s.role === 'shopper' && has(HOME_RESTOCK, raw)) || (said('recommend') && (!strongProduct || categoryOnly)) || (recommended && (category || price || /附近|near/i.test(raw)) && (!strongProduct || categoryOnly)))) {
      const base = shownList ? shownList.args : {};
      // What the suggestions are for, in the shopper's words ("洗衣服用的", "breakfast stuff"), when it is not just a category.
      const said = findNeed(raw.replace(HOME_RESTOCK, ' '));
      // A product named after "for" ("is 15 ok for Crest toothpaste") is no need.
      // Else the goods they name, when the catalogue has words of them ("only", "little one" name none).
      const need = (said && (products.search(said, 1)[0]?.score ?? 0) < 0.8 && !(category && (CATEGORY_WORDS.has(said.toLowerCase()) || findCategoryWord(said) === category)) ? said : undefined) ?? (phrase && (!strongProduct || has(RECOMMEND, raw)) && !categoryOnly && !STUFF.test(phrase) && phraseReaderFor(products).namesGoods(phrase) && !(category && CATEGORY_WORDS.has(phrase.toLowerCase())) ? phrase : undefined);
      return { tool: 'recommend', args: clean({ ...base, category: category ?? base.category, budget: budgetOf(price) ?? base.budget, nearMe: /附近|near/i.test(raw) || base.nearMe || undefined, need: need ?? base.need }) };
    }
  }

  // --- Merchant: restock forecast and what customers complain about.
  const leadTimeDays = findLeadTimeDays(raw);
  const serviceLevel = findServiceLevel(raw);
  const merchant = s.role === 'merchant';
  // "差评呢", "顺便 restock 看下" after figures for one shop: the shop in view stays, unless another or all are named.
  const shopInView = merchant && !shopId && typeof prev?.args?.shopId === 'number' && prev.result?.error?.code !== 'forbidden' && MERCHANT_ONLY.has(prev.name)
    && !ALL_SHOPS.test(raw) && (raw.replace(/\s+/g, '').length <= 20 || /^(?:顺便|另外|那|再)|^(?:also|and|then|now)\b/i.test(raw)) ? (prev.args.shopId as number) : undefined;
  const restockFollowUp = prev?.name === 'restock_forecast' && Boolean(leadTimeDays || serviceLevel || shopId);
  const reviewsFollowUp = prev?.name === 'satisfaction_report' && Boolean(period || shopId || radius);
  // Words that name the intent win over a follow-up on the previous answer.
  // The model's guess and a follow-up both yield to another task's own words ("那这家店 last month 的 sales 呢" after reviews).
  const otherWords = (tool: string) => Object.entries(TASK_WORDS).some(([t, re]) => t !== tool && MERCHANT_ONLY.has(t) && re.test(raw) && !TASK_WORDS[tool].test(raw));
  const wantsRestock = merchant && (has(RESTOCK, raw) || ((said('restock_forecast') || restockFollowUp) && !otherWords('restock_forecast')));
  const wantsReviews = merchant && !has(RESTOCK, raw) && (has(REVIEWS, raw) || ((said('satisfaction_report') || reviewsFollowUp) && !otherWords('satisfaction_report')));
  // A day said in passing ("昨天太累了", "下周见", "周末愉快") asks for no figures; "上周呢", "昨天的", "上个月多少" do.
  const leftOver = periodRead ? raw.replace(periodRead.text, '').replace(/[\s，,。.!！~～]/g, '') : raw;
  const asksAboutPeriod = !GOODBYE.test(raw) && (/[?？]|呢|吗|嘛|怎么样|咋样|如何|多少|几|看|查|给我|说说|\b(?:how|what|show|tell|give|check|numbers|figures)\b/i.test(raw) || leftOver.length <= 2 || Object.values(TASK_WORDS).some((re) => re.test(raw)) || has(MERCHANT_FIGURES, raw));
  if (merchant && periodUnclear && !has(RESTOCK, raw) && !has(PRICING, raw) && asksAboutPeriod) {
    // "今年双十二的营业额": not come yet, said so rather than asked again.
    if (periodRead?.kind === 'unresolved' && periodRead.reason === 'future') return { reply: l === 'zh' ? `「${periodRead.text}」还没到（今天是 ${s.today}），还没有数据；要看已经过去的哪段时间？` : `"${periodRead.text}" hasn't come yet (today is ${s.today}), so there are no figures; which past period shall I show?` };
    return { reply: l === 'zh' ? '你指的是哪段时间？请说具体一点，比如「上周」「10月」「11月1日到11日」。' : 'Which period do you mean? Please name it, e.g. "last week", "October" or "Nov 1 to Nov 11".' };
  }
  if (merchant && (has(ANOMALY, raw) || said('anomaly_alerts'))) return { tool: 'anomaly_alerts', args: clean({ shopId: shopId ?? shopInView, period, lookbackDays: baseline.lookbackDays }) };
  if (merchant && (has(PRICING, raw) || said('pricing_advice'))) {
    // Asked again ("can you redo it with that?"): the shop and settings of the advice just shown stay unless said anew.
    const base = prev?.name === 'pricing_advice' && !prev.result?.error ? prev.args : {};
    return { tool: 'pricing_advice', args: clean({ ...base, shopId: shopId ?? base.shopId ?? shopInView, ...clean(pricingSlots(raw)) }) };
  }
  if (wantsRestock) {
    const base = prev?.name === 'restock_forecast' && !prev.result?.error ? prev.args : {};
    const read = restockSlots(raw, products);
    return { tool: 'restock_forecast', args: clean({
      ...base, shopId: shopId ?? base.shopId ?? shopInView, product: (strongProduct ? phrase : undefined) ?? read.product ?? base.product,
      leadTimeDays: leadTimeDays ?? read.leadTimeDays ?? base.leadTimeDays, serviceLevel: serviceLevel ?? read.serviceLevel ?? base.serviceLevel,
      reviewDays: read.reviewDays ?? base.reviewDays, horizonWeeks: read.horizonWeeks ?? base.horizonWeeks, limit: topN ?? base.limit,
    }) };
  }
  if (wantsReviews) {
    const base = prev?.name === 'satisfaction_report' && !prev.result?.error ? prev.args : {};
    return { tool: 'satisfaction_report', args: clean({ ...base, shopId: shopId ?? base.shopId ?? shopInView, period: period ?? base.period, compareRadiusKm: radius?.km ?? base.compareRadiusKm }) };
  }

  // --- Merchant questions about their figures.
  if (has(STATS, raw) || said('merchant_stats') || (s.role === 'merchant' && (((period && asksAboutPeriod) || topN) && !strongProduct || has(MERCHANT_FIGURES, raw)))) {
    // Carry the previous question's shop and size over, unless that question was refused.
    const base = prev?.name === 'merchant_stats' && !prev.result?.error ? prev.args : {};
    // "wk over wk?": the last whole week against the one before.
    const weekOverWeek = /\bw(?:ee)?k\s*(?:over|on|vs\.?)\s*w(?:ee)?k\b|周环比|\bweekly change\b/i.test(raw) ? 'last_week' : undefined;
    return { tool: 'merchant_stats', args: clean({ ...base, period: period ?? weekOverWeek ?? base.period ?? 'last_7_days', shopId: shopId ?? base.shopId ?? shopInView, topN: topN ?? base.topN }) };
  }
  // "上个月呢" / "what about last week?" right after figures.
  if (prev?.name === 'merchant_stats' && (period || shopId)) {
    const base = prev.result?.error ? { period: prev.args.period } : prev.args;
    return { tool: 'merchant_stats', args: clean({ ...base, period: period ?? base.period, shopId: shopId ?? (base as Record<string, unknown>).shopId }) };
  }

  // --- A cap or a floor on the price ("30块以内的洗衣液", "不超过50块", "under 30 yuan", "20到30块"): a search within
  // the price, not a price to check. nearby_shops caps the offers of the products it searches for; a category
  // has no offers to cap, so a shopper's capped category goes to recommend (budget per item). A floor alone has
  // no argument in either tool: the search goes without it.
  if (price && (price.max !== undefined || price.min !== undefined)) {
    if (price.currency !== 'CNY') return { reply: PHRASES.onlyYuan(l) };
    const capCategory = shopCategory?.category ?? (!strongProduct ? namedCategory : undefined);
    if (phrase && (strongProduct || !capCategory)) return { tool: 'nearby_shops', args: clean({ query: phrase, ...where, radiusKm: radius?.km, maxPrice: price.max }) };
    if (capCategory && s.role === 'shopper' && !shopCategory) return { tool: 'recommend', args: clean({ category: capCategory, budget: price.max, nearMe: /附近|near/i.test(raw) || undefined }) };
    if (capCategory) return { tool: 'nearby_shops', args: clean({ category: capCategory, ...where, radiusKm: radius?.km }) };
    if (prev?.name === 'nearby_shops' && prev.args.query) return { tool: 'nearby_shops', args: clean({ ...prev.args, ...where, offset: 0, maxPrice: price.max }) };
    return { reply: PHRASES.askProduct(l) };
  }

  // --- Follow-ups on a shop search.
  if (prev?.name === 'nearby_shops' && !strongProduct && !price) {
    const r = prev.result;
    const lastOk = r?.status === 'ok';
    if (MORE.test(raw) || said('more')) {
      if (!lastOk) return { reply: PHRASES.nothingToFollow(l) };
      return { tool: 'nearby_shops', args: { ...prev.args, offset: (prev.args.offset ?? 0) + (prev.args.limit ?? 5) } };
    }
    // One follow-up may change several things at once: "widen it to 2 km and sort by rating", "最近的、3公里内".
    // "cheapest first", "便宜的排前面": the same list in price order; "any cheaper?", "再便宜点的": below what was shown.
    const priceOrder = /cheapest first|lowest (?:price )?first|(?:sort|order|list)\w* (?:them |it )?by price|便宜的?(?:排|放)(?:在)?(?:前|上)|从便宜到贵|价格从低到高|按价格(?:排|从)/i.test(raw);
    const cheaper = !priceOrder && (has(CHEAPER, raw) || said('cheaper'));
    const sort = cheaper || priceOrder ? 'price' : (has(NEAREST, raw) && !has(NEARBY, raw.replace(NEAREST, ''))) || said('nearest') ? 'distance' : has(BEST_RATED, raw) || said('best_rated') ? 'rating' : findSort(raw);
    if (sort || place || radius) {
      if (cheaper && !lastOk) return { reply: PHRASES.nothingToFollow(l) };
      const shown: number[] = cheaper ? (r!.results ?? []).map((x: any) => x.offer?.price).filter((p: unknown) => typeof p === 'number') : [];
      const cap = shown.length ? Math.round((Math.min(...shown) - 0.01) * 100) / 100 : undefined;
      return { tool: 'nearby_shops', args: clean({
        ...prev.args, ...where, sort: sort ?? prev.args.sort, offset: 0,
        maxPrice: cheaper ? (cap && cap > 0 ? cap : undefined) : prev.args.maxPrice,
        radiusKm: radius?.km ?? (cheaper ? Math.max(prev.args.radiusKm ?? 3, 5) : prev.args.radiusKm),
      }) };
    }
  }

  // --- Follow-ups on a price check: picking a candidate, or naming the product / price that was missing.
  if (prev?.name === 'price_check' && prev.result) {
    const r = prev.result;
    // "附近哪里更便宜" after a price check: the same product's offers near them, cheapest first.
    if (r.status === 'ok' && r.product?.name && has(CHEAPER, raw) && has(NEARBY, raw) && !strongProduct) {
      return { tool: 'nearby_shops', args: clean({ query: String(r.product.name), ...where, sort: 'price' }) };
    }
    const ordinal = ORDINAL.exec(raw);
    if (r.status === 'ambiguous' && ordinal) {
      const n = Number(ordinal[1] ?? ordinal[3]) || ORDINALS[(ordinal[1] ?? ordinal[2] ?? '').toLowerCase()];
      const pick = r.candidates?.[n - 1];
      if (pick) return { tool: 'price_check', args: { productId: pick.id, price: r.price } };
    }
    if (r.status === 'ambiguous' && phrase && !price) {
      const combined = `${phrase} ${r.query}`;
      return { tool: 'price_check', args: { product: strongProduct && products.search(phrase, 2).length === 1 ? phrase : combined, price: r.price } };
    }
    if (r.status === 'ok' && price && !strongProduct) {
      return { tool: 'price_check', args: { productId: r.product.id, price: price.amount } };
    }
  }

  // "附近哪有三百来块的蓝牙耳机": a rough figure in a where-to-buy question is what they mean to spend.
  if (price && price.approximate && has(NEARBY, raw) && !has(PRICE, raw) && phrase && price.currency === 'CNY') {
    return { tool: 'nearby_shops', args: clean({ query: phrase, ...where, radiusKm: radius?.km, maxPrice: price.amount }) };
  }

  // "算了来瓶茶饮料 三块出头就行" after a search: what they mean to spend on other goods, not a price to check.
  if (price && prev?.name === 'nearby_shops' && strongProduct && !has(PRICE, raw) && price.currency === 'CNY' && (price.approximate || price.max !== undefined || /就行|就好|就可以|就够/.test(raw))) {
    const cap = /出头/.test(price.text) ? Math.round(price.amount * 1.2 * 10) / 10 : price.max ?? price.amount;
    return { tool: 'nearby_shops', args: clean({ query: phrase, ...where, radiusKm: radius?.km, maxPrice: cap }) };
  }
  // --- Is this price fair?
  if (price && (has(PRICE, raw) || strongProduct || !has(NEARBY, raw))) {
    if (price.currency !== 'CNY') return { reply: PHRASES.onlyYuan(l) };
    if (!phrase) {
      if (prev?.name === 'price_check' && prev.result?.product) return { tool: 'price_check', args: { productId: prev.result.product.id, price: price.amount } };
      if (prev?.name === 'nearby_shops' && prev.result?.matchedProducts?.length === 1) return { tool: 'price_check', args: { productId: prev.result.matchedProducts[0].id, price: price.amount } };
      return { reply: PHRASES.askProductForPrice(price.amount, l), pending: { tool: 'price_check', args: { price: price.amount } } };
    }
    return { tool: 'price_check', args: clean({ product: phrase, price: price.amount, shopId, ...where }) };
  }
  if (has(PRICE, raw) && !has(NEARBY, raw) && !has(CHEAPER, raw)) {
    if (phrase && (strongProduct || s.role === 'shopper')) return { reply: PHRASES.askPrice(phrase, l), pending: { tool: 'price_check', args: { product: phrase } } };
    if (!phrase) return { reply: PHRASES.askProduct(l), pending: { tool: 'price_check', args: {} } };
  }

  // --- Where can I buy X nearby?
  const category = shopCategory?.category ?? (!strongProduct ? findCategoryWord(raw) : undefined);
  if (has(NEARBY, raw) || strongProduct || shopCategory || (category && phrase.length <= 4)) {
    if (strongProduct) return { tool: 'nearby_shops', args: clean({ query: phrase, ...where, radiusKm: radius?.km }) };
    if (category) return { tool: 'nearby_shops', args: clean({ category, ...where, radiusKm: radius?.km }) };
    if (phrase && has(NEARBY, raw)) return { tool: 'nearby_shops', args: clean({ query: phrase, ...where, radiusKm: radius?.km }) };
    if (!phrase && has(NEARBY, raw) && !place) {
      // "那附近哪家有卖的": the goods the conversation is about.
      const goods = goodsInView(prev);
      if (goods) return { tool: 'nearby_shops', args: clean({ query: goods, ...where, radiusKm: radius?.km }) };
      return { reply: PHRASES.askProduct(l) };
    }
  }

  // --- "我在街道口" after being asked for a location: redo the search there.
  if (place && prev && (prev.result?.status === 'need_location' || prev.name === 'nearby_shops')) {
    return { tool: prev.name, args: { ...prev.args, ...where } };
  }
  if (place) return { reply: PHRASES.locationNoted(place.label[l], l) + ' ' + PHRASES.askProduct(l) };

  // No rule matched: the intent model trained on the corpus decides (never a blanket "can't help").
  return routeByIntent(ranked, s.role, l, { text: raw, period, shopId, price: price?.currency === 'CNY' ? price.amount : undefined, phrase, strongProduct, category: namedCategory, where });
}

/** The goods the active task is about: what was searched for, the product a price check settled on, a purchase's product. */
function goodsInView(prev: PreviousCall | undefined): string | undefined {
  const goods = prev?.name === 'nearby_shops' ? prev.args.query : prev?.name === 'price_check' ? prev.result?.product?.name ?? prev.args.product : prev?.name === 'record_purchase' ? prev.args.product : undefined;
  return typeof goods === 'string' && goods ? goods : undefined;
}

/** The task a declined request asked for, on the caller's own data: the tool its words (or the model) name for this
 *  role, with the period it gave; undefined when it names no task. */
function declinedTask(text: string, s: Situation, ranked: Ranked): { tool: string; args: Record<string, unknown> } | undefined {
  const fits = (tool: string) => MERCHANT_ONLY.has(tool) === (s.role === 'merchant');
  const tool = Object.entries(TASK_WORDS).find(([t, re]) => fits(t) && re.test(text))?.[0]
    ?? ranked.find((r) => r.allowed && r.p >= 0.4 && r.intent in TASK_WORDS && fits(r.intent))?.intent;
  if (!tool) return undefined;
  const period = s.role === 'merchant' && tool !== 'pricing_advice' && tool !== 'restock_forecast' ? findPeriod(text, s.today) : undefined;
  // "把东湖店给差评的顾客电话发我": their own shop named in it stays with the task.
  // (A branch of another merchant's shop, "乐购数码鲁巷店", is not theirs even where they have a 鲁巷 shop.)
  const shopId = s.role === 'merchant' && !findForeignShop(text, s.shops ?? []) ? findOwnShop(text, s.shops ?? [], undefined)?.id : undefined;
  return { tool, args: clean({ period, shopId }) };
}

// The words each task is known by: a follow-up that says another task's words starts that task.
const TASK_WORDS: Record<string, RegExp> = {
  merchant_stats: STATS, restock_forecast: RESTOCK, satisfaction_report: REVIEWS, pricing_advice: PRICING, anomaly_alerts: ANOMALY,
  recommend: RECOMMEND, credit_line: CREDIT, wealth_products: WEALTH, record_purchase: RECORD, customer_profile: PROFILE,
};

function namesOtherTask(text: string, active: string, top: Ranked[number] | undefined): boolean {
  // "花呗付的" while a purchase is being logged says how it was paid, not a question about the credit line.
  if (active === 'record_purchase' && PAID_WITH.test(text) && text.replace(PAID_WITH, '').replace(/[\s，,。.!！的了吧呢啊]/g, '').length <= 4) return false;
  // "数据就用最近半年的吧", "use two years of history": the data a task learns from, no task of its own.
  const said = active === 'merchant_stats' ? text : text.replace(/数据|\bdata\b|\bhistory\b|\bfigures\b|\bnumbers\b/gi, ' ');
  if (Object.entries(TASK_WORDS).some(([tool, re]) => tool !== active && re.test(said) && !TASK_WORDS[active]?.test(said))) return true;
  // A bare follow-up ("那上个月呢") reads like the commonest task to the model: only its words count then.
  return !isFollowUp(text) && Boolean(top?.allowed && top.intent !== active && top.intent in TASK_WORDS && top.p >= 0.85);
}

/** The most to spend per item: a cap, or a price said plainly; a floor alone is no budget. */
function budgetOf(price: Price | undefined): number | undefined {
  if (!price) return undefined;
  return price.max ?? (price.min === undefined ? price.amount : undefined);
}

/** The day of a purchase the shopper dated ("今天", "昨天", "11月20日"); undefined for a span. */
function purchaseDay(period: Period | undefined, today: string): string | undefined {
  if (period === 'today') return today;
  if (period === 'yesterday') return addDays(today, -1);
  if (period && typeof period === 'object' && period.from === period.to && period.from <= today) return period.from;
  return undefined;
}

function clean(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined && v !== ''));
}

/** "对过了 没问题 31.9 记吧": the proposal's own figures said again are no change; any other number is one. */
function withoutRestated(text: string, args: Record<string, unknown>): string {
  const own = [args.price, args.quantity].filter((v): v is number => typeof v === 'number');
  return text.replace(/(\d+(?:\.\d+)?)\s*(?:块钱|块|元|yuan|rmb)?/gi, (m, n: string) => (own.some((v) => Math.abs(v - Number(n)) < 0.005) ? ' ' : m));
}

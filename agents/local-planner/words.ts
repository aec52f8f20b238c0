// The words each task and each kind of turn is known by: greetings, farewells, small talk, things not offered, the
// cues of every tool. Patterns only (the understanding in understand.ts decides what to do with them); a pattern
// that grows past what a pattern can say belongs in an entity reader (entities/) or the intent corpus (corpus/).
import { CATEGORIES, CATEGORY_KEYS } from '../../tools/catalogue/categories.ts';

export const GREETING = /^(\/start|hi|hello|hey|你好|您好|嗨|哈喽|在吗|good (morning|afternoon|evening))[!！。.\s]*$/i;
export const HELP = /^(help|\/help|帮助|你能做什么|你会什么|能做什么|what can you do\??|how does this work\??)[?？!！。.\s]*$/i;
/** "你都能干点啥", "这个助手能帮我做些什么", "what can this bot do for me": the capabilities, said inside a longer message. */
export const ASKS_WHAT_IT_DOES = /(?:能|会|可以)(?:帮我|帮忙|给我|帮到我)(?:点|些|一点)?(?:什么|啥)(?!时候)|你是(?:干|做)(?:什么|啥|嘛)的|(?:能|会|可以)(?:帮我|帮忙|为我|给我|帮她|帮他|帮我们|为商家|为我们|给商家)?(?:做|干|帮|查|看|提供)(?:些|点|一些|哪些)?(?:什么|啥|哪些)(?:帮助|服务|功能|东西)?|提供(?:哪些|什么|啥)(?:帮助|服务|功能)|有(?:什么|哪些|啥)功能|都(?:能|会)(?:干|做)?(?:啥|什么)|what (?:else |all )?(?:(?:sort|kind|type)s? of )?(?:things |stuff )?(?:can|could) (?:you|it|this(?: (?:bot|thing|assistant|app|chat|service))?) (?:actually |really |even )?(?:do|help)|what (?:are you able|do you) (?:to )?(?:do|help)|\bwhat you (?:can|could) (?:do|help)\b|how (?:can|could) you help/i;
/** Things to recommend or make up that are no goods: films, songs, trips, a name for a shop. */
/** Goodbyes and wishes with a day in them: "下周见", "明天再聊", "周末愉快", "see you next week". */
export const GOODBYE = /[见聊]$|再见|再聊|回头聊|快乐|愉快|\bsee (?:you|ya)\b|\btalk (?:to you )?(?:soon|later|tomorrow)\b|\bhave a (?:nice|good|great)\b|\bhappy\b|\bbye\b/i;
/** Weather and the like: small talk, even with a day in it ("今天武汉会不会下雪"). */
export const WEATHER = /运势|星座|(?:白羊|金牛|双子|巨蟹|狮子|处女|天秤|天蝎|射手|摩羯|水瓶|双鱼)座|塔罗|算命|算一卦|八字|风水|黄历|\bhoroscopes?\b|\bzodiac\b|\bastrolog|\btarot\b|\bfortune[- ]tell|\bwhat(?:'s| is)? (?:the )?(?:date|day|time)(?: is it)?(?: today)?\??$|\bwhat day is it\b|祝我好运|wish me luck|(?:该|要)吃(?:什么|啥)药|看(?:什么|哪个)科|\bwhat (?:medicine|pills?) should i take\b|\bshould i see a doctor\b|天气|下雨|下雪|降温|升温|气温|温度多少|刮风|台风|雾霾|\bweather\b|\b(?:will|is) it (?:rain|snow)|\bforecast for (?:today|tomorrow|the weekend)\b/i;
export const NOT_GOODS = /(?:写|编|起草|拟)(?:个|一(?:个|段|篇|份|封|条|句))?(?:促销|宣传|推广|广告|营销)?(?:文案|广告词|海报|朋友圈|邮件|信|简历|辞职信|作文|诗|口号|标语)|\b(?:write|draft|compose) (?:me |us )?(?:a |an |some )?(?:promo(?:tional)?|marketing|sales)? ?(?:post|ad|advert|poem|letter|email|essay|caption|slogan|copy|tweet|flyer)\b|\bhow (?:do|would|can) (?:you|i) say\b|\btranslate\b|\bin chinese\?|用英语怎么说|英文怎么说|用\S{1,6}?(?:话|语)怎么说|翻译(?:一下|成)|(?:推荐|介绍|想|起|取)(?:一?[部首个本些几]|点)?(?:好看的|好听的|好玩的|有意思的|新的?)?(?:电影|电视剧|综艺|动漫|歌|音乐|景点|旅游|店名|名字|游戏)|\b(?:recommend|suggest)\b.{0,20}\b(?:movies?|films?|songs?|music|tv shows?|series|places to visit|a name)\b|\bname (?:for )?my (?:new )?(?:shop|store)\b|\b(?:a )?(?:good |nice |cute )?name for (?:a|my|our) (?:\w+ ){0,2}(?:kitten|cat|puppy|dog|pet|hamster|rabbit)\b|\bwhat should i watch\b|(?:啥子|什么|哪首|哪些)(?:歌|曲子|歌曲|舞曲)(?:最火|最好听|最流行|流行|火)|(?:最火|流行|好听)的(?:歌|曲子|歌曲|舞曲)|广场舞(?:曲|音乐|歌)|\bwho (?:wins|will win|'ll win|is going to win|gonna win)\b|\bhot takes?\b|(?:谁|哪队|哪个队|哪支队)(?:会|能)?(?:赢|夺冠)|\bwhich (?:bin|trash can|rubbish bin|garbage bin|waste bin)\b|\b(?:recycle|dispose of|throw (?:away|out))\b[^.?!]{0,30}\bbatter(?:y|ies)\b|垃圾分类|(?:扔|丢)(?:到|进|在)?哪(?:个|种)?(?:垃圾)?桶|属于(?:什么|哪类|哪种)垃圾/i;
export const BACK_TO_EARLIER = /回到(?:刚才|之前|上一个|前面)|刚才(?:那个|的)(?:搜索|问题)?(?:呢|吧)?|\bback to (?:the )?(?:earlier|previous|last|first)\b|\bgo(?:ing)? back to\b|\bas before\b/i;
/** Things the assistant cannot do, named so plainly that no model is asked: top-ups, transfers, taxis, bills of others. */
/** A booking ("book me a table", "订个座"): an action, and its "book" or "座" are no goods. */
export const BOOKING = /\bbook(?:ing)? (?:me |us |a |an |two |for )*(?:table|room|seat|ticket|flight|hotel|taxi|cab|appointment|spa)s?\b|预订|订(?:个|一个|张|一张)?(?:座|位子|桌|餐位|酒店|房间|机票|车票|门票)/i;
const CANNOT_DO = /(?:算|计算|核算|发)(?:一下)?[^，。？?]{0,8}(?:工资|社保|薪水|个税)|社保|\bpayroll\b|\b(?:work out|calculate|compute|do)\b[^.?]{0,24}\b(?:wages|salar(?:y|ies)|social insurance|payroll|income tax)\b|(?:买|订|抢|book)\s*(?:一?张|两张)?[^，。？?]{0,12}(?:高铁票|火车票|动车票|机票|车票|电影票|演唱会门?票)|\bbook\b[^.?]{0,20}\b(?:train|flight|plane|bus) tickets?\b|投(?:个|放|点|一?条)?广告|打广告|\b(?:run|place|buy) (?:an? |some )?ads?\b|\bad campaign\b|(?:叫|点|订)(?:个|份|一份)?外卖|送货上门|(?:送|寄|快递)(?:货)?到(?:我们?)?(?:宿舍|家|楼下|门口|寝室|公司)|(?:帮我|替我|给我)[^，,。？?]{0,8}?下(?:个|一个)?单(?!了)|\bdeliver(?:y|ed)? (?:it )?to (?:my|the)\b|充话费|充(?:值)?(?:点|个)?(?:话费|流量)|交(?:一下)?(?:电费|水费|燃气费|话费)|\btop ?up (?:my )?(?:phone|mobile|credit|data|sim)\b|\brecharge (?:my )?(?:phone|mobile|sim)\b|\bphone credit\b|打车|叫(?:个|辆|一辆)(?:车|出租车|滴滴)|\bcall (?:me )?an? (?:cab|taxi|uber)\b|转账给|转给(?:我的?)?(?:朋友|同学|室友|家人)|把.{0,8}(?:电费|水费|燃气费|话费|网费|物业费).{0,3}(?:交|缴)|(?:帮我|替我|给我|能不能|可不可以|你能)(?:把[^，。？?]{0,14})?退(?:掉|货|款)|(?:申请|办理?|处理|走)(?:一下|个|一个)?退(?:款|货)|(?:全部|都|帮我|给我)?改价(?:成|为|到)|把[^，。？?]{0,16}(?:的)?(?:价格?|价钱)?(?:全部|都)?(?:改成|改为|调成|调到|改价成)|\b(?:refund|return) (?:it|this|that|them|my)\b|\bget (?:me )?(?:a |my )?refund\b|(?:跟|给|向|找)(?:供应商|供货商|厂家|批发商)(?:下|订|进|发)|(?:帮我|替我)(?:下|发)(?:个|一个)?(?:采购单|进货单|订货单)|\bplace (?:an? )?(?:purchase )?order with (?:the |my |our )?suppliers?\b|\border (?:it |them |\d+ \w+ )?from (?:the |my |our )?suppliers?\b|\b(?:send|transfer) (?:\d+ )?(?:money|yuan|rmb)\b|(?:帮我|替我|给我|直接)(?:把[^，。？?]{0,14})?还(?:了|掉|清|上)(?![吗没呢])|从(?:我的?)?(?:钱包|银行卡|余额|零钱|卡)里?(?:直接)?(?:扣|划)|(?<!\bhow (?:do|can|should|could|would) i |\bhow to |\bwhen (?:do|should|must) i )\b(?:pay|repay|settle|clear) (?:off )?(?:my|the|this) (?:bill|balance|pay-later|statement)\b|\bconvert\b[^.?]{0,30}\b(?:emis?|instal(?:l)?ments?)\b|\b(?:emis?|split (?:it |my bill )?into (?:\d+ |\w+ )?(?:instal(?:l)?ments?|payments))\b|分(?:成)?[\d一二两三四五六七八九十]+期|\bremind me\b|\bset (?:a|an|me a) (?:reminder|alarm)\b|提醒我|(?:设|定)(?:个|一个)?(?:闹钟|提醒)|开(?:一|个)?(?:家|个)?网店|\bopen (?:an? |my )?(?:online|web) ?(?:shop|store)\b|\bset up (?:an? |my )?(?:online|web) ?(?:shop|store)\b|排(?:好|一下|个)?[^，。？?]{0,12}班表|\b(?:staff |shift )?rota\b|\bshift (?:schedule|plan)\b|\bschedule (?:my |the )?(?:staff|shifts)\b|(?:约|预约|挂)(?:一下|个)?[^，。？?]{0,12}(?:体检|门诊|医生|专家号)|挂号|(?:打印|印)(?:一下|一遍)?[^，。？?]{0,12}(?:价签|标签|小票|海报|传单)|(?:价签|标签)[^，。？?]{0,10}(?:打印|印出来)|\bprint\b[^.?!]{0,30}\b(?:price tags?|labels?|receipts?|flyers?|posters?)\b|\b(?:doctor|dentist|clinic|hospital)(?:'s)? appointment\b/i;
/** Actions the assistant cannot take (a booking among them), said plainly. */
export const PLAINLY_CANNOT = new RegExp(`${BOOKING.source}|${CANNOT_DO.source}`, 'i');
export const COMPLAINT_ABOUT_STAFF = /投诉.{0,12}(?:收银员|店员|服务员|营业员|员工|快递员|骑手|老板|保安)|(?:收银员|店员|服务员|营业员|骑手|快递员).{0,8}(?:态度|骂|凶|不耐烦|服务差)|\b(?:complain|complaint)\b.{0,30}\b(?:cashier|staff|clerk|employee|courier|rider|waiter)\b|\b(?:cashier|staff|clerk|courier|waiter) (?:was|were) (?:rude|mean)\b/i;
/** The words of the categories themselves ("零食", "snacks"): a category said, not a need. */
export const CATEGORY_WORDS = new Set(CATEGORY_KEYS.flatMap((k) => CATEGORIES[k].words.map((w) => w.toLowerCase())));
/** A question about how things stand, not a request to act: "Am I behind…", "Is my bill…", "我是不是…". */
export const STATE_QUESTION = /^(?:am i|is (?:my|it|there)|are (?:my|there|we)|do i|did i|have i|has my|how (?:much|many|long|often|are|is|did)|what(?:'s| is| are| was)|when)\b|^我?(?:是不是|有没有)/i;
/** Words for things in general, no goods of their own. */
export const STUFF = /^(?:东西|用品|类|类的|stuff|things?|items?|products?|something|anything)$/i;
export const MERCHANT_ONLY = new Set(['merchant_stats', 'restock_forecast', 'satisfaction_report', 'pricing_advice', 'anomaly_alerts']);
export const OWN_INSTEAD = /^(?:(?:算了|好吧|那|那就|ok|okay|then)[，,\s]*)*(?:看|查|查查|看看|说说)?(?:一下)?(?:我|我们)自己(?:的|店)|(?:看|查|查查|看看|说说|帮我看看?|帮我查查?)(?:一下)?(?:我|我们)自己(?:的|店)|\b(?:my own|mine) (?:then|instead)\b|\b(?:ours|our own)\b|^(?:ok |okay |fine,? )?(?:show|check) (?:me )?mine\b/i;
export const LOCATION_SHARED = /^(我的位置已共享|I shared my location)/i;
/** A question about the answer just given: why it says what it says. */
export const WHY = /^(?:那|可是|但是|不过|嗯|呃|啊|哦|ok|okay|but|so|and|hmm|wait)?[，,。.\s]*(?:为什么|为啥|咋这么|怎么会|怎么这么|凭什么|why\b|how come\b|what makes)/i;
/** Market news or prices (stocks, gold, exchange rates, crypto) — not offered; a wealth product question is another thing. */
export const MARKET_NEWS = /(?:股市|大盘|股票|A股|港股|美股|股指|指数|汇率|金价|黄金价格|比特币|币价|油价|房价)[^，。？?]{0,8}(?:怎么样|如何|涨|跌|多少|走势|行情|点位)|(?:今天|最近|现在|这几天)的?(?:股市|大盘|行情|汇率|金价|币价|油价)|\b(?:stock market|the markets?|stock prices?|share prices?|dow jones|nasdaq|s&p(?: 500)?|exchange rate|bitcoin|crypto|gold price|oil price)\b.{0,20}\b(?:doing|today|now|up|down|price|at|trading|rate)\b|\bprice of (?:gold|bitcoin|oil)\b/i;
/** A place asked for: where to buy, which shop, around here. */
/** "推荐附近卖水果的店", "a store that sells snacks": asking for a shop that sells a kind of goods. */
export const SHOP_FOR_GOODS = /卖[^，,。？?]{1,12}的(?:店|地方|超市|铺子|门店)|(?:shops?|stores?|places?)\s+(?:that\s+)?(?:sells?|selling|has|have)\b/i;
export const WHERE_TO_BUY = /地方|哪里|哪儿|哪家|哪个店|什么店|在哪|附近|周边|离我近|\bwhere\b|\bsomewhere\b|\b(?:a|which|what) (?:shop|store|place)\b|\baround here\b|\bnear(?:by| me)\b|\bclose by\b/i;
/** Where a shopper asks for goods: a clause with a buying or price word. */
export const ASKING_CUE = /哪里|哪儿|哪家|哪边|有卖|有没有|买到|能买|在哪|贵|便宜|多少钱|价格|推荐|记一下|记录|where|which shops?|sells?|buy|price|how much|fair|recommend|log/i;

/** The clause that asks, when a message tells something first (naming no goods) and asks at the end; else the whole message. */
export function askingClause(text: string, namesGoods: (clause: string) => boolean): string {
  const clauses = text.split(/[，,。！!；;…]+|\.\s+/).map((c) => c.trim()).filter(Boolean);
  if (clauses.length < 2) return text;
  const asking = clauses.filter((c) => ASKING_CUE.test(c));
  if (asking.length !== 1) return text;
  return clauses.some((c) => c !== asking[0] && namesGoods(c)) ? text : asking[0];
}

/** Words that turn from a story to the request ("……对了我想问问你，", "… anyway, quick question:"). */
const TURN_TO_REQUEST = /(?:对了|话说回来|言归正传|说正事|顺便问(?:一?下|问)?|(?:我|就是)?想问(?:一?下|问)?(?:你)?|问你个事|\bby the way\b|\bbtw\b|\banyway\b|\bquick question\b|\bmy question is\b|\bi (?:wanted|want|meant) to ask(?: you)?\b)[，,:：\s]*/i;

/** A long message that tells a story first and asks in the middle ("哎呀今天累死了……对了我想问问你，我平时最常去的是
 *  哪几家店啊？然后她又说……"): the sentence the turn opens is the request; the story around it is not read. */
export function requestAfterStory(text: string): string {
  if ([...text].length < 80) return text;
  const turn = TURN_TO_REQUEST.exec(text);
  // A marker at the start ("请问……") opens the whole message: nothing was told first.
  if (!turn || turn.index < 20) return text;
  const rest = text.slice(turn.index + turn[0].length);
  const asked = /^.{4,}?[？?]/su.exec(rest) ?? /^.{4,}?(?:[。！!…]|\.\s)/su.exec(rest);
  return (asked ? asked[0] : rest).trim();
}

/** Another purchase told right after one ("还有一笔", "同一天还买了", "Oh, and a …", "also got …"). */
export const ANOTHER_PURCHASE = /^(?:(?:oh|ah|and|also|plus)[,\s]+)*(?:and\b|also\b|plus\b|another\b|还有(?:一笔|一个|一样)?|另外|再记|同一天|同天)|还买了|\balso (?:got|bought|picked up)\b/i;
/** The day of the purchase just logged ("同一天", "the same day"). */
export const SAME_DAY = /同一天|同一日|同天|当天|\b(?:the )?same day\b|\bthat same day\b/i;
/** Paid the same way as the purchase just logged ("same wallet", "也是余额付的" is read by its own words). */
export const SAME_PAYMENT = /\bsame (?:wallet|card|way|payment|method)\b|也是(?:这么|一样|同样)付|付款(?:方式)?(?:也)?一样/i;

/** Money put away or lying idle ("想放", "存", "sitting around doing nothing", "lying idle"). */
export const PARKS_MONEY = /放|存|投|搁|闲着|闲置|\bput\b|\bpark\b|\binvest|\bsitting (?:around|idle)|\blying (?:around|idle)|\bdoing nothing\b|\bspare\b/i;

/** Tools that write (after the user's yes): a "why" about them is no reason to propose again. */
export const WRITES = new Set(['record_purchase', 'feedback', 'confirm_scan', 'risk_questionnaire']);
/** Set against other shops: "跟周边同行比", "compared with other shops", "vs the competition". */
export const PEERS = /(?:跟|和|与|同|比)(?:周边|附近|周围|其他|别的)?(?:的)?(?:同行|别的店|其他店|同类店|竞争对手)|\bcompared? (?:to|with) (?:other|nearby|similar|local) (?:shops|stores)\b|\b(?:vs\.?|versus|against) (?:the )?(?:competition|peers|competitors|other shops)\b/i;
/** Merchant tools that look at a period. */
export const PERIOD_TOOLS = new Set(['merchant_stats', 'satisfaction_report', 'anomaly_alerts']);
/** The rest of the goods: "其他货", "别的东西", "everything else", "all the other products". */
export const OTHER_GOODS = /(?:其他|其它|别的|剩下的|所有的?|全部的?)(?:货|商品|东西|产品|的)|\beverything else\b|\ball (?:the )?(?:other |rest of the )?(?:products|items|goods|stock)\b|\bthe rest\b|\bother (?:products|items|goods)\b/i;
/** Done for now: "that's all", "nothing else", "就这些", "没别的了". */
export const CLOSING = /(?:\bthat'?s (?:all|it)(?: for (?:now|today))?|\bnothing else|\b(?:i'?m|we'?re) (?:all )?(?:good|done|set)(?: for now)?|\bno more questions|就这些|没别的了?|没有别的了?|暂时没(?:有)?了|先这样吧)(?:[\s,，!！.。]*(?:thanks|thank you|thx|cheers|谢谢|谢啦|多谢)(?: (?:a lot|so much))?)?[\s!！.。~～]*$/i;
/** Asking the assistant's own taste ("你喜欢吃热干面吗", "你觉得iPhone和华为哪个拍照好", "do you like coffee?"): small talk. */
export const ASKS_OPINION = /你(?:平时|最)?(?:喜欢|爱)(?:吃|喝|用|穿|玩|看)|你觉得.{0,24}哪个(?:更)?\S{0,4}好|你(?:更)?喜欢哪(?:个|一个|种)|\bdo you (?:like|love|prefer|enjoy)\b|\bwhich (?:one )?do you (?:like|prefer)\b|\byour favou?rite\b/i;
/** A farewell and nothing else ("886" is 拜拜拜 in chat slang). */
export const FAREWELL = /^(?:bye(?: bye)?|goodbye|good night|see (?:ya|you)(?: later| tomorrow)?|cya|ttyl|886|88|拜拜|再见|晚安|回见)[!！。.~～\s]*$/i;
/** Thanks somewhere in a short message ("Sweet as, cheers for that", "Thank you o. I go try am small small.", "好的 谢谢你啊"). */
export const THANKED_WORDS = /(?<![a-z])(?:thanks|thank you|thx|cheers)|谢谢|多谢|感谢/gi;
export const THANKED = new RegExp(`^[^?？]{0,24}?(?:${THANKED_WORDS.source})(?:\\s*(?:o|so much|a lot|mate|heaps|again|你|您|啦|了|啊))*(?:\\s+for (?:that|this|the help|your help|everything|it))?(?:[\\s!！。.,，~～]+[^?？]{0,40})?$`, 'i');
export const THANKS = /^(thanks|thank you|thx|谢谢|多谢|感谢|好的谢谢|ok thanks)[!！。.\s]*$/i;
/** Where the shopper is: the shops near them ("附近", "楼下", "round the corner", "in walking distance"). */
export const NEAR_ME = /附近|周边|周围|旁边|楼下|家门口|小区(?:里|门口)|\bnear\b|nearby|close by|around here|(?:a)?round the corner|in (?:the|my) (?:neighbou?rhood|area)|\blocal (?:shops?|stores?)\b|walking distance/i;
export const NEARBY = /附近|周边|旁边|方圆|半径|走路|步行|\bwalking distance\b|\bwithin (?:a |an )?\d+[- ]?min(?:ute)?s?\b|\bselling\b|\bwithin \d+(?:\.\d+)?\s*(?:km|kilomet(?:er|re)s?|m|met(?:er|re)s?)\b|哪里|哪儿|哪家|在哪|去哪|哪能|有卖|买到|能买|where|near|nearby|around here|close to|closest|nearest|which shops?|shops? (?:that )?sell|buy|find (?:a|an|some)?/i;
export const PRICE = /贵|算高(?:还是低|吗|不)|偏高|偏低|高不高|定高了|标高了|便宜吗|合理|\bpri?ce ?check\b|\bpirce\b|\bdecent (?:price|deal)\b|\bgood value\b|\bfair enough price\b|划算|(?:多少钱|什么价|啥价)(?:才)?算(?:正常|合理|公道)|算正常|正常价|算(?:哪门子|什么|不算|是)?(?:优惠|便宜|实惠)|(?:真的?|是不是真的?)(?:优惠|便宜|实惠)|优惠吗|实惠吗|值吗|虚高|值不值|值得|价格怎么样|正常吗|宰|坑|fair|expensive|overpriced|rip[- ]?off|too much|good price|worth|reasonable|a good deal|pricey|\d\s*(?:yuan|rmb|kuai|bucks|元|块)\s*(?:ok|okay|alright|fine|good)\b|\b(?:is|are) (?:¥\s*)?\d+(?:\.\d+)?\s*(?:yuan|rmb|kuai|bucks)? (?:ok|okay|alright|fine)\b/i;
export const STATS = /定单|\bw(?:ee)?k\s*(?:over|on|vs\.?)\s*w(?:ee)?k\b|销售|总数|总额|进账|销量|营业额|营收|收入|流水|订单|业绩|卖得|卖了|生意|客单价|畅销|热销|卖得最好|(?:卖|买)的最好|最好卖|卖最多|经营|数据(?!线)|sales|revenue|turnover|orders|how did .* do|how (?:are|were) (?:we|my shops?|sales|things)|best[- ]?sell|\bsold (?:the )?(?:best|most)\b|top (?:\d+ )?products?|top sellers?|performance|figures|stats|kpi/i;
/** A merchant's figures in other words: takings, counts of goods and customers, comparisons, what sells least. */
export const MERCHANT_FIGURES = /赚|挣|进账|(?:店|分店|门店)[^，,。？?]{0,8}买(?:了|出)(?:多少|几)|入账|卖出去|卖了几|多少件|几件|客流|(?:来了|有)?多少(?:个)?(?:人|顾客|客人)|几个(?:人|顾客|客人)|顾客数|客人数|回头客|复购|同比|环比|对比|比一比|比较一下|排行|排名|卖不动|滞销|卖得(?:最)?差|最差|没人买|(?:顾客|客人|大家)(?:最)?(?:喜欢|爱买)|最受欢迎|最忙|高峰|\bcompare\b|\bbusiest\b|\bpeak (?:day|hour|time)s?\b|\b(?:most )?popular\b|\bcustomers?\b|\bfootfall\b|\bfoot traffic\b|\bbasket\b|\baov\b|\baverage order\b|\bslow[- ]?(?:mov|sell)|\b(?:not|isn't|aren't|wasn't|weren't) selling\b|\bworst[- ]sell|\bmake (?:any )?money\b|\bearn(?:ed|ings)?\b|\bbusiness\b/i;
export const RESTOCK = /补货|补(?:些|点|啥|什么|哪些)货|要补(?:啥|什么|哪些)|(?:要|该|得|需要)补(?:多少|几)|够不够卖|还够卖|够卖吗|进货|订货|备货|库存|断货|缺货预测|卖断|restock|re-stock|reorder|inventory|stock[- ]?out|run(?:ning)? (?:out|low)|what (?:should|to) (?:i )?order|forecast|预测/i;
export const REVIEWS = /评价|差评|好评|几星|几颗星|星级|评分|打分|\baverage (?:score|rating|stars?)\b|\bstar rating\b|\b(?:our|my) (?:score|rating)s?\b|满意度?|投诉|抱怨|不满|口碑|怎么改进|如何改进|改进|顾客.{0,6}(?:说|反馈)|reviews?|complain(?:ts?)?|moan(?:ing)?|grumbl(?:e|ing)|grip(?:e|ing)|whing(?:e|ing)|unhappy|satisfaction|satisfied|feedback|improve/i;
export const ANOMALY = /异常|不正常|\bred flags?\b|\bwarning signs?\b|有什么问题|有问题吗|出(?:了)?问题|突然(?!想|问|记起|想起|发现我)|暴涨|暴跌|猛增|骤降|(?:哪天|哪几天|那天).{0,8}(?:特别|格外|出奇)(?:差|好|多|少|高|低)|(?:价格|定价)?标错|价格不对|定价不对|\bspikes?\b|\bsurge\b|\bsudden(?:ly)?\b(?!\s+(?:wondered|thought|remembered|reali[sz]ed))|\bpricing (?:mistakes?|errors?)\b|\bprice (?:mistakes?|errors?)\b|\bmispriced\b|不对劲|出什么事|出了什么|anything wrong|anything unusual|\b(?:anything|something) off\b|unusual|anomal|alerts?\b|something off/i;
export const PRICING = /定价|(?:成本|进价|进货价|加价|加成)[^，。？?]{0,8}(?:[一二两三四五六七八九十\d]\s*成|\d\s*[%％]|一半)|\bcost (?:is|ratio|of goods)\b|毛利|利润率|\bmargins?\b|\bmark-?up\b|价格定(?:高|低|得)|定(?:高|低|贵)了|(?:我|我们|店里|我家)(?:卖|的)[^，。？?]{0,6}(?:贵不贵|贵吗|便宜吗|价格高吗)|价格策略|优惠券|折扣|发券|促销|coupon|discount|pricing|promotion|price advice|(?:客群|segment|顾客群|不同(?:的)?顾客)\S{0,12}(?:价格|定价|price)|价格敏感度|price[- ]sensitiv|willingness to pay/i;
/** A shopper's own home running out ("家里快没东西了", "what am I running low on"): suggestions; a merchant's is restock. */
export const HOME_RESTOCK = /快没(?:东西|货)了?|(?:该|要|需要)补(?:点|些)?(?:什么|啥)|猜猜我(?:需要|要|想买|缺)|\b(?:what|anything) (?:am )?i(?:'m| am)? (?:running|getting) low on\b|\bpeople like me (?:usually |often )?(?:buy|get)\b/i;
export const RECOMMEND = /推荐|买点什么|适合买(?:点)?(?:什么|啥)|买(?:什么|啥)好|该买什么|需要买什么|接下来.{0,4}买|缺什么|有什么好买|(?:该|要|可以)?囤(?:点|些)?(?:什么|啥)|recommend|suggest|what should i (?:buy|get|stock up on|pick up)|what to buy|what do i need|buy next|what (?:should|could) i stock up on|anything i should stock up on|\b(?:give me|gimme|any|some|your|top|got any) (?:some |good )?(?:picks|recs|recommendations|suggestions)\b|^(?:recs|picks)\b|おすすめ|オススメ/i;
export const PROFILE = /(?:我|本人)(?:的|在[^，。]{0,8}的)?消费(?:情况|概况|概要|记录|汇总)|(?:我|本人)(?:累计|一共|总共|总计|到现在|迄今)?(?:在这里|在你们这)?(?:下单|下|买)(?:了|过)?(?:多少|几)(?:笔|单|次)|\b(?:stats|statistics|numbers|figures|summary|breakdown)\b.{0,12}\b(?:on|about|for|of) me\b|\bmy (?:stats|statistics|spending|shopping stats)\b|\bhow much (?:did|have|do) i\b.{0,12}\b(?:blow|blew|blown|splash(?:ed)?|drop(?:ped)?|burn(?:ed|t)?)\b|我(?:平时|平常|一般|通常|都|最)*(?:爱|喜欢|常|经常|老|总)买(?:些|点)?(?:什么|啥|哪些)|\b(?:my )?(?:very )?first (?:order|purchase)\b|\bwhen did i (?:place|make|do) (?:my |the )?(?:very )?first\b|\bwhen was my (?:very )?first (?:one|order|purchase|buy)\b|\bhow many (?:orders|purchases)\b.{0,24}\bi\b.{0,16}\b(?:placed|made|had|done)\b|(?:周末|工作日|晚上|夜里|\bweekends?|\bweekdays?|\bevenings?|\bat night)\s*(?:的)?\s*(?:[%％]|\bpercent(?:age)?\b|\bshare\b|比例|占比|占多少|占几成)|(?:[%％]|\bpercent(?:age)?\b|\bshare\b|比例|占比|多少比例)[^，。?？]{0,16}?(?:\bweekends?\b|\bweekdays?\b|周末|工作日)(?=[^，。]{0,12}(?:买|购|shop|buy|order|下单|消费|[?？]))|^[^，,。？?]{0,12}?(?:买了|买过)(?:些|点)?(?:什么|啥|哪些)(?:东西)?\s*[?？呀呢啊]*$|关于我|了解我|记住我(?:买|的)|(?:给我|帮我)?记了(?:些|点)?(?:啥|什么)|\bkeep (?:a )?(?:list|record|track) of (?:the )?(?:stuff|things|what) i (?:buy|bought)\b|\bwhat do you (?:keep|store|remember|save) about me\b|我(?:平时|平常|一般|通常)?(?:最)?(?:常去|去得最多|去的最多|经常去)(?:的)?(?:是)?(?:哪|那)|\b(?:where|which (?:shop|store)) do i (?:shop|go|buy)(?: (?:to|2))? (?:the )?most\b|\b(?:my|i have a|do i have a) favou?rite (?:brand|shop|store)\b|我(?:最)?(?:喜欢|常买)的(?:牌子|品牌)|\bmy (?:favou?rite|most visited|usual) (?:shop|store)\b|\b(?:how|hw|hou) much (?:did|have|do) i (?:spe?n?d|spent)\b|(?:你|你们)(?:都|还)?知道(?:我|关于我)(?:的)?(?:些|哪些|多少)?(?:什么|啥|事|信息)|平均(?:一次|每次|每单|一单)?(?:要|会)?(?:花|消费)|(?:下|买)过(?:几|多少)(?:单|次|回)|一共(?:下|买)了?(?:几|多少)(?:单|次)|(?:几|多少)(?:笔|个)?订单|\bhow many (?:orders|purchases|times) (?:have|did) i\b|\bhow often do i (?:shop|buy|order)\b|我(?:自己)?(?:最近|之前|这个月|上个月|上周|都)?.{0,6}?买(?:了|过)(?:些|点)?(?:什么|啥|哪些)|\bwhat (?:did|have) i (?:buy|bought|purchase[d]?)\b|\bmy (?:recent |past |last )?purchases\b|\bwhat i(?:'ve| have)? bought\b|我的画像|用户画像|我的标签|你知道我|what do you know about me|my profile|about me|我.{0,10}?(?:花了|消费了|花掉了?)多少|价格敏感|消费习惯|购物习惯|(?:付款|支付)方式|用什么(?:方式)?(?:付|支付)|(?:平均)?客单价|大手大脚|会过日子|精打细算|节俭|抠门|省钱小能手|\bthrifty\b|\bfrugal\b|\bpenny[- ]pincher\b|how much (?:have|did) i (?:spent|spend)|\b(?:my|total) (?:total )?spend(?:ing)?\b(?! (?:limit|power))|big spender|(?:average|avg|typical) basket|basket size|price[- ]sensitive|how do i (?:usually )?pay|what do i (?:usually )?pay with|my (?:spending|shopping) habits|\b(?:my )?last (?:order|purchase)\b(?=.*(?:when|什么时候|哪天|\?|？))|\bwhen did i (?:last )?(?:order|buy|shop)\b|(?:最后一次|上一次|上次)(?:买东西|下单|购物|消费)(?:是)?(?:什么时候|哪天|几号)/i;
export const RECORD = /^(?:log|note|record|track|记)\s*[:：]|\bi (?:got|grabbed|picked up)\b.{1,50}?\bfor\s+(?:¥\s*)?\d+(?:\.\d+)?(?!.*\b(?:fair|expensive|worth|too much|rip|ok|okay|good|reasonable)\b)|^(?:log|note down|record)\s+(?=\S*\d|a |an |one |two |three |four |five |six )|^(?:今天|昨天|前天|刚刚?|刚才|上午|中午|下午|晚上|早上)?\s*买了(?=.{0,20}[\d一二两三四五六七八九十]\s*(?:块|元|毛))(?!.*(?:贵|便宜吗|值吗|值不值|合理|划算|正常吗|坑))|^(?:(?:just|today|yesterday|earlier)\s+)?(?:just\s+)?(?:bought|picked up)\b(?!.*\b(?:fair|expensive|rip|worth|too much|overpriced|a good (?:price|deal))\b)|(?:^|我|刚|刚刚|今天|昨天|前天|[上里])(?:在\S{1,10}?)?(?:入了|下单了|下了单|(?<=(?:淘宝|拼多多|京东|天猫|闲鱼|抖音|网店|网上)\S{0,2})拍了|网购了|剁手了)(?=.{0,30}(?:\d|[一二两三四五六七八九十百]+\s*(?:块|元|毛)))(?!.*(?:贵|便宜吗|值吗|值不值|合理|划算|正常吗|坑))|在[\u4e00-\u9fffA-Za-z0-9()（）]{1,12}?(?:买了|买的)(?=.{0,30}(?:\d|[一二两三四五六七八九十百]+\s*(?:块|元|毛)?))(?!.*(?:贵|便宜吗|值吗|值不值|合理|划算|正常吗|坑|多少钱|哪里|哪儿|哪家))|^(?:\d{1,2}|[一二三四五六七八九十]{1,3}|上个?月|这个?月|本月)?\s*(?:月)?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[号日]\s*(?:那天|在\S{1,10}?)?\s*(?:买了|买的)(?=.{0,24}(?:\d|[一二两三四五六七八九十百]+\s*(?:块|元|毛)))(?!.*(?:贵|便宜吗|值吗|值不值|合理|划算|正常吗|坑|哪里|哪儿|哪家))|\bi(?:'ve| have| just)? ordered\b(?=.{0,60}\d)(?!.*\b(?:fair|expensive|worth|too much|overpriced|rip|a good (?:price|deal))\b)|记录|记一下|记下|记账|我买了|刚买了|i bought|i just bought|record (?:a |my )?purchase|log (?:a |my )?purchase|add (?:it |this |that )?to my (?:purchases|purchase history|history|records?)|\blog (?:it|this|that)\b|\btrack (?:it|this|that)\b|keep track of|(?:note|jot) (?:it |this |that )?down|买了.{1,30}(?:花了|一共|总共|付了)|花了\s*[\d一二两三四五六七八九十百千.]+\s*(?:块|元)?(?:钱)?买了?/i;
export const CREDIT = /额度|换款|(?:要|得|该|需要)换(?:多少|几)钱?\s*[?？]?$|\btotal limit\b|花呗|逾期|还能(?:用|花)多少|\b(?:how much )?(?:can i|could i) still (?:spend|use)\b|\boverdue\b|\bbehind on (?:my |the )?(?:pay[- ]?later )?(?:payments?|bills?|repayments?)\b|\blate (?:fees?|payments?|charges?)\b|先用后付|白条|信用|账单|还款|pay[- ]?later|credit|my limit|my bill|repay|\bnext bill\b|\bbill (?:is )?due\b|\bdue date\b|\bwhen(?:'s| is| are)? (?:that|it|this|the bill|my bill|the payment|my payment|payment) due\b|\bdue when\b|什么时候(?:要)?还(?:款|钱)?|哪天(?:要)?还/i;
export const WEALTH = /理财|理个财|理点财|理下财|投资|基金|存钱|闲钱|(?:\d+(?:\.\d+)?\s*[wk万千]|[一二两三四五六七八九十]+\s*万)[^，,。？?]{0,8}?(?:想|打算|准备)?(?:放|存|投|搁)(?:个)?\s*(?:\d+|[一二两三四五六七八九十半]+)\s*(?:个)?(?:年|月)|wealth|invest|funds?\b|savings|where to put my money/i;
/** "有哪些产品", "which ones", "show me the options": what fits, after a questionnaire or a wealth answer. */
export const WHICH_ONES = /有哪些|有啥|哪几个|什么产品|哪些产品|看看产品|\bwhich ones?\b|\bwhat (?:products|options|funds|are they)\b|\bshow me\b|\blist (?:them|the)\b/i;
export const CHEAPER = /更便宜|便宜点|便宜一点|便宜些|再便宜|还有便宜|最便宜|哪家便宜|哪里便宜|cheaper|cheapest|less expensive|lower price|budget/i;
export const MORE = /^(更多|还有吗|还有呢|再来几个|下一页|more|show more|next|any others?|others?)[?？!！。.\s]*$/i;
export const NEAREST = /最近的|近一点|更近|离我最近|nearest|closer|closest/i;
export const BEST_RATED = /评分最高|评分高|评分.{0,3}排前|好评多|口碑好|最好的|好评|best rated|highest rated|top rated|better rated/i;
export const ORDINAL = /^(?:第?\s*([1-6一二三四五六])\s*(?:个|款|种)?|(?:the )?(first|second|third|fourth|fifth|sixth)(?: one)?|#?([1-6]))[。.!！\s]*$/i;


export const RECORD_WORDS = /add (?:it |this )?to my (?:history|records?|purchases)|log (?:it|this|that|a purchase)|note (?:it |this )?down|keep track of|track (?:it|this)|record (?:it|this|that|a purchase)|please|帮我|帮忙|麻烦|记下来|记下吧|记一笔|记一下|记下|记录一下|记录|记账/gi;

// The words each task is known by: a follow-up that says another task's words starts that task.
export const TASK_WORDS: Record<string, RegExp> = {
  merchant_stats: STATS, restock_forecast: RESTOCK, satisfaction_report: REVIEWS, pricing_advice: PRICING, anomaly_alerts: ANOMALY,
  recommend: RECOMMEND, credit_line: CREDIT, wealth_products: WEALTH, record_purchase: RECORD, customer_profile: PROFILE,
};

/** Whether goods can be had for an amount: "能买到吗", "吃得到吗", "can I get … for 20". */
export const CAN_GET_FOR = /能(?:买|吃|喝|找)(?:得)?到|(?:买|吃|喝|找)得到|买得起|\bcan (?:i|we|you) (?:get|find|buy|grab)\b|\bis there (?:any|a)\b.*\bfor\b|\bwhere (?:can|could) i (?:get|find|buy)\b/i;
/** Words that ask whether a price is fair. */
export const FAIRNESS = /贵|便宜吗|值吗|值不值|值得|合理|划算|正常|坑|宰|\b(?:fair|worth|overpriced|rip|expensive|reasonable|a good (?:price|deal))\b/i;
/** A price seen, not paid: "昨天看到洗衣液卖59", "saw it listed at 30". */
export const SEEN_PRICE = /看到|看见|瞧见|标价|标着|卖|报价|要价|\b(?:saw|seen|sees|listed|priced|selling|sells|asking|quoted?)\b/i;

/** "…卖了多少 再帮我看看该补啥货", "sales last week, then the restock": a second request after the first. */
const SECOND_ASK = /[\s，,。;；]+(?:再|然后|另外|顺便|还有|and then|then also|also)\s*(?:帮我|给我|帮忙|help me)?/i;
const tasksIn = (text: string) => Object.entries(TASK_WORDS).filter(([, re]) => re.test(text)).map(([tool]) => tool);

/** Two requests for different tasks in one message: the first is answered (the user can ask the second next). */
/** "本月前两周卖了多少 我要参考着给期末备货", "sales last month so I can plan the restock": what the answer is for, not a second ask. */
const PURPOSE = /[\s，,。;；]+(?:我要|我想|我得|我好|好|方便|以便|用来|拿来)?(?:参考(?:着|一下)?|参照着?|做(?:个)?参考|作(?:为)?参考|当参考)|[\s,;]+(?:so (?:that )?(?:i|we) can|to help (?:me|us) (?:plan|decide)|for planning)\b/i;

export function firstOfTwoAsks(text: string): string {
  const m = SECOND_ASK.exec(text) ?? PURPOSE.exec(text);
  if (!m || m.index < 4) return text;
  const first = text.slice(0, m.index);
  const second = text.slice(m.index + m[0].length);
  const a = tasksIn(first);
  const b = tasksIn(second);
  return a.length && b.length && !b.some((t) => a.includes(t)) ? first : text;
}

// Understands one shopper/merchant message in zh or en: intent + slots, using the conversation so far
// for follow-ups ("cheaper ones?", "上个月呢", "我在街道口"). Returns a tool call or a direct reply.
import { AFFIRMATIVE, ORDINALS, ordinalIn, saysNo, saysYes, THATS_IT, withoutPause } from '../../tools/shared/user-words.ts';
import { classifyIntent } from './intent/index.ts';
import { otherPeopleRefusal, routeByIntent, SURE, unsupportedActionReply, type Ranked } from './intent/route.ts';
import { INTENT_REPLIES } from '../../prompts/replies/intent-replies.ts';
import { addDays } from './entities/days.ts';
import type { Period } from '../../tools/merchant-stats/period.ts';
import { parseAnswers } from '../../tools/wealth/questionnaire.ts';
import type { ProductIndex } from '../../tools/catalogue/product-search.ts';
import type { Caller, Locale } from '../../tools/context.ts';
import { PHRASES } from '../../prompts/replies/phrases.ts';
import { PHOTO_TURN } from '../photo.ts';
import { findPlace, type FoundPlace } from './places.ts';
import { findBranchNotOwned, findForeignShop, findOwnShop, tradeNamesIn, type OwnShop } from './entities/own-shops.ts';
import { findCategoryWord, findLeadTimeDays, findPeriod, findPrice, findRadiusKm, findServiceLevel, findShopCategory, findShopId, findListSize, findTopN, type Price } from './slots.ts';
import { readBought } from './purchase-slots.ts';
import { findBarePrice } from './entities/money.ts';
import { pickedPosition, readFeedback } from './entities/feedback.ts';
import { contactPlan } from './contact-slots.ts';
import { findLeadTime } from './entities/duration.ts';
import { namesHabitOnly, partOfEarlierMonth, pastWithoutAnchor, readPeriod, shiftPeriod } from './entities/period.ts';
import { restockSlots, STOCK_WORDS } from './restock-slots.ts';
import { anomalySlots } from './anomaly-slots.ts';
import { ALL_SHOPS, changedSlots, editTask, withoutNegated, isBrandOnly, wealthSlots, isCorrection, isFollowUp, PAID_WITH, paymentMethodIn, pricingSlots, suggestionCount } from './continue-task.ts';
import { phraseReaderFor } from './entities/product-phrase.ts';
import { findNeed } from './entities/need.ts';
import { findExclusion, type Exclusion } from './entities/exclusion.ts';
import { plannerText } from './read-message.ts';
import { asksUnfairPricing } from './unfair-pricing.ts';
import { ANOMALY, ANOTHER_PURCHASE, askingClause, firstOfTwoAsks, BOOKING, PARKS_MONEY, SAME_DAY, SAME_PAYMENT, ASKS_OPINION, ASKS_WHAT_IT_DOES, BACK_TO_EARLIER, BEST_RATED, CAN_GET_FOR, CATEGORY_WORDS, CHEAPER, CLOSING, COMPLAINT_ABOUT_STAFF, CREDIT, FAIRNESS, FAREWELL, GOODBYE, GREETING, HELP, HOME_RESTOCK, LOCATION_SHARED, MARKET_NEWS, MERCHANT_FIGURES, MERCHANT_ONLY, MORE, NEAR_ME, NEARBY, NEAREST, NOT_GOODS, ORDINAL, OTHER_GOODS, OWN_INSTEAD, PEERS, PERIOD_TOOLS, PLAINLY_CANNOT, PRICE, PRICING, PROFILE, RECOMMEND, RECORD, RECORD_WORDS, RESTOCK, REVIEWS, SEEN_PRICE, SHOP_FOR_GOODS, STATE_QUESTION, STATS, STUFF, TASK_WORDS, THANKED, THANKED_WORDS, THANKS, ASKING_CUE, WEALTH, WEATHER, WHERE_TO_BUY, WHICH_ONES, WHY, WRITES } from './words.ts';

export type PreviousCall = { name: string; args: Record<string, any>; result?: Record<string, any> };
/** A reply that asks for a missing slot names the task it holds open (`pending`): the next message fills it in. */
export type Plan = { tool: string; args: Record<string, unknown> } | { reply: string; suggestions?: string[]; pending?: { tool: string; args: Record<string, unknown> } };
/** `place`: the place the dialogue state holds (named in an earlier turn); without a state, `earlierTexts` are searched. */
export type Situation = { role: Caller['role']; locale: Locale; today: string; previous?: PreviousCall; earlierTexts?: string[]; place?: FoundPlace; /** a merchant's own shops */ shops?: OwnShop[]; /** the task before the active one */ earlier?: PreviousCall };

const has = (re: RegExp, text: string) => re.test(text);

/** The language of a message: Chinese when it has Chinese in it, unless English plainly carries it and the Chinese is
 *  a name inside ("How did 青柠运动(广埠屯店) do last month? They're across the street."). */
export function detectLocale(text: string): Locale | undefined {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const english = text.match(/\b[a-z]{2,}\b/gi)?.length ?? 0;
  if (han && !(english >= 5 && english >= han)) return 'zh';
  if (/[a-z]{2,}/i.test(text)) return 'en';
  return undefined;
}

/** The product a message names once the given spans (price, place, period, counts) are taken out (entities/product-phrase.ts). */
function productPhraseIn(products: ProductIndex) {
  const reader = phraseReaderFor(products);
  return (text: string, ...remove: (string | undefined)[]): string => {
    // "haggle it down to", "knock the price down": the particle of a verb of bargaining, not the goods called down.
    // "I don't drive", "can't cook", "didn't pack for the winter": the verb after a negation is what they do, not goods.
    let rest = text.replace(/\b(?:haggl|bargain|knock|bring|get|talk|beat|negotiat|bid)\w*\s+(?:\w+\s+){0,2}?down\b(?!\s+(?:jackets?|coats?|vests?|puffers?|duvets?|quilts?|pillows?|comforters?|parkas?))/gi, ' ').replace(/\b(?:(?:i|we)\s+(?:don'?t|do not|can'?t|cannot|never)|(?<=^|[,.;!]\s*)(?:didn'?t|did not|haven'?t|forgot to))\s+(?!want\b|need\b|like\b|have\b|buy\b|eat\b|drink\b|use\b)[a-z]+\b/gi, ' ');
    for (const r of remove) if (r) rest = rest.replace(new RegExp(r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), ' ');
    return reader.phrase(rest);
  };
}

/** Thanks with a remark that answers nothing: no yes / no, pick, log word, figure, question or request in it. */
function thanksOnly(raw: string): boolean {
  return THANKED.test(raw) && !/\d|[?？]|第|不|没|记|\b(?:yes|yeah|yep|no|not|nope|save|log|record|first|second|third|last|one)\b/i.test(raw.replace(/\bno (?:worries|problem)\b/gi, ' ')) && !ASKING_CUE.test(raw.replace(THANKED_WORDS, ' ')) && ![CHEAPER, NEAREST, BEST_RATED, NEARBY].some((re) => re.test(raw)) && !Object.values(TASK_WORDS).some((re) => re.test(raw));
}

/** A first clause that says its period has not come yet, with more said after it. */
const NOT_YET_FIRST = /^[^，,。；;]*?(?:还没到|还没来|还没开始|还没过完?|\bhasn'?t (?:come|started|begun)(?: yet)?|\bis(?:n'?t| not) (?:here|over) yet)[\s，,。；;]+(?=\S)/i;

export function understand(said: string, s: Situation, products: ProductIndex): Plan {
  // The phrase reader goes first: it adds the catalogue's goods to jieba's dictionary, which the spelling fixer then
  // segments with too, in any order of messages.
  phraseReaderFor(products);
  const text = firstOfTwoAsks(plannerText(said, products));
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

/** Asking for the link to buy what is on screen. */
const BUYING_LINK = /(?:购买|下单|网购|网店|商品)?链接|(?:在哪|怎么)(?:下单|网购)|\b(?:buy(?:ing)?|purchase|shop|product|store) links?\b|\blinks? (?:to buy|please|pls)\b|^links?\??$/i;

/** The goods of a phrase that also holds a category's word ("婴儿湿巾" → "湿巾"), when the catalogue sells those goods. */
function goodsBesideCategory(phrase: string, products: ProductIndex): string | undefined {
  const lower = phrase.toLowerCase();
  const word = [...CATEGORY_WORDS].filter((w) => w.length >= 2 && lower.includes(w)).sort((a, b) => b.length - a.length)[0];
  const rest = word ? lower.replace(word, ' ').replace(/\s+/g, ' ').trim() : '';
  return rest.length >= 2 && !CATEGORY_WORDS.has(rest) && !STUFF.test(rest) && (products.search(rest, 1)[0]?.score ?? 0) >= 0.5 ? rest : undefined;
}

/** The order a shopper asks shops to be listed in. */
function findSort(text: string): 'distance' | 'price' | 'rating' | undefined {
  if (/\bcheap\b|最便宜|哪家便宜|要便宜(?:的|点|些)|便宜(?:一)?(?:点|些)的|(?:实惠|划算)(?:一)?(?:点|些)?的|哪里便宜|哪儿便宜|哪个便宜|便宜的?(?:排|放)(?:在)?(?:前|上)|从便宜到贵|价格从低到高|按价格|cheapest|lowest price|by price|价格最低|最实惠/i.test(text)) return 'price';
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
  // "Good morning! I'm new here. What all can you do for me?": the question is the last sentence, the rest a greeting.
  const lastSentence = raw.split(/(?<=[.!?。！？])\s*/).filter((x) => x.trim()).at(-1) ?? raw;
  const asksWhatItDoes = (t: string) => ASKS_WHAT_IT_DOES.test(t) && t.length <= 60 && !Object.values(TASK_WORDS).some((re) => re.test(t));
  // "First time using this thing — what can ya actually do for a backpacker, mate?": the part after the dash asks.
  const afterDash = lastSentence.split(/\s+[—–-]+\s+/).at(-1) ?? lastSentence;
  if (HELP.test(raw) || (raw.length <= 40 && asksWhatItDoes(raw)) || (raw.length <= 160 && (asksWhatItDoes(lastSentence) || asksWhatItDoes(afterDash)))) return { reply: PHRASES.capabilities(s.role, l) };
  // "你好 我是樱园超市的店员 … 这个都能查些啥呀": a long introduction that ends by asking what the assistant does.
  const lastClause = raw.split(/[。！？!?\n]+|[，,]\s*|\s+(?=\S)/u).filter(Boolean).slice(-2).join(' ');
  if (raw.length > 40 && ASKS_WHAT_IT_DOES.test(lastClause) && !Object.values(TASK_WORDS).some((re) => re.test(lastClause))) return { reply: PHRASES.capabilities(s.role, l) };
  // A film, a song, a name for the shop: not goods anyone here sells.
  if (NOT_GOODS.test(raw) && !findPrice(raw)) return { reply: PHRASES.offTopic(s.role, l) };
  if (WEATHER.test(raw) && !Object.values(TASK_WORDS).some((re) => re.test(raw)) && !NEARBY.test(raw)) return { reply: PHRASES.offTopic(s.role, l) };
  if (THANKS.test(raw)) return { reply: PHRASES.thanks(l) };
  if (FAREWELL.test(raw)) return { reply: PHRASES.goodbye(l) };
  // A reaction and nothing else ("👍", "🙏😊") with no proposal on screen: taken in.
  if (/^[\p{Extended_Pictographic}\u{FE0F}\u{200D}\s]+$/u.test(raw) && !['needs_confirmation', 'ambiguous', 'asked', 'matched', 'unsure'].includes(s.previous?.result?.status)) return { reply: PHRASES.acknowledged(l) };
  if (ASKS_OPINION.test(raw) && !findPrice(raw) && !NEARBY.test(raw) && !PRICE.test(raw) && !Object.values(TASK_WORDS).some((re) => re.test(raw))) return { reply: PHRASES.offTopic(s.role, l) };
  // "Perfect, cheers! That's all for now.", "就这些 谢谢": the user is done.
  if (CLOSING.test(raw) && s.previous?.name !== 'scan_to_buy' && !THATS_IT.test(raw) && !/\d/.test(raw) && !Object.values(TASK_WORDS).some((re) => re.test(raw))) return { reply: /thank|cheers|\bty\b|thx|谢/i.test(raw) ? PHRASES.thanks(l) : PHRASES.acknowledged(l) };

  // "Sweet as, cheers for that", "Thank you o. I go try am small small.": thanks with a remark that asks for nothing.
  if (thanksOnly(raw)) return { reply: PHRASES.thanks(l) };

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
  // "先不记了" after a purchase that could not be proposed (no such product, a price out of range, which one?): nothing
  // to cancel, and nothing is written.
  if (prev && WRITES.has(prev.name) && prev.result?.status !== 'needs_confirmation' && saysNo(raw) && !isCorrection(withoutPause(raw))) {
    return { reply: l === 'zh' ? '好的，先不记，什么都没改。' : 'OK, nothing logged; nothing was changed.' };
  }
  // Which product a purchase was, from the list shown ("2", "第二个", "the Liby one" is read below as a brand edit);
  // a bare yes picks none of them, and says so: nothing is logged yet.
  if (prev?.name === 'record_purchase' && prev.result?.status === 'ambiguous' && s.role === 'shopper') {
    const shown = (prev.result.candidates ?? []) as { id: number }[];
    const n = raw.length <= 24 ? pickedPosition(raw, shown.length) : undefined;
    if (n && shown[n - 1]) return { tool: 'record_purchase', args: clean({ ...prev.args, product: undefined, productId: shown[n - 1].id }) };
    if (saysYes(raw) && !findPrice(raw)) return { reply: INTENT_REPLIES.pickFromList(shown.length, l) };
  }
  // "ok thanks. and yes, save that apple purchase", "刚才那个香蕉帮我记上吧" after a detour: the purchase proposed
  // before is proposed again (shown again, never written without a new yes).
  const detour = s.previous?.name !== 'record_purchase' ? [s.earlier].find((t) => t?.name === 'record_purchase' && t.args.product && t.args.price !== undefined && t.result?.status === 'needs_confirmation') : undefined;
  if (s.role === 'shopper' && detour && (has(RECORD, raw) || /\bsave\b|记上|记下|存一下/i.test(raw)) && /\b(?:that|the|earlier|before)\b|刚才|那个|之前|前面/i.test(raw) && !findPrice(raw)) {
    return { tool: 'record_purchase', args: detour.args };
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
  // A person asked for ("人工客服", "问问第二家有没有大桶的"): the shop's merchant, with the shopper's yes first.
  const contact = s.role === 'shopper' ? contactPlan(raw, l, ranked[0]?.intent === 'human_agent' && ranked[0].p >= SURE, prev, s.earlier) : undefined;
  if (contact) return contact;
  // "给我购买链接", "link?": the goods of the search or price check on screen, whose answer carries the online offer's link.
  if (s.role === 'shopper' && (BUYING_LINK.test(raw) || (ranked[0]?.intent === 'buying_link' && ranked[0].p >= SURE)) && raw.length <= 30) {
    const goods = prev?.name === 'nearby_shops' && typeof prev.args.query === 'string' ? prev.args.query : prev?.name === 'price_check' && typeof prev.args.product === 'string' ? prev.args.product : undefined;
    if (goods) return { tool: 'nearby_shops', args: prev!.name === 'nearby_shops' ? { ...prev!.args, offset: 0 } : { query: goods } };
  }
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
  // "今年十二月还没到 那这个月到昨天为止呢": a period said not to have come yet, then the one asked about.
  const periodText = (baseline.text ? corrected.replace(baseline.text, ' ') : corrected).replace(NOT_YET_FIRST, ' ');
  // "前一周呢" / "the month before": relative to the period of the previous call.
  // "那个月的 top 3", "that month": the period the conversation is on.
  const periodRead = readPeriod(periodText, s.today);
  const saidBefore = periodRead?.kind === 'unresolved' && periodRead.reason === 'anaphora' ? (prev?.args?.period ?? s.earlier?.args?.period) as Period | undefined : undefined;
  const period = (prev?.args?.period ? partOfEarlierMonth(prev.args.period, periodText, s.today) : undefined) ?? findPeriod(periodText, s.today) ?? (prev?.args?.period ? shiftPeriod(prev.args.period, periodText, s.today) : undefined) ?? saidBefore ?? (prev?.args?.period ? undefined : pastWithoutAnchor(periodRead, s.today));
  // A period named but not pinned down ("那天", "上次活动", "前一周" with nothing before it): ask, never guess.
  const periodUnclear = !period && periodRead !== undefined;
  // A plain number is a price only in a price or a purchase turn ("三只松鼠每日坚果 29.9", "鸡蛋20枚 25.9").
  const priceTalk = has(RECORD, raw) || has(PRICE, raw) || (prev?.name === 'record_purchase' && ANOTHER_PURCHASE.test(raw)) || (ranked[0]?.allowed === true && ['price_check', 'record_purchase'].includes(ranked[0].intent) && ranked[0].p >= 0.5);
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
  // A merchant's lead time ("半个月先到") is no goods, though a product is sold by the half (本地西瓜 半个).
  const leadWords = s.role === 'merchant' ? findLeadTime(raw)?.text : undefined;
  const phraseOf = (t: string) => productPhrase(s.role === 'merchant' ? t.replace(STOCK_WORDS, ' ') : t, price?.text, place?.text, radius?.text, shopCategory?.text, ownShop?.text, periodRead?.text, leadWords);
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
  // Not an answer to what is on screen: a pick or rating of a list ("1 👍"), a yes to a proposal, a scan's match.
  const answersScreen = /\d/.test(raw) || ['scan_to_buy', 'risk_questionnaire'].includes(prev?.name ?? '') || ['needs_confirmation', 'ambiguous', 'asked'].includes(prev?.result?.status);
  // A message that names goods or a task's own words ("ok 刚买了两包纸巾", "好的 那个酸奶不错") says more than OK.
  const saysMore = strongProduct || Object.values(TASK_WORDS).some((re) => re.test(raw));
  if (top && ['acknowledge', 'goodbye', 'thanks'].includes(top.intent) && top.p >= 0.8 && !price && !answersScreen && !saysMore && !/[?？]|吗|呢|嘛|多少|几|怎么|咋|如何|\b(?:how|what|which|when|where|why|show|tell)\b/i.test(raw)) {
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
  // A search for the goods named is held open, unless nothing was named but a booking ("book me a table").
  if (cannot) return s.role === 'shopper' && strongProduct && !BOOKING.test(raw) ? { ...cannot, pending: { tool: 'nearby_shops', args: clean({ query: phrase, ...where }) } } : cannot;

  // "第三个不要", "1号挺好的，给它打5分", "the last one, nope": a rating of one of the suggestions shown.
  // The suggestions shown: the active task's, or the one before a rating ("第三个也不喜欢" after rating the second).
  const shownList = prev?.name === 'recommend' ? prev : prev?.name === 'feedback' && s.earlier?.name === 'recommend' ? s.earlier : undefined;
  const recommended = s.role === 'shopper' && shownList?.result?.status === 'ok' ? (shownList.result.items as { productId: number; name?: string }[]) : undefined;
  const rated = recommended ? readFeedback(raw, recommended.length) : undefined;
  if (recommended && rated) return { tool: 'feedback', args: { productId: recommended[rated.position - 1].productId, rating: rated.rating } };
  // "那个面膜不错", "the tissues are rubbish": one of the suggestions named by its goods, with a liking.
  const named = recommended && phrase ? recommended.filter((item) => item.name?.toLowerCase().includes(phrase.toLowerCase())) : [];
  const ratedByName = named.length ? readFeedback(`#1 ${raw.replace(phrase, ' ')}`, 1) : undefined;
  if (ratedByName && named.length === 1) return { tool: 'feedback', args: { productId: named[0].productId, rating: ratedByName.rating } };
  // Two of them have those goods: which one?
  if (ratedByName) return { reply: INTENT_REPLIES.whichOfThese(named.map((item) => `${recommended!.indexOf(item) + 1}. ${item.name ?? ''}`), l) };
  // "I already have the first one": which one is clear, how they like it is not (after a rating was proposed, "是第三个"
  // moves that rating: below).
  const pointed = recommended && !(prev?.name === 'feedback' && (isCorrection(raw) || ordinalIn(raw))) ? pickedPosition(raw, recommended.length) : undefined;
  if (recommended && pointed && raw.length <= 40 && !has(RECORD, raw)) {
    return { reply: INTENT_REPLIES.howDoYouRate(recommended[pointed - 1].name ?? `#${pointed}`, l) };
  }
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

  // "想吃热干面 五块钱能吃到吗", "充电宝 一百出头能买到吗", "can I get shampoo for 20 around here?": whether it can be had
  // for that much, which a search with that cap answers; "is 20 fair" stays a price check.
  if (price && s.role === 'shopper' && price.currency === 'CNY' && phrase && strongProduct && CAN_GET_FOR.test(raw) && !FAIRNESS.test(raw)) {
    return { tool: 'nearby_shops', args: clean({ query: phrase, ...where, radiusKm: radius?.km, maxPrice: budgetCap(price), sort: 'price' }) };
  }
  // --- Shopper: their own things (purchases, feedback, profile, credit, wealth, suggestions).
  if (s.role === 'shopper') {
    // "你们是不是会记录我买过啥": a question about what it knows, not a purchase to log.
    // "上上周我花了多少", "what did I spend in October": the profile with that period's spend.
    // "我是周末买得多还是平时" asks about a habit: a bare weekend or weekday is no period to count.
    const profileArgs = clean({ period: period && period !== 'today' && !namesHabitOnly(periodText, s.today) ? period : undefined });
    if (has(PROFILE, raw) && !price && !has(PRICE, raw)) return { tool: 'customer_profile', args: profileArgs };
    // A price asked about ("这算哪门子优惠") is no purchase to log unless they say to log it.
    // "好 那帮我记一下 今天买了两把 一共七块钱": the goods the conversation is about, when the message names none.
    const inView = goodsInView(prev);
    // "Master Kong spicy strips x4, 36 total, on Nov 3", "昨天 蓝月亮洗衣液 两瓶 六十": goods, what was paid and a past day
    // said flatly is a purchase told, whatever the model guesses (not a question, not where to buy).
    const toldPurchase = Boolean(price) && strongProduct && purchaseDay(period, s.today) !== undefined && period !== 'today' && !/[?？]/.test(raw) && !FAIRNESS.test(raw) && !has(NEARBY, raw) && !has(PRICE, raw) && !SEEN_PRICE.test(raw);
    // "还有一笔 同一天还买了…", "Oh, and a 4-pack of Bright yogurt the same day, 19.90": another purchase after one just logged.
    const lastLogged = prev?.name === 'record_purchase' ? prev : undefined;
    const another = Boolean(lastLogged) && Boolean(price) && strongProduct && ANOTHER_PURCHASE.test(raw) && !/[?？]/.test(raw);
    if ((has(RECORD, raw) || toldPurchase || another || (said('record_purchase') && !has(PRICE, raw))) && (phrase || (inView && price))) {
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
      // "同一天", "the same day", "same wallet", "也是余额付的": as the purchase logged just before.
      const sameDay = lastLogged && SAME_DAY.test(raw) && typeof lastLogged.args.date === 'string' ? lastLogged.args.date : undefined;
      const paymentMethod = paymentMethodIn(raw) ?? (lastLogged && SAME_PAYMENT.test(raw) ? (lastLogged.args.paymentMethod as string | undefined) : undefined);
      return { tool: 'record_purchase', args: clean({ product, price: bought.price ?? price.amount, quantity: bought.quantity, shopId, date: sameDay ?? purchaseDay(period, s.today), paymentMethod }) };
    }
    if (has(PROFILE, raw) || said('customer_profile')) return { tool: 'customer_profile', args: profileArgs };
    if (has(CREDIT, raw) || said('credit_line')) return { tool: 'credit_line', args: {} };
    // Wealth: the amount, how long the money can stay ("半年", "三年", "within a year") and whether it must be at hand.
    // After the questionnaire (or a wealth answer) "推荐几个" or "I have about 5000 to put in" goes on with the same task.
    const wealthTask = prev?.name === 'wealth_products' || prev?.name === 'risk_questionnaire';
    const wealth = wealthSlots(raw, price);
    // "十万块 想放 one year 左右", "two grand sitting around doing nothing … for six months": money to put away for a while.
    const parksMoney = typeof wealth.amount === 'number' && wealth.amount >= 1000 && PARKS_MONEY.test(raw) && (typeof wealth.horizonMonths === 'number' || wealth.needLiquidity === true) && !strongProduct;
    if (has(WEALTH, raw) || parksMoney || said('wealth_products') || (wealthTask && (Object.keys(wealth).length > 0 || ((has(RECOMMEND, raw) || WHICH_ONES.test(raw)) && !namedCategory && !strongProduct)))) {
      // After the questionnaire, the amount and horizon said before it ("about 5k for six months") still stand.
      const asked = prev?.name === 'wealth_products' ? prev : prev?.name === 'risk_questionnaire' && s.earlier?.name === 'wealth_products' ? s.earlier : undefined;
      const base = asked && !asked.result?.error ? asked.args : {};
      return { tool: 'wealth_products', args: clean({ ...base, ...wealth }) };
    }
    const category = namedCategory;
    // "more like sports stuff", "运动类的": a category and words for things, no product of its own.
    const categoryOnly = Boolean(category) && phrase.toLowerCase().split(/\s+/).every((w) => CATEGORY_WORDS.has(w) || STUFF.test(w));
    // "推荐个附近能买充电宝的地方", "any good power banks around here?": a place to buy named goods, not suggestions.
    // "推荐附近卖水果的店", "recommend a store that sells snacks": a shop that sells a kind of goods is a search too.
    const placeForGoods = (strongProduct && !categoryOnly && WHERE_TO_BUY.test(raw)) || ((strongProduct || Boolean(category)) && SHOP_FOR_GOODS.test(raw));
    // The model's guess alone does not make named goods ("30块以内的洗衣液") a request for suggestions: that is a search.
    if (!placeForGoods && (has(RECOMMEND, raw) || (s.role === 'shopper' && has(HOME_RESTOCK, raw)) || (said('recommend') && (!strongProduct || categoryOnly)) || (recommended && (category || price || NEAR_ME.test(raw)) && (!strongProduct || categoryOnly)))) {
      const base = shownList ? shownList.args : {};
      // What the suggestions are for, in the shopper's words ("洗衣服用的", "breakfast stuff"), when it is not just a category.
      const said = findNeed(raw.replace(HOME_RESTOCK, ' '));
      // A product named after "for" ("is 15 ok for Crest toothpaste") is no need.
      // Else the goods they name, when the catalogue has words of them ("only", "little one" name none).
      const need = (said && (products.search(said, 1)[0]?.score ?? 0) < 0.8 && !(category && (CATEGORY_WORDS.has(said.toLowerCase()) || findCategoryWord(said) === category)) ? said : undefined) ?? (phrase && (!strongProduct || has(RECOMMEND, raw)) && !categoryOnly && !STUFF.test(phrase) && phraseReaderFor(products).namesGoods(phrase) && !(category && CATEGORY_WORDS.has(phrase.toLowerCase())) ? phrase : undefined);
      return { tool: 'recommend', args: clean({ ...base, category: category ?? base.category, budget: budgetOf(price) ?? base.budget, nearMe: NEAR_ME.test(raw) || base.nearMe || undefined, need: need ?? base.need, limit: (recommended && suggestionCount(raw, Boolean(price))) || base.limit }) };
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
  // A shopper asking where to buy goods ("附近哪里有卖…线") is asking for shops, whatever word of figures is in it.
  const shopperSearch = s.role === 'shopper' && strongProduct && has(NEARBY, raw);
  if (!shopperSearch && (has(STATS, raw) || said('merchant_stats')) || (s.role === 'merchant' && (((period && asksAboutPeriod) || topN) && !strongProduct || has(MERCHANT_FIGURES, raw)))) {
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
    if (capCategory && s.role === 'shopper' && !shopCategory) return { tool: 'recommend', args: clean({ category: capCategory, budget: price.max, nearMe: NEAR_ME.test(raw) || undefined }) };
    if (capCategory) return { tool: 'nearby_shops', args: clean({ category: capCategory, ...where, radiusKm: radius?.km }) };
    if (prev?.name === 'nearby_shops' && prev.args.query) return { tool: 'nearby_shops', args: clean({ ...prev.args, ...where, offset: 0, maxPrice: price.max }) };
    return { reply: PHRASES.askProduct(l) };
  }

  // "再来几个", "more": the suggestions again, longer (the tool shows at most 10).
  if (prev?.name === 'recommend' && prev.result?.status === 'ok' && !strongProduct && !price && (MORE.test(raw) || said('more'))) {
    const limit = Number(prev.args.limit ?? 5);
    return limit >= 10 ? { reply: PHRASES.noMoreSuggestions(l) } : { tool: 'recommend', args: { ...prev.args, limit: Math.min(10, limit + 5) } };
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
    // "最便宜的", "cheapest?" alone: the cheapest of the same search, in price order (not below what was shown).
    const priceOrder = /cheapest first|lowest (?:price )?first|(?:sort|order|list)\w* (?:them |it )?by price|便宜的?(?:排|放)(?:在)?(?:前|上)|从便宜到贵|价格从低到高|按价格(?:排|从)/i.test(raw) || /^(?:那|要|就要|看看)?\s*(?:最便宜|最实惠)(?:的|那家|的那家|的是哪家)?(?:呢|吧)?\s*[。.!！?？]*$|^(?:the\s+)?cheapest(?:\s+(?:one|ones|shop|place))?\s*[.!?]*$/i.test(raw.trim());
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
    return { tool: 'nearby_shops', args: clean({ query: phrase, ...where, radiusKm: radius?.km, maxPrice: budgetCap(price) }) };
  }

  // "算了来瓶茶饮料 三块出头就行" after a search: what they mean to spend on other goods, not a price to check.
  if (price && prev?.name === 'nearby_shops' && strongProduct && !has(PRICE, raw) && price.currency === 'CNY' && (price.approximate || price.max !== undefined || /就行|就好|就可以|就够/.test(raw))) {
    return { tool: 'nearby_shops', args: clean({ query: phrase, ...where, radiusKm: radius?.km, maxPrice: budgetCap(price) }) };
  }
  // "any laundry detergent near me for 20?", "哪儿有卖可乐的 3块一瓶那种": where it is sold at that price, not whether the
  // price is fair (no word of fairness, paying or seeing a price).
  if (price && price.currency === 'CNY' && phrase && s.role === 'shopper' && !price.min && WHERE_TO_BUY.test(raw) && !FAIRNESS.test(raw) && !has(RECORD, raw) && !/看到|看见|标价|\b(?:saw|seen|listed|paid)\b|[?？]\s*$(?<=吗[?？]\s*$)/i.test(raw)) {
    return { tool: 'nearby_shops', args: clean({ query: phrase, ...where, radiusKm: radius?.km, maxPrice: budgetCap(price) }) };
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
    // "婴儿湿巾": goods named with a category word before them are the goods ("湿巾"), not the category's shops.
    const goods = category && phrase && !shopCategory ? goodsBesideCategory(phrase, products) : undefined;
    if (goods) return { tool: 'nearby_shops', args: clean({ query: goods, ...where, radiusKm: radius?.km }) };
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
  // Someone else's data is a thing to read: "我室友的消费记录" is their profile, never a purchase to log.
  const fits = (tool: string) => MERCHANT_ONLY.has(tool) === (s.role === 'merchant') && !WRITES.has(tool);
  const tool = Object.entries(TASK_WORDS).find(([t, re]) => fits(t) && re.test(text))?.[0]
    ?? ranked.find((r) => r.allowed && r.p >= 0.4 && r.intent in TASK_WORDS && fits(r.intent))?.intent
    ?? (s.role === 'shopper' && TASK_WORDS.record_purchase?.test(text) ? 'customer_profile' : undefined);
  if (!tool) return undefined;
  const period = s.role === 'merchant' && tool !== 'pricing_advice' && tool !== 'restock_forecast' ? findPeriod(text, s.today) : undefined;
  // "把东湖店给差评的顾客电话发我": their own shop named in it stays with the task.
  // (A branch of another merchant's shop, "乐购数码鲁巷店", is not theirs even where they have a 鲁巷 shop.)
  const shopId = s.role === 'merchant' && !findForeignShop(text, s.shops ?? []) ? findOwnShop(text, s.shops ?? [], undefined)?.id : undefined;
  return { tool, args: clean({ period, shopId }) };
}


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
  return price.max ?? (price.min === undefined ? price.high ?? price.amount : undefined);
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

/** The most a budget allows: "三块出头" (a little over three) goes some way above the figure; "三百来块", "二十块左右" and a
 *  cap are the figure itself, as people who say them mean it as the most. */
function budgetCap(price: Price): number {
  if (price.max !== undefined) return price.max;
  if (price.high !== undefined) return price.high; // "二三十块的就行": up to thirty
  // "三十出头" is a little over thirty: up to about 15% more (三块出头 → 3.45, 一百出头 → 115).
  return /出头/.test(price.text) ? Math.round(price.amount * 1.15 * 10) / 10 : price.amount;
}

// "人工客服", "帮我问问第二家有没有大桶的", "talk to a human": a shopper wants a person. With shops on screen the
// message goes to one of their merchants (contact_shop, shown for the shopper's yes first); without anything to
// pass on, the planner asks what to say and holds the task open, so the next message is the message.
import { INTENT_REPLIES } from '../../prompts/replies/intent-replies.ts';
import type { Locale } from '../../tools/context.ts';
import { ORDINALS, saysNo } from '../../tools/shared/user-words.ts';
import { COMPLAINT_ABOUT_STAFF } from './words.ts';
import type { Plan, PreviousCall } from './understand.ts';

type ShownShop = { shopId: number; name?: string };

/** Words of wanting a person or the shop itself: asked for plainly, whatever the intent model says. */
const WANTS_PERSON = /转人工|人工客服|人工服务|(?:找|要|接|有没有)(?:个)?人工(?!智能)|真人|客服|(?:联系|问问|问一下|问下)(?:一下)?(?:这家|那家|第\s*[1-6一二三四五六]\s*家|店主|店家|老板|商家|卖家|店里|店员)|找(?:一下)?(?:店主|店家|老板|商家|卖家|店员)|(?:店主|店家|老板|商家|卖家)(?:在吗|在不在)|\b(?:talk|speak|chat) (?:to|with) (?:a |an |the |some )?(?:human|person|real person|someone|agent|staff|owner|seller|shop|store|manager)\b|\b(?:ask|contact|message|call) (?:the |that |this |a )?(?:first |second |third |fourth |fifth |sixth )?(?:shop|store|owner|seller|staff|manager)\b|\bhuman agent\b|\breal person\b/i;
/** The request itself, to see whether anything is left to pass on ("帮我问问第二家" has nothing; "…有没有大桶的" has). */
const REQUEST_WORDS = /请|麻烦|帮我|帮忙|替我|我想|我要|想要|转人工|人工客服|人工|真人|客服|(?:联系|问问|问一下|问下|找|跟|和|给|让)(?:一下)?|这家|那家|第\s*[1-6一二三四五六]\s*家|店主|店家|老板|商家|卖家|店里|店员|的|吧|呢|啊|一下|说|\b(?:please|can|could|you|i|want|would|like|to|talk|speak|chat|with|a|an|the|human|person|real|someone|agent|staff|ask|contact|message|call|owner|seller|shop|store|manager|first|second|third|fourth|fifth|sixth|for|me)\b|[\s,，。.!！?？:：]/gi;
const ORDINAL_SHOP = /第\s*([1-6一二三四五六])\s*家|\b(first|second|third|fourth|fifth|sixth) (?:shop|store|one)\b/i;

/** The shops of the last search shown in this chat (the active task, or the one before it). */
function shopsInView(previous?: PreviousCall, earlier?: PreviousCall): ShownShop[] {
  for (const call of [previous, earlier]) {
    if (call?.name === 'nearby_shops' && call.result?.status === 'ok' && Array.isArray(call.result.results) && call.result.results.length) return call.result.results as ShownShop[];
  }
  return [];
}

/** Which of the shops shown: "第二家", "the second shop", a shop named by its name, else the first. */
function pickShop(text: string, shops: ShownShop[]): ShownShop {
  const m = ORDINAL_SHOP.exec(text);
  const n = m ? Number(m[1]) || ORDINALS[(m[1] ?? m[2]).toLowerCase()] : undefined;
  if (n && shops[n - 1]) return shops[n - 1];
  return shops.find((s) => s.name && text.includes(s.name.replace(/\(.*$|（.*$/, ''))) ?? shops[0];
}

/** The request before the words to pass on ("帮我问问第一家：", "ask the second shop if"), left out of what the merchant reads. */
const LEAD = /^(?:请|麻烦)?(?:你)?(?:帮我|帮忙|替我)?(?:问问|问一下|问下|联系一下|联系)(?:这家|那家|第\s*[1-6一二三四五六]\s*家|店主|店家|老板|商家|卖家|店里)(?:的)?(?:店主|老板)?(?:看|一下)?[，,:：\s]*|^(?:please |can you |could you )?(?:ask|message) (?:the |that |this )?(?:first |second |third |fourth |fifth |sixth )?(?:shop|store|owner|seller|one)(?: (?:if|whether))?[,:\s]*/i;

/** What is left to pass on once the request words are gone: something, or nothing. */
function hasMessage(text: string): boolean {
  const rest = text.replace(REQUEST_WORDS, '');
  return /\p{Script=Han}/u.test(rest) ? rest.length >= 3 : rest.length >= 6;
}

export function contactPlan(raw: string, l: Locale, wantsByModel: boolean, previous?: PreviousCall, earlier?: PreviousCall): Plan | undefined {
  // The answer to "what should I tell them?": the message itself (a no drops it).
  if (previous?.name === 'contact_shop' && previous.result?.status === 'asked' && typeof previous.args.shopId === 'number') {
    if (saysNo(raw)) return { reply: INTENT_REPLIES.contactDropped(l) };
    return { tool: 'contact_shop', args: { shopId: previous.args.shopId, message: raw.slice(0, 500) } };
  }
  const wants = WANTS_PERSON.test(raw) || COMPLAINT_ABOUT_STAFF.test(raw) || wantsByModel;
  if (!wants) return undefined;
  const shops = shopsInView(previous, earlier);
  if (!shops.length) return { reply: INTENT_REPLIES.humanAgent(l) };
  const shop = pickShop(raw, shops);
  if (hasMessage(raw)) {
    const said = raw.replace(LEAD, '').trim();
    return { tool: 'contact_shop', args: { shopId: shop.shopId, message: (said.length >= 2 ? said : raw).slice(0, 500) } };
  }
  return { reply: INTENT_REPLIES.whatToTellShop(shop.name ?? `#${shop.shopId}`, l), pending: { tool: 'contact_shop', args: { shopId: shop.shopId } } };
}

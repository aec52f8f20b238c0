// Replies for the shopper's personal tools (recommend, profile, purchases, feedback, credit, wealth).
// Every number comes from the tool result.
import type { Locale } from '../../tools/context.ts';
import { yuan } from './format.ts';

type Any = Record<string, any>;

export function renderConfirmation(r: Any, l: Locale): string {
  return l === 'zh' ? `${r.preview}。\n确认吗？回复“是”确认，回复“不”取消。` : `${r.preview}.\nShall I? Reply "yes" to confirm or "no" to cancel.`;
}

export function renderRecommend(r: Any, l: Locale): string {
  const zh = l === 'zh';
  if (r.status === 'need_location') return zh ? '要看附近能买到的，请先发送你的位置。' : 'To show what is sold near you, please share your location first.';
  if (!r.items.length) return zh ? '暂时没有合适的推荐（试试去掉预算或品类限制）。' : 'Nothing to suggest with those limits (try without the budget or category).';
  const lines = [r.needUnmatched
    ? (zh ? `没找到和「${r.needUnmatched}」直接相关、又适合你的商品，先按你的购买习惯推荐：` : `Nothing matched "${r.needUnmatched}" among what suits you, so here is what fits your habits:`)
    : zh ? '你接下来可能需要：' : 'You may want next:'];
  r.items.forEach((it: Any, i: number) => lines.push(`${i + 1}. ${it.name}${it.price != null ? ` ${yuan(it.price)}` : ''} — ${it.reason.text}`));
  lines.push(zh ? `（${r.method}。不喜欢哪个就告诉我，比如“第2个不喜欢”。）` : `(${r.method}. Tell me if one is not for you, e.g. "I don't like number 2".)`);
  return lines.join('\n');
}

const SEGMENT: Record<string, Record<Locale, string>> = {
  bargain_hunter: { zh: '精打细算型', en: 'bargain hunter' }, brand_loyal: { zh: '品牌忠实型', en: 'brand loyal' }, family: { zh: '家庭采购型', en: 'family shopper' },
  student: { zh: '学生型', en: 'student-style shopper' }, convenience: { zh: '便利优先型', en: 'convenience shopper' }, new: { zh: '新用户', en: 'new shopper' },
};
const LEVEL: Record<string, Record<Locale, string>> = {
  high: { zh: '高', en: 'high' }, medium: { zh: '中', en: 'medium' }, low: { zh: '低', en: 'low' }, unknown: { zh: '未知', en: 'unknown' },
  active: { zh: '活跃', en: 'active' }, cooling: { zh: '有点久没来', en: 'cooling' }, lapsing: { zh: '快流失了', en: 'lapsing' }, dormant: { zh: '沉睡', en: 'dormant' },
};
const PAY: Record<string, Record<Locale, string>> = { debit_wallet: { zh: '余额/借记', en: 'debit wallet' }, pay_later: { zh: '先用后付', en: 'pay later' }, third_party: { zh: '第三方支付', en: 'third-party' } };

export function renderProfile(r: Any, l: Locale): string {
  const zh = l === 'zh';
  const f = r.facts;
  const m = r.model;
  const k = r.marketing;
  if (r.inPeriod) return renderSpentIn(r.inPeriod, f, l);
  if (!f.orders) return zh ? `${r.name}，你还没有购买记录。买过东西后（也可以告诉我“记录一下：…”），我会更懂你。` : `${r.name}, there are no purchases on record yet. Once there are (you can also tell me "record a purchase: …"), I will know you better.`;
  const cats = f.topCategories.map((c: Any) => `${c.category} ${c.sharePct}%`).join(zh ? '、' : ', ');
  const pays = f.payment.map((p: Any) => `${PAY[p.method]?.[l] ?? p.method} ${p.sharePct}%`).join(zh ? '、' : ', ');
  const next = m.nextPurchases.map((n: Any) => `${n.name}（${n.dueDate}）`).join(zh ? '、' : ', ');
  return (zh
    ? [
        `我知道的关于你（${r.name}）的情况：`,
        `【事实】${f.orders} 笔订单（${f.firstOrder} 至 ${f.lastOrder}），近 90 天花了 ${yuan(f.spend90d)}，平均每单 ${yuan(f.averageBasket)}；常买 ${cats}；常去 ${f.topShops.map((s: Any) => s.name).join('、')}；${f.weekendSharePct}% 在周末；支付：${pays}。`,
        `【模型标签】${SEGMENT[m.segment].zh}；价格敏感度${LEVEL[m.priceSensitivity].zh}${m.priceVsMarketPct != null ? `（付的价格比市场均价${m.priceVsMarketPct <= 0 ? '低' : '高'} ${Math.abs(m.priceVsMarketPct)}%）` : ''}${m.topBrand ? `；最常买的品牌 ${m.topBrand}` : ''}${next ? `；预计接下来要买：${next}` : ''}。`,
        `【营销标签】RFM ${k.rfm.r}-${k.rfm.f}-${k.rfm.m}（各 1–5 分）；${LEVEL[k.activity].zh}（${k.recencyDays} 天前买过）；流失风险${LEVEL[k.churnRisk].zh}。`,
        '这些只来自你在这里的购买记录，不含年龄、性别等信息。',
      ]
    : [
        `What I know about you (${r.name}):`,
        `Facts: ${f.orders} orders (${f.firstOrder} to ${f.lastOrder}), ${yuan(f.spend90d)} in the last 90 days, ${yuan(f.averageBasket)} per order; mostly ${cats}; usually at ${f.topShops.map((s: Any) => s.name).join(', ')}; ${f.weekendSharePct}% at weekends; paying by ${pays}.`,
        `Model tags: ${SEGMENT[m.segment].en}; price sensitivity ${LEVEL[m.priceSensitivity].en}${m.priceVsMarketPct != null ? ` (you pay ${Math.abs(m.priceVsMarketPct)}% ${m.priceVsMarketPct <= 0 ? 'below' : 'above'} the market average)` : ''}${m.topBrand ? `; favourite brand ${m.topBrand}` : ''}${next ? `; likely next: ${next}` : ''}.`,
        `Marketing tags: RFM ${k.rfm.r}-${k.rfm.f}-${k.rfm.m} (1–5 each); ${LEVEL[k.activity].en} (last purchase ${k.recencyDays} days ago); churn risk ${LEVEL[k.churnRisk].en}.`,
        'All of this comes from your purchases here only — nothing about age or gender.',
      ]).join('\n');
}

/** "上个月我花了多少": that period's orders and spend first, what they bought most, and the 90 days beside it. */
function renderSpentIn(p: Any, f: Any, l: Locale): string {
  const zh = l === 'zh';
  const days = p.from === p.to ? p.from : `${p.from} – ${p.to}`;
  if (!p.orders) return zh ? `${days} 你在这里没有购买记录（近 90 天共 ${yuan(f.spend90d)}）。` : `No purchases of yours here on ${days} (${yuan(f.spend90d)} in the last 90 days).`;
  const items = p.topItems.map((i: Any) => `${i.name} ×${i.quantity} ${yuan(i.spend)}`).join(zh ? '；' : '; ');
  return zh
    ? `${days}：你下了 ${p.orders} 笔订单，共花了 ${yuan(p.spend)}，平均每单 ${yuan(p.spend / p.orders)}。\n花得最多的：${items}。\n（近 90 天共 ${yuan(f.spend90d)}；想看完整画像就说“我的画像”。）`
    : `${days}: ${p.orders} order${p.orders === 1 ? '' : 's'}, ${yuan(p.spend)} in total, ${yuan(p.spend / p.orders)} per order.\nMost spent on: ${items}.\n(${yuan(f.spend90d)} in the last 90 days; say "my profile" for the full picture.)`;
}

export function renderRecordPurchase(r: Any, l: Locale): string {
  if (r.status === 'needs_confirmation') return renderConfirmation(r, l);
  if (r.status === 'ambiguous') {
    const list = r.candidates.map((c: Any, i: number) => `${i + 1}. ${c.name}`).join('\n');
    return l === 'zh' ? `「${r.query}」是哪一个？\n${list}` : `Which "${r.query}" was it?\n${list}`;
  }
  return l === 'zh' ? `已记录：${r.product}，${r.shop}，${r.date}，共 ${yuan(r.total)}。你的画像和推荐会据此更新。` : `Recorded: ${r.product} at ${r.shop} on ${r.date}, ${yuan(r.total)} in total. Your profile and suggestions will take it into account.`;
}

export function renderFeedback(r: Any, l: Locale): string {
  if (r.status === 'needs_confirmation') return renderConfirmation(r, l);
  return l === 'zh' ? `好的，已记下你对「${r.product}」的评分 ${r.rating}/5，之后的推荐会据此调整。` : `Thanks, saved your ${r.rating}/5 for "${r.product}"; suggestions will adjust.`;
}

export function renderContactShop(r: Any, l: Locale): string {
  if (r.status === 'needs_confirmation') return renderConfirmation(r, l);
  const s = r.shop;
  if (r.status === 'sent') return l === 'zh' ? `已转给「${s.name}」的店主。店主回复后，我会在这里告诉你。` : `Sent to the owner of ${s.name}. When they reply, I will pass it on here.`;
  // Not reachable in a chat: where and when to find them.
  if (s.onlineOnly) return l === 'zh' ? `「${s.name}」的店主暂时不能在这里联系，请在这家网店的店铺页留言。` : `The owner of ${s.name} cannot be reached here yet; please leave a message on the shop's own page.`;
  return l === 'zh'
    ? `「${s.name}」的店主暂时不能在这里联系。可以到店里找他们：${s.address}，营业时间 ${s.openingHours}。`
    : `The owner of ${s.name} cannot be reached here yet. You can find them at the shop: ${s.address}, open ${s.openingHours}.`;
}

export function renderCredit(r: Any, l: Locale): string {
  const zh = l === 'zh';
  if (r.status === 'no_account') return zh ? '你还没有开通先用后付。' : 'You do not have a pay-later account.';
  const a = r.account;
  const lines = [
    zh ? `你的先用后付额度 ${yuan(a.limit)}，已用 ${yuan(a.used)}，可用 ${yuan(a.available)}。` : `Your pay-later limit is ${yuan(a.limit)}: ${yuan(a.used)} used, ${yuan(a.available)} available.`,
    r.nextBill ? (zh ? `下期账单 ${yuan(r.nextBill.amount)}，${r.nextBill.dueDate} 前还。` : `Next bill: ${yuan(r.nextBill.amount)}, due ${r.nextBill.dueDate}.`) : zh ? '目前没有待还账单。' : 'No bill due right now.',
  ];
  if (r.reminder) lines.push(`⚠️ ${r.reminder}`);
  lines.push(zh
    ? `模型估计你下期逾期的概率为 ${r.risk.probabilityLatePct}%，按规则下次评估额度为 ${yuan(r.risk.policyLimit)}。主要因素：${r.factors.map((f: Any) => `${f.factor}（${f.value}，${f.effect === 'raises_limit' ? '有利' : '不利'}）`).join('；')}。`
    : `The model puts the chance of your next bill being late at ${r.risk.probabilityLatePct}%, so at the next review your limit would be ${yuan(r.risk.policyLimit)}. Main factors: ${r.factors.map((f: Any) => `${f.factor} (${f.value}, ${f.effect === 'raises_limit' ? 'helps' : 'hurts'})`).join('; ')}.`);
  lines.push(zh
    ? `如果下期按时还：逾期概率 ${r.whatIf.onTime.probabilityLatePct}%，额度 ${yuan(r.whatIf.onTime.limit)}；如果晚还 15 天：${r.whatIf.late.probabilityLatePct}%，额度 ${yuan(r.whatIf.late.limit)}。`
    : `If you repay the next bill on time: ${r.whatIf.onTime.probabilityLatePct}% and a limit of ${yuan(r.whatIf.onTime.limit)}; 15 days late: ${r.whatIf.late.probabilityLatePct}% and ${yuan(r.whatIf.late.limit)}.`);
  lines.push(r.risk.policy);
  return lines.join('\n');
}

export function renderWealth(r: Any, l: Locale): string {
  const zh = l === 'zh';
  if (r.status === 'need_questionnaire') {
    return (zh ? '推荐理财前，需要先了解你的风险承受能力。请回答以下 4 题（例如回复“A C B D”）：\n' : 'Before suggesting any product I need your risk tolerance. Please answer these four (e.g. reply "A C B D"):\n') + r.questions.join('\n');
  }
  const lines = [zh ? `你的风险等级是 ${r.riskLevel}，只推荐不高于 ${r.riskLevel} 的产品${r.excludedAboveRisk ? `（已排除 ${r.excludedAboveRisk} 款更高风险的）` : ''}：` : `Your risk level is ${r.riskLevel}; only products at or below it${r.excludedAboveRisk ? ` (${r.excludedAboveRisk} riskier ones left out)` : ''}:`];
  if (!r.products.length) lines.push(zh ? '没有符合期限和流动性要求的产品。' : 'No product fits that horizon and liquidity need.');
  r.products.forEach((p: Any, i: number) => lines.push(zh
    ? `${i + 1}. ${p.name}（${p.riskLevel}，${p.liquidity === 'closed' ? `${p.termDays} 天封闭` : p.liquidity === 'T+0' ? '随时取' : 'T+1 到账'}，预期年化 ${p.expectedYieldPct}%，${yuan(p.minAmount)} 起）— ${p.description}`
    : `${i + 1}. ${p.name} (${p.riskLevel}, ${p.liquidity === 'closed' ? `locked for ${p.termDays} days` : p.liquidity === 'T+0' ? 'withdraw any time' : 'next-day withdrawal'}, ~${p.expectedYieldPct}% a year expected, from ${yuan(p.minAmount)}) — ${p.description}`));
  lines.push(r.note, r.disclosure);
  return lines.join('\n');
}

export function renderQuestionnaire(r: Any, l: Locale): string {
  if (r.status === 'invalid') return (l === 'zh' ? '没看懂你的答案，请按顺序回复 4 个字母，例如“A C B D”：\n' : 'I could not read four answers; please reply with four letters in order, e.g. "A C B D":\n') + r.questions.join('\n');
  return l === 'zh' ? `已保存：你的风险等级是 ${r.riskLevel}（得分 ${r.score}/16）。现在可以问我“适合我的理财”。` : `Saved: your risk level is ${r.riskLevel} (score ${r.score}/16). Ask me "which wealth products suit me?" now.`;
}

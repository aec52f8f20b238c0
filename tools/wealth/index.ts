// wealth_products: products matched to the shopper's risk tolerance — never above it (a hard rule) —
// and to their horizon and liquidity need; says an algorithm made the match and what the risks are.
// risk_questionnaire stores the risk level from the shopper's own answers.
import { z } from 'zod';
import { defineTool, shopperId, t, ToolError } from '../context.ts';
import { toYuan } from '../money.ts';
import { parseAnswers, QUESTIONS, riskLevel } from './questionnaire.ts';

const product = z.object({ code: z.string(), name: z.string(), riskLevel: z.string(), termDays: z.number(), liquidity: z.string(), expectedYieldPct: z.number(), minAmount: z.number(), description: z.string() });

export const wealthProducts = defineTool({
  name: 'wealth_products',
  example: { amount: 20000, horizonMonths: 12, needLiquidity: false },
  description: 'Wealth products suited to the calling shopper: never above their stored risk level (R1-R5), fitting their horizon (months) and whether they need to withdraw any time, and their amount. If their risk level is unknown, returns the questionnaire to ask first.',
  access: 'read',
  roles: ['shopper'],
  input: z.object({
    horizonMonths: z.number().int().min(0).max(600).optional().describe('How long the money can stay invested.'),
    needLiquidity: z.boolean().default(false).describe('True if they may need the money back any time.'),
    amount: z.number().positive().optional().describe('Amount to invest, CNY.'),
  }),
  output: z.discriminatedUnion('status', [
    z.object({ status: z.literal('need_questionnaire'), questions: z.array(z.string()) }),
    z.object({ status: z.literal('ok'), riskLevel: z.string(), products: z.array(product), excludedAboveRisk: z.number(), note: z.string(), disclosure: z.string() }),
  ]),
  async run(deps, ctx, args) {
    const customerId = shopperId(ctx);
    const customer = await deps.db.customer.findUnique({ where: { id: customerId } });
    if (!customer) throw new ToolError('not_found', 'unknown shopper');
    const level = customer.riskTolerance ? Number(customer.riskTolerance.slice(1)) : undefined;
    if (!level) return { status: 'need_questionnaire' as const, questions: QUESTIONS.map((q) => q[ctx.locale]) };
    const all = await deps.db.wealthProduct.findMany({ orderBy: [{ riskLevel: 'desc' }, { expectedYield: 'desc' }] });
    const suitable = all.filter((p) => p.riskLevel <= level); // suitability: never above their level
    const fits = suitable.filter((p) =>
      (!args.needLiquidity || p.liquidity !== 'closed') &&
      (args.horizonMonths === undefined || p.termDays <= args.horizonMonths * 30.5) &&
      (args.amount === undefined || p.minAmount <= args.amount * 100));
    // Savers who pay by debit get the full list; heavy pay-later users are reminded to repay first.
    const payments = await deps.db.order.groupBy({ by: ['paymentMethod'], where: { customerId: customer.id }, _count: true });
    const total = payments.reduce((s, p) => s + p._count, 0);
    const payLater = (payments.find((p) => p.paymentMethod === 'pay_later')?._count ?? 0) / (total || 1);
    const openBills = await deps.db.bill.count({ where: { account: { customerId: customer.id }, status: { in: ['open', 'overdue'] } } });
    const note = payLater > 0.5 && openBills
      ? t(ctx.locale, '你有未还的先用后付账单：先还清账单通常比投资更划算。', 'You have unpaid pay-later bills: repaying them first usually beats investing.')
      : t(ctx.locale, '按你的风险等级、期限和流动性需求匹配。', 'Matched to your risk level, horizon and liquidity need.');
    return {
      status: 'ok' as const,
      riskLevel: `R${level}`,
      products: fits.slice(0, 5).map((p) => ({ code: p.code, name: t(ctx.locale, p.nameZh, p.nameEn), riskLevel: `R${p.riskLevel}`, termDays: p.termDays, liquidity: p.liquidity, expectedYieldPct: p.expectedYield, minAmount: toYuan(p.minAmount), description: t(ctx.locale, p.descriptionZh, p.descriptionEn) })),
      excludedAboveRisk: all.length - suitable.length,
      note,
      disclosure: t(ctx.locale,
        '以上由算法根据你的风险等级匹配，仅供参考，不构成投资建议。理财非存款，产品有风险，投资需谨慎；预期收益不代表实际收益，净值可能下跌。',
        'An algorithm matched these to your risk level; this is information, not investment advice. Investments are not deposits: they carry risk, expected yields are not guaranteed, and values can fall.'),
    };
  },
});

export const riskQuestionnaire = defineTool({
  name: 'risk_questionnaire',
  example: { answers: 'A C B D' },
  description: 'Score the shopper\'s answers to the four risk questions (A-D each) and store their risk level R1-R5 on their profile. Pass the answers exactly as the shopper wrote them.',
  access: 'write',
  // The shopper's own answers (in their message this turn, checked in run) are the instruction: no second yes.
  needsConfirmation: false,
  roles: ['shopper'],
  input: z.object({ answers: z.string().max(200).describe('e.g. "A C B D"') }),
  output: z.discriminatedUnion('status', [
    z.object({ status: z.literal('invalid'), questions: z.array(z.string()) }),
    z.object({ status: z.literal('saved'), riskLevel: z.string(), score: z.number() }),
  ]),
  async run(deps, ctx, args) {
    const customerId = shopperId(ctx);
    // The level is stored from the shopper's own words this turn, never from what the model passes.
    const own = parseAnswers(ctx.userText ?? '');
    if (!own) {
      throw new ToolError('forbidden', t(ctx.locale, '风险测评的答案要由你自己在消息里给出（例如“A C B D”），我不能替你回答。', 'The risk questionnaire must be answered in your own message (e.g. "A C B D"); I cannot answer it for you.'));
    }
    const answers = parseAnswers(args.answers);
    if (answers && answers.join() !== own.join()) {
      throw new ToolError('forbidden', t(ctx.locale, '要保存的答案和你写的不一致，没有保存。请再发一次你的四个答案。', 'The answers to save differ from what you wrote, so nothing was saved. Please send your four answers again.'));
    }
    if (!answers) return { status: 'invalid' as const, questions: QUESTIONS.map((q) => q[ctx.locale]) };
    const level = riskLevel(answers);
    await deps.db.customer.update({ where: { id: customerId }, data: { riskTolerance: `R${level}` } });
    return { status: 'saved' as const, riskLevel: `R${level}`, score: answers.reduce((a, b) => a + b, 0) };
  },
});

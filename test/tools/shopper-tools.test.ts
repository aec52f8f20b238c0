import { describe, expect, it } from 'vitest';
import type { CallerContext } from '../../tools/context.ts';
import { creditLine } from '../../tools/credit-line/index.ts';
import { policyLimit } from '../../tools/credit-line/model.ts';
import { customerProfile } from '../../tools/customer-profile.ts';
import { recommend } from '../../tools/recommend/index.ts';
import { renderRecommend } from '../../prompts/replies/shopper-results.ts';
import { recordPurchase } from '../../tools/record-purchase.ts';
import { riskQuestionnaire, wealthProducts } from '../../tools/wealth/index.ts';
import { parseAnswers, riskLevel } from '../../tools/wealth/questionnaire.ts';
import { shopperAtCampus, useFixture } from '../helpers/deps.ts';
import { NOW } from '../helpers/fixture.ts';

const DAY = 86_400_000;
const fixture = useFixture(async (db) => {
  // Shopper 2 buys hand wash (product 3) every 14 days at shop B, and once laundry detergent.
  let id = 2000;
  for (let k = 1; k <= 8; k++) {
    await db.order.create({ data: { id: ++id, customerId: 2, shopId: 2, createdAt: new Date(NOW.getTime() - k * 14 * DAY + 3600_000), total: 1500, paymentMethod: 'pay_later', items: { create: [{ productId: 3, quantity: 1, unitPrice: 1500 }] } } });
  }
  await db.order.create({ data: { id: ++id, customerId: 2, shopId: 1, createdAt: new Date(NOW.getTime() - 40 * DAY), total: 4000, paymentMethod: 'debit_wallet', items: { create: [{ productId: 1, quantity: 1, unitPrice: 4000 }] } } });
  // Shopper 2's pay-later account: 6 bills, the last one 10 days overdue.
  const account = await db.creditAccount.create({ data: { customerId: 2, limit: 300_000, openedAt: new Date(NOW.getTime() - 400 * DAY), status: 'overdue' } });
  for (let m = 6; m >= 1; m--) {
    const due = new Date(NOW.getTime() - (m * 30 - 20) * DAY);
    const status = m === 1 ? 'overdue' : 'paid_on_time';
    await db.bill.create({ data: { accountId: account.id, periodStart: new Date(due.getTime() - 40 * DAY), periodEnd: new Date(due.getTime() - 10 * DAY), dueDate: due, amount: 5000, status, repayments: status === 'overdue' ? undefined : { create: [{ paidAt: new Date(due.getTime() - 2 * DAY), amount: 5000 }] } } });
  }
});
const emma: CallerContext = { caller: { role: 'shopper', customerId: 2 }, locale: 'en', location: shopperAtCampus.location, now: NOW };

describe('recommend', () => {
  it('puts the shopper\'s own rhythm item first, with the reason', async () => {
    const r: any = await recommend.run(fixture.deps, emma, recommend.input.parse({}));
    expect(r.items[0]).toMatchObject({ productId: 3, price: 15 });
    expect(r.items[0].reason.text).toMatch(/every 14 days \(8 times so far\)/);
  });
  it('respects category and budget, and needs a location for "near me"', async () => {
    const cheap: any = await recommend.run(fixture.deps, emma, recommend.input.parse({ budget: 20 }));
    expect(cheap.items.every((i: any) => i.price <= 20)).toBe(true);
    expect(await recommend.run(fixture.deps, { ...emma, location: undefined }, recommend.input.parse({ nearMe: true }))).toEqual({ status: 'need_location' });
  });
  it('narrows to a need said in words, and says so when nothing fits it instead of showing nothing', async () => {
    const plain: any = await recommend.run(fixture.deps, emma, recommend.input.parse({}));
    const named = plain.items[0].name.split(' ').slice(-2).join(' ');
    const fitting: any = await recommend.run(fixture.deps, emma, recommend.input.parse({ need: named }));
    expect(fitting.needUnmatched).toBeUndefined();
    expect(fitting.items.length).toBeGreaterThan(0);
    const none: any = await recommend.run(fixture.deps, emma, recommend.input.parse({ need: 'zzqx snorkel gear' }));
    expect(none.needUnmatched).toBe('zzqx snorkel gear');
    expect(none.items.map((i: any) => i.productId)).toEqual(plain.items.map((i: any) => i.productId));
    expect(renderRecommend(none, 'en')).toMatch(/Nothing matched "zzqx snorkel gear"/);
  });
  it('leaves out a category or brand the shopper does not want', async () => {
    const plain: any = await recommend.run(fixture.deps, emma, recommend.input.parse({}));
    const top = fixture.deps.products.get(plain.items[0].productId)!;
    const withoutCategory: any = await recommend.run(fixture.deps, emma, recommend.input.parse({ exclude: top.category === 'snacks' ? 'snacks' : top.category }));
    expect(withoutCategory.items.every((i: any) => fixture.deps.products.get(i.productId)!.category !== top.category)).toBe(true);
    const withoutBrand: any = await recommend.run(fixture.deps, emma, recommend.input.parse({ exclude: top.brand }));
    expect(withoutBrand.items.every((i: any) => fixture.deps.products.get(i.productId)!.brand !== top.brand)).toBe(true);
  });
  it('drops what the shopper said is not for them', async () => {
    await fixture.db.feedback.create({ data: { customerId: 2, productId: 3, rating: 1 } });
    const r: any = await recommend.run(fixture.deps, emma, recommend.input.parse({}));
    expect(r.items.map((i: any) => i.productId)).not.toContain(3);
    await fixture.db.feedback.deleteMany({});
  });
});

describe('customer_profile', () => {
  it('describes the shopper from their own purchases only', async () => {
    const r: any = await customerProfile.run(fixture.deps, emma, {});
    expect(r.facts.orders).toBe(9);
    expect(r.facts.topShops[0]).toEqual({ name: 'Shop B', visits: 8 });
    expect(r.model.nextPurchases[0].name).toBe('Blue Moon hand wash 500ml');
    expect(r.marketing.activity).toBe('active');
    expect(r.facts.payment[0]).toEqual({ method: 'pay_later', sharePct: 88.9 });
    expect(r.inPeriod).toBeUndefined();
  });
  it('counts the orders and spend of the period asked about, and what was bought most', async () => {
    const whole: any = await customerProfile.run(fixture.deps, emma, customerProfile.input.parse({ period: { from: '2000-01-01', to: '2099-12-31' } }));
    expect(whole.inPeriod.orders).toBe(whole.facts.orders);
    expect(whole.inPeriod.spend).toBeCloseTo(whole.facts.averageBasket * whole.facts.orders, 0);
    expect(whole.inPeriod.topItems.length).toBeGreaterThan(0);
    expect(whole.inPeriod.topItems[0].spend).toBeGreaterThanOrEqual(whole.inPeriod.topItems.at(-1).spend);
    const before: any = await customerProfile.run(fixture.deps, emma, customerProfile.input.parse({ period: { from: '2001-01-01', to: '2001-01-31' } }));
    expect(before.inPeriod).toMatchObject({ from: '2001-01-01', to: '2001-01-31', orders: 0, spend: 0, topItems: [] });
    await expect(customerProfile.run(fixture.deps, emma, customerProfile.input.parse({ period: { from: '2026-11-02', to: '2026-11-01' } }))).rejects.toThrow(/before it starts/);
  });
});

describe('credit_line', () => {
  it('shows limit, use and an overdue reminder, and never raises an overdue account', async () => {
    const r: any = await creditLine.run(fixture.deps, emma, {});
    expect(r.account).toMatchObject({ limit: 3000, used: 50, available: 2950, state: 'overdue', overdueAmount: 50 });
    expect(r.reminder).toContain('overdue');
    expect(r.risk.policyLimit).toBeLessThanOrEqual(3000);
    expect(r.whatIf.onTime.limit).toBeLessThanOrEqual(3000);
    expect(r.factors).toHaveLength(3);
  });
  it('maps probability to limit by the stated bands', () => {
    expect(policyLimit(0.03, 300_000)).toBe(450_000);
    expect(policyLimit(0.15, 300_000)).toBe(300_000);
    expect(policyLimit(0.5, 300_000)).toBe(120_000);
    expect(policyLimit(0.5, 60_000)).toBe(50_000); // floor ¥500
  });
  it('says so when there is no account', async () => {
    expect(await creditLine.run(fixture.deps, shopperAtCampus, {})).toEqual({ status: 'no_account' });
  });
});

describe('wealth products', () => {
  it('asks the questionnaire first, stores the level from the answers', async () => {
    const first: any = await wealthProducts.run(fixture.deps, emma, wealthProducts.input.parse({}));
    expect(first.status).toBe('need_questionnaire');
    expect(first.questions).toHaveLength(4);
    expect(parseAnswers('A c b D')).toEqual([1, 3, 2, 4]);
    expect(parseAnswers('abcd')).toEqual([1, 2, 3, 4]);
    expect(parseAnswers('maybe')).toBeUndefined();
    expect(riskLevel([1, 1, 1, 1])).toBe(1);
    expect(riskLevel([4, 4, 4, 4])).toBe(5);
    expect(await riskQuestionnaire.run(fixture.deps, { ...emma, userText: '我选 B B B B' }, { answers: 'B B B B' })).toEqual({ status: 'saved', riskLevel: 'R2', score: 8 });
  });

  it('stores a risk level only from the shopper\'s own answers in that message', async () => {
    await fixture.db.customer.update({ where: { id: 2 }, data: { riskTolerance: 'R2' } });
    // A model answering for the shopper, or changing their answers, is refused and nothing is stored.
    await expect(riskQuestionnaire.run(fixture.deps, { ...emma, userText: '适合我的理财' }, { answers: 'D D D D' })).rejects.toThrow(/自己|own message/);
    await expect(riskQuestionnaire.run(fixture.deps, { ...emma, userText: 'A A B A' }, { answers: 'D D D D' })).rejects.toThrow(/differ|不一致/);
    expect((await fixture.db.customer.findUnique({ where: { id: 2 } }))?.riskTolerance).toBe('R2');
  });

  it('never suggests a product above the shopper\'s risk level, for any level and options', async () => {
    for (let level = 1; level <= 5; level++) {
      await fixture.db.customer.update({ where: { id: 2 }, data: { riskTolerance: `R${level}` } });
      for (const args of [{}, { needLiquidity: true }, { horizonMonths: 3 }, { amount: 500 }]) {
        const r: any = await wealthProducts.run(fixture.deps, emma, wealthProducts.input.parse(args));
        expect(r.products.every((p: any) => Number(p.riskLevel.slice(1)) <= level)).toBe(true);
        if (args.needLiquidity) expect(r.products.every((p: any) => p.liquidity !== 'closed')).toBe(true);
      }
    }
    const r: any = await wealthProducts.run(fixture.deps, emma, wealthProducts.input.parse({}));
    expect(r.disclosure).toMatch(/not investment advice/);
    expect(r.note).toMatch(/repaying them first/); // pays mostly later and has unpaid bills
  });
});

describe('record_purchase', () => {
  const args = (a: Record<string, unknown>) => recordPurchase.input.parse(a);
  it('checks the shop sells it and the price is plausible, and never writes an Order', async () => {
    const orders = await fixture.db.order.count();
    // Shop D (id 3) does not sell hand wash; ¥150 is ten times shop B's ¥15; 30 pieces is too many.
    await expect(recordPurchase.run(fixture.deps, shopperAtCampus, args({ productId: 3, price: 15, shopId: 3 }))).rejects.toThrow(/不卖/);
    await expect(recordPurchase.run(fixture.deps, shopperAtCampus, args({ productId: 3, price: 150, shopId: 2 }))).rejects.toThrow(/差得太多/);
    await expect(recordPurchase.run(fixture.deps, shopperAtCampus, args({ productId: 3, price: 15, quantity: 30 }))).rejects.toThrow(/20/);
    await expect(recordPurchase.run(fixture.deps, shopperAtCampus, args({ productId: 3, price: 15, date: '2026-12-25' }))).rejects.toThrow(/将来/);
    const ok: any = await recordPurchase.run(fixture.deps, shopperAtCampus, args({ productId: 3, price: 14.5, quantity: 2 }));
    expect(ok).toMatchObject({ status: 'recorded', total: 29, shop: 'B店' });
    expect(await fixture.db.order.count()).toBe(orders);
    expect(await fixture.db.selfReportedPurchase.count({ where: { customerId: 1 } })).toBe(1);
  });

  it('picks the variant whose price fits what was paid, and asks when several fit as well', async () => {
    // Both laundry detergents match "洗衣液"; only Blue Moon is sold anywhere near ¥80 (shop D), so it is the one.
    const byPrice = await recordPurchase.preview!(fixture.deps, shopperAtCampus, args({ product: '洗衣液', price: 80 }));
    expect('text' in byPrice && byPrice.text).toMatch(/蓝月亮洗衣液/);
    const unclear = await recordPurchase.preview!(fixture.deps, shopperAtCampus, args({ product: '洗衣液', price: 40 }));
    expect('problem' in unclear && unclear.problem).toMatchObject({ status: 'ambiguous' });
  });

  it('keeps to the kind whose name has every word said, even when the search ranks another first', async () => {
    const liby = await recordPurchase.preview!(fixture.deps, shopperAtCampus, args({ product: '立白 洗衣液', price: 40 }));
    expect('text' in liby && liby.text).toMatch(/立白洗衣液/);
  });
});

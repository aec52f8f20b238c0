// 18+ months of shopping, reviews and pay-later repayments, simulated day by day (pure).
import { CATEGORY_KEYS, type Category } from '../../tools/catalogue/categories.ts';
import { categoryFactor, dateOfDay, describeDay, promoDiscount, visitFactor, type DayInfo } from './calendar.ts';
import { COMPLAINT_THEMES, MIXED, PRAISE } from './review-text.ts';
import type { Rng } from './rng.ts';
import type { GenOffer, GenProduct, GenShop } from './world-catalogue.ts';
import type { GenCustomer } from './world-people.ts';

export type GenOrder = { id: number; customerId: number; shopId: number; createdAt: Date; total: number; paymentMethod: string; status: string };
export type GenOrderItem = { id: number; orderId: number; productId: number; quantity: number; unitPrice: number };
export type GenReview = { id: number; shopId: number; customerId: number; orderId: number; productId: number; score: number; text: string; language: string; createdAt: Date };
export type GenCreditAccount = { id: number; customerId: number; limit: number; openedAt: Date; status: string };
export type GenBill = { id: number; accountId: number; periodStart: Date; periodEnd: Date; dueDate: Date; amount: number; status: string };
export type GenRepayment = { id: number; billId: number; paidAt: Date; amount: number };

const PAYMENTS = ['debit_wallet', 'pay_later', 'third_party'] as const;
const DAY = 86_400_000;

type ShopStock = { products: number[]; cumulative: number[]; price: Map<number, number> };

export function simulate(rng: Rng, opts: { startDay: number; endDay: number }, shops: GenShop[], products: GenProduct[], offers: GenOffer[], customers: GenCustomer[]) {
  const productById = new Map(products.map((p) => [p.id, p]));
  const stock = new Map<number, ShopStock>();
  for (const o of offers) {
    let s = stock.get(o.shopId);
    if (!s) stock.set(o.shopId, (s = { products: [], cumulative: [], price: new Map() }));
    s.products.push(o.productId);
    s.price.set(o.productId, o.price);
  }
  for (const s of stock.values()) {
    let total = 0;
    s.cumulative = s.products.map((id) => (total += 0.02 + productById.get(id)!.popularity));
  }
  const onlineByCategory = new Map<Category, number>();
  for (const s of shops) if (s.onlineOnly) onlineByCategory.set(s.category, s.id);
  const shopById = new Map(shops.map((s) => [s.id, s]));

  const orders: GenOrder[] = [];
  const items: GenOrderItem[] = [];
  const reviews: GenReview[] = [];
  const days: DayInfo[] = [];
  for (let d = opts.startDay; d <= opts.endDay; d++) days.push(describeDay(d));
  const years = (d: number) => (d - opts.endDay) / 365;

  const pickImpulse = (s: ShopStock, day: number): number => {
    for (let tries = 0; tries < 4; tries++) {
      const r = rng.next() * s.cumulative[s.cumulative.length - 1];
      let lo = 0;
      let hi = s.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (s.cumulative[mid] < r) lo = mid + 1;
        else hi = mid;
      }
      const p = productById.get(s.products[lo])!;
      // Trending products sell more over time, declining ones less (accept/reject on the trend).
      if (rng.next() < Math.exp(p.trend * years(day)) / 1.6) return p.id;
    }
    return s.products[Math.floor(rng.next() * s.products.length)];
  };

  for (const c of customers) {
    const isStudent = c.habit === 'student';
    const affinityKeys = CATEGORY_KEYS;
    for (let i = 0; i < days.length; i++) {
      const day = opts.startDay + i;
      const info = days[i];
      if (rng.next() >= c.visitRate * visitFactor(info, isStudent)) continue;

      // What is the trip for: an overdue regular purchase, else what they like in this season.
      const due = c.regulars.filter((r) => day - r.last >= r.cycle * rng.float(0.85, 1.1));
      const category = due.length
        ? productById.get(due[0].productId)!.category
        : rng.weighted(affinityKeys, affinityKeys.map((k) => c.categoryAffinity[k] * categoryFactor(k, info)));
      const choice = c.shopChoices.get(category);
      const online = onlineByCategory.get(category);
      const goOnline = online !== undefined && (rng.chance(c.onlineShare) || (info.doubleEleven === 2 && rng.chance(0.5)));
      const shopId = goOnline ? online! : choice && choice.shops.length ? rng.weighted(choice.shops, choice.weights) : online;
      if (shopId === undefined) continue;
      const s = stock.get(shopId);
      if (!s) continue;

      const basket = new Map<number, number>();
      for (const r of due) {
        if (s.price.has(r.productId)) {
          basket.set(r.productId, rng.chance(0.15) ? 2 : 1);
          r.last = day;
        }
      }
      const impulse = basket.size ? rng.poisson(0.9) : 1 + rng.poisson(1.3);
      for (let k = 0; k < impulse; k++) {
        const pid = pickImpulse(s, day);
        basket.set(pid, (basket.get(pid) ?? 0) + (rng.chance(0.12) ? 2 : 1));
      }
      if (!basket.size) continue;

      const discount = promoDiscount(info);
      const orderId = orders.length + 1;
      const createdAt = new Date(day * DAY + Math.floor(rng.float(0, 14) * 3600_000)); // UTC 00-14 = 08:00-22:00 Beijing time
      let total = 0;
      for (const [productId, quantity] of basket) {
        const unitPrice = Math.round((s.price.get(productId)! * discount) / 10) * 10;
        total += unitPrice * quantity;
        items.push({ id: items.length + 1, orderId, productId, quantity, unitPrice });
      }
      const paymentMethod = rng.weighted(PAYMENTS, c.payMix);
      const refunded = rng.chance(0.012);
      orders.push({ id: orderId, customerId: c.id, shopId, createdAt, total, paymentMethod, status: refunded ? 'refunded' : 'paid' });

      if (rng.chance(0.07)) {
        const shop = shopById.get(shopId)!;
        reviews.push(makeReview(rng, reviews.length + 1, shop, c, orderId, [...basket.keys()][0], new Date(createdAt.getTime() + rng.int(1, 72) * 3600_000)));
      }
    }
  }
  return { orders, items, reviews };
}

function makeReview(rng: Rng, id: number, shop: GenShop, c: GenCustomer, orderId: number, productId: number, createdAt: Date): GenReview {
  const lang = c.language;
  const score = Math.min(5, Math.max(1, Math.round(shop.quality + rng.normal(0, 0.9))));
  let text: string;
  if (score >= 4) {
    text = rng.pick(PRAISE[lang]);
  } else {
    // Complaints mostly hit this shop's own weak spots.
    const key = rng.chance(0.8) ? rng.pick(shop.weakThemes) : rng.pick(COMPLAINT_THEMES).key;
    const theme = COMPLAINT_THEMES.find((t) => t.key === key)!;
    const complaint = rng.pick(theme[lang]);
    text = score === 3 ? rng.pick(MIXED[lang]) + (lang === 'en' ? complaint.charAt(0).toLowerCase() + complaint.slice(1) : complaint) : complaint;
  }
  return { id, shopId: shop.id, customerId: c.id, orderId, productId, score, text, language: lang, createdAt };
}

/** Monthly pay-later bills from the pay-later orders; repayment behaviour from each shopper's reliability. */
export function simulateCredit(rng: Rng, customers: GenCustomer[], orders: GenOrder[], startDay: number, endDay: number) {
  const accounts: GenCreditAccount[] = [];
  const bills: GenBill[] = [];
  const repayments: GenRepayment[] = [];
  const spendByCustomerMonth = new Map<string, number>();
  for (const o of orders) {
    if (o.paymentMethod !== 'pay_later' || o.status !== 'paid') continue;
    const key = `${o.customerId}:${o.createdAt.toISOString().slice(0, 7)}`;
    spendByCustomerMonth.set(key, (spendByCustomerMonth.get(key) ?? 0) + o.total);
  }
  const end = dateOfDay(endDay);
  for (const c of customers) {
    if (!c.hasCredit) continue;
    const base = { student: 1500, family: 8000, bargain_hunter: 4000, brand_loyal: 12000, convenience: 6000 }[c.habit];
    const account: GenCreditAccount = { id: accounts.length + 1, customerId: c.id, limit: Math.round(base * rng.float(0.7, 1.5)) * 100, openedAt: dateOfDay(startDay - rng.int(0, 400)), status: 'active' };
    accounts.push(account);
    const mine: GenBill[] = [];
    let stress = 0;
    const start = dateOfDay(startDay);
    for (let m = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1)); m < end; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
      const amount = spendByCustomerMonth.get(`${c.id}:${m.toISOString().slice(0, 7)}`);
      if (!amount) continue;
      const periodEnd = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1) - 1);
      const dueDate = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 10, 15, 59, 59));
      const bill: GenBill = { id: bills.length + 1, accountId: account.id, periodStart: m, periodEnd, dueDate, amount, status: 'open' };
      bills.push(bill);
      mine.push(bill);
      // Repayment trouble comes in episodes: after a late bill the next few are more likely late too.
      const base = 0.03 + 0.45 * Math.pow(1 - c.reliability, 2);
      const pLate = stress > 0 ? Math.min(0.85, 3 * base + 0.15) : base;
      stress = Math.max(0, stress - 1);
      if (rng.chance(pLate * 0.25) && dueDate.getTime() > end.getTime() - 120 * DAY) {
        if (dueDate < end) bill.status = 'overdue'; // unpaid and past due
        continue;
      }
      const late = rng.chance(pLate);
      if (late) stress = 3;
      const paidAt = new Date(dueDate.getTime() + (late ? rng.int(1, 35) : -rng.int(0, 9)) * DAY - rng.int(0, 12) * 3600_000);
      if (paidAt > end) continue; // not paid yet: open (or overdue if due passed)
      bill.status = late ? 'paid_late' : 'paid_on_time';
      repayments.push({ id: repayments.length + 1, billId: bill.id, paidAt, amount });
    }
    for (const b of mine) if (b.status === 'open' && b.dueDate < end) b.status = 'overdue';
    if (mine.some((b) => b.status === 'overdue')) account.status = 'overdue';
  }
  return { accounts, bills, repayments };
}

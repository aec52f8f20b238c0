// restock_forecast's weekly demand is read once for a question and its follow-ups, and read again as soon as an
// order of those shops changes (a new one, or a paid one refunded).
import { describe, expect, it } from 'vitest';
import { weeklyUnits } from '../../tools/restock-forecast/demand-sql.ts';
import { useFixture } from '../helpers/deps.ts';
import { NOW } from '../helpers/fixture.ts';

const fixture = useFixture();
const since = new Date(NOW.getTime() - 104 * 7 * 86_400_000);
const unitsOf = (d: Awaited<ReturnType<typeof weeklyUnits>>, productId: number) => d.rows.filter((r) => r.productId === productId).reduce((n, r) => n + r.units, 0);

describe('weekly demand for restock', () => {
  it('is reused for a follow-up and read again when an order changes', async () => {
    const first = await weeklyUnits(fixture.db, [1, 2], since, NOW);
    expect(await weeklyUnits(fixture.db, [2, 1], since, new Date(NOW.getTime() + 1000))).toBe(first);
    const before = unitsOf(first, 3);
    const order = await fixture.db.order.create({ data: { id: 9901, customerId: 1, shopId: 2, createdAt: new Date(NOW.getTime() - 86_400_000), total: 4500, paymentMethod: 'debit_wallet', items: { create: [{ productId: 3, quantity: 3, unitPrice: 1500 }] } } });
    const after = await weeklyUnits(fixture.db, [1, 2], since, NOW);
    expect(unitsOf(after, 3)).toBe(before + 3);
    await fixture.db.order.update({ where: { id: order.id }, data: { status: 'refunded' } });
    expect(unitsOf(await weeklyUnits(fixture.db, [1, 2], since, NOW), 3)).toBe(before);
    // Another merchant's shops are their own question.
    expect(await weeklyUnits(fixture.db, [3], since, NOW)).not.toBe(first);
  });
});

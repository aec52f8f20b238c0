// Shoppers of the demo world and their habits (pure).
import { getDistance } from 'geolib';
import { CATEGORY_KEYS, type Category } from '../../tools/catalogue/categories.ts';
import { CAMPUS, HUBS } from './city.ts';
import type { Rng } from './rng.ts';
import type { GenProduct, GenShop } from './world-catalogue.ts';

export type Habit = 'bargain_hunter' | 'brand_loyal' | 'student' | 'family' | 'convenience';

export type GenCustomer = {
  id: number; displayName: string; ageBand: string; job: string; habit: Habit; homeLat: number; homeLng: number;
  riskTolerance: string | null; language: 'zh' | 'en';
  // hidden
  visitRate: number; categoryAffinity: Record<Category, number>; shopChoices: Map<Category, { shops: number[]; weights: number[] }>;
  regulars: { productId: number; cycle: number; last: number }[]; payMix: [number, number, number]; hasCredit: boolean; reliability: number;
  onlineShare: number;
};

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '丽', '婷', '宇', '浩', '欣', '晨', '悦'];
const EN_FIRST = ['Alex', 'Emma', 'Liam', 'Olivia', 'Noah', 'Sophia', 'Lucas', 'Mia', 'Ethan', 'Chloe', 'Daniel', 'Grace', 'Sam', 'Lily'];
const EN_LAST = ['Smith', 'Brown', 'Müller', 'Kim', 'Nguyen', 'Garcia', 'Rossi', 'Silva', 'Ivanov', 'Tanaka', 'Khan', 'Dubois'];

const HABITS: readonly Habit[] = ['bargain_hunter', 'brand_loyal', 'student', 'family', 'convenience'];
const PROFILE: Record<Habit, { weight: number; ages: string[]; jobs: string[]; rate: number; risk: string[]; likes: Partial<Record<Category, number>> }> = {
  student: { weight: 30, ages: ['18-24'], jobs: ['undergraduate', 'graduate student'], rate: 0.085, risk: ['R1', 'R2', 'R3'], likes: { snacks: 3, dining: 3, stationery: 2, books: 2, digital: 1.5, sports: 1.5 } },
  family: { weight: 20, ages: ['25-34', '35-44'], jobs: ['teacher', 'engineer', 'nurse', 'civil servant', 'accountant'], rate: 0.1, risk: ['R2', 'R3', 'R4'], likes: { fresh: 3, baby: 3, cleaning: 2.5, snacks: 1 } },
  bargain_hunter: { weight: 20, ages: ['25-34', '35-44', '45-54', '55+'], jobs: ['retiree', 'shop assistant', 'driver', 'clerk'], rate: 0.08, risk: ['R1', 'R2'], likes: { fresh: 2.5, cleaning: 2.5, snacks: 1.5 } },
  brand_loyal: { weight: 15, ages: ['25-34', '35-44'], jobs: ['product manager', 'designer', 'doctor', 'lawyer'], rate: 0.07, risk: ['R3', 'R4', 'R5'], likes: { beauty: 3, clothing: 2.5, digital: 2, sports: 1.5 } },
  convenience: { weight: 15, ages: ['18-24', '25-34'], jobs: ['programmer', 'sales', 'researcher', 'postdoc'], rate: 0.09, risk: ['R2', 'R3', 'R4'], likes: { dining: 3, snacks: 2.5, fresh: 1, digital: 1 } },
};

export function makeCustomers(rng: Rng, count: number, shops: GenShop[], products: GenProduct[]): GenCustomer[] {
  const customers: GenCustomer[] = [];
  const physical = shops.filter((s) => !s.onlineOnly);
  const consumables = products.filter((p) => p.cycle > 0);
  for (let id = 1; id <= count; id++) {
    const habit = rng.weighted(HABITS, HABITS.map((h) => PROFILE[h].weight));
    const profile = PROFILE[habit];
    const english = rng.chance(0.15);
    // Students live on campus; others around the neighbourhood hubs.
    const base = habit === 'student' ? CAMPUS : rng.pick(HUBS);
    const homeLat = base.lat + rng.normal(0, habit === 'student' ? 0.004 : 0.01);
    const homeLng = base.lng + rng.normal(0, habit === 'student' ? 0.004 : 0.012);
    const categoryAffinity = Object.fromEntries(CATEGORY_KEYS.map((c) => [c, (profile.likes[c] ?? 0.6) * rng.float(0.6, 1.4)])) as Record<Category, number>;

    // Where they shop per category: a few near shops, weighted by what this habit values.
    const shopChoices = new Map<Category, { shops: number[]; weights: number[] }>();
    for (const category of CATEGORY_KEYS) {
      const near = physical
        .filter((s) => s.category === category || (category !== 'dining' && s.category === 'cleaning' && ['snacks', 'fresh'].includes(category)))
        .map((s) => ({ s, d: getDistance({ latitude: homeLat, longitude: homeLng }, { latitude: s.lat, longitude: s.lng }) }))
        .sort((a, b) => a.d - b.d)
        .slice(0, 4);
      const weights = near.map(({ s, d }) => {
        const distance = 1 / (1 + d / 800);
        if (habit === 'bargain_hunter') return distance * Math.pow(1 / s.priceFactor, 6);
        if (habit === 'brand_loyal') return distance * Math.pow(s.quality, 2);
        if (habit === 'convenience') return Math.pow(distance, 3);
        return distance * Math.pow(1 / s.priceFactor, 2) * s.quality;
      });
      shopChoices.set(category, { shops: near.map((n) => n.s.id), weights });
    }

    // Regular purchases with their own rhythm; brand loyalists stick to one brand per item.
    const liked = consumables.filter((p) => categoryAffinity[p.category] > 1 || rng.chance(0.08));
    const favouriteBrand = rng.pick(products).brand;
    const regulars = rng.sample(liked, rng.int(4, 10)).map((p) => {
      const loyal = habit === 'brand_loyal' ? products.find((q) => q.itemKey === p.itemKey && q.brand === favouriteBrand) ?? p : p;
      const familyFactor = habit === 'family' ? 0.7 : habit === 'student' ? 1.2 : 1;
      const cycle = Math.max(3, Math.round(loyal.cycle * familyFactor * rng.float(0.75, 1.3)));
      return { productId: loyal.id, cycle, last: -rng.int(0, cycle) };
    });

    const hasCredit = rng.chance(habit === 'student' ? 0.7 : 0.45);
    customers.push({
      id, habit, language: english ? 'en' : 'zh',
      displayName: english ? `${rng.pick(EN_FIRST)} ${rng.pick(EN_LAST)}` : rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.5) ? rng.pick(GIVEN) : ''),
      ageBand: rng.pick(profile.ages), job: rng.pick(profile.jobs), homeLat: round6(homeLat), homeLng: round6(homeLng),
      riskTolerance: rng.chance(0.6) ? rng.pick(profile.risk) : null,
      visitRate: profile.rate * rng.float(0.6, 1.4), categoryAffinity, shopChoices, regulars,
      payMix: hasCredit ? [0.4, 0.35, 0.25] : [0.55, 0, 0.45],
      hasCredit, reliability: Math.min(1, Math.max(0, rng.normal(habit === 'bargain_hunter' ? 0.85 : habit === 'student' ? 0.65 : 0.78, 0.2))),
      onlineShare: rng.float(0.03, habit === 'student' || habit === 'brand_loyal' ? 0.25 : 0.1),
    });
  }
  return customers;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

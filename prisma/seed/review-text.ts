// Review phrases. Complaints cluster in themes per shop (each shop has one to three weak spots),
// so that mining review text later finds believable, shop-specific problems.
import type { Category } from '../../tools/catalogue/categories.ts';

export type Theme = { key: string; zh: readonly string[]; en: readonly string[]; only?: readonly Category[] };

export const COMPLAINT_THEMES: readonly Theme[] = [
  { key: 'long_queue', zh: ['排队太久了，收银台只开一个', '结账要等二十分钟', '人多的时候排队排到门口'], en: ['The checkout queue was far too long', 'Waited twenty minutes to pay', 'Only one till open, huge queue'] },
  { key: 'rude_staff', zh: ['店员态度很差，问个问题都不耐烦', '服务员爱答不理', '收银员态度冷淡'], en: ['Staff were rude and impatient', 'The staff ignored my questions', 'Unfriendly cashier'] },
  { key: 'not_fresh', zh: ['水果不新鲜，有烂的', '买的菜第二天就坏了', '肉闻着不太新鲜'], en: ['The fruit was not fresh, some was rotten', 'Vegetables went bad the next day', 'The meat did not smell fresh'], only: ['fresh', 'cleaning', 'dining', 'snacks'] },
  { key: 'out_of_stock', zh: ['经常缺货，想买的总是没有', '货架空了一半', '说有货结果没有'], en: ['Always out of stock', 'Half the shelves were empty', 'Listed as in stock but they had none'] },
  { key: 'overpriced', zh: ['价格比别家贵不少', '太贵了，同样的东西别处便宜很多', '标价和结账价格不一样'], en: ['Much more expensive than other shops', 'Overpriced, the same item is cheaper elsewhere', 'Shelf price and till price did not match'] },
  { key: 'damaged_packaging', zh: ['包装破损，瓶子漏了', '收到的时候盒子压坏了', '外包装脏兮兮的'], en: ['Packaging was damaged and leaking', 'The box arrived crushed', 'Dirty outer packaging'] },
  { key: 'slow_delivery', zh: ['配送太慢，等了两个小时', '外卖送到都凉了', '说好半小时送达结果迟到很久'], en: ['Delivery was very slow, two hours', 'Food arrived cold', 'Promised 30 minutes, came very late'] },
  { key: 'hygiene', zh: ['卫生条件差，桌子很脏', '吃出了头发', '餐具不干净'], en: ['Poor hygiene, dirty tables', 'Found a hair in my food', 'The cutlery was not clean'], only: ['dining'] },
  { key: 'authenticity', zh: ['怀疑是假货，和专柜的不一样', '没有防伪码，不放心', '用了过敏，不像正品'], en: ['Looks fake, not like the official counter', 'No anti-counterfeit code, not reassuring', 'Caused a reaction, may not be genuine'], only: ['beauty', 'digital', 'sports', 'baby'] },
  { key: 'sizing', zh: ['尺码偏小，穿不上', '颜色和图片差很多', '洗一次就缩水了'], en: ['Sizes run small', 'Colour is very different from the picture', 'Shrank after one wash'], only: ['clothing', 'sports'] },
  { key: 'quality', zh: ['质量一般，用两天就坏了', '做工粗糙', '充电宝用几次就充不进电'], en: ['Poor quality, broke after two days', 'Rough workmanship', 'Stopped charging after a few uses'], only: ['digital', 'stationery', 'clothing', 'sports', 'baby'] },
  { key: 'taste', zh: ['味道一般，偏咸', '分量太少了', '面是坨的'], en: ['Taste was mediocre, too salty', 'Portion too small', 'Noodles were soggy'], only: ['dining'] },
];

export const PRAISE: { zh: readonly string[]; en: readonly string[] } = {
  zh: ['东西不错，价格实惠', '店员很热情，下次还来', '货品齐全，很方便', '质量很好，物有所值', '离学校近，买东西方便', '新鲜又便宜', '包装完好，发货快'],
  en: ['Good products at fair prices', 'Friendly staff, will come again', 'Well stocked and convenient', 'Great quality, worth the money', 'Close to campus, very convenient', 'Fresh and cheap', 'Well packed and quick'],
};

export const MIXED: { zh: readonly string[]; en: readonly string[] } = {
  zh: ['还行吧，', '整体可以，但是', '一般，'],
  en: ['It was OK, but ', 'Mostly fine, however ', 'Average. '],
};

export function themesFor(category: Category): Theme[] {
  return COMPLAINT_THEMES.filter((t) => !t.only || t.only.includes(category));
}

// The shop/product categories, with the words shoppers use for them in zh and en.
export const CATEGORIES = {
  clothing: { zh: '服装', en: 'clothing', words: ['服装', '衣服', '穿的', '衣', 'clothes', 'clothing', 'apparel', 'wear'] },
  cleaning: { zh: '日用清洁', en: 'household cleaning', words: ['日用', '清洁', '洗洗涮涮', '洗洗刷刷', '洗刷', '家务', '家居清洁', '洗衣服用的', '打扫', 'cleaning', 'household', 'laundry stuff', 'detergent', 'cleaning supplies', 'cleaning products'] },
  fresh: { zh: '生鲜', en: 'fresh food', words: ['生鲜', '蔬菜', '水果', '肉', '菜', '新鲜的菜', '买菜', '菜啊肉', '菜和肉', '鸡鸭鱼肉', 'fresh', 'vegetables', 'fruit', 'groceries', 'grocery'] },
  digital: { zh: '数码', en: 'electronics', words: ['数码', '电子', '手机配件', 'electronics', 'digital', 'gadgets', 'tech', 'electronic'] },
  stationery: { zh: '文具', en: 'stationery', words: ['文具', '笔', '本子', '学习用品', '文化用品', '办公用品', 'stationery', 'pens', 'notebooks', 'school supplies', 'office supplies'] },
  beauty: { zh: '美妆', en: 'beauty', words: ['美妆', '化妆品', '护肤', '护肤品', '保养品', '保养', 'cosmetics', 'beauty', 'makeup', 'skincare', 'skin care'] },
  dining: { zh: '餐饮', en: 'food & dining', words: ['餐饮', '餐厅', '吃饭', '饭店', '外卖', 'restaurant', 'dining', 'eat', 'food'] },
  sports: { zh: '运动', en: 'sports', words: ['运动', '健身', '体育', 'sports', 'sport', 'fitness', 'gym'] },
  baby: { zh: '母婴', en: 'mother & baby', words: ['母婴', '婴儿', '宝宝', '孕妇', 'baby', 'infant', 'maternity'] },
  books: { zh: '图书', en: 'books', words: ['图书', '书店', '书', 'books', 'bookstore', 'book'] },
  snacks: { zh: '零食饮料', en: 'snacks & drinks', words: ['零食', '饮料', '喝的', '小吃', '零嘴', '小零食', 'snacks', 'drinks', 'beverages', 'snack', 'munchies', 'nibbles'] },
} as const;

export type Category = keyof typeof CATEGORIES;
export const CATEGORY_KEYS = Object.keys(CATEGORIES) as Category[];

export function categoryLabel(category: string, locale: 'zh' | 'en'): string {
  const entry = CATEGORIES[category as Category];
  return entry ? entry[locale] : category;
}

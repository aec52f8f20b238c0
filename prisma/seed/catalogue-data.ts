// Catalogue building blocks per category: brands, items (base price in yuan, typical repurchase
// cycle in days, 0 = not a repeat purchase) and variants (suffix, price multiplier).
import type { Category } from '../../tools/catalogue/categories.ts';

type Pair = readonly [string, string];
export type Variant = readonly [string, string, number];
export type Item = { zh: string; en: string; unit: Pair; price: number; cycle: number; variants: readonly Variant[] };
export type CategoryData = { brands: readonly Pair[]; items: readonly Item[]; lines?: readonly Variant[] };

/** Product lines multiply the catalogue: most brands sell a classic and a premium line. */
export const DEFAULT_LINES: readonly Variant[] = [['', '', 1], ['高端', 'Premium', 1.35]];

// English for the Chinese variant words (sizes like "2kg" read the same in both).
const VARIANT_EN: Record<string, string> = {
  入门: 'entry', 进阶: 'advanced', 专业: 'pro', 小号: 'small', 中号: 'medium', 大号: 'large', 单支: 'single', 单包: 'single pack', 单杯: 'single cup', 单本: 'single volume',
  单人: 'for one', 双人: 'for two', 全家桶: 'family bucket', 小份: 'small', 中份: 'medium', 大份: 'large', 小碗: 'small bowl', 大碗: 'large bowl', 加肉: 'extra meat',
  小盒: 'small box', 大盒: 'large box', 双拼: 'combo', 标准: 'standard', 标准版: 'standard', 降噪版: 'noise-cancelling', 快充版: 'fast-charge', 有线: 'wired', 无线: 'wireless',
  静音无线: 'silent wireless', 薄膜: 'membrane', 机械: 'mechanical', 无线机械: 'wireless mechanical', 透明: 'clear', 硅胶: 'silicone', 防摔: 'rugged', 迷你: 'mini',
  大容量: 'large capacity', 电脑包: 'laptop bag', 普通: 'basic', 函数: 'scientific', 考试专用: 'exam model', 加厚: 'thick', 省力: 'easy-press', 小块: 'small', 大块: 'large',
  彩色套装: 'colour set', 训练: 'training', 比赛: 'match', 轻便: 'light', 高景观: 'high-seat', 原味: 'plain', 高铁: 'iron-fortified', 果蔬: 'fruit & veg', 草莓: 'strawberry',
  香橙: 'orange', 两支装: 'twin pack', 两瓶装: 'twin pack', 两盒装: 'twin pack', 三支装: 'three-pack', 四支装: 'four-pack', 补充装: 'refill', 补充装1L: 'refill 1L',
  平装: 'paperback', 精装: 'hardcover', 套装: 'set', 四级: 'CET-4', 六级: 'CET-6', 考研: 'postgraduate', 数学: 'maths', 英语: 'English', 政治: 'politics', 算法: 'algorithms',
  新华字典: 'Xinhua', 现代汉语词典: 'Modern Chinese', 牛津双解: 'Oxford bilingual', 当期: 'current issue', 季度合订: 'quarterly bound', 年订: 'annual', 高数: 'calculus',
  线代: 'linear algebra', 概率论: 'probability', 正红: 'true red', 豆沙: 'rose', 橘调: 'orange', 象牙白: 'ivory', 自然色: 'natural', 小麦色: 'tan', 软毛: 'soft', 中毛: 'medium',
  番茄炒蛋: 'tomato & egg', 鱼香肉丝: 'yu-xiang pork', 宫保鸡丁: 'kung pao chicken', 中杯: 'medium', 大杯: 'large', 超大杯: 'extra large', 美式: 'americano', 拿铁: 'latte',
  生椰拿铁: 'coconut latte', 蛋炒饭: 'egg', 扬州炒饭: 'Yangzhou', 牛肉炒饭: 'beef', 三鲜: 'three delicacies', 每日坚果7袋: 'daily 7 packs', 礼盒: 'gift box', 分享装: 'sharing pack',
  单条: 'single bar', 盒装: 'boxed', 瓶装: 'bottled', 速溶30条: 'instant 30 sticks', 挂耳20包: 'drip 20 bags', 家庭装: 'family pack', 五连包: '5-pack', 整箱: 'case',
  '12桶整箱': 'case of 12', '15瓶整箱': 'case of 15', '24瓶整箱': 'case of 24', '6瓶装': '6-pack', 整箱12盒: 'case of 12', 半个: 'half', 小个: 'small', 大个: 'large',
  '五花肉500g': 'belly 500g', '里脊500g': 'loin 500g', '排骨500g': 'ribs 500g', 北豆腐: 'firm', 嫩豆腐: 'silken', 小把: 'small bunch', '礼盒5kg': 'gift box 5kg',
  '5册': '5 volumes', '10册': '10 volumes', '套装1-5': 'vols 1-5', 全集: 'complete', '5本装': '5-pack', '3本装': '3-pack', '12支装': '12-pack', '6色': '6 colours',
  '12色': '12 colours', '10个装': '10-pack', '5块装': '5-pack', '3筒装': '3 tubes', '5片': '5 sheets', '10片': '10 sheets', '20片': '20 sheets', '30颗': '30 pods', '52颗': '52 pods',
  '80颗': '80 pods', '10卷': '10 rolls', '20卷': '20 rolls', '30卷': '30 rolls', '6包': '6 packs', '12包': '12 packs', '24包': '24 packs', '10枚': '10 eggs', '20枚': '20 eggs',
  '30枚': '30 eggs', '4杯装': '4 cups', '8杯装': '8 cups', '1段': 'stage 1', '2段': 'stage 2', '3段': 'stage 3', 'S码': 'size S', 'M码': 'size M', 'L码': 'size L', '5包': '5 packs',
  '10包': '10 packs', 两根装: 'twin pack', NFC版: 'NFC edition', 小包: 'small pack', 大包: 'large pack', '0-6月': '0-6 months', '6-18月': '6-18 months', 两只装: 'twin pack', '12个': '12 pieces', '20个': '20 pieces', '30个': '30 pieces', '5号': 'size 5', '6号': 'size 6', '7号': 'size 7',
};
const en = (zh: string) => VARIANT_EN[zh] ?? zh;
const sizes = (a: string, b: string, c: string, m = [1, 1.8, 2.5]): Variant[] => [[a, en(a), m[0]], [b, en(b), m[1]], [c, en(c), m[2]]];
const colours: Variant[] = [['黑色', 'black', 1], ['白色', 'white', 1], ['藏青', 'navy', 1.05], ['灰色', 'grey', 1], ['卡其', 'khaki', 1.05]];
const item = (zh: string, en: string, unit: Pair, price: number, cycle: number, variants: readonly Variant[]): Item => ({ zh, en, unit, price, cycle, variants });

export const CATALOGUE: Record<Category, CategoryData> = {
  cleaning: {
    brands: [['蓝月亮', 'Blue Moon'], ['立白', 'Liby'], ['汰渍', 'Tide'], ['奥妙', 'OMO'], ['超能', 'Chaoneng'], ['威露士', 'Walch']],
    items: [
      item('洗衣液', 'laundry detergent', ['瓶', 'bottle'], 32, 35, sizes('1kg', '2kg', '3kg', [1, 1.7, 2.3])),
      item('洗衣粉', 'washing powder', ['袋', 'bag'], 18, 40, sizes('900g', '1.7kg', '2.5kg', [1, 1.6, 2.2])),
      item('洗洁精', 'dish soap', ['瓶', 'bottle'], 12, 30, sizes('500g', '1.1kg', '1.5kg', [1, 1.8, 2.3])),
      item('洗衣凝珠', 'laundry pods', ['盒', 'box'], 45, 45, sizes('30颗', '52颗', '80颗', [1, 1.6, 2.3])),
      item('消毒液', 'disinfectant', ['瓶', 'bottle'], 22, 60, sizes('500ml', '1L', '2L', [1, 1.7, 2.8])),
      item('洗手液', 'hand wash', ['瓶', 'bottle'], 15, 30, sizes('300ml', '500ml', '补充装1L', [1, 1.5, 2.2])),
      item('卫生纸', 'toilet paper', ['提', 'pack'], 28, 21, sizes('10卷', '20卷', '30卷', [1, 1.8, 2.6])),
      item('抽纸', 'facial tissue', ['提', 'pack'], 20, 25, sizes('6包', '12包', '24包', [1, 1.8, 3.3])),
      item('垃圾袋', 'garbage bags', ['卷', 'roll'], 9, 40, sizes('小号', '中号', '大号', [1, 1.3, 1.6])),
      item('马桶清洁剂', 'toilet cleaner', ['瓶', 'bottle'], 14, 50, sizes('500g', '750g', '两瓶装', [1, 1.3, 1.9])),
      item('柔顺剂', 'fabric softener', ['瓶', 'bottle'], 26, 45, sizes('1L', '2L', '3L', [1, 1.7, 2.4])),
      item('洗发水', 'shampoo', ['瓶', 'bottle'], 39, 40, sizes('400ml', '750ml', '1L', [1, 1.6, 2])),
      item('沐浴露', 'shower gel', ['瓶', 'bottle'], 35, 40, sizes('400ml', '750ml', '1L', [1, 1.6, 2])),
      item('牙膏', 'toothpaste', ['支', 'tube'], 12, 35, sizes('90g', '140g', '三支装', [1, 1.4, 2.6])),
      item('牙刷', 'toothbrush', ['支', 'piece'], 10, 75, sizes('软毛', '中毛', '四支装', [1, 1, 3])),
    ],
  },
  fresh: {
    brands: [['本地', 'Local'], ['佳沃', 'Joywing'], ['都乐', 'Dole'], ['盒马', 'Hema'], ['褚橙', 'Chu Orange'], ['光明', 'Bright']],
    items: [
      item('苹果', 'apples', ['斤', 'jin'], 8, 7, sizes('500g', '1.5kg', '礼盒5kg', [1, 2.8, 8.5])),
      item('香蕉', 'bananas', ['斤', 'jin'], 5, 6, sizes('500g', '1kg', '2kg', [1, 1.9, 3.6])),
      item('橙子', 'oranges', ['斤', 'jin'], 9, 8, sizes('500g', '2.5kg', '5kg', [1, 4.4, 8.2])),
      item('西瓜', 'watermelon', ['个', 'each'], 25, 10, sizes('半个', '小个', '大个', [0.55, 0.8, 1.3])),
      item('草莓', 'strawberries', ['盒', 'box'], 30, 10, sizes('250g', '500g', '1kg', [1, 1.9, 3.6])),
      item('鸡蛋', 'eggs', ['盒', 'box'], 12, 9, sizes('10枚', '20枚', '30枚', [1, 1.9, 2.7])),
      item('牛奶', 'milk', ['盒', 'carton'], 6, 5, sizes('250ml', '1L', '整箱12盒', [1, 2.6, 10.5])),
      item('酸奶', 'yogurt', ['杯', 'cup'], 5, 5, sizes('单杯', '4杯装', '8杯装', [1, 3.6, 6.8])),
      item('猪肉', 'pork', ['斤', 'jin'], 16, 6, sizes('五花肉500g', '里脊500g', '排骨500g', [1, 1.2, 1.5])),
      item('鸡胸肉', 'chicken breast', ['袋', 'bag'], 14, 7, sizes('500g', '1kg', '2kg', [1, 1.9, 3.6])),
      item('青菜', 'leafy greens', ['把', 'bunch'], 3, 4, sizes('小把', '500g', '1kg', [1, 1.5, 2.8])),
      item('西红柿', 'tomatoes', ['斤', 'jin'], 5, 6, sizes('500g', '1kg', '2kg', [1, 1.9, 3.6])),
      item('大米', 'rice', ['袋', 'bag'], 35, 30, sizes('2.5kg', '5kg', '10kg', [1, 1.9, 3.6])),
      item('三文鱼', 'salmon', ['盒', 'box'], 58, 20, sizes('200g', '400g', '1kg', [1, 1.9, 4.5])),
      item('豆腐', 'tofu', ['盒', 'box'], 4, 7, sizes('北豆腐', '嫩豆腐', '两盒装', [1, 1, 1.9])),
    ],
  },
  snacks: {
    brands: [['可口可乐', 'Coca-Cola'], ['农夫山泉', 'Nongfu Spring'], ['康师傅', 'Master Kong'], ['三只松鼠', 'Three Squirrels'], ['乐事', "Lay's"], ['元气森林', 'Genki Forest']],
    items: [
      item('矿泉水', 'mineral water', ['瓶', 'bottle'], 2, 4, sizes('550ml', '1.5L', '24瓶整箱', [1, 2, 11])),
      item('可乐', 'cola', ['瓶', 'bottle'], 3.5, 6, sizes('330ml', '500ml', '2L', [0.9, 1, 2.2])),
      item('气泡水', 'sparkling water', ['瓶', 'bottle'], 5, 6, sizes('480ml', '6瓶装', '15瓶整箱', [1, 5.5, 13])),
      item('方便面', 'instant noodles', ['包', 'pack'], 4, 10, sizes('单包', '五连包', '12桶整箱', [1, 4.5, 10])),
      item('薯片', 'potato chips', ['袋', 'bag'], 8, 10, sizes('70g', '135g', '家庭装', [1, 1.7, 3])),
      item('坚果', 'mixed nuts', ['袋', 'bag'], 30, 20, sizes('每日坚果7袋', '500g', '礼盒', [1, 2, 4])),
      item('饼干', 'biscuits', ['盒', 'box'], 10, 14, sizes('小盒', '大盒', '分享装', [1, 1.8, 3])),
      item('巧克力', 'chocolate', ['盒', 'box'], 18, 20, sizes('单条', '盒装', '礼盒', [0.5, 1, 3])),
      item('茶饮料', 'iced tea', ['瓶', 'bottle'], 4, 6, sizes('500ml', '1L', '15瓶整箱', [1, 1.8, 13])),
      item('咖啡', 'coffee', ['瓶', 'bottle'], 6, 5, sizes('瓶装', '速溶30条', '挂耳20包', [1, 6, 10])),
      item('牛肉干', 'beef jerky', ['袋', 'bag'], 25, 20, sizes('100g', '250g', '500g', [1, 2.3, 4.4])),
      item('果汁', 'fruit juice', ['瓶', 'bottle'], 6, 7, sizes('450ml', '1L', '2L', [1, 1.8, 3.2])),
      item('辣条', 'spicy gluten strips', ['包', 'pack'], 3, 8, sizes('小包', '大包', '整箱', [1, 2.5, 12])),
    ],
  },
  clothing: {
    lines: [['', '', 1]],
    brands: [['优衣库', 'Uniqlo'], ['海澜之家', 'HLA'], ['李宁', 'Li-Ning'], ['太平鸟', 'Peacebird'], ['森马', 'Semir'], ['ZARA', 'Zara']],
    items: [
      item('T恤', 'T-shirt', ['件', 'piece'], 79, 0, colours),
      item('衬衫', 'shirt', ['件', 'piece'], 149, 0, colours),
      item('牛仔裤', 'jeans', ['条', 'pair'], 199, 0, colours),
      item('羽绒服', 'down jacket', ['件', 'piece'], 599, 0, colours),
      item('卫衣', 'hoodie', ['件', 'piece'], 169, 0, colours),
      item('袜子', 'socks', ['双', 'pair'], 15, 60, colours),
      item('内衣', 'underwear', ['件', 'piece'], 49, 90, colours),
      item('毛衣', 'sweater', ['件', 'piece'], 259, 0, colours),
      item('运动裤', 'track pants', ['条', 'pair'], 129, 0, colours),
      item('外套', 'jacket', ['件', 'piece'], 399, 0, colours),
    ],
  },
  digital: {
    brands: [['小米', 'Xiaomi'], ['华为', 'Huawei'], ['苹果', 'Apple'], ['Anker', 'Anker'], ['绿联', 'Ugreen'], ['罗技', 'Logitech']],
    items: [
      item('充电宝', 'power bank', ['个', 'unit'], 129, 0, sizes('10000mAh', '20000mAh', '快充版', [1, 1.5, 1.8])),
      item('数据线', 'charging cable', ['根', 'cable'], 29, 180, sizes('1m', '2m', '两根装', [1, 1.3, 1.8])),
      item('充电器', 'charger', ['个', 'unit'], 79, 0, sizes('20W', '65W', '100W', [1, 1.9, 2.8])),
      item('蓝牙耳机', 'wireless earbuds', ['副', 'pair'], 299, 0, sizes('标准版', '降噪版', 'Pro', [1, 1.8, 3])),
      item('鼠标', 'mouse', ['个', 'unit'], 99, 0, sizes('有线', '无线', '静音无线', [0.6, 1, 1.3])),
      item('键盘', 'keyboard', ['个', 'unit'], 199, 0, sizes('薄膜', '机械', '无线机械', [0.6, 1.5, 2])),
      item('U盘', 'USB flash drive', ['个', 'unit'], 49, 0, sizes('64GB', '128GB', '256GB', [1, 1.6, 2.6])),
      item('手机壳', 'phone case', ['个', 'unit'], 39, 200, sizes('透明', '硅胶', '防摔', [1, 1.2, 1.6])),
      item('智能手环', 'fitness band', ['个', 'unit'], 249, 0, sizes('标准版', 'NFC版', 'Pro', [1, 1.2, 1.8])),
      item('音箱', 'speaker', ['个', 'unit'], 199, 0, sizes('迷你', '标准', '大号', [0.6, 1, 1.8])),
    ],
  },
  stationery: {
    brands: [['晨光', 'M&G'], ['得力', 'Deli'], ['百乐', 'Pilot'], ['国誉', 'Kokuyo'], ['斑马', 'Zebra'], ['齐心', 'Comix']],
    items: [
      item('中性笔', 'gel pen', ['支', 'pen'], 3, 20, sizes('0.5mm', '0.38mm', '12支装', [1, 1.1, 9])),
      item('笔记本', 'notebook', ['本', 'book'], 8, 30, sizes('A5', 'B5', '5本装', [1, 1.2, 4.2])),
      item('荧光笔', 'highlighter', ['支', 'pen'], 4, 60, sizes('单支', '6色', '12色', [1, 4.5, 8])),
      item('便利贴', 'sticky notes', ['本', 'pad'], 5, 45, sizes('小号', '大号', '彩色套装', [1, 1.4, 3])),
      item('文件夹', 'file folder', ['个', 'piece'], 6, 0, sizes('A4', '加厚', '10个装', [1, 1.5, 8])),
      item('订书机', 'stapler', ['个', 'piece'], 15, 0, sizes('小号', '标准', '省力', [0.8, 1, 1.6])),
      item('计算器', 'calculator', ['个', 'piece'], 45, 0, sizes('普通', '函数', '考试专用', [0.6, 1, 1.4])),
      item('橡皮', 'eraser', ['块', 'piece'], 2, 60, sizes('小块', '大块', '5块装', [1, 1.5, 4])),
      item('书包', 'backpack', ['个', 'piece'], 129, 0, sizes('标准', '大容量', '电脑包', [1, 1.3, 1.6])),
      item('错题本', 'exam workbook', ['本', 'book'], 6, 40, sizes('A5', 'B5', '3本装', [1, 1.2, 2.7])),
    ],
  },
  beauty: {
    brands: [['欧莱雅', "L'Oreal"], ['兰蔻', 'Lancome'], ['百雀羚', 'Pechoin'], ['完美日记', 'Perfect Diary'], ['资生堂', 'Shiseido'], ['珀莱雅', 'Proya']],
    items: [
      item('洗面奶', 'facial cleanser', ['支', 'tube'], 69, 45, sizes('100g', '150g', '两支装', [1, 1.3, 1.9])),
      item('面霜', 'face cream', ['瓶', 'jar'], 199, 60, sizes('30ml', '50ml', '套装', [1, 1.5, 2.4])),
      item('精华', 'serum', ['瓶', 'bottle'], 299, 60, sizes('30ml', '50ml', '100ml', [1, 1.5, 2.6])),
      item('口红', 'lipstick', ['支', 'stick'], 149, 90, sizes('正红', '豆沙', '橘调', [1, 1, 1])),
      item('防晒霜', 'sunscreen', ['支', 'tube'], 129, 60, sizes('40ml', '60ml', '两支装', [1, 1.4, 1.9])),
      item('面膜', 'face masks', ['盒', 'box'], 89, 30, sizes('5片', '10片', '20片', [1, 1.8, 3.3])),
      item('粉底液', 'foundation', ['瓶', 'bottle'], 259, 90, sizes('象牙白', '自然色', '小麦色', [1, 1, 1])),
      item('爽肤水', 'toner', ['瓶', 'bottle'], 119, 50, sizes('150ml', '200ml', '400ml', [1, 1.3, 2.2])),
      item('卸妆水', 'makeup remover', ['瓶', 'bottle'], 79, 45, sizes('200ml', '400ml', '两瓶装', [1, 1.7, 1.9])),
      item('眼霜', 'eye cream', ['瓶', 'jar'], 259, 75, sizes('15ml', '20ml', '套装', [1, 1.3, 2])),
    ],
  },
  dining: {
    brands: [['老乡鸡', 'Lao Xiang Ji'], ['蔡林记', 'Cai Lin Ji'], ['周黑鸭', 'Zhou Hei Ya'], ['喜茶', 'Heytea'], ['瑞幸', 'Luckin'], ['肯德基', 'KFC']],
    items: [
      item('热干面', 'hot dry noodles', ['份', 'serving'], 8, 5, sizes('小份', '中份', '大份', [0.8, 1, 1.3])),
      item('牛肉粉', 'beef rice noodles', ['碗', 'bowl'], 16, 7, sizes('小碗', '大碗', '加肉', [0.85, 1.1, 1.4])),
      item('盖浇饭', 'rice bowl', ['份', 'serving'], 18, 5, sizes('番茄炒蛋', '鱼香肉丝', '宫保鸡丁', [0.9, 1, 1.1])),
      item('奶茶', 'milk tea', ['杯', 'cup'], 15, 4, sizes('中杯', '大杯', '超大杯', [1, 1.2, 1.4])),
      item('咖啡', 'coffee to go', ['杯', 'cup'], 18, 3, sizes('美式', '拿铁', '生椰拿铁', [0.8, 1, 1.1])),
      item('鸭脖', 'braised duck neck', ['盒', 'box'], 30, 14, sizes('小盒', '大盒', '双拼', [0.7, 1, 1.6])),
      item('汉堡套餐', 'burger meal', ['份', 'meal'], 32, 10, sizes('单人', '双人', '全家桶', [1, 1.9, 3.2])),
      item('饺子', 'dumplings', ['份', 'serving'], 15, 7, sizes('12个', '20个', '30个', [0.8, 1.2, 1.7])),
      item('豆皮', 'tofu skin rice', ['份', 'serving'], 7, 6, sizes('小份', '大份', '三鲜', [0.9, 1.2, 1.4])),
      item('炒饭', 'fried rice', ['份', 'serving'], 14, 6, sizes('蛋炒饭', '扬州炒饭', '牛肉炒饭', [0.8, 1, 1.3])),
    ],
  },
  sports: {
    brands: [['耐克', 'Nike'], ['阿迪达斯', 'Adidas'], ['李宁', 'Li-Ning'], ['安踏', 'Anta'], ['迪卡侬', 'Decathlon'], ['尤尼克斯', 'Yonex']],
    items: [
      item('跑鞋', 'running shoes', ['双', 'pair'], 499, 0, colours),
      item('篮球', 'basketball', ['个', 'ball'], 159, 0, sizes('5号', '6号', '7号', [0.85, 0.95, 1])),
      item('羽毛球', 'shuttlecocks', ['筒', 'tube'], 65, 30, sizes('训练', '比赛', '3筒装', [0.8, 1, 2.6])),
      item('羽毛球拍', 'badminton racket', ['支', 'racket'], 299, 0, sizes('入门', '进阶', '专业', [0.5, 1, 2])),
      item('瑜伽垫', 'yoga mat', ['张', 'mat'], 89, 0, sizes('6mm', '8mm', '10mm', [1, 1.2, 1.4])),
      item('运动水壶', 'sports bottle', ['个', 'bottle'], 49, 0, sizes('500ml', '750ml', '1L', [1, 1.2, 1.4])),
      item('哑铃', 'dumbbells', ['对', 'pair'], 129, 0, sizes('5kg', '10kg', '20kg', [1, 1.7, 3])),
      item('运动袜', 'sports socks', ['双', 'pair'], 29, 60, colours),
      item('速干衣', 'training shirt', ['件', 'piece'], 149, 0, colours),
      item('护膝', 'knee support', ['对', 'pair'], 69, 0, sizes('S', 'M', 'L', [1, 1, 1])),
    ],
  },
  baby: {
    brands: [['帮宝适', 'Pampers'], ['花王', 'Merries'], ['飞鹤', 'Feihe'], ['爱他美', 'Aptamil'], ['贝亲', 'Pigeon'], ['好孩子', 'Goodbaby']],
    items: [
      item('纸尿裤', 'diapers', ['包', 'pack'], 99, 10, sizes('S码', 'M码', 'L码', [1, 1, 1.05])),
      item('奶粉', 'infant formula', ['罐', 'can'], 268, 14, sizes('1段', '2段', '3段', [1.05, 1, 0.95])),
      item('湿巾', 'baby wipes', ['包', 'pack'], 15, 10, sizes('单包', '5包', '10包', [1, 4.4, 8.5])),
      item('奶瓶', 'baby bottle', ['个', 'bottle'], 89, 0, sizes('160ml', '240ml', '330ml', [1, 1.1, 1.2])),
      item('婴儿洗衣液', 'baby detergent', ['瓶', 'bottle'], 39, 40, sizes('500ml', '1L', '补充装', [1, 1.7, 1.5])),
      item('辅食米粉', 'baby cereal', ['盒', 'box'], 49, 20, sizes('原味', '高铁', '果蔬', [1, 1.1, 1.1])),
      item('婴儿润肤霜', 'baby lotion', ['瓶', 'bottle'], 59, 45, sizes('50g', '100g', '200g', [1, 1.7, 2.9])),
      item('安抚奶嘴', 'pacifier', ['个', 'piece'], 45, 0, sizes('0-6月', '6-18月', '两只装', [1, 1, 1.8])),
      item('婴儿推车', 'stroller', ['辆', 'unit'], 899, 0, sizes('轻便', '标准', '高景观', [0.6, 1, 1.8])),
      item('儿童牙膏', 'kids toothpaste', ['支', 'tube'], 25, 45, sizes('草莓', '香橙', '两支装', [1, 1, 1.8])),
    ],
  },
  books: {
    brands: [['人民文学', "People's Literature"], ['中信出版', 'CITIC Press'], ['商务印书馆', 'Commercial Press'], ['新东方', 'New Oriental'], ['机械工业', 'China Machine Press'], ['读客', 'Dook']],
    items: [
      item('长篇小说', 'novel', ['本', 'book'], 45, 0, sizes('平装', '精装', '套装', [1, 1.5, 3])),
      item('英语词汇书', 'English vocabulary book', ['本', 'book'], 39, 0, sizes('四级', '六级', '考研', [1, 1, 1.2])),
      item('考研真题', 'postgraduate exam papers', ['套', 'set'], 59, 0, sizes('数学', '英语', '政治', [1, 1, 1])),
      item('编程教材', 'programming textbook', ['本', 'book'], 89, 0, sizes('Python', 'Java', '算法', [1, 1, 1.2])),
      item('字典', 'dictionary', ['本', 'book'], 49, 0, sizes('新华字典', '现代汉语词典', '牛津双解', [0.5, 1.8, 2.4])),
      item('绘本', 'picture book', ['本', 'book'], 35, 0, sizes('单本', '5册', '10册', [1, 4.2, 7.5])),
      item('漫画', 'comic book', ['本', 'book'], 25, 0, sizes('单本', '套装1-5', '全集', [1, 4.5, 12])),
      item('历史读物', 'history book', ['本', 'book'], 58, 0, sizes('平装', '精装', '套装', [1, 1.5, 3])),
      item('杂志', 'magazine', ['本', 'issue'], 15, 30, sizes('当期', '季度合订', '年订', [1, 2.8, 10])),
      item('教辅资料', 'study guide', ['本', 'book'], 32, 0, sizes('高数', '线代', '概率论', [1, 1, 1])),
    ],
  },
};

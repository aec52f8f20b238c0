// What shoppers say they need → the catalogue words for it. The offline text embedding has no model
// that knows "洗衣服用的" means detergent, so this small bilingual lexicon adds those words to the
// text before it is embedded (query expansion). Add a line when a query in bench/text-search.ts misses.
export const USAGE_LEXICON: readonly (readonly [triggers: string[], adds: string])[] = [
  [['洗衣服', '洗衣', '洗衣物', 'laundry', 'wash clothes', 'washing clothes'], '洗衣液 洗衣粉 洗衣凝珠 laundry detergent washing powder'],
  [['洗碗', 'dishes', 'dishwashing', 'wash up'], '洗洁精 dish soap'],
  [['洗头', 'wash hair', 'hair wash'], '洗发水 shampoo'],
  [['洗澡', 'shower', 'bath', 'body wash'], '沐浴露 香皂 shower gel soap'],
  [['刷牙', 'brush teeth', 'teeth', 'tooth'], '牙膏 牙刷 toothpaste toothbrush'],
  [['擦手', '擦嘴', 'wipe', 'tissue', 'tissues', 'napkin'], '纸巾 抽纸 湿巾 tissues wet wipes'],
  [['上厕所', 'toilet', 'loo'], '卷纸 卫生纸 toilet paper'],
  [['口渴', '解渴', 'thirsty', 'something to drink', 'drink'], '矿泉水 饮用水 饮料 water drink'],
  [['提神', '犯困', '熬夜', 'wake up', 'sleepy', 'caffeine', 'energy'], '咖啡 功能饮料 茶 coffee energy drink tea'],
  [['早饭', '早餐', 'breakfast'], '牛奶 面包 鸡蛋 燕麦 milk bread eggs oats'],
  [['饿', '零食', '解馋', 'hungry', 'snack', 'snacks', 'munchies'], '薯片 饼干 坚果 巧克力 chips biscuits nuts chocolate'],
  [['做饭', '炒菜', 'cook', 'cooking'], '食用油 酱油 大米 盐 cooking oil soy sauce rice salt'],
  [['感冒', '发烧', 'cold', 'flu', 'fever'], '感冒药 退烧 体温计 cold medicine thermometer'],
  [['头疼', '头痛', '止痛', 'headache', 'pain'], '布洛芬 止痛 ibuprofen painkiller'],
  [['受伤', '伤口', 'cut', 'wound', 'injury'], '创可贴 碘伏 band-aid plasters iodine'],
  [['防晒', '晒', 'sunburn', 'sun'], '防晒霜 sunscreen'],
  [['护肤', '保湿', '干皮', 'skin care', 'dry skin', 'moisturise', 'moisturize'], '面霜 乳液 面膜 cream lotion face mask'],
  [['宝宝', '婴儿', '孩子', 'baby', 'infant', 'toddler'], '婴儿 奶粉 纸尿裤 baby formula diapers'],
  [['跑步', '健身', '运动', 'running', 'workout', 'gym', 'exercise'], '运动鞋 跑鞋 运动 running shoes sportswear'],
  [['下雨', '雨天', 'rain', 'raining'], '雨伞 雨衣 umbrella raincoat'],
  [['充电', '没电', 'charge', 'charging', 'battery'], '充电器 数据线 充电宝 charger cable power bank'],
  [['听歌', '听音乐', 'music', 'listen'], '耳机 headphones earphones'],
  [['写字', '上课', '考试', 'study', 'school', 'exam', 'write'], '笔 笔记本 文具 pen notebook stationery'],
  [['水果', '维生素', 'fruit', 'vitamin'], '苹果 香蕉 橙子 apple banana orange'],
  [['蔬菜', '青菜', 'vegetables', 'veg', 'greens'], '青菜 白菜 西红柿 vegetables cabbage tomato'],
  [['生日', 'birthday', 'cake'], '蛋糕 cake'],
  [['尿不湿', '尿布', 'nappy', 'nappies', 'diaper'], '纸尿裤 diapers'],
  [['奶粉', 'milk powder', 'formula'], '奶粉 infant formula'],
  [['crisps', 'crisp'], '薯片 potato chips'],
  [['fizzy', 'soda water', 'bubbly'], '气泡水 sparkling water'],
  [['sun cream', 'suncream', 'sunblock', 'spf'], '防晒霜 sunscreen'],
  [['earphones', 'earphone', 'headphones', 'headset', '耳机'], '蓝牙耳机 wireless earbuds'],
  [['冬天', '保暖', '厚衣服', 'winter', 'warm coat', 'cold weather'], '羽绒服 毛衣 外套 down jacket sweater jacket'],
  [['考研', 'postgraduate', 'grad school'], '考研真题 英语词汇书 教辅资料 exam papers vocabulary'],
  [['vocab', 'vocabulary', '单词', '背单词'], '英语词汇书 English vocabulary book'],
  [['宠物', '猫', '狗', 'pet', 'cat', 'dog'], '猫粮 狗粮 宠物 cat food dog food pet'],
];

/** The text plus the catalogue words its usage phrases point to. */
export function expandUsage(text: string): string {
  const lower = text.toLowerCase();
  const adds = USAGE_LEXICON.filter(([triggers]) => triggers.some((t) => (/^[a-z]/.test(t) ? new RegExp(`\\b${t}\\b`).test(lower) : lower.includes(t)))).map(([, add]) => add);
  return adds.length ? `${text} ${adds.join(' ')}` : text;
}

// Everyday names for goods → the catalogue's own item words: "coke" is the catalogue's cola, "nappies" its diapers,
// "卷纸" its 卫生纸. Product search reads a query with these put in (so "coke 3.5" finds cola), and the planner's phrase
// reader counts them as goods words. Only names of the same item go here; what a need points to ("洗衣服用的" →
// detergent) is the usage lexicon's job (usage-lexicon.ts).
export const GOODS_WORDS: readonly (readonly [said: string[], catalogue: string])[] = [
  // drinks and snacks
  [['coke', 'soda pop', 'fizzy drink', 'soft drink', '汽水', '快乐水', '肥宅快乐水', '碳酸饮料'], 'cola 可乐'],
  [['soda water', 'seltzer', 'fizzy water', '苏打水'], 'sparkling water 气泡水'],
  [['bottled water', 'still water', '纯净水', '瓶装水', '饮用水'], 'mineral water 矿泉水'],
  [['crisps', 'chips'], 'potato chips 薯片'],
  [['cookies', 'cookie', '曲奇'], 'biscuits 饼干'],
  [['ramen', 'cup noodles', 'pot noodle', 'pot noodles', '泡面', '杯面', '速食面'], 'instant noodles 方便面'],
  [['nuts', '干果'], 'mixed nuts 坚果'],
  [['jerky'], 'beef jerky 牛肉干'],
  [['juice'], 'fruit juice 果汁'],
  [['yoghurt', 'yogurts', '优酪乳'], 'yogurt 酸奶'],
  [['latte', 'americano', 'cappuccino'], 'coffee 咖啡'],
  [['bubble tea', 'boba', 'boba tea', '珍珠奶茶'], 'milk tea 奶茶'],
  [['veggies', 'vegetables', 'greens', '蔬菜', '小白菜'], 'leafy greens 青菜'],
  [['番茄', 'tomato'], 'tomatoes 西红柿'],
  [['鸡胸'], 'chicken breast 鸡胸肉'],
  // household
  [['loo roll', 'toilet roll', 'toilet rolls', 'bog roll', 'tp', '卷纸', '厕纸', '手纸', '卫生卷纸'], 'toilet paper 卫生纸'],
  [['tissues', 'tissue', 'kleenex', 'napkins', '纸巾', '面巾纸', '餐巾纸'], 'facial tissue 抽纸'],
  [['bin bags', 'bin bag', 'trash bags', 'trash bag', 'rubbish bags', '垃圾袋子'], 'garbage bags 垃圾袋'],
  [['washing up liquid', 'dish liquid', 'dishwashing liquid', 'dish detergent', '洗碗液', '洗洁灵'], 'dish soap 洗洁精'],
  [['laundry liquid', 'laundry soap', 'washing liquid', '洗衣水'], 'laundry detergent 洗衣液'],
  [['body wash', '沐浴液', '沐浴乳'], 'shower gel 沐浴露'],
  [['洗发露', '洗发液'], 'shampoo 洗发水'],
  [['softener', '衣物柔顺剂'], 'fabric softener 柔顺剂'],
  [['bleach', '84消毒液'], 'disinfectant 消毒液'],
  // beauty
  [['moisturiser', 'moisturizer', 'moisturising cream', '乳液'], 'face cream 面霜'],
  [['face wash', 'cleanser', '洁面乳', '洁面', '洗脸奶'], 'facial cleanser 洗面奶'],
  [['sun cream', 'suncream', 'sunblock', 'spf', '防晒乳', '防晒'], 'sunscreen 防晒霜'],
  [['lip stick', 'lippy', '唇膏'], 'lipstick 口红'],
  [['sheet masks', 'sheet mask', 'face mask'], 'face masks 面膜'],
  [['卸妆油', '卸妆液'], 'makeup remover 卸妆水'],
  // digital
  [['earphones', 'earphone', 'headphones', 'headphone', 'earbuds', 'airpods', 'headset', '耳机', '无线耳机'], 'wireless earbuds 蓝牙耳机'],
  [['portable charger', 'battery pack', 'powerbank', 'power-bank', '移动电源'], 'power bank 充电宝'],
  [['usb cable', 'charging cord', 'lightning cable', 'type-c cable', 'type c cable', 'phone cable', '充电线'], 'charging cable 数据线'],
  [['charging plug', 'wall charger', 'phone charger', '充电头', '充电插头'], 'charger 充电器'],
  [['usb stick', 'thumb drive', 'pen drive', 'flash drive', 'memory stick', '优盘'], 'USB flash drive U盘'],
  [['fitness tracker', 'smart band', 'smartband', '手环', '运动手环'], 'fitness band 智能手环'],
  [['bluetooth speaker', '蓝牙音箱', '音响'], 'speaker 音箱'],
  [['手机套', '保护壳'], 'phone case 手机壳'],
  // stationery and books
  [['pen', 'pens', 'biro', 'ballpoint', '签字笔', '水笔', '黑笔'], 'gel pen 中性笔'],
  [['post-its', 'post-it', 'post its', 'post it notes', '便签', '便签纸'], 'sticky notes 便利贴'],
  [['rucksack', 'schoolbag', 'school bag', 'bookbag', '双肩包'], 'backpack 书包'],
  [['本子', '笔记本子'], 'notebook 笔记本'],
  [['comics', 'manga', '漫画书'], 'comic book 漫画'],
  // clothing and sports
  [['tee', 'tees', 'tshirt', 't shirt', 'tee shirt', '短袖'], 'T-shirt T恤'],
  [['jumper', 'pullover', '针织衫', '毛线衣'], 'sweater 毛衣'],
  [['puffer jacket', 'puffer', 'parka', '羽绒衣'], 'down jacket 羽绒服'],
  [['joggers', 'sweatpants', 'trackies', 'tracksuit bottoms'], 'track pants 运动裤'],
  // 裤子 / trousers: the catalogue's two kinds of trousers, either of which a shopper who says it may mean.
  [['裤子', '长裤', 'trousers', 'pants'], 'jeans 牛仔裤 track pants 运动裤'],
  [['undies', 'boxers', 'briefs', 'knickers', '内裤'], 'underwear 内衣'],
  [['trainers', 'sneakers', 'runners', 'running trainers', '运动鞋', '跑步鞋'], 'running shoes 跑鞋'],
  [['racket', 'racquet', 'badminton racquet', '球拍'], 'badminton racket 羽毛球拍'],
  [['water bottle', '水壶', '水杯'], 'sports bottle 运动水壶'],
  [['knee pad', 'knee pads', 'knee brace', '护膝套'], 'knee support 护膝'],
  [['yoga mats', '瑜珈垫'], 'yoga mat 瑜伽垫'],
  // baby
  [['nappies', 'nappy', 'diaper', '尿不湿', '尿布'], 'diapers 纸尿裤'],
  [['formula', 'baby formula', 'milk powder', '婴儿奶粉'], 'infant formula 奶粉'],
  [['wet wipes', 'wipes', '湿纸巾'], 'baby wipes 湿巾'],
  [['dummy', 'soother', '奶嘴'], 'pacifier 安抚奶嘴'],
  [['pram', 'pushchair', 'buggy', '推车', '童车'], 'stroller 婴儿推车'],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first, so "wet wipes" is read before "wipes" and "湿纸巾" before "纸巾"; Latin words whole, Chinese anywhere.
const FORMS = GOODS_WORDS.flatMap(([said, to]) => said.map((s) => [s, to] as const)).sort((a, b) => b[0].length - a[0].length);
const PATTERN = new RegExp(FORMS.map(([s]) => (/^[a-z]/i.test(s) ? `(?<![a-z])${escape(s)}(?![a-z])` : escape(s))).join('|'), 'gi');
const TO = new Map(FORMS.map(([s, to]) => [s.toLowerCase(), to]));

/** The catalogue's own Chinese words among the targets: a name inside one of them ("耳机" of "蓝牙耳机") is left alone. */
const CATALOGUE_ZH = [...new Set(GOODS_WORDS.flatMap(([, to]) => to.match(/\p{Script=Han}[\p{Script=Han}A-Za-z]*/gu) ?? []))];

/** The text with everyday goods names put in the catalogue's words ("coke 3.5" → "cola 可乐 3.5"). */
export function inCatalogueWords(text: string): string {
  let kept: [number, number][] | undefined; // where the catalogue's own words stand, found at the first name only
  const out = text.replace(PATTERN, (m, at: number) => {
    kept ??= CATALOGUE_ZH.flatMap((w) => [...text.matchAll(new RegExp(escape(w), 'g'))].map((x): [number, number] => [x.index!, x.index! + w.length]));
    return kept.some(([a, b]) => at >= a && at + m.length <= b) ? m : ` ${TO.get(m.toLowerCase()) ?? m} `;
  });
  return out === text ? text : out.replace(/ {2,}/g, ' ').trim();
}

/** Every everyday name, lower case (goods words for the phrase reader). */
export const EVERYDAY_GOODS_NAMES: readonly string[] = FORMS.map(([s]) => s.toLowerCase());

// A city around Wuhan University (武汉大学): neighbourhood hubs, roads and shop names.
import type { Category } from '../../tools/catalogue/categories.ts';

export const CAMPUS = { lat: 30.5405, lng: 114.362, nameZh: '武汉大学', nameEn: 'Wuhan University' };

type Hub = { zh: string; en: string; lat: number; lng: number; roads: readonly (readonly [string, string])[]; weight: number };
export const HUBS: readonly Hub[] = [
  { zh: '街道口', en: 'Jiedaokou', lat: 30.5275, lng: 114.3537, roads: [['珞喻路', 'Luoyu Rd'], ['武珞路', 'Wuluo Rd']], weight: 5 },
  { zh: '广埠屯', en: 'Guangbutun', lat: 30.5245, lng: 114.365, roads: [['珞喻路', 'Luoyu Rd'], ['珞狮路', 'Luoshi Rd']], weight: 4 },
  { zh: '珞珈山', en: 'Luojiashan', lat: 30.5405, lng: 114.362, roads: [['八一路', 'Bayi Rd'], ['珞珈山路', 'Luojiashan Rd']], weight: 4 },
  { zh: '光谷广场', en: 'Optics Valley Sq.', lat: 30.505, lng: 114.398, roads: [['珞喻路', 'Luoyu Rd'], ['鲁磨路', 'Lumo Rd']], weight: 5 },
  { zh: '中南路', en: 'Zhongnan Rd', lat: 30.538, lng: 114.33, roads: [['中南路', 'Zhongnan Rd'], ['中北路', 'Zhongbei Rd']], weight: 3 },
  { zh: '楚河汉街', en: 'Chuhe Hanjie', lat: 30.556, lng: 114.34, roads: [['汉街', 'Han St'], ['公正路', 'Gongzheng Rd']], weight: 3 },
  { zh: '东湖', en: 'East Lake', lat: 30.554, lng: 114.38, roads: [['东湖路', 'Donghu Rd'], ['沿湖大道', 'Yanhu Ave']], weight: 2 },
  { zh: '鲁巷', en: 'Luxiang', lat: 30.501, lng: 114.41, roads: [['民族大道', 'Minzu Ave'], ['虎泉街', 'Huquan St']], weight: 3 },
  { zh: '卓刀泉', en: 'Zhuodaoquan', lat: 30.512, lng: 114.38, roads: [['卓刀泉路', 'Zhuodaoquan Rd'], ['雄楚大道', 'Xiongchu Ave']], weight: 3 },
  { zh: '洪山广场', en: 'Hongshan Sq.', lat: 30.543, lng: 114.334, roads: [['武珞路', 'Wuluo Rd'], ['中北路', 'Zhongbei Rd']], weight: 2 },
];

// How many shops of each category the city has, and how shoppers name such a shop.
export const SHOP_MIX: Record<Category, { count: number; suffix: readonly [string, string]; also: readonly Category[] }> = {
  cleaning: { count: 35, suffix: ['超市', 'Supermarket'], also: ['snacks', 'fresh'] },
  snacks: { count: 45, suffix: ['便利店', 'Convenience Store'], also: ['cleaning'] },
  fresh: { count: 38, suffix: ['生鲜店', 'Fresh Market'], also: [] },
  dining: { count: 45, suffix: ['餐厅', 'Eatery'], also: [] },
  clothing: { count: 28, suffix: ['服饰', 'Fashion'], also: [] },
  digital: { count: 24, suffix: ['数码', 'Digital'], also: [] },
  stationery: { count: 22, suffix: ['文具店', 'Stationery'], also: ['books'] },
  beauty: { count: 20, suffix: ['美妆', 'Beauty'], also: [] },
  sports: { count: 16, suffix: ['运动', 'Sports'], also: [] },
  baby: { count: 16, suffix: ['母婴店', 'Baby Store'], also: [] },
  books: { count: 16, suffix: ['书店', 'Books'], also: ['stationery'] },
};

export const ONLINE_SHOPS: readonly { zh: string; en: string; category: Category; host: string }[] = [
  { zh: '京选自营旗舰店', en: 'JingXuan Official Store', category: 'digital', host: 'jingxuan.example' },
  { zh: '京选日用旗舰店', en: 'JingXuan Home Store', category: 'cleaning', host: 'jingxuan.example' },
  { zh: '淘优选美妆店', en: 'TaoYouXuan Beauty', category: 'beauty', host: 'taoyouxuan.example' },
  { zh: '多多省零食店', en: 'DuoDuo Snacks', category: 'snacks', host: 'duoduo.example' },
  { zh: '当当书城', en: 'DangDang Books', category: 'books', host: 'dangdang.example' },
  { zh: '叮咚鲜送', en: 'DingDong Fresh', category: 'fresh', host: 'dingdong.example' },
  { zh: '宝贝屋旗舰店', en: 'BabyHouse Official', category: 'baby', host: 'babyhouse.example' },
  { zh: '动起来运动专营', en: 'GoActive Sports', category: 'sports', host: 'goactive.example' },
];

export const NAME_PREFIXES: readonly (readonly [string, string])[] = [
  ['好邻居', 'Good Neighbour'], ['惠民', 'Huimin'], ['优品', 'Youpin'], ['鲜丰', 'Xianfeng'], ['阳光', 'Sunshine'], ['百佳', 'Baijia'],
  ['万家', 'Wanjia'], ['中百', 'Zhongbai'], ['家家乐', 'Jiajiale'], ['乐购', 'Legou'], ['美宜佳', 'Meiyijia'], ['今天', 'Today'],
  ['珞珈', 'Luojia'], ['东湖', 'Donghu'], ['楚天', 'Chutian'], ['江城', 'Jiangcheng'], ['汉味', 'Hanwei'], ['小桔', 'Little Orange'],
  ['青柠', 'Lime'], ['星河', 'Galaxy'], ['晨曦', 'Dawn'], ['知行', 'Zhixing'], ['博雅', 'Boya'], ['樱园', 'Sakura Garden'],
  ['桂园', 'Osmanthus'], ['枫叶', 'Maple'], ['南湖', 'Nanhu'], ['金秋', 'Golden Autumn'], ['大拇指', 'Thumbs Up'], ['小确幸', 'Little Joy'],
];

export const OPENING_HOURS = ['07:00-23:00', '08:00-22:00', '09:00-21:30', '10:00-22:00', '00:00-24:00', '06:30-20:00', '10:00-21:00'];

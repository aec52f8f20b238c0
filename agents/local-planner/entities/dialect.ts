// Cantonese and Beijing speech, a little Japanese, and full-width characters, read as the Mandarin the planner knows: "琴日三间铺做咗几多生意"
// → "昨天三家店做了多少生意", "廿蚊以内有冇" → "二十块以内有没有", "甭给我推洗衣液" → "不用给我推洗衣液", "１１月２５日" → "11月25日".
// No library maps Cantonese words to Mandarin ones offline (OpenCC converts characters, not words), so this is a table of
// our own; each entry is a whole word or has the context that keeps Mandarin words ("关系", "联系", "度假") as they are.
// Only what the understanding reads changes: the stored message stays as the user wrote it.
import { normaliseWidth } from './numbers.ts';

/** Full-width digits, Latin letters and the signs of numbers (１２．５％) as ASCII; full-width CJK punctuation stays. */
export const halfWidth = (text: string): string => normaliseWidth(text, true);

const NUMBER = '[\\d一二两三四五六七八九十百廿卅几]';

const CANTONESE: [RegExp, string][] = [
  // Days and years.
  [/琴日|寻日|琴晚/g, '昨天'], [/听日/g, '明天'], [/旧年/g, '去年'], [/今个月/g, '这个月'], [/上个月尾/g, '上个月底'],
  [/今个礼拜|今个星期/g, '这个星期'], [/嗰日|个日(?=[^子])/g, '那天'], [/都系/g, '还是'],
  // Numbers and money: 廿 = 二十, 卅 = 三十; 蚊 after a number is 块.
  [/廿(?=[一二三四五六七八九])/g, '二十'], [/廿/g, '二十'], [/卅(?=[一二三四五六七八九])/g, '三十'], [/卅/g, '三十'],
  [new RegExp(`(${NUMBER})\\s*蚊`, 'g'), '$1块'], [/蚊鸡/g, '块钱'],
  // Shops: 铺 is a shop, 间 counts them.
  [new RegExp(`(${NUMBER})\\s*间(?=铺|店|分店|门店|铺头)`, 'g'), '$1家'], [/铺头|(?<=[家间])铺/g, '店'], [/边间/g, '哪家'], [/呢间/g, '这家'], [/嗰间|嗰家/g, '那家'],
  // Pronouns, places and question words.
  [/佢哋/g, '他们'], [/我哋/g, '我们'], [/你哋/g, '你们'], [/佢/g, '他'], [/我个女/g, '我女儿'], [/我个仔/g, '我儿子'],
  [/边度|边处/g, '哪里'], [/呢度|呢处/g, '这里'], [/嗰度|嗰处/g, '那里'], [/边个/g, '哪个'], [/呢个/g, '这个'], [/嗰个/g, '那个'], [/嗰啲|呢啲/g, '那些'], [/嗰/g, '那'],
  [/乜嘢|咩嘢/g, '什么'], [/呢排|呢轮/g, '最近'], [/咩古怪|乜古怪/g, '什么异常'], [/边队/g, '哪队'], [/点样/g, '怎么样'], [/几多/g, '多少'], [/几耐/g, '多久'],
  // Verbs and particles.
  [/有冇/g, '有没有'], [/冇/g, '没有'], [/唔该/g, '谢谢'], [/唔得/g, '不行'], [/唔使/g, '不用'], [/唔好/g, '不要'], [/唔系/g, '不是'], [/唔/g, '不'],
  [/(?<=[都就真唔])系|系(?=[咪唔呀啊喇啦嘅])|(?<=^|[\s，,])系(?=\s*[\d一二两三四五六七八九十百半])/g, '是'], [/睇/g, '看'], [/畀/g, '给'], [/喺/g, '在'], [/使咗/g, '花了'], [/咗/g, '了'],
  [/记返|记番/g, '记下'], [/都得/g, '也行'], [/嘅/g, '的'], [/啲/g, '点'], [/咁/g, '那'],
  [/最平/g, '最便宜'], [/(?<=[好几更])平(?![安台方常时均衡板])/g, '便宜'], [/平唔平/g, '便宜不便宜'], [/平过/g, '便宜过'],
];

const BEIJING: [RegExp, string][] = [
  [/有得(?=卖|买)/g, '有'], // 豆腐哪里有得卖 (southern speech too)
  [/甭/g, '不用'], [/得嘞|得勒/g, '好的'], [/就这么着|这么着/g, '就这样'], [/(?<=那|这)玩意儿?/g, '个东西'], [/头一个|头一样/g, '第一个'],
  [/大年三十儿?|年三十儿?/g, '除夕'], [/(?<=[那这哪])拨(?:儿)?(?=客|人|顾客)/g, '些'], [/那天儿/g, '那天'],
];

/** Regional Mandarin: northern (Henan, Shandong, Tianjin, the north-east: 俺 = 我, a bare 中 = 行, Tianjin 介 = 这, 嘛 = 什么)
 *  and south-western / Hunan (莫 = 别, 要不得 = 不行). */
const REGIONAL: [RegExp, string][] = [
  [/俺们/g, '我们'], [/俺(?!答|达)/g, '我'],
  [/^(?:中中|中)(?=$|[\s，,。!！~～]|就|吧|啊|呀|记)/g, '行'], // "中 就这 记上吧"; never 中国, 中午, 中性笔
  [/(?<=^|[\s，,])介(?=俩|两|几|个|些|是|儿|礼拜|星期|周|月|天)/g, '这'], [/(?<=有|买|卖|干|是|出)嘛(?=不对|事|问题|东西|玩意|好|新|特别|[的没呢？?]|$)/g, '什么'],
  [/俩(?=礼拜|星期|月|周|人|店|家|天)/g, '两个'],
  [/莫(?=推|买|要|太|再|急|慌|管|搞|记|说|给)/g, '别'], [/要不得/g, '不行'],
  [/(?<=[哪这那一两几每])间(?=店|铺|超市|便利店|分店|门店)/g, '家'], // 哪间店 (Taiwan, the south): 间 counts shops
];

/** A little Japanese mixed into Chinese ("二番目のやつ 好きです", "おすすめ please"): the words a shop chat needs. */
const JAPANESE: [RegExp, string][] = [
  [/([一二三四五六七八九十1-9])番目(?:の(?:やつ|もの|商品))?/g, '第$1个'], [/おすすめ|オススメ|お勧め/g, '推荐'], [/大好き|好きです|好き/g, '喜欢'],
  [/嫌いです|嫌い/g, '不喜欢'], [/はい/g, '是的'], [/いいえ/g, '不'], [/お(?:願|愿)いします|お(?:願|愿)い/g, '请'], [/辛いの|辛い/g, '辣的'],
  [/(?:は)?ダメです|(?:は)?だめです|(?:は)?ダメ/g, '不要'], [/いつ/g, '什么时候'], [/何か/g, '什么'], [/ありがとう(?:ございます)?/g, '谢谢'],
  [/、/g, '，'], // the Japanese comma between clauses
];

/** Hakka (𠊎 = 我, 恁样 = 这样, 么个 = 什么, 昨晡日 = 昨天, 心舅 = 儿媳妇), read only where its own words show. */
const HAKKA: [RegExp, string][] = [
  [/𠊎/gu, '我'], [/恁样|恁么样/g, '这样'], [/么个/g, '什么'], [/昨晡日?/g, '昨天'], [/今晡日?/g, '今天'], [/心舅/g, '儿媳妇'], [/鸡春/g, '鸡蛋'],
  [/讲我听/g, '告诉我'], [/(?<=[要有])冇/g, '没有'],
];

/** A little Korean mixed into Chinese ("네 네~ 对的"): yes and no. */
const KOREAN: [RegExp, string][] = [
  [/(?<![\uac00-\ud7a3])(?:네+|예|응+|맞아요?|맞습니다)(?![\uac00-\ud7a3])/g, '是的'], [/(?<![\uac00-\ud7a3])(?:아니요|아뇨|아니)(?![\uac00-\ud7a3])/g, '不'],
  [/감사합니다|고마워요?/g, '谢谢'],
];

/** Taiwanese internet writing: zhuyin letters for particles (對ㄚ, 記ㄅ), 醬 for 这样 (就醬), 偶 for 我 (偶最常去). */
const TAIWANESE: [RegExp, string][] = [
  [/ㄚ|ㄛ/g, '啊'], [/ㄅ/g, '吧'], [/ㄌ/g, '了'], [/ㄇ/g, '吗'], [/ㄋ/g, '呢'], [/ㄉ/g, '的'], [/ㄏ/g, '呵'],
  [/(?<=就)酱(?:紫|子)?(?![油料汁菜肉])|^酱(?:紫|子)(?=$|[\s，,。!！~～吧啊])/g, '这样'],
  [/偶(?=[想要最也都是在买有去觉记的])(?!尔)/g, '我'],
];

/** The message with Cantonese and Beijing words and full-width signs read as Mandarin. */
export function mandarinWords(text: string): string {
  let out = halfWidth(text).replace(/𠮶/gu, '嗰'); // OpenCC writes 嗰 as 𠮶
  // Cantonese only where it shows: one of its own characters is in the message (唔 咗 嘅 啲 佢 嗰 冇 喺 睇 蚊 琴日 …).
  if (/[唔咗嘅啲佢嗰冇喺睇畀哋乜廿卅]|琴日|寻日|旧年|几多|[\d一二两三四五六七八九十百]\s*蚊(?![香子帐虫])|间铺|记返|我个[女仔]|都系|系咪|[边呢嗰]度|边个|边间/.test(out)) for (const [re, to] of CANTONESE) out = out.replace(re, to);
  for (const [re, to] of BEIJING) out = out.replace(re, to);
  if (/𠊎|恁样|么个|昨晡|今晡|心舅|鸡春/u.test(out)) for (const [re, to] of HAKKA) out = out.replace(re, to);
  for (const [re, to] of REGIONAL) out = out.replace(re, to);
  // A bare 係 / 系 at the start, as a whole answer ("係 就这样记"): yes.
  out = out.replace(/^\s*系(?=$|[\s，,。!！~～]|啊|呀|嘅)/, '是');
  if (/[\u3040-\u30ff]/.test(out)) for (const [re, to] of JAPANESE) out = out.replace(re, to);
  if (/[\uac00-\ud7a3]/.test(out)) for (const [re, to] of KOREAN) out = out.replace(re, to);
  for (const [re, to] of TAIWANESE) out = out.replace(re, to);
  return out;
}

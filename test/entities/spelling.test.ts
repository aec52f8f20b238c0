// Typing slips read as what was meant: pinyin, input-method homophones, English typos; and what is left alone.
import { describe, expect, it } from 'vitest';
import { SpellingFixer } from '../../agents/local-planner/entities/spelling.ts';
import { loadCorpus } from '../../agents/local-planner/intent/corpus.ts';
import { PLACE_NAMES } from '../../agents/local-planner/places.ts';

const fixer = new SpellingFixer(loadCorpus().map((e) => e.text), ['洗衣液', '充电宝', '可乐', '鸡蛋', '牙刷', '大碗', 'power bank', 'detergent', 'toothpaste', 'Anker', ...PLACE_NAMES]);

describe('corrected', () => {
  it.each([
    ['wo de huabei edu', '花呗额度'],
    ['tuijian yixia', '推荐一下'],
    ['fujin you mai kele de ma', '可乐'],
    ['理才产品推荐', '理财产品推荐'],
    ['帮我查下用户化像', '用户画像'],
    ['街道扣附近哪有卖牙刷的', '街道口附近'],
    ['reccomend me some snaks', 'recommend me some snacks'],
    ['custmer satisfction last mnth', 'customer satisfaction last month'],
    ['sales yesteday?', 'sales yesterday?'],
    ['营业鹅多少', '营业额多少'], // one character slipped at the end of a word
    ['记一下 买了可了 3块', '可乐'], // a particle typed for the second character of goods
    ['补或建议', '补货建议'],
    ['wher can i buy tooth past near me', 'toothpaste'], // goods typed in two
    ['要里我近的', '要离我近的'], // 里 for 离 where a distance is asked
    ['哪家超市里公司最近', '离公司最近'],
    ['要便宜点的 一百块一内', '一百块以内'], // 一 typed for 以 after an amount
    ['附进哪有买鸡但的', '鸡蛋'], // goods one character on win over a word of the corpus
  ])('%s → …%s…', (text, part) => {
    expect(fixer.fix(text)).toContain(part);
  });
});

describe('left as written', () => {
  it.each([
    '附近哪里有卖洗衣液', '我上周买的东西想退货', '记录昨天买的蓝月亮洗手液300ml 11.9', '推荐适合我的理财', '帮我查下快递到哪了',
    '双十一那一周的数据', '喜茶中杯奶茶十七块九是不是有点贵', '点错了，我的答案是 B C C C', '实施方案', '店员说打完折155', // 打完 is a word, not the goods 大碗
    '我想约会', '营业时间', '买了吗', '还有吗', '可以了', '补了货', 'power bank', 'hand wash', 'I shared my location', 'where can I buy Anker power bank', '你觉得iPhone和华为手机哪个拍照好', 'what about last week',
    '家里我最近买了很多纸巾', '城里远吗', // 里 of a place, 最近 = recently
    '推荐一下', '三块一', "I didn't buy it",
  ])('%s', (text) => {
    expect(fixer.fix(text)).toBe(text);
  });
});

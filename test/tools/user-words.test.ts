// Yes and no to a proposal, as people type them. A yes writes, so anything doubtful is not a yes.
import { describe, expect, it } from 'vitest';
import { saysNo, saysNotNow, saysYes } from '../../tools/shared/user-words.ts';

const YES = ['可以可以 就这么记', 'ugh actually yeah do it', '是', '是的', '是的没错', '对', '对的，记吧', '好', '好的', '好的谢谢', '行', '可以', '确认', '嗯', '嗯嗯 记吧', '记上', 'ok', 'OK 记上吧', 'okay!', 'yes', 'Yes please', 'yep', 'yeah go ahead', 'sure', 'sure, do it', 'go ahead', 'confirm', '没问题', '没错', '当然', 'of course', 'yes, record it', '👍 好的', 'ok fine go ahead and save it', '对对对 就是这个 记上吧', '是滴', '妥了', 'OK的', '确认无误 记吧', 'Yes. Obviously.', 'Yes plead', 'please do', "that's correct", 'go on then', '啊不对 还是记上吧 刚手滑了', '要得', '冲', '嗯呐', '对头 记上', '安排', 'yea', 'ofc', 'sounds good', '对头 记起', '核对无误，请予记录。', 'wait 还是记上吧 报销要对账用', '好 记吧 谢谢啦', '好喔', '好喔 OK 记吧', '行 就这 记上吧', "Oui, c'est ça — go ahead.", 'That is entirely correct. Please proceed.', "Yep, that's the one."];
const NOT_YES = ['不', '不要', '先别记了', '算了', '取消', 'no', 'nah', 'nope', 'no thanks', "don't", 'not now', 'wait', 'hold on, wrong price', '好像不对', '是吗？', 'ok?', 'yes but change the price to 8', '不是这个', '对了，附近哪里有卖洗衣液', '是蓝月亮洗衣液两瓶，一共三十块钱，在街道口那家超市买的', '好贵', '可乐', '', '没问题，不过先别记', 'yeah no', "that's wrong", "please don't", '中不中', 'please change it to 30', 'that one', 'that is wrong', 'Yeah nah', 'the second one', 'yes the price is wrong'];
const NO = ['等会儿再说吧 我先对一下小票', '等下 我先对一下外卖订单', '让我想想', '稍等 我看看小票', 'wait a sec', "I'll check first", 'later', 'maybe later', '回头再记吧', '不', '不要', '不用了', '先别记了', '别记', '算了', '算了吧', '取消', 'no', 'No thanks', 'nope', 'nah', 'cancel', 'cancel that', "don't", 'never mind', 'not now', '不对', '稍后再说', '暂时不要', 'wait', 'forget it', 'scratch that', '等一下 先不记 我回去翻下小票', '等一下 我老婆说她前天已经记过了 别重复', 'I already logged that one', 'Yeah nah'];
// A no that says what it should be is a correction: the proposal lapses and the corrected one is shown.
const NOT_NO = ['等一下，是8块', '不是昨天，是前天', '不对，是两千', '不对不对，是两瓶', '不是这个，我要的是洗发水', 'no, I meant 3', 'nope, it was 42', '是', 'ok', '没问题', '附近哪里有卖洗衣液', '不知道附近哪里有卖洗衣液的店你能帮我找找吗谢谢你呀朋友', 'yes', '好的'];

describe('saysYes / saysNo', () => {
  it.each(YES)('"%s" is a yes', (t) => expect(saysYes(t)).toBe(true));
  it.each(NOT_YES)('"%s" is not a yes', (t) => expect(saysYes(t)).toBe(false));
  it.each(NO)('"%s" is a no', (t) => expect(saysNo(t)).toBe(true));
  it.each(NOT_NO)('"%s" is not a no', (t) => expect(saysNo(t)).toBe(false));
});

describe('saysNotNow', () => {
  it.each(['等下 我先对一下外卖订单', '回头再说', 'hold on, let me check the receipt'])('"%s" is not now', (t) => expect(saysNotNow(t)).toBe(true));
  it.each(['不要', 'no', '等一下，是8块'])('"%s" is not a "not now"', (t) => expect(saysNotNow(t)).toBe(false));
});

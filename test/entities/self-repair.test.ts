// Words a message takes back in its middle are not read; complaints and corrections of the previous turn stay as they are.
import { describe, expect, it } from 'vitest';
import { withoutSelfRepairs } from '../../agents/local-planner/entities/self-repair.ts';

describe('what the message takes back', () => {
  it.each([
    ['帮我记一下 前天 哦不对 是大前天 买了两包 不不 三包康师傅方便面', '帮我记一下 大前天 买了 三包康师傅方便面'],
    ['九月份 哦不 十月份的营业额是多少', '十月份的营业额是多少'],
    ['成本按六成算 不对 六成五 给我出个定价建议', '成本按 六成五 给我出个定价建议'],
    ['三瓶 不不不 四瓶', '四瓶'],
    ['on Tuesday, no wait, Wednesday', 'on Wednesday'],
  ])('%s → %s', (text, read) => expect(withoutSelfRepairs(text)).toBe(read));
});

describe('left as written', () => {
  it.each(['价格不对 帮我看看', '这个价格 不对 帮我看看', '不对，是八块', '哦不用了', '不对劲的地方有哪些', '哦不是这个'])('%s', (text) => expect(withoutSelfRepairs(text)).toBe(text));
});

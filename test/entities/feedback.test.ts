// A shopper rating one of the suggestions shown: which one, and the rating said or meant.
import { describe, expect, it } from 'vitest';
import { readFeedback } from '../../agents/local-planner/entities/feedback.ts';

describe('readFeedback (5 suggestions shown)', () => {
  it.each<[string, { position: number; rating: number } | undefined]>([
    ['第三个不要，以后别推了', { position: 3, rating: 1 }],
    ['1号挺好的，给它打5分', { position: 1, rating: 5 }],
    ['第四个一般般吧，3分', { position: 4, rating: 3 }],
    ['第二款不太行', { position: 2, rating: 1 }],
    ['the first one isn\'t really for me', { position: 1, rating: 1 }],
    ['the last one, nope, not interested', { position: 5, rating: 1 }],
    ["the last one isn't really my thing", { position: 5, rating: 1 }],
    ['rate the third one 2 stars', { position: 3, rating: 2 }],
    ['I love the second one', { position: 2, rating: 5 }],
    ['第二个一般般', { position: 2, rating: 3 }],
    ['The third is merely adequate — neither here nor there.', { position: 3, rating: 3 }],
    ['第一个普普通通吧', { position: 1, rating: 3 }],
    ['行 第一个还可以', { position: 1, rating: 3 }],
    ["the second one's okay I guess", { position: 2, rating: 3 }],
    ['第三个还不错', { position: 3, rating: 4 }],
    ['#1 not bad', { position: 1, rating: 4 }],
    ['第二个打两分', { position: 2, rating: 2 }],
    ['2 is rubbish', { position: 2, rating: 1 }],
    ['number one please, more like that', { position: 1, rating: 5 }],
    ["the third one's alright", { position: 3, rating: 3 }],
    ['第一个好评', { position: 1, rating: 5 }],
    ['第三个可以的', { position: 3, rating: 3 }],
    // not a rating: no pick, no opinion, or a pick beyond what was shown
    ['不喜欢', undefined],
    ['第二个多少钱', undefined],
    ['第八个不要', undefined],
  ])('%s', (text, want) => {
    expect(readFeedback(text, 5)).toEqual(want);
  });
});

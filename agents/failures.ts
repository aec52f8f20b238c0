// What the user reads when a turn could not be done: plain words, never a normal-looking reply.
import type { Locale } from '../tools/context.ts';

export const FAILURE = {
  model: (l: Locale) => (l === 'zh' ? '抱歉，助手暂时出了点问题，请稍后再试。' : 'Sorry, the assistant ran into a problem. Please try again in a moment.'),
  timeout: (l: Locale, ms: number) => (l === 'zh' ? `抱歉，模型 ${Math.round(ms / 1000)} 秒内没有回答，这次先停下了。请稍后再试。` : `Sorry, the model did not answer within ${Math.round(ms / 1000)} s, so I stopped. Please try again shortly.`),
  notSaved: (l: Locale) => (l === 'zh' ? '抱歉，存储暂时不可用，这条消息没能保存，什么都没有改动。请稍后再发一次。' : 'Sorry, the store is unavailable right now: this message was not saved and nothing was changed. Please send it again shortly.'),
};

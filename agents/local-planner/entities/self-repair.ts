// What people take back in the middle of a message — "前天 哦不对 是大前天", "买了两包 不不 三包", "九月份 哦不 十月份",
// "成本按六成算 不对 六成五", "on Tuesday, no wait, Wednesday": the words taken back are not read. A correction of the
// previous turn ("不对，是八块" at the start of a message) is the dialogue's business, not this one's.

/** A repair marker with words before and after it. A plain 不对 counts only between spaces and before 是 or a number
 *  ("价格不对 帮我看看" is a complaint, not a repair). */
const MARKER = /(?<=\S)[\s，,]*(?:(?:哦|噢|喔|啊|呃|额)\s*不(?:对|是)?(?:不对)?|不对不对|不不不?|说错了|打错了|口误)(?:[\s，,]+|$)(?:是|应该是)?|(?<=\S)[\s，,]+不对[\s，,]+(?=是|应该是|[\d零一二两三四五六七八九十百千万半])(?:是|应该是)?|(?<=\S)[\s,]+(?:no wait|wait,? no|or rather)[\s,]+/iu;
const STARTS_WITH_NUMBER = /^[\d零〇一二两三四五六七八九十百千万半]/u;
/** The last number in the words before the marker, with up to two characters of its unit ("两包", "九月份", "六成算"). */
const LAST_NUMBER = /(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万半]+)[^\s\d，,。零〇一二两三四五六七八九十百千万]{0,2}$/u;
/** The last word group before the marker ("前天", "Tuesday"). */
const LAST_CHUNK = /[^\s，,。]+$/u;

export function withoutSelfRepairs(text: string): string {
  let out = text;
  for (let round = 0; round < 3; round++) {
    const m = MARKER.exec(out);
    if (!m) break;
    const before = out.slice(0, m.index);
    const after = out.slice(m.index + m[0].length).trimStart();
    if (!after) break;
    // The same kind of thing is taken back: a number for a number, else the words just before.
    const dropped = (STARTS_WITH_NUMBER.test(after) && LAST_NUMBER.exec(before)) || LAST_CHUNK.exec(before);
    out = `${dropped ? before.slice(0, dropped.index) : before} ${after}`.replace(/\s{2,}/g, ' ').trim();
  }
  return out;
}

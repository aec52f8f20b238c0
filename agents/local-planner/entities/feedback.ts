// A shopper rating one of the suggestions just shown: which one ("第三个", "the last one", "1号", "#2") and
// how much they like it (a score said outright — "打5分", "3分", "2 stars" — or a liking / dislike in words).
import { findNumbers } from './numbers.ts';

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const ORDINAL_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
// "1 👍", "2 no": a bare number first in a short answer to the list.
const PICK = /^\s*([1-9])(?=\s*(?:[👍👎❤️😍🥰🙅]|(?:号|个)?\s*(?:喜欢|不喜欢|不要|不错|挺好|好|行|可以|一般|no|nope|yes|good|great|nice|meh|nah|is|was|looks?|sounds?|seems?)\b|'s\b|$))|\b(?:number|no\.?)\s+(one|two|three|four|five|six|seven|eight|nine|ten)\b|第\s*([1-9一二三四五六七八九十])\s*(?:个|款|种|样|项|条)?|([1-9一二三四五六七八九十])\s*号|(?:number|no\.?|#)\s*([1-9]|10)\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b|\b([1-9]|10)(?:st|nd|rd|th)\b/i;
const LAST = /最后一个|最后那个|最后一款|\bthe last( one)?\b|\blast one\b/i;
const SCORE = /(?:打|给|评)?\s*([1-5一二两三四五])\s*(?:分|星|颗星)|\b([1-5])\s*(?:stars?|out of 5|\/\s*5)\b|\b(?:rate|give)\b.*?\b([1-5])\b/i;
const DISLIKE = /👎|🙅|差评|太差|(?:别|不要|不用)再推|别推了|不行(?!吗)|\b(?:rubbish|terrible|awful|useless|crap|trash|bad)\b|^\s*[1-9]\s+(?:no|nah)\b|不喜欢|不(?:太|怎么|是很|大|咋)喜欢|没那么喜欢|\bnot (?:really )?(?:into|keen on|a fan of)\b|\bdon'?t really (?:like|want)\b|不要|别推|别再推|不想要|不感兴趣|不感冒|不太行|不行|不好|一般般|没兴趣|不合适|不适合|用不上|不需要|算了吧|不爱|不吃|不用|难吃|难用|踩雷|\b(?:not|isn'?t|is not|aren'?t) (?:really |quite )?my (?:thing|style|taste|cup of tea|type|kind of thing)\b|\bno good\b|\bgross\b|\byuck\b|\bdisgusting\b|\bnever (?:show|recommend|suggest)\b|\bdon'?t (?:show|recommend|suggest) (?:me )?(?:that|it|this)\b|再也别推|别再给我推|\bpass on\b|\bskip (?:it|that|this)\b|\bdon'?t care for\b|\bnot a fan\b|\bnot for (?:me|us)\b|isn'?t (?:really )?for (?:me|us)|\bdon'?t (?:like|want|need)\b|\bdislike\b|\bnot interested\b|\bnope\b|\bhate\b|\bno thanks\b|\bmeh\b/i;
const LIKE = /👍|❤️|😍|🥰|好评|喜欢|不错|挺好|很好|好用|好吃|好看|爱了|想要|想买|种草|感兴趣|多推荐?|实用|有用|正合适|对路|\buseful\b|\bhandy\b|\bpractical\b|\blooks? (?:great|good|nice|perfect)\b|\bnice\b|\bawesome\b|\bperfect\b|\bmore (?:\w+ )?like (?:that|this|it)\b|\blike\b|\blove\b|\bgreat\b|\bgood one\b|\bmore like\b|\binterested\b/i;

const LUKEWARM = /\b(?:adequate|average|mediocre|passable|middling|so so|nothing special|nothing to write home about|neither here nor there|not great,? not (?:terrible|bad))\b|平平|普普通通|不好不坏|不咸不淡|一般般|一般吧|还行|还可以|^[^不]*可以的|\b(?:one'?s|is|was|looks?|seems?)\s+(?:ok|okay|alright|fine)\b|还好吧|凑合|马马虎虎|说得过去|中规中矩|so-so|\bokay-ish\b|\bmeh\b|\bit'?s (?:ok|okay|alright|fine)\b|\b(?:ok|okay|alright|fine)(?:,)? i guess\b|\baverage\b|\bmediocre\b/i;

export type FeedbackRead = { position: number; rating: number };

/** Which of `shown` items the message rates, and the rating (1–5), or undefined when it does not rate one. */
export function readFeedback(text: string, shown: number): FeedbackRead | undefined {
  const position = LAST.test(text) ? shown : pickOf(text);
  if (!position || position > shown) return undefined;
  const score = scoreOf(text.replace(PICK, ' '));
  if (score) return { position, rating: score };
  // "一般般", "还可以", "it's okay" are lukewarm: a 3, not a dislike; "not bad", "还不错" a 4.
  if (/还不错|不算差|挺不错的?吧|\bnot bad\b|\bpretty good\b|\bquite good\b/i.test(text)) return { position, rating: 4 };
  if (LUKEWARM.test(text)) return { position, rating: 3 };
  if (DISLIKE.test(text)) return { position, rating: 1 };
  if (LIKE.test(text)) return { position, rating: 5 };
  return undefined;
}

/** Which of `shown` items a message points at ("是第三个", "the 2nd", "最后一个"), without a rating. */
export function pickedPosition(text: string, shown: number): number | undefined {
  const position = LAST.test(text) ? shown : pickOf(text);
  return position && position <= shown ? position : undefined;
}

function pickOf(text: string): number | undefined {
  const m = PICK.exec(text);
  if (!m) return undefined;
  if (m[6]) return ORDINAL_WORDS[m[6].toLowerCase()];
  if (m[2]) return NUMBER_WORDS[m[2].toLowerCase()];
  const said = m[1] ?? m[3] ?? m[4] ?? m[5] ?? m[7];
  return findNumbers(said)[0]?.value;
}

function scoreOf(text: string): number | undefined {
  const m = SCORE.exec(text);
  const said = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
  const n = said ? findNumbers(said)[0]?.value : undefined;
  return n && n >= 1 && n <= 5 ? n : undefined;
}

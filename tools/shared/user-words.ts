// The user's own words of consent and choice. Read from the user's message by the agent and the
// tools (never from the model's arguments), and by the embedded planner to pick its next step.
export const AFFIRMATIVE = /^(是|是的|对|对的|好|好的|确认|确定|可以|行|嗯|记吧|记上|yes|y|yeah|yep|ok|okay|sure|confirm|do it|go ahead|👍|👌|✅|🆗|🙆|🙆‍♀️|🙆‍♂️)[!！。.\s]*$/iu;
export const NEGATIVE = /^(不|不要|不用|取消|算了|别|no|nope|cancel|don'?t)[!！。.\s]*$/i;
export const THATS_IT = /^(就是它|就是这个|是这个|对的?|没错|that'?s it|that'?s the one|yes,? that one|correct|right)[!！。.\s]*$/i;

export const ORDINALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6 };

/** "是第2个", "第二个", "the second one", "it's number 2" → 2. */
export function ordinalIn(text: string): number | undefined {
  const m = /^(?:是|就是)?\s*第\s*([1-5一二三四五])\s*(?:个|款|种)?[。.!！\s]*$|^(?:it'?s |the )?(first|second|third|fourth|fifth)(?: one)?[.!\s]*$|^(?:it'?s )?(?:number|no\.?|#)\s*([1-5])[.!\s]*$/i.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1] ?? m[3]) || ORDINALS[(m[1] ?? m[2] ?? '').toLowerCase()];
}

/** Which scan candidate the user's own message picks: "就是它" / "yes" → 1, "是第2个" → 2, else undefined. */
export function pickedCandidate(text: string): number | undefined {
  const t = text.trim();
  return ordinalIn(t) ?? (THATS_IT.test(t) || AFFIRMATIVE.test(t) ? 1 : undefined);
}

// Yes and no as people type them to a proposal: "是的没错", "ok 记上吧", "yeah go ahead", "先别记了", "nah".
// Deliberately conservative, because a yes writes: a short message made only of yes words and
// fillers, starting with a yes word, with no question mark and no negation.
const YES_CORE_ZH = ['经核对无误', '经核对', '同意登记', '同意记录', '同意', '执行', '确认记录', '确认无误', '核对无误', '请予记录', '予以记录', '请记录', '记录', '记起', '尊嘟', '是滴', '对滴', '妥了', '妥', '中', '要得', '对头', '安排', '冲', '嗯呐', '嗯哪', '好喔', '好哦', '没有错', '是呀', '是啊', '嗯嗯', '好呀', '好哒', '好噠', '成', '整', '核对过了', '核对了', '对过了', '没毛病', '无误', '没问题', '没错', '可以', '确认', '确定', '当然', '是的', '对的', '好的', '好滴', '好嘞', '记上', '记下来', '记下', '记吧', '是', '对', '好', '行', '嗯', '记', '要'];
const FILLER_ZH = ['额', '呃', '就这么记', '就这', '就这么办', '就这么', '照这个', '就这个', '就是这个', '就是它', '就是', '谢谢', '麻烦你了', '麻烦您了', '麻烦了', '麻烦', '辛苦了', '就这样', '你', '您', '这样', '帮我', '一下', '吧', '啊', '呀', '哦', '噢', '喔', '的', '了', '啦', '呢', '嘛', '哈', '上', '下', '来', '吧'];
const YES_CORE_EN = new Set(['affirmative', 'yea', 'yah', 'yas', 'yess', 'ofc', 'sounds', 'please', 'that\'s', 'thats', 'yes', 'yep', 'yeah', 'yup', 'ya', 'y', 'ok', 'okay', 'k', 'sure', 'confirm', 'confirmed', 'correct', 'right', 'go', 'absolutely', 'definitely', 'alright', 'fine', 'perfect', 'great', 'record', 'save', 'log', 'do', 'oui', "d'accord", 'proceed', 'da', 'si', 'sí', 'ja']);
const FILLER_EN = new Set(['the', "c'est", 'ça', 'ca', 'entirely', 'perfectly', 'quite', 'proceed', 'and', 'ahead', 'thing', 'it', 'please', 'pls', 'plz', 'thx', 'ty', 'now', 'right', 'correct', 'exactly', 'that\'s', 'thats', 'it\'s', 'its', 'is', 'thanks', 'thank', 'you', 'of', 'course', 'obviously', 'duh', 'certainly', 'indeed', 'totally', 'mate', 'then', 'lol', 'plead', 'pleas', 'plase', 'pleae', 'pleasee', 'on', 'for', 'that', 'this', 'one', 'sounds', 'good', 'all', 'do', 'go', 'yes', 'just', 'sure', 'fine', 'record', 'save', 'log']);
const NO_START = /^(?:不|别|算了|取消|先不|先别|暂时(?:不|别|先不|先别)|no\b|nope|nah|yea(?:h)? nah\b|cancel|don'?t|never ?mind|not now|stop|forget (?:it|that|about it)|scratch that|not needed)/;
/** Not now: "等会儿再说吧", "回头再记", "later", "hold on, let me check the receipt" — the proposal lapses, nothing is written. */
const NOT_NOW = /^(?:(?:啊|哎|呃|嗯|哦)?[，,\s]*(?:等(?:一)?(?:会儿?|下|等)|稍等(?:一下)?)[，,\s~～]*(?:(?:对不起|不好意思|抱歉|sorry)[，,\s~～]*)?(?=我|先))?(?:先别(?:记|录|存|保存|急着记)|先不(?:记|录|存)|暂时别记|让我(?:想想|看看|确认一下|核对一下)|稍等|等一下$|我(?:先)?(?:确认|核对|对|看|查)(?:一)?下|i'?ll (?:check|think about it|confirm) first|wait a (?:sec|second|minute|moment)|let me see|等(?:一)?(?:会儿?|下|等)再|等(?:一)?(?:会儿?|下)吧|回头再|晚(?:点|些|一点)再|过(?:一)?会儿?再|以后再|改天再|先等等|先放着|先放一放|我(?:再)?(?:想想|考虑一下|先核对|先对一下|先看看|看看|查查|核对一下|翻翻|对对|翻一下)|稍后(?:再)?(?:说|记|弄)?|再说吧|回头(?:说|弄|记)|later\b|maybe later|not yet|don'?t (?:log|record|save) (?:it |that |this )?yet|hold on|hang on|let me (?:check|think)|give me a (?:sec|second|minute)|wait$|wait up|one sec|just a sec)/;

function plainWords(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/([a-z])(?=\p{Script=Han})|(\p{Script=Han})(?=[a-z])/gu, '$1$2 ').replace(/[^\p{L}\p{N}'\s]/gu, ' ').replace(/\s+/g, ' ').trim();
}

const han = (t: string) => /\p{Script=Han}/u.test(t);
const short = (t: string) => (han(t) ? t.replace(/ /g, '').length <= 12 : t.split(' ').length <= 7);

/** Splits Chinese into known words, longest first; undefined when something else is in it. */
function zhWords(t: string): string[] | undefined {
  const words: string[] = [];
  const known = [...YES_CORE_ZH, ...FILLER_ZH].sort((a, b) => b.length - a.length);
  for (let i = 0; i < t.length; ) {
    const w = known.find((k) => t.startsWith(k, i));
    if (!w) return undefined;
    words.push(w);
    i += w.length;
  }
  return words;
}

// "算了还是记上吧", "那还是记吧", "actually yes, log it", "on second thought go ahead": a change of mind to a yes.
const CHANGE_OF_MIND = /^(?:(?:算了|那|那就|嗯|呃|哎|唉|啊?不对|哦不对|哎呀不对)[，,\s]*)?还是\s*|^(?:(?:ugh|uh+|um+|erm|oh|meh|well)[,\s]+)?(?:actually|on second thought|hmm+|wait|ok wait|ugh|um+|oh well|well)[,\s]+/i;

/** A reason or a remark after a yes ("还是记上吧 报销要对账用", "yes please, it's for the club"): nothing in it that
 *  changes or doubts what was proposed (no negation, contrast, figure, question or correction). */
const PLAIN_REMARK = /^[^不没别但改错换?？\d一二两三四五六七八九十百千]*$/;
/** A question or a new request in the remark ("对了，附近哪里有卖洗衣液"): no remark on the yes. */
const ASKS = /哪|什么|啥|吗|呢|多少|几|怎么|推荐|附近|\b(?:where|what|how|which|who|when|why|can you|could you|find|show)\b/i;
const CHANGES_IT = /\b(?:but|except|not|no|change|wrong|instead|actually|only|though)\b|可是|不过|只是|应该/i;

/** The user's own yes to the proposal shown last. */
/** Said before a yes once the user has looked again: "I checked.", "The receipt is correct.", "核对过了。". */
const CHECKED = /^(?:(?:ok(?:ay)?|so|right|alright)[,\s]+)?(?:i(?:'ve| have)? (?:checked|double[- ]checked|looked(?: again)?|compared)(?: (?:it|the receipt|again))?|(?:it'?s|it is|that'?s|that is|all|everything(?:'s| is)?) (?:correct|right|fine|good|ok)|(?:the )?(?:receipt|price|amount|date|quantity|bill)s? (?:is|are|was|were) (?:correct|right|fine|ok|okay)|(?:经)?核对无误|(?:我)?(?:核对|对|看|查)(?:过|好|完)了|小票(?:没问题|是对的|对的|没错)|没问题|都对)[.!。！\s]*$/i;

export function saysYes(said: string): boolean {
  // "I checked. The receipt is correct. Please record it now.": the yes after what they checked.
  const sentences = said.trim().split(/(?<=[.!。！])\s*/).filter(Boolean);
  if (sentences.length >= 2 && sentences.slice(0, -1).every((x) => CHECKED.test(x.trim())) && strictYes(sentences.at(-1)!)) return true;
  const clauses = said.trim().split(/[\s,，。;；]+/).filter(Boolean);
  if (clauses.length >= 2) {
    // The yes first, then a remark: the yes counts when the remark changes nothing.
    for (let k = 1; k < clauses.length; k++) {
      const head = clauses.slice(0, k).join(' ');
      const tail = clauses.slice(k).join(' ');
      if (strictYes(head) && head !== '对了' && PLAIN_REMARK.test(tail) && !CHANGES_IT.test(tail) && !ASKS.test(tail) && /[记上吧好行对是]|yes|ok|sure|log|record|save/i.test(head)) return true;
    }
  }
  return strictYes(said);
}

/** Yes said as people say it elsewhere: "spot on", Singlish "can can", a "cheers" or "ta" before the yes. */
const YES_IDIOMS: [RegExp, string][] = [
  [/\bspot[- ]on\b/gi, 'correct'], [/\bcan can\b|\bcan lah\b/gi, 'ok'], [/^\s*(?:cheers|ta|thanks|thx)[,!.\s]+(?=\S)/i, ''],
  // Irish "sound, go on so", Portuguese "beleza, pode registrar", a Japanese "desu" at the end.
  [/^\s*sound\b/i, 'ok'], [/\bgo on(?: so| then)?\b/gi, 'go ahead'], [/\bbeleza\b|\bpode (?:registrar|anotar|salvar)\b/gi, 'ok'], [/\s+desu\b/gi, ''],
];

function strictYes(said: string): boolean {
  // "还是记上吧 刚手滑了": the slip they explain is no condition on the yes.
  const text = YES_IDIOMS.reduce((t, [re, to]) => t.replace(re, to), said).replace(/[，,。.\s]+(?:刚才?|刚刚)?(?:手滑|点错|按错|打错|误触|弄错|看错)了?[。.!！~～]*$|[,.\s]+(?:my bad|sorry|oops|fat[- ]fingered(?: it)?|misclicked)[.!\s]*$/i, '');
  const mind = CHANGE_OF_MIND.exec(text.trim());
  if (mind && mind[0].length < text.trim().length) return strictYes(text.trim().slice(mind[0].length));
  if (AFFIRMATIVE.test(text.trim())) return true;
  if (/[?？]/.test(text)) return false;
  const t = plainWords(text).replace(/\bof course\b/g, 'sure').replace(/^that is\b/, "that's");
  if (!t || !short(t)) return false;
  for (const part of t.split(' ')) {
    const first = part === t.split(' ')[0];
    if (han(part)) {
      const words = zhWords(part);
      if (!words || (first && !YES_CORE_ZH.includes(words[0]))) return false;
    } else if (first ? !YES_CORE_EN.has(part) : !(YES_CORE_EN.has(part) || FILLER_EN.has(part))) {
      return false;
    }
  }
  return true;
}

// "不是昨天，是前天", "不对，是两千", "no, I meant 3": a no that says what it should be is a correction of the
// proposal, not a cancel (the proposal lapses and the corrected one is shown).
const SAYS_INSTEAD = /[，,。;；\s]\s*(?:是|应该是|改成|改为|换成|要的是|我要|我说的是|我是说)|\bi meant\b|\bit'?s\b|\bit was\b|\bmake it\b|\bshould be\b|[\d一二两三四五六七八九十百千万]/i;

/** "等会儿再说", "hold on, let me check the receipt": not now (the proposal lapses; a later yes shows it again). */
export function saysNotNow(text: string): boolean {
  const t = plainWords(text);
  return NOT_NOW.test(t) && !/[\d一二两三四五六七八九十百千万]\s*(?:块|元|yuan|kuai)|[?？]/.test(text);
}

/** Not now, said outright or after a pause ("wait a sec", "等会儿再说吧 我先对一下小票", "嗯 那个 等一下啊 我先看看小票 先别记"). */
export function meansNotNow(said: string): boolean {
  return saysNotNow(said) || saysNotNow(withoutPause(said));
}

/** The message without a pause word before it ("等一下 先不记" → "先不记", "wait, no" → "no"). */
export function withoutPause(said: string): string {
  // "嗯 那个 等一下啊 先别记": the fillers of speech before the pause go too.
  return said.trim().replace(/^(?:(?:嗯+|呃+|额+|那个|就是|啊|哦)[\s,，。~～]*)*(?:(?:等(?:一)?下|等等|稍等)(?:啊|哈|呀)?|wait|hold on|hang on)[\s,，。!！~～]+(?=\S)/i, '');
}

/** It was recorded already ("她前天已经记过了", "别重复记", "I already logged that"): no second record. */
const ALREADY_RECORDED = /(?:已经|早就?|之前|刚才)[^，,。？?]{0,4}(?:记|登记|录|记录)(?:过|好|上|下)了|别重复|不要重复|不用重复|重复(?:记|录)了|\b(?:already|just) (?:logged|recorded|added|entered|noted)\b|\b(?:logged|recorded) (?:it |that |this )?already\b|\bdon'?t (?:log|record|add) it twice\b|\bduplicate\b/i;

/** The user's own no (cancel) to the proposal shown last. */
export function saysNo(said: string): boolean {
  if (saysYes(said)) return false; // "算了还是记上吧" ends on a yes
  if (meansNotNow(said)) return true;
  // "等一下 先不记 我回去翻下小票", "wait, no": what comes after the pause says it.
  const text = withoutPause(said);
  const mind = CHANGE_OF_MIND.exec(text.trim());
  if (mind && mind[0].length < text.trim().length) return saysNo(text.trim().slice(mind[0].length)); // "还是算了", "actually no"
  if (NEGATIVE.test(text.trim())) return true;
  // "我老婆说她前天已经记过了 别重复", "already logged it": someone recorded it already.
  if (ALREADY_RECORDED.test(text) && !/[?？]/.test(text)) return true;
  const t = plainWords(text);
  if (!t || !short(t) || /^(?:没问题|no problem)/.test(t)) return false;
  if (SAYS_INSTEAD.test(text.trim())) return false;
  return NO_START.test(t);
}

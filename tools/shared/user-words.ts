// The user's own words of consent and choice. Read from the user's message by the agent and the
// tools (never from the model's arguments), and by the embedded planner to pick its next step.
export const AFFIRMATIVE = /^(是|是的|对|对的|好|好的|确认|确定|可以|行|嗯|记吧|记上|yes|y|yeah|yep|ok|okay|sure|confirm|do it|go ahead)[!！。.\s]*$/i;
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

// A short risk questionnaire (in the spirit of the suitability questionnaires banks use):
// four questions, A/B/C/D answers scored 1-4, total mapped to R1-R5.
export const QUESTIONS = [
  { zh: '1. 这笔钱你打算放多久？ A. 随时可能用  B. 1 年内  C. 1–3 年  D. 3 年以上', en: '1. How long can this money stay invested? A. I may need it any time  B. up to a year  C. 1–3 years  D. over 3 years' },
  { zh: '2. 如果一年内亏了 15%，你会？ A. 马上全部赎回  B. 赎回一部分  C. 继续持有  D. 趁低加仓', en: '2. If it lost 15% in a year, you would… A. sell everything  B. sell some  C. hold  D. buy more' },
  { zh: '3. 你的投资经验？ A. 只存过银行  B. 买过理财/货币基金  C. 买过基金或债券  D. 炒过股票', en: '3. Your experience? A. only bank deposits  B. money-market or wealth plans  C. funds or bonds  D. stocks' },
  { zh: '4. 你更看重？ A. 本金安全  B. 稳一点、略高于存款  C. 收益和风险平衡  D. 追求高收益', en: '4. What matters most? A. keeping the principal safe  B. a bit more than deposits, steadily  C. balance of return and risk  D. high returns' },
];

/** "A B C D", "1A 2C 3B 4D", "abcd" → four answers, or undefined when it is not four answers. */
export function parseAnswers(text: string): number[] | undefined {
  const letters = (text.toUpperCase().match(/(?:^|[^A-Z])([ABCD])(?=[^A-Z]|$)/g) ?? []).map((m) => m.replace(/[^ABCD]/g, ''));
  const compact = /^[ABCD]{4}$/i.test(text.trim()) ? text.trim().toUpperCase().split('') : undefined;
  const answers = compact ?? letters;
  return answers.length === 4 ? answers.map((a) => 'ABCD'.indexOf(a) + 1) : undefined;
}

/** Scores 4–16 → R1..R5. */
export function riskLevel(answers: number[]): number {
  const total = answers.reduce((a, b) => a + b, 0);
  return total <= 6 ? 1 : total <= 8 ? 2 : total <= 11 ? 3 : total <= 13 ? 4 : 5;
}

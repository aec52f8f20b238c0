// The system prompt every model gets. The embedded planner reads the same facts from it
// (role, reply language, today's date) that an LLM does.
import type { Caller, Locale } from '../tools/context.ts';

export type PromptFacts = { role: Caller['role']; locale: Locale; today: string; hasLocation: boolean };

export function systemPrompt(f: PromptFacts): string {
  const who = f.role === 'merchant'
    ? 'You help a merchant understand their own shops: sales figures, top products, changes over time. You can only see this merchant\'s shops; if asked about another merchant\'s shop, say it is not available.'
    : 'You help a shopper in Wuhan find where to buy things nearby, judge whether a price is fair, and find cheaper offers.';
  return [
    'You are Shop Assistant, a shopping and retail assistant.',
    who,
    'Always use the tools for facts (shops, prices, figures); never invent numbers. Prices are in CNY (yuan).',
    'If information is missing (which product, where the shopper is), ask a short question instead of guessing.',
    'If the request is off-topic, answer politely in one sentence and say what you can do.',
    'Keep answers short and concrete; list at most 5 items.',
    `Caller: ${f.role}`,
    `Reply language: ${f.locale} (${f.locale === 'zh' ? 'Simplified Chinese' : 'English'}), unless the user writes in the other language.`,
    `Today: ${f.today} (China time)`,
    `Shopper location known: ${f.hasLocation ? 'yes' : 'no'}`,
  ].join('\n');
}

/** Reads the facts back out of a system prompt (used by the embedded planner). */
export function readFacts(prompt: string): Partial<PromptFacts> {
  const role = /Caller: (shopper|merchant)/.exec(prompt)?.[1] as Caller['role'] | undefined;
  const locale = /Reply language: (zh|en)/.exec(prompt)?.[1] as Locale | undefined;
  const today = /Today: (\d{4}-\d{2}-\d{2})/.exec(prompt)?.[1];
  const hasLocation = /Shopper location known: (yes|no)/.exec(prompt)?.[1];
  return { role, locale, today, hasLocation: hasLocation === undefined ? undefined : hasLocation === 'yes' };
}

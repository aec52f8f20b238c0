// A message as the planner reads it, in the order the readers need: traditional characters as simplified, dialect and
// full-width signs as Mandarin, goods typed as emoji as words, pasted fields and sales tags as words, sizes and numbers in words as the catalogue
// writes them, typing slips corrected, what the message takes back dropped, and a long story cut to its request.
// Only the understanding reads this: the stored message stays as the user wrote it.
import type { ProductIndex } from '../../tools/catalogue/product-search.ts';
import { mandarinWords } from './entities/dialect.ts';
import { withoutSelfRepairs } from './entities/self-repair.ts';
import { spellingFixerFor } from './entities/spelling.ts';
import { callsAsWords, emojiAsWords, fieldsAsWords, simplified, standardWords, withoutSalesWords } from './entities/written-forms.ts';
import { requestAfterStory } from './words.ts';

/** Simplified Mandarin: enough for a yes or a no to a proposal (記上吧, 唔使喇, はい、お願いします). */
export const asMandarin = (said: string): string => mandarinWords(simplified(said));

export function plannerText(said: string, products: ProductIndex): string {
  const words = standardWords(withoutSalesWords(fieldsAsWords(callsAsWords(emojiAsWords(asMandarin(said))))));
  // Pinyin, input-method homophones and English typos read as what was meant (entities/spelling.ts);
  // "前天 哦不对 是大前天": what the message itself takes back is not read (entities/self-repair.ts).
  return requestAfterStory(withoutSelfRepairs(spellingFixerFor(products).fix(words)));
}

// Product photos from any adapter: the cheap checks before anything is decoded, and the words the
// photo turn is remembered by in the conversation (the scan_to_buy tool reads the bytes themselves).
import type { Locale } from '../tools/context.ts';
import { imageProblemText, MAX_IMAGE_BYTES, quickImageProblem } from '../tools/scan-to-buy/image-features.ts';

export const MAX_PHOTO_BYTES = MAX_IMAGE_BYTES;

/** How a photo turn reads in the conversation; the planner routes it to scan_to_buy. */
export const PHOTO_SENT: Record<Locale, string> = { zh: '📷 [商品照片] 这是什么，哪里能买？', en: '📷 [product photo] What is this and where can I buy it?' };
export const PHOTO_TURN = /^📷/;

/** The shopper-facing reason a file can't be scanned, or undefined when it may be a usable image. */
export function photoProblem(bytes: Uint8Array, locale: Locale): { error: 'too_large' | 'not_an_image'; reply: string } | undefined {
  const problem = quickImageProblem(bytes) as 'too_large' | 'not_an_image' | undefined;
  return problem ? { error: problem, reply: imageProblemText(problem, locale) } : undefined;
}

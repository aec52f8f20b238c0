// Product photos from any adapter: a quick check before anything is decoded, and the words the
// photo turn is remembered by in the conversation (the scan_to_buy tool reads the bytes themselves).
import type { Locale } from '../tools/context.ts';
import { MAX_IMAGE_BYTES, sniffImage } from '../tools/scan-to-buy/image-features.ts';

export const MAX_PHOTO_BYTES = MAX_IMAGE_BYTES;
export { sniffImage };

/** How a photo turn reads in the conversation; the planner routes it to scan_to_buy. */
export const PHOTO_SENT: Record<Locale, string> = { zh: '📷 [商品照片] 这是什么，哪里能买？', en: '📷 [product photo] What is this and where can I buy it?' };
export const PHOTO_TURN = /^📷/;

/** The shopper-facing reason a file can't be scanned, or undefined when it may be a usable image. */
export function photoProblem(bytes: Uint8Array, locale: Locale): { error: 'too_large' | 'not_an_image'; reply: string } | undefined {
  const zh = locale === 'zh';
  if (bytes.length > MAX_PHOTO_BYTES) {
    return { error: 'too_large', reply: zh ? `图片太大了（上限 ${MAX_PHOTO_BYTES / 1048576} MB），请压缩后再发。` : `That image is too large (limit ${MAX_PHOTO_BYTES / 1048576} MB). Please send a smaller one.` };
  }
  if (!sniffImage(bytes)) {
    return { error: 'not_an_image', reply: zh ? '这个文件不是能识别的图片（支持 JPEG、PNG、WebP）。' : 'That file is not an image I can read (JPEG, PNG or WebP).' };
  }
  return undefined;
}

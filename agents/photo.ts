// Product photos from any adapter. Checks that the bytes are an image we can read; the scan-to-buy
// tool that finds the product is not in this version, so the reply says what will happen instead.
import type { Locale } from '../tools/context.ts';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export type ImageKind = 'jpeg' | 'png' | 'webp';

export function sniffImage(bytes: Uint8Array): ImageKind | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes.length > 12 && String.fromCharCode(...bytes.slice(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') return 'webp';
  return undefined;
}

export type PhotoAnswer = { reply: string; error: 'not_an_image' | 'too_large' | 'not_available' };

export function answerPhoto(bytes: Uint8Array, locale: Locale): PhotoAnswer {
  const zh = locale === 'zh';
  if (bytes.length > MAX_PHOTO_BYTES) {
    return { error: 'too_large', reply: zh ? `图片太大了（上限 ${MAX_PHOTO_BYTES / 1048576} MB），请压缩后再发。` : `That image is too large (limit ${MAX_PHOTO_BYTES / 1048576} MB). Please send a smaller one.` };
  }
  if (!sniffImage(bytes)) {
    return { error: 'not_an_image', reply: zh ? '这个文件不是能识别的图片（支持 JPEG、PNG、WebP）。' : 'That file is not an image I can read (JPEG, PNG or WebP).' };
  }
  return {
    error: 'not_available',
    reply: zh
      ? '收到照片了。拍照识货（扫一扫找同款）还没上线：上线后我会认出照片里的商品，告诉你附近哪些店和哪些网店有卖、各多少钱、哪家最便宜最近。现在可以先告诉我商品名，我帮你找。'
      : 'Got your photo. Scan-to-buy is not available yet: once it is, I will recognise the product in the photo and tell you which shops nearby and online sell it, at what price, cheapest and nearest first. For now, tell me the product name and I will find it.',
  };
}

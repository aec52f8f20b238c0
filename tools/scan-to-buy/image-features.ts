// Photo → features for matching: the CNN embedding of a few views plus a colour histogram.
// Decoding goes through sharp (libvips), which also rejects broken or unsupported files.
import sharp, { type Sharp } from 'sharp';
import { ToolError, type Locale } from '../context.ts';
import { embedViews } from './cnn-pool.ts';
import { INPUT_SIZE } from './image-model.ts';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Decoding bombs: a 50-megapixel limit covers any phone photo. */
const MAX_PIXELS = 50_000_000;
export type ImageFormat = 'jpeg' | 'png' | 'webp';

/** Magic bytes, checked before any decoder sees the file. */
export function sniffImage(bytes: Uint8Array): ImageFormat | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes.length > 12 && String.fromCharCode(...bytes.slice(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') return 'webp';
  return undefined;
}

export type ImageProblem = 'too_large' | 'not_an_image' | 'too_small' | 'broken';

/** What the shopper reads when a file can't be scanned (every adapter, the agent and the tool use these). */
export function imageProblemText(problem: ImageProblem, locale: Locale): string {
  const limit = MAX_IMAGE_BYTES / 1048576;
  const megapixels = MAX_PIXELS / 1e6;
  const texts: Record<ImageProblem, [string, string]> = {
    too_large: [`图片太大了（上限 ${limit} MB、${megapixels} 百万像素），请缩小后再发。`, `That image is too large (limit ${limit} MB and ${megapixels} megapixels). Please send a smaller one.`],
    not_an_image: ['这个文件不是能识别的图片（支持 JPEG、PNG、WebP）。', 'That file is not an image I can read (JPEG, PNG or WebP).'],
    too_small: ['图片太小了，看不清商品，请再拍一张。', 'That image is too small to recognise anything; please take another.'],
    broken: ['图片损坏或不完整，打不开，请重新发送。', 'That image is broken or cut off and cannot be read; please send it again.'],
  };
  return texts[problem][locale === 'zh' ? 0 : 1];
}

/** The cheap checks (size, magic bytes), before any decoder sees the file. */
export function quickImageProblem(bytes: Uint8Array): ImageProblem | undefined {
  if (bytes.length > MAX_IMAGE_BYTES) return 'too_large';
  if (!sniffImage(bytes)) return 'not_an_image';
  return undefined;
}

/** Throws a ToolError the shopper can read when the bytes are not a usable photo (header only; a
 *  cut-off body is caught by the full decode in imageFeatures). */
export async function checkImage(bytes: Uint8Array, locale: Locale): Promise<void> {
  const fail = (problem: ImageProblem) => new ToolError('invalid_input', imageProblemText(problem, locale));
  const quick = quickImageProblem(bytes);
  if (quick) throw fail(quick);
  // The header alone (no pixels decoded), without the pixel limit: over it is "too large", not "broken".
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata().catch(() => undefined);
  if (!meta?.width || !meta.height) throw fail('broken');
  if (meta.width * meta.height > MAX_PIXELS) throw fail('too_large');
  if (meta.width < 16 || meta.height < 16) throw fail('too_small');
}

/** sharp's refusal of a decoding bomb ("Input image exceeds pixel limit"), as opposed to a corrupt file. */
const overPixelLimit = (error: unknown) => /pixel limit/i.test(String((error as Error)?.message));

/** One full decode, upright, RGB, at most 448 px; views are cut from this. A truncated or corrupt
 *  file fails here (failOn 'error'), reported as broken. */
async function upright(bytes: Uint8Array, locale: Locale): Promise<Decoded> {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate().removeAlpha().resize(448, 448, { fit: 'inside', withoutEnlargement: true })
      .raw().toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch (error) {
    throw new ToolError('invalid_input', imageProblemText(overPixelLimit(error) ? 'too_large' : 'broken', locale));
  }
}

/**
 * Views a photo is seen through; each gives one vector and the vectors are averaged. Shopper photos:
 * the whole frame, a 70% and a 50% centre crop (the product is usually in the middle, among shelf,
 * hands and more of itself). Catalogue pictures (one product on a plain background) are also seen
 * the way shops show them: fresh produce lies in piles, so a 3×3 pile of the product cut from its
 * background; packaged goods stand on a shelf filling the frame, so the product cut out and centred.
 * Measured on the grocery set (bench/scan.ts; cold catalogue, val R@5): piles +3 points on produce.
 */
type View = 'full' | 'centre' | 'close' | 'cutout' | 'pile';
const SHOPPER_PHOTO_VIEWS: readonly View[] = ['full', 'centre', 'close'];
function catalogueViews(soldLoose: boolean): readonly View[] {
  return soldLoose ? ['full', 'pile'] : ['full', 'cutout'];
}
/** Produce sold loose (by weight, in piles) rather than packaged. */
export const isSoldLoose = (category: string): boolean => category === 'fresh';

type Decoded = { data: Buffer; width: number; height: number };
const rawInput = (image: Decoded) => sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } });
const CENTRE_CROPS: Partial<Record<View, number>> = { centre: 0.7, close: 0.5 };

/** The product without its plain background (sharp trims by the corner colour); the whole image if nothing trims. */
async function cutOut(image: Decoded): Promise<Decoded> {
  try {
    const { data, info } = await rawInput(image).trim({ threshold: 25 }).raw().toBuffer({ resolveWithObject: true });
    return info.width >= 8 && info.height >= 8 ? { data, width: info.width, height: info.height } : image;
  } catch {
    return image;
  }
}

async function viewPixels(image: Decoded, view: View): Promise<Buffer> {
  const square = (pipeline: Sharp) => pipeline.resize(INPUT_SIZE, INPUT_SIZE, { fit: 'fill' }).raw().toBuffer();
  const share = CENTRE_CROPS[view];
  if (share) {
    const w = Math.round(image.width * share);
    const h = Math.round(image.height * share);
    return square(rawInput(image).extract({ left: Math.round((image.width - w) / 2), top: Math.round((image.height - h) / 2), width: w, height: h }));
  }
  if (view === 'cutout') {
    return rawInput(await cutOut(image)).resize(INPUT_SIZE, INPUT_SIZE, { fit: 'contain', background: '#ffffff' }).raw().toBuffer();
  }
  if (view === 'pile') {
    const cell = Math.ceil(INPUT_SIZE / 3);
    const piece = await rawInput(await cutOut(image)).resize(cell, cell, { fit: 'cover' }).png().toBuffer();
    const pieces = [0, 1, 2].flatMap((y) => [0, 1, 2].map((x) => ({ input: piece, left: x * cell, top: y * cell })));
    const pile = await sharp({ create: { width: cell * 3, height: cell * 3, channels: 3, background: '#ffffff' } }).composite(pieces).png().toBuffer();
    return square(sharp(pile).removeAlpha());
  }
  return square(rawInput(image));
}

/** Hue 12 × saturation 3 × value 3 bins, whole image + 2×2 grid, square-rooted (Hellinger) and L2-normalised. */
function colourHistogram(rgb: Uint8Array, width: number, height: number): Float32Array {
  const BINS = 108;
  const out = new Float32Array(BINS * 5);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const r = rgb[i] / 255, g = rgb[i + 1] / 255, b = rgb[i + 2] / 255;
      const max = Math.max(r, g, b), min = Math.min(r, g, b), d = max - min;
      let h = 0;
      if (d > 0) h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      const s = max === 0 ? 0 : d / max;
      const bin = Math.min(11, Math.floor(h * 2)) * 9 + Math.min(2, Math.floor(s * 3)) * 3 + Math.min(2, Math.floor(max * 3));
      const cell = 1 + (y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1);
      out[bin] += 1;
      out[cell * BINS + bin] += 1;
    }
  }
  let norm = 0;
  for (let i = 0; i < out.length; i++) { out[i] = Math.sqrt(out[i]); norm += out[i] * out[i]; }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < out.length; i++) out[i] /= norm;
  return out;
}

function averageVectors(vectors: Float32Array[]): Float32Array {
  const out = new Float32Array(vectors[0].length);
  for (const v of vectors) for (let i = 0; i < v.length; i++) out[i] += v[i];
  return normalised(out);
}

export function normalised(v: Float32Array): Float32Array {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i] * v[i];
  norm = Math.sqrt(norm) || 1;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] / norm;
  return out;
}

/** How much the colour histogram counts beside the CNN embedding (cosine units; measured 0.3–1.0, 0.6 best). */
export const COLOUR_WEIGHT = 0.6;

/** A view's CNN embedding and colour histogram side by side, weighted so that a dot product =
 *  CNN cosine + COLOUR_WEIGHT × colour cosine (both parts unit length), then unit length. */
async function viewVector(pixels: Buffer, cnn: Float32Array): Promise<Float32Array> {
  const small = await sharp(pixels, { raw: { width: INPUT_SIZE, height: INPUT_SIZE, channels: 3 } }).resize(64, 64, { fit: 'fill' }).raw().toBuffer();
  const colour = colourHistogram(new Uint8Array(small), 64, 64);
  const out = new Float32Array(cnn.length + colour.length);
  out.set(cnn, 0);
  const w = Math.sqrt(COLOUR_WEIGHT);
  for (let i = 0; i < colour.length; i++) out[cnn.length + i] = colour[i] * w;
  return normalised(out);
}

/** The vector a photo is matched by: its views' vectors averaged. */
async function imageVector(bytes: Uint8Array, views: readonly View[], locale: Locale = 'en'): Promise<Float32Array> {
  const image = await upright(bytes, locale);
  const pixels = await Promise.all(views.map((view) => viewPixels(image, view)));
  const cnn = await embedViews(pixels);
  return averageVectors(await Promise.all(pixels.map((p, i) => viewVector(p, cnn[i]))));
}

export const photoVector = (bytes: Uint8Array, locale: Locale = 'en') => imageVector(bytes, SHOPPER_PHOTO_VIEWS, locale);
export const catalogueVector = (bytes: Uint8Array, soldLoose: boolean) => imageVector(bytes, catalogueViews(soldLoose));

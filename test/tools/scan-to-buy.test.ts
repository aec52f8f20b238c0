// scan_to_buy end to end on the fixture store (store search: no vector index here): a phone-style
// photo of a catalogue picture finds the product and where to buy it; bad files get clear messages;
// confirming keeps the photo's features with consent, and the chat flow works through the agent.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { Assistant } from '../../agents/assistant.ts';
import { ToolError, type CallerContext } from '../../tools/context.ts';
import { confirmScan, scanToBuy } from '../../tools/scan-to-buy/index.ts';
import { ensureDemoPictures, itemPicture } from '../../tools/scan-to-buy/demo-pictures.ts';
import { photoVector } from '../../tools/scan-to-buy/image-features.ts';
import { shopperAtCampus, useFixture } from '../helpers/deps.ts';
import { NOW } from '../helpers/fixture.ts';

const fx = useFixture();

/** The catalogue picture as a shopper's phone would see it: cropped, smaller, JPEG. */
async function photoOf(itemZh: string, itemEn: string): Promise<Uint8Array> {
  const png = itemPicture(itemZh, itemEn);
  return new Uint8Array(await sharp(png).extract({ left: 10, top: 6, width: 236, height: 240 }).resize(200, 210).jpeg({ quality: 70 }).toBuffer());
}

const withPhoto = (photo: Uint8Array, chatKey = 'test:scan'): CallerContext => ({
  ...shopperAtCampus, photo, consent: { chatKey, propose: async () => 0 },
});

describe('scan_to_buy', () => {
  it('recognises a photo of a catalogue picture and lists shops nearest first and online cheapest first', async () => {
    expect(await ensureDemoPictures(fx.db, fx.deps.images)).toBe(2); // 洗衣液 and 洗手液 items
    expect(await ensureDemoPictures(fx.db, fx.deps.images)).toBe(0); // idempotent
    const r: any = await scanToBuy.run(fx.deps, withPhoto(await photoOf('洗手液', 'hand wash')), scanToBuy.input.parse({}));
    expect(r.status).toBe('matched');
    expect(r.viaIndex).toBe(false);
    const top = r.candidates[0];
    expect(top.name).toBe('蓝月亮洗手液 500ml');
    expect(top.confidence).toBeGreaterThanOrEqual(0.5);
    expect(top.offline.map((s: any) => s.price)).toEqual([15]);

    const detergent: any = await scanToBuy.run(fx.deps, withPhoto(await photoOf('洗衣液', 'laundry detergent')), scanToBuy.input.parse({}));
    const d = detergent.candidates[0];
    expect(d.name).toBe('蓝月亮洗衣液 2kg');
    const distances = d.offline.map((s: any) => s.distanceM);
    expect(distances).toEqual([...distances].sort((a: number, b: number) => a - b));
    expect(d.online[0]).toMatchObject({ price: 39.9, url: expect.stringContaining('https://') });
  });

  it('refuses broken, tiny and non-image files with a message the shopper can read', async () => {
    const good = await photoOf('洗手液', 'hand wash');
    const truncated = good.slice(0, Math.floor(good.length / 3));
    const tiny = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: 'red' } }).png().toBuffer());
    const text = new TextEncoder().encode('definitely not a picture');
    for (const [bytes, words] of [[truncated, '损坏'], [tiny, '太小'], [text, 'JPEG']] as const) {
      const error = await scanToBuy.run(fx.deps, withPhoto(bytes), scanToBuy.input.parse({})).catch((e) => e);
      expect(error).toBeInstanceOf(ToolError);
      expect((error as ToolError).message).toContain(words);
    }
  });

  it('asks for a photo when none came with the message', async () => {
    expect(await scanToBuy.run(fx.deps, shopperAtCampus, scanToBuy.input.parse({}))).toEqual({ status: 'need_photo' });
  });

  it('keeps a confirmed photo\'s features with consent, only for a candidate of this chat\'s scan', async () => {
    const ctx = withPhoto(await photoOf('洗手液', 'hand wash'), 'test:confirm');
    expect(await confirmScan.run(fx.deps, ctx, { position: 1 })).toEqual({ status: 'no_scan' });
    const scan: any = await scanToBuy.run(fx.deps, ctx, scanToBuy.input.parse({}));
    expect((await confirmScan.run(fx.deps, ctx, { productId: 999 })).status).toBe('not_a_candidate');
    // Only the shopper's own words confirm: a model's call without them, or with another pick, keeps nothing.
    await expect(confirmScan.run(fx.deps, ctx, { position: 1 })).rejects.toThrow(/yourself|自己/);
    await expect(confirmScan.run(fx.deps, { ...ctx, userText: '是第2个' }, { position: 1 })).rejects.toThrow(/yourself|自己/);
    expect(await fx.db.productImage.count({ where: { source: 'shopper' } })).toBe(0);
    const done: any = await confirmScan.run(fx.deps, { ...ctx, userText: '就是它' }, { position: 1 });
    expect(done).toMatchObject({ status: 'learned', productId: scan.candidates[0].productId, photosOfProduct: 1 });
    const kept = await fx.db.productImage.findFirst({ where: { source: 'shopper' } });
    expect(kept).toMatchObject({ customerId: 1, bytes: null, productId: scan.candidates[0].productId });
    expect(kept!.consentAt?.toISOString()).toBe(NOW.toISOString());
    // The confirmed photo now counts among the product's images.
    const again: any = await scanToBuy.run(fx.deps, withPhoto(await photoOf('洗手液', 'hand wash'), 'test:again'), scanToBuy.input.parse({}));
    expect(again.candidates[0].confidence).toBeGreaterThanOrEqual(scan.candidates[0].confidence);
  });

  it('trains the classifier once enough photos are confirmed, and still recognises the product', async () => {
    const { images } = fx.deps;
    const vectorOf = async (itemZh: string, itemEn: string, crop: number) => {
      const png = itemPicture(itemZh, itemEn);
      const photo = await sharp(png).extract({ left: crop, top: crop, width: 256 - 2 * crop, height: 256 - 2 * crop }).jpeg({ quality: 60 }).toBuffer();
      return photoVector(new Uint8Array(photo));
    };
    await images.maybeRetrain();
    expect(images.hasClassifier).toBe(false); // 1 confirmed photo so far: not enough
    for (let i = 0; i < 10; i++) {
      await images.addShopperPhoto(3, 1, await vectorOf('洗手液', 'hand wash', 4 + i * 3), NOW);
      await images.addShopperPhoto(1, 2, await vectorOf('洗衣液', 'laundry detergent', 4 + i * 3), NOW);
    }
    await images.maybeRetrain();
    expect(images.hasClassifier).toBe(true);
    const r: any = await scanToBuy.run(fx.deps, withPhoto(await photoOf('洗衣液', 'laundry detergent'), 'test:clf'), scanToBuy.input.parse({}));
    expect(r).toMatchObject({ status: 'matched', candidates: [expect.objectContaining({ productId: 1 }), expect.anything()] });
  });

  it('works as a chat: photo → answer with the picture → "就是它" confirms; a non-image gets a clear reply', async () => {
    const assistant = await Assistant.create({ db: fx.db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} });
    const caller = { role: 'shopper' as const, customerId: 2 };
    const first = await assistant.handle({ chatKey: 'test:chat', caller, photo: await photoOf('洗衣液', 'laundry detergent'), locale: 'en' });
    expect(first.toolCalls.map((c) => c.name)).toEqual(['scan_to_buy']);
    expect(first.reply).toContain('Blue Moon laundry detergent 2kg');
    expect(first.attachments.pictures?.[0]?.productId).toBe(1);
    expect(first.suggestions).toContain("that's it");
    const second = await assistant.handle({ chatKey: 'test:chat', caller, text: "that's it" });
    expect(second.toolCalls.map((c) => c.name)).toEqual(['confirm_scan']);
    expect(second.reply).toContain('kept the photo\'s features');
    const bad = await assistant.handle({ chatKey: 'test:chat', caller, photo: new TextEncoder().encode('%PDF-1.4'), locale: 'en' });
    expect(bad.error).toBe('not_an_image');
    expect(bad.reply).toContain('JPEG, PNG or WebP');
  });

  it('after a features upgrade, recomputes catalogue picture vectors from the pictures; old shopper vectors stay out', async () => {
    const { db, images } = fx.deps;
    await db.productImage.updateMany({ data: { modelVersion: 'an-older-version' } });
    await db.productImage.create({ data: { productId: 3, source: 'shopper', vector: new Uint8Array(16), modelVersion: 'an-older-version', customerId: 1, consentAt: NOW } });
    expect(await images.count()).toBe(0);
    expect(await images.refreshStaleVectors()).toBe(2);
    expect(await images.refreshStaleVectors()).toBe(0);
    expect(await images.count()).toBe(2);
    // Shopper photos were never kept, only their vectors: nothing to recompute them from.
    const shopper = await db.productImage.count({ where: { source: 'shopper' } });
    expect(await db.productImage.count({ where: { source: 'shopper', modelVersion: 'an-older-version' } })).toBe(shopper);
    const r: any = await scanToBuy.run(fx.deps, withPhoto(await photoOf('洗手液', 'hand wash'), 'test:upgrade'), scanToBuy.input.parse({}));
    expect(r).toMatchObject({ status: 'matched', candidates: [expect.objectContaining({ name: '蓝月亮洗手液 500ml' }), expect.anything()] });
  });
});

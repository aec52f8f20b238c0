// End to end in headless Chromium (Debian's package, driven by playwright-core): pick a persona,
// send a message, see the reply, click a follow-up, answer a proposal, open a token-locked chat.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoPictures, itemPicture } from '../../tools/scan-to-buy/demo-pictures.ts';
import { Assistant } from '../../agents/assistant.ts';
import { buildWebServer } from '../../bots/web/server.ts';
import type { Store } from '../../prisma/store.ts';
import { buildFixture, NOW } from '../helpers/fixture.ts';
import { freshStore } from '../helpers/store.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) {
  if (process.env.REQUIRE_BROWSER) throw new Error(`REQUIRE_BROWSER is set but ${CHROMIUM} is missing (apt-get install chromium)`);
  console.warn(`[browser test] skipped: ${CHROMIUM} not found (apt-get install chromium, or set CHROMIUM_PATH)`);
}

// Generous: the first answer on a busy CI machine can take a few seconds.
const POLL = { timeout: 15_000 };

let db: Store;
let app: ReturnType<typeof buildWebServer>;
let locked: ReturnType<typeof buildWebServer>;
let lockedUrl: string;
const TOKEN = 'browser-token-0123456789';
let browser: Browser;
let url: string;

describe.skipIf(!available)('web chat in Chromium', () => {
  beforeAll(async () => {
    db = await freshStore();
    await buildFixture(db);
    await db.customer.update({ where: { id: 1 }, data: { lastLat: 30.5405, lastLng: 114.362 } });
    const assistant = await Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} });
    await ensureDemoPictures(db, assistant.toolDeps.images);
    app = buildWebServer({ db, assistant });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`;
    locked = buildWebServer({ db, assistant, token: TOKEN });
    await locked.listen({ port: 0, host: '127.0.0.1' });
    lockedUrl = `http://127.0.0.1:${(locked.server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await locked?.close();
    await db?.$disconnect();
  });

  it('opens with a greeting and example chips for the persona; a chip asks its question', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.selectOption('#persona', 'merchant:1');
    await expect.poll(() => page.locator('.msg.welcome').textContent(), POLL).toContain('I can show your own shops');
    const chip = page.getByRole('button', { name: 'how were sales last week?' });
    await chip.click();
    await expect.poll(() => page.locator('.msg.bot:not(.welcome)').last().textContent(), POLL).toContain('Revenue ¥189');
    expect(await page.locator('.msg.welcome').count()).toBe(1);
    await page.close();
  });

  it('a shopper asks for nearby shops and clicks a follow-up', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } }); // phone-sized
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.selectOption('#persona', 'shopper:1');
    await page.fill('#text', '附近哪里有卖洗衣液');
    await page.click('#send');
    const reply = page.locator('.msg.bot:not(.welcome)').last();
    await expect.poll(() => reply.textContent(), POLL).toContain('A店');
    await page.getByRole('button', { name: '更便宜的' }).click();
    await expect.poll(() => page.locator('.msg.bot:not(.welcome)').count(), POLL).toBe(2);
    expect(await page.locator('.msg.bot:not(.welcome)').last().textContent()).toContain('由便宜到贵');
    await page.screenshot({ path: 'data/test/web-chat-shopper.png' });
    await page.close();
  });

  it('a merchant asks for last week\'s sales', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.selectOption('#persona', 'merchant:1');
    await page.fill('#text', 'how were sales last week?');
    await page.press('#text', 'Enter');
    await expect.poll(() => page.locator('.msg.bot:not(.welcome)').last().textContent(), POLL).toContain('Revenue ¥189');
    // The daily revenue and top-products charts, rendered server-side as PNG.
    const charts = page.locator('.msg.bot:not(.welcome)').last().locator('img');
    await expect.poll(() => charts.count(), POLL).toBe(2);
    expect(await charts.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(720);
    await page.screenshot({ path: 'data/test/web-chat-merchant.png', fullPage: true });
    await page.close();
  });

  it('a shopper uploads a product photo and sees what it is, where to buy it and its catalogue picture', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.setInputFiles('#photo', { name: 'hand-wash.png', mimeType: 'image/png', buffer: Buffer.from(itemPicture('洗手液', 'hand wash')) });
    await expect.poll(() => page.locator('.msg.bot:not(.welcome)').count(), POLL).toBe(1);
    expect(await page.locator('.msg.bot:not(.welcome)').textContent()).toMatch(/蓝月亮洗手液|Blue Moon hand wash/);
    expect(await page.locator('.msg.bot img').first().getAttribute('src')).toBe('/api/product-image/3');
    await page.close();
  });

  it('a shopper asks to record a purchase, presses Yes once and sees it recorded', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.selectOption('#persona', 'shopper:1');
    await page.fill('#text', '记录一下：我买了蓝月亮洗手液 15元');
    await page.click('#send');
    const buttons = page.locator('.msg.bot:not(.welcome)').first().locator('.proposal button'); // the proposal is this page's first answer
    await expect.poll(() => buttons.count(), POLL).toBe(2);
    await buttons.first().click();
    await expect.poll(() => page.locator('.msg.bot:not(.welcome)').count(), POLL).toBe(2);
    expect(await page.locator('.msg.bot:not(.welcome)').last().textContent()).toContain('已记录');
    // One press only: both buttons of the answered proposal are now disabled.
    expect(await buttons.evaluateAll((all) => all.map((b) => (b as HTMLButtonElement).disabled))).toEqual([true, true]);
    await page.close();
  });

  it('a token-locked chat opens from its /?token= link and works from then on', async () => {
    const page = await browser.newPage();
    expect((await page.goto(lockedUrl))!.status()).toBe(401);
    await page.goto(`${lockedUrl}?token=${TOKEN}`);
    expect(page.url()).toBe(lockedUrl); // the token is not left in the address bar
    await page.waitForSelector('body[data-ready="true"]');
    await page.selectOption('#persona', 'merchant:1');
    await page.fill('#text', 'how were sales last week?');
    await page.click('#send');
    await expect.poll(() => page.locator('.msg.bot:not(.welcome)').last().textContent(), POLL).toContain('Revenue');
    await page.close();
  });
});

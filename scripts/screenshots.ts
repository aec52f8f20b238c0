// `npm run screenshots`: the web chat's first screen and one answer, on a phone (390×844) and a desktop
// (1280×800), into docs/screenshots/. Runs the page on the test fixture in this process (nothing leaves
// 127.0.0.1) in Debian's Chromium (CHROMIUM_PATH); PNGs are palette-quantised to stay small.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import sharp from 'sharp';
import { migrate, openStore } from '../prisma/store.ts';
import { CHROMIUM, CHROMIUM_ARGS, fixtureAssistant, listenWeb } from '../test/helpers/web-fixture.ts';

const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots');
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

const dir = mkdtempSync(join(tmpdir(), 'screenshots-'));
const url = `file:${join(dir, 'shots.db')}`;
migrate(url);
const db = await openStore(url);
const { app, url: page0 } = await listenWeb({ db, assistant: await fixtureAssistant(db) });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
mkdirSync(OUT, { recursive: true });

async function shoot(page: Page, name: string) {
  await page.mouse.move(0, 0); // no hover colour on whatever was clicked last
  const png = await sharp(await page.screenshot()).png({ palette: true, compressionLevel: 9 }).toBuffer();
  writeFileSync(join(OUT, `${name}.png`), png);
  console.log(`docs/screenshots/${name}.png  ${Math.round(png.length / 1024)} KB`);
}

try {
  for (const [size, viewport] of Object.entries(SIZES)) {
    // A fresh context each time: its own localStorage, so each run starts a new chat.
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(page0);
    await page.waitForSelector('body[data-ready="true"]');
    await page.selectOption('#persona', 'shopper:1');
    await page.waitForSelector('.msg.welcome');
    await shoot(page, `${size}-first-screen`);
    await page.fill('#text', '附近哪里有卖洗衣液');
    await page.click('#send');
    await page.waitForSelector('.msg.bot:not(.welcome)');
    await page.waitForFunction(() => !document.querySelector('#text')!.matches(':disabled'));
    await shoot(page, `${size}-answer`);
    await context.close();
  }
} finally {
  await browser.close();
  await app.close();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}

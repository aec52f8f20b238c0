// The web chat on the hand-made fixture, in this process, on a free loopback port: what the browser
// test drives and what `npm run screenshots` photographs. Shopper 1 has shared a location (the campus).
import type { AddressInfo } from 'node:net';
import { Assistant } from '../../agents/assistant.ts';
import { buildWebServer, type WebDeps } from '../../bots/web/server.ts';
import type { Store } from '../../prisma/store.ts';
import { ensureDemoPictures } from '../../tools/scan-to-buy/demo-pictures.ts';
import { buildFixture, C, NOW } from './fixture.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Fills an empty store with the fixture and returns the assistant on it (local planner, fixed clock). */
export async function fixtureAssistant(db: Store): Promise<Assistant> {
  await buildFixture(db);
  await db.customer.update({ where: { id: 1 }, data: { lastLat: C.lat, lastLng: C.lng } });
  const assistant = await Assistant.create({ db, modelConfig: { kind: 'local' }, clock: () => NOW, log: () => {} });
  await ensureDemoPictures(db, assistant.toolDeps.images);
  return assistant;
}

/** Starts a web server on 127.0.0.1 and returns it with its page's URL. */
export async function listenWeb(deps: WebDeps) {
  const app = buildWebServer(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/` };
}

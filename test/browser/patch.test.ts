import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { LedgerRow } from '../../shared/src/ledger/ledger-row.ts';
import { browserSuite, builtWebApp, demoAccount, fieldShows, openSignedIn } from '../helpers/browser.ts';
import { savedOnServer, stockClient, synced } from '../helpers/clients.ts';
import { allKept } from '../helpers/kept-on-device.ts';
import { api, type TestServer } from '../helpers/test-server.ts';

const { servers, browser } = browserSuite();
const title = 'input[name=title]';
const notes = '#case-notes';

/** The ledger rows the admin sees: every case of the demo town. */
async function townLedger(server: TestServer): Promise<LedgerRow[]> {
  const response = await api(server, server.token, '/api/ledger');
  return ((await response.json()) as { rows: LedgerRow[] }).rows;
}

/**
 * Whether the device's index of kept documents says the copy of `name` holds `client`'s edits up to `clock`.
 * Runs in the page, so it reads the state vector's varints itself.
 */
async function keptCovers(wanted: { name: string; client: number; clock: number }): Promise<boolean> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('concord-patch');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('no index'));
  });
  try {
    if (!db.objectStoreNames.contains('docs')) return false;
    const entry = await new Promise<{ stateVector: Uint8Array } | undefined>((resolve, reject) => {
      const request = db.transaction('docs').objectStore('docs').get(wanted.name);
      request.onsuccess = () => resolve(request.result as { stateVector: Uint8Array } | undefined);
      request.onerror = () => reject(request.error ?? new Error('unreadable index'));
    });
    if (!entry) return false;
    const bytes = entry.stateVector;
    let at = 0;
    const varint = () => {
      let value = 0;
      let shift = 1;
      for (;;) {
        const byte = bytes[at++] ?? 0;
        value += (byte & 0x7f) * shift;
        if (byte < 0x80) return value;
        shift *= 128;
      }
    };
    for (let n = varint(); n > 0; n--) {
      const client = varint();
      const clock = varint();
      if (client === wanted.client) return clock >= wanted.clock;
    }
    return false;
  } finally {
    db.close();
  }
}

/** How many meetings `username` (a demo account) may open, as the server lists them. */
async function meetingsOf(server: TestServer, username: string): Promise<number> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(demoAccount(username)),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await api(server, token, '/api/meetings');
  return ((await response.json()) as { meetings: unknown[] }).meetings.length;
}

/** The device loses the network and the server goes: nothing can come from it any more. */
async function offline(server: TestServer, page: Page): Promise<void> {
  // the app is kept on the device once its service worker is ready
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.context().setOffline(true);
  await server.stop();
}

describe('every case of one’s patch on the device', () => {
  it('W-PATCH-1, W-PATCH-2, W-OFF-1: after one visit, offline, a grid worker opens a case of the village never opened before', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const village = (await townLedger(server)).filter((row) => row.village === 'jiangting');
    expect(village.length).toBeGreaterThan(3);
    const page = await openSignedIn(browser(), `${server.url}/account`, demoAccount('grid1'));
    // every case of the village, and the meetings the village is invited to
    expect(await allKept(page, village.length)).toBeGreaterThanOrEqual(village.length);
    await offline(server, page);
    const never = village.at(-1);
    if (!never) throw new Error('no case in the village');
    await page.goto(`${server.url}/cases/${never.name.slice('case:'.length)}`);
    await fieldShows(page, title, { equals: never.title });
  });

  it('W-PATCH-1: the town’s staff choose a village, see its size, and its cases come to the device', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const rows = await townLedger(server);
    const judicial = 'demo-judicial1';
    const mine = rows.filter((row) => row.handler === judicial || row.leaders.includes(judicial));
    const pingzhai = rows.filter((row) => row.village === 'pingzhai');
    const chosenOnly = pingzhai.filter((row) => !mine.includes(row));
    expect(chosenOnly.length).toBeGreaterThan(0);
    const meetings = await meetingsOf(server, 'judicial1');
    const page = await openSignedIn(browser(), `${server.url}/account`, demoAccount('judicial1'), 'en-US');
    // what they handle or lead, and their meetings; no village yet
    expect(await allKept(page, mine.length + meetings)).toBe(mine.length + meetings);
    const option = page.getByRole('checkbox', { name: /^Pingzhai Village: \d+ case files, about .*B$/ });
    expect(await option.isChecked()).toBe(false);
    await option.check();
    const all = mine.length + chosenOnly.length + meetings;
    expect(await allKept(page, all)).toBe(all);
    // the choice stays on the device
    await page.reload();
    await expect(page.getByRole('checkbox', { name: /^Pingzhai Village/ }).isChecked()).resolves.toBe(true);
    await offline(server, page);
    const one = chosenOnly[0];
    if (!one) throw new Error('no case in Pingzhai');
    await page.goto(`${server.url}/cases/${one.name.slice('case:'.length)}`);
    await fieldShows(page, title, { equals: one.title });
  });

  it('W-PATCH-2, S-SYNC-3: two devices edit the same kept case offline, never opened there before, and nothing is lost', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const village = (await townLedger(server)).filter((row) => row.village === 'jiangting');
    const shared = village[0];
    if (!shared) throw new Error('no case in the village');
    const id = shared.name.slice('case:'.length);
    const grid = await openSignedIn(browser(), `${server.url}/account`, demoAccount('grid1'));
    const cadre = await openSignedIn(browser(), `${server.url}/account`, demoAccount('cadre1'));
    for (const page of [grid, cadre]) await allKept(page, village.length);
    for (const page of [grid, cadre]) {
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.context().setOffline(true);
    }
    await server.stop();
    const typed = { grid: '网格员走访:双方愿意调解。', cadre: '村委会:定于周五调解。' };
    for (const [page, words] of [
      [grid, typed.grid],
      [cadre, typed.cadre],
    ] as const) {
      await page.goto(`${server.url}/cases/${id}`);
      await page.locator(notes).click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(words);
      await page.getByText('Kept on this device', { exact: true }).waitFor();
    }
    await servers.restart(server, { samePort: true });
    for (const page of [grid, cadre]) await page.context().setOffline(false);
    for (const page of [grid, cadre]) {
      await fieldShows(page, notes, { includes: typed.grid });
      await fieldShows(page, notes, { includes: typed.cadre });
    }
  });

  it('W-PATCH-2: a reconnect over an emulated 2G link brings the kept cases up to date; offline after, the news is there', async () => {
    let server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const village = (await townLedger(server)).filter((row) => row.village === 'jiangting');
    const changed = village.at(-1);
    if (!changed) throw new Error('no case in the village');
    const page = await openSignedIn(browser(), `${server.url}/account`, demoAccount('grid1'));
    await allKept(page, village.length);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // Chromium's own switch says the device is offline; the emulation also refuses the socket a new connection,
    // so the phone hears nothing of the office's edit until the link comes back
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: true,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.context().setOffline(true);
    server = await servers.restart(server, { samePort: true });
    // meanwhile the office writes on a case this phone keeps
    const office = stockClient(server.syncUrl, changed.name, { params: { acks: '1' } });
    await synced(office);
    office.doc.getText('notes').insert(0, '镇司法所:已联系双方,周五到村调解。');
    await savedOnServer(office);
    const written = { client: office.doc.clientID, clock: Y.getState(office.doc.store, office.doc.clientID) };
    office.destroy();
    // 2G as WebPageTest defines it: 280 kbit/s down, 256 kbit/s up, 800 ms round trip
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 800,
      downloadThroughput: 35_000,
      uploadThroughput: 32_000,
    });
    await page.context().setOffline(false);
    await allKept(page, village.length);
    await page.locator('details.sync-status[data-state=online]').waitFor();
    // the copy holds the office's edit once the index says so (the socket may have come back before the edit, and
    // then the edit came as a live update over the slow link)
    await expect
      .poll(() => page.evaluate(keptCovers, { name: changed.name, ...written }), { timeout: 30_000 })
      .toBe(true);
    await page.context().setOffline(true);
    await server.stop();
    await page.goto(`${server.url}/cases/${changed.name.slice('case:'.length)}`);
    await fieldShows(page, notes, { includes: '镇司法所:已联系双方,周五到村调解。' });
  });
});

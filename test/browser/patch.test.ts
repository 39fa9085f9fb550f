import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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
    const pingzhai = rows.filter((row) => row.village === 'pingzhai');
    expect(pingzhai.length).toBeGreaterThan(0);
    const page = await openSignedIn(browser(), `${server.url}/account`, demoAccount('judicial1'), 'en-US');
    const before = await allKept(page, 0);
    const option = page.getByRole('checkbox', { name: /^Pingzhai Village: \d+ case files, about .*B$/ });
    expect(await option.isChecked()).toBe(false);
    await option.check();
    expect(await allKept(page, before + pingzhai.length)).toBeGreaterThanOrEqual(before + pingzhai.length);
    // the choice stays on the device
    await page.reload();
    await expect(page.getByRole('checkbox', { name: /^Pingzhai Village/ }).isChecked()).resolves.toBe(true);
    await offline(server, page);
    const one = pingzhai[0];
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
    await page.context().setOffline(true);
    server = await servers.restart(server, { samePort: true });
    // meanwhile the office writes on a case this phone keeps
    const office = stockClient(server.syncUrl, changed.name, { params: { acks: '1' } });
    await synced(office);
    office.doc.getText('notes').insert(0, '镇司法所:已联系双方,周五到村调解。');
    await savedOnServer(office);
    office.destroy();
    const cdp = await page.context().newCDPSession(page);
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
    await page.context().setOffline(true);
    await server.stop();
    await page.goto(`${server.url}/cases/${changed.name.slice('case:'.length)}`);
    await fieldShows(page, notes, { includes: '镇司法所:已联系双方,周五到村调解。' });
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { docName, type DocName } from '../../shared/src/sync/doc-name.ts';
import { builtWebApp, demoAccount, launchChromium, openSignedIn } from '../helpers/chromium.ts';
import { savedOnServer, stockClient, synced } from '../helpers/clients.ts';
import { allKept } from '../helpers/kept-on-device.ts';
import { storeCase } from '../helpers/stored-case.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

/**
 * A grid worker's phone comes back from a day on the hillside over a 2G-like link: the benchmark of reconnecting
 * the whole patch under Chromium's network emulation (SPEC W-PATCH-2). It records the patch online, goes
 * offline, lets others edit a tenth of the cases on the server while the phone edits a few, then reconnects at
 * 2G speed and measures how long until every case is up to date both ways, the bytes on the socket, the size of
 * the changes, and the page's long tasks meanwhile. Prints numbers only.
 */

const extraCases = Number(process.env['WEAK_CASES'] ?? 300);
const editedByOthers = Math.round(extraCases / 10);
const editedHere = 3;
/** 2G as WebPageTest defines it: 280 kbit/s down, 256 kbit/s up, 800 ms round trip. */
const twoG = { offline: false, latency: 800, downloadThroughput: 35_000, uploadThroughput: 32_000 };
const note =
  '今天上午到村民家中走访,双方对宅基地界址仍有争议,已约定下周在村委会由人民调解员主持再次调解,请相关部门准备土地确权资料。';

async function storedBytes(server: TestServer, names: readonly DocName[]): Promise<number> {
  let total = 0;
  for (const name of names)
    for (const update of (await server.store.load(name)).updates) total += update.length;
  return total;
}

/** Bytes of WebSocket payloads each way, and of HTTP responses, counted from Chromium's own view of the network. */
function countFrames(cdp: CDPSession): { sent: number; received: number; http: number; reset(): void } {
  const counts = {
    sent: 0,
    received: 0,
    http: 0,
    reset() {
      counts.sent = 0;
      counts.received = 0;
      counts.http = 0;
    },
  };
  const size = (frame: { opcode: number; payloadData: string }) =>
    frame.opcode === 2
      ? Buffer.from(frame.payloadData, 'base64').length
      : Buffer.byteLength(frame.payloadData);
  cdp.on('Network.webSocketFrameSent', (e) => (counts.sent += size(e.response)));
  cdp.on('Network.webSocketFrameReceived', (e) => (counts.received += size(e.response)));
  cdp.on('Network.loadingFinished', (e) => (counts.http += e.encodedDataLength));
  return counts;
}

export async function runWeakNetworkBench(): Promise<void> {
  if (!existsSync(`${builtWebApp}/index.html`))
    execFileSync('npm', ['run', 'build', '-w', 'web'], { stdio: 'inherit' });
  console.log(
    `\nWeak network: a grid worker's patch of the demo village plus ${extraCases} cases; ${editedByOthers} edited ` +
      `by others and ${editedHere} on the phone while it is offline; reconnect under Chromium's emulation of 2G ` +
      `(${twoG.latency} ms round trip, ${(twoG.downloadThroughput * 8) / 1000} kbit/s down, ` +
      `${(twoG.uploadThroughput * 8) / 1000} kbit/s up).`,
  );
  let server = await startTestServer({ webRoot: builtWebApp, seedDemo: true });
  const browser = await launchChromium();
  try {
    const names: DocName[] = [];
    for (let i = 0; i < extraCases; i++) {
      const id = `weak-${String(i).padStart(4, '0')}`;
      names.push(await storeCase(server, { id, title: `江亭村第${i}号纠纷`, notes: note }));
    }
    const page = await openSignedIn(browser, `${server.url}/account`, demoAccount('grid1'));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const frames = countFrames(cdp);
    let started = performance.now();
    await allKept(page, extraCases, 300_000);
    const firstFetch = performance.now() - started;
    console.log(
      `  first fetch of the patch on a fast link: ${(firstFetch / 1000).toFixed(1)} s, ` +
        `${(frames.received / 1e6).toFixed(2)} MB received`,
    );
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    console.log('  the phone goes offline; others edit on the server');
    // the phone loses its signal; the server restarts so its socket is gone
    await page.context().setOffline(true);
    await cdp.send('Network.emulateNetworkConditions', { ...twoG, offline: true });
    server = await server.restart({ samePort: true });
    const day = names.slice(0, editedByOthers + editedHere);
    const before = await storedBytes(server, day);
    for (const name of names.slice(0, editedByOthers)) {
      const client = stockClient(server.syncUrl, name, { params: { acks: '1' } });
      await synced(client);
      // a visit's record: some 300 characters, as a day's note runs
      client.doc.getText('notes').insert(0, `${note.repeat(4)}\n`);
      client.doc.getMap('case').set('updatedBy', 'office');
      await savedOnServer(client);
      client.destroy();
    }
    console.log('  the phone edits cases offline');
    // the phone edits a few cases, opened offline from its copies
    for (const name of names.slice(editedByOthers, editedByOthers + editedHere)) {
      await page.goto(`${server.url}/cases/${name.slice('case:'.length)}`);
      await page.locator('#case-notes').click();
      await page.keyboard.press('End');
      await page.keyboard.type('回访:双方同意和解。');
      await page.getByText(/Kept on this device/).waitFor();
    }
    await page.goto(`${server.url}/account`);
    await page.evaluate(() => {
      const tasks: number[] = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: 'longtask' });
      Object.assign(window, { __longTasks: tasks });
    });

    console.log('  back online over 2G');
    frames.reset();
    started = performance.now();
    await cdp.send('Network.emulateNetworkConditions', twoG);
    await page.context().setOffline(false);
    await allKept(page, extraCases, 600_000);
    const kept = performance.now() - started;
    await page.locator('details.sync-status[data-unsent="0"]').waitFor({ timeout: 600_000 });
    const reconnect = performance.now() - started;
    const changes = (await storedBytes(server, day)) - before;
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    const check = stockClient(server.syncUrl, docName('case', day.at(-1)?.slice('case:'.length) ?? ''));
    await synced(check);
    const arrived = check.doc.getText('notes').toString().includes('回访');
    check.destroy();
    console.log(
      `  reconnect after the day: every kept case up to date from the server in ${(kept / 1000).toFixed(1)} s, ` +
        `the phone's own edits acknowledged by ${(reconnect / 1000).toFixed(1)} s`,
    );
    console.log(
      `  socket bytes: ${(frames.sent / 1000).toFixed(1)} kB sent, ${(frames.received / 1000).toFixed(1)} kB ` +
        `received; changes stored by the server: ${(changes / 1000).toFixed(1)} kB ` +
        `(ratio ${((frames.sent + frames.received) / Math.max(1, changes)).toFixed(2)}; target <= 1.5); ` +
        `HTTP meanwhile (the ledger's refresh and the like): ${(frames.http / 1000).toFixed(1)} kB`,
    );
    console.log(
      `  long tasks on the page meanwhile: ${tasks.length}, longest ${Math.round(Math.max(0, ...tasks))} ms, ` +
        `${Math.round(tasks.reduce((a, b) => a + b, 0))} ms in all; the phone's edit reached the server: ${arrived}`,
    );
  } finally {
    await browser.close();
    await server.dispose();
  }
}

import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { muxBeatFrame, packFrames } from '../../shared/src/sync/mux-frames.ts';
import {
  browserSuite,
  builtWebApp,
  comeBackOnline,
  demoAccount,
  goOffline,
  openSignedIn,
  signInThroughForm,
} from '../helpers/browser.ts';
import { linkProxy, type LinkProxy } from '../helpers/link-proxy.ts';
import { storeCase, type Step } from '../helpers/stored-case.ts';

const { servers, browser } = browserSuite();
const seeded = () => servers.start({ webRoot: builtWebApp, seedDemo: true });
const proxies: LinkProxy[] = [];
afterEach(async () => {
  for (const proxy of proxies.splice(0)) await proxy.close();
});

const dispatched: Step[] = [
  { kind: 'registered', by: 'demo-centre1', risk: 'low' },
  {
    kind: 'dispatched',
    by: 'demo-centre1',
    handler: 'demo-police1',
    departments: [],
    leaders: [],
    deadline: Date.now() + 15 * 86_400_000,
  },
];

/** The header's status, once it says `state`. */
const status = (page: Page, state: 'online' | 'offline') =>
  page.locator(`header details.sync-status[data-state=${state}]`).waitFor({ timeout: 20_000 });

/** The server's heartbeat as it crosses the wire: an unmasked binary WebSocket frame of one `beat` mux frame. */
const beatMessage = packFrames([muxBeatFrame]);
const beatOnTheWire = new Uint8Array([0x82, beatMessage.length, ...beatMessage]);

describe('sync status', () => {
  it('S-BEAT-1, W-STATUS-1: a link that dies without a close shows offline within seconds, from the heartbeat alone', async () => {
    const server = await seeded();
    await storeCase(server, { id: 'status-beat-0001', title: '张某与李某相邻通行纠纷', steps: dispatched });
    const proxy = await linkProxy(server.url);
    proxies.push(proxy);
    const page = await openSignedIn(browser(), `${proxy.url}/cases/status-beat-0001`, demoAccount('police1'));
    const beat = proxy.serverSent(beatOnTheWire);
    await status(page, 'online');
    await beat;
    // nothing more crosses the link and nothing closes: neither the browser nor the device notices by itself
    proxy.silence();
    await status(page, 'offline');
    await page.locator('[role=status][data-state=offline]').waitFor();
    expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  }, 60_000);

  it('W-STATUS-1: the device saying it is offline flips the status at once, though Chromium’s switch leaves the socket open', async () => {
    const server = await seeded();
    const page = await openSignedIn(browser(), server.url, demoAccount('cadre1'));
    await status(page, 'online');
    await page.context().setOffline(true);
    await status(page, 'offline');
    await page.context().setOffline(false);
    await status(page, 'online');
  }, 60_000);

  it('W-STATUS-2: a case edited offline is listed as unsent, links to its page, and leaves the list once the server has it', async () => {
    const server = await seeded();
    const title = '赵某与钱某宅基地界址纠纷';
    await storeCase(server, { id: 'status-unsent-0001', title, steps: dispatched });
    const page = await openSignedIn(
      browser(),
      `${server.url}/cases/status-unsent-0001`,
      demoAccount('police1'),
    );
    await page.locator('[data-stage=dispatched]').waitFor();
    await status(page, 'online');
    await goOffline(server, [page]);
    await status(page, 'offline');

    await page.getByRole('button', { name: 'Mediation attempt', exact: true }).click();
    await page.locator('select[name=result]').selectOption('agreed');
    await page.getByRole('button', { name: 'Record this step' }).click();
    await page.locator('[data-stage=handling]').waitFor();

    const header = page.locator('header details.sync-status');
    await page.locator('header details.sync-status[data-unsent="1"]').waitFor();
    await header.locator('summary').click();
    const listed = header.locator('ul.unsent a', { hasText: title });
    await listed.waitFor();
    expect(await listed.getAttribute('href')).toBe('/cases/status-unsent-0001');
    expect(await header.locator('.unsent-count').textContent()).toContain('1 waiting to be sent');

    await servers.restart(server, { samePort: true });
    await comeBackOnline([page]);
    await status(page, 'online');
    await page.locator('header details.sync-status[data-unsent="0"]').waitFor({ timeout: 20_000 });
    expect(await header.locator('ul.unsent').count()).toBe(0);
    expect(await header.locator('.last-ack').textContent()).toContain('Last change reached the server');
  }, 90_000);

  it('W-PHONE-1: on a phone the header names the person and the record-a-dispute button shows without scrolling', async () => {
    const server = await seeded();
    for (const [locale, button, name] of [
      ['zh-CN', '登记新的矛盾纠纷', '陈书记'],
      ['en-US', 'Record a new dispute', '陈书记'],
    ] as const) {
      const context = await browser().newContext({ locale, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await signInThroughForm(page, demoAccount('cadre1'));
      const record = page.locator('button.record-dispute', { hasText: button });
      await record.waitFor();
      const box = await record.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.y ?? 844) + (box?.height ?? 0)).toBeLessThanOrEqual(844);
      const who = page.locator('header a.who');
      expect(await who.isVisible()).toBe(true);
      expect(await who.innerText()).toBe(name);
      // the button takes the person to the form, cursor in its first field
      await record.click();
      await page.locator('#new-case-title:focus').waitFor();
      await context.close();
    }
  }, 60_000);
});

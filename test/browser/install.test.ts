import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { browserSuite, builtWebApp } from '../helpers/browser.ts';

const { servers, browser } = browserSuite();

/** What a phone needs of the manifest to offer to install the app (SPEC W-PWA-1). */
const manifestSchema = z.object({
  name: z.string().min(1),
  short_name: z.string().min(1),
  start_url: z.literal('/'),
  scope: z.literal('/'),
  display: z.literal('standalone'),
  theme_color: z.literal('#1f4e79'),
  background_color: z.literal('#ffffff'),
  icons: z.array(
    z.object({
      src: z.string(),
      sizes: z.string().regex(/^\d+x\d+$/),
      type: z.literal('image/png'),
      purpose: z.string().optional(),
    }),
  ),
});

/** The width and height a PNG says it has, from its header chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...bytes.subarray(0, 8)]).toEqual(signature);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Resolves once the service worker controls the page: the app shell is then kept on the device. */
async function shellKept(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Sums the bytes that went over the wire for a page's own requests, as Chromium's network panel counts them. */
function countTransfer(cdp: CDPSession) {
  const pending = new Set<string>();
  const requests: { url: string; bytes: number }[] = [];
  const urls = new Map<string, string>();
  let settled: (() => void) | null = null;
  const check = () => {
    if (pending.size === 0) settled?.();
  };
  cdp.on('Network.requestWillBeSent', (event) => {
    pending.add(event.requestId);
    urls.set(event.requestId, event.request.url);
  });
  cdp.on('Network.loadingFinished', (event) => {
    requests.push({ url: urls.get(event.requestId) ?? '?', bytes: event.encodedDataLength });
    pending.delete(event.requestId);
    check();
  });
  cdp.on('Network.loadingFailed', (event) => {
    pending.delete(event.requestId);
    check();
  });
  return {
    requests,
    /** Resolves once every request seen has finished. */
    settled: () =>
      new Promise<void>((resolve) => {
        settled = resolve;
        check();
      }),
  };
}

describe('the app installs on a phone and keeps itself offline', () => {
  it('W-PWA-1: the manifest is linked and valid, its icons load at their sizes, and Chromium finds it installable', async () => {
    const server = await servers.start({ webRoot: builtWebApp });
    const page = await (await browser().newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel('用户名').waitFor();

    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe('#1f4e79');
    const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');

    const response = await fetch(`${server.url}/manifest.webmanifest`);
    expect(response.headers.get('content-type')).toBe('application/manifest+json');
    const manifest = manifestSchema.parse(await response.json());
    expect(manifest.name).toContain('协和');
    expect(manifest.name).toContain('Concord');

    const icons = [
      ...manifest.icons.map((icon) => ({ src: icon.src, sizes: icon.sizes, purpose: icon.purpose ?? 'any' })),
      { src: appleIcon ?? '(none)', sizes: '180x180', purpose: 'apple-touch-icon' },
    ];
    for (const icon of icons) {
      const png = await fetch(new URL(icon.src, server.url));
      expect(png.status, icon.src).toBe(200);
      const { width, height } = pngSize(new Uint8Array(await png.arrayBuffer()));
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
      // and the browser decodes it at that size
      const decoded = await page.evaluate(async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return `${image.naturalWidth}x${image.naturalHeight}`;
      }, icon.src);
      expect(decoded, icon.src).toBe(icon.sizes);
    }
    const purposes = icons.map((icon) => `${icon.purpose} ${icon.sizes}`);
    expect(purposes).toEqual(
      expect.arrayContaining(['any 192x192', 'any 512x512', 'maskable 512x512', 'apple-touch-icon 180x180']),
    );

    // Chromium reads the same manifest without an error, and has nothing against installing the app
    const cdp = await page.context().newCDPSession(page);
    const parsed = await cdp.send('Page.getAppManifest');
    expect(parsed.errors).toEqual([]);
    expect(parsed.url).toBe(`${server.url}/manifest.webmanifest`);
    await shellKept(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // a test's browser context is always a private window, where Chromium installs nothing: that one is ours
    expect(installabilityErrors.filter((error) => error.errorId !== 'in-incognito')).toEqual([]);
  });

  it('W-PWA-1: after one visit, offline, the shell, the manifest and its icons are still served', async () => {
    const server = await servers.start({ webRoot: builtWebApp });
    const context = await browser().newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel('Username').waitFor();
    await shellKept(page);

    await context.setOffline(true);
    await server.stop();
    await page.reload();
    await page.getByLabel('Username').waitFor();
    const offline = await page.evaluate(async () => {
      const manifest = (await (await fetch('/manifest.webmanifest')).json()) as { icons: { src: string }[] };
      const icons = await Promise.all(manifest.icons.map(async (icon) => (await fetch(icon.src)).status));
      const apple = (await fetch('/apple-touch-icon.png')).status;
      return { manifest, icons, apple };
    });
    expect(offline.manifest.icons.length).toBeGreaterThanOrEqual(3);
    expect(offline.icons.every((status) => status === 200)).toBe(true);
    expect(offline.apple).toBe(200);
    // a page never visited opens offline too: every page is the same shell
    await page.goto(`${server.url}/meetings`);
    await page.getByLabel('Username').waitFor();
  });

  it('S-WEB-1: the first visit to the sign-in page transfers at most 150 kB, over an emulated 3G link', async () => {
    const server = await servers.start({ webRoot: builtWebApp });
    const context = await browser().newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    // a phone on a fair 3G link: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trips (the size, not the time, is
    // the rule; the time is only printed)
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    const transfer = countTransfer(cdp);
    const started = performance.now();
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    await page.getByLabel('用户名').waitFor();
    await transfer.settled();
    const elapsed = performance.now() - started;

    const total = transfer.requests.reduce((sum, request) => sum + request.bytes, 0);
    const heaviest = [...transfer.requests]
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 5)
      .map((request) => `${new URL(request.url).pathname} ${(request.bytes / 1000).toFixed(1)} kB`);

    // what the service worker then fetches to keep the whole app on the device, beyond what the page already has
    await shellKept(page);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const precached = await worker.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).transferSize, 0),
    );

    console.log(
      `first visit of the sign-in page: ${(total / 1000).toFixed(1)} kB in ${transfer.requests.length} requests, ` +
        `${(elapsed / 1000).toFixed(1)} s on emulated 3G; heaviest: ${heaviest.join(', ')}; ` +
        `then the service worker keeps the rest of the app for offline use: ${(precached / 1000).toFixed(1)} kB`,
    );
    expect(transfer.requests.length).toBeGreaterThan(5);
    expect(total).toBeLessThanOrEqual(150_000);
  });
});

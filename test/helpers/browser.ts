import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { serverPool, type TestServer } from './test-server.ts';

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The built web app the server serves; `npm test` builds it before the tests run. */
export const builtWebApp = fileURLToPath(new URL('../../web/build', import.meta.url));

/** Debian's Chromium, headless, with nothing that reaches outside this machine. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`no Chromium at ${chromiumPath}: run .ci/run, or apt-get install -y chromium`);
  }
  if (!existsSync(`${builtWebApp}/index.html`)) {
    throw new Error('the web app is not built: run npm test, or npm run build -w web');
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // a voice note records from a fake microphone (a tone), and the permission prompt is answered yes
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  });
}

type Wanted = { includes: string } | { equals: string };

/**
 * What a field shows, and whether that is what is wanted (null: anything): an input's value, or the lines of a
 * rich-text editor, each paragraph, heading or list item a line. Self-contained, since it runs in the page.
 */
const readField = ([selector, wanted]: readonly [string, Wanted | null]): { shown: string } | false => {
  const field = document.querySelector(selector);
  if (!field) return false;
  let shown: string;
  if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) shown = field.value;
  else {
    const lines = [...field.children].flatMap((block) =>
      block.tagName === 'OL' || block.tagName === 'UL' ? [...block.children] : [block],
    );
    shown = lines.map((line) => line.textContent).join('\n');
  }
  if (wanted === null) return { shown };
  return ('includes' in wanted ? shown.includes(wanted.includes) : shown === wanted.equals) && { shown };
};

/** Resolves once the field shows `expected` (a substring, or the exact text). */
export async function fieldShows(page: Page, selector: string, expected: Wanted): Promise<void> {
  try {
    await page.waitForFunction(readField, [selector, expected] as const, { timeout: 15_000 });
  } catch (error) {
    // say what the person would have seen instead, so a failure explains itself
    const shown = await fieldValue(page, selector).catch(
      (reason: unknown) => `(no field: ${String(reason)})`,
    );
    throw new Error(
      `${selector} on ${page.url()} shows ${JSON.stringify(shown)}, wanted ${JSON.stringify(expected)}`,
      {
        cause: error,
      },
    );
  }
}

/** What a field shows now: an input's value, or a rich-text editor's lines. */
export async function fieldValue(page: Page, selector: string): Promise<string> {
  const read = await page.evaluate(readField, [selector, null] as const);
  if (!read) throw new Error(`no ${selector} on ${page.url()}`);
  return read.shown;
}

/** Signs in through the form, as a person would, and waits for the app behind it. */
export async function signInThroughForm(page: Page, credentials: { username: string; password: string }) {
  await page.getByLabel(/Username|用户名/).fill(credentials.username);
  await page.getByLabel(/Password|密码/).fill(credentials.password);
  await page.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
  await page.getByRole('button', { name: /Sign out|退出登录/ }).waitFor();
}

/** A demo account of the seeded town (SPEC D-DEMO-1), as a person signs in with it. */
export function demoAccount(username: string): { username: string; password: string } {
  return { username, password: 'demo' };
}

/** A fresh browser context (its own storage, as another device) at `url`, signed in through the form. */
export async function openSignedIn(
  browser: Browser,
  url: string,
  credentials: { username: string; password: string },
  locale = 'en-US',
): Promise<Page> {
  const page = await (await browser.newContext({ locale })).newPage();
  await page.goto(url);
  await signInThroughForm(page, credentials);
  return page;
}

/**
 * One Chromium for a test file and a pool of servers: every context and server a test opened is closed after
 * it, even when it fails. `browser()` is the running Chromium.
 */
export function browserSuite() {
  const servers = serverPool();
  let running: Browser | null = null;
  beforeAll(async () => {
    running = await launchChromium();
  });
  afterAll(async () => {
    await running?.close();
  });
  afterEach(async () => {
    for (const context of running?.contexts() ?? []) await context.close();
    await servers.disposeAll();
  });
  const browser = (): Browser => {
    if (!running) throw new Error('Chromium is not running: call browserSuite() at the top of the test file');
    return running;
  };
  return { servers, browser };
}

/**
 * The devices lose the network. Chromium's offline switch leaves open sockets alone, so the server is stopped too:
 * that is what closes them. Resolves once every page says it is offline.
 */
export async function goOffline(server: TestServer, pages: readonly Page[]): Promise<void> {
  for (const page of pages) await page.context().setOffline(true);
  await server.stop();
  for (const page of pages) await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
}

/** The devices have the network again (after the test restarted the server on the same port). */
export async function comeBackOnline(pages: readonly Page[]): Promise<void> {
  for (const page of pages) await page.context().setOffline(false);
}

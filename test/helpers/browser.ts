import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { serverPool } from './test-server.ts';

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
    ],
  });
}

/** Resolves once the field's value satisfies `expected` (a substring, or the exact text). */
export async function fieldShows(
  page: Page,
  selector: string,
  expected: { includes: string } | { equals: string },
): Promise<void> {
  try {
    await page.waitForFunction(
      ([sel, want]) => {
        const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(sel);
        if (!field) return false;
        return 'includes' in want ? field.value.includes(want.includes) : field.value === want.equals;
      },
      [selector, expected] as const,
      { timeout: 15_000 },
    );
  } catch (error) {
    // say what the person would have seen instead, so a failure explains itself
    const shown = await page
      .locator(selector)
      .inputValue({ timeout: 1000 })
      .catch((reason: unknown) => `(no field: ${String(reason)})`);
    throw new Error(
      `${selector} on ${page.url()} shows ${JSON.stringify(shown)}, wanted ${JSON.stringify(expected)}`,
      {
        cause: error,
      },
    );
  }
}

/** The current value of an input or textarea. */
export function fieldValue(page: Page, selector: string): Promise<string> {
  return page.locator(selector).inputValue();
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

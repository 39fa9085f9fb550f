import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Chromium, and signing in through it, for the browser tests and the benchmarks alike: no test runner here. */
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

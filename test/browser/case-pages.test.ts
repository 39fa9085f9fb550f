import { describe, expect, it } from 'vitest';
import { browserSuite, builtWebApp, demoAccount, openSignedIn } from '../helpers/browser.ts';

const { servers, browser } = browserSuite();

/** Within a few seconds, never an endless spinner (SPEC W-MISSING-1). */
const fewSeconds = { timeout: 8_000 };

describe('a case page with no case to show', () => {
  it('W-MISSING-1: a case number the server does not have says so, to one who may record cases too', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    // a village cadre may record cases, so the server lets them open an unknown number empty (SPEC A-RIGHT-8)
    const cadre = await openSignedIn(browser(), `${server.url}/cases/no-such-case-42`, demoAccount('cadre1'));
    await cadre
      .getByRole('alert')
      .filter({ hasText: 'There is no case file with this number, on this device or on the server.' })
      .waitFor(fewSeconds);
    expect(await cadre.getByRole('status').filter({ hasText: 'Opening the case file' }).count()).toBe(0);
    await cadre.getByRole('link', { name: 'Back to the ledger' }).click();
    await cadre.waitForURL((url) => url.pathname === '/');

    // one who may not record cases is refused at the door, which says the same of a case that does not exist
    const supervisor = await openSignedIn(
      browser(),
      `${server.url}/cases/no-such-case-42`,
      demoAccount('supervisor1'),
      'zh-CN',
    );
    await supervisor
      .getByRole('alert')
      .filter({ hasText: '你无权查看这件案件,或没有这个编号的案件。' })
      .waitFor(fewSeconds);
  });

  it('W-MISSING-1: offline, a case not on this device says the server cannot be reached', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const page = await openSignedIn(browser(), `${server.url}/`, demoAccount('judicial1'));
    // the app is kept on the device once its service worker is ready
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await server.stop();
    await page.goto(`${server.url}/cases/demo-hy-neighbours`);
    await page
      .getByRole('alert')
      .filter({ hasText: 'This case file is not on this device, and the server cannot be reached now.' })
      .waitFor(fewSeconds);
  });
});

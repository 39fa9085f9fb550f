import { describe, expect, it } from 'vitest';
import { browserSuite, builtWebApp, demoAccount, openSignedIn } from '../helpers/browser.ts';

const { servers, browser } = browserSuite();

describe('the town’s staff in the ledger and on the case page', () => {
  it('A-DIR-1: the ledger and a case’s steps name the people, offline too, and a dispatch offers the town’s staff', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const judicial = await openSignedIn(browser(), `${server.url}/`, demoAccount('judicial1'));
    // the ledger names who handles each case
    await judicial.getByLabel('Search').fill('王某与刘某山林地界纠纷');
    const row = judicial.locator('li[data-stage]', { hasText: '王某与刘某山林地界纠纷' });
    await row.getByText('handled by 江亭村 陈书记').waitFor();
    await row.getByRole('link').click();
    // steps written by the demo seeding: no one on the page has met these people, the directory names them
    const registered = judicial.getByText(/^综治中心 周主任 registered the case/);
    await registered.waitFor();
    await judicial.getByText(/dispatched the case to 江亭村 陈书记/).waitFor();

    await judicial.getByRole('button', { name: 'Dispatch', exact: true }).click();
    const handlers = await judicial.locator('select[name=handler] option').allTextContents();
    expect(handlers).toEqual(
      expect.arrayContaining(['江亭村 陈书记 · Village cadre', '包案领导 刘镇长 · Case leader']) as string[],
    );

    // the directory is kept on the device with the case
    await judicial.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await server.stop();
    await judicial.reload();
    await registered.waitFor();
  });
});

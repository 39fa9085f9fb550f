import { describe, expect, it } from 'vitest';
import { browserSuite, builtWebApp, demoAccount, openSignedIn } from '../helpers/browser.ts';

const { servers, browser } = browserSuite();

describe('the town’s staff on the case page', () => {
  it('A-DIR-1: a case’s steps name the people who took them, offline too, and a dispatch offers the town’s staff', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const judicial = await openSignedIn(
      browser(),
      `${server.url}/cases/demo-jt-boundary`,
      demoAccount('judicial1'),
    );
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

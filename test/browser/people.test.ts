import { describe, expect, it } from 'vitest';
import { browserSuite, builtWebApp, demoAccount, openSignedIn } from '../helpers/browser.ts';

const { servers, browser } = browserSuite();

describe('the town’s staff in the ledger and on the case page', () => {
  it('A-DIR-1, W-PEOPLE-1: the ledger and a case’s steps name the people, offline too, and a dispatch offers only who may act', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const centre = await openSignedIn(browser(), `${server.url}/`, demoAccount('centre1'));
    // the ledger names who handles each case
    await centre.getByLabel('Search').fill('王某与刘某山林地界纠纷');
    const row = centre.locator('li[data-stage]', { hasText: '王某与刘某山林地界纠纷' });
    await row.getByText('handled by 江亭村 陈书记').waitFor();
    await row.getByRole('link').click();
    // steps written by the demo seeding: no one on the page has met these people, the directory names them
    const registered = centre.getByText(/^综治中心 周主任 registered the case/);
    await registered.waitFor();
    await centre.getByText(/dispatched the case to 江亭村 陈书记/).waitFor();
    await centre.getByText('Taking part: 江亭村 陈书记 and 江亭村 网格员 杨梅').waitFor();

    // a dispatch offers, by name, those who may handle the case at the village, and case leaders as leaders
    await centre.getByRole('button', { name: 'Dispatch', exact: true }).click();
    const handler = centre.locator('[data-person-picker=handler]');
    await handler.locator('[data-chosen=demo-cadre1]').getByText('江亭村 陈书记').waitFor();
    const handlers = await handler
      .locator('[data-candidate]')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-candidate')));
    expect(handlers.sort()).toEqual(['demo-judicial1', 'demo-police1']);
    const leaders = centre.locator('[data-person-picker=leaders]');
    await leaders.getByRole('searchbox').fill('刘镇');
    await leaders.getByRole('button', { name: 'Choose 包案领导 刘镇长' }).waitFor();
    expect(await leaders.locator('[data-candidate]').count()).toBe(1);
    // Enter chooses the one found, and sends nothing yet
    await leaders.getByRole('searchbox').press('Enter');
    await leaders.locator('[data-chosen=demo-leader1]').waitFor();
    await centre.getByRole('heading', { name: 'Dispatch', exact: true }).waitFor();

    // the directory is kept on the device with the case
    await centre.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await server.stop();
    await centre.reload();
    await registered.waitFor();
  });
});

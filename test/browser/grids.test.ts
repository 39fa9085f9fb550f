import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, builtWebApp, demoAccount, openSignedIn } from '../helpers/browser.ts';

const { servers, browser } = browserSuite();

const seeded = () => servers.start({ webRoot: builtWebApp, seedDemo: true });
// fixed demo cases (sync-server/src/demo/demo-cases.ts): the boundary case lies in grid1's grid and another
// person handles it; the wages case lies in no grid and is not grid1's either
const boundary = '王某与刘某山林地界纠纷';
const wages = '村道硬化工程欠薪纠纷';
const rows = 'ul.case-list > li';

/** The words a select shows for its chosen option, as the person reads them. */
function shownChoice(select: Locator): Promise<string> {
  return select.evaluate(
    (element: HTMLSelectElement) => element.selectedOptions[0]?.textContent.trim() ?? '',
  );
}

describe('grids', () => {
  it('A-ACCT-3: an administrator gives grid1 another grid of their village, and their new-case form starts there', async () => {
    const server = await seeded();
    const admin = await openSignedIn(browser(), `${server.url}/admin`, demoAccount('admin'));
    await admin.getByRole('button', { name: 'Change grid1' }).click();
    const editor = admin.getByRole('form', { name: 'Changes to grid1' });
    const grid = editor.getByLabel('Grid', { exact: true });
    expect(await shownChoice(grid)).toBe('Jiangting Village, grid 1');

    // another village's grids are offered once that village is chosen, and the old grid goes
    await editor.getByLabel('Village', { exact: true }).selectOption({ label: 'Hongyan Village' });
    await expect.poll(() => shownChoice(grid)).toBe('—');
    await grid.locator('option', { hasText: 'Hongyan Village, grid 3' }).waitFor({ state: 'attached' });
    await editor.getByLabel('Village', { exact: true }).selectOption({ label: 'Jiangting Village' });

    await grid.selectOption({ label: 'Jiangting Village, grid 2' });
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByText('Saved.').waitFor();
    const row = admin.locator('tr[data-username="grid1"]');
    await row.getByRole('cell', { name: 'Jiangting Village, grid 2' }).waitFor();

    // in Chinese on grid1's own device, the form starts in the grid just given
    const walker = await openSignedIn(browser(), `${server.url}/`, demoAccount('grid1'), 'zh-CN');
    const form = walker.locator('form.new-case');
    await expect.poll(() => shownChoice(form.getByLabel('所属网格'))).toBe('江亭村二组网格');
    expect(await shownChoice(form.getByLabel('所属村'))).toBe('江亭村');
  });

  it('W-GRID-1, L-MINE-1: grid1 records a case in their own grid, and it is theirs in the ledger with the open cases of that grid', async () => {
    const server = await seeded();
    const page = await openSignedIn(browser(), `${server.url}/`, demoAccount('grid1'));
    await page.locator(rows).first().waitFor();
    const form = page.locator('form.new-case');
    expect(await shownChoice(form.getByLabel('Village'))).toBe('Jiangting Village');
    expect(await shownChoice(form.getByLabel('Grid'))).toBe('Jiangting Village, grid 1');

    const title = '鹭鸶滩渡口停船位置争议';
    await form.getByLabel('What the dispute is about').fill(title);
    await form.getByLabel('Type of dispute').selectOption({ label: 'Neighbours' });
    await form.getByLabel('How it came to light').selectOption({ label: 'Found on a visit' });
    await form.getByRole('button', { name: 'Record the case' }).click();
    await page.waitForURL(/\/cases\/[a-z0-9]+$/);
    await expect.poll(() => shownChoice(page.locator('#case-grid'))).toBe('Jiangting Village, grid 1');

    await page.getByRole('link', { name: 'All case files' }).click();
    const search = page.getByLabel('Search');
    // the wages case is in grid1's village but in no grid, and someone else's: not theirs
    await search.fill(wages);
    await page.locator(rows, { hasText: wages }).waitFor();
    await page.getByRole('checkbox', { name: /Only mine/ }).check();
    await expect.poll(() => page.locator(rows, { hasText: wages }).count()).toBe(0);
    // someone else handles the boundary case, but it is open in grid1's grid
    await search.fill('山林地界');
    await page.locator(rows, { hasText: boundary }).getByText('Yours', { exact: true }).waitFor();

    await search.fill(title);
    const recorded = page.locator(rows, { hasText: title });
    await recorded.getByText('Yours', { exact: true }).waitFor();
    expect(await recorded.innerText()).toContain('Jiangting Village, grid 1');
  });
});

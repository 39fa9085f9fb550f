import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserSuite,
  builtWebApp,
  comeBackOnline,
  demoAccount,
  fieldShows,
  fieldValue,
  goOffline,
  openSignedIn,
} from '../helpers/browser.ts';

const { servers, browser } = browserSuite();

const title = 'input[name=title]';

/**
 * The IndexedDB databases of the app on this device: y-indexeddb names each after its document; the app's own
 * (the attachments, the index of the kept documents) start with `concord-`.
 */
const appDatabases = (page: Page) =>
  page.evaluate(async () =>
    (await indexedDB.databases())
      .map((database) => database.name ?? '')
      .filter((name) => /^(case:|meeting:|concord-)/.test(name)),
  );

/** The localStorage keys the app keeps, but the language choice, which is the device's. */
const personsKeys = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('concord.') && key !== 'concord.locale'),
  );

describe('signing out on a shared device', () => {
  it('W-SIGNOUT-1, W-SIGNOUT-2: the warning names the case edited offline; staying sends it; then signing out leaves nothing of the person', async () => {
    let server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const page = await openSignedIn(browser(), `${server.url}/cases/demo-jt-boundary`, demoAccount('cadre1'));
    await page.getByText('Saved on the server').waitFor();

    await goOffline(server, [page]);
    await page.locator(title).click();
    await page.keyboard.press('End');
    await page.keyboard.insertText('(补记)');
    await page.keyboard.press('Enter');
    const edited = await fieldValue(page, title);
    expect(edited).toMatch(/\(补记\)$/);
    await page.getByText('Not yet on the server').waitFor();

    // the warning names what would be lost; staying is the default and keeps it
    await page.getByRole('button', { name: 'Sign out' }).click();
    const warning = page.getByRole('dialog', { name: 'Not yet sent to the server' });
    await warning.getByRole('listitem').filter({ hasText: edited }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent.trim())).toBe(
      'Stay signed in and send them',
    );
    await warning.getByRole('button', { name: 'Stay signed in and send them' }).click();
    await warning.waitFor({ state: 'hidden' });
    await fieldShows(page, title, { equals: edited });

    // online again, it is sent
    server = await servers.restart(server, { samePort: true });
    await comeBackOnline([page]);
    await page.getByText('Saved on the server').waitFor();
    expect(await appDatabases(page)).toEqual(
      expect.arrayContaining(['case:demo-jt-boundary', 'concord-patch']),
    );
    const token = await page.evaluate(
      () => (JSON.parse(localStorage.getItem('concord.session') ?? '{}') as { token?: string }).token,
    );
    expect(token).toBeTruthy();

    // nothing unsent: no warning, and nothing of the person stays on the device
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => appDatabases(page)).toEqual([]);
    expect(await personsKeys(page)).toEqual([]);

    // the server ended the session too
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(401);

    // reloading shows the sign-in form, not the ledger
    await page.reload();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(await page.locator(title).count()).toBe(0);
    expect(await appDatabases(page)).toEqual([]);
  });
  it('W-SIGNOUT-1, W-SIGNOUT-2: offline, choosing to discard signs out and deletes the unsent case with the rest', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const page = await openSignedIn(browser(), `${server.url}/cases/demo-jt-boundary`, demoAccount('cadre1'));
    await page.getByText('Saved on the server').waitFor();
    await goOffline(server, [page]);
    await page.locator(title).click();
    await page.keyboard.press('End');
    await page.keyboard.insertText('(作废)');
    await page.keyboard.press('Enter');
    await page.getByText('Not yet on the server').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    const warning = page.getByRole('dialog', { name: 'Not yet sent to the server' });
    await warning.getByRole('listitem').filter({ hasText: '(作废)' }).waitFor();
    await warning.getByRole('button', { name: 'Sign out and discard them' }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await expect.poll(() => appDatabases(page)).toEqual([]);
    expect(await personsKeys(page)).toEqual([]);
  });
});

describe('storage on the device', () => {
  it('W-STORE-1: the account page says whether the storage is kept for good, and the space used and available', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const page = await openSignedIn(browser(), `${server.url}/account`, demoAccount('cadre1'));
    const section = page.getByRole('region', { name: 'Storage on this device' });
    await section.waitFor();
    await expect
      .poll(() => section.locator('[data-persisted]').getAttribute('data-persisted'))
      .toMatch(/^(true|false)$/);
    const figure = /^\d+(\.\d)? (kB|MB|GB|TB)$/;
    await expect
      .poll(async () => (await section.locator('[data-storage-used]').textContent())?.trim())
      .toMatch(figure);
    expect((await section.locator('[data-storage-available]').textContent())?.trim()).toMatch(figure);
  });
});

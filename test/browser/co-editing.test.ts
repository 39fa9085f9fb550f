import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, builtWebApp, fieldShows, fieldValue, signInThroughForm } from '../helpers/browser.ts';

const { servers, browser } = browserSuite();

const notes = '#case-notes';
const title = 'input[name=title]';

/** Records a case through the form, as a person would, and returns the path of its page. */
async function recordCase(page: Page, caseTitle: string): Promise<string> {
  await page.getByLabel('What the dispute is about').fill(caseTitle);
  await page.getByLabel('Village').selectOption({ label: 'Jiangting Village' });
  await page.getByLabel('Type of dispute').selectOption({ label: 'Forest and land boundaries' });
  await page.getByLabel('How it came to light').selectOption({ label: 'Found on a visit' });
  await page.getByRole('button', { name: 'Record the case' }).click();
  await page.waitForURL(/\/cases\/[a-z0-9]+$/);
  await fieldShows(page, title, { equals: caseTitle });
  return new URL(page.url()).pathname;
}

describe('co-editing a case file in the browser', () => {
  it('W-SYNC-1, S-STORE-2: two browsers co-edit one case; after a server restart a third sees it all', async () => {
    let server = await servers.start({ webRoot: builtWebApp });
    const alice = await (await browser().newContext({ locale: 'en-US' })).newPage();
    const bob = await (await browser().newContext({ locale: 'zh-CN' })).newPage();

    await alice.goto(`${server.url}/`);
    await signInThroughForm(alice, await server.createAccount('judicialOffice'));
    const casePath = await recordCase(alice, 'Boundary of the hillside forest');

    // Bob reads Chinese: the interface follows his browser's language
    await bob.goto(`${server.url}${casePath}`);
    await signInThroughForm(bob, await server.createAccount('judicialOffice'));
    await fieldShows(bob, title, { equals: 'Boundary of the hillside forest' });
    await expect(bob.getByText('基本情况与调解记录').count()).resolves.toBe(1);

    await alice.locator(notes).click();
    await alice.keyboard.type('Alice: first visit, both households present. ');
    await fieldShows(bob, notes, { includes: 'Alice: first visit' });

    // Bob adds at the end, in Chinese, as an input method commits it; and fixes the title
    await bob.locator(notes).click();
    await bob.keyboard.press('End');
    await bob.keyboard.insertText('司法所:建议请林业站现场勘界。');
    await bob.locator(title).click();
    await bob.keyboard.press('End');
    await bob.keyboard.insertText('(王、刘两户)');
    // the title is rewritten whole when the person is done with it (SPEC W-REG-1)
    await bob.keyboard.press('Enter');
    await fieldShows(alice, notes, { includes: '建议请林业站现场勘界' });
    await fieldShows(alice, title, { equals: 'Boundary of the hillside forest(王、刘两户)' });
    const agreed = await fieldValue(alice, notes);
    expect(await fieldValue(bob, notes)).toBe(agreed);
    expect(agreed).toBe('Alice: first visit, both households present. 司法所:建议请林业站现场勘界。');

    await alice.context().close();
    await bob.context().close();
    server = await servers.restart(server);

    const carol = await (await browser().newContext({ locale: 'en-US' })).newPage();
    await carol.goto(`${server.url}/`);
    await signInThroughForm(carol, await server.createAccount('judicialOffice'));
    await carol.getByRole('link', { name: /Boundary of the hillside forest\(王、刘两户\)/ }).click();
    await fieldShows(carol, notes, { equals: agreed });
    await fieldShows(carol, title, { equals: 'Boundary of the hillside forest(王、刘两户)' });
  });

  it('W-OFF-1, W-OFF-2, W-OFF-3: with the server down a reload still shows the case, and edits made meanwhile sync later', async () => {
    let server = await servers.start({ webRoot: builtWebApp });
    const field = await (await browser().newContext({ locale: 'en-US' })).newPage();
    await field.goto(`${server.url}/`);
    await signInThroughForm(field, await server.createAccount('judicialOffice'));
    const casePath = await recordCase(field, 'Unpaid wages for the village road');
    await field.locator(notes).click();
    await field.keyboard.type('Eight villagers, 32,000 yuan. ');
    // the person waits for the app to say the edit is on the phone before putting it away
    await field.getByText('Kept on this device', { exact: true }).waitFor();
    // the app is kept on the device once its service worker is ready
    await field.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    await server.stop();
    await field.reload();
    await fieldShows(field, notes, { equals: 'Eight villagers, 32,000 yuan. ' });
    await expect(field.getByRole('status').filter({ hasText: 'Offline' }).count()).resolves.toBe(1);
    await field.locator(notes).click();
    await field.keyboard.press('End');
    await field.keyboard.type('Written with no signal.');

    server = await servers.restart(server, { samePort: true });
    // the page reconnects by itself; a fresh browser then finds the offline edit on the server
    await field.getByRole('status').filter({ hasText: 'Online' }).waitFor();
    // the server's acknowledgement, not the connection, is what says the edit is safe
    await field.getByText('Saved on the server').waitFor();
    const office = await (await browser().newContext({ locale: 'en-US' })).newPage();
    await office.goto(`${server.url}${casePath}`);
    await signInThroughForm(office, await server.createAccount('judicialOffice'));
    await fieldShows(office, notes, { equals: 'Eight villagers, 32,000 yuan. Written with no signal.' });
  });

  it('W-OFF-2, C-DOC-2: a case recorded offline on one device and edited online on another merges, both see it', async () => {
    let server = await servers.start({ webRoot: builtWebApp });
    const field = await (await browser().newContext({ locale: 'en-US' })).newPage();
    await field.goto(`${server.url}/`);
    await signInThroughForm(field, await server.createAccount('gridWorker', 'jiangting'));
    await field.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    // on the hillside: no server at all while the case is recorded and its first notes written
    await server.stop();
    const casePath = await recordCase(field, 'Hillside boundary stones moved');
    await field.locator(notes).click();
    await field.keyboard.type('Found on the hillside.');
    await field.getByText('Kept on this device', { exact: true }).waitFor();

    server = await servers.restart(server, { samePort: true });
    await field.getByText('Saved on the server').waitFor();
    const office = await (await browser().newContext({ locale: 'en-US' })).newPage();
    await office.goto(`${server.url}${casePath}`);
    await signInThroughForm(office, await server.createAccount('judicialOffice'));
    await fieldShows(office, notes, { equals: 'Found on the hillside.' });

    // both at once: the office adds to the notes while the field worker fixes the title
    await office.locator(notes).click();
    await office.keyboard.press('End');
    await office.keyboard.type(' Office: called both households.');
    await field.locator(title).click();
    await field.keyboard.press('End');
    await field.keyboard.type(' (二组)');
    await field.keyboard.press('Enter');
    const merged = {
      notes: 'Found on the hillside. Office: called both households.',
      title: 'Hillside boundary stones moved (二组)',
    };
    for (const page of [field, office]) {
      await fieldShows(page, notes, { equals: merged.notes });
      await fieldShows(page, title, { equals: merged.title });
    }
  });

  it('W-I18N-1: the language switch turns the interface to Chinese and remembers it', async () => {
    const server = await servers.start({ webRoot: builtWebApp });
    const page = await (await browser().newContext({ locale: 'en-US' })).newPage();
    await page.goto(`${server.url}/`);
    await signInThroughForm(page, await server.createAccount('judicialOffice'));
    await page.getByRole('heading', { name: /Case files/ }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: /案件档案/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.reload();
    await page.getByRole('heading', { name: /案件档案/ }).waitFor();
  });

  it('W-FORM-1: a new case without a title or village is refused with a message, and nothing is created', async () => {
    const server = await servers.start({ webRoot: builtWebApp });
    const page = await (await browser().newContext({ locale: 'en-US' })).newPage();
    await page.goto(`${server.url}/`);
    await signInThroughForm(page, await server.createAccount('judicialOffice'));
    await page.getByText('No case files yet').waitFor();
    await page.getByRole('button', { name: 'Record the case' }).click();
    await page.getByText('Write a few words on what the dispute is about.').waitFor();
    await page.getByText('Choose the village.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await server.store.list()).toEqual([]);
  });
});

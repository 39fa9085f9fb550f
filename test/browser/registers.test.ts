import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../shared/src/cases/case-file.ts';
import { browserSuite, builtWebApp, demoAccount, fieldShows, openSignedIn } from '../helpers/browser.ts';
import { stockClient, synced } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/test-server.ts';

const { servers, browser } = browserSuite();

const title = 'input[name=title]';
const boundary = '王某与刘某山林地界纠纷';
const banner = (page: Page) => page.locator('[data-register-conflict=title]');

/** Rewrites the title as a person does: select it all, type, press Enter. */
async function rewriteTitle(page: Page, text: string): Promise<void> {
  await page.locator(title).fill(text);
  await page.keyboard.press('Enter');
  await fieldShows(page, title, { equals: text });
}

/** The case's title as the server has it on disk. */
async function titleOnServer(server: TestServer, name: string): Promise<string> {
  const reader = stockClient(server.syncUrl, name);
  try {
    await synced(reader);
    return new CaseFile(reader.doc).title;
  } finally {
    reader.destroy();
  }
}

const offline = (page: Page) =>
  page
    .getByRole('status')
    .filter({ hasText: /Offline|离线/ })
    .waitFor();
const online = (page: Page) =>
  page
    .getByRole('status')
    .filter({ hasText: /Online|在线/ })
    .waitFor();

describe('registers in the browser', () => {
  it('W-REG-1, C-REG-2, C-REG-3: two offline rewrites of a title show one title and a banner on both; keeping one clears it on both', async () => {
    let server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const path = `${server.url}/cases/demo-jt-boundary`;
    const police = await openSignedIn(browser(), path, demoAccount('police1'));
    const office = await openSignedIn(browser(), path, demoAccount('judicial1'), 'zh-CN');
    await fieldShows(police, title, { equals: boundary });
    await fieldShows(office, title, { equals: boundary });
    await expect(banner(police).count()).resolves.toBe(0);

    // no signal for either (a browser's offline switch leaves open sockets be, so the server goes instead)
    await server.stop();
    await offline(police);
    await offline(office);

    // each rewrites the title whole, unaware of the other; the office writes second
    await rewriteTitle(police, '警务室改的标题');
    await rewriteTitle(office, '司法所改的标题');

    server = await servers.restart(server, { samePort: true });
    await online(police);
    await online(office);

    // both show the same one title, never the two glued together, and a banner with both values
    for (const page of [police, office]) {
      await banner(page).waitFor();
      await fieldShows(page, title, { equals: '司法所改的标题' });
      await banner(page).getByText('警务室改的标题').waitFor();
      await banner(page).getByText('司法所改的标题').waitFor();
    }
    await banner(police).getByText('司法所 李所长').waitFor();
    await banner(police).getByText('警务室 王警官').waitFor();
    await banner(police).locator('[data-shown=true]').getByText('司法所改的标题').waitFor();

    // one tap on the police post's value: the banner goes on both, and both show that title
    await banner(police).getByRole('button', { name: 'Keep “警务室改的标题”' }).click();
    for (const page of [police, office]) {
      await banner(page).waitFor({ state: 'detached' });
      await fieldShows(page, title, { equals: '警务室改的标题' });
    }
    // the ledger row the server keeps has the title kept
    await police.goto(`${server.url}/`);
    await police.getByRole('link', { name: /警务室改的标题/ }).waitFor();
  });

  it('W-REG-1: the title is written when the person leaves the field, not at each keystroke; a reader has no keep', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const path = `${server.url}/cases/demo-jt-boundary`;
    const office = await openSignedIn(browser(), path, demoAccount('judicial1'));
    const supervisor = await openSignedIn(browser(), path, demoAccount('supervisor1'));
    await fieldShows(supervisor, title, { equals: boundary });

    await office.locator(title).click();
    await office.keyboard.press('End');
    await office.keyboard.type('(复查)');
    await office.getByText('Saved when you leave the field or press Enter.').waitFor();
    // nothing has gone anywhere while the person types: the server has all this page wrote, and the old title
    await office.locator('[data-server-saved=true]').waitFor();
    expect(await titleOnServer(server, 'case:demo-jt-boundary')).toBe(boundary);
    await expect(supervisor.locator(title).inputValue()).resolves.toBe(boundary);
    await office.locator('#case-notes').click();
    await fieldShows(supervisor, title, { equals: `${boundary}(复查)` });
    await expect(office.getByText('Saved when you leave the field or press Enter.').count()).resolves.toBe(0);
    await expect(supervisor.getByRole('button', { name: /^Keep/ }).count()).resolves.toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { hashToken } from '../../sync-server/src/auth/auth-service.ts';
import { SqliteAccountStore } from '../../sync-server/src/storage/sqlite-account-store.ts';
import { openSqliteDatabase } from '../../sync-server/src/storage/sqlite-database.ts';
import { browserSuite, builtWebApp, fieldShows, fieldValue, signInThroughForm } from '../helpers/browser.ts';

const { servers, browser } = browserSuite();

const notes = '#case-notes';

/** Ends a session in a stopped server's database, as an administrator revoking it would. */
async function endSession(dataDir: string, token: string): Promise<void> {
  const db = openSqliteDatabase(dataDir);
  try {
    await new SqliteAccountStore(db).removeSession(hashToken(token));
  } finally {
    db.close();
  }
}

describe('signing in from the browser', () => {
  it('A-AUTH-1, W-FORM-1: a wrong password is refused with a message, in the reader’s language', async () => {
    const server = await servers.start({ webRoot: builtWebApp });
    const page = await (await browser().newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel('用户名').fill('nobody');
    await page.getByLabel('密码').fill('guess');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误。' }).waitFor();
    expect(await page.getByRole('button', { name: '退出登录' }).count()).toBe(0);
  });

  it('A-AUTH-3: when the sign-in ends, edits wait on the device and go up after signing in again', async () => {
    let server = await servers.start({ webRoot: builtWebApp });
    const person = await server.createAccount('villageCadre', 'jiangting');
    const page = await (await browser().newContext({ locale: 'en-US' })).newPage();
    await page.goto(`${server.url}/`);
    await signInThroughForm(page, person);
    await page.getByLabel('What the dispute is about').fill('Water channel shared by three households');
    await page.getByLabel('Village').selectOption({ label: 'Jiangting Village' });
    await page.getByLabel('Type of dispute').selectOption({ label: 'Neighbours' });
    await page.getByLabel('How it came to light').selectOption({ label: 'Found on a visit' });
    await page.getByRole('button', { name: 'Record the case' }).click();
    await page.waitForURL(/\/cases\/[a-z0-9]+$/);
    const casePath = new URL(page.url()).pathname;
    await page.getByText('Saved on the server').waitFor();

    // the server goes away, and while it is down the person's session is ended
    await server.stop();
    await page.locator(notes).click();
    await page.keyboard.type('Visited on market day.');
    await page.getByText('Kept on this device', { exact: true }).waitFor();
    const token = await page.evaluate(() => {
      const stored = localStorage.getItem('concord.session');
      return stored ? (JSON.parse(stored) as { token: string }).token : '';
    });
    await endSession(server.dataDir, token);
    server = await servers.restart(server, { samePort: true });

    await page.getByText('Your sign-in has ended').waitFor();
    expect(await fieldValue(page, notes)).toBe('Visited on market day.');
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: /^Sign in$/ }).click();
    await page.getByText('Saved on the server').waitFor();

    const office = await (await browser().newContext({ locale: 'en-US' })).newPage();
    await office.goto(`${server.url}${casePath}`);
    await signInThroughForm(office, await server.createAccount('judicialOffice'));
    await fieldShows(office, notes, { equals: 'Visited on market day.' });
  });
});

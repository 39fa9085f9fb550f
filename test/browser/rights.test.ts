import { describe, expect, it } from 'vitest';
import { docHistoryResponseSchema } from '../../shared/src/docs/listing.ts';
import {
  browserSuite,
  builtWebApp,
  demoAccount,
  fieldShows,
  fieldValue,
  openSignedIn,
} from '../helpers/browser.ts';
import { type TestServer } from '../helpers/test-server.ts';

const { servers, browser } = browserSuite();

const notes = '#case-notes';
const title = 'input[name=title]';
const seeded = () => servers.start({ webRoot: builtWebApp, seedDemo: true });

// demo cases (sync-server/src/demo/demo-cases.ts): two in each village
const jiangting = ['王某与刘某山林地界纠纷', '村道硬化工程欠薪纠纷(涉及8名村民)'] as const;
const hongyan = ['张某与李某宅基地滴水纠纷', '陈某夫妻婚姻家庭纠纷'] as const;
const hongyanNotes =
  '联户长反映:张家新建房屋屋檐滴水落入李家院坝。警务室民警已到场劝解,双方同意由村调委会调解。';

/** Who the server's attribution trail names for a document, read as an administrator. */
async function historyAuthors(server: TestServer, name: string): Promise<string[]> {
  const response = await fetch(`${server.url}/api/docs/${name}/history`, {
    headers: { authorization: `Bearer ${server.token}` },
  });
  return docHistoryResponseSchema.parse(await response.json()).history.map((entry) => entry.author.id);
}

describe('rights in the browser', () => {
  it('A-RIGHT-2, A-RIGHT-10: a supervisor sees a case read-only, and what they type changes nothing on the server', async () => {
    const server = await seeded();
    const supervisor = await openSignedIn(browser(), `${server.url}/`, demoAccount('supervisor1'));
    await supervisor.getByRole('link', { name: hongyan[0] }).click();
    await fieldShows(supervisor, notes, { equals: hongyanNotes });
    await supervisor.getByText('You may read this case file but not change it.').waitFor();
    expect(await supervisor.locator(notes).evaluate((field: HTMLElement) => field.isContentEditable)).toBe(
      false,
    );
    expect(await supervisor.locator(title).evaluate((field: HTMLInputElement) => field.readOnly)).toBe(true);
    await supervisor.locator(notes).click();
    await supervisor.keyboard.type('Supervisor was here.');

    // a reader still sees live edits; the police post's words arrive, the supervisor's never went anywhere
    const police = await openSignedIn(
      browser(),
      `${server.url}/cases/demo-hy-neighbours`,
      demoAccount('police1'),
    );
    await fieldShows(police, notes, { equals: hongyanNotes });
    await police.locator(notes).click();
    await police.keyboard.press('End');
    await police.keyboard.type(' Police: visited again.');
    await police.getByText('Saved on the server').waitFor();
    await fieldShows(supervisor, notes, { equals: `${hongyanNotes} Police: visited again.` });
    expect(await fieldValue(police, notes)).toBe(`${hongyanNotes} Police: visited again.`);
    expect(await historyAuthors(server, 'case:demo-hy-neighbours')).not.toContain('demo-supervisor1');
  });

  it('A-RIGHT-4, A-RIGHT-11, A-REVOKE-2, W-MISSING-1: a village cadre lists only their village, and another village’s case is refused on its page, nothing of it kept', async () => {
    const server = await seeded();
    const cadre = await openSignedIn(browser(), `${server.url}/`, demoAccount('cadre1'));
    for (const caseTitle of jiangting) await cadre.getByRole('link', { name: caseTitle }).waitFor();
    for (const caseTitle of hongyan)
      expect(await cadre.getByRole('link', { name: caseTitle }).count()).toBe(0);

    await cadre.goto(`${server.url}/cases/demo-hy-neighbours`);
    await cadre
      .getByRole('alert')
      .filter({ hasText: 'This case file is not yours to open, or there is none with this number.' })
      .waitFor({ timeout: 8_000 });
    expect(new URL(cadre.url()).pathname).toBe('/cases/demo-hy-neighbours');
    // nothing of it stays on the device: no row, no local copy
    await cadre.waitForFunction(async () => {
      const databases = await indexedDB.databases();
      return !databases.some((db) => db.name === 'case:demo-hy-neighbours');
    });
    expect(await cadre.evaluate(() => localStorage.getItem('concord.known-cases'))).not.toContain('demo-hy');
  });

  it('A-REVOKE-1, A-REVOKE-2: a cadre moved to another village leaves the open case for the new village’s list, and the old cases leave the device', async () => {
    const server = await seeded();
    const cadre = await openSignedIn(browser(), `${server.url}/`, demoAccount('cadre1'));
    await cadre.getByRole('link', { name: jiangting[0] }).click();
    await cadre.getByText('Saved on the server').waitFor();

    const moved = await fetch(`${server.url}/api/admin/accounts/demo-cadre1`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ village: 'hongyan' }),
    });
    expect(moved.status).toBe(200);

    await cadre.getByRole('alert').filter({ hasText: 'That case file is not yours to open' }).waitFor();
    for (const caseTitle of hongyan) await cadre.getByRole('link', { name: caseTitle }).waitFor();
    await cadre.waitForFunction(async () => {
      const databases = await indexedDB.databases();
      return !databases.some((db) => db.name?.startsWith('case:demo-jt'));
    });
  });

  it('A-ACCT-1, A-ACCT-2: an administrator adds a person at /admin, who then signs in on another device', async () => {
    const server = await seeded();
    const admin = await openSignedIn(browser(), `${server.url}/`, demoAccount('admin'));
    await admin.getByRole('link', { name: 'Accounts' }).click();
    await admin.getByRole('cell', { name: 'supervisor1', exact: true }).waitFor();
    const form = admin.locator('form.new-account');
    await form.getByLabel('Username', { exact: true }).fill('grid7');
    await form.getByLabel('Name', { exact: true }).fill('Hongyan grid worker');
    await form.getByLabel('Role', { exact: true }).selectOption({ label: 'Grid worker' });
    await form.getByLabel('Password', { exact: true }).fill('short');
    await form.getByRole('button', { name: 'Add' }).click();
    // refused beside the fields, before the server is asked
    await form.getByText('This role belongs to a village: choose one.').waitFor();
    await form.getByText('The password needs at least 8 characters.').waitFor();
    await form.getByLabel('Village', { exact: true }).selectOption({ label: 'Hongyan Village' });
    await form.getByLabel('Password', { exact: true }).fill('hongyan-2026');
    await form.getByRole('button', { name: 'Add' }).click();
    await admin.getByText('Hongyan grid worker was added').waitFor();
    await admin.getByRole('cell', { name: 'grid7', exact: true }).waitFor();

    const person = await openSignedIn(browser(), `${server.url}/`, {
      username: 'grid7',
      password: 'hongyan-2026',
    });
    for (const caseTitle of hongyan) await person.getByRole('link', { name: caseTitle }).waitFor();
    expect(await person.getByRole('link', { name: jiangting[0] }).count()).toBe(0);
  });

  it('A-REVOKE-1: a person the administrator disables is asked to sign in again on the case page they have open', async () => {
    const server = await seeded();
    const cadre = await openSignedIn(
      browser(),
      `${server.url}/cases/demo-jt-boundary`,
      demoAccount('cadre1'),
    );
    await cadre.getByText('Saved on the server').waitFor();

    const admin = await openSignedIn(browser(), `${server.url}/admin`, demoAccount('admin'));
    await admin.getByRole('button', { name: 'Change cadre1' }).click();
    await admin.getByRole('button', { name: 'Disable' }).click();
    await admin.getByText('Disabled: the person is signed out everywhere.').waitFor();

    await cadre.getByText('Your sign-in has ended').waitFor({ timeout: 10_000 });
    await cadre.getByLabel('Password').fill('demo');
    await cadre.getByRole('button', { name: /^Sign in$/ }).click();
    await cadre.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
  });

  it('A-ATTR-1: the case page shows who changed the notes, with their role', async () => {
    const server = await seeded();
    const police = await openSignedIn(browser(), `${server.url}/cases/demo-pz-land`, demoAccount('police1'));
    const office = await openSignedIn(
      browser(),
      `${server.url}/cases/demo-pz-land`,
      demoAccount('judicial1'),
    );
    await office.getByRole('heading', { name: 'Who changed what' }).waitFor();

    await police.locator(notes).click();
    await police.keyboard.type('Police: both parties came to the post. ');
    await fieldShows(office, notes, { includes: 'both parties came' });
    await office.locator(title).click();
    await office.keyboard.press('End');
    await office.keyboard.type(' (judicial office)');
    await office.keyboard.press('Enter');

    // each page asks again once the server has the other's edit on disk
    for (const page of [police, office]) {
      const history = page.locator('section.history li');
      await history
        .filter({ hasText: '警务室 王警官' })
        .filter({ hasText: 'Police post' })
        .filter({ hasText: 'changed the notes' })
        .waitFor();
      await history
        .filter({ hasText: '司法所 李所长' })
        .filter({ hasText: 'Judicial office' })
        .filter({ hasText: 'changed the title' })
        .waitFor();
    }
  });
});

describe('signing in', () => {
  it('A-AUTH-5: a person changes their password at /account and signs in with it on another device', async () => {
    const server = await servers.start({ webRoot: builtWebApp });
    const person = await server.createAccount('mediator');
    const page = await openSignedIn(browser(), `${server.url}/`, person);
    await page.getByRole('link', { name: /^Tester \d+$/ }).click();
    await page.getByLabel('Current password').fill('not it');
    await page.getByLabel('New password', { exact: true }).fill('river-stone-42');
    await page.getByLabel('New password again').fill('river-stone-42');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The current password is wrong.').waitFor();
    await page.getByLabel('Current password').fill(person.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password is changed.').waitFor();

    await openSignedIn(browser(), `${server.url}/`, {
      username: person.username,
      password: 'river-stone-42',
    });
  });

  it('A-AUTH-4: once sign-in is throttled, the form says to wait', async () => {
    const server = await servers.start({ webRoot: builtWebApp });
    const { username, password } = await server.createAccount('policePost');
    // ten wrong guesses at this username from elsewhere
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'a guess' }),
      });
      expect(response.status).toBe(401);
    }
    const page = await (await browser().newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').filter({ hasText: '尝试次数过多。请一分钟后再试。' }).waitFor();
    expect(await page.getByRole('button', { name: '退出登录' }).count()).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { browserSuite, builtWebApp, demoAccount, openSignedIn } from '../helpers/browser.ts';

const { servers, browser } = browserSuite();

describe('parties on the case page', () => {
  it('C-PARTY-1, W-FORM-1: a party added on one device shows on another, and an edit of it comes back', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const casePath = '/cases/demo-jt-boundary';
    const police = await openSignedIn(browser(), `${server.url}${casePath}`, demoAccount('police1'));
    const cadre = await openSignedIn(browser(), `${server.url}${casePath}`, demoAccount('cadre1'));

    await police.getByRole('button', { name: 'Add the party' }).click();
    await police.getByText('Write the party’s name.').waitFor();
    const form = police.locator('form.party-form');
    await form.getByLabel('Name').fill('刘某');
    await form.getByLabel('Part in the dispute').selectOption({ label: 'Respondent' });
    await form.getByLabel('Contact').fill('139 0000 1111');
    await police.getByRole('button', { name: 'Add the party' }).click();

    const shown = cadre.locator('input[name=party-name]');
    await shown.first().waitFor();
    const names = await shown.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(names).toContain('刘某');
    const row = cadre.locator('li[data-party]').nth(names.indexOf('刘某'));
    await row.locator('input[name=party-village]').fill('江亭村三组');
    await row.locator('input[name=party-village]').blur();

    await police.waitForFunction(() =>
      [...document.querySelectorAll<HTMLInputElement>('input[name=party-village]')].some(
        (i) => i.value === '江亭村三组',
      ),
    );
  });

  it('C-PARTY-2: a party’s village of the town shows in the reader’s language, however it was typed', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const casePath = '/cases/demo-jt-boundary';
    const police = await openSignedIn(browser(), `${server.url}${casePath}`, demoAccount('police1'));
    const cadre = await openSignedIn(browser(), `${server.url}${casePath}`, demoAccount('cadre1'), 'zh-CN');
    const places = (page: typeof police) =>
      page
        .locator('li[data-party] input[name=party-village]')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

    // the demo's parties live in 江亭村
    await police.locator('li[data-party]').first().waitFor();
    expect(await places(police)).toEqual(['Jiangting Village', 'Jiangting Village']);
    expect(await places(cadre)).toEqual(['江亭村', '江亭村']);

    // the cadre, reading Chinese, moves the second party to 红岩村: the police post reads Hongyan Village
    const second = cadre.locator('li[data-party] input[name=party-village]').nth(1);
    await second.fill('红岩村');
    await second.blur();
    await police.waitForFunction(() =>
      [...document.querySelectorAll<HTMLInputElement>('input[name=party-village]')].some(
        (i) => i.value === 'Hongyan Village',
      ),
    );
  });
});

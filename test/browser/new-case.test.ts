import { describe, expect, it } from 'vitest';
import { browserSuite, builtWebApp, demoAccount, signInThroughForm } from '../helpers/browser.ts';

const { servers, browser } = browserSuite();

const rows = 'ul.case-list > li';

describe('the new-case form at the door', () => {
  it('W-NEWCASE-1, C-DOC-6: on a phone a grid worker records who, what happened, the type and how it was found; the case page and the ledger row show them', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const context = await browser().newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await signInThroughForm(page, demoAccount('grid1'));
    await page.locator(rows).first().waitFor();
    const form = page.locator('form.new-case');
    const title = '河堤边菜地放牛踩踏庄稼';

    // neither the type nor how it was found is chosen beforehand: both are refused until chosen
    await form.getByLabel('纠纷事由').fill(title);
    expect(await form.getByLabel('纠纷类型').inputValue()).toBe('');
    expect(await form.getByLabel('发现方式').inputValue()).toBe('');
    await form.getByRole('button', { name: '登记案件' }).click();
    await form.getByText('请选择纠纷类型。').waitFor();
    await form.getByText('请选择发现方式。').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await form.getByLabel('纠纷类型').getAttribute('aria-invalid')).toBe('true');
    // every question, refusals shown, fits on one phone screen
    expect((await form.boundingBox())?.height ?? Infinity).toBeLessThanOrEqual(844);

    await form.getByLabel('当事人姓名').fill('赵桂兰');
    await form.getByLabel('当事人联系方式').fill('139****0417');
    await form.getByLabel('事情经过').fill('邻居家的牛三次进菜地,踩坏白菜两分地。');
    await form.getByLabel('纠纷类型').selectOption({ label: '邻里纠纷' });
    await form.getByLabel('发现方式').selectOption({ label: '12345热线' });
    await form.getByRole('button', { name: '登记案件' }).click();
    await page.waitForURL(/\/cases\/[a-z0-9]+$/);

    const source = page.locator('#case-source');
    await expect.poll(() => source.inputValue()).toBe('hotline12345');
    expect(await source.isDisabled()).toBe(false);
    expect(await page.locator('#case-type').inputValue()).toBe('neighbours');
    await expect.poll(() => page.locator('input[name=party-name]').first().inputValue()).toBe('赵桂兰');
    await page.locator('#case-notes').getByText('邻居家的牛三次进菜地').waitFor();

    // the person may change it like the type; the history keeps both
    await source.selectOption({ label: '走访发现' });
    await expect.poll(() => source.inputValue()).toBe('visit');

    await page.goto(server.url);
    const row = page.locator(rows).filter({ hasText: title });
    await row.waitFor();
    await expect.poll(() => row.locator('.source').textContent()).toBe('走访发现');
    expect(await row.textContent()).toContain('邻里纠纷');
    // and the ledger filters on it
    await page.locator('#filter-source').selectOption('hotline12345');
    await expect.poll(() => row.count()).toBe(0);
    await page.locator('#filter-source').selectOption('visit');
    await row.waitFor();
  }, 60_000);
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ledgerResponseSchema, type LedgerRow } from '../../shared/src/ledger/ledger-row.ts';
import {
  browserSuite,
  builtWebApp,
  demoAccount,
  openSignedIn,
  signInThroughForm,
} from '../helpers/browser.ts';
import { type TestServer } from '../helpers/test-server.ts';

const { servers, browser } = browserSuite();

const seeded = () => servers.start({ webRoot: builtWebApp, seedDemo: true });
const hour = 60 * 60 * 1000;

/** Every case of the demo town, as the server lists them to its administrator. */
async function allRows(server: TestServer): Promise<LedgerRow[]> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(demoAccount('admin')),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${server.url}/api/ledger`, { headers: { authorization: `Bearer ${token}` } });
  return ledgerResponseSchema.parse(await response.json()).rows;
}

/** Today's date in China (`YYYY-MM-DD`), counted here without the app's calendar code. */
const chinaToday = () => new Date(Date.now() + 8 * hour).toISOString().slice(0, 10);

/** The table's lines: each line's header and the figures the test checks, by column. */
async function tableLines(page: Page): Promise<{ group: string; cells: Record<string, string> }[]> {
  return page.locator('table tbody tr').evaluateAll((lines) =>
    lines.map((line) => ({
      group: line.querySelector('th')?.textContent.trim() ?? '',
      cells: Object.fromEntries(
        [...line.querySelectorAll('td')].map((cell) => [
          cell.getAttribute('data-column') ?? '',
          cell.textContent.trim(),
        ]),
      ),
    })),
  );
}

/** Chooses "range of days" from 1 January 2000 to today: every case the town has. */
async function chooseEverything(page: Page): Promise<void> {
  await page.getByRole('radio', { name: /Range of days|自定日期/ }).check();
  await page.locator('input[name="statistics-from"]').fill('2000-01-01');
  await page.locator('input[name="statistics-to"]').fill(chinaToday());
}

describe('the statistics page', () => {
  it('L-STATS-4, L-STATS-1: the supervisor finds the page in the header and sees the town’s figures, as counted from the ledger rows', async () => {
    const server = await seeded();
    const rows = await allRows(server);
    const registered = rows.filter((row) => row.registeredAt !== null);
    const resolved = registered.filter((row) => row.closedAt !== null);
    const reopened = registered.filter((row) => row.reopenings > 0);
    const monthStart = Date.parse(`${chinaToday().slice(0, 7)}-01T00:00:00+08:00`);
    const foundThisMonth = rows.filter((row) => row.createdAt !== null && row.createdAt >= monthStart);
    expect(resolved.length).toBeGreaterThan(0);
    expect(reopened.length).toBeGreaterThan(0);

    const page = await openSignedIn(browser(), `${server.url}/`, demoAccount('supervisor1'));
    await page.getByRole('link', { name: 'Statistics' }).click();
    await page.getByRole('heading', { name: 'Statistics', level: 1 }).waitFor();

    // this month, the whole town: as many found as the rows say were created since the 1st (China time)
    await expect
      .poll(async () => (await tableLines(page))[0]?.cells['found'])
      .toBe(String(foundThisMonth.length));

    await chooseEverything(page);
    await expect
      .poll(async () => (await tableLines(page))[0])
      .toMatchObject({
        group: 'The town',
        cells: {
          registered: String(registered.length),
          resolved: String(resolved.length),
          resolutionRate: `${((resolved.length / registered.length) * 100).toFixed(1)}%`,
          reopened: String(reopened.length),
        },
      });
    // each figure is defined under the table
    await page.getByRole('heading', { name: 'Definitions' }).waitFor();
    await page.getByText('Resolved divided by registered.').waitFor();

    // split by village: each of the three villages, counted alone
    await page.getByLabel('Split by').selectOption('village');
    await expect.poll(async () => (await tableLines(page)).length).toBe(3);
    const byVillage = await tableLines(page);
    const jiangting = byVillage.find((line) => line.group === 'Jiangting Village');
    expect(jiangting?.cells['registered']).toBe(
      String(registered.filter((row) => row.village === 'jiangting').length),
    );
    expect(await page.locator('tfoot td[data-column="registered"]').innerText()).toBe(
      String(registered.length),
    );
  });

  it('L-STATS-4: a village cadre sees only the figures of their own village, in Chinese, and offline too', async () => {
    const server = await seeded();
    const rows = await allRows(server);
    const jiangting = rows.filter((row) => row.village === 'jiangting' && row.registeredAt !== null);
    expect(rows.some((row) => row.village !== 'jiangting' && row.registeredAt !== null)).toBe(true);

    const page = await openSignedIn(browser(), `${server.url}/statistics`, demoAccount('cadre1'), 'zh-CN');
    await page.getByRole('heading', { name: '统计', level: 1 }).waitFor();
    await page.getByText('仅统计本村的纠纷。').waitFor();
    const onlyJiangting = [
      expect.objectContaining({
        group: '江亭村',
        cells: expect.objectContaining({ registered: String(jiangting.length) }) as unknown,
      }),
    ];
    await chooseEverything(page);
    await page.getByLabel('分组').selectOption('village');
    await expect.poll(async () => tableLines(page)).toEqual(onlyJiangting);

    // with the server down, a reload counts the same from the ledger kept on the device
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await server.stop();
    await page.reload();
    await page.getByRole('status').filter({ hasText: '按本设备保存的台账统计' }).waitFor();
    await chooseEverything(page);
    await page.getByLabel('分组').selectOption('village');
    await expect.poll(async () => tableLines(page)).toEqual(onlyJiangting);
  });

  it('W-PHONE-1, L-STATS-4: on a phone the header keeps every control on screen beside the statistics link, in both languages', async () => {
    const server = await seeded();
    for (const locale of ['zh-CN', 'en-US']) {
      const context = await browser().newContext({ locale, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/statistics`);
      await signInThroughForm(page, demoAccount('supervisor1'));
      await page.locator('header a[href="/statistics"]').waitFor();
      const controls = await page
        .locator('header a, header button, header summary')
        .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().right));
      expect(controls.length).toBeGreaterThan(4);
      for (const right of controls) expect(right).toBeLessThanOrEqual(390);
      await context.close();
    }
  });

  it('L-STATS-2: a range ending before it begins is refused with a message, not counted', async () => {
    const server = await seeded();
    const page = await openSignedIn(browser(), `${server.url}/statistics`, demoAccount('supervisor1'));
    await page.getByRole('radio', { name: 'Range of days' }).check();
    await page.locator('input[name="statistics-from"]').fill('2026-05-02');
    await page.locator('input[name="statistics-to"]').fill('2026-05-01');
    await page.getByRole('alert').filter({ hasText: 'Choose a month, a quarter' }).waitFor();
    expect(await page.locator('table').count()).toBe(0);
  });
});

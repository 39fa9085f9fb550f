import type { Page } from 'playwright-core';

/**
 * Resolves once the account page says every document to keep is on the device and up to date, and at least
 * `atLeast` of them (SPEC W-PATCH-1); with how many it keeps.
 */
export async function allKept(page: Page, atLeast: number, timeout = 30_000): Promise<number> {
  await page.waitForFunction(
    (min) => {
      const p = document.querySelector<HTMLElement>('#offline .progress');
      const wanted = Number(p?.dataset['wanted'] ?? 0);
      return (
        wanted >= min && p?.dataset['held'] === String(wanted) && p.dataset['upToDate'] === String(wanted)
      );
    },
    atLeast,
    { timeout, polling: 100 },
  );
  return Number(await page.locator('#offline .progress').getAttribute('data-wanted'));
}

import { describe, expect, it } from 'vitest';
import { browserSuite, builtWebApp, demoAccount, openSignedIn } from '../helpers/browser.ts';

const { servers, browser } = browserSuite();

describe('who is typing where', () => {
  it('W-PRES-2: the others see a caret with the person’s name where they type in the notes, and it goes when they leave', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const casePath = '/cases/demo-jt-boundary';
    const police = await openSignedIn(browser(), `${server.url}${casePath}`, demoAccount('police1'));
    const judicial = await openSignedIn(browser(), `${server.url}${casePath}`, demoAccount('judicial1'));

    await police.locator('#case-notes').click();
    await police.keyboard.press('End');
    await police.keyboard.type(' 民警补充:');
    const caret = judicial.locator('[data-remote-caret="警务室 王警官"]');
    await caret.waitFor();
    expect(await caret.textContent()).toContain('警务室 王警官');

    // the caret sits inside the notes box, on the judicial office's screen
    const box = await judicial.locator('#case-notes').boundingBox();
    const at = await caret.boundingBox();
    if (!box || !at) throw new Error('nothing to measure');
    expect(at.y).toBeGreaterThanOrEqual(box.y);
    expect(at.y).toBeLessThanOrEqual(box.y + box.height);

    await police.locator('input[name=title]').click();
    await caret.waitFor({ state: 'detached' });
  });
});

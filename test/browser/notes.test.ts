import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserSuite,
  builtWebApp,
  demoAccount,
  fieldShows,
  fieldValue,
  openSignedIn,
} from '../helpers/browser.ts';

const { servers, browser } = browserSuite();

const notes = '#case-notes';
const title = 'input[name=title]';
const casePath = '/cases/demo-jt-boundary';
const demoNotes = '网格员入户走访时发现:两户对后山一片杉木林的界线各执一词,已有口角。村委会第一次劝调未果。';

/** A toolbar button of the notes, found by its label as a screen reader names it. */
const formatButton = (page: Page, label: string) =>
  page.getByRole('toolbar', { name: 'Formatting of the notes' }).getByRole('button', { name: label });

/** The police post and the judicial office with one demo case open, its notes showing. */
async function bothOnTheCase() {
  const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
  const police = await openSignedIn(browser(), `${server.url}${casePath}`, demoAccount('police1'));
  const judicial = await openSignedIn(browser(), `${server.url}${casePath}`, demoAccount('judicial1'));
  await fieldShows(police, notes, { equals: demoNotes });
  return { police, judicial };
}

describe('rich-text notes', () => {
  it('C-NOTES-1: headings, lists and bold made on one screen show on the other, and after a reload', async () => {
    const { police, judicial } = await bothOnTheCase();

    await police.locator(notes).click();
    await police.keyboard.press('Control+End');
    await police.keyboard.press('Enter');
    await formatButton(police, 'Heading').click();
    await police.keyboard.type('Police visit');
    await police.keyboard.press('Enter');
    await formatButton(police, 'Bulleted list').click();
    await police.keyboard.type('Wang: agrees to a new survey');
    await police.keyboard.press('Enter');
    await police.keyboard.type('Liu: wants the forestry station there');
    await police.keyboard.press('Enter');
    await police.keyboard.press('Enter');
    await police.keyboard.press('Control+B');
    await police.keyboard.type('Check again on Monday');

    await judicial.locator(`${notes} strong`, { hasText: 'Check again on Monday' }).waitFor();
    expect(await judicial.locator(`${notes} h2`).textContent()).toBe('Police visit');
    expect(await judicial.locator(`${notes} li[data-list=bullet]`).allTextContents()).toEqual([
      'Wang: agrees to a new survey',
      'Liu: wants the forestry station there',
    ]);
    const written = [
      demoNotes,
      'Police visit',
      'Wang: agrees to a new survey',
      'Liu: wants the forestry station there',
      'Check again on Monday',
      // the heading made on the last line gave the notes a new, empty, last line, on every screen
      '',
    ].join('\n');
    await fieldShows(judicial, notes, { equals: written });
    expect(await fieldValue(police, notes)).toBe(written);

    // the toolbar says what formatting the caret is in
    await judicial.locator(`${notes} strong`).click();
    await expect(formatButton(judicial, 'Bold').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(formatButton(judicial, 'Heading').getAttribute('aria-pressed')).resolves.toBe('false');

    await police.getByText('Saved on the server').waitFor();
    await judicial.reload();
    await fieldShows(judicial, notes, { equals: written });
    expect(await judicial.locator(`${notes} li[data-list=bullet]`).count()).toBe(2);
    expect(await fieldValue(police, notes)).toBe(written);
  });

  it('W-EDIT-1: a pinyin composition is not broken by another person’s edit, and both keep their words', async () => {
    const { police, judicial } = await bothOnTheCase();

    // the police officer starts typing pinyin at the end of the notes; the input method shows "tiaojie"
    await police.locator(notes).click();
    await police.keyboard.press('Control+End');
    const ime = await police.context().newCDPSession(police);
    await ime.send('Input.imeSetComposition', { text: 'tiaojie', selectionStart: 7, selectionEnd: 7 });

    // meanwhile the judicial office writes at the start of the notes, then in the title
    await judicial.locator(notes).click();
    await judicial.keyboard.press('Control+Home');
    await judicial.keyboard.type('【急】');
    await judicial.locator(title).click();
    await judicial.keyboard.press('End');
    await judicial.keyboard.type('(复查)');
    await judicial.keyboard.press('Enter');
    // the title arrives after the notes on the same connection: once it shows, the notes edit has arrived too
    await fieldShows(police, title, { includes: '(复查)' });
    expect(await fieldValue(police, notes)).toBe(`${demoNotes}tiaojie`);

    // the officer picks 调解 from the input method
    await ime.send('Input.insertText', { text: '调解' });
    const merged = `【急】${demoNotes}调解`;
    await fieldShows(police, notes, { equals: merged });
    await fieldShows(judicial, notes, { equals: merged });
  });
});

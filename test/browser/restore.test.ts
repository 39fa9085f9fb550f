import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../shared/src/cases/case-file.ts';
import { stockClient, synced, until } from '../helpers/clients.ts';
import { browserSuite, builtWebApp, demoAccount, fieldShows, openSignedIn } from '../helpers/browser.ts';

const { servers, browser } = browserSuite();

const notes = '#case-notes';
const casePath = '/cases/demo-jt-boundary';
const demoNotes = '网格员入户走访时发现:两户对后山一片杉木林的界线各执一词,已有口角。村委会第一次劝调未果。';

describe('earlier versions on the case page', () => {
  it('W-RESTORE-1: the judicial office sees the case as it was before it was emptied, restores it, and the police post sees it back; a cadre is offered none; offline it says the server is needed', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    // a village cadre's device empties the notes and the parties in one change
    const cadreToken = await server.signIn('villageCadre', 'jiangting');
    const emptier = stockClient(server.syncUrl, 'case:demo-jt-boundary', { token: cadreToken });
    const witness = stockClient(server.syncUrl, 'case:demo-jt-boundary', { token: cadreToken });
    try {
      await Promise.all([synced(emptier), synced(witness)]);
      const file = new CaseFile(emptier.doc);
      emptier.doc.transact(() => {
        file.notes.delete(0, file.notes.length);
        emptier.doc.getArray('parties').delete(0, emptier.doc.getArray('parties').length);
      });
      await until(witness.doc, () => new CaseFile(witness.doc).notes.length === 0);
    } finally {
      emptier.destroy();
      witness.destroy();
    }

    const police = await openSignedIn(browser(), `${server.url}${casePath}`, demoAccount('police1'));
    const judicial = await openSignedIn(browser(), `${server.url}${casePath}`, demoAccount('judicial1'));
    await fieldShows(police, notes, { equals: '' });
    await fieldShows(judicial, notes, { equals: '' });

    // the newest version is the emptied case; the one before it still has everything
    const versions = judicial.getByRole('region', { name: 'Earlier versions' });
    await versions.getByRole('button', { name: 'See as it was' }).nth(1).click();
    const shown = versions.getByRole('article');
    await shown.getByText(demoNotes).waitFor();
    await shown.getByText('王德明').waitFor();
    await shown.getByText(/registered the case/).waitFor();

    await shown.getByRole('button', { name: 'Restore this version' }).click();
    await shown
      .getByRole('alertdialog')
      .getByText(/steps recorded since stay/)
      .waitFor();
    await shown.getByRole('button', { name: 'Restore', exact: true }).click();
    await versions.getByText(/Restored the version of/).waitFor();

    // the server's change reaches every open page like anyone's edit, and the history names who restored
    await fieldShows(judicial, notes, { equals: demoNotes });
    await fieldShows(police, notes, { equals: demoNotes });
    await police.waitForFunction(() =>
      [...document.querySelectorAll<HTMLInputElement>('input[name=party-name]')].some(
        (i) => i.value === '王德明',
      ),
    );
    await judicial
      .locator('section.history li', { hasText: 'restored an earlier version of the case' })
      .getByText('司法所 李所长')
      .waitFor();

    // a village cadre is offered no earlier versions
    const cadre = await openSignedIn(browser(), `${server.url}${casePath}`, demoAccount('cadre1'));
    await cadre.getByRole('heading', { name: 'Who changed what' }).waitFor();
    await fieldShows(cadre, notes, { equals: demoNotes });
    expect(await cadre.getByRole('heading', { name: 'Earlier versions' }).count()).toBe(0);

    // offline, the judicial office is told the versions need the server
    await judicial.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await server.stop();
    await judicial.reload();
    await fieldShows(judicial, notes, { equals: demoNotes });
    await judicial
      .getByText(/Earlier versions are kept on the server, which cannot be reached now/)
      .waitFor();
  });
});

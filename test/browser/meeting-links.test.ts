import { describe, expect, it } from 'vitest';
import { browserSuite, builtWebApp, demoAccount, openSignedIn } from '../helpers/browser.ts';
import { storeCase } from '../helpers/stored-case.ts';
import { storeMeeting } from '../helpers/stored-meeting.ts';

const { servers, browser } = browserSuite();

const day = 24 * 60 * 60 * 1000;
const dateIn = (days: number) => new Date(Date.now() + days * day).toISOString().slice(0, 10);

describe('a meeting and its cases, both ways', () => {
  it('M-LINK-1, M-LINK-2, W-CASEMEET-1, W-MEET-4: an action item decided in the meeting shows on its case; ticked done on the case, the meeting shows it done, and undone in the meeting, the case shows it open again', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    await storeCase(server, { id: 'linked-case', title: '孙、李两户排水沟纠纷' });
    await storeMeeting(server, {
      id: 'linked-meeting',
      title: '专题会:排水沟',
      convener: 'demo-centre1',
      invited: ['policePost', 'judicialOffice'],
      more: (meeting) => {
        meeting.addAgendaItem(
          { caseId: 'linked-case', topic: '孙、李两户排水沟纠纷' },
          { by: 'demo-centre1', at: Date.now() - 60_000 },
        );
      },
    });

    // the centre writes the action item in the meeting, on the item's case
    const centre = await openSignedIn(
      browser(),
      `${server.url}/meetings/linked-meeting`,
      demoAccount('centre1'),
    );
    const item = centre.locator('[data-agenda-item][data-case="linked-case"]');
    await item.getByRole('button', { name: 'Add the action' }).click();
    await item.getByLabel('What is to be done').fill('Dig the ditch back to its old line');
    await item.getByRole('searchbox').fill('王警官');
    await item.getByRole('button', { name: /警务室 王警官/ }).click();
    await item.locator('input[type=date]').fill(dateIn(5));
    await item.getByRole('button', { name: 'Add the action' }).click();
    const inMeeting = item.locator('[data-action]');
    await inMeeting.getByText('Dig the ditch back to its old line').waitFor();

    // the police post, on the case: the server has written the meeting's action into it
    const police = await openSignedIn(browser(), `${server.url}/cases/linked-case`, demoAccount('police1'));
    const section = police.locator('section.meetings');
    const onCase = section.locator('li[data-kind=action]');
    await onCase.getByText('Dig the ditch back to its old line').waitFor();
    expect(await onCase.innerText()).toContain('Owner: 警务室 王警官');
    expect(await section.getByRole('link', { name: /专题会:排水沟/ }).getAttribute('href')).toBe(
      '/meetings/linked-meeting',
    );

    // done on the case: the meeting, open on the centre's screen, shows it done
    await onCase.getByRole('checkbox').check();
    await expect.poll(() => inMeeting.getAttribute('class')).toContain('done');
    expect(await inMeeting.getByRole('checkbox', { name: 'Done' }).isChecked()).toBe(true);

    // undone in the meeting: the case shows it open again
    await inMeeting.getByRole('checkbox', { name: 'Done' }).uncheck();
    await expect.poll(() => onCase.getByRole('checkbox').isChecked()).toBe(false);
    expect(await section.locator('li[data-kind=action][data-done=true]').count()).toBe(0);
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserSuite,
  builtWebApp,
  comeBackOnline,
  demoAccount,
  fieldShows,
  fieldValue,
  goOffline,
  openSignedIn,
} from '../helpers/browser.ts';
import { storeCase } from '../helpers/stored-case.ts';
import { storeMeeting } from '../helpers/stored-meeting.ts';

const { servers, browser } = browserSuite();

const day = 24 * 60 * 60 * 1000;
const seeded = () => servers.start({ webRoot: builtWebApp, seedDemo: true });
const stamp = { by: 'demo-centre1', at: Date.now() - 60_000 };
/** `YYYY-MM-DD`, `days` from today (the browser and the test share the machine's clock and zone). */
const dateIn = (days: number) => new Date(Date.now() + days * day).toISOString().slice(0, 10);

/** The editor of an agenda item's minutes. */
const minutes = (itemId: string) => `#minutes-${itemId}`;

/** Types at the end of one line of a rich-text field (0 the first), as a person who clicks there would. */
async function typeOnLine(page: Page, selector: string, line: number, text: string): Promise<void> {
  await page.locator(selector).click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

describe('joint meetings in the browser', () => {
  it('W-MEET-2: the governance centre, the police post and the judicial office write one item’s minutes at once, one of them offline for a while, and all three end with the same text', async () => {
    const server = await seeded();
    let itemId = '';
    await storeMeeting(server, {
      id: 'minutes-together',
      title: '山林界址专题会',
      convener: 'demo-centre1',
      invited: ['judicialOffice', 'policePost'],
      more: (meeting) => {
        itemId = meeting.addAgendaItem({ caseId: 'demo-jt-boundary', topic: '王、刘两户山林界址' }, stamp).id;
        // the secretary's outline: each agency writes its own part of it
        meeting.minutes(itemId).insert(0, '综治中心:\n警务室:\n司法所:');
      },
    });
    const path = `${server.url}/meetings/minutes-together`;
    const centre = await openSignedIn(browser(), path, demoAccount('centre1'));
    const police = await openSignedIn(browser(), path, demoAccount('police1'), 'zh-CN');
    const judicial = await openSignedIn(browser(), path, demoAccount('judicial1'));
    const pages = [centre, police, judicial];
    for (const page of pages) await page.locator(minutes(itemId)).waitFor();
    for (const page of pages)
      await page
        .getByRole('status')
        .filter({ hasText: /Online|在线/ })
        .waitFor();

    // all three type at the same moment, each in their own part
    await Promise.all([
      typeOnLine(centre, minutes(itemId), 0, 'Centre: both households came. '),
      typeOnLine(police, minutes(itemId), 1, '警务室:现场秩序良好。'),
      typeOnLine(judicial, minutes(itemId), 2, 'Judicial: mediation plan agreed. '),
    ]);
    for (const page of pages) {
      await fieldShows(page, minutes(itemId), { includes: 'Centre: both households came.' });
      await fieldShows(page, minutes(itemId), { includes: '警务室:现场秩序良好。' });
      await fieldShows(page, minutes(itemId), { includes: 'Judicial: mediation plan agreed.' });
    }
    // the others see a named caret where the judicial office types (SPEC W-PRES-2)
    await centre.locator('[data-remote-caret="司法所 李所长"]').waitFor();

    // the judicial office loses the network and writes on; the others write while it is away
    await goOffline(server, [judicial]);
    await typeOnLine(judicial, minutes(itemId), 2, 'Written with no signal. ');
    await judicial.getByText('Kept on this device', { exact: true }).waitFor();
    await servers.restart(server, { samePort: true });
    for (const page of [centre, police])
      await page
        .getByRole('status')
        .filter({ hasText: /Online|在线/ })
        .waitFor();
    await typeOnLine(centre, minutes(itemId), 0, 'Centre again. ');
    await typeOnLine(police, minutes(itemId), 1, '警务室补充。');
    await comeBackOnline([judicial]);

    for (const page of pages) {
      await fieldShows(page, minutes(itemId), { includes: 'Written with no signal.' });
      await fieldShows(page, minutes(itemId), { includes: 'Centre again.' });
      await fieldShows(page, minutes(itemId), { includes: '警务室补充。' });
    }
    const agreed = await fieldValue(centre, minutes(itemId));
    expect(agreed).toBe(
      [
        '综治中心:Centre: both households came. Centre again. ',
        '警务室:警务室:现场秩序良好。警务室补充。',
        '司法所:Judicial: mediation plan agreed. Written with no signal. ',
      ].join('\n'),
    );
    await expect.poll(() => fieldValue(police, minutes(itemId))).toBe(agreed);
    await expect.poll(() => fieldValue(judicial, minutes(itemId))).toBe(agreed);
  });

  it('M-AGENDA-1, W-MEET-4: the agenda builder proposes an overdue high-risk case with its reasons; added, it is on the agenda, and an action item on it has an owner from the directory and is ticked done', async () => {
    const server = await seeded();
    await storeCase(server, {
      id: 'overdue-high',
      title: '赵、钱两户宅基地纠纷',
      steps: [
        { kind: 'registered', by: 'demo-centre1', risk: 'high' },
        {
          kind: 'dispatched',
          by: 'demo-centre1',
          handler: 'demo-cadre1',
          departments: [],
          leaders: [],
          deadline: Date.now() - 2 * day,
        },
      ],
    });
    await storeMeeting(server, { id: 'agenda-builder', title: '周例会', convener: 'demo-centre1' });
    const centre = await openSignedIn(
      browser(),
      `${server.url}/meetings/agenda-builder`,
      demoAccount('centre1'),
    );

    const proposals = centre.getByRole('list', { name: 'Proposed from the ledger' });
    await proposals.waitFor();
    const showAll = centre.getByRole('button', { name: /^Show all \d+$/ });
    if ((await showAll.count()) > 0) await showAll.click();
    const proposal = centre.locator('[data-proposal="overdue-high"]');
    await expect
      .poll(() => proposal.locator('[data-reason]').allTextContents())
      .toEqual(['Overdue', 'High risk']);
    await proposal.getByRole('button', { name: 'Add to the agenda' }).click();

    const item = centre.locator('[data-agenda-item][data-case="overdue-high"]');
    await item.getByRole('heading', { name: '赵、钱两户宅基地纠纷' }).waitFor();
    expect(await item.locator('[data-reason]').allTextContents()).toEqual(['Overdue', 'High risk']);
    await proposal.waitFor({ state: 'detached' });

    // an action item on it: the owner chosen from the staff directory, the case the item's own
    await item.getByRole('button', { name: 'Add the action' }).click();
    await item.getByLabel('What is to be done').fill('Measure the plot with both households');
    await item.getByRole('searchbox').fill('李所长');
    await item.getByRole('button', { name: /司法所 李所长/ }).click();
    await item.locator('input[type=date]').fill(dateIn(7));
    await item.getByRole('button', { name: 'Add the action' }).click();
    const action = item.locator('[data-action]');
    await action.getByText('Who does it: 司法所 李所长').waitFor();
    await action.getByRole('link', { name: '赵、钱两户宅基地纠纷' }).waitFor();
    await action.getByRole('checkbox', { name: 'Done' }).check();
    await expect.poll(() => action.getAttribute('class')).toContain('done');

    // a free topic, moved before the case, then taken off again after a confirmation
    await centre.getByLabel('Add a free topic').fill('Road upkeep costs');
    await centre.getByRole('button', { name: 'Add', exact: true }).click();
    const topics = () => centre.locator('[data-agenda-item] h3').allTextContents();
    await expect.poll(topics).toEqual(['赵、钱两户宅基地纠纷', 'Road upkeep costs']);
    const free = centre.locator('[data-agenda-item]').filter({ hasText: 'Road upkeep costs' });
    await free.getByRole('button', { name: 'Move up' }).click();
    await expect.poll(topics).toEqual(['Road upkeep costs', '赵、钱两户宅基地纠纷']);
    await free.getByRole('button', { name: 'Remove from the agenda' }).click();
    await free.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(topics).toEqual(['赵、钱两户宅基地纠纷']);
  });

  it('M-CARRY-1, A-RIGHT-7: the next meeting of the same body carries the unfinished action items of the last, marked carried; a leader invited by name opens it', async () => {
    const server = await seeded();
    await storeMeeting(server, {
      id: 'pz-october',
      kind: 'villageDeliberation',
      village: 'pingzhai',
      title: '平寨村十月协商议事会',
      date: dateIn(-20),
      convener: 'demo-centre1',
      invited: ['village:pingzhai'],
      more: (meeting) => {
        const item = meeting.addAgendaItem({ caseId: 'demo-pz-land', topic: '平寨村土地承包纠纷' }, stamp);
        meeting.addAction(
          { itemId: item.id, caseId: null, text: '核实承包合同', owner: 'demo-cadre1', deadline: null },
          stamp,
        );
        const done = meeting.addAction(
          { itemId: item.id, caseId: null, text: '通知双方到会', owner: null, deadline: null },
          stamp,
        );
        meeting.setDone(done.id, true, stamp);
      },
    });
    const centre = await openSignedIn(browser(), `${server.url}/meetings`, demoAccount('centre1'), 'zh-CN');
    // the list knows the earlier meeting and when it was
    await centre.locator('[data-meeting="pz-october"]').getByText(dateIn(-20)).waitFor();

    await centre.getByRole('link', { name: '新建会议' }).click();
    await centre.getByLabel('会议类型').selectOption('villageDeliberation');
    // refused field by field, nothing created (SPEC W-FORM-1)
    await centre.getByRole('button', { name: '创建会议' }).click();
    await centre.getByText('请填写会议名称。').waitFor();
    await centre.getByText('请选择召开协商议事会的村。').waitFor();
    expect(new URL(centre.url()).pathname).toBe('/meetings/new');
    await centre.getByLabel('会议名称').fill('平寨村十一月协商议事会');
    await centre.getByLabel('召开村').selectOption('pingzhai');
    // the town leader who carries the case is invited by name, not as every case leader (SPEC A-RIGHT-7)
    const people = centre.locator('[data-person-picker="invited-people"]');
    await people.getByRole('searchbox').fill('刘镇长');
    await people.getByRole('button', { name: /刘镇长/ }).click();
    await people.locator('[data-chosen="demo-leader1"]').waitFor();
    await centre.getByRole('button', { name: '创建会议' }).click();
    await centre.waitForURL(/\/meetings\/[a-z0-9]+$/);
    await centre.locator('[data-invited]').getByText('包案领导 刘镇长').waitFor();

    const carriedItem = centre.locator('[data-agenda-item][data-case="demo-pz-land"]');
    await carriedItem.locator('[data-carried]').first().waitFor();
    await carriedItem.getByRole('heading', { name: '平寨村土地承包纠纷' }).waitFor();
    const actions = carriedItem.locator('[data-action]');
    await expect.poll(() => actions.count()).toBe(1);
    await actions.getByText('核实承包合同').waitFor();
    await actions.locator('[data-carried]').waitFor();

    // the leader invited by name opens it, once the server has it
    await centre.getByText('已保存到服务器').waitFor();
    const leader = await openSignedIn(browser(), centre.url(), demoAccount('leader1'), 'zh-CN');
    await leader.getByRole('heading', { name: '平寨村十一月协商议事会' }).waitFor();
  });

  it('M-CAL-1, W-MEET-1, W-MEET-3: the header leads to the meetings; the calendar marks the day; the meeting shows its facts, each person signs in, and it opens offline', async () => {
    const server = await seeded();
    const date = dateIn(3);
    await storeMeeting(server, {
      id: 'calendar-one',
      title: '十二月全体联席会',
      kind: 'plenary',
      date,
      time: '14:30',
      place: '镇综治中心二楼',
      convener: 'demo-centre1',
      invited: ['judicialOffice', 'policePost', 'dept:naturalResources'],
    });
    const police = await openSignedIn(browser(), `${server.url}/`, demoAccount('police1'));
    await police.getByRole('banner').getByRole('link', { name: 'Meetings' }).click();
    await police.waitForURL(/\/meetings$/);
    await police.getByRole('heading', { name: 'Joint meetings' }).waitFor();
    const row = police.locator('[data-meeting="calendar-one"]');
    await row.getByText(`${date} 14:30`).waitFor();
    await row.getByText('Plenary joint meeting').waitFor();
    // a police post does not convene meetings
    expect(await police.getByRole('link', { name: 'New meeting' }).count()).toBe(0);

    // the calendar marks the day; picking it lists that day's meetings only
    if (date.slice(0, 7) !== new Date().toISOString().slice(0, 7)) {
      await police.getByRole('button', { name: 'Next month' }).click();
    }
    const dayButton = police.locator(`[data-date="${date}"]`);
    await expect.poll(() => dayButton.getAttribute('class')).toContain('has');
    await dayButton.click();
    await police.getByRole('heading', { name: `Meetings on ${date}` }).waitFor();
    await police.locator('[data-meeting="calendar-one"] a').click();

    await police.getByRole('heading', { name: '十二月全体联席会' }).waitFor();
    await police.getByText('镇综治中心二楼').waitFor();
    expect(await police.locator('[data-invited] li').allTextContents()).toEqual([
      'Judicial office',
      'Police post',
      'Natural resources office',
    ]);
    // invitations are the convener's: nobody else is offered to change them (SPEC A-GUARD-7)
    expect(await police.getByRole('button', { name: 'Change the invitations' }).count()).toBe(0);

    // each signs themselves in; the convener sees who came
    await police.getByRole('button', { name: 'Sign me in' }).click();
    await police.getByText('You are signed in').waitFor();
    const centre = await openSignedIn(
      browser(),
      `${server.url}/meetings/calendar-one`,
      demoAccount('centre1'),
    );
    await centre.locator('[data-attendee="demo-police1"]').getByText('警务室 王警官').waitFor();
    await centre.getByRole('button', { name: 'Change the invitations' }).waitFor();

    // the convener moves the meeting to another room: a date left empty is refused first, and nothing changes
    expect(await police.getByRole('button', { name: 'Change the title, date or place' }).count()).toBe(0);
    await centre.getByRole('button', { name: 'Change the title, date or place' }).click();
    await centre.locator('#meeting-details-date').fill('');
    await centre.locator('#meeting-details-place').fill('镇司法所调解室');
    await centre.getByRole('button', { name: 'Save the details' }).click();
    await centre.getByText('Choose the date.').waitFor();
    expect(await police.getByText('镇综治中心二楼').count()).toBe(1);
    await centre.locator('#meeting-details-date').fill(date);
    await centre.getByRole('button', { name: 'Save the details' }).click();
    await police.getByText('镇司法所调解室').waitFor();
    expect(await police.getByText('镇综治中心二楼').count()).toBe(0);

    // offline, a reload still opens the meeting from the device's copy
    await police.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await police
      .getByText('Kept on this device', { exact: true })
      .or(police.getByText('You are signed in'))
      .first()
      .waitFor();
    await goOffline(server, [police]);
    await police.reload();
    await police.getByRole('heading', { name: '十二月全体联席会' }).waitFor();
    await police.locator('[data-attendee="demo-police1"]').waitFor();
  });

  it('W-MEET-5, W-MEET-6: finalizing locks the meeting read-only for everyone, saying who and when; unlocking needs a reason; the supervisor only reads', async () => {
    const server = await seeded();
    let itemId = '';
    await storeMeeting(server, {
      id: 'to-finalize',
      title: '一周一研判',
      kind: 'weeklyAnalysis',
      convener: 'demo-centre1',
      invited: ['judicialOffice', 'policePost'],
      more: (meeting) => {
        itemId = meeting.addAgendaItem({ caseId: null, topic: '本周风险研判' }, stamp).id;
        meeting.minutes(itemId).insert(0, '本周无新增高风险案件。');
      },
    });
    const path = `${server.url}/meetings/to-finalize`;
    const centre = await openSignedIn(browser(), path, demoAccount('centre1'));
    const police = await openSignedIn(browser(), path, demoAccount('police1'));
    const editable = (page: Page) => page.locator(minutes(itemId)).getAttribute('contenteditable');
    await expect.poll(() => editable(police)).toBe('true');
    // only the convener finalizes
    expect(await police.getByRole('button', { name: 'Finalize minutes' }).count()).toBe(0);

    await centre.getByRole('button', { name: 'Finalize minutes' }).click();
    await centre.getByRole('button', { name: 'Finalize', exact: true }).click();
    for (const page of [centre, police]) {
      await page
        .locator('[data-locked]')
        .getByText(/Minutes finalized by 综治中心 周主任/)
        .waitFor();
      await expect.poll(() => editable(page)).toBe('false');
      expect(await page.getByRole('button', { name: 'Record the decision' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Sign me in' }).count()).toBe(0);
    }

    // the supervisor reads the meeting and changes nothing, locked or not
    const supervisor = await openSignedIn(browser(), path, demoAccount('supervisor1'), 'zh-CN');
    await supervisor.getByText('您可以查看本会议,但不能修改。').waitFor();
    await expect.poll(() => editable(supervisor)).toBe('false');
    expect(await supervisor.getByRole('button', { name: '重新打开' }).count()).toBe(0);

    // unlocking asks why, and the history keeps the reason
    await centre.getByRole('button', { name: 'Unlock' }).click();
    await centre.getByRole('button', { name: 'Unlock the minutes' }).click();
    await centre.getByText('Say why the minutes must be opened again.').waitFor();
    await centre.getByLabel('Why the minutes must be opened again').fill('漏记司法所意见');
    await centre.getByRole('button', { name: 'Unlock the minutes' }).click();
    await expect.poll(() => editable(police)).toBe('true');
    await police.getByText('Finalized and unlocked (2)').click();
    await police
      .locator('[data-lock-entry="unlock"]')
      .getByText(/漏记司法所意见/)
      .waitFor();
    await expect.poll(() => editable(supervisor)).toBe('false');
  });

  it('W-MEET-6, W-MEET-5: minutes typed offline that reach the server after they were finalized are undone, and the meeting page says why', async () => {
    const server = await seeded();
    let itemId = '';
    await storeMeeting(server, {
      id: 'late-edit',
      title: '专题会',
      convener: 'demo-centre1',
      invited: ['policePost'],
      more: (meeting) => {
        itemId = meeting.addAgendaItem({ caseId: null, topic: '村道停车' }, stamp).id;
        meeting.minutes(itemId).insert(0, '议定:村道两侧禁止停车。');
      },
    });
    const path = `${server.url}/meetings/late-edit`;
    const centre = await openSignedIn(browser(), path, demoAccount('centre1'));
    const police = await openSignedIn(browser(), path, demoAccount('police1'));
    await fieldShows(police, minutes(itemId), { equals: '议定:村道两侧禁止停车。' });
    await police.getByText('Kept on this device', { exact: true }).waitFor();

    // the police post writes with no signal; meanwhile the convener finalizes, and the server has it first
    await goOffline(server, [police]);
    await typeOnLine(police, minutes(itemId), 0, '(警务室补:夜间巡查)');
    await police.getByText('Kept on this device', { exact: true }).waitFor();
    await servers.restart(server, { samePort: true });
    await centre.getByText('Saved on the server').waitFor();
    await centre.getByRole('button', { name: 'Finalize minutes' }).click();
    await centre.getByRole('button', { name: 'Finalize', exact: true }).click();
    await centre.locator('[data-locked]').waitFor();
    await centre.getByText('Saved on the server').waitFor();

    await comeBackOnline([police]);
    await police.locator('[data-locked]').waitFor();
    await police.getByRole('alert').filter({ hasText: 'the minutes are finalized' }).waitFor();
    await fieldShows(police, minutes(itemId), { equals: '议定:村道两侧禁止停车。' });
    await fieldShows(centre, minutes(itemId), { equals: '议定:村道两侧禁止停车。' });
  });
});

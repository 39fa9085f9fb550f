import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../shared/src/cases/case-file.ts';
import {
  browserSuite,
  builtWebApp,
  comeBackOnline,
  demoAccount,
  goOffline,
  openSignedIn,
} from '../helpers/browser.ts';
import { type TestServer } from '../helpers/test-server.ts';
import { storeCase, type Step } from '../helpers/stored-case.ts';

const { servers, browser } = browserSuite();

const seeded = () => servers.start({ webRoot: builtWebApp, seedDemo: true });
const minute = 60_000;
const day = 24 * 60 * minute;

/** A new case of 江亭村 on the server's record, `steps` already in its timeline. */
async function newCase(
  server: TestServer,
  id: string,
  title: string,
  steps: Step[] = [],
  more: (caseFile: CaseFile) => void = () => undefined,
): Promise<string> {
  await storeCase(server, {
    id,
    title,
    disputeType: 'forestLandBoundary',
    notes: '两户对后山杉木林的界线各执一词。',
    steps,
    more,
  });
  return `/cases/${id}`;
}

const stage = (page: Page, name: string) => page.locator(`[data-stage=${name}]`).waitFor();

/** Opens the step's form from the list of next steps. */
async function openStep(page: Page, step: string): Promise<void> {
  await page.getByRole('button', { name: step, exact: true }).click();
}

async function recordStep(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Record this step' }).click();
}

const handled: Step[] = [
  { kind: 'registered', by: 'demo-centre1', risk: 'medium' },
  {
    kind: 'dispatched',
    by: 'demo-centre1',
    handler: 'demo-police1',
    departments: [],
    leaders: [],
    deadline: Date.now() + 15 * day,
  },
  {
    kind: 'attempt',
    by: 'demo-police1',
    level: 'village',
    participants: [],
    result: 'agreed',
    note: '以老界石为界。',
  },
];

describe('the case workflow in the browser', () => {
  it('C-FLOW-2, C-FLOW-6, W-STEP-1, W-PRES-1, W-REMIND-1, C-HIST-1: register, dispatch, attempt and close; the other browser follows live', async () => {
    const server = await seeded();
    const path = await newCase(server, 'flow-live-0001', '王某与刘某山林地界纠纷');
    const centre = await openSignedIn(browser(), `${server.url}${path}`, demoAccount('centre1'));
    const judicial = await openSignedIn(browser(), `${server.url}${path}`, demoAccount('judicial1'));
    await stage(centre, 'reported');
    await stage(judicial, 'reported');

    // each sees the other, and where they are
    await centre.locator('[data-presence]').getByText('司法所 李所长').waitFor();
    await judicial.locator('[data-presence]').getByText('综治中心 周主任').waitFor();
    await judicial.locator('#case-notes').click();
    await centre
      .locator('[data-field-presence=notes]')
      .getByText(/李所长/)
      .waitFor();

    // a scalar field keeps who set each of its values (SPEC C-HIST-1)
    await judicial.locator('select[name=disputeType]').selectOption('land');
    const typeHistory = centre.locator('[data-field-history=disputeType]');
    await typeHistory.locator('summary').click();
    await typeHistory.getByText(/^Land, set by 司法所 李所长/).waitFor();

    await openStep(centre, 'Register');
    await recordStep(centre);
    await centre.getByText('Choose a risk grade.').waitFor();
    await centre.locator('select[name=risk]').selectOption('high');
    await recordStep(centre);
    await stage(judicial, 'registered');

    // due in two days: the handler is reminded, the centre that dispatched it is not
    await openStep(centre, 'Dispatch');
    await centre
      .locator('[data-person-picker=handler]')
      .getByRole('button', { name: 'Choose 司法所 李所长' })
      .click();
    await centre.locator('input[name=days]').fill('2');
    await recordStep(centre);
    await stage(judicial, 'dispatched');
    await judicial.locator('[data-reminder=dueSoon]').waitFor();
    expect(await centre.locator('[data-reminder]').count()).toBe(0);
    await centre.locator('[data-deadline=dueSoon]').waitFor();

    await openStep(judicial, 'Mediation attempt');
    await judicial.locator('select[name=result]').selectOption('agreed');
    await judicial.locator('textarea[name=note]').fill('以老界石为界,刘家补偿500元。');
    await recordStep(judicial);
    await stage(centre, 'handling');
    await centre.getByText('1 of 3').waitFor();
    await centre.getByText(/司法所 李所长 recorded a mediation attempt at Village level: agreed/).waitFor();

    // the handler cannot verify their own case: the form says so and records nothing
    await openStep(judicial, 'Close');
    await judicial
      .getByText('You handle this case: someone else must verify the outcome and close it.')
      .waitFor();
    await judicial.locator('select[name=outcome]').selectOption('agreement');
    await recordStep(judicial);
    await judicial.getByText('The verifier must be someone other than the handler.').waitFor();
    await judicial.getByRole('button', { name: 'Cancel' }).click();
    // whoever closes is the verifier
    await openStep(centre, 'Close');
    await centre
      .getByText('Verified by 综治中心 周主任: recording this close-out, you confirm the outcome.')
      .waitFor();
    await centre.locator('select[name=outcome]').selectOption('agreement');
    await recordStep(centre);

    await stage(judicial, 'closed');
    await judicial.locator('[data-outcome=agreement]').waitFor();
    await judicial.locator('[data-reminder]').waitFor({ state: 'detached' });
    // a closed case offers what follows a close-out, nothing before it; evaluating is the centre's (C-STEP-6)
    await judicial.getByRole('button', { name: 'Reopen', exact: true }).waitFor();
    expect(await judicial.getByRole('button', { name: 'Mediation attempt', exact: true }).count()).toBe(0);
    expect(await judicial.getByRole('button', { name: 'Evaluate', exact: true }).count()).toBe(0);
    await centre.getByRole('button', { name: 'Evaluate', exact: true }).waitFor();

    // leaving the case, the judicial office is no longer shown as on it
    await judicial.getByRole('link', { name: '← All case files' }).click();
    await centre.locator('[data-presence]').waitFor({ state: 'detached' });
  });

  it('C-FLOW-3, C-REVIEW-3, W-REVIEW-1: one closes and another escalates offline; back online both show one stage and the conflict, until it is reviewed', async () => {
    const server = await seeded();
    const path = await newCase(server, 'flow-conflict-0001', '村道硬化工程欠薪纠纷', handled);
    const centre = await openSignedIn(browser(), `${server.url}${path}`, demoAccount('centre1'));
    const cadre = await openSignedIn(browser(), `${server.url}${path}`, demoAccount('cadre1'));
    await stage(centre, 'handling');
    await stage(cadre, 'handling');

    // both devices lose the network
    await goOffline(server, [centre, cadre]);

    await openStep(centre, 'Close');
    await centre.locator('select[name=outcome]').selectOption('agreement');
    await recordStep(centre);
    await stage(centre, 'closed');

    await openStep(cadre, 'Escalate');
    await cadre.locator('textarea[name=reason]').fill('当事人不服,申请镇级联调。');
    await recordStep(cadre);
    await cadre.locator('[data-level=town]').waitFor();

    // the pool disposes of the restarted server after the test
    await servers.restart(server, { samePort: true });
    await comeBackOnline([centre, cadre]);

    // the earlier step stands on both; the later is kept and shown, with who, when and why
    for (const page of [centre, cadre]) {
      await stage(page, 'closed');
      await page.locator('[data-level=village]').waitFor();
      const conflict = page.locator('[data-conflict=wrong_stage]');
      await conflict.waitFor();
      await conflict
        .getByText(
          /^江亭村 陈书记 escalated the case at .+, but 综治中心 周主任 had closed the case at .+\.$/,
        )
        .waitFor();
      await conflict.getByText('The step does not apply at this stage of the case.').waitFor();
    }

    // the centre looks into it and settles it at one tap; it leaves the list on both, the step stays marked
    expect(await cadre.getByRole('button', { name: 'Mark as reviewed' }).count()).toBe(0);
    await centre
      .locator('[data-conflict=wrong_stage]')
      .getByRole('button', { name: 'Mark as reviewed' })
      .click();
    for (const page of [centre, cadre]) {
      await page.locator('[data-conflict]').waitFor({ state: 'detached' });
      await page.locator('li.conflict[data-kind=escalated]').waitFor();
    }
  });

  it('W-PRINT-1, C-PARTY-1, C-NOTES-3, A-RIGHT-10: the agreement page shows the case, its parties, notes and outcome, and prints without the app; a reader is offered no step', async () => {
    const server = await seeded();
    const path = await newCase(
      server,
      'flow-print-0001',
      '王某与刘某山林地界纠纷',
      [...handled, { kind: 'closed', by: 'demo-centre1', outcome: 'agreement', verifier: 'demo-centre1' }],
      (caseFile) => {
        // the notes go on with a heading and a bold list item
        const notes = caseFile.notes;
        notes.insert(notes.length, '\n现场勘界');
        notes.insert(notes.length, '\n', { header: 2 });
        notes.insert(notes.length, '双方认可老界石', { bold: true });
        notes.insert(notes.length, '\n', { list: 'bullet' });
        caseFile.addParty({ name: '刘某', village: 'jiangting', contact: '', role: 'respondent' });
        caseFile.addParty({
          name: '王某',
          village: 'jiangting',
          contact: '138 0000 0000',
          role: 'applicant',
        });
      },
    );
    const page = await openSignedIn(browser(), `${server.url}${path}`, demoAccount('judicial1'), 'zh-CN');
    await stage(page, 'closed');
    await page.getByRole('link', { name: '人民调解协议书(打印)' }).click();
    await page.waitForURL(/\/agreement$/);

    await page.getByRole('heading', { name: '人民调解协议书' }).waitFor();
    await page.locator('[data-agreement-title]').getByText('王某与刘某山林地界纠纷').waitFor();
    await page
      .locator('[data-agreement-outcome=agreement]')
      .getByText(/达成调解协议/)
      .waitFor();
    await page.getByText('以老界石为界。').waitFor();
    await page.getByText('两户对后山杉木林的界线各执一词。').waitFor();
    await page.getByRole('heading', { name: '现场勘界' }).waitFor();
    expect(await page.locator('li', { hasText: '双方认可老界石' }).locator('.bold').count()).toBe(1);
    // applicant first, then respondent, each with a line to sign on
    await expect(page.locator('.parties li').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/申请人\s*王某.*138 0000 0000/),
      expect.stringMatching(/被申请人\s*刘某/),
    ]);
    expect(await page.locator('[data-final=true]').count()).toBe(1);

    expect(await page.locator('.app-header').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: '人民调解协议书' }).isVisible()).toBe(true);

    // a reader sees the timeline and is offered no step
    const supervisor = await openSignedIn(browser(), `${server.url}${path}`, demoAccount('supervisor1'));
    await stage(supervisor, 'closed');
    await supervisor.getByText('You may read this case file but not change it.').waitFor();
    expect(await supervisor.getByRole('heading', { name: 'Record the next step' }).count()).toBe(0);
  });
});

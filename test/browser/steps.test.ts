import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserSuite,
  builtWebApp,
  comeBackOnline,
  demoAccount,
  goOffline,
  openSignedIn,
} from '../helpers/browser.ts';
import type { TestServer } from '../helpers/test-server.ts';
import { storeCase, type Step } from '../helpers/stored-case.ts';

const { servers, browser } = browserSuite();

const minute = 60_000;
const day = 24 * 60 * minute;
const seeded = () => servers.start({ webRoot: builtWebApp, seedDemo: true });

/** A case of 江亭村 on the server's record, with `steps` already in its timeline. */
async function newCase(server: TestServer, id: string, title: string, steps: Step[]): Promise<string> {
  await storeCase(server, { id, title, steps });
  return `/cases/${id}`;
}

const stage = (page: Page, name: string) => page.locator(`[data-stage=${name}]`).waitFor();
const offered = (page: Page) => page.locator('section.next').getAttribute('data-offered');

const registeredStep: Step = { kind: 'registered', by: 'demo-centre1', risk: 'low' };
const dispatchedToPolice: Step = {
  kind: 'dispatched',
  by: 'demo-centre1',
  handler: 'demo-police1',
  departments: [],
  leaders: [],
  deadline: Date.now() + 15 * day,
};

describe('steps by role in the browser', () => {
  it('W-STEP-1, C-STEP-4, C-FLOW-9: a department opening a case dispatched to it sees only its reply, and records it', async () => {
    const server = await seeded();
    // the demo's land case of 平寨村, dispatched to the natural resources office (自然资源所)
    const dept = await openSignedIn(browser(), `${server.url}/cases/demo-pz-land`, demoAccount('dept1'));
    await stage(dept, 'dispatched');
    const choices = dept.locator('section.next .choices button');
    await choices.first().waitFor();
    expect(await choices.allTextContents()).toEqual(['Department reply']);
    expect(await offered(dept)).toBe('reply');

    await choices.first().click();
    await dept.getByRole('heading', { name: 'Reply for Natural resources office' }).waitFor();
    await dept.getByRole('button', { name: 'Record this step' }).click();
    await dept.getByText('Say what the department found or did.').waitFor();
    await dept.locator('textarea[name=note]').fill('已派员现场核实承包地界址,建议以1998年承包合同附图为准。');
    await dept.getByRole('button', { name: 'Record this step' }).click();
    await stage(dept, 'handling');
    await dept.getByText('自然资源所 黄工 replied for Natural resources office').waitFor();
    // the reply used up none of the village's three attempts
    await dept.getByText('0 of 3').waitFor();

    // the centre sees the reply named in its own language
    const centre = await openSignedIn(
      browser(),
      `${server.url}/cases/demo-pz-land`,
      demoAccount('centre1'),
      'zh-CN',
    );
    await centre.getByText('自然资源所 黄工代表自然资源所答复').waitFor();
  });

  it('W-STEP-1, C-STEP-1, C-STEP-2: a grid worker is offered neither registering nor dispatching', async () => {
    const server = await seeded();
    const reported = await newCase(server, 'steps-grid-0001', '杨某与罗某排水沟纠纷', []);
    const registered = await newCase(server, 'steps-grid-0002', '罗某与蒙某院坝占用纠纷', [registeredStep]);

    const grid = await openSignedIn(browser(), `${server.url}${registered}`, demoAccount('grid1'));
    await stage(grid, 'registered');
    // a follow-up visit is theirs; registering and dispatching are the centre's
    await grid.getByRole('button', { name: 'Follow-up visit', exact: true }).waitFor();
    expect(await offered(grid)).toBe('visit');

    await grid.goto(`${server.url}${reported}`);
    await stage(grid, 'reported');
    await grid.getByText('No step recorded yet', { exact: false }).waitFor();
    expect(await grid.getByRole('button', { name: 'Register', exact: true }).count()).toBe(0);
    expect(await grid.locator('section.next').count()).toBe(0);

    // the centre, on the same case, is offered registering
    const centre = await openSignedIn(browser(), `${server.url}${reported}`, demoAccount('centre1'));
    await centre.getByRole('button', { name: 'Register', exact: true }).waitFor();
  });

  it('W-REVIEW-1, L-REVIEW-1, C-REVIEW-2: a close-out as agreement after failed attempts is flagged on the case and in the ledger, and settled at one tap', async () => {
    const server = await seeded();
    const title = '罗某与杨某林地补偿纠纷';
    const failed = (by: string): Step => ({
      kind: 'attempt',
      by,
      level: 'village',
      participants: [],
      result: 'failed',
      note: '',
    });
    const path = await newCase(server, 'steps-review-0001', title, [
      registeredStep,
      dispatchedToPolice,
      failed('demo-police1'),
      failed('demo-police1'),
      { kind: 'closed', by: 'demo-cadre1', outcome: 'agreement', verifier: 'demo-cadre1' },
    ]);

    // the ledger's needs-review filter, from the address, shows the case with its badge
    const centre = await openSignedIn(browser(), `${server.url}/?review=needed`, demoAccount('centre1'));
    const filter = centre.getByRole('checkbox', { name: /^Needs review \(\d+\)$/ });
    expect(await filter.isChecked()).toBe(true);
    const row = centre.locator('li[data-stage]', { hasText: title });
    await row.locator('[data-needs-review]').waitFor();
    // every row shown needs review
    const shown = await centre.locator('li[data-stage]').count();
    expect(await centre.locator('li[data-stage] [data-needs-review]').count()).toBe(shown);

    // a village cadre sees the flag, and who settles it
    const cadre = await openSignedIn(browser(), `${server.url}${path}`, demoAccount('cadre1'));
    await cadre.locator('[data-flag=agreement_unagreed]').waitFor();
    await cadre.getByText('The governance centre or the judicial office settles these.').waitFor();
    expect(await cadre.getByRole('button', { name: 'Mark as reviewed' }).count()).toBe(0);

    await row.getByRole('link').click();
    const flag = centre.locator('[data-flag=agreement_unagreed]');
    await flag
      .getByText(
        'The case was closed with a mediation agreement, but no mediation attempt since it was last reopened reached agreement.',
      )
      .waitFor();
    await flag.getByText(/江亭村 陈书记 closed the case: Mediation agreement/).waitFor();
    await flag.getByRole('button', { name: 'Mark as reviewed' }).click();

    // settled for everyone on the case, and recorded in its timeline
    await cadre.locator('[data-review-flags]').waitFor({ state: 'detached' });
    await centre.locator('[data-review-flags]').waitFor({ state: 'detached' });
    await centre.getByText('综治中心 周主任 looked into a flagged contradiction and settled it').waitFor();

    // back in the ledger the case no longer needs review
    await centre.getByRole('link', { name: '← All case files' }).click();
    await centre.getByRole('checkbox', { name: /^Needs review/ }).waitFor();
    await centre.getByLabel('Search').fill(title);
    await centre.locator('li[data-stage]', { hasText: title }).waitFor();
    expect(
      await centre.locator('li[data-stage]', { hasText: title }).locator('[data-needs-review]').count(),
    ).toBe(0);
    await centre.getByRole('checkbox', { name: /^Needs review/ }).check();
    await centre.getByText('No case matches. Change the search or the filters.').waitFor();
  });

  it('C-REVIEW-1, W-REVIEW-1: an agreement and an escalation recorded offline on two devices merge into a flag both see', async () => {
    const server = await seeded();
    const path = await newCase(server, 'steps-merge-0001', '王某与罗某宅基地界址纠纷', [
      registeredStep,
      dispatchedToPolice,
    ]);
    const police = await openSignedIn(browser(), `${server.url}${path}`, demoAccount('police1'));
    const cadre = await openSignedIn(browser(), `${server.url}${path}`, demoAccount('cadre1'));
    await stage(police, 'dispatched');
    await stage(cadre, 'dispatched');

    // both devices lose the network
    await goOffline(server, [police, cadre]);

    await police.getByRole('button', { name: 'Mediation attempt', exact: true }).click();
    await police.locator('select[name=result]').selectOption('agreed');
    await police.getByRole('button', { name: 'Record this step' }).click();
    await stage(police, 'handling');

    await cadre.getByRole('button', { name: 'Escalate', exact: true }).click();
    await cadre.locator('textarea[name=reason]').fill('当事人要求镇里出面。');
    await cadre.getByRole('button', { name: 'Record this step' }).click();
    await cadre.locator('[data-level=town]').waitFor();
    // on each device alone nothing contradicts
    expect(await police.locator('[data-review-flags]').count()).toBe(0);
    expect(await cadre.locator('[data-review-flags]').count()).toBe(0);

    await servers.restart(server, { samePort: true });
    await comeBackOnline([police, cadre]);

    for (const page of [police, cadre]) {
      await page.locator('[data-level=town]').waitFor();
      const flag = page.locator('[data-flag=agreed_escalated]');
      await flag
        .getByText('A mediation attempt reached agreement, yet the case was escalated from the same level.')
        .waitFor();
      await flag.getByText(/警务室 王警官 recorded a mediation attempt at Village level: agreed/).waitFor();
      await flag.getByText(/江亭村 陈书记 escalated the case from Village level/).waitFor();
    }
  });
});

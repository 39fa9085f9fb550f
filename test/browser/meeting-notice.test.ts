import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CaseFile } from '../../shared/src/cases/case-file.ts';
import {
  caseMeetingEntries,
  linksOfMeeting,
  writeLinksIntoCase,
  type MeetingLink,
} from '../../shared/src/meetings/case-links.ts';
import type { MeetingFile } from '../../shared/src/meetings/meeting-file.ts';
import { docName } from '../../shared/src/sync/doc-name.ts';
import { browserSuite, builtWebApp, demoAccount, openSignedIn } from '../helpers/browser.ts';
import { storeCase } from '../helpers/stored-case.ts';
import { storeMeeting } from '../helpers/stored-meeting.ts';
import type { TestServer } from '../helpers/test-server.ts';

const { servers, browser } = browserSuite();

const hour = 3_600_000;

function withParties(caseFile: CaseFile): void {
  caseFile.addParty({ name: '张三丰', village: '江亭村5组12号', contact: '13812345678', role: 'applicant' });
  caseFile.addParty({ name: '李四', village: 'jiangting', contact: '0857-7221234', role: 'respondent' });
}

/** A meeting on the case whose minutes name the parties in full, with their phone and address. */
function minutesOnCase(caseId: string, lock: boolean) {
  return (meeting: MeetingFile) => {
    const at = Date.now() - 2 * hour;
    const item = meeting.addAgendaItem(
      { caseId, topic: '张三丰与李四宅基地纠纷' },
      { by: 'demo-centre1', at },
    );
    meeting
      .minutes(item.id)
      .insert(0, '张三丰(电话13812345678,住江亭村5组12号)称李四占用其宅基地。李四(0857-7221234)不认可。');
    meeting.addDecision(item.id, '由司法所组织张三丰、李四现场勘界', { by: 'demo-centre1', at });
    meeting.addAction(
      { itemId: item.id, caseId, text: '通知李四勘界时间', owner: 'demo-judicial1', deadline: '2026-12-05' },
      { by: 'demo-centre1', at },
    );
    meeting.signIn('demo-judicial1', { by: 'demo-judicial1', at });
    if (lock) meeting.lock({ by: 'demo-centre1', at: at + hour });
  };
}

async function downloadedText(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  const xml = unzipSync(new Uint8Array(await readFile(path)))['word/document.xml'];
  if (!xml) throw new Error('the download holds no word/document.xml');
  const text = [...strFromU8(xml).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { name: download.suggestedFilename(), text };
}

/** Waits until the page's local copy of the document holds something: it then opens without the server. */
async function keptOnDevice(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    (db) =>
      new Promise<boolean>((resolve) => {
        const request = indexedDB.open(db);
        request.onerror = () => resolve(false);
        request.onsuccess = () => {
          const opened = request.result;
          if (!opened.objectStoreNames.contains('updates')) {
            opened.close();
            resolve(false);
            return;
          }
          const count = opened.transaction('updates').objectStore('updates').count();
          count.onsuccess = () => {
            opened.close();
            resolve(count.result > 0);
          };
          count.onerror = () => resolve(false);
        };
      }),
    name,
  );
}

describe('the public notice of a meeting', () => {
  it('M-PUBLIC-1, M-PUBLIC-2: the publication view shows 张某, never the full name, phone or address', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    await storeCase(server, {
      id: 'notice-case-1',
      title: '张三丰与李四宅基地纠纷',
      village: 'jiangting',
      more: withParties,
    });
    await storeMeeting(server, {
      id: 'notice-m1',
      kind: 'topical',
      title: '信访联席会议专题会',
      date: '2026-11-27',
      place: '沫阳镇综治中心会议室',
      convener: 'demo-centre1',
      invited: ['judicialOffice', 'policePost'],
      more: minutesOnCase('notice-case-1', true),
    });
    const page = await openSignedIn(
      browser(),
      `${server.url}/meetings/notice-m1/notice`,
      demoAccount('judicial1'),
    );

    const notice = page.locator('article.notice');
    // redacted with the case's parties once this device has read them
    await notice.getByText('Topic 1: 张某与李某宅基地纠纷').waitFor();
    const text = await notice.innerText();
    expect(text).toContain('张某(电话***********,住江亭村)称李某占用其宅基地。');
    expect(text).toContain('由司法所组织张某、李某现场勘界');
    expect(text).toContain('Responsible: Judicial office');
    for (const secret of ['张三丰', '三丰', '李四', '13812345678', '7221234', '5组12号', '李所长', 'demo-']) {
      expect(text).not.toContain(secret);
    }
    expect(await notice.getAttribute('data-final')).toBe('true');
    expect(await page.getByText('Draft: these minutes are not finalized yet.').count()).toBe(0);

    // the two files: the public one redacted like the page, the archive one whole
    const published = await downloadedText(page, 'Notice (.docx)');
    expect(published.name).toBe('会议公示-2026-11-27-notice-m1.docx');
    expect(published.text).toContain('张某(电话***********,住江亭村)称李某占用其宅基地。');
    for (const secret of ['张三丰', '13812345678', '5组12号', '李所长'])
      expect(published.text).not.toContain(secret);
    const archived = await downloadedText(page, 'Archive minutes (.docx)');
    expect(archived.name).toBe('会议纪要-2026-11-27-notice-m1.docx');
    for (const whole of [
      '张三丰(电话13812345678,住江亭村5组12号)',
      '司法所 李所长',
      '沫阳镇综治中心会议室',
    ]) {
      expect(archived.text).toContain(whole);
    }
  });

  it('M-PUBLIC-2, W-OFF-1: the notice opens offline from this device, still redacted with the case’s parties', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    await storeCase(server, { id: 'notice-case-3', title: '张三丰与李四宅基地纠纷', more: withParties });
    await storeMeeting(server, {
      id: 'notice-m3',
      convener: 'demo-centre1',
      invited: ['judicialOffice'],
      more: minutesOnCase('notice-case-3', true),
    });
    const path = '/meetings/notice-m3/notice';
    const page = await openSignedIn(browser(), `${server.url}${path}`, demoAccount('judicial1'));
    await page.locator('article.notice').getByText('Topic 1: 张某与李某宅基地纠纷').waitFor();
    // the app is kept on the device once its service worker is ready
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // and the meeting and the case are in its local copies (y-indexeddb keeps one database per document)
    for (const name of ['meeting:notice-m3', 'case:notice-case-3']) await keptOnDevice(page, name);
    await page.context().setOffline(true);
    await server.stop();
    await page.reload();
    await page.locator('article.notice').getByText('Topic 1: 张某与李某宅基地纠纷').waitFor();
    const text = await page.locator('article.notice').innerText();
    expect(text).toContain('张某(电话***********,住江亭村)称李某占用其宅基地。');
    for (const secret of ['张三丰', '李四', '13812345678']) expect(text).not.toContain(secret);
  });

  it('M-PUBLIC-2: unfinalized minutes are a draft; a case this device cannot read is named, its numbers still masked', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    // a case of another village: the village cadre of 江亭村 may not read its parties
    await storeCase(server, {
      id: 'notice-case-2',
      title: '张三丰诉李四',
      village: 'hongyan',
      more: withParties,
    });
    await storeMeeting(server, {
      id: 'notice-m2',
      kind: 'villageDeliberation',
      title: '江亭村协商议事会',
      village: 'jiangting',
      convener: 'demo-centre1',
      invited: ['village:jiangting'],
      more: minutesOnCase('notice-case-2', false),
    });
    const page = await openSignedIn(
      browser(),
      `${server.url}/meetings/notice-m2/notice`,
      demoAccount('cadre1'),
      'zh-CN',
    );
    await page.getByText('草稿:会议纪要尚未定稿,不得张贴公示。').waitFor();
    const warning = page.locator('[data-cases-unreadable]');
    await warning.waitFor();
    expect(await warning.getAttribute('data-cases-unreadable')).toBe('notice-case-2');
    expect(await warning.innerText()).toContain('本设备无法读取 1 件关联案件的当事人信息(notice-case-2)');
    const text = await page.locator('article.notice').innerText();
    expect(text).toContain('会议类型\t协商议事会');
    for (const secret of ['13812345678', '0857-7221234', '5组12号']) expect(text).not.toContain(secret);
  });
});

/** The links the server would write into the case for the meeting (SPEC M-LINK-1), as it stood before the test. */
async function meetingWithActionOnCase(
  server: TestServer,
  caseId: string,
): Promise<Map<string, MeetingLink>> {
  let links = new Map<string, MeetingLink>();
  await storeMeeting(server, {
    id: 'casemeet-m1',
    kind: 'weeklyAnalysis',
    title: '一周一研判',
    date: '2026-11-20',
    convener: 'demo-centre1',
    invited: ['policePost'],
    more: (meeting) => {
      const at = Date.now() - 3 * hour;
      const item = meeting.addAgendaItem({ caseId, topic: '山林边界' }, { by: 'demo-centre1', at });
      meeting.addDecision(item.id, '先由警务室上门稳控', { by: 'demo-centre1', at });
      meeting.addAction(
        { itemId: item.id, caseId, text: '上门回访两户', owner: 'demo-police1', deadline: '2026-11-25' },
        { by: 'demo-centre1', at: at + 1 },
      );
      links = linksOfMeeting(meeting).get(caseId) ?? links;
    },
  });
  return links;
}

describe('meetings on the case', () => {
  it('W-CASEMEET-1, W-CASEMEET-2: the case shows the meeting’s action with its meeting; ticking it done is written to the case', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const caseId = 'casemeet-case-1';
    const links = await meetingWithActionOnCase(server, caseId);
    expect(links.size).toBe(2);
    await storeCase(server, {
      id: caseId,
      title: '山林边界纠纷',
      more: (caseFile) => writeLinksIntoCase(caseFile.doc, 'casemeet-m1', links),
    });

    const page = await openSignedIn(browser(), `${server.url}/`, demoAccount('police1'));
    // the ledger row says the case has an open action, past its deadline
    const row = page.locator(`li:has(a[href="/cases/${caseId}"])`);
    const badge = row.locator('[data-open-actions]');
    await badge.waitFor();
    expect(await badge.innerText()).toContain('Meeting actions open: 1');
    expect(await badge.innerText()).toContain('Overdue');

    await row.locator('a').click();
    const section = page.locator('section.meetings');
    await section.getByRole('heading', { name: 'Meeting decisions and actions' }).waitFor();
    const action = section.locator('li[data-kind=action]');
    expect(await action.innerText()).toContain('上门回访两户');
    expect(await action.innerText()).toContain('Owner: 警务室 王警官');
    expect(await action.innerText()).toContain('Overdue');
    expect(await section.locator('li[data-kind=decision]').innerText()).toContain('先由警务室上门稳控');
    const link = section.getByRole('link', { name: /一周一研判/ });
    expect(await link.getAttribute('href')).toBe('/meetings/casemeet-m1');
    // and on the timeline, at their time, apart from the steps
    expect(await page.locator('li[data-kind="meeting-action"]').innerText()).toContain('上门回访两户');

    const box = action.getByRole('checkbox');
    await box.check();
    await page.getByText('Saved on the server').waitFor();
    await page.reload();
    await section.locator('li[data-kind=action][data-done=true]').waitFor();
    expect(await section.locator('li[data-kind=action]').getByRole('checkbox').isChecked()).toBe(true);
    expect(await section.locator('li[data-kind=action]').innerText()).toContain(
      'Marked done by 警务室 王警官',
    );

    // the server has it in the case: the word it carries to the meeting
    const stored = new Y.Doc();
    for (const update of (await server.store.load(docName('case', caseId))).updates)
      Y.applyUpdate(stored, update);
    const done = caseMeetingEntries(stored).find((entry) => entry.kind === 'action')?.completion;
    expect(done).toMatchObject({ done: true, by: 'demo-police1' });
  });
});

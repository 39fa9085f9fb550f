import type { WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { guardRefusal } from '../../shared/src/access/guard-refusals.ts';
import { CaseTimeline } from '../../shared/src/cases/workflow/timeline.ts';
import { loginResponseSchema } from '../../shared/src/auth/user.ts';
import { encodeRefused } from '../../shared/src/sync/extensions.ts';
import { encodeChannelMessage, packFrames, readFrames } from '../../shared/src/sync/mux-frames.ts';
import {
  browserSuite,
  builtWebApp,
  demoAccount,
  openSignedIn,
  signInThroughForm,
} from '../helpers/browser.ts';
import { stockClient, synced } from '../helpers/clients.ts';

const { servers, browser } = browserSuite();

/** Within a few seconds, never an endless spinner (SPEC W-MISSING-1). */
const fewSeconds = { timeout: 8_000 };

describe('a case page with no case to show', () => {
  it('W-MISSING-1: a case number the server does not have says so, to one who may record cases too', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    // a village cadre may record cases, so the server lets them open an unknown number empty (SPEC A-RIGHT-8)
    const cadre = await openSignedIn(browser(), `${server.url}/cases/no-such-case-42`, demoAccount('cadre1'));
    await cadre
      .getByRole('alert')
      .filter({ hasText: 'There is no case file with this number, on this device or on the server.' })
      .waitFor(fewSeconds);
    expect(await cadre.getByRole('status').filter({ hasText: 'Opening the case file' }).count()).toBe(0);
    await cadre.getByRole('link', { name: '← All case files' }).click();
    await cadre.waitForURL((url) => url.pathname === '/');

    // one who may not record cases is refused at the door, which says the same of a case that does not exist
    const supervisor = await openSignedIn(
      browser(),
      `${server.url}/cases/no-such-case-42`,
      demoAccount('supervisor1'),
      'zh-CN',
    );
    await supervisor
      .getByRole('alert')
      .filter({ hasText: '你无权查看这件案件,或没有这个编号的案件。' })
      .waitFor(fewSeconds);
  });

  it('W-MISSING-1: offline, a case not on this device says the server cannot be reached', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const page = await openSignedIn(browser(), `${server.url}/`, demoAccount('judicial1'));
    // the app is kept on the device once its service worker is ready
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await server.stop();
    await page.goto(`${server.url}/cases/demo-hy-neighbours`);
    await page
      .getByRole('alert')
      .filter({ hasText: 'This case file is not on this device, and the server cannot be reached now.' })
      .waitFor(fewSeconds);
  });
});

describe('moving a case out of one’s own hands', () => {
  const village = 'select[name=village]';

  it('W-MOVE-1, A-GUARD-3: a village cadre sees their case’s village fixed, with why; the town’s centre moves it and keeps it', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const cadre = await openSignedIn(
      browser(),
      `${server.url}/cases/demo-jt-boundary`,
      demoAccount('cadre1'),
    );
    await cadre.getByText('Saved on the server').waitFor();
    expect(await cadre.locator(village).isDisabled()).toBe(true);
    await cadre
      .getByText('Only the town’s agencies (governance centre, judicial office, police post) move a case')
      .waitFor();
    // the cadre may still place it in one of their own village's grids
    expect(await cadre.locator('#case-grid').isDisabled()).toBe(false);

    // the town's governance centre keeps every case wherever it lies: it is not asked, and the move stands
    const centre = await openSignedIn(
      browser(),
      `${server.url}/cases/demo-jt-boundary`,
      demoAccount('centre1'),
    );
    await centre.getByText('Saved on the server').waitFor();
    await centre.locator(village).selectOption({ label: 'Hongyan Village' });
    expect(await centre.getByRole('group', { name: 'Move this case file?' }).count()).toBe(0);
    await expect.poll(() => centre.locator(village).inputValue()).toBe('hongyan');
  });
});

describe('what the server undid', () => {
  it('W-REFUSE-1: a refusal that arrives on the case’s socket is said in the reader’s words beside the case, and dismissed', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const context = await browser().newContext({ locale: 'zh-CN' });
    // the real server's socket, passed through untouched; the test adds message 102 on the case's channel as the
    // server sends it
    const sockets: WebSocketRoute[] = [];
    const opened = new Map<string, number>();
    await context.routeWebSocket(/\/sync(\?|$)/, (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((message) => {
        if (typeof message !== 'string') {
          const read = readFrames(new Uint8Array(message));
          for (const frame of read.ok ? read.frames : [])
            if (frame.type === 'open') opened.set(frame.name, frame.channel);
        }
        server.send(message);
      });
      sockets.push(socket);
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/cases/demo-jt-boundary`);
    await signInThroughForm(page, demoAccount('cadre1'));
    await page.getByText('已保存到服务器').waitFor();
    const socket = sockets.at(-1);
    const channel = opened.get('case:demo-jt-boundary');
    if (!socket || channel === undefined) throw new Error('the case page opened no channel for the case');
    const refused = encodeRefused([
      { reason: guardRefusal.place, field: 'case.village' },
      { reason: guardRefusal.role, field: 'timeline', step: 'registered' },
    ]);
    socket.send(Buffer.from(packFrames([encodeChannelMessage(channel, refused)])));

    const village = page
      .getByRole('alert')
      .filter({ hasText: '服务器撤销了你的修改:案件所属村只能由镇综治中心、司法所或警务室调整' });
    const step = page
      .getByRole('alert')
      .filter({ hasText: '服务器撤销了你的修改:你的岗位不能在此办理“核实立案”' });
    await village.waitFor();
    await step.waitFor();
    // the person works on: the notes stay editable while the message is shown
    expect(await page.locator('#case-notes').evaluate((field: HTMLElement) => field.isContentEditable)).toBe(
      true,
    );
    await village.getByRole('button', { name: '知道了' }).click();
    await village.waitFor({ state: 'detached' });
    expect(await step.count()).toBe(1);
  });
});

describe('when each step reached the server', () => {
  it('W-RECEIPT-1, A-ATTEST-2: every step shows when it reached the server, and a step taken elsewhere shows its receipt as soon as it arrives', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const page = await openSignedIn(
      browser(),
      `${server.url}/cases/demo-jt-boundary`,
      demoAccount('cadre1'),
      'zh-CN',
    );
    // the meetings' decisions on the case share the timeline but are not steps: they have no receipt
    const steps = page.locator('ol.events > li:not(.meeting)');
    await steps.first().waitFor();
    // the demo's steps reached the server when they were taken: each says so
    expect(await page.locator('.receipt').count()).toBe(await steps.count());

    // the centre records a follow-up visit from its own device; the server notes when it arrived
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(demoAccount('centre1')),
    });
    const { token, user } = loginResponseSchema.parse(await login.json());
    const centre = stockClient(server.syncUrl, 'case:demo-jt-boundary', { token, params: { acks: '1' } });
    try {
      await synced(centre);
      const sent = Date.now();
      new CaseTimeline(centre.doc).record({
        id: 'receipt-visit-1',
        at: sent,
        by: user.id,
        kind: 'visit',
        note: '回访:双方未再起争执',
        satisfaction: 5,
      });
      const shown = steps.filter({ hasText: '回访:双方未再起争执' }).locator('.receipt');
      await shown.waitFor();
      expect(await shown.textContent()).toMatch(/^已送达服务器 \d{1,2}:\d{2}$/);
      expect(Number(await shown.getAttribute('data-received'))).toBeGreaterThanOrEqual(sent);
    } finally {
      centre.destroy();
    }
  });
});

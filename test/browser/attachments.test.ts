import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserSuite,
  builtWebApp,
  comeBackOnline,
  demoAccount,
  fieldShows,
  goOffline,
  openSignedIn,
  signInThroughForm,
} from '../helpers/browser.ts';

const { servers, browser } = browserSuite();

const titleField = 'input[name=title]';

/** A JPEG of `width` × `height` encoded by Chromium itself: a gradient with a stripe, so it is no blank page. */
async function cameraJpeg(page: Page, width: number, height: number): Promise<Buffer> {
  const bytes = await page.evaluate(
    async ([w, h]) => {
      const canvas = new OffscreenCanvas(w, h);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      const gradient = context.createLinearGradient(0, 0, w, h);
      gradient.addColorStop(0, '#2d6a4f');
      gradient.addColorStop(1, '#e9c46a');
      context.fillStyle = gradient;
      context.fillRect(0, 0, w, h);
      context.fillStyle = '#9b2226';
      context.fillRect(w / 3, 0, w / 10, h);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      return [...new Uint8Array(await blob.arrayBuffer())];
    },
    [width, height] as const,
  );
  return Buffer.from(bytes);
}

/** The pixel size a JPEG declares in its frame header (SOF0…SOF2). */
function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) throw new Error(`not a JPEG marker at ${at}`);
    const marker = bytes[at + 1] ?? 0;
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (marker >= 0xc0 && marker <= 0xc2) {
      return {
        height: ((bytes[at + 5] ?? 0) << 8) | (bytes[at + 6] ?? 0),
        width: ((bytes[at + 7] ?? 0) << 8) | (bytes[at + 8] ?? 0),
      };
    }
    at += 2 + length;
  }
  throw new Error('no frame header');
}

/** Records a case through the new-case form, with a photo taken at the door. */
async function recordCase(page: Page, caseTitle: string, photo: Buffer): Promise<string> {
  await page.getByLabel('What the dispute is about').fill(caseTitle);
  await page
    .locator('input[data-attach=new-case-photo]')
    .setInputFiles({ name: 'IMG_0412.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.getByText('Photos: 1').waitFor();
  await page.getByLabel('Village').selectOption({ label: 'Jiangting Village' });
  await page.getByLabel('Type of dispute').selectOption({ label: 'Neighbours' });
  await page.getByLabel('How it came to light').selectOption({ label: 'Found on a visit' });
  await page.getByRole('button', { name: 'Record the case' }).click();
  await page.waitForURL(/\/cases\/[a-z0-9]+$/);
  await fieldShows(page, titleField, { equals: caseTitle });
  return new URL(page.url()).pathname;
}

const shownPhoto = (page: Page) =>
  page.locator('section.attachments li.attachment[data-kind=photo][data-shown=true] img');

describe('attachments of a case', () => {
  it('W-ATTACH-1, W-ATTACH-2, C-ATTACH-5: a photo taken offline on a new case stays through a reload, reaches the server once online, and shows to others with access only, offline too once fetched', async () => {
    let server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const field = await openSignedIn(browser(), `${server.url}/`, demoAccount('grid1'));
    await field.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const photo = await cameraJpeg(field, 3000, 2000);

    // on the hillside: the case and its photo are recorded with no server at all
    await field.context().setOffline(true);
    await server.stop();
    await field.locator('header details.sync-status[data-state=offline]').waitFor();
    const casePath = await recordCase(field, 'Cattle in the vegetable plot', photo);
    const caseId = casePath.split('/').pop() ?? '';
    await shownPhoto(field).waitFor();
    await field.locator('header details.sync-status[data-uploads="1"]').waitFor();

    // still offline, the page is opened again: the photo is on the device
    await field.reload();
    await fieldShows(field, titleField, { equals: 'Cattle in the vegetable plot' });
    await shownPhoto(field).waitFor();
    const thumbWidth = await shownPhoto(field).evaluate((img: HTMLImageElement) => img.naturalWidth);
    expect(thumbWidth).toBe(320);

    // back in signal: the upload finishes by itself
    server = await servers.restart(server, { samePort: true });
    await comeBackOnline([field]);
    await field.locator('header details.sync-status[data-uploads="0"]').waitFor({ timeout: 30_000 });
    await field.getByText('Saved on the server').waitFor();

    // the server has the photo, made smaller on the phone: 1600 px on its long edge
    const entries = await field.evaluate(() =>
      [...document.querySelectorAll('section.attachments li.attachment')].map((li) =>
        li.getAttribute('data-sha256'),
      ),
    );
    expect(entries).toHaveLength(1);
    const sha256 = entries[0] ?? '';
    const cadre = await server.auth.login('cadre1', 'demo');
    if (!cadre) throw new Error('cadre1 could not sign in');
    const served = await fetch(`${server.url}/api/cases/${caseId}/attachments/${sha256}`, {
      headers: { authorization: `Bearer ${cadre.token}` },
    });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    const stored = new Uint8Array(await served.arrayBuffer());
    expect(jpegSize(stored)).toEqual({ width: 1600, height: 1067 });
    console.log(
      `a 3000×2000 camera JPEG of ${photo.length} bytes is kept and uploaded as ${stored.length} bytes at 1600×1067`,
    );

    // the village cadre, on another device, sees the photo; someone of another village gets nothing
    const office = await (await browser().newContext({ locale: 'en-US' })).newPage();
    await office.goto(`${server.url}${casePath}`);
    await signInThroughForm(office, demoAccount('cadre1'));
    await shownPhoto(office).waitFor();
    const outsider = await server.signIn('villageCadre', 'hongyan');
    const refused = await fetch(`${server.url}/api/cases/${caseId}/attachments/${sha256}`, {
      headers: { authorization: `Bearer ${outsider}` },
    });
    expect(refused.status).toBe(404);

    // fetched once, the photo is on the cadre's device: it shows there offline too
    await goOffline(server, [office]);
    await office.reload();
    await fieldShows(office, titleField, { equals: 'Cattle in the vegetable plot' });
    await shownPhoto(office).waitFor();
  });

  it('W-ATTACH-2, W-SIGNOUT-1, W-SIGNOUT-2: signing out with a photo not yet uploaded names it, and discarding erases the attachments from the device', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const page = await openSignedIn(browser(), `${server.url}/cases/demo-jt-boundary`, demoAccount('cadre1'));
    await page.getByText('Saved on the server').waitFor();
    const photo = await cameraJpeg(page, 640, 480);
    await goOffline(server, [page]);
    await page
      .locator('input[data-attach=photo]')
      .setInputFiles({ name: 'agreement.jpg', mimeType: 'image/jpeg', buffer: photo });
    await shownPhoto(page).waitFor();
    await page.locator('header details.sync-status[data-uploads="1"]').waitFor();
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toContain(
      'concord-attachments',
    );

    await page.getByRole('button', { name: 'Sign out' }).click();
    const warning = page.getByRole('dialog', { name: 'Not yet sent to the server' });
    await warning.getByText('Photos, voice notes or files not yet uploaded: 1').waitFor();
    await warning.getByRole('button', { name: 'Sign out and discard them' }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await expect
      .poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)))
      .not.toContain('concord-attachments');
  });

  it('W-ATTACH-1, C-ATTACH-4: a voice note recorded on the page and a signed agreement as a PDF reach the server, typed by their content', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    const page = await openSignedIn(browser(), `${server.url}/cases/demo-jt-boundary`, demoAccount('cadre1'));
    await page.getByText('Saved on the server').waitFor();

    await page.getByRole('button', { name: 'Record voice' }).click();
    // the button counts the seconds recorded, and stops the recording
    await page.getByRole('button', { name: 'Stop (1 s)' }).click();
    await page.locator('li.attachment[data-kind=voice][data-shown=true] audio').waitFor();

    // a Word file is none of what a case keeps: refused on the device, nothing added
    await page.locator('input[data-attach=file]').setInputFiles({
      name: '协议.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from('PK\u0003\u0004 not really a document'),
    });
    await page
      .getByRole('alert')
      .filter({ hasText: 'Only photos, PDF documents and sound recordings' })
      .waitFor();
    expect(await page.locator('li.attachment[data-kind=file]').count()).toBe(0);

    const pdf = Buffer.from('%PDF-1.4\n% 调解协议书 (signed)\n%%EOF\n');
    await page
      .locator('input[data-attach=file]')
      .setInputFiles({ name: '调解协议书.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page
      .locator('li.attachment[data-kind=file][data-shown=true] a', { hasText: '调解协议书.pdf' })
      .waitFor();
    await page.locator('header details.sync-status[data-uploads="0"]').waitFor();

    const shas = new Map(
      await page.evaluate(() =>
        [...document.querySelectorAll('section.attachments li.attachment')].map((li): [string, string] => [
          li.getAttribute('data-kind') ?? '',
          li.getAttribute('data-sha256') ?? '',
        ]),
      ),
    );
    const centre = await server.auth.login('centre1', 'demo');
    if (!centre) throw new Error('centre1 could not sign in');
    const typeOf = async (sha: string | undefined) => {
      const response = await fetch(`${server.url}/api/cases/demo-jt-boundary/attachments/${sha ?? ''}`, {
        headers: { authorization: `Bearer ${centre.token}` },
      });
      expect(response.status).toBe(200);
      return [response.headers.get('content-type'), response.headers.get('content-disposition')];
    };
    expect(await typeOf(shas.get('voice'))).toEqual(['audio/webm', expect.stringMatching(/^attachment/)]);
    expect(await typeOf(shas.get('file'))).toEqual(['application/pdf', expect.stringMatching(/^attachment/)]);
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AccountId, Role } from '@concord/shared/auth/user.ts';
import { CaseFile, type CaseId } from '@concord/shared/cases/case-file.ts';
import { summarizeDoc } from '@concord/shared/docs/summary.ts';
import { errorBodySchema } from '@concord/shared/http/errors.ts';
import type { VillageId } from '@concord/shared/org/jurisdiction.ts';
import { docName } from '@concord/shared/sync/doc-name.ts';
import { appsInMemory, tokenOf } from '../http/test-app.ts';
import type { DocStore } from '../storage/doc-store.ts';

const appWith = appsInMemory();

const people = {
  grid: { role: 'gridWorker', village: 'jiangting' },
  centre: { role: 'governanceCentre' },
  supervisor: { role: 'supervisor' },
  otherVillage: { role: 'villageCadre', village: 'hongyan' },
} satisfies Record<string, { role: Role; village?: string }>;
type Who = keyof typeof people;

/** A tiny JPEG as far as its first bytes go, which is all the server reads of its type. */
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 2, 3]);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function storeCase(store: DocStore, id: string, village: string): Promise<void> {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  new CaseFile(doc).create({
    id: id as CaseId,
    title: '宅基地纠纷',
    village: village as VillageId,
    disputeType: 'neighbours',
    createdAt: 1000,
  });
  await store.append(
    [
      {
        name: docName('case', id),
        updates: [Y.mergeUpdates(updates)],
        summary: summarizeDoc('case', doc),
        edits: [{ author: 'acct-centre' as AccountId, fields: ['title'], bytes: 1 }],
      },
    ],
    1000,
  );
}

async function setup(options: { maxAttachmentBytes?: number } = {}) {
  const { app, store } = await appWith(
    Object.entries(people).map(([who, person]) => ({ id: `acct-${who}`, ...person })),
    options,
  );
  await storeCase(store, 'jiangtingcase', 'jiangting');
  await storeCase(store, 'hongyancase', 'hongyan');
  const call = (who: Who, method: string, path: string, body?: Uint8Array) =>
    app.request(`/api/cases/${path}`, {
      method,
      headers: { authorization: `Bearer ${tokenOf(`acct-${who}`)}` },
      ...(body === undefined ? {} : { body }),
    });
  return { call };
}

const errorCode = async (response: Response) => errorBodySchema.parse(await response.json()).error.code;

describe('attachment routes', () => {
  it('C-ATTACH-3, C-ATTACH-5: a writer uploads a photo; readers of the case get it back with its sniffed type', async () => {
    const { call } = await setup();
    const path = `jiangtingcase/attachments/${sha(jpeg)}`;
    expect((await call('grid', 'PUT', path, jpeg)).status).toBe(204);
    // the same bytes again change nothing and are not refused
    expect((await call('grid', 'PUT', path, jpeg)).status).toBe(204);
    for (const who of ['grid', 'centre', 'supervisor'] as const) {
      const response = await call(who, 'GET', path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(jpeg);
    }
    const head = await call('centre', 'HEAD', path);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(jpeg.length));
  });

  it('C-ATTACH-5: without access to the case, or through another case, the blob is not found', async () => {
    const { call } = await setup();
    const path = `jiangtingcase/attachments/${sha(jpeg)}`;
    await call('grid', 'PUT', path, jpeg);
    const outsider = await call('otherVillage', 'GET', path);
    expect(outsider.status).toBe(404);
    expect(await errorCode(outsider)).toBe('not_found');
    // the other village's cadre reads their own case, but the blob was never uploaded to it
    expect((await call('otherVillage', 'GET', `hongyancase/attachments/${sha(jpeg)}`)).status).toBe(404);
    // a reader of the case may not upload; one who may not open it learns nothing of it
    expect((await call('supervisor', 'PUT', path, jpeg)).status).toBe(403);
    expect((await call('otherVillage', 'PUT', path, jpeg)).status).toBe(404);
    expect((await call('grid', 'GET', `jiangtingcase/attachments/${'0'.repeat(64)}`)).status).toBe(404);
  });

  it('C-ATTACH-4: the content must match its SHA-256 name and be of a kind a case keeps, whatever it is called', async () => {
    const { call } = await setup();
    const mismatch = await call('grid', 'PUT', `jiangtingcase/attachments/${'a'.repeat(64)}`, jpeg);
    expect(mismatch.status).toBe(400);
    expect(await errorCode(mismatch)).toBe('bad_request');
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    const disguised = await call('grid', 'PUT', `jiangtingcase/attachments/${sha(html)}`, html);
    expect(disguised.status).toBe(415);
    expect(await errorCode(disguised)).toBe('unsupported_type');
    expect((await call('grid', 'GET', `jiangtingcase/attachments/${sha(html)}`)).status).toBe(404);
    expect((await call('grid', 'PUT', 'jiangtingcase/attachments/photo.jpg', jpeg)).status).toBe(400);
  });

  it('C-ATTACH-4: a body past MAX_ATTACHMENT_BYTES is refused with 413', async () => {
    const { call } = await setup({ maxAttachmentBytes: 1024 });
    const big = new Uint8Array(2048);
    big.set(jpeg);
    const response = await call('grid', 'PUT', `jiangtingcase/attachments/${sha(big)}`, big);
    expect(response.status).toBe(413);
    expect(await errorCode(response)).toBe('too_large');
  });

  it('C-ATTACH-4: a PDF is offered as a download, never shown inline', async () => {
    const { call } = await setup();
    const pdf = new TextEncoder().encode('%PDF-1.7 signed agreement');
    expect((await call('grid', 'PUT', `jiangtingcase/attachments/${sha(pdf)}`, pdf)).status).toBe(204);
    const response = await call('centre', 'GET', `jiangtingcase/attachments/${sha(pdf)}`);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment/);
  });
});

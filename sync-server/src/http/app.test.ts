import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { summarizeDoc } from '@concord/shared/docs/summary.ts';
import { docListResponseSchema } from '@concord/shared/docs/listing.ts';
import { errorBodySchema } from '@concord/shared/http/errors.ts';
import { docName } from '@concord/shared/sync/doc-name.ts';
import { CaseFile, type CaseId } from '@concord/shared/cases/case-file.ts';
import type { VillageId } from '@concord/shared/org/jurisdiction.ts';
import type { DocStore } from '../storage/doc-store.ts';
import { SpyStore } from '../storage/spy-store.ts';
import { appsInMemory, tokenOf } from './test-app.ts';

const appWith = appsInMemory();
/** Folders of web builds made by the tests, removed after each. */
const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});
const token = tokenOf('acct-app-test');

/** The app on an in-memory database, with one signed-in administrator whose bearer token is {@link token}. */
const setup = (options: { webRoot?: string | null; wrapStore?: (store: DocStore) => DocStore } = {}) =>
  appWith([{ id: 'acct-app-test', username: 'apptest', displayName: '测试', role: 'admin' }], options);

const signedIn = { headers: { authorization: `Bearer ${token}` } };

/** H-HTTP-2: the body is the one error shape, with the code given. */
async function expectErrorBody(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body: unknown = await response.json();
  expect(body).toEqual({ error: { code, message: expect.any(String) as string } });
  expect(errorBodySchema.parse(body).error.code).toBe(code);
}

describe('HTTP routes', () => {
  it('H-HTTP-1: GET /healthz answers 200 with JSON', async () => {
    const { app } = await setup();
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ status: 'ok', loadedDocs: 0, sockets: 0 });
  });

  it('S-LIST-1: GET /api/docs lists the stored documents in the shape the web app checks', async () => {
    const { app, store } = await setup();
    const caseDoc = new Y.Doc();
    new CaseFile(caseDoc).create({
      id: 'listedcase' as CaseId,
      title: '宅基地纠纷',
      village: 'jiangting' as VillageId,
      disputeType: 'neighbours',
      createdAt: 1,
    });
    const meetingDoc = new Y.Doc();
    meetingDoc.getText('title').insert(0, '五月联席会议');
    await store.append(
      [
        {
          name: docName('case', 'listedcase'),
          updates: [Y.encodeStateAsUpdate(caseDoc)],
          summary: summarizeDoc('case', caseDoc),
        },
        {
          name: docName('meeting', 'may'),
          updates: [Y.encodeStateAsUpdate(meetingDoc)],
          summary: summarizeDoc('meeting', meetingDoc),
        },
      ],
      1_700_000_000_000,
    );

    const response = await app.request('/api/docs', signedIn);

    expect(response.status).toBe(200);
    const body = docListResponseSchema.parse(await response.json());
    expect(body.docs.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      {
        name: 'case:listedcase',
        kind: 'case',
        title: '宅基地纠纷',
        village: 'jiangting',
        updatedAt: 1_700_000_000_000,
        access: 'write',
      },
      {
        name: 'meeting:may',
        kind: 'meeting',
        title: '五月联席会议',
        village: null,
        updatedAt: 1_700_000_000_000,
        access: 'write',
      },
    ]);
  });

  it('S-LIST-1: GET /api/docs on an empty store is an empty list', async () => {
    const { app } = await setup();
    const response = await app.request('/api/docs', signedIn);
    expect(docListResponseSchema.parse(await response.json())).toEqual({ docs: [] });
  });

  it('H-HTTP-2: GET /api/docs without a token is refused in the one error shape', async () => {
    const { app } = await setup();
    await expectErrorBody(await app.request('/api/docs'), 401, 'unauthorized');
  });

  it.each(['/api/nothing-here', '/api/docs/extra', '/api'])(
    'H-HTTP-2: unknown API path %s is a JSON 404',
    async (path) => {
      const { app } = await setup();
      await expectErrorBody(await app.request(path, signedIn), 404, 'not_found');
    },
  );

  it('H-HTTP-2: an unknown API path stays a JSON 404 when the web app is served', async () => {
    const webRoot = await webBuild();
    const { app } = await setup({ webRoot });
    await expectErrorBody(await app.request('/api/nothing-here', { method: 'POST' }), 404, 'not_found');
  });

  it('H-HTTP-2: a failure inside a route is a JSON 500 that tells nothing of the cause, and is logged', async () => {
    const { app, logger } = await setup({
      wrapStore: (inner) => {
        const store = new SpyStore(inner);
        store.list = () => Promise.reject(new Error('SQLITE_CORRUPT: secret table layout'));
        return store;
      },
    });
    const response = await app.request('/api/docs', signedIn);
    await expectErrorBody(response.clone(), 500, 'internal');
    expect(await response.text()).not.toContain('SQLITE_CORRUPT');
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'request failed', path: '/api/docs' }),
    );
  });

  it.each([
    ['no colon', 'nocolon'],
    ['unknown kind', 'folder:abc'],
    ['empty id', 'case:'],
    ['id with a space', 'case:a%20b'],
    ['id too long', `case:${'x'.repeat(65)}`],
  ])('S-DOC-1: /sync/<%s> is refused with 400 before any upgrade', async (_label, name) => {
    const { app } = await setup();
    const response = await app.request(`/sync/${name}?token=${token}`, {
      headers: {
        upgrade: 'websocket',
        connection: 'Upgrade',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'sec-websocket-version': '13',
      },
    });
    await expectErrorBody(response, 400, 'bad_doc_name');
  });

  it('serves the files of the web app and index.html for any other path', async () => {
    const webRoot = await webBuild();
    const { app } = await setup({ webRoot });

    const asset = await app.request('/_app/start.js');
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log("start");');

    for (const path of ['/', '/cases/abc123', '/meetings/new?from=list']) {
      const page = await app.request(path);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(await page.text(), path).toBe(indexHtml);
    }
    // the API keeps its own answers
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it('H-HTTP-2: without a web app, any other path is a JSON 404 too', async () => {
    const { app } = await setup({ webRoot: null });
    await expectErrorBody(await app.request('/cases/abc123'), 404, 'not_found');
    await expectErrorBody(await app.request('/healthz', { method: 'DELETE' }), 404, 'not_found');
  });

  it('serves only the API, and says so in the log, when the web app is not built', async () => {
    const emptyRoot = await mkdtemp(join(tmpdir(), 'concord-web-'));
    folders.push(emptyRoot);
    const { app, logger } = await setup({ webRoot: emptyRoot });
    await expectErrorBody(await app.request('/cases/abc123'), 404, 'not_found');
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', webRoot: emptyRoot }));
  });
});

const indexHtml = '<!doctype html><title>Concord</title>';

async function webBuild(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'concord-web-'));
  folders.push(root);
  await writeFile(join(root, 'index.html'), indexHtml);
  await mkdir(join(root, '_app'));
  await writeFile(join(root, '_app', 'start.js'), 'console.log("start");');
  return root;
}

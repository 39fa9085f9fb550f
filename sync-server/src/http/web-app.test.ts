import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { appsInMemory } from './test-app.ts';
import { cacheControl } from './web-app.ts';

const appWith = appsInMemory();
const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

const indexHtml = `<!doctype html><title>Concord</title>${'<link rel="modulepreload">'.repeat(40)}`;
const chunk = `export const words = ${JSON.stringify('调解 mediation '.repeat(200))};`;
const chunkPath = '/_app/immutable/chunks/Ab12Cd34.js';

/** A web build as `npm run build -w web` leaves it: text files with their .br and .gz copies beside them. */
async function webBuild(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'concord-web-'));
  folders.push(root);
  await mkdir(join(root, '_app/immutable/chunks'), { recursive: true });
  const files: Record<string, string> = {
    'index.html': indexHtml,
    [chunkPath.slice(1)]: chunk,
    'service-worker.js': `self.addEventListener('fetch', () => {}); // ${'x'.repeat(300)}`,
    'manifest.webmanifest': JSON.stringify({ name: '协和 Concord', start_url: '/' }),
  };
  for (const [path, text] of Object.entries(files)) {
    await writeFile(join(root, path), text);
    await writeFile(join(root, `${path}.br`), brotliCompressSync(text));
    await writeFile(join(root, `${path}.gz`), gzipSync(text));
  }
  // a file too small to gain from compression has no copies
  await writeFile(join(root, '_app/version.json'), '{"version":"1"}');
  return root;
}

const setup = async () => appWith([], { webRoot: await webBuild() });

describe('the web app on the wire', () => {
  it('S-WEB-1: answers Accept-Encoding br with the brotli copy, gzip with the gzip copy, else the plain file', async () => {
    const { app } = await setup();

    const br = await app.request(chunkPath, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.headers.get('content-type')).toMatch(/^text\/javascript/);
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(Number(br.headers.get('content-length'))).toBe(brBytes.length);
    expect(brBytes.length).toBeLessThan(Buffer.byteLength(chunk));
    expect(brotliDecompressSync(brBytes).toString()).toBe(chunk);

    const gz = await app.request(chunkPath, { headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toBe('Accept-Encoding');
    const gzBytes = Buffer.from(await gz.arrayBuffer());
    expect(Number(gz.headers.get('content-length'))).toBe(gzBytes.length);
    expect(gunzipSync(gzBytes).toString()).toBe(chunk);

    const plain = await app.request(chunkPath, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(Number(plain.headers.get('content-length'))).toBe(Buffer.byteLength(chunk));
    expect(await plain.text()).toBe(chunk);
  });

  it('S-WEB-1: the shell of any page and the manifest come compressed with their own types', async () => {
    const { app } = await setup();
    for (const path of ['/', '/cases/abc123', '/meetings/new?from=list']) {
      const page = await app.request(path, { headers: { 'accept-encoding': 'br' } });
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(page.headers.get('content-encoding'), path).toBe('br');
      expect(brotliDecompressSync(Buffer.from(await page.arrayBuffer())).toString(), path).toBe(indexHtml);
    }
    const manifest = await app.request('/manifest.webmanifest', { headers: { 'accept-encoding': 'gzip' } });
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
    expect(manifest.headers.get('content-encoding')).toBe('gzip');

    // a file without a compressed copy goes out as it is
    const version = await app.request('/_app/version.json', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(version.headers.get('content-encoding')).toBeNull();
    expect(await version.json()).toEqual({ version: '1' });
  });

  it('S-WEB-2: fingerprinted files are cached for a year, the shell and the service worker are checked each time', async () => {
    const { app } = await setup();
    const chunkResponse = await app.request(chunkPath, { headers: { 'accept-encoding': 'br' } });
    expect(chunkResponse.headers.get('cache-control')).toBe(cacheControl.immutable);
    expect(cacheControl.immutable).toBe('public, max-age=31536000, immutable');

    for (const path of ['/', '/index.html', '/cases/abc123', '/service-worker.js', '/manifest.webmanifest']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('S-WEB-2: a check of an unchanged file is answered 304 with no body', async () => {
    const { app } = await setup();
    const first = await app.request('/service-worker.js', { headers: { 'accept-encoding': 'br' } });
    const lastModified = first.headers.get('last-modified');
    expect(lastModified).not.toBeNull();

    const again = await app.request('/service-worker.js', {
      headers: { 'accept-encoding': 'br', 'if-modified-since': lastModified ?? '' },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('cache-control')).toBe('no-cache');

    const stale = await app.request('/service-worker.js', {
      headers: { 'if-modified-since': new Date(0).toUTCString() },
    });
    expect(stale.status).toBe(200);
  });

  it('S-WEB-2: a fingerprinted file this release does not have is a 404, not the shell cached for a year', async () => {
    const { app } = await setup();
    const response = await app.request('/_app/immutable/chunks/gone-since-the-release.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBeNull();
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

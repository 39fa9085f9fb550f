import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompress } from './precompress.ts';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe('precompressing the build', () => {
  it('S-WEB-1: writes .br and .gz beside each text file that they make smaller, and leaves the rest alone', async () => {
    const root = await mkdtemp(join(tmpdir(), 'concord-build-'));
    folders.push(root);
    await mkdir(join(root, '_app/immutable/chunks'), { recursive: true });
    const chunk = `export const x = ${JSON.stringify('协和 '.repeat(500))};`;
    await writeFile(join(root, '_app/immutable/chunks/a.js'), chunk);
    await writeFile(
      join(root, 'manifest.webmanifest'),
      JSON.stringify({
        name: '协和 Concord',
        icons: [192, 512].map((size) => ({
          src: `/icon-${size}.png`,
          sizes: `${size}x${size}`,
          type: 'image/png',
        })),
      }),
    );
    await writeFile(join(root, 'tiny.json'), '{}');
    await writeFile(join(root, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

    const done = await precompress(root);

    expect(brotliDecompressSync(await readFile(join(root, '_app/immutable/chunks/a.js.br'))).toString()).toBe(
      chunk,
    );
    expect(gunzipSync(await readFile(join(root, '_app/immutable/chunks/a.js.gz'))).toString()).toBe(chunk);
    const names = await readdir(root);
    expect(names).toContain('manifest.webmanifest.br');
    // two bytes do not get smaller; a PNG is compressed already
    expect(names.filter((name) => name.startsWith('tiny.json.') || name.startsWith('icon.png.'))).toEqual([]);
    const chunkDone = done.find((file) => file.file.endsWith('a.js'));
    expect(chunkDone?.br).toBeLessThan(chunkDone?.gz ?? 0);
  });
});

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * Compresses the built app once, at build time, so the server sends each text file as brotli or gzip without
 * compressing it on every request (SPEC S-WEB-1). Run by `npm run build -w web` after `vite build`.
 */

/** The kinds of file that are text and compress well; images and fonts are compressed already. */
export const compressible = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.webmanifest',
  '.txt',
]);

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

export interface Precompressed {
  file: string;
  bytes: number;
  /** The size of each variant written; absent when that variant would not have been smaller. */
  br?: number;
  gz?: number;
}

/** Writes `<file>.br` and `<file>.gz` beside each compressible file under `root`, each only when it is smaller. */
export async function precompress(root: string): Promise<Precompressed[]> {
  const done: Precompressed[] = [];
  for (const file of await filesUnder(root)) {
    if (!compressible.has(extname(file))) continue;
    const plain = await readFile(file);
    const result: Precompressed = { file, bytes: plain.length };
    const br = await brotli(plain, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
      },
    });
    if (br.length < plain.length) {
      await writeFile(`${file}.br`, br);
      result.br = br.length;
    }
    const gz = await gzipped(plain, { level: constants.Z_BEST_COMPRESSION });
    if (gz.length < plain.length) {
      await writeFile(`${file}.gz`, gz);
      result.gz = gz.length;
    }
    done.push(result);
  }
  return done;
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

if (import.meta.main) {
  const root = process.argv[2] ?? 'build';
  const done = await precompress(root);
  const sum = (pick: (file: Precompressed) => number) => done.reduce((total, file) => total + pick(file), 0);
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(
    `precompressed ${done.length} files in ${root}: ${kB(sum((f) => f.bytes))} plain, ` +
      `${kB(sum((f) => f.br ?? f.bytes))} brotli, ${kB(sum((f) => f.gz ?? f.bytes))} gzip`,
  );
}

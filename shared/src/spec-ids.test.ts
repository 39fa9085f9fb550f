import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const idPattern = /\b([A-Z])-([A-Z]+)-(\d+)(?:…(\d+))?/g;

/** Rule ids defined in SPEC.md: the bold `**X-Y-n**` at the start of each rule. */
function specIds(): Set<string> {
  const spec = readFileSync(join(root, 'shared/SPEC.md'), 'utf8');
  return new Set([...spec.matchAll(/\*\*([A-Z]-[A-Z]+-\d+)\*\*/g)].map((m) => m[1] ?? ''));
}

function testFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.') || entry === 'build') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...testFiles(path));
    else if (/\.(test|contract)\.ts$/.test(entry)) found.push(path);
  }
  return found;
}

/** Ids cited in test and suite names (`it('S-SYNC-2: …')`, `describe('A-RIGHT-1…8: …')` cites 1 to 8). */
function citedIds(): Map<string, string[]> {
  const cited = new Map<string, string[]>();
  for (const file of ['shared', 'sync-server', 'web', 'test'].flatMap((dir) => testFiles(join(root, dir)))) {
    const source = readFileSync(file, 'utf8');
    for (const title of source.matchAll(/\b(?:it|describe|test)(?:\.each\([^)]*\))?\(\s*(['"`])(.*?)\1/gs)) {
      for (const m of (title[2] ?? '').matchAll(idPattern)) {
        const [, a, b, from, to] = m;
        const last = Number(to ?? from);
        for (let n = Number(from); n <= last; n++) {
          const id = `${a}-${b}-${n}`;
          cited.set(id, [...(cited.get(id) ?? []), relative(root, file)]);
        }
      }
    }
  }
  return cited;
}

describe('SPEC.md and the tests agree', () => {
  const spec = specIds();
  const cited = citedIds();

  it('every rule id a test cites is a rule of SPEC.md', () => {
    const unknown = [...cited]
      .filter(([id]) => !spec.has(id))
      .map(([id, files]) => `${id} (${files.join(', ')})`);
    expect(unknown).toEqual([]);
  });

  it('every rule of SPEC.md is checked by at least one test that cites it', () => {
    expect([...spec].filter((id) => !cited.has(id))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { docName, docNameRefusal, parseDocName } from './doc-name.ts';

describe('parseDocName', () => {
  it('S-DOC-1: a case name is case:<id>', () => {
    expect(parseDocName('case:k7m2p9q4r8s3t6v5')).toEqual({
      ok: true,
      name: 'case:k7m2p9q4r8s3t6v5',
      kind: 'case',
      id: 'k7m2p9q4r8s3t6v5',
    });
  });

  it('S-DOC-1: a meeting name is meeting:<id>', () => {
    expect(parseDocName('meeting:2025-03-14_jiangting')).toEqual({
      ok: true,
      name: 'meeting:2025-03-14_jiangting',
      kind: 'meeting',
      id: '2025-03-14_jiangting',
    });
  });

  it('S-DOC-2: ids may use letters of both cases, digits, _ and -, from 1 to 64 of them', () => {
    for (const id of ['a', 'Z', '0', '_', '-', 'AbC-123_xyz', 'x'.repeat(64)]) {
      expect(parseDocName(`case:${id}`), id).toMatchObject({ ok: true, id });
    }
  });

  it('S-DOC-1: a name without a colon is refused as malformed', () => {
    for (const raw of ['', 'case', 'casek7m2p9q4', 'k7m2p9q4']) {
      expect(parseDocName(raw), raw).toEqual({ ok: false, reason: docNameRefusal.malformed });
    }
  });

  it('S-DOC-1: a kind other than case or meeting is refused as unknown', () => {
    for (const raw of [
      'user:abc',
      'Case:abc',
      'CASE:abc',
      ' case:abc',
      ':abc',
      'cases:abc',
      '__proto__:abc',
    ]) {
      expect(parseDocName(raw), raw).toEqual({ ok: false, reason: 'unknown_kind' });
    }
  });

  it('S-DOC-2: an empty id is refused', () => {
    expect(parseDocName('case:')).toEqual({ ok: false, reason: 'bad_id' });
    expect(parseDocName('meeting:')).toEqual({ ok: false, reason: 'bad_id' });
  });

  it('S-DOC-2: ids with characters outside [A-Za-z0-9_-] are refused', () => {
    const ids = [
      'a b',
      'a/b',
      '../secret',
      'a.b',
      'a:b',
      'a%20b',
      'a?b',
      'a#b',
      'abc\n',
      '\nabc',
      ' abc',
      '案件',
      'caf\u00e9',
      'a😀',
    ];
    for (const id of ids) {
      expect(parseDocName(`case:${id}`), JSON.stringify(id)).toEqual({ ok: false, reason: 'bad_id' });
    }
  });

  it('S-DOC-2: an id longer than 64 characters is refused', () => {
    expect(parseDocName(`case:${'x'.repeat(65)}`)).toEqual({ ok: false, reason: 'bad_id' });
    expect(parseDocName(`meeting:${'x'.repeat(1000)}`)).toEqual({ ok: false, reason: 'bad_id' });
  });
});

describe('docName', () => {
  it('S-DOC-1: docName builds <kind>:<id> from a valid id', () => {
    expect(docName('case', 'abc')).toBe('case:abc');
    expect(docName('meeting', 'm-1')).toBe('meeting:m-1');
  });

  it('S-DOC-2: docName refuses to build a name from an id the parser would refuse, saying why', () => {
    expect(() => docName('case', '')).toThrow(/bad_id/);
    expect(() => docName('case', 'a/b')).toThrow(/bad_id/);
    expect(() => docName('meeting', 'x'.repeat(65))).toThrow(/bad_id/);
  });
});

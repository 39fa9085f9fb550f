import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAttachment,
  attachmentChangeRefusal,
  attachmentsKey,
  readAttachments,
  referencedBlobs,
  removeAttachment,
  type Attachment,
} from './attachments.ts';

const entry = (sha: string, addedAt: number, more: Partial<Attachment> = {}): Attachment => ({
  sha256: sha.repeat(64),
  kind: 'photo',
  type: 'image/jpeg',
  name: 'door.jpg',
  size: 2048,
  width: 1600,
  height: 1200,
  thumb: 'f'.repeat(64),
  addedBy: 'acct-grid',
  addedAt,
  ...more,
});

describe('attachments in a case document', () => {
  it('C-ATTACH-1: entries are keyed by their SHA-256 and listed oldest first; one of the same content is added once', () => {
    const doc = new Y.Doc();
    expect(addAttachment(doc, entry('b', 20))).toBe(true);
    expect(addAttachment(doc, entry('a', 10, { kind: 'voice', type: 'audio/webm' }))).toBe(true);
    expect(addAttachment(doc, entry('b', 30, { name: 'again.jpg' }))).toBe(false);
    expect(readAttachments(doc).map((a) => [a.sha256[0], a.addedAt])).toEqual([
      ['a', 10],
      ['b', 20],
    ]);
    expect([...doc.getMap(attachmentsKey).keys()].sort()).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
    expect(referencedBlobs(doc)).toEqual(new Set(['a'.repeat(64), 'b'.repeat(64), 'f'.repeat(64)]));
  });

  it('C-ATTACH-1: an entry this version cannot read stays in the document and is not listed', () => {
    const doc = new Y.Doc();
    doc.getMap(attachmentsKey).set('c'.repeat(64), { sha256: 'c'.repeat(64), kind: 'hologram' });
    doc.getMap(attachmentsKey).set('d'.repeat(64), entry('e', 1));
    expect(readAttachments(doc)).toEqual([]);
    expect(doc.getMap(attachmentsKey).size).toBe(2);
  });

  it('C-ATTACH-2: removing marks the entry removed and keeps everything else of it', () => {
    const doc = new Y.Doc();
    addAttachment(doc, entry('a', 10));
    removeAttachment(doc, 'a'.repeat(64));
    expect(readAttachments(doc)).toEqual([{ ...entry('a', 10), removed: true }]);
  });

  it('C-ATTACH-2: which changes of an entry stand', () => {
    const key = 'a'.repeat(64);
    const mine = entry('a', 10);
    expect(attachmentChangeRefusal(key, undefined, mine, 'acct-grid')).toBeNull();
    expect(attachmentChangeRefusal(key, undefined, mine, 'acct-other')).toBe('authorForged');
    expect(attachmentChangeRefusal('b'.repeat(64), undefined, mine, 'acct-grid')).toBe('unreadable');
    expect(attachmentChangeRefusal(key, mine, undefined, 'acct-grid')).toBe('appendOnly');
    expect(attachmentChangeRefusal(key, mine, { ...mine, removed: true }, 'acct-grid')).toBeNull();
    expect(attachmentChangeRefusal(key, mine, { ...mine, removed: true }, 'acct-other')).toBe('authorForged');
    expect(attachmentChangeRefusal(key, mine, { ...mine, removed: true, name: 'x' }, 'acct-grid')).toBe(
      'appendOnly',
    );
    expect(attachmentChangeRefusal(key, { ...mine, removed: true }, mine, 'acct-grid')).toBe('appendOnly');
  });
});

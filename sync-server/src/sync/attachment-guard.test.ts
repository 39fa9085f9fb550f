import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseFile, type CaseId } from '@concord/shared/cases/case-file.ts';
import {
  addAttachment,
  readAttachments,
  removeAttachment,
  type Attachment,
} from '@concord/shared/cases/attachments.ts';
import type { VillageId } from '@concord/shared/org/jurisdiction.ts';
import { cadre, centre, grid, refusals, town } from './guard-town.ts';

const photo = (by: string, sha = 'a'.repeat(64)): Attachment => ({
  sha256: sha,
  kind: 'photo',
  type: 'image/jpeg',
  name: 'agreement.jpg',
  size: 1234,
  width: 1600,
  height: 1200,
  thumb: 'b'.repeat(64),
  addedBy: by,
  addedAt: 2000,
});

function townWithCase() {
  const t = town();
  const recorder = t.replica(centre);
  new CaseFile(recorder.doc).create({
    id: 'attachcase000001' as CaseId,
    title: '宅基地纠纷',
    village: 'jiangting' as VillageId,
    disputeType: 'neighbours',
    createdAt: 1000,
    by: centre.id,
  });
  expect(recorder.send().every((r) => r.ok)).toBe(true);
  return t;
}

describe('the guard on attachments', () => {
  it('C-ATTACH-2: a writer adds a photo in their own name; one in another name is undone', () => {
    const { server, replica } = townWithCase();
    const g = replica(grid);
    addAttachment(g.doc, photo(grid.id));
    expect(refusals(g.send())).toEqual([]);
    expect(readAttachments(server).map((a) => a.addedBy)).toEqual([grid.id]);

    const c = replica(cadre);
    addAttachment(c.doc, photo(grid.id, 'c'.repeat(64)));
    expect(refusals(c.send())).toEqual([`guard_author_forged:attachments.${'c'.repeat(64)}`]);
    expect(readAttachments(server)).toHaveLength(1);
  });

  it('C-ATTACH-2: an entry is never deleted or rewritten; only its adder marks it removed', () => {
    const { server, replica } = townWithCase();
    const g = replica(grid);
    addAttachment(g.doc, photo(grid.id));
    g.send();
    const key = 'a'.repeat(64);

    const c = replica(cadre);
    c.doc.getMap('attachments').delete(key);
    expect(refusals(c.send())).toEqual([`guard_append_only:attachments.${key}`]);
    removeAttachment(c.doc, key);
    expect(refusals(c.send())).toEqual([`guard_author_forged:attachments.${key}`]);
    c.doc.getMap('attachments').set(key, { ...photo(grid.id), name: 'other.jpg' });
    expect(refusals(c.send())).toEqual([`guard_append_only:attachments.${key}`]);
    c.doc.getMap('attachments').set('d'.repeat(64), { ...photo(cadre.id), sha256: 'e'.repeat(64) });
    expect(refusals(c.send())).toEqual([`guard_unreadable:attachments.${'d'.repeat(64)}`]);
    expect(readAttachments(server)).toEqual([photo(grid.id)]);

    // the adder, having heard what the server put back, takes it off the list
    Y.applyUpdate(g.doc, Y.encodeStateAsUpdate(server));
    removeAttachment(g.doc, key);
    expect(refusals(g.send())).toEqual([]);
    expect(readAttachments(server)).toEqual([{ ...photo(grid.id), removed: true }]);
  });
});

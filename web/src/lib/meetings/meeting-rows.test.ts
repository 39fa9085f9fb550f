import { describe, expect, it } from 'vitest';
import type { MeetingListing } from '@concord/shared/meetings/meeting-listing.ts';
import { docName } from '@concord/shared/sync/doc-name.ts';
import {
  encodeStoredMeetings,
  mergeServerMeetings,
  readStoredMeetings,
  rowsByName,
  type MeetingRow,
} from './meeting-rows.ts';

function listing(id: string, fields: Partial<MeetingListing> = {}): MeetingListing {
  return {
    name: docName('meeting', id),
    access: 'write',
    updatedAt: 1,
    id,
    kind: 'topical',
    body: 'jointMeeting',
    title: `meeting ${id}`,
    date: '2026-12-01',
    time: '09:00',
    place: '',
    village: null,
    convener: 'demo-centre1',
    invited: [],
    stage: null,
    locked: false,
    items: 0,
    openActions: 0,
    ...fields,
  };
}

const row = (id: string, pendingUpload: boolean, fields: Partial<MeetingListing> = {}): MeetingRow => ({
  ...listing(id, fields),
  pendingUpload,
});

describe('the meetings kept on the device', () => {
  it('M-CAL-1: the server’s rows replace the device’s, but a meeting made here and not yet sent stays as it is', () => {
    const known = rowsByName([
      row('sent', false, { title: 'old title' }),
      row('unsent', true, { title: 'typed offline' }),
      row('edited', true, { title: 'edited offline' }),
      row('gone', false),
    ]);
    const { rows, gone } = mergeServerMeetings(known, [
      listing('sent', { title: 'new title' }),
      listing('edited', { title: 'server title', access: 'read' }),
      listing('new'),
    ]);
    expect([...rows.values()].map((r) => [r.id, r.title, r.access, r.pendingUpload])).toEqual([
      ['sent', 'new title', 'write', false],
      ['edited', 'edited offline', 'read', true],
      ['new', 'meeting new', 'write', false],
      ['unsent', 'typed offline', 'write', true],
    ]);
    expect(gone).toEqual([docName('meeting', 'gone')]);
  });

  it('M-CAL-1: the list survives a reload; a row this version cannot read is left out, the others kept', () => {
    const stored = encodeStoredMeetings([row('a', false), row('b', true)], 5);
    expect(readStoredMeetings(stored)).toEqual({ rows: [row('a', false), row('b', true)], savedAt: 5 });
    const damaged = JSON.stringify({ version: 1, savedAt: 5, rows: [row('a', false), { name: 'case:x' }] });
    expect(readStoredMeetings(damaged).rows.map((r) => r.id)).toEqual(['a']);
    expect(readStoredMeetings('not json')).toEqual({ rows: [], savedAt: null });
  });
});

import { describe, expect, it } from 'vitest';
import { docName, type DocName } from '@concord/shared/sync/doc-name.ts';
import {
  databasesToDelete,
  hasUnacknowledgedEdits,
  keysToClear,
  storageKeys,
  unsentWork,
} from './sign-out.ts';

const caseA = docName('case', 'a-0001');
const caseB = docName('case', 'b-0002');
const meeting = docName('meeting', 'm-0001');

const row = (name: DocName, title: string, pendingUpload: boolean) => ({ name, title, pendingUpload });

describe('sign-out on a shared device', () => {
  it('W-SIGNOUT-1: names every case and meeting not yet sent, cases first, by title, each once', () => {
    const work = unsentWork({
      cases: [row(caseB, '王某宅基地纠纷', true), row(caseA, '李某欠薪纠纷', false)],
      meetings: [row(meeting, '十一月联席会议', true)],
      open: [
        // edited this visit, not yet acknowledged
        { name: caseA, ownClient: 7, ownClock: 3, acknowledged: new Map([[7, 1]]) },
        // already in the list as unsent: named once
        { name: caseB, ownClient: 8, ownClock: 1, acknowledged: null },
      ],
    });
    expect(work).toEqual([
      { name: caseA, kind: 'case', title: '李某欠薪纠纷' },
      { name: caseB, kind: 'case', title: '王某宅基地纠纷' },
      { name: meeting, kind: 'meeting', title: '十一月联席会议' },
    ]);
  });

  it('W-SIGNOUT-1: nothing unsent when the server acknowledged every edit made here', () => {
    const work = unsentWork({
      cases: [row(caseA, '李某欠薪纠纷', false)],
      meetings: [],
      open: [
        { name: caseA, ownClient: 7, ownClock: 3, acknowledged: new Map([[7, 3]]) },
        // read offline, never edited here: the server's silence does not make it unsent
        { name: caseB, ownClient: 9, ownClock: 0, acknowledged: null },
      ],
    });
    expect(work).toEqual([]);
  });

  it('W-SIGNOUT-1: an open document edited here with no acknowledgement yet is unsent, titled or not', () => {
    expect(hasUnacknowledgedEdits({ name: caseA, ownClient: 1, ownClock: 1, acknowledged: null })).toBe(true);
    expect(
      hasUnacknowledgedEdits({ name: caseA, ownClient: 1, ownClock: 2, acknowledged: new Map([[1, 2]]) }),
    ).toBe(false);
    expect(
      unsentWork({
        cases: [],
        meetings: [],
        open: [{ name: caseA, ownClient: 1, ownClock: 1, acknowledged: null }],
      }),
    ).toEqual([{ name: caseA, kind: 'case', title: '' }]);
  });

  it('W-SIGNOUT-2: clears every key of the app but the language choice, and nobody else’s', () => {
    expect(
      keysToClear([
        'concord.session',
        'concord.ledger',
        'concord.known-cases',
        'concord.meetings',
        'concord.people',
        'concord.locale',
        'another-app.setting',
      ]),
    ).toEqual([
      'concord.session',
      'concord.ledger',
      'concord.known-cases',
      'concord.meetings',
      'concord.people',
    ]);
  });

  it('W-SIGNOUT-2: deletes every local copy, listed by the browser or known to the lists, and no other database', () => {
    expect(
      databasesToDelete(['case:a-0001', 'meeting:m-0001', 'some-other-db', undefined], [caseB, caseA]),
    ).toEqual([caseA, caseB, meeting]);
    // a browser that cannot list its databases: the known documents still go
    expect(databasesToDelete([], [meeting])).toEqual([meeting]);
  });

  it('W-SIGNOUT-2: reads every key before any is removed', () => {
    const entries = new Map([
      ['concord.session', '{}'],
      ['concord.locale', 'en'],
    ]);
    const storage = {
      get length() {
        return entries.size;
      },
      key: (i: number) => [...entries.keys()][i] ?? null,
    } as Storage;
    expect(storageKeys(storage)).toEqual(['concord.session', 'concord.locale']);
  });
});

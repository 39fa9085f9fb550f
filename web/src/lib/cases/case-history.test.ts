import { describe, expect, it, vi } from 'vitest';
import { docName } from '@concord/shared/sync/doc-name.ts';
import { apiFailure } from '../http/api.ts';
import { translate } from '../i18n/translate.ts';
import type { DocHistoryEntry } from '@concord/shared/docs/listing.ts';
import { locales } from '../i18n/translate.ts';
import {
  describeChange,
  fetchHistory,
  fieldLabel,
  fieldText,
  groupHistory,
  historyFailureMessage,
} from './case-history.ts';

const name = docName('case', 'demo-jt-boundary');

describe('fetchHistory', () => {
  it('A-ATTR-1: asks for the case’s history with the bearer token and reads who, when and which fields', async () => {
    const entry = {
      at: 1_700_000_000_000,
      fields: ['notes'],
      author: { id: 'demo-police1', displayName: '警务室 王警官', role: 'policePost' },
    };
    let asked = '';
    let auth = '';
    const fetcher: typeof fetch = (input, init) => {
      asked = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      auth = (init?.headers as Record<string, string>)['authorization'] ?? '';
      return Promise.resolve(Response.json({ history: [entry] }));
    };
    expect(await fetchHistory(fetcher, 'tok-1', name)).toEqual({ ok: true, entries: [entry] });
    expect(asked).toBe('/api/docs/case%3Ademo-jt-boundary/history');
    expect(auth).toBe('Bearer tok-1');
  });

  it('A-ATTR-1: offline, the history says so plainly', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const down: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const result = await fetchHistory(down, 'tok-1', name);
    expect(result).toEqual({ ok: false, failure: apiFailure.unreachable });
    expect(translate('en', historyFailureMessage(apiFailure.unreachable))).toMatch(/cannot be reached/);
    info.mockRestore();
  });
});

const minute = 60_000;
const edit = (at: number, who: string, fields: string[]): DocHistoryEntry => ({
  at,
  fields,
  author: { id: who, displayName: who, role: null },
});

describe('groupHistory', () => {
  it('A-ATTR-1: one person typing for a while is one entry, at its newest moment, with every field touched', () => {
    const grouped = groupHistory([
      edit(10 * minute, 'police', ['notes']),
      edit(9 * minute, 'police', ['title']),
      edit(7 * minute, 'police', ['notes']),
    ]);
    expect(grouped).toEqual([edit(10 * minute, 'police', ['notes', 'title'])]);
  });

  it('A-ATTR-1: another person in between, or a long pause, starts a new entry', () => {
    const entries = [
      edit(30 * minute, 'police', ['notes']),
      edit(29 * minute, 'office', ['notes']),
      edit(28 * minute, 'police', ['notes']),
      edit(10 * minute, 'police', ['title']),
    ];
    expect(groupHistory(entries)).toEqual(entries);
  });
});

describe('describeChange', () => {
  it('A-ATTR-1: names the changed fields in a stable order, each once', () => {
    expect(describeChange(['case.village', 'notes', 'title', 'notes'])).toEqual({
      recorded: false,
      restored: false,
      labels: [
        { key: 'history_field_title' },
        { key: 'history_field_notes' },
        { key: 'history_field_village' },
      ],
      refused: [],
    });
    expect(describeChange(['case.disputeType', 'case.level']).labels).toEqual([
      { key: 'history_field_dispute_type' },
      { key: 'history_field_level' },
    ]);
  });

  it('A-ATTR-1, C-REG-1: the title as a register and as an old case’s text read as one field, the title', () => {
    expect(describeChange(['case.title', 'notes']).labels).toEqual([
      { key: 'history_field_title' },
      { key: 'history_field_notes' },
    ]);
    expect(describeChange(['title', 'case.title']).labels).toEqual([{ key: 'history_field_title' }]);
  });

  it('A-ATTR-1: the edit that created the case reads as its recording', () => {
    const created = [
      'case.createdAt',
      'case.disputeType',
      'case.id',
      'case.schemaVersion',
      'case.village',
      'title',
    ];
    expect(describeChange(created)).toEqual({ recorded: true, restored: false, labels: [], refused: [] });
  });

  it('C-RESTORE-1: the edit that restored an earlier version reads as the restore, whatever it set back', () => {
    expect(describeChange(['notes', 'parties', 'restores', 'title'])).toEqual({
      recorded: false,
      restored: true,
      labels: [],
      refused: [],
    });
  });

  it('A-ATTR-1: a field this version has no word for is shown as stored, never dropped', () => {
    expect(describeChange(['case.outcome']).labels).toEqual([{ raw: 'case.outcome' }]);
  });

  it('W-HIST-1: every field a case document has is named in both languages, never by its stored name', () => {
    const fields = [
      'title',
      'notes',
      'parties',
      'timeline',
      'fieldLog',
      'received.step-1',
      `attachments.${'a'.repeat(64)}`,
      'case.village',
      'case.grid',
      'case.disputeType',
      'case.level',
      'case.leaders',
      'case.departments',
      'case',
      'case.id',
      'case.createdAt',
      'case.schemaVersion',
      'meeting.invited',
    ];
    for (const locale of locales) {
      const t = translate.bind(null, locale);
      const words = fields.map((field) => fieldText(fieldLabel(field), t));
      for (const [i, word] of words.entries()) {
        expect(fieldLabel(fields[i] ?? ''), `${locale} ${fields[i]}`).toHaveProperty('key');
        expect(word).not.toMatch(/[{}“]/);
      }
      expect(new Set(words).size).toBe(fields.length);
    }
    expect(fieldText(fieldLabel('timeline'), translate.bind(null, 'zh-CN'))).toBe('办理过程');
    expect(fieldText(fieldLabel('timeline'), translate.bind(null, 'en'))).toBe('timeline');
  });

  it('W-HIST-1: the server’s receipts of several steps are one change; a field this version does not know is named as stored and said to be unknown', () => {
    expect(describeChange(['received.a', 'received.b', 'timeline']).labels).toEqual([
      { key: 'history_field_timeline' },
      { key: 'history_field_received' },
    ]);
    expect(fieldText(fieldLabel('snapshots'), translate.bind(null, 'zh-CN'))).toBe(
      '“snapshots”(本版本无法识别的字段)',
    );
    expect(fieldText(fieldLabel('snapshots'), translate.bind(null, 'en'))).toBe(
      '“snapshots” (a field this version does not know)',
    );
  });

  it('A-GUARD-2: what the server undid is named apart, once per field, in the name of who tried it', () => {
    const change = describeChange([
      'refused:guard_place:case.village',
      'refused:guard_place:fieldLog',
      'refused:guard_place:case.village',
    ]);
    expect(change.labels).toEqual([]);
    expect(change.refused).toEqual([{ key: 'history_field_village' }, { key: 'history_field_field_log' }]);
    expect(describeChange(['notes', 'refused:step_role:timeline'])).toMatchObject({
      labels: [{ key: 'history_field_notes' }],
      refused: [{ key: 'history_field_timeline' }],
    });
  });

  it('W-I18N-1: every failure has a message in both languages', () => {
    for (const failure of Object.values(apiFailure)) {
      const key = historyFailureMessage(failure);
      expect(translate('en', key)).not.toBe(key);
      expect(translate('zh-CN', key)).not.toBe(key);
    }
  });
});

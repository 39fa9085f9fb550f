import { describe, expect, it } from 'vitest';
import type { AccountId } from '@concord/shared/auth/user.ts';
import type { DocHistoryEntry } from '@concord/shared/docs/listing.ts';
import { knownPeople, nameOf, unnamed } from './people.ts';
import { colourFor, peersFrom, peersIn } from './presence.ts';
import { closed, dispatched } from '@concord/shared/cases/workflow/sample-events.ts';

const state = (id: string, name: string, field: string | null) => ({
  user: { id, name, role: 'villageCadre', color: colourFor(id) },
  field,
});

describe('who else is on the case', () => {
  it('W-PRES-1: others are listed once each, with the field they are in; this device and this person are not', () => {
    const states = new Map<number, unknown>([
      [1, state('demo-me', 'Me', 'title')],
      [2, state('demo-cadre1', '陈书记', 'notes')],
      [3, state('demo-cadre1', '陈书记', null)],
      [4, state('demo-police1', '王警官', 'a field from a newer version')],
      [5, {}],
      [6, state('demo-me', 'Me on my phone', 'notes')],
    ]);
    const peers = peersFrom(states, { clientId: 1, userId: 'demo-me' });
    expect(peers.map((p) => [p.name, p.field])).toEqual([
      ['王警官', null],
      ['陈书记', 'notes'],
    ]);
    expect(peersIn(peers, 'notes').map((p) => p.id)).toEqual(['demo-cadre1']);
  });

  it("W-MEET-2: a person in a meeting item's minutes is there with their caret; an unknown field is none", () => {
    const caret = { type: null, tname: 'minutes/abc123', item: null, assoc: 0 };
    const states = new Map<number, unknown>([
      [2, { ...state('demo-police1', '王警官', 'minutes/abc123'), caret }],
      [3, { ...state('demo-judicial1', '李所长', 'minutes/../x'), caret }],
      [4, { ...state('demo-cadre1', '陈书记', 'title'), caret }],
    ]);
    const peers = peersFrom(states, { clientId: 1, userId: 'demo-me' });
    expect(peers.map((p) => [p.name, p.field, p.caret])).toEqual([
      ['李所长', null, null],
      ['王警官', 'minutes/abc123', caret],
      ['陈书记', 'title', null],
    ]);
  });

  it('W-PRES-1: a person has the same colour on every device', () => {
    expect(colourFor('demo-cadre1')).toBe(colourFor('demo-cadre1'));
    expect(colourFor('demo-cadre1')).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('names for the account ids in the timeline', () => {
  it('C-FLOW-1: names come from the person, those present and the trail; unknown ids show as stored', () => {
    const history: DocHistoryEntry[] = [
      {
        at: 1,
        fields: ['timeline'],
        author: { id: 'demo-centre1', displayName: '周主任', role: 'governanceCentre' },
      },
    ];
    const people = knownPeople({
      self: { id: 'demo-judicial1', displayName: '李所长', role: 'judicialOffice' },
      staff: [],
      peers: [],
      history,
    });
    expect(nameOf(people, 'demo-centre1')).toBe('周主任');
    expect(nameOf(people, 'demo-judicial1')).toBe('李所长');
    expect(nameOf(people, 'demo-x')).toBe('demo-x');
    expect(
      unnamed(people, [
        dispatched(1, 'demo-police1', { leaders: ['demo-leader1'] }),
        closed(2, 'demo-judicial1'),
      ]),
    ).toEqual(['demo-leader1', 'demo-police1']);
  });
});

describe('names from the staff directory', () => {
  it('A-DIR-1: the directory names people no one on the page has met, and marks those no longer active', () => {
    const people = knownPeople({
      self: null,
      staff: [
        {
          id: 'demo-centre1' as AccountId,
          displayName: '综治中心 周主任',
          role: 'governanceCentre',
          village: null,
          agency: null,
          grid: null,
          active: true,
        },
        {
          id: 'demo-old' as AccountId,
          displayName: '已调离 李',
          role: 'policePost',
          village: null,
          agency: null,
          grid: null,
          active: false,
        },
      ],
      peers: [],
      history: [
        { at: 1, fields: ['timeline'], author: { id: 'demo-centre1', displayName: '周', role: null } },
      ],
    });
    expect(nameOf(people, 'demo-centre1')).toBe('综治中心 周主任');
    expect(nameOf(people, 'demo-old')).toBe('已调离 李');
    expect([...people.values()].filter((person) => person.active).map((person) => person.id)).toEqual([
      'demo-centre1',
    ]);
  });
});

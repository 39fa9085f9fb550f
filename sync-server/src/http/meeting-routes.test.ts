import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '@concord/shared/auth/user.ts';
import { summarizeDoc } from '@concord/shared/docs/summary.ts';
import { errorBodySchema } from '@concord/shared/http/errors.ts';
import { MeetingFile } from '@concord/shared/meetings/meeting-file.ts';
import { meetingListResponseSchema, type MeetingListing } from '@concord/shared/meetings/meeting-listing.ts';
import type { NewMeetingFields } from '@concord/shared/meetings/meeting-parts.ts';
import { docName } from '@concord/shared/sync/doc-name.ts';
import type { DocWrite } from '../storage/doc-store.ts';
import { appsInMemory, tokenOf } from './test-app.ts';

const appWith = appsInMemory();

const people = {
  admin: { role: 'admin' },
  police: { role: 'policePost' },
  cadre: { role: 'villageCadre', village: 'jiangting' },
  otherCadre: { role: 'villageCadre', village: 'hongyan' },
  dept: { role: 'department', agency: 'labour' },
  supervisor: { role: 'supervisor' },
} satisfies Record<string, { role: Role; village?: string; agency?: string }>;
type Who = keyof typeof people;
const signedIn = (who: Who) => ({ headers: { authorization: `Bearer ${tokenOf(`acct-${who}`)}` } });

async function setup() {
  const { app, store, db } = await appWith(
    Object.entries(people).map(([who, person]) => ({ id: `acct-${who}`, ...person })),
  );
  const meetings = async (who: Who): Promise<MeetingListing[]> => {
    const response = await app.request('/api/meetings', signedIn(who));
    expect(response.status).toBe(200);
    return meetingListResponseSchema.parse(await response.json()).meetings;
  };
  return { app, store, db, meetings };
}

function meetingWrite(
  id: string,
  fields: Partial<NewMeetingFields>,
  more?: (m: MeetingFile) => void,
): DocWrite {
  const doc = new Y.Doc();
  const meeting = MeetingFile.create(doc, {
    id,
    kind: 'topical',
    title: `会议 ${id}`,
    date: '2026-12-01',
    time: '09:00',
    place: '镇综治中心',
    village: null,
    invited: [],
    convener: 'acct-admin',
    createdAt: 1_000,
    ...fields,
  });
  more?.(meeting);
  return {
    name: docName('meeting', id),
    updates: [Y.encodeStateAsUpdate(doc)],
    summary: summarizeDoc('meeting', doc),
  };
}

describe('GET /api/meetings', () => {
  it('M-LIST-1: answers each meeting with what the calendar shows, soonest first, in the shape the web app checks', async () => {
    const { store, meetings } = await setup();
    await store.append(
      [
        meetingWrite('later', { date: '2026-12-08', invited: ['policePost'] }, (m) => {
          const item = m.addAgendaItem({ caseId: 'c1', topic: '欠薪' }, { by: 'acct-admin', at: 1 });
          m.addAction(
            { itemId: item.id, caseId: 'c1', text: '核实', owner: null, deadline: null },
            { by: 'acct-admin', at: 2 },
          );
          m.lock({ by: 'acct-admin', at: 3 });
        }),
        meetingWrite('sooner', {
          kind: 'villageDeliberation',
          village: 'jiangting',
          invited: ['village:jiangting'],
        }),
      ],
      9_000,
    );
    const all = await meetings('admin');
    expect(all.map((m) => m.name)).toEqual(['meeting:sooner', 'meeting:later']);
    expect(all[1]).toEqual({
      name: 'meeting:later',
      access: 'write',
      updatedAt: 9_000,
      id: 'later',
      kind: 'topical',
      body: 'jointMeeting',
      title: '会议 later',
      date: '2026-12-08',
      time: '09:00',
      place: '镇综治中心',
      village: null,
      convener: 'acct-admin',
      invited: ['policePost'],
      stage: null,
      locked: true,
      items: 1,
      openActions: 1,
    });
    expect(all[0]).toMatchObject({
      kind: 'villageDeliberation',
      body: 'village:jiangting',
      stage: 'collect',
    });
  });

  it('M-LIST-1, A-RIGHT-7: each person gets the meetings they may open, with their access; the supervisor reads all', async () => {
    const { store, meetings } = await setup();
    await store.append(
      [
        meetingWrite('police', { invited: ['policePost'] }),
        meetingWrite('village', { invited: ['village:jiangting'] }),
        meetingWrite('labour', { invited: ['dept:labour'] }),
      ],
      9_000,
    );
    const names = async (who: Who) => (await meetings(who)).map((m) => `${m.name} ${m.access}`).sort();
    expect(await names('police')).toEqual(['meeting:police write']);
    expect(await names('cadre')).toEqual(['meeting:village write']);
    expect(await names('otherCadre')).toEqual([]);
    expect(await names('dept')).toEqual(['meeting:labour write']);
    expect(await names('supervisor')).toEqual([
      'meeting:labour read',
      'meeting:police read',
      'meeting:village read',
    ]);
    expect(await names('admin')).toHaveLength(3);
  });

  it('M-LIST-1: a meeting saved before summaries were kept gets one built from the stored document', async () => {
    const { store, db, meetings } = await setup();
    await store.append([meetingWrite('old', { invited: ['policePost'], place: '村委会' })], 9_000);
    db.prepare('UPDATE docs SET meeting = NULL WHERE name = ?').run('meeting:old');
    expect(await meetings('police')).toEqual([
      expect.objectContaining({ name: 'meeting:old', place: '村委会', access: 'write', updatedAt: 9_000 }),
    ]);
  });

  it('H-HTTP-2: without a sign-in the meetings are refused in the one error shape', async () => {
    const { app } = await setup();
    const response = await app.request('/api/meetings');
    expect(response.status).toBe(401);
    expect(errorBodySchema.safeParse(await response.json()).success).toBe(true);
  });
});

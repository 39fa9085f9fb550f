import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MeetingFile } from './meeting-file.ts';
import { bodyOfPerson, casesOfMeeting, publicMeeting } from './public-notice.ts';
import { privateDetailsOf } from './redaction.ts';

const stamp = { by: 'centre1', at: 1_800_000_000_000 };

function meetingWithMinutes(): MeetingFile {
  const meeting = MeetingFile.create(new Y.Doc(), {
    id: 'notice-m1',
    kind: 'villageDeliberation',
    title: '红岩村协商议事会:张三丰宅基地纠纷',
    date: '2026-11-27',
    time: '09:30',
    place: '红岩村村委会会议室',
    village: 'hongyan',
    // a leader invited by name is a person: the notice leaves them out
    invited: ['judicialOffice', 'policePost', 'village:hongyan', 'person:leader-wang'],
    convener: 'centre1',
    createdAt: stamp.at,
  });
  const item = meeting.addAgendaItem({ caseId: 'case-a', topic: '张三丰与李四宅基地纠纷' }, stamp);
  meeting.minutes(item.id).insert(0, '张三丰(电话13812345678)称李四占地;李四住青山村5组12号。\n');
  meeting.addDecision(item.id, '由司法所组织张三丰、李四现场勘界', stamp);
  meeting.addAction(
    {
      itemId: item.id,
      caseId: 'case-a',
      text: '联系李四(13987654321)确定勘界时间',
      owner: 'judicial1',
      deadline: '2026-12-05',
    },
    stamp,
  );
  const done = meeting.addAction(
    { itemId: null, caseId: null, text: '张贴本次公示', owner: 'cadre1', deadline: null },
    stamp,
  );
  meeting.setDone(done.id, true, stamp);
  meeting.signIn('judicial1', stamp);
  return meeting;
}

const parties = privateDetailsOf([
  { name: '张三丰', village: 'hongyan', contact: '13812345678' },
  { name: '李四', village: '青山村5组12号', contact: '' },
]);
const bodies: Record<string, string> = {
  centre1: 'governanceCentre',
  judicial1: 'judicialOffice',
  cadre1: 'village:hongyan',
};
const bodyOf = (id: string) => bodies[id] ?? null;

describe('the public notice of a meeting', () => {
  it('M-PUBLIC-2: the notice of unfinalized minutes is a draft; finalized, it is for posting', () => {
    const meeting = meetingWithMinutes();
    expect(publicMeeting(meeting, parties, bodyOf)).toMatchObject({ final: false, lockedAt: null });
    meeting.lock({ by: 'centre1', at: stamp.at + 1 });
    expect(publicMeeting(meeting, parties, bodyOf)).toMatchObject({ final: true, lockedAt: stamp.at + 1 });
  });

  it('M-PUBLIC-2, A-RIGHT-7: topics, minutes, decisions and actions are redacted; owners and invitees are bodies, not people', () => {
    const meeting = meetingWithMinutes();
    meeting.lock(stamp);
    const notice = publicMeeting(meeting, parties, bodyOf);
    expect(notice).toMatchObject({
      title: '红岩村协商议事会:张某宅基地纠纷',
      kind: 'villageDeliberation',
      stage: 'collect',
      date: '2026-11-27',
      time: '09:30',
      place: '红岩村村委会会议室',
      convenerBody: 'governanceCentre',
      bodies: ['judicialOffice', 'policePost', 'village:hongyan'],
    });
    expect(notice.items).toEqual([
      {
        id: meeting.agendaItems[0]?.id,
        topic: '张某与李某宅基地纠纷',
        minutes: '张某(电话***********)称李某占地;李某住青山村。',
        decisions: ['由司法所组织张某、李某现场勘界'],
        actions: [
          {
            text: '联系李某(***********)确定勘界时间',
            ownerBody: 'judicialOffice',
            deadline: '2026-12-05',
            done: false,
          },
        ],
      },
    ]);
    expect(notice.otherActions).toEqual([
      { text: '张贴本次公示', ownerBody: 'village:hongyan', deadline: null, done: true },
    ]);
    // nobody is named anywhere in it: not the parties, not the staff who signed in
    const all = JSON.stringify(notice);
    for (const secret of [
      '张三丰',
      '李四',
      '13812345678',
      '13987654321',
      '5组12号',
      'judicial1',
      'cadre1',
      'centre1',
    ]) {
      expect(all).not.toContain(secret);
    }
  });

  it('M-PUBLIC-2: the cases whose parties are redacted are the agenda’s and the actions’', () => {
    const meeting = meetingWithMinutes();
    meeting.addAction({ itemId: null, caseId: 'case-b', text: '回访', owner: null, deadline: null }, stamp);
    expect(casesOfMeeting(meeting).sort()).toEqual(['case-a', 'case-b']);
  });

  it('M-PUBLIC-2: a person acts for their department, their village or their agency', () => {
    expect(bodyOfPerson({ role: 'department', village: null, agency: 'naturalResources' })).toBe(
      'dept:naturalResources',
    );
    expect(bodyOfPerson({ role: 'gridWorker', village: 'hongyan', agency: null })).toBe('village:hongyan');
    expect(bodyOfPerson({ role: 'policePost', village: null, agency: null })).toBe('policePost');
    // the town's mediation committee has no village
    expect(bodyOfPerson({ role: 'mediator', village: null, agency: null })).toBe('mediator');
  });
});

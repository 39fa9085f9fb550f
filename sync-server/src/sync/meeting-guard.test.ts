import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseFile, type CaseId } from '@concord/shared/cases/case-file.ts';
import {
  caseMeetingEntries,
  linkKey,
  meetingDoneKey,
  meetingLinksKey,
  setDoneOnCase,
} from '@concord/shared/meetings/case-links.ts';
import { MeetingFile, minutesKey } from '@concord/shared/meetings/meeting-file.ts';
import type { VillageId } from '@concord/shared/org/jurisdiction.ts';
import { applyGuarded } from './guarded-apply.ts';
import { admin, centre, judicial, police, refusals, town } from './guard-town.ts';

const stamp = (by: string, at = 10_000) => ({ by, at });

/** A meeting the centre convened with one agenda item, its minutes, a decision and an action, as the server has it. */
function townWithMeeting() {
  const t = town('meeting');
  const convener = t.replica(centre);
  const meeting = MeetingFile.create(convener.doc, {
    id: 'guardmeeting0001',
    kind: 'topical',
    title: '十一月专题会',
    date: '2026-11-20',
    time: '09:00',
    place: '镇综治中心',
    village: null,
    invited: ['policePost', 'judicialOffice'],
    convener: centre.id,
    createdAt: 1000,
  });
  const item = meeting.addAgendaItem({ caseId: 'case0001', topic: '宅基地纠纷' }, stamp(centre.id));
  meeting.minutes(item.id).insert(0, '双方同意重新丈量。');
  meeting.addDecision(item.id, '由司法所组织丈量', stamp(centre.id));
  const action = meeting.addAction(
    { itemId: item.id, caseId: 'case0001', text: '丈量地界', owner: judicial.id, deadline: '2026-11-30' },
    stamp(centre.id),
  );
  expect(refusals(convener.send())).toEqual([]);
  return { ...t, convener, itemId: item.id, actionId: action.id };
}

describe('finalizing a meeting', () => {
  it('M-LOCK-1: only the convener locks the minutes; a lock logs itself', () => {
    const { server, replica } = townWithMeeting();
    const p = replica(police);
    new MeetingFile(p.doc).lock(stamp(police.id));
    expect(refusals(p.send())).toEqual([
      'guard_lock_by_convener:lockLog',
      'guard_lock_by_convener:meeting.locked',
    ]);
    for (const doc of [server, p.doc]) {
      expect(new MeetingFile(doc).locked).toBeNull();
      expect(new MeetingFile(doc).lockLog).toEqual([]);
    }
    const c = replica(centre);
    new MeetingFile(c.doc).lock(stamp(centre.id, 20_000));
    expect(refusals(c.send())).toEqual([]);
    expect(new MeetingFile(server).locked).toEqual(stamp(centre.id, 20_000));
    expect(new MeetingFile(server).lockLog).toEqual([
      { action: 'lock', reason: '', ...stamp(centre.id, 20_000) },
    ]);
  });

  it('M-LOCK-1, M-LOCK-3: unlocking needs the convener and a reason in the log, in their own name', () => {
    const { server, replica, convener } = townWithMeeting();
    new MeetingFile(convener.doc).lock(stamp(centre.id));
    convener.send();
    const p = replica(police);
    new MeetingFile(p.doc).unlock('要补充', stamp(police.id));
    expect(refusals(p.send())).toEqual([
      'guard_lock_by_convener:lockLog',
      'guard_lock_by_convener:meeting.locked',
    ]);
    const c = replica(centre);
    c.doc.getMap('meeting').delete('locked');
    expect(refusals(c.send())).toEqual(['guard_unlock_needs_reason:meeting.locked']);
    new MeetingFile(c.doc).unlock('  ', stamp(centre.id));
    expect(refusals(c.send())).toEqual([
      'guard_unlock_needs_reason:lockLog',
      'guard_unlock_needs_reason:meeting.locked',
    ]);
    new MeetingFile(c.doc).unlock('记录有误', stamp(judicial.id));
    expect(refusals(c.send())).toEqual([
      'guard_author_forged:lockLog',
      'guard_unlock_needs_reason:meeting.locked',
    ]);
    expect(new MeetingFile(server).locked).not.toBeNull();
    expect(new MeetingFile(server).lockLog.map((e) => e.action)).toEqual(['lock']);
    new MeetingFile(c.doc).unlock('记录有误,需更正', stamp(centre.id, 30_000));
    expect(refusals(c.send())).toEqual([]);
    for (const doc of [server, c.doc]) {
      expect(new MeetingFile(doc).locked).toBeNull();
      expect(new MeetingFile(doc).lockLog.map((e) => [e.action, e.reason])).toEqual([
        ['lock', ''],
        ['unlock', '记录有误,需更正'],
      ]);
    }
  });

  it('M-LOCK-2: a locked meeting keeps its minutes, title, facts, agenda, decisions, actions and sign-ins, whoever writes; done and the stage go on', () => {
    const { server, replica, convener, itemId, actionId } = townWithMeeting();
    new MeetingFile(convener.doc).lock(stamp(centre.id));
    convener.send();
    const locked = Y.encodeStateAsUpdate(server);
    for (const sender of [police, centre]) {
      const r = replica(sender);
      const meeting = new MeetingFile(r.doc);
      r.doc.transact(() => {
        meeting.minutes(itemId).insert(0, '补记:');
        meeting.title.insert(0, '改:');
        meeting.fields.set('date', '2026-12-01');
        meeting.agenda.set('extra', { id: 'extra' });
        meeting.decisionMap.set('d2', { id: 'd2' });
        meeting.actionMap.delete(actionId);
        meeting.attendanceMap.set(sender.id, stamp(sender.id));
      });
      expect(refusals(r.send()).sort()).toEqual(
        [
          'actions.' + actionId,
          'agenda.extra',
          `attendance.${sender.id}`,
          'decisions.d2',
          'meeting.date',
          minutesKey(itemId),
          'title',
        ].map((field) => `guard_minutes_locked:${field}`),
      );
      for (const doc of [server, r.doc]) {
        const kept = new MeetingFile(doc);
        expect(kept.minutes(itemId).toString()).toBe('双方同意重新丈量。');
        expect(kept.title.toString()).toBe('十一月专题会');
        expect(kept.date).toBe('2026-11-20');
        expect(kept.agendaItems.map((i) => i.id)).toEqual([itemId]);
        expect(kept.decisions).toHaveLength(1);
        expect(kept.actions.map((a) => a.id)).toEqual([actionId]);
        expect(kept.attendance.size).toBe(0);
      }
    }
    // what an action's doing says goes on after the minutes are final
    const j = replica(judicial);
    new MeetingFile(j.doc).setDone(actionId, true, stamp(judicial.id));
    expect(refusals(j.send())).toEqual([]);
    expect(new MeetingFile(server).isDone(actionId)).toBe(true);
    // and so does a deliberation's way through publishing and supervising
    const c = replica(centre);
    new MeetingFile(c.doc).setStage('publish');
    expect(refusals(c.send())).toEqual([]);
    expect(new MeetingFile(server).stage).toBe('publish');
    // a replica of the locked meeting reads what was locked, and nothing refused
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    const before = new Y.Doc();
    Y.applyUpdate(before, locked);
    expect(new MeetingFile(fresh).minutes(itemId).toString()).toBe(
      new MeetingFile(before).minutes(itemId).toString(),
    );
  });

  it('M-LOCK-2: an edit made offline before the lock and sent after it is undone', () => {
    const { server, replica, convener, itemId } = townWithMeeting();
    const offline = replica(police);
    new MeetingFile(offline.doc).minutes(itemId).insert(9, '(警务室意见)');
    new MeetingFile(convener.doc).lock(stamp(centre.id));
    convener.send();
    expect(refusals(offline.send())).toEqual([`guard_minutes_locked:${minutesKey(itemId)}`]);
    for (const doc of [server, offline.doc]) {
      expect(new MeetingFile(doc).minutes(itemId).toString()).toBe('双方同意重新丈量。');
    }
  });

  it('M-LOCK-2, M-DOC-1: minutes of an item the server has not read as text yet are guarded, and become text there', () => {
    const { server, replica, convener, itemId } = townWithMeeting();
    new MeetingFile(convener.doc).lock(stamp(centre.id));
    convener.send();
    const late = replica(judicial);
    // as a room loads a stored meeting: every root is of no kind until told
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, Y.encodeStateAsUpdate(server));
    expect(loaded.share.get(minutesKey(itemId))).not.toBeInstanceOf(Y.Text);
    new MeetingFile(late.doc).minutes(itemId).insert(0, '司法所补充:');
    const outcome = applyGuarded({
      doc: loaded,
      kind: 'meeting',
      update: Y.encodeStateAsUpdate(late.doc, Y.encodeStateVector(loaded)),
      origin: {},
      sender: judicial,
      now: 1,
      ownClients: new Set([late.doc.clientID]),
    });
    expect(refusals([outcome])).toEqual([`guard_minutes_locked:${minutesKey(itemId)}`]);
    expect(loaded.share.get(minutesKey(itemId))).toBeInstanceOf(Y.Text);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(loaded));
    expect(fresh.getText(minutesKey(itemId)).toString()).toBe('双方同意重新丈量。');
  });

  it('M-LOCK-4: the lock log is append-only, each entry in its author’s name', () => {
    const { server, replica, convener } = townWithMeeting();
    new MeetingFile(convener.doc).lock(stamp(centre.id));
    convener.send();
    const a = replica(admin);
    a.doc.getArray('lockLog').delete(0, 1);
    expect(refusals(a.send())).toEqual(['guard_append_only:lockLog']);
    a.doc.getArray('lockLog').push([{ action: 'lock', reason: '', ...stamp(centre.id) }, 'garbage']);
    expect(refusals(a.send())).toEqual(['guard_author_forged:lockLog', 'guard_unreadable:lockLog']);
    for (const doc of [server, a.doc]) {
      expect(new MeetingFile(doc).lockLog).toEqual([{ action: 'lock', reason: '', ...stamp(centre.id) }]);
      expect(doc.getArray('lockLog').length).toBe(1);
    }
  });
});

describe('sign-ins, completions and the meeting’s fixed facts', () => {
  it('M-ATTEND-1: a person signs in themselves; the convener signs in anyone; always in the sender’s name', () => {
    const { server, replica } = townWithMeeting();
    const p = replica(police);
    new MeetingFile(p.doc).signIn(police.id, stamp(police.id));
    expect(refusals(p.send())).toEqual([]);
    new MeetingFile(p.doc).signIn(judicial.id, stamp(police.id));
    expect(refusals(p.send())).toEqual([`guard_attendance_others:attendance.${judicial.id}`]);
    const j = replica(judicial);
    new MeetingFile(j.doc).signIn(judicial.id, stamp(centre.id));
    expect(refusals(j.send())).toEqual([`guard_author_forged:attendance.${judicial.id}`]);
    new MeetingFile(j.doc).signOut(police.id);
    expect(refusals(j.send())).toEqual([`guard_attendance_others:attendance.${police.id}`]);
    const c = replica(centre);
    new MeetingFile(c.doc).signIn(judicial.id, stamp(centre.id));
    expect(refusals(c.send())).toEqual([]);
    expect([...new MeetingFile(server).attendance.keys()].sort()).toEqual([judicial.id, police.id].sort());
  });

  it('M-GUARD-1: completions stand only in the sender’s name and are never taken away; fixed facts stay', () => {
    const { server, replica, actionId } = townWithMeeting();
    const p = replica(police);
    new MeetingFile(p.doc).setDone(actionId, true, stamp(judicial.id));
    expect(refusals(p.send())).toEqual([`guard_author_forged:completion.${actionId}`]);
    new MeetingFile(p.doc).setDone(actionId, true, stamp(police.id));
    expect(refusals(p.send())).toEqual([]);
    p.doc.getMap('completion').delete(actionId);
    expect(refusals(p.send())).toEqual([`guard_append_only:completion.${actionId}`]);
    expect(new MeetingFile(server).completion(actionId)).toEqual({ done: true, ...stamp(police.id) });
    const c = replica(centre);
    c.doc.transact(() => {
      c.doc.getMap('meeting').set('id', 'another');
      c.doc.getMap('meeting').set('convener', police.id);
      c.doc.getMap('meeting').set('createdAt', 5);
      c.doc.getMap('meeting').set('place', '村委会');
    });
    expect(refusals(c.send()).sort()).toEqual([
      'guard_required:meeting.convener',
      'guard_required:meeting.createdAt',
      'guard_required:meeting.id',
    ]);
    expect(new MeetingFile(server).summary()).toMatchObject({
      id: 'guardmeeting0001',
      convener: centre.id,
      place: '村委会',
    });
  });
});

describe('what meetings decided, on the case', () => {
  function townWithCase() {
    const t = town('case');
    const recorder = t.replica(centre);
    new CaseFile(recorder.doc).create({
      id: 'guardcase0000003' as CaseId,
      title: '宅基地纠纷',
      village: 'jiangting' as VillageId,
      disputeType: 'neighbours',
      createdAt: 1000,
      by: centre.id,
    });
    expect(refusals(recorder.send())).toEqual([]);
    return t;
  }

  it('M-LINK-3, A-GUARD-6: the meeting links are the server’s alone; a completion on the case stands in the sender’s name', () => {
    const { server, replica } = townWithCase();
    const key = linkKey('guardmeeting0001', 'action1');
    const p = replica(police);
    p.doc.getMap(meetingLinksKey).set(key, { forged: true });
    expect(refusals(p.send())).toEqual([`guard_server_only:meetingLinks.${key}`]);
    expect(server.getMap(meetingLinksKey).size).toBe(0);
    setDoneOnCase(p.doc, key, true, stamp(judicial.id));
    expect(refusals(p.send())).toEqual([`guard_author_forged:meetingDone.${key}`]);
    setDoneOnCase(p.doc, key, true, stamp(police.id));
    expect(refusals(p.send())).toEqual([]);
    expect(server.getMap(meetingDoneKey).get(key)).toEqual({ done: true, ...stamp(police.id) });
    expect(caseMeetingEntries(server)).toEqual([]);
  });
});

describe('what a meeting is and its order of business', () => {
  it('M-GUARD-2: an invited agency’s change of the title, date, place or step, or of the agenda, is undone; its minutes, decisions and actions stand', () => {
    const { server, replica, itemId } = townWithMeeting();
    const p = replica(police);
    const meeting = new MeetingFile(p.doc);
    p.doc.transact(() => {
      meeting.title.insert(0, '改:');
      meeting.fields.set('date', '2026-12-01');
      meeting.fields.set('place', '派出所');
      meeting.fields.set('stage', 'publish');
      meeting.agenda.delete(itemId);
      meeting.agenda.set('extra', { id: 'extra' });
    });
    expect(refusals(p.send()).sort()).toEqual(
      ['agenda.extra', `agenda.${itemId}`, 'meeting.date', 'meeting.place', 'meeting.stage', 'title']
        .map((field) => `guard_convener_only:${field}`)
        .sort(),
    );
    for (const doc of [server, p.doc]) {
      const kept = new MeetingFile(doc);
      expect(kept.title.toString()).toBe('十一月专题会');
      expect([kept.date, kept.place, kept.stage]).toEqual(['2026-11-20', '镇综治中心', null]);
      expect(kept.agendaItems.map((item) => item.id)).toEqual([itemId]);
    }

    // the invited write the minutes, decide and take on actions
    const again = replica(police);
    const theirs = new MeetingFile(again.doc);
    theirs.minutes(itemId).insert(0, '警务室:');
    theirs.addDecision(itemId, '警务室上门稳控', stamp(police.id));
    theirs.addAction(
      { itemId, caseId: null, text: '上门回访', owner: police.id, deadline: null },
      stamp(police.id),
    );
    expect(refusals(again.send())).toEqual([]);
    const now = new MeetingFile(server);
    expect(now.minutes(itemId).toString()).toBe('警务室:双方同意重新丈量。');
    expect(now.decisions).toHaveLength(2);
    expect(now.actions).toHaveLength(2);

    // the convener sets them
    const c = replica(centre);
    new MeetingFile(c.doc).setDetails({ title: '十一月专题会(改期)', date: '2026-12-02', place: '镇司法所' });
    expect(refusals(c.send())).toEqual([]);
    expect(new MeetingFile(server).summary()).toMatchObject({
      title: '十一月专题会(改期)',
      date: '2026-12-02',
      place: '镇司法所',
    });
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseFile, type CaseId } from '@concord/shared/cases/case-file.ts';
import { CaseTimeline } from '@concord/shared/cases/workflow/timeline.ts';
import { readReceipts } from '@concord/shared/cases/workflow/receipts.ts';
import { MeetingFile } from '@concord/shared/meetings/meeting-file.ts';
import type { VillageId } from '@concord/shared/org/jurisdiction.ts';
import {
  admin,
  cadre,
  centre,
  dept,
  grid,
  judicial,
  now,
  police,
  refusals,
  sendCase,
  town,
} from './guard-town.ts';

/** A case recorded in 江亭村 by the centre, as the server holds it. */
function townWithCase() {
  const t = town();
  const recorder = t.replica(centre);
  new CaseFile(recorder.doc).create({
    id: 'guardcase0000001' as CaseId,
    title: '两户宅基地纠纷',
    village: 'jiangting' as VillageId,
    disputeType: 'neighbours',
    createdAt: 1000,
    by: centre.id,
  });
  recorder.doc.getText('notes').insert(0, '双方同意调解');
  expect(recorder.send().every((r) => r.ok)).toBe(true);
  return t;
}

const step = (id: string, by: string, at: number) => ({ id, at, by });

describe('the guard on case facts', () => {
  it('A-GUARD-1, A-GUARD-3: a village cadre cannot move a case to another village; the rest of the edit stands', () => {
    const { server, replica } = townWithCase();
    const c = replica(cadre);
    c.doc.transact(() => {
      new CaseFile(c.doc).setVillage('hongyan' as VillageId, cadre.id);
      c.doc.getText('notes').insert(0, '村里记录:');
    });
    expect(refusals(c.send())).toEqual(['guard_place:case.village', 'guard_place:fieldLog']);
    for (const doc of [server, c.doc]) {
      expect(new CaseFile(doc).summary().village).toBe('jiangting');
      expect(doc.getText('notes').toString()).toBe('村里记录:双方同意调解');
      expect(new CaseFile(doc).fieldHistory('village').map((h) => h.value)).toEqual(['jiangting']);
    }
    const p = replica(police);
    new CaseFile(p.doc).setVillage('hongyan' as VillageId, police.id);
    expect(refusals(p.send())).toEqual([]);
    expect(new CaseFile(server).summary().village).toBe('hongyan');
  });

  it('A-GUARD-3: grids within the village, leaders and departments only by dispatch, fixed facts fixed', () => {
    const { server, replica } = townWithCase();
    const c = replica(cadre);
    new CaseFile(c.doc).setGrid('jiangting-1', cadre.id);
    expect(refusals(c.send())).toEqual([]);
    c.doc.getMap('case').set('grid', 'hongyan-1');
    expect(refusals(c.send())).toEqual(['guard_place:case.grid']);
    const j = replica(judicial);
    j.doc.transact(() => {
      j.doc.getMap('case').set('leaders', ['someone']);
      j.doc.getMap('case').set('departments', ['labour']);
      j.doc.getMap('case').set('createdAt', 5);
    });
    expect(refusals(j.send()).sort()).toEqual([
      'guard_assignment:case.departments',
      'guard_assignment:case.leaders',
      'guard_required:case.createdAt',
    ]);
    expect(new CaseFile(server).summary()).toMatchObject({
      grid: 'jiangting-1',
      leaders: [],
      departments: [],
    });
    expect(server.getMap('case').get('createdAt')).toBe(1000);
  });

  it('A-GUARD-3, C-DOC-6: how a case came to light is one of the known ways, as its type is one of the known types', () => {
    const { server, replica } = townWithCase();
    const g = replica(grid);
    new CaseFile(g.doc).setSource('visit', grid.id);
    expect(refusals(g.send())).toEqual([]);
    expect(new CaseFile(server).summary().source).toBe('visit');
    g.doc.getMap('case').set('source', 'rumour');
    expect(refusals(g.send())).toEqual(['guard_required:case.source']);
    // a history entry claiming an unknown source, without the field, does not stand either
    g.doc
      .getArray('fieldLog')
      .push([{ id: 'forged-source-01', field: 'source', value: 'rumour', at: 6_000, by: grid.id, seen: [] }]);
    expect(refusals(g.send())).toEqual(['guard_required:fieldLog']);
    g.doc.getMap('case').delete('source');
    expect(refusals(g.send())).toEqual(['guard_required:case.source']);
    for (const doc of [server, g.doc]) expect(new CaseFile(doc).summary().source).toBe('visit');
  });

  it('A-GUARD-5: one transaction that empties a whole case is refused, and all it took is put back', () => {
    const { server, replica } = townWithCase();
    const setup = replica(centre);
    const file = new CaseFile(setup.doc);
    file.addParty({ name: '王某', village: 'jiangting', contact: '', role: 'applicant' }, centre.id);
    setup.doc.getText('notes').format(0, 2, { bold: true });
    setup.send();
    const vandal = replica(police);
    vandal.doc.transact(() => {
      const doc = vandal.doc;
      doc.getText('notes').delete(0, doc.getText('notes').length);
      doc.getArray('parties').delete(0, doc.getArray('parties').length);
      for (const key of ['id', 'title', 'village', 'disputeType']) doc.getMap('case').delete(key);
    });
    expect(refusals(vandal.send()).sort()).toEqual([
      'guard_required:case.disputeType',
      'guard_required:case.id',
      'guard_required:case.title',
      'guard_required:case.village',
    ]);
    for (const doc of [server, vandal.doc]) {
      const kept = new CaseFile(doc);
      expect(kept.summary()).toMatchObject({
        title: '两户宅基地纠纷',
        village: 'jiangting',
        disputeType: 'neighbours',
      });
      expect(doc.getText('notes').toDelta()).toEqual([
        { insert: '双方', attributes: { bold: true } },
        { insert: '同意调解' },
      ]);
      expect(kept.parties.map((p) => p.name)).toEqual(['王某']);
    }
  });

  it('A-GUARD-6: receipts and bindings are the server’s alone', () => {
    const { server, replica } = townWithCase();
    const c = replica(admin);
    c.doc.transact(() => {
      c.doc.getMap('received').set('forged', { at: 1, by: 'admin' });
      c.doc.getMap('writers').set('12345', 'admin');
    });
    expect(refusals(c.send()).sort()).toEqual([
      'guard_server_only:received.forged',
      'guard_server_only:writers.12345',
    ]);
    expect(server.getMap('received').has('forged')).toBe(false);
    expect(server.getMap('writers').has('12345')).toBe(false);
  });

  it.each([
    ['wins', 2 ** 31],
    ['loses', 1],
  ])('A-GUARD-9: a second creation is undone whole, whether its write %s the merge', (_, clientId) => {
    const { server } = townWithCase();
    const late = new Y.Doc();
    late.clientID = clientId;
    const pending: Uint8Array[] = [];
    late.on('update', (u: Uint8Array) => pending.push(u));
    new CaseFile(late).create({
      id: 'guardcase0000001' as CaseId,
      title: '另一个案件',
      village: 'pingzhai' as VillageId,
      disputeType: 'land',
      createdAt: 2000,
      by: centre.id,
    });
    const results = pending.map((update) => sendCase(server, update, centre, late.clientID));
    expect(refusals(results)).toEqual(['guard_exists:case']);
    expect(new CaseFile(server).summary()).toMatchObject({ title: '两户宅基地纠纷', village: 'jiangting' });
    expect(server.getMap('case').get('createdAt')).toBe(1000);
    expect(new CaseFile(server).fieldHistory('village').map((h) => h.value)).toEqual(['jiangting']);
  });

  it('A-GUARD-9: village staff create cases only in their own village', () => {
    const fresh = town();
    const c = fresh.replica(cadre);
    new CaseFile(c.doc).create({
      id: 'guardcase0000002' as CaseId,
      title: '别村的案件',
      village: 'hongyan' as VillageId,
      disputeType: 'land',
      createdAt: 2000,
      by: cadre.id,
    });
    expect(refusals(c.send())).toEqual(['guard_place:case']);
    expect(new CaseFile(fresh.server).exists).toBe(false);
  });
});

describe('the guard on steps', () => {
  it('A-GUARD-4, A-ATTEST-1: a step in another person’s name does not stand', () => {
    const { server, replica } = townWithCase();
    const g = replica(grid);
    new CaseTimeline(g.doc).record({
      ...step('forged-step-1', judicial.id, 2000),
      kind: 'registered',
      risk: 'high',
    });
    expect(refusals(g.send())).toEqual(['guard_author_forged:timeline']);
    expect(new CaseTimeline(server).events).toEqual([]);
    expect(new CaseTimeline(g.doc).events).toEqual([]);
  });

  it('A-GUARD-4, C-STEP-1: a grid worker cannot register or dispatch; the centre can, and each step is receipted (A-ATTEST-2)', () => {
    const { server, replica } = townWithCase();
    const g = replica(grid);
    new CaseTimeline(g.doc).record({ ...step('grid-reg-1', grid.id, 2000), kind: 'registered', risk: 'low' });
    expect(refusals(g.send())).toEqual(['step_role:timeline']);
    const c = replica(centre);
    new CaseTimeline(c.doc).record({
      ...step('centre-reg-1', centre.id, 3000),
      kind: 'registered',
      risk: 'low',
    });
    expect(refusals(c.send())).toEqual([]);
    expect(new CaseTimeline(server).events.map((e) => e.id)).toEqual(['centre-reg-1']);
    expect(readReceipts(server).get('centre-reg-1')).toEqual({ at: now, by: centre.id });
    expect(readReceipts(c.doc).get('centre-reg-1')).toEqual({ at: now, by: centre.id });
  });

  it('A-GUARD-4, C-STEP-4: a department replies to what was dispatched to it, and does not dispatch', () => {
    const { server, replica } = townWithCase();
    const c = replica(centre);
    const timeline = new CaseTimeline(c.doc);
    timeline.record({ ...step('step-reg-1', centre.id, 2000), kind: 'registered', risk: 'medium' });
    timeline.record({
      ...step('step-dis-1', centre.id, 3000),
      kind: 'dispatched',
      handler: judicial.id,
      departments: ['naturalResources'],
      leaders: [],
      deadline: 9000,
    });
    expect(refusals(c.send())).toEqual([]);
    const d = replica(dept);
    const theirs = new CaseTimeline(d.doc);
    theirs.record({
      ...step('dept-dis-1', dept.id, 4000),
      kind: 'dispatched',
      handler: dept.id,
      departments: ['naturalResources', 'labour'],
      leaders: [],
      deadline: 9000,
    });
    theirs.record({
      ...step('dept-rep-1', dept.id, 4001),
      kind: 'reply',
      department: 'naturalResources',
      note: '已核查地界',
    });
    expect(refusals(d.send())).toEqual(['step_role:timeline']);
    expect(new CaseTimeline(server).events.map((e) => e.id)).toEqual([
      'step-reg-1',
      'step-dis-1',
      'dept-rep-1',
    ]);
    expect(new CaseFile(server).summary().departments).toEqual(['naturalResources']);
  });

  it('A-GUARD-4: steps are only ever added: one taken away comes back as it was', () => {
    const { server, replica } = townWithCase();
    const c = replica(centre);
    new CaseTimeline(c.doc).record({
      ...step('kept-step-1', centre.id, 2000),
      kind: 'registered',
      risk: 'medium',
    });
    c.send();
    const a = replica(admin);
    a.doc.getArray('timeline').delete(0, 1);
    expect(refusals(a.send())).toEqual(['guard_append_only:timeline']);
    expect(new CaseTimeline(server).events.map((e) => e.id)).toEqual(['kept-step-1']);
    expect(new CaseTimeline(a.doc).events.map((e) => e.id)).toEqual(['kept-step-1']);
  });

  it('A-ATTEST-3: a step from a device whose clock runs ahead is ordered by when it reached the server', () => {
    const { server, replica } = townWithCase();
    const c = replica(centre);
    const ahead = now + 10 * 24 * 60 * 60 * 1000;
    new CaseTimeline(c.doc).record({
      ...step('ahead-step-1', centre.id, ahead),
      kind: 'registered',
      risk: 'low',
    });
    c.send();
    for (const doc of [server, c.doc]) expect(new CaseTimeline(doc).events[0]?.at).toBe(now);
  });
});

describe('the guard on meetings and client ids', () => {
  it('A-GUARD-7: only the convener decides who a meeting invites', () => {
    const { server, replica } = town('meeting');
    const c = replica(centre);
    new MeetingFile(c.doc).setInvited(['policePost', 'judicialOffice']);
    expect(refusals(c.send())).toEqual([]);
    const p = replica(police);
    new MeetingFile(p.doc).setInvited(['policePost', 'judicialOffice', 'dept:labour']);
    expect(refusals(p.send())).toEqual(['guard_invitations:meeting.invited']);
    expect(new MeetingFile(server).invited).toEqual(['policePost', 'judicialOffice']);
  });

  it('A-BIND-1: an update under a client id bound to another account is refused whole', () => {
    const { server, replica } = townWithCase();
    const victim = replica(judicial);
    victim.doc.getText('notes').insert(0, '司法所:');
    victim.send();
    expect(server.getMap('writers').get(String(victim.doc.clientID))).toBe(judicial.id);
    // the forger takes the victim's client id and next clock
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(server));
    forger.clientID = victim.doc.clientID;
    const before = Y.encodeStateVector(forger);
    forger.getText('notes').insert(0, '伪造:');
    const update = Y.encodeStateAsUpdate(forger, before);
    const result = sendCase(server, update, police, forger.clientID);
    expect(result).toEqual({ ok: false, client: victim.doc.clientID, boundTo: judicial.id });
    expect(server.getText('notes').toString()).toBe('司法所:双方同意调解');
    // the victim's own next edit under that id still arrives
    victim.doc.getText('notes').insert(0, '复查:');
    expect(refusals(victim.send())).toEqual([]);
    expect(server.getText('notes').toString()).toBe('复查:司法所:双方同意调解');
  });

  it('A-BIND-1: a client resending someone else’s edits (as after a missed fan-out) does not take their id', () => {
    const { server, replica } = townWithCase();
    // the judicial office's edit that this server never heard of
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(elsewhere);
    elsewhere.getText('notes').insert(0, '司法所在另一台服务器上写的:');
    const missed = Y.encodeStateAsUpdate(elsewhere, before);
    // a police officer's device had it, and sends it along with its own edit
    const officer = replica(police);
    Y.applyUpdate(officer.doc, missed, 'from-server');
    officer.doc.getText('notes').insert(0, '警务室:');
    const update = Y.encodeStateAsUpdate(officer.doc, Y.encodeStateVector(server));
    const result = sendCase(server, update, police, officer.doc.clientID);
    expect(result).toEqual({ ok: true, refused: [] });
    expect(server.getMap('writers').toJSON()).toMatchObject({ [String(officer.doc.clientID)]: police.id });
    expect(server.getMap('writers').has(String(elsewhere.clientID))).toBe(false);
    // the judicial office's own next edit under its id still lands, and binds it to them
    const more = Y.encodeStateVector(elsewhere);
    elsewhere.getText('notes').insert(0, '补充:');
    const next = sendCase(server, Y.encodeStateAsUpdate(elsewhere, more), judicial, elsewhere.clientID);
    expect(next).toEqual({ ok: true, refused: [] });
    expect(server.getMap('writers').get(String(elsewhere.clientID))).toBe(judicial.id);
  });
});

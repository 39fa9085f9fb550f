import { describe, expect, it } from 'vitest';
import type { Subject } from '@concord/shared/access/rights.ts';
import type { CaseSummary } from '@concord/shared/cases/case-file.ts';
import type { AccountId } from '@concord/shared/auth/user.ts';
import type { VillageId } from '@concord/shared/org/jurisdiction.ts';
import { caseFacts, moveConsequence, planVillageMove } from './case-move.ts';

const jiangting = 'jiangting' as VillageId;
const hongyan = 'hongyan' as VillageId;

const person = (
  role: Subject['role'],
  village: string | null = null,
  agency: string | null = null,
): Subject => ({
  id: `someone-${role}` as AccountId,
  role,
  village,
  agency,
});

const summary: CaseSummary = {
  id: null,
  title: '王某与刘某山林地界纠纷',
  village: jiangting,
  grid: null,
  disputeType: 'forestLandBoundary',
  source: null,
  createdAt: 0,
  level: 'village',
  leaders: [],
  departments: [],
  newerSchema: false,
};

describe('moving a case', () => {
  it('W-MOVE-1: a village cadre moving their case to another village would lose it, and is asked first', () => {
    expect(planVillageMove(person('villageCadre', jiangting), summary, hongyan)).toEqual({
      village: hongyan,
      consequence: 'loses',
    });
    expect(planVillageMove(person('gridWorker', jiangting), summary, hongyan).consequence).toBe('loses');
    expect(planVillageMove(person('mediator', jiangting), summary, hongyan).consequence).toBe('loses');
  });

  it('W-MOVE-1: the town’s agencies and the administrator keep every case wherever it goes, and are not asked', () => {
    for (const role of ['governanceCentre', 'judicialOffice', 'policePost', 'admin'] as const)
      expect(planVillageMove(person(role), summary, hongyan).consequence).toBe('keeps');
    // staying in one's own village changes nothing
    expect(planVillageMove(person('villageCadre', jiangting), summary, jiangting).consequence).toBe('keeps');
  });

  it('W-MOVE-1: any change of the facts that narrows rights counts, from write to read as well as to none', () => {
    const leader = person('caseLeader');
    const led = { ...caseFacts(summary), level: 'county' as const, leaders: [leader.id] };
    // a case leader no longer named keeps reading what reached the county
    expect(moveConsequence(leader, led, { ...led, leaders: [] })).toBe('readOnly');
    expect(moveConsequence(leader, led, { ...led, leaders: [], level: 'town' })).toBe('loses');
    // one who had no rights has nothing to lose
    expect(moveConsequence(person('villageCadre', hongyan), caseFacts(summary), led)).toBe('keeps');
  });
});

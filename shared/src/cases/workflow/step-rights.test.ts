import { describe, expect, it } from 'vitest';
import type { AccountId, Role } from '../../auth/user.ts';
import type { Subject } from '../../access/rights.ts';
import { escalationLevels, type EscalationLevel } from '../../org/agencies.ts';
import { attempt, dispatched, ev, registered } from './sample-events.ts';
import { allStepKinds, mayHandle, stepKindsFor, stepRefusal, stepRefusalFor } from './step-rights.ts';
import { deriveWorkflow, initialWorkflow, type WorkflowState } from './transitions.ts';

const person = (id: string, role: Role, village: string | null = null, agency: string | null = null) =>
  ({ id: id as AccountId, role, village, agency }) satisfies Subject;

/** One person of each role, a village's mediator and the town's, none of them named on the case. */
const actors = {
  admin: person('admin', 'admin'),
  centre: person('centre', 'governanceCentre'),
  judicial: person('judicial', 'judicialOffice'),
  police: person('police', 'policePost'),
  cadre: person('cadre', 'villageCadre', 'jiangting'),
  grid: person('grid', 'gridWorker', 'jiangting'),
  villageMediator: person('vmediator', 'mediator', 'jiangting'),
  townMediator: person('tmediator', 'mediator'),
  leader: person('leader', 'caseLeader'),
  dept: person('dept', 'department', null, 'naturalResources'),
  supervisor: person('supervisor', 'supervisor'),
};
type Actor = keyof typeof actors;
const everyone = Object.keys(actors) as Actor[];

/** A case at `level`, handled by someone else, dispatched to the natural resources office. */
const caseAt = (level: EscalationLevel): WorkflowState => ({
  ...initialWorkflow,
  stage: 'handling',
  level,
  handler: 'someone-else',
  departments: ['naturalResources'],
});

const at = (village: Actor[], town: Actor[], county: Actor[]) => ({ village, town, county });
const everywhere = (who: Actor[]) => at(who, who, who);

/** The matrix, written out by hand from DOMAIN.md: who may take each step at each level. */
const matrix: Record<(typeof allStepKinds)[number], Record<EscalationLevel, Actor[]>> = {
  registered: everywhere(['admin', 'centre']),
  dispatched: everywhere(['admin', 'centre']),
  attempt: at(
    ['admin', 'judicial', 'police', 'cadre', 'villageMediator'],
    ['admin', 'centre', 'judicial', 'police', 'townMediator'],
    ['admin', 'centre', 'judicial'],
  ),
  reply: everywhere(['admin', 'dept']),
  escalated: at(
    ['admin', 'centre', 'judicial', 'police', 'cadre', 'villageMediator'],
    ['admin', 'centre', 'judicial'],
    ['admin'],
  ),
  closed: at(
    ['admin', 'centre', 'judicial', 'police', 'cadre'],
    ['admin', 'centre', 'judicial', 'police'],
    ['admin', 'centre', 'judicial'],
  ),
  visit: everywhere([
    'admin',
    'centre',
    'judicial',
    'police',
    'cadre',
    'grid',
    'villageMediator',
    'townMediator',
  ]),
  evaluated: everywhere(['admin', 'centre']),
  reopened: everywhere(['admin', 'centre', 'judicial', 'police', 'cadre', 'villageMediator', 'townMediator']),
  reviewed: everywhere(['admin', 'centre', 'judicial']),
};

const cells = allStepKinds.flatMap((kind) =>
  escalationLevels.flatMap((level) =>
    everyone.map((actor) => ({ kind, level, actor, allowed: matrix[kind][level].includes(actor) })),
  ),
);

describe('who may take which step at which level', () => {
  it.each(cells)('C-STEP-1…9: $actor, $kind at $level: $allowed', ({ kind, level, actor, allowed }) => {
    const refusal = stepRefusalFor(actors[actor], { kind }, caseAt(level));
    if (allowed) expect(refusal).toBeNull();
    else expect(refusal).not.toBeNull();
  });

  it('C-STEP-1, C-STEP-2: a grid worker may neither register nor dispatch the case they reported', () => {
    const kinds = stepKindsFor(actors.grid, initialWorkflow);
    expect(kinds).not.toContain('registered');
    expect(kinds).not.toContain('dispatched');
    expect(stepRefusalFor(actors.grid, { kind: 'registered' }, initialWorkflow)).toBe(stepRefusal.role);
  });

  it('C-STEP-4, C-STEP-8: a department may only reply, for itself, to a case dispatched to it', () => {
    expect(stepKindsFor(actors.dept, caseAt('village'))).toEqual(['reply']);
    // even as the case's handler, it records no attempt, visit or close-out
    const handled = { ...caseAt('village'), handler: actors.dept.id };
    expect(stepKindsFor(actors.dept, handled)).toEqual(['reply']);
    const elsewhere = { ...caseAt('town'), departments: ['labour'] };
    expect(stepRefusalFor(actors.dept, { kind: 'reply' }, elsewhere)).toBe(stepRefusal.notDispatchedHere);
    expect(stepKindsFor(actors.dept, elsewhere)).toEqual([]);
    const forAnother = { kind: 'reply' as const, department: 'labour' };
    expect(stepRefusalFor(actors.dept, forAnother, caseAt('village'))).toBe(stepRefusal.notDispatchedHere);
    expect(stepRefusalFor(actors.police, { kind: 'reply' }, caseAt('village'))).toBe(stepRefusal.role);
  });

  it('C-STEP-5: a handler may not close their own case, and the closer is the verifier', () => {
    const handledByPolice = { ...caseAt('village'), handler: actors.police.id };
    expect(stepRefusalFor(actors.police, { kind: 'closed' }, handledByPolice)).toBe(
      stepRefusal.verifierNotSelf,
    );
    expect(stepRefusalFor(actors.centre, { kind: 'closed', verifier: 'centre' }, handledByPolice)).toBeNull();
    // naming someone else as the verifier is not verifying
    const forOther = { kind: 'closed' as const, verifier: 'judicial' };
    expect(stepRefusalFor(actors.centre, forOther, handledByPolice)).toBe(stepRefusal.verifierNotSelf);
    expect(stepRefusalFor(actors.admin, forOther, handledByPolice)).toBe(stepRefusal.verifierNotSelf);
  });

  it('C-STEP-3: a case leader works their case at every level; a grid worker mediates nowhere', () => {
    for (const level of escalationLevels) {
      const led = { ...caseAt(level), leaders: [actors.leader.id] };
      expect(stepKindsFor(actors.leader, led)).toEqual([
        'attempt',
        'escalated',
        'closed',
        'visit',
        'reopened',
      ]);
      expect(stepRefusalFor(actors.grid, { kind: 'attempt' }, { ...caseAt(level), handler: 'grid' })).toBe(
        stepRefusal.role,
      );
    }
    // an attempt is judged at the level it names, an escalation at the level it leaves
    expect(stepRefusalFor(actors.cadre, { kind: 'attempt', level: 'town' }, caseAt('village'))).toBe(
      stepRefusal.role,
    );
    expect(stepRefusalFor(actors.cadre, { kind: 'escalated', from: 'village' }, caseAt('town'))).toBeNull();
  });

  it('C-STEP-8: a supervisor takes no step, even when named on the case', () => {
    const named = { ...caseAt('town'), handler: actors.supervisor.id, leaders: [actors.supervisor.id] };
    expect(stepKindsFor(actors.supervisor, named)).toEqual([]);
  });

  it('C-STEP-2: only those who mediate at the case level may be made its handler', () => {
    expect(mayHandle(actors.cadre, 'village')).toBe(true);
    expect(mayHandle(actors.cadre, 'town')).toBe(false);
    expect(mayHandle(actors.grid, 'village')).toBe(false);
    expect(mayHandle(actors.townMediator, 'village')).toBe(false);
    expect(mayHandle(actors.townMediator, 'town')).toBe(true);
    for (const level of escalationLevels) {
      for (const actor of ['admin', 'supervisor', 'dept', 'leader'] as const) {
        expect(mayHandle(actors[actor], level)).toBe(false);
      }
    }
  });
});

describe('a department reply', () => {
  it('C-FLOW-9: a reply moves a dispatched case to handling and uses up none of the three attempts', () => {
    const reply = (m: number) =>
      ev(m, 'reply', { department: 'naturalResources', note: '已现场核实。' }, 'dept');
    const { state, conflicts } = deriveWorkflow([
      registered(1),
      dispatched(2, 'demo-judicial1', { departments: ['naturalResources'] }),
      reply(3),
      reply(4),
      attempt(5),
      reply(6),
    ]);
    expect(conflicts).toEqual([]);
    expect(state.stage).toBe('handling');
    expect(state.attemptsAtLevel).toBe(1);
    // before a dispatch there is nothing to reply to
    expect(deriveWorkflow([registered(1), reply(2)]).conflicts.map((c) => c.reason)).toEqual(['wrong_stage']);
  });
});

import { describe, expect, it } from 'vitest';
import type { Role } from '@concord/shared/auth/user.ts';
import { handlerCandidates, leaderCandidates, matchPeople, participantCandidates } from './people-choice.ts';
import type { Person } from './people.ts';

const person = (
  id: string,
  name: string,
  role: Role,
  village: string | null = null,
  active = true,
): Person => ({
  id,
  name,
  role,
  village,
  active,
});

const staff = [
  person('admin', '系统管理员', 'admin'),
  person('centre', '综治中心 周主任', 'governanceCentre'),
  person('judicial', '司法所 李所长', 'judicialOffice'),
  person('police', '警务室 王警官', 'policePost'),
  person('cadre', '江亭村 陈书记', 'villageCadre', 'jiangting'),
  person('cadre-hy', '红岩村 张主任', 'villageCadre', 'hongyan'),
  person('grid', '江亭村 网格员 杨梅', 'gridWorker', 'jiangting'),
  person('leader', '包案领导 刘镇长', 'caseLeader'),
  person('leader-gone', '包案领导 赵副镇长', 'caseLeader', null, false),
  person('dept', '自然资源所 黄工', 'department'),
  person('supervisor', '镇党委督查 吴书记', 'supervisor'),
];
const ids = (people: Person[]) => people.map((p) => p.id);

describe('who the step forms offer', () => {
  it('W-PEOPLE-1, C-STEP-2: the handler is someone who mediates at the case level, of its village', () => {
    expect(ids(handlerCandidates(staff, 'village', 'jiangting'))).toEqual(['judicial', 'police', 'cadre']);
    expect(ids(handlerCandidates(staff, 'town', 'jiangting'))).toEqual(['centre', 'judicial', 'police']);
    // never the administrator, the supervisor, a grid worker, a department or a leader
    for (const level of ['village', 'town', 'county'] as const) {
      const offered = ids(handlerCandidates(staff, level, 'jiangting'));
      for (const never of ['admin', 'supervisor', 'grid', 'dept', 'leader'])
        expect(offered).not.toContain(never);
    }
  });

  it('W-PEOPLE-1: leaders are active case leaders; participants anyone who works the case', () => {
    expect(ids(leaderCandidates(staff))).toEqual(['leader']);
    expect(ids(participantCandidates(staff, 'jiangting'))).toEqual([
      'centre',
      'judicial',
      'police',
      'cadre',
      'grid',
      'leader',
      'dept',
    ]);
  });

  it('W-PEOPLE-1: a search finds any part of a name or of the role, in the words shown', () => {
    const role = (p: Person) => (p.role === 'judicialOffice' ? 'Judicial office' : '');
    expect(ids(matchPeople(staff, '所长', role))).toEqual(['judicial']);
    expect(ids(matchPeople(staff, '刘镇', role))).toEqual(['leader']);
    expect(ids(matchPeople(staff, 'judicial', role))).toEqual(['judicial']);
    expect(ids(matchPeople(staff, ' 陈 书记 ', role))).toEqual(['cadre']);
    expect(matchPeople(staff, '', role)).toHaveLength(staff.length);
    expect(matchPeople(staff, '不存在', role)).toEqual([]);
  });
});

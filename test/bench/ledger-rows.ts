import type { LedgerRow } from '../../shared/src/ledger/ledger-row.ts';
import { sampleLedgerRow } from '../../shared/src/ledger/ledger-row.ts';
import { disputeTypes } from '../../shared/src/cases/dispute-type.ts';
import { riskGrades, stages } from '../../shared/src/cases/workflow/events.ts';
import { escalationLevels } from '../../shared/src/org/agencies.ts';

/**
 * A town's ledger of `count` cases for the ledger benchmark, the same on every run (a seeded generator): titles
 * and parties in Chinese as the seed reports write them, spread over the villages, types, stages and deadlines.
 */

const villages = ['jiangting', 'hongyan', 'pingzhai'];
const surnames = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗');
const givenNames = ['某', '某某', '建国', '秀英', '志强', '桂兰', '德明', '玉梅'];
const topics = [
  '山林地界',
  '宅基地滴水',
  '土地承包经营权',
  '婚姻家庭',
  '拖欠工资',
  '邻里噪音',
  '道路刮擦赔偿',
  '灌溉用水',
];
const day = 24 * 60 * 60 * 1000;

/** Mulberry32: small, fast, and the same numbers for the same seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateLedgerRows(count: number, now: number, seed = 1): LedgerRow[] {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const person = () => pick(surnames) + pick(givenNames);
  const rows: LedgerRow[] = [];
  for (let i = 0; i < count; i++) {
    const parties = [person(), person()];
    const stage = pick(stages);
    const dispatched = stage === 'dispatched' || stage === 'handling';
    const createdAt = now - Math.floor(random() * 365) * day;
    rows.push(
      sampleLedgerRow(`bench${i.toString().padStart(5, '0')}`, {
        title: `${parties[0] ?? ''}与${parties[1] ?? ''}${pick(topics)}纠纷`,
        village: pick(villages),
        disputeType: pick(disputeTypes),
        risk: random() < 0.1 ? null : pick(riskGrades),
        stage,
        level: random() < 0.8 ? 'village' : pick(escalationLevels),
        parties,
        handler: dispatched ? `demo-user${Math.floor(random() * 20)}` : null,
        leaders: random() < 0.05 ? ['demo-leader1'] : [],
        departments: random() < 0.1 ? ['labour'] : [],
        deadline: dispatched ? now + Math.floor((random() - 0.5) * 30) * day : null,
        createdAt,
        updatedAt: createdAt + Math.floor(random() * 30) * day,
        conflicts: random() < 0.02 ? 1 : 0,
        access: random() < 0.1 ? 'read' : 'write',
        // masked numbers from the row's position, not the generator, so the rows stay those measured before
        contacts: [`139****${1000 + ((i * 7919) % 9000)}`, `158****${1000 + ((i * 104729) % 9000)}`],
      }),
    );
  }
  return rows;
}

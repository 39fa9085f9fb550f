import type { PartyFields } from '@concord/shared/cases/parties.ts';
import { riskGrade, type NatureFlag } from '@concord/shared/cases/risk.ts';
import { deadlineFrom } from '@concord/shared/cases/workflow/deadlines.ts';
import type { Outcome, WorkflowEvent } from '@concord/shared/cases/workflow/events.ts';
import { deriveWorkflow } from '@concord/shared/cases/workflow/transitions.ts';
import { departments, type DepartmentId, type EscalationLevel } from '@concord/shared/org/agencies.ts';
import { findVillage, type VillageId } from '@concord/shared/org/jurisdiction.ts';
import type { DemoCase } from './demo-cases.ts';
import { disputeMaterial, givenNames, groups, projects, sources, surnames } from './demo-material.ts';
import { Prng } from '@concord/shared/random/prng.ts';

const day = 24 * 60 * 60 * 1000;
const hour = 60 * 60 * 1000;

/** The seed of the demo town: change it and every demo case changes with it. */
export const demoSeed = 20231227;
/** Generated cases, beside the six fixed ones: about 200 in all (SPEC D-DEMO-2). */
export const generatedCaseCount = 194;
/** How far back the demo town's cases go. */
const historyDays = 180;

interface VillagePlan {
  id: VillageId;
  prefix: string;
  share: number;
  /** Who records and handles a case in the village: the village's own staff where the demo has accounts. */
  recorders: readonly string[];
  handlers: readonly string[];
}

const villages: readonly VillagePlan[] = [
  {
    id: 'jiangting' as VillageId,
    prefix: 'jt',
    share: 40,
    recorders: ['demo-grid1', 'demo-cadre1'],
    handlers: ['demo-cadre1', 'demo-grid1'],
  },
  {
    id: 'hongyan' as VillageId,
    prefix: 'hy',
    share: 30,
    recorders: ['demo-police1', 'demo-centre1'],
    handlers: ['demo-police1', 'demo-judicial1'],
  },
  {
    id: 'pingzhai' as VillageId,
    prefix: 'pz',
    share: 30,
    recorders: ['demo-police1', 'demo-judicial1'],
    handlers: ['demo-police1', 'demo-judicial1'],
  },
];

/**
 * Who handles a case dispatched to a department: a town agency, since a department replies to what it is sent and
 * does not mediate (SPEC C-STEP-2, C-STEP-4); the department is named among the case's departments.
 */
const departmentHandler: Record<DepartmentId, string> = {
  naturalResources: 'demo-judicial1',
  labour: 'demo-centre1',
  housing: 'demo-centre1',
  market: 'demo-centre1',
};

/**
 * The generated part of the demo town (SPEC D-DEMO-2): the same cases for the same `now` and seed, with times
 * counted back from `now` so the ledger always has recent, open and overdue cases. Most are settled in the
 * village; some go to the town, a few to the county (with case leader demo-leader1), some wait on a department
 * past their deadline, and a couple came back after they were settled.
 */
export function generateDemoCases(now: number, seed = demoSeed): DemoCase[] {
  const random = new Prng(seed);
  const counters = new Map<string, number>();
  const state = { relapses: 0 };
  const cases: DemoCase[] = [];
  for (let i = 0; i < generatedCaseCount; i++) {
    const village = random.weighted(villages.map((v) => [v, v.share] as const));
    const n = (counters.get(village.prefix) ?? 0) + 1;
    counters.set(village.prefix, n);
    const id = `demo-${village.prefix}-${String(n).padStart(3, '0')}`;
    // a village's cases go to its grids in turn: from the count, not the generator, so the rest of the town
    // stays as it was
    const grids = findVillage(village.id)?.grids ?? [];
    const grid = grids[(n - 1) % grids.length]?.id;
    const demo = generateCase(random, now, village, id, state);
    cases.push(grid === undefined ? demo : { ...demo, grid });
  }
  return cases;
}

function generateCase(
  random: Prng,
  now: number,
  village: VillagePlan,
  id: string,
  state: { relapses: number },
): DemoCase {
  const material = random.weighted(disputeMaterial.map((m) => [m, m.weight] as const));
  const [a, b] = twoSurnames(random);
  const fill = templateFiller(random, a, b);
  const [titleTemplate, factsTemplate] = random.pick(material.stories);
  const nature = material.nature.filter(([, chance]) => random.chance(chance)).map(([flag]) => flag);
  // a group that applies together is a matter of many people (涉众)
  const group = titleTemplate.includes('{n}');
  if (group && !nature.includes('groupOfPeople')) nature.push('groupOfPeople');
  const risk = riskGrade(material.type, nature);
  // recent cases are more common than old ones, as a ledger fills up
  const daysAgo = Math.floor(historyDays * random.next() ** 1.4);
  const createdAt = now - daysAgo * day - random.int(1, 10) * hour;
  const department =
    material.departments.length > 0 && random.chance(0.35) ? random.pick(material.departments) : null;
  const fate = fateOf(random, risk);
  const story: Story = {
    random,
    village,
    risk,
    fate,
    department,
    // a department that has not answered: the dispatch stays open past its deadline
    stalled: department !== null && daysAgo >= 20 && random.chance(0.5),
    relapse: fate === 'village' && daysAgo > 60 && state.relapses < 2 && random.chance(0.15),
    events: [],
    t: createdAt,
  };
  if (story.relapse) state.relapses++;
  tell(story);
  // what has not happened yet by now is not in the timeline: young cases are still open
  const events = story.events.filter((event) => event.at < now);
  // drawn in the order they always were, so the seeded town stays the same town
  const title = fill(titleTemplate);
  const recordedBy = random.pick(village.recorders);
  const [source, opening] = random.pick(sources);
  return {
    id,
    title,
    village: village.id,
    disputeType: material.type,
    source,
    createdAt,
    recordedBy,
    notes: `${opening}${fill(factsTemplate)}${progressNote(events, department)}`,
    parties: partiesOf(random, material.respondents, village.id, a, b, fill, nature, group),
    events,
  };
}

type Fate = EscalationLevel;

function fateOf(random: Prng, risk: string): Fate {
  // a dispute that could turn criminal is a case leader's case at the town at least (seed 000)
  if (risk === 'criminal') return random.chance(0.4) ? 'county' : 'town';
  return random.weighted<Fate>([
    ['village', 80],
    ['town', 17],
    ['county', 3],
  ]);
}

interface Story {
  random: Prng;
  village: VillagePlan;
  risk: ReturnType<typeof riskGrade>;
  fate: Fate;
  department: DepartmentId | null;
  stalled: boolean;
  relapse: boolean;
  events: WorkflowEvent[];
  /** The time of the last event told. */
  t: number;
}

/** Moves the story's clock on by between `min` and `max` days, to a whole hour. */
function later(story: Story, min: number, max: number): number {
  story.t += story.random.int(Math.round(min * 24), Math.round(max * 24)) * hour;
  return story.t;
}

/** An event without its id, kind by kind. */
type EventDraft = WorkflowEvent extends infer E ? (E extends WorkflowEvent ? Omit<E, 'id'> : never) : never;

function add(story: Story, event: EventDraft): void {
  story.events.push({ ...event, id: story.random.hexId() });
}

const courtOrArbitration: readonly Outcome[] = ['court', 'arbitration'];

/** The case's life, step by step, along the closed loop (C-FLOW-1…8), from the moment it was recorded. */
function tell(story: Story): void {
  const { random } = story;
  add(story, { kind: 'registered', at: later(story, 0.1, 2), by: 'demo-centre1', risk: story.risk });
  const levels: EscalationLevel[] = ['village', 'town', 'county'];
  for (const level of levels) {
    const final = level === story.fate;
    const handler = dispatch(story, level);
    if (final && story.stalled && story.department !== null) {
      // waiting on the department: perhaps one attempt that settled part of it, then nothing
      if (random.chance(0.5)) attempt(story, level, handler, 'partly');
      return;
    }
    const tries = final ? random.int(1, story.relapse ? 2 : 3) : 3;
    for (let i = 1; i <= tries; i++)
      attempt(story, level, handler, final && i === tries ? 'agreed' : 'failed');
    if (final) {
      const outcome =
        level === 'county' && random.chance(0.5) ? random.pick(courtOrArbitration) : 'agreement';
      close(story, handler, outcome);
      return;
    }
    add(story, {
      kind: 'escalated',
      at: later(story, 0.5, 3),
      by: level === 'village' ? handler : 'demo-centre1',
      from: level,
      reason: level === 'village' ? '村级三次劝调未果,上报镇综治中心。' : '镇级三次联调未果,提交县级终调。',
    });
  }
}

function dispatch(story: Story, level: EscalationLevel): string {
  const { random } = story;
  const department = level === story.fate ? story.department : null;
  // a case bound for the county has its leader from the town on, so every county case names one (A-RIGHT-5)
  const hard =
    level === 'county' ||
    story.risk === 'criminal' ||
    (level === 'town' && (story.risk === 'high' || story.fate === 'county'));
  const handler =
    department !== null
      ? departmentHandler[department]
      : level === 'village'
        ? random.pick(story.village.handlers)
        : random.pick(['demo-judicial1', 'demo-centre1']);
  const at = later(story, 0.1, 1.5);
  add(story, {
    kind: 'dispatched',
    at,
    by: 'demo-centre1',
    handler,
    departments: department === null ? [] : [department],
    leaders: hard || (level === 'town' && random.chance(0.3)) ? ['demo-leader1'] : [],
    deadline: deadlineFrom(at),
  });
  return handler;
}

const attemptNotes = {
  failed: ['双方各执一词,未能达成一致。', '一方未到场,约定下次再调。', '对赔偿数额分歧较大,调解未果。'],
  partly: ['就部分事项达成口头协议,其余待部门答复。'],
  agreed: ['双方达成书面调解协议并签字。', '经释法说理,双方和解,当场履行。', '达成协议,约定分期履行。'],
} as const;

function attempt(
  story: Story,
  level: EscalationLevel,
  handler: string,
  result: keyof typeof attemptNotes,
): void {
  add(story, {
    kind: 'attempt',
    at: later(story, 1, 6),
    by: handler,
    level,
    participants: [handler],
    result,
    note: story.random.pick(attemptNotes[result]),
  });
}

function close(story: Story, handler: string, outcome: Outcome): void {
  const { random } = story;
  // the verifier is never the handler (C-FLOW-6)
  const verifier = handler === 'demo-centre1' ? 'demo-judicial1' : 'demo-centre1';
  add(story, { kind: 'closed', at: later(story, 0.5, 3), by: verifier, outcome, verifier });
  const satisfaction = story.relapse ? 3 : random.int(4, 5);
  add(story, {
    kind: 'visit',
    at: later(story, 7, 30),
    by: handler,
    note: '回访:协议已履行。',
    satisfaction,
  });
  add(story, { kind: 'evaluated', at: later(story, 0.5, 7), by: 'demo-centre1', satisfaction });
  if (!story.relapse) return;
  add(story, {
    kind: 'reopened',
    at: later(story, 10, 40),
    by: handler,
    reason: '协议履行后又起争执,矛盾反弹。',
  });
  add(story, {
    kind: 'attempt',
    at: later(story, 1, 5),
    by: handler,
    level: 'village',
    participants: [handler],
    result: 'failed',
    note: '再次劝调,双方分歧仍在。',
  });
}

/** The sentence that ends the notes: where the case stands, as the last person to touch it wrote. */
function progressNote(events: readonly WorkflowEvent[], department: DepartmentId | null): string {
  const { state } = deriveWorkflow(events);
  if (state.reopenings > 0 && state.stage === 'handling') return '协议履行后又起争执,已重新受理。';
  if (state.stage === 'reported') return '待核实立案。';
  if (state.stage === 'registered') return '已核实立案,待指派。';
  if (state.stage === 'closed' || state.stage === 'evaluated') {
    if (state.outcome === 'court') return '调解不成,已引导当事人依法诉讼。';
    if (state.outcome === 'arbitration') return '调解不成,已引导当事人申请仲裁。';
    return state.level === 'village' ? '经村调委会调解,双方达成协议,已销号。' : '经联合调解达成协议,已销号。';
  }
  if (department !== null && state.departments.includes(department)) {
    const zh = departments.find((d) => d.id === department)?.zh ?? department;
    return `已转${zh}限期15天内办结。`;
  }
  if (state.level === 'county') return '镇级三次联调未果,已提交县级终调,由包案领导一抓到底。';
  if (state.level === 'town') return '村级三次劝调未果,已提交镇联合调解。';
  return '村调委会正在调解。';
}

function twoSurnames(random: Prng): [string, string] {
  const a = random.pick(surnames);
  let b = random.pick(surnames);
  while (b === a) b = random.pick(surnames);
  return [a, b];
}

function templateFiller(random: Prng, a: string, b: string): (template: string) => string {
  // one value per case, so the title, the notes and the parties tell of the same group, project and sums
  const values: Record<string, string> = {
    a,
    b,
    g: random.pick(groups),
    p: random.pick(projects),
    n: String(random.int(3, 15)),
    m: (random.int(8, 60) / 10).toFixed(1),
  };
  return (template) => template.replace(/\{([abgpnm])\}/g, (_, key: string) => values[key] ?? key);
}

function partiesOf(
  random: Prng,
  respondents: readonly string[] | 'person',
  village: VillageId,
  a: string,
  b: string,
  fill: (template: string) => string,
  nature: readonly NatureFlag[],
  group: boolean,
): PartyFields[] {
  const contact = () => `1${random.pick(['38', '39', '58', '87', '35'])}****${random.int(1000, 9999)}`;
  const applicantName = `${a}${random.pick(givenNames)}`;
  const parties: PartyFields[] = [
    {
      name: group ? `${applicantName}等${fill('{n}')}人` : applicantName,
      village,
      contact: contact(),
      role: 'applicant',
    },
  ];
  if (respondents === 'person') {
    const elsewhere = nature.includes('crossBoundary');
    parties.push({
      name: `${b}${random.pick(givenNames)}`,
      village: elsewhere ? random.pick(villages.filter((v) => v.id !== village)).id : village,
      contact: contact(),
      role: 'respondent',
    });
  } else {
    parties.push({ name: fill(random.pick(respondents)), village: '', contact: '', role: 'respondent' });
  }
  if (random.chance(0.15)) {
    parties.push({ name: `${a}${random.pick(givenNames)}`, village, contact: '', role: 'other' });
  }
  return parties;
}

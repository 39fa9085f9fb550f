import type { CaseSource } from '@concord/shared/cases/case-source.ts';
import type { DisputeType } from '@concord/shared/cases/dispute-type.ts';
import type { NotesOp } from '@concord/shared/cases/notes-format.ts';
import type { PartyFields } from '@concord/shared/cases/parties.ts';
import { deadlineFrom } from '@concord/shared/cases/workflow/deadlines.ts';
import type { WorkflowEvent } from '@concord/shared/cases/workflow/events.ts';
import type { VillageId } from '@concord/shared/org/jurisdiction.ts';

/** One demo case file as the seeder writes it: its fields, parties and timeline (SPEC D-DEMO-1, D-DEMO-2). */
export interface DemoCase {
  id: string;
  title: string;
  village: VillageId;
  /** The grid of the village it lies in, if recorded (SPEC C-DOC-5). */
  grid?: string;
  disputeType: DisputeType;
  /** How it came to light (SPEC C-DOC-6). */
  source: CaseSource;
  createdAt: number;
  /** The account that recorded it. */
  recordedBy: string;
  notes: string;
  /** The notes with their formatting (SPEC C-NOTES-1), when the demo shows some; `notes` is their text. */
  richNotes?: NotesOp[];
  parties: PartyFields[];
  events: WorkflowEvent[];
}

const day = 24 * 60 * 60 * 1000;
const hour = 60 * 60 * 1000;

/**
 * The demo cases the tests and the README name, with fixed ids, titles and notes: two in each village; the
 * Jiangting wage case is at the town with case leader demo-leader1, the Pingzhai land case is dispatched to the
 * natural resources office. Their facts decide what each demo account sees (test/integration/auth.test.ts).
 */
export function fixedDemoCases(now: number): DemoCase[] {
  const at = (daysAgo: number, hours = 0) => now - daysAgo * day + hours * hour;
  const phone = (tail: string) => `139****${tail}`;
  return [
    {
      id: 'demo-jt-boundary',
      title: '王某与刘某山林地界纠纷',
      village: 'jiangting' as VillageId,
      // found by grid1 walking their grid, so it is theirs to follow (SPEC L-MINE-1)
      grid: 'jiangting-1',
      disputeType: 'forestLandBoundary',
      source: 'visit',
      createdAt: at(12),
      recordedBy: 'demo-grid1',
      notes: '网格员入户走访时发现:两户对后山一片杉木林的界线各执一词,已有口角。村委会第一次劝调未果。',
      parties: [
        { name: '王德明', village: 'jiangting', contact: phone('2231'), role: 'applicant' },
        { name: '刘光荣', village: 'jiangting', contact: phone('7310'), role: 'respondent' },
      ],
      events: [
        { id: 'fixed-jtb-1', at: at(11), by: 'demo-centre1', kind: 'registered', risk: 'medium' },
        {
          id: 'fixed-jtb-2',
          at: at(11, 2),
          by: 'demo-centre1',
          kind: 'dispatched',
          handler: 'demo-cadre1',
          departments: [],
          leaders: [],
          deadline: deadlineFrom(at(11, 2)),
        },
        {
          id: 'fixed-jtb-3',
          at: at(9),
          by: 'demo-cadre1',
          kind: 'attempt',
          level: 'village',
          participants: ['demo-cadre1', 'demo-grid1'],
          result: 'failed',
          note: '第一次劝调:双方各执一词,约定请林业站技术员现场指界。',
        },
      ],
    },
    {
      id: 'demo-jt-wages',
      title: '村道硬化工程欠薪纠纷(涉及8名村民)',
      village: 'jiangting' as VillageId,
      disputeType: 'unpaidWages',
      source: 'walkIn',
      createdAt: at(5),
      recordedBy: 'demo-cadre1',
      notes: '8名村民反映施工队拖欠工资共计3.2万元。拟提交镇信访工作联席会议专题会研究。',
      parties: [
        { name: '罗正华等8名村民', village: 'jiangting', contact: phone('5108'), role: 'applicant' },
        { name: '村道硬化工程施工队', village: '', contact: '', role: 'respondent' },
      ],
      events: [
        { id: 'fixed-jtw-1', at: at(5, 3), by: 'demo-centre1', kind: 'registered', risk: 'high' },
        {
          id: 'fixed-jtw-2',
          at: at(4),
          by: 'demo-cadre1',
          kind: 'escalated',
          from: 'village',
          reason: '涉及8名村民,施工方在外地,村级无法协调。',
        },
        {
          id: 'fixed-jtw-3',
          at: at(4, 4),
          by: 'demo-centre1',
          kind: 'dispatched',
          handler: 'demo-judicial1',
          departments: ['labour'],
          leaders: ['demo-leader1'],
          deadline: deadlineFrom(at(4, 4)),
        },
      ],
    },
    {
      id: 'demo-hy-neighbours',
      title: '张某与李某宅基地滴水纠纷',
      village: 'hongyan' as VillageId,
      disputeType: 'neighbours',
      source: 'gridReport',
      createdAt: at(3),
      recordedBy: 'demo-police1',
      notes: '联户长反映:张家新建房屋屋檐滴水落入李家院坝。警务室民警已到场劝解,双方同意由村调委会调解。',
      parties: [
        { name: '李玉兰', village: 'hongyan', contact: phone('4467'), role: 'applicant' },
        { name: '张国强', village: 'hongyan', contact: phone('9021'), role: 'respondent' },
      ],
      events: [
        { id: 'fixed-hyn-1', at: at(3, 2), by: 'demo-centre1', kind: 'registered', risk: 'low' },
        {
          id: 'fixed-hyn-2',
          at: at(2),
          by: 'demo-centre1',
          kind: 'dispatched',
          handler: 'demo-police1',
          departments: [],
          leaders: [],
          deadline: deadlineFrom(at(2)),
        },
      ],
    },
    {
      id: 'demo-hy-marriage',
      title: '陈某夫妻婚姻家庭纠纷',
      village: 'hongyan' as VillageId,
      disputeType: 'marriageFamily',
      source: 'walkIn',
      createdAt: at(20),
      recordedBy: 'demo-judicial1',
      ...formatted([
        { insert: '双方因外出务工收入分配发生争吵。\n联合调解' },
        { insert: '\n', attributes: { header: 2 } },
        { insert: '妇联与司法所联合调解一次,双方各自陈述' },
        { insert: '\n', attributes: { list: 'bullet' } },
        { insert: '约定一个月后回访', attributes: { bold: true } },
        { insert: '\n', attributes: { list: 'bullet' } },
      ]),
      parties: [
        { name: '吴春燕', village: 'hongyan', contact: phone('3356'), role: 'applicant' },
        { name: '陈大勇', village: 'hongyan', contact: phone('6642'), role: 'respondent' },
      ],
      events: [
        { id: 'fixed-hym-1', at: at(19), by: 'demo-centre1', kind: 'registered', risk: 'medium' },
        {
          id: 'fixed-hym-2',
          at: at(19, 3),
          by: 'demo-centre1',
          kind: 'dispatched',
          handler: 'demo-judicial1',
          departments: [],
          leaders: [],
          deadline: deadlineFrom(at(19, 3)),
        },
        {
          id: 'fixed-hym-3',
          at: at(16),
          by: 'demo-judicial1',
          kind: 'attempt',
          level: 'village',
          participants: ['demo-judicial1'],
          result: 'agreed',
          note: '妇联与司法所联合调解:约定务工收入存入共同账户,一个月后回访。',
        },
        {
          id: 'fixed-hym-4',
          at: at(15),
          by: 'demo-centre1',
          kind: 'closed',
          outcome: 'agreement',
          verifier: 'demo-centre1',
        },
      ],
    },
    {
      id: 'demo-pz-land',
      title: '平寨村三组土地承包经营权纠纷',
      village: 'pingzhai' as VillageId,
      disputeType: 'land',
      source: 'walkIn',
      createdAt: at(8),
      recordedBy: 'demo-judicial1',
      notes: '涉及承包地流转合同到期后的续签问题。司法所研判为较高风险,建议明确包案领导。',
      parties: [
        { name: '班世平', village: 'pingzhai', contact: phone('1187'), role: 'applicant' },
        { name: '岑文才', village: 'pingzhai', contact: phone('8820'), role: 'respondent' },
        { name: '平寨村三组', village: 'pingzhai', contact: '', role: 'other' },
      ],
      events: [
        { id: 'fixed-pzl-1', at: at(7), by: 'demo-centre1', kind: 'registered', risk: 'high' },
        {
          id: 'fixed-pzl-2',
          at: at(7, 5),
          by: 'demo-centre1',
          kind: 'dispatched',
          handler: 'demo-judicial1',
          departments: ['naturalResources'],
          leaders: [],
          deadline: deadlineFrom(at(7, 5)),
        },
      ],
    },
    {
      id: 'demo-pz-road',
      title: '农用车与摩托车刮擦赔偿纠纷',
      village: 'pingzhai' as VillageId,
      disputeType: 'roadSafety',
      source: 'policeCallOut',
      createdAt: at(1),
      recordedBy: 'demo-police1',
      notes: '派出所出警后现场调解,双方就医药费数额仍有分歧,移交村矛盾纠纷化解室。',
      parties: [
        { name: '陆永福', village: 'pingzhai', contact: phone('2275'), role: 'applicant' },
        { name: '蒙开国', village: 'hongyan', contact: phone('5503'), role: 'respondent' },
      ],
      events: [{ id: 'fixed-pzr-1', at: at(1, 3), by: 'demo-centre1', kind: 'registered', risk: 'low' }],
    },
  ];
}

/** Notes with formatting, and their text. */
function formatted(ops: NotesOp[]): { notes: string; richNotes: NotesOp[] } {
  return { notes: ops.map((op) => ('insert' in op ? op.insert : '')).join(''), richNotes: ops };
}

import * as Y from 'yjs';
import { MeetingFile } from '@concord/shared/meetings/meeting-file.ts';
import type {
  ActionItem,
  AgendaItem,
  Completion,
  Decision,
  DeliberationStage,
  MeetingKind,
} from '@concord/shared/meetings/meeting-parts.ts';

const day = 24 * 60 * 60 * 1000;
const hour = 60 * 60 * 1000;

/** The day of `at` in the town's time zone (China, UTC+8), as a meeting's date is written. */
function townDay(at: number): string {
  return new Date(at + 8 * hour).toISOString().slice(0, 10);
}

interface DemoItem {
  id: string;
  caseId: string | null;
  topic: string;
  reasons?: string[];
  minutes?: string;
}

interface DemoMeeting {
  id: string;
  kind: MeetingKind;
  title: string;
  /** When it is (or was) held. */
  at: number;
  time: string;
  place: string;
  village: string | null;
  invited: string[];
  stage?: DeliberationStage;
  items: DemoItem[];
  decisions?: Omit<Decision, 'at' | 'by'>[];
  actions?: Omit<ActionItem, 'at' | 'by' | 'carriedFrom'>[];
  /** Action id → whether it is done, and who said so when. */
  completions?: Record<string, Completion>;
  attended?: string[];
  /** Finalized by the convener this long after it began. */
  lockedAfter?: number;
}

const convener = 'demo-centre1';

/**
 * The demo town's joint meetings (SPEC D-DEMO-2): a topical meeting held three days ago on three demo cases,
 * finalized, with minutes, decisions and action items (one done, one open) that the cases show (SPEC M-LINK-1); this
 * week's analysis meeting, still to come; and 江亭村's deliberation meeting at its deliberation step. Every id is
 * fixed and every time is relative to `now`, so the same town is written on every start.
 */
function demoMeetingRecords(now: number): DemoMeeting[] {
  const held = now - 3 * day;
  return [
    {
      id: 'demo-topical',
      kind: 'topical',
      title: '沫阳镇信访工作联席会议(11月专题会)',
      at: held,
      time: '09:00',
      place: '镇综治中心三楼会议室',
      village: null,
      invited: ['judicialOffice', 'policePost', 'village:jiangting', 'dept:naturalResources'],
      items: [
        {
          id: 'topical-item-1',
          caseId: 'demo-jt-wages',
          topic: '村道硬化工程欠薪纠纷(涉及8名村民)',
          reasons: ['highRisk', 'escalated'],
          minutes:
            '司法所通报:施工队负责人已联系上,承认拖欠工资3.2万元,称工程款未到位。\n' +
            '包案领导刘镇长要求:本月底前必须兑付,不得让村民再跑。\n' +
            '劳动保障所:可依法向建设单位追偿,必要时启动欠薪应急周转金。',
        },
        {
          id: 'topical-item-2',
          caseId: 'demo-pz-land',
          topic: '平寨村三组土地承包经营权纠纷',
          reasons: ['highRisk', 'overdue'],
          minutes:
            '自然资源所尚未出具四至核查意见,已超过派遣期限。\n会议要求自然资源所一周内完成现场核查并书面答复。',
        },
        {
          id: 'topical-item-3',
          caseId: 'demo-jt-boundary',
          topic: '王某与刘某山林地界纠纷',
          minutes: '村委会第一次劝调未果。司法所建议请林业站技术员现场指界,再组织第二次调解。',
        },
      ],
      decisions: [
        {
          id: 'topical-decision-1',
          itemId: 'topical-item-1',
          text: '由司法所牵头,劳动保障所配合,月底前督促施工方兑付工资。',
        },
        {
          id: 'topical-decision-2',
          itemId: 'topical-item-2',
          text: '自然资源所一周内出具核查意见,逾期由镇督查通报。',
        },
      ],
      actions: [
        {
          id: 'topical-action-1',
          itemId: 'topical-item-3',
          caseId: 'demo-jt-boundary',
          text: '联系林业站技术员到后山现场指界',
          owner: 'demo-judicial1',
          deadline: townDay(held + 2 * day),
        },
        {
          id: 'topical-action-2',
          itemId: 'topical-item-2',
          caseId: 'demo-pz-land',
          text: '现场核查三组承包地四至,书面答复核查意见',
          owner: 'demo-dept1',
          deadline: townDay(held + 7 * day),
        },
      ],
      completions: { 'topical-action-1': { done: true, at: held + 2 * day, by: 'demo-judicial1' } },
      attended: ['demo-centre1', 'demo-judicial1', 'demo-police1', 'demo-cadre1', 'demo-dept1'],
      lockedAfter: 3 * hour,
    },
    {
      id: 'demo-weekly',
      kind: 'weeklyAnalysis',
      title: '本周矛盾纠纷研判会(一周一研判)',
      at: now + 2 * day,
      time: '15:00',
      place: '镇综治中心',
      village: null,
      invited: ['judicialOffice', 'policePost', 'village:jiangting', 'village:hongyan'],
      items: [
        {
          id: 'weekly-item-1',
          caseId: 'demo-jt-wages',
          topic: '村道硬化工程欠薪纠纷(涉及8名村民)',
          reasons: ['highRisk', 'escalated'],
        },
        { id: 'weekly-item-2', caseId: 'demo-hy-neighbours', topic: '张某与李某宅基地滴水纠纷' },
        { id: 'weekly-item-3', caseId: null, topic: '本周新增纠纷排查情况通报' },
      ],
    },
    {
      id: 'demo-jt-deliberation',
      kind: 'villageDeliberation',
      title: '江亭村协商议事会(村道停车与护林公约)',
      at: now - 1 * day,
      time: '19:30',
      place: '江亭村村委会议室',
      village: 'jiangting',
      invited: ['village:jiangting', 'judicialOffice'],
      stage: 'deliberate',
      items: [
        {
          id: 'deliberation-item-1',
          caseId: null,
          topic: '村道两侧停车位划定',
          minutes: '村民代表12人到会。多数意见:在村委会前空地划定停车位,村道两侧禁止长期停放。',
        },
        { id: 'deliberation-item-2', caseId: null, topic: '后山杉木林护林公约修订' },
      ],
      attended: ['demo-cadre1', 'demo-grid1'],
    },
  ];
}

/** The demo meetings as documents, each written by the server alone (SPEC D-DEMO-1). */
export function demoMeetingDocs(now: number): Y.Doc[] {
  return demoMeetingRecords(now).map(meetingDoc);
}

function meetingDoc(record: DemoMeeting): Y.Doc {
  const doc = new Y.Doc();
  const createdAt = Math.min(record.at - 2 * day, record.at);
  const meeting = MeetingFile.create(doc, {
    id: record.id,
    kind: record.kind,
    title: record.title,
    date: townDay(record.at),
    time: record.time,
    place: record.place,
    village: record.village,
    invited: record.invited,
    convener,
    createdAt,
  });
  const stamp = { by: convener, at: record.at };
  // parts written whole with their fixed ids (the helpers draw random ones)
  doc.transact(() => {
    if (record.stage) meeting.fields.set('stage', record.stage);
    record.items.forEach((item, index) => {
      const part: AgendaItem = {
        id: item.id,
        caseId: item.caseId,
        topic: item.topic,
        reasons: item.reasons ?? [],
        order: index + 1,
        carriedFrom: null,
        by: convener,
        at: createdAt + index,
      };
      meeting.agenda.set(part.id, part);
      if (item.minutes) meeting.minutes(item.id).insert(0, item.minutes);
    });
    for (const decision of record.decisions ?? [])
      meeting.decisionMap.set(decision.id, { ...decision, ...stamp });
    for (const action of record.actions ?? []) {
      meeting.actionMap.set(action.id, { ...action, carriedFrom: null, ...stamp });
    }
    for (const [actionId, completion] of Object.entries(record.completions ?? {})) {
      meeting.completionMap.set(actionId, completion);
    }
    for (const account of record.attended ?? []) {
      meeting.attendanceMap.set(account, { by: account, at: record.at - 10 * 60 * 1000 });
    }
  });
  if (record.lockedAfter !== undefined) meeting.lock({ by: convener, at: record.at + record.lockedAfter });
  return doc;
}

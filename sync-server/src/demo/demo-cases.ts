import type { DisputeType } from '@concord/shared/cases/dispute-type.ts';
import type { DepartmentId, EscalationLevel } from '@concord/shared/org/agencies.ts';

export interface DemoCase {
  id: string;
  title: string;
  village: string;
  disputeType: DisputeType;
  daysAgo: number;
  notes: string;
  /** Escalated past the village, given to a case leader, dispatched to a department (SPEC D-DEMO-1). */
  level?: EscalationLevel;
  leaders?: string[];
  departments?: DepartmentId[];
}

/** Demo case files, drawn from the kinds of dispute the seed reports describe; names are invented. */
export const demoCases: readonly DemoCase[] = [
  {
    id: 'demo-jt-boundary',
    title: '王某与刘某山林地界纠纷',
    village: 'jiangting',
    disputeType: 'forestLandBoundary',
    daysAgo: 12,
    notes: '网格员入户走访时发现:两户对后山一片杉木林的界线各执一词,已有口角。村委会第一次劝调未果。',
  },
  {
    id: 'demo-jt-wages',
    level: 'town',
    leaders: ['demo-leader1'],
    title: '村道硬化工程欠薪纠纷(涉及8名村民)',
    village: 'jiangting',
    disputeType: 'unpaidWages',
    daysAgo: 5,
    notes: '8名村民反映施工队拖欠工资共计3.2万元。拟提交镇信访工作联席会议专题会研究。',
  },
  {
    id: 'demo-hy-neighbours',
    title: '张某与李某宅基地滴水纠纷',
    village: 'hongyan',
    disputeType: 'neighbours',
    daysAgo: 3,
    notes: '联户长反映:张家新建房屋屋檐滴水落入李家院坝。警务室民警已到场劝解,双方同意由村调委会调解。',
  },
  {
    id: 'demo-hy-marriage',
    title: '陈某夫妻婚姻家庭纠纷',
    village: 'hongyan',
    disputeType: 'marriageFamily',
    daysAgo: 20,
    notes: '双方因外出务工收入分配发生争吵。妇联与司法所联合调解一次,约定一个月后回访。',
  },
  {
    id: 'demo-pz-land',
    departments: ['naturalResources'],
    title: '平寨村三组土地承包经营权纠纷',
    village: 'pingzhai',
    disputeType: 'land',
    daysAgo: 8,
    notes: '涉及承包地流转合同到期后的续签问题。司法所研判为较高风险,建议明确包案领导。',
  },
  {
    id: 'demo-pz-road',
    title: '农用车与摩托车刮擦赔偿纠纷',
    village: 'pingzhai',
    disputeType: 'roadSafety',
    daysAgo: 1,
    notes: '派出所出警后现场调解,双方就医药费数额仍有分歧,移交村矛盾纠纷化解室。',
  },
];

import type { CaseSource } from '@concord/shared/cases/case-source.ts';
import type { DisputeType } from '@concord/shared/cases/dispute-type.ts';
import type { NatureFlag } from '@concord/shared/cases/risk.ts';
import type { DepartmentId } from '@concord/shared/org/agencies.ts';

/**
 * What the demo town's cases are made of: the dispute types, figures and ways of working of the seed reports
 * (shared/seeds), with invented names. Templates fill `{a}` and `{b}` with surnames, `{g}` with a villagers' group,
 * `{p}` with a works project, `{n}` with a head count and `{m}` with a sum in units of 10 000 yuan.
 */
export interface DisputeMaterial {
  type: DisputeType;
  /** How often the type turns up, relative to the others. */
  weight: number;
  /** A title and what happened, as the person recording it wrote them; `{n}` in a title means a group applied. */
  stories: readonly (readonly [title: string, facts: string])[];
  /** Nature flags this kind of dispute tends to carry, each with its chance. */
  nature: readonly (readonly [NatureFlag, number])[];
  /** The departments such a dispute is dispatched to, when it is. */
  departments: readonly DepartmentId[];
  /** Who the respondent is: a neighbour, or a firm or body named here. */
  respondents: readonly string[] | 'person';
}

export const disputeMaterial: readonly DisputeMaterial[] = [
  {
    type: 'neighbours',
    weight: 26,
    stories: [
      ['{a}某与{b}某排水沟堵塞纠纷', '两家共用的排水沟被{b}家填平,雨季污水漫入{a}家院坝,双方多次口角。'],
      ['{a}某与{b}某院坝通行纠纷', '{b}家修建围墙占用了进出{a}家的便道约1米,{a}某要求拆除。'],
      ['{a}某与{b}某宅基地界墙纠纷', '{a}某翻修房屋时新砌界墙,{b}某称界墙越过老墙基20公分。'],
      ['{a}某家犬只咬伤{b}某赔偿纠纷', '{a}家的狗咬伤{b}某小腿,医药费约800元,双方对赔偿数额有分歧。'],
      ['{a}某与{b}某竹林遮挡采光纠纷', '{b}家屋后竹林长高后遮挡{a}家采光,{a}某要求砍伐,{b}某不同意。'],
      ['{a}某与{b}某共用水井使用纠纷', '两户为共用水井的抽水时间争执,{b}某将{a}家的水管剪断。'],
    ],
    nature: [
      ['violenceThreatened', 0.08],
      ['repeated', 0.1],
    ],
    departments: [],
    respondents: 'person',
  },
  {
    type: 'marriageFamily',
    weight: 18,
    stories: [
      ['{a}某夫妻家庭矛盾纠纷', '丈夫常年外出务工,双方因收入分配发生争吵,女方回娘家已半月。'],
      ['{a}某兄弟赡养老人纠纷', '老人年过八旬,三个子女对赡养费和轮流照料分摊意见不一。'],
      ['{a}某与{b}某离婚财产分割纠纷', '双方协议离婚后对共同修建的房屋归属各执一词。'],
      ['{a}某与{b}某彩礼返还纠纷', '订婚后女方悔婚,{a}某要求{b}家返还彩礼6.8万元。'],
      ['{a}某与{b}某家庭矛盾纠纷', '丈夫酒后与妻子争吵并摔打家具,邻居报警后民警到场劝开。'],
    ],
    nature: [
      ['violenceThreatened', 0.15],
      ['couldTurnCriminal', 0.05],
      ['repeated', 0.1],
    ],
    departments: [],
    respondents: 'person',
  },
  {
    type: 'forestLandBoundary',
    weight: 16,
    stories: [
      ['{a}某与{b}某后山林地界线纠纷', '两户对后山一片杉木林的界线各执一词,{b}某已砍伐十余棵,{a}某阻拦。'],
      ['{a}某与{b}某杉木林采伐权属纠纷', '林权证上的四至描述不清,双方对界桩位置认识不一。'],
      ['{a}某与{b}某自留山界桩纠纷', '{a}某称{b}某越界栽种油茶并移动界桩,要求恢复原状。'],
      ['{g}组与邻组集体林界纠纷', '两个村民小组对交界处约30亩集体林的权属有争议,曾发生推搡。'],
    ],
    nature: [
      ['crossBoundary', 0.15],
      ['violenceThreatened', 0.1],
      ['couldTurnCriminal', 0.03],
    ],
    departments: ['naturalResources'],
    respondents: 'person',
  },
  {
    type: 'unpaidWages',
    weight: 12,
    stories: [
      ['{p}欠薪纠纷(涉及{n}名村民)', '{n}名村民反映施工方拖欠工资共计{m}万元,临近年关情绪激动。'],
      ['{a}某等{n}人追讨务工工资纠纷', '村民为种植基地务工三个月,老板以收成不好为由拖欠工钱{m}万元。'],
      ['{a}某劳务费结算纠纷', '{a}某在外务工受伤后回乡,与包工头就工资和医药费结算发生争执。'],
    ],
    nature: [
      ['groupOfPeople', 0.35],
      ['crossBoundary', 0.1],
    ],
    departments: ['labour'],
    respondents: ['某建筑劳务公司', '{p}施工队', '某种植专业合作社'],
  },
  {
    type: 'land',
    weight: 12,
    stories: [
      ['{a}某与{b}某承包地流转合同纠纷', '承包地流转合同到期后,双方对续签和租金标准意见不一。'],
      ['{a}某与{b}某耕地边界纠纷', '田地分散、地块较小,两户对相邻田块的田坎位置有争议。'],
      [
        '{g}组土地征收补偿分配纠纷(涉及{n}户)',
        '{g}组{n}户村民对土地征收补偿款的分配方案有异议,要求重新核对人口。',
      ],
      ['{a}某与{b}某宅基地使用权纠纷', '{b}某在{a}家老宅基地上堆放建材,{a}某称宅基地归自家使用。'],
    ],
    nature: [
      ['groupOfPeople', 0.15],
      ['repeated', 0.15],
    ],
    departments: ['naturalResources'],
    respondents: 'person',
  },
  {
    type: 'infrastructureConstruction',
    weight: 8,
    stories: [
      ['{p}施工占地补偿纠纷', '{p}施工占用{a}某承包地约半亩,补偿标准未谈拢,{a}某阻止施工。'],
      ['{p}施工损坏房屋纠纷', '施工爆破后{a}某家房屋墙体开裂,要求施工方鉴定赔偿。'],
      ['{p}施工堵塞灌溉水渠纠纷(涉及{n}户)', '施工弃土堵塞灌溉水渠,下游{n}户稻田无法放水。'],
    ],
    nature: [
      ['groupOfPeople', 0.2],
      ['violenceThreatened', 0.05],
    ],
    departments: ['housing'],
    respondents: ['{p}施工方', '县交通建设公司', '某建筑工程有限公司'],
  },
  {
    type: 'roadSafety',
    weight: 5,
    stories: [
      ['农用车与电动车刮擦赔偿纠纷', '派出所出警后现场调解,双方就医药费和误工费数额仍有分歧。'],
      ['{a}某村道摔伤索赔纠纷', '{a}某夜间骑车在未设护栏的村道急弯处摔伤,要求修路方承担责任。'],
      ['{a}某与{b}某三轮车碰撞赔偿纠纷', '两车在急弯处相撞,无人受重伤,车辆修理费约3000元。'],
    ],
    nature: [['crossBoundary', 0.1]],
    departments: [],
    respondents: 'person',
  },
  {
    type: 'collective',
    weight: 3,
    stories: [
      [
        '{g}组集体经济收益分配纠纷(涉及{n}户)',
        '{g}组集体林地租金分配方案未公示,{n}户村民质疑账目,要求召开群众会。',
      ],
      ['{g}组村民饮水工程用水纠纷(涉及{n}户)', '新建饮水工程投用后,上游农户私接水管,下游{n}户用水不足。'],
    ],
    nature: [['groupOfPeople', 0.6]],
    departments: [],
    respondents: ['{g}组村民小组'],
  },
  {
    type: 'other',
    weight: 4,
    stories: [
      ['{a}某与{b}某民间借贷纠纷', '{b}某借款2万元逾期两年未还,{a}某多次上门讨要未果。'],
      ['{a}某等{n}户购买劣质化肥索赔纠纷', '{a}某等{n}户在集镇农资店购买的化肥施用后秧苗枯黄,要求赔偿。'],
      ['{a}某与{b}某耕牛损害庄稼赔偿纠纷', '{b}家耕牛跑进{a}家玉米地,踩坏玉米约半亩。'],
    ],
    nature: [['repeated', 0.05]],
    departments: ['market'],
    respondents: 'person',
  },
];

/** Surnames common in the demo county (Buyi and Han families of southern Guizhou). */
export const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '罗',
  '韦',
  '蒙',
  '岑',
  '班',
  '陆',
  '吴',
  '周',
];
export const givenNames = [
  '正华',
  '国强',
  '德明',
  '光荣',
  '秀英',
  '桂芬',
  '永福',
  '明珍',
  '家富',
  '大勇',
  '玉兰',
  '世平',
  '开国',
  '春燕',
  '文才',
];
export const groups = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
export const projects = [
  '村道硬化工程',
  '通组公路',
  '饮水安全工程',
  '烟水配套工程',
  '危房改造项目',
  '产业路',
];

/** How a demo case came to light, and the words its notes open with (SPEC C-DOC-6). */
export const sources: readonly (readonly [CaseSource, string])[] = [
  ['visit', '网格员入户走访时发现:'],
  ['gridReport', '联户长在微信群反映:'],
  ['walkIn', '当事人到村委会矛盾纠纷化解室反映:'],
  ['hotline12345', '12345热线转来:'],
  ['policeCallOut', '警务室接警后了解到:'],
  ['walkIn', '镇综治中心接访时了解到:'],
];

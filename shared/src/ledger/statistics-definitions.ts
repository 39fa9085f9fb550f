/**
 * The columns of the statistics table and what each figure means, in both languages, as data: the page shows
 * these words under the table, and they say exactly what `figuresOf` counts (SPEC L-STATS-1).
 */

export const statisticsColumns = [
  'found',
  'registered',
  'resolved',
  'resolutionRate',
  'keptAtVillage',
  'keptAtTown',
  'wentToCounty',
  'overdue',
  'onTimeRate',
  'averageDaysToClose',
  'satisfactionRate',
  'reopened',
] as const;
export type StatisticsColumn = (typeof statisticsColumns)[number];

export interface StatisticsDefinition {
  label: { 'zh-CN': string; en: string };
  definition: { 'zh-CN': string; en: string };
}

export const statisticsDefinitions: Record<StatisticsColumn, StatisticsDefinition> = {
  found: {
    label: { 'zh-CN': '排查发现', en: 'Found' },
    definition: {
      'zh-CN': '在所选期间内建档（首次记录）的纠纷数。',
      en: 'Disputes first recorded (case created) within the period.',
    },
  },
  registered: {
    label: { 'zh-CN': '登记受理', en: 'Registered' },
    definition: {
      'zh-CN': '在所选期间内登记受理的纠纷数；以下各项均以这些纠纷为准。',
      en: 'Disputes registered within the period; every figure below counts among these.',
    },
  },
  resolved: {
    label: { 'zh-CN': '化解', en: 'Resolved' },
    definition: {
      'zh-CN': '期间内登记、在期间结束前结案且至今仍为结案状态的纠纷数（重新打开的，再次结案后才计入）。',
      en: 'Disputes registered in the period and closed before its end, closed still (a reopened one counts once closed again).',
    },
  },
  resolutionRate: {
    label: { 'zh-CN': '化解率', en: 'Resolution rate' },
    definition: {
      'zh-CN': '化解数除以登记受理数。',
      en: 'Resolved divided by registered.',
    },
  },
  keptAtVillage: {
    label: { 'zh-CN': '化解在村', en: 'Kept at village' },
    definition: {
      'zh-CN': '期间内登记、至今未上交出村（最高在村级）的纠纷数。',
      en: 'Disputes registered in the period that have never left the village (highest level reached: village).',
    },
  },
  keptAtTown: {
    label: { 'zh-CN': '化解在镇', en: 'Kept at town' },
    definition: {
      'zh-CN': '期间内登记、上交到镇但未出镇（最高在镇级）的纠纷数。',
      en: 'Disputes registered in the period that went up to the town but not beyond it.',
    },
  },
  wentToCounty: {
    label: { 'zh-CN': '上交到县', en: 'Went to county' },
    definition: {
      'zh-CN': '期间内登记、上交到县级的纠纷数。',
      en: 'Disputes registered in the period that went up to the county.',
    },
  },
  overdue: {
    label: { 'zh-CN': '超期', en: 'Overdue' },
    definition: {
      'zh-CN': '期间内登记、有办理期限，且在期限后结案或至期间结束（或今天）仍未结案而已过期限的纠纷数。',
      en: 'Disputes registered in the period with a deadline, closed after it, or still open past it at the end of the period (or today).',
    },
  },
  onTimeRate: {
    label: { 'zh-CN': '按期办结率', en: 'On-time rate' },
    definition: {
      'zh-CN': '有办理期限的化解纠纷中，在期限当时或之前结案的比例；期限为最近一次交办所定。',
      en: 'Of the resolved disputes that had a deadline, the share closed by it; the deadline is the one the latest dispatch set.',
    },
  },
  averageDaysToClose: {
    label: { 'zh-CN': '平均办结天数', en: 'Average days to close' },
    definition: {
      'zh-CN': '化解纠纷从登记到结案的平均天数。',
      en: 'Mean days from registration to closing, over the resolved disputes.',
    },
  },
  satisfactionRate: {
    label: { 'zh-CN': '满意率', en: 'Satisfaction' },
    definition: {
      'zh-CN':
        '化解纠纷中回访或评价记录了满意度（1–5分）的，评4分或5分的比例；未记录的不计入，全无记录时显示“未记录”。',
      en: 'Of the resolved disputes whose satisfaction (1–5) was recorded at a visit or evaluation, the share rated 4 or 5; those not recorded are left out, and none recorded reads "not recorded".',
    },
  },
  reopened: {
    label: { 'zh-CN': '反弹（重新打开）', en: 'Relapses (reopened)' },
    definition: {
      'zh-CN': '期间内登记、结案后至少被重新打开过一次的纠纷数。',
      en: 'Disputes registered in the period that were reopened at least once after being closed.',
    },
  },
};

/** How periods and groups are read, under the definitions. */
export const statisticsNotes = {
  'zh-CN':
    '期间按北京时间的自然日计算，含起止两日。按网格或承办人分组时，没有网格或尚未交办的纠纷合为“无”一行。数字来自本设备保存的台账，离线也可查看。',
  en: 'Periods are whole days in China Standard Time, both ends included. Grouped by grid or handler, disputes without a grid or not yet dispatched share one line, "none". The figures come from the ledger kept on this device, so they work offline.',
} as const;

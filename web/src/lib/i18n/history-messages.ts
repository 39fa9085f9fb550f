/** The case history's field names and the server's receipts of steps (SPEC W-HIST-1, W-RECEIPT-1). */
export const historyEn = {
  history_field_grid: 'grid',
  history_field_parties: 'parties',
  history_field_timeline: 'timeline',
  history_field_received: 'server receipts of steps',
  history_field_field_log: 'field history',
  history_field_unknown: '“{name}” (a field this version does not know)',
  receipt_received: 'reached the server {time}',
  receipt_received_from: 'reached the server {time}, sent by {name}',
  receipt_day_time: '{date}, {time}',
  receipt_pending: 'not yet received by the server',
} as const;

export const historyZhCN: Record<keyof typeof historyEn, string> = {
  history_field_grid: '所属网格',
  history_field_parties: '当事人',
  history_field_timeline: '办理过程',
  history_field_received: '服务器签收记录',
  history_field_field_log: '字段修改记录',
  history_field_unknown: '“{name}”(本版本无法识别的字段)',
  receipt_received: '已送达服务器 {time}',
  receipt_received_from: '已由{name}送达服务器 {time}',
  receipt_day_time: '{date} {time}',
  receipt_pending: '服务器尚未收到',
};

/** The wording of steps by role, people pickers and review flags, kept apart so features grow side by side. */
export const stepsEn = {
  flow_error_reply: 'Say what the department found or did.',
  flow_reply_for: 'Reply for {department}',
  flow_close_verifier: 'Verified by {name}: recording this close-out, you confirm the outcome.',
  flow_close_handler: 'You handle this case: someone else must verify the outcome and close it.',
  flow_field_staff: 'Staff who took part',
  flow_field_others: 'Others who took part (villagers, relatives; separated by commas)',
  flow_with: 'Taking part: {names}',
  people_search: 'Search by name or role',
  people_none: 'Nobody matches.',
  people_remove: 'Remove {name}',
  people_chosen_none: 'Nobody chosen yet.',
  people_choose: 'Choose {name}',
  review_heading: 'Needs review',
  review_intro:
    'These steps contradict each other. Find out what happened, record any step still needed, then mark each as reviewed.',
  review_agreed_escalated:
    'A mediation attempt reached agreement, yet the case was escalated from the same level.',
  review_agreement_unagreed:
    'The case was closed with a mediation agreement, but no mediation attempt since it was last reopened reached agreement.',
  review_conflicting_step: 'A step no longer applied where it fell: {reason}',
  review_resolve: 'Mark as reviewed',
  review_who: 'The governance centre or the judicial office settles these.',
} as const;

export const stepsZhCN: Record<keyof typeof stepsEn, string> = {
  flow_error_reply: '请填写部门核查或办理的情况。',
  flow_reply_for: '以{department}名义答复',
  flow_close_verifier: '核查人:{name}。记录结案即表示您已核查办理结果。',
  flow_close_handler: '您是本案承办人,须由其他人核查办理结果并结案。',
  flow_field_staff: '参与调解的工作人员',
  flow_field_others: '其他参与人员(群众、亲属等,用逗号分隔)',
  flow_with: '参与人员:{names}',
  people_search: '按姓名或职务搜索',
  people_none: '没有符合条件的人员。',
  people_remove: '移除{name}',
  people_chosen_none: '尚未选择。',
  people_choose: '选择{name}',
  review_heading: '待核查',
  review_intro: '以下环节相互矛盾。请核实实际情况,补记需要的环节,再逐项标记为已核查。',
  review_agreed_escalated: '同一层级既记录了调解达成一致,又将案件提级。',
  review_agreement_unagreed: '案件以“达成调解协议”结案,但自上次重新启动以来没有一次调解达成一致。',
  review_conflicting_step: '一个合并后已不适用的环节:{reason}',
  review_resolve: '标记为已核查',
  review_who: '由综治中心或司法所核查处理。',
};

/** What the server undid of a person's change, and why (SPEC W-REFUSE-1), kept apart from other features' words. */
export const refusalEn = {
  refused_line: 'The server undid your change: {reason}.',
  refused_dismiss: 'Dismiss',
  refused_heading: 'Changes the server undid',
  refused_some_step: 'this step',
  refused_elsewhere:
    'The server undid part of what this device sent of a case. Open the case to see what was undone, and why.',
  refused_guard_place:
    'only the town’s agencies (governance centre, judicial office, police post) may change the case’s {field}',
  refused_guard_assignment: 'case leaders and departments are named by a dispatch step, not written directly',
  refused_guard_invitations: 'only the meeting’s convener decides who is invited',
  refused_guard_author_forged: 'a step can only be recorded in your own name',
  refused_guard_append_only: 'steps already recorded cannot be changed or removed',
  refused_guard_unreadable: 'it could not read what was written in the {field}',
  refused_guard_required: 'the {field} cannot be left empty',
  refused_guard_server_only: 'only the server writes the {field}',
  refused_guard_exists: 'this case file already exists and cannot be recorded again',
  refused_step_role: 'your role does not take the step “{step}” here',
  refused_step_not_dispatched_here: 'a department replies only to a case dispatched to it, for itself',
  refused_step_verifier_not_self: 'a case is closed by its verifier in person, who is not its handler',
} as const;

export const refusalZhCN: Record<keyof typeof refusalEn, string> = {
  refused_line: '服务器撤销了你的修改:{reason}',
  refused_dismiss: '知道了',
  refused_heading: '服务器撤销的修改',
  refused_some_step: '这一步',
  refused_elsewhere: '服务器撤销了本设备发送的部分案件修改。打开该案件,可查看撤销了什么以及原因。',
  refused_guard_place: '案件{field}只能由镇综治中心、司法所或警务室调整',
  refused_guard_assignment: '包案领导和职能部门由指挥派遣指定,不能直接修改',
  refused_guard_invitations: '会议邀请只能由召集单位决定',
  refused_guard_author_forged: '办理步骤只能以你本人的名义记录',
  refused_guard_append_only: '已记录的办理步骤不能修改或删除',
  refused_guard_unreadable: '服务器无法识别写入{field}的内容',
  refused_guard_required: '{field}不能为空',
  refused_guard_server_only: '{field}只能由服务器写入',
  refused_guard_exists: '该案件已经存在,不能重复登记',
  refused_step_role: '你的岗位不能在此办理“{step}”',
  refused_step_not_dispatched_here: '职能部门只能以本部门名义答复派遣给本部门的案件',
  refused_step_verifier_not_self: '结案须由核查人本人确认,且核查人不能是承办人',
};

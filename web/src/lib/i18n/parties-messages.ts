/** The parties section's wording, kept apart so features grow without touching each other's files. */
export const partiesEn = {
  parties_heading: 'Parties',
  parties_none: 'No parties recorded yet.',
  party_name: 'Name',
  party_village: 'Village or address',
  party_contact: 'Contact',
  party_role: 'Part in the dispute',
  party_role_applicant: 'Applicant',
  party_role_respondent: 'Respondent',
  party_role_other: 'Other',
  party_add: 'Add the party',
  party_remove: 'Remove',
  party_name_required: 'Write the party’s name.',
  party_role_required: 'Choose the party’s part in the dispute.',
  party_too_long: 'Keep this under 100 characters.',
} as const;

export const partiesZhCN: Record<keyof typeof partiesEn, string> = {
  parties_heading: '当事人',
  parties_none: '尚未登记当事人。',
  party_name: '姓名',
  party_village: '村或住址',
  party_contact: '联系方式',
  party_role: '身份',
  party_role_applicant: '申请人',
  party_role_respondent: '被申请人',
  party_role_other: '其他',
  party_add: '添加当事人',
  party_remove: '删除',
  party_name_required: '请填写当事人姓名。',
  party_role_required: '请选择当事人身份。',
  party_too_long: '请少于 100 个字。',
};

/** The wording of fields written differently at once (SPEC C-REG-2, W-REG-1), kept apart as each feature's is. */
export const registersEn = {
  register_conflict_heading: '{field}: written differently at the same time',
  register_conflict_explain: 'Both are kept until someone chooses. Everyone sees the same one meanwhile.',
  register_written_by: '{who}, {when}',
  register_shown: 'Shown now',
  register_keep: 'Keep this',
  register_keep_label: 'Keep “{value}”',
  register_title_hint: 'Saved when you leave the field or press Enter.',
} as const;

export const registersZhCN: Record<keyof typeof registersEn, string> = {
  register_conflict_heading: '{field}:有人同时改成了不同的内容',
  register_conflict_explain: '两种内容都已保留,请选定保留哪一个;在此之前大家看到的是同一个。',
  register_written_by: '{who},{when}',
  register_shown: '当前显示',
  register_keep: '保留此项',
  register_keep_label: '保留“{value}”',
  register_title_hint: '离开输入框或按回车后保存。',
};

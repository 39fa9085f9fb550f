/** The wording of fields written differently at once (SPEC C-REG-1), kept apart as each feature's is. */
export const registersEn = {
  register_title_hint: 'Saved when you leave the field or press Enter.',
} as const;

export const registersZhCN: Record<keyof typeof registersEn, string> = {
  register_title_hint: '离开输入框或按回车后保存。',
};

/** The notes editor's wording, kept apart so features grow without touching each other's files. */
export const notesEn = {
  notes_toolbar: 'Formatting of the notes',
  notes_bold: 'Bold',
  notes_italic: 'Italic',
  notes_underline: 'Underline',
  notes_strike: 'Strike through',
  notes_heading: 'Heading',
  notes_bullets: 'Bulleted list',
  notes_numbered: 'Numbered list',
  notes_clear: 'Clear formatting',
} as const;

export const notesZhCN: Record<keyof typeof notesEn, string> = {
  notes_toolbar: '记录格式',
  notes_bold: '加粗',
  notes_italic: '斜体',
  notes_underline: '下划线',
  notes_strike: '删除线',
  notes_heading: '小标题',
  notes_bullets: '项目符号列表',
  notes_numbered: '编号列表',
  notes_clear: '清除格式',
};

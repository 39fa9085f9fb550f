/** The wording of grids (网格) on accounts and new cases, kept apart so features grow without touching each other. */
export const gridsEn = {
  admin_grid: 'Grid',
  account_grid_not_allowed: 'Only grid workers have a grid.',
  account_grid_not_in_village: 'Choose one of this village’s grids.',
  new_case_grid: 'Grid',
  new_case_grid_not_in_village: 'Choose one of this village’s grids, or none.',
} as const;

export const gridsZhCN: Record<keyof typeof gridsEn, string> = {
  admin_grid: '网格',
  account_grid_not_allowed: '只有网格员才有所属网格。',
  account_grid_not_in_village: '请选择该村的网格。',
  new_case_grid: '所属网格',
  new_case_grid_not_in_village: '请选择该村的网格,或不选。',
};

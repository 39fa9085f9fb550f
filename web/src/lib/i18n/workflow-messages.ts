/** The case workflow's wording (timeline, steps, conflicts, agreement), kept apart from other features'. */
export const workflowEn = {
  workflow_heading: 'Timeline',
} as const;

export const workflowZhCN: Record<keyof typeof workflowEn, string> = {
  workflow_heading: '办理过程',
};

/** The workflow feature's wording, kept apart so features grow without touching each other's files. */
export const workflowEn = {} as const;

export const workflowZhCN: Record<keyof typeof workflowEn, string> = {};

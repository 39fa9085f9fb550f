/** The ledger feature's wording, kept apart so features grow without touching each other's files. */
export const ledgerEn = {} as const;

export const ledgerZhCN: Record<keyof typeof ledgerEn, string> = {};

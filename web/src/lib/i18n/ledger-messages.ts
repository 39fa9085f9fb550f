/** The ledger page's wording, kept apart so features grow without touching each other's files. */
export const ledgerEn = {
  ledger_heading: 'Dispute ledger',
} as const;

export const ledgerZhCN: Record<keyof typeof ledgerEn, string> = {
  ledger_heading: '矛盾纠纷台账',
};

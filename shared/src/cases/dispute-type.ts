/** Dispute types named in the seed reports (SPEC C-TYPE-1); `other` keeps the list open. */
export const disputeTypes = [
  'marriageFamily',
  'neighbours',
  'forestLandBoundary',
  'unpaidWages',
  'land',
  'infrastructureConstruction',
  'roadSafety',
  'collective',
  'other',
] as const;
export type DisputeType = (typeof disputeTypes)[number];

export function isDisputeType(value: unknown): value is DisputeType {
  return typeof value === 'string' && (disputeTypes as readonly string[]).includes(value);
}

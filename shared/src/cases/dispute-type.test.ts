import { describe, expect, it } from 'vitest';
import { disputeTypes, isDisputeType } from './dispute-type.ts';

describe('dispute types', () => {
  it('C-TYPE-1: the types the seed reports name, and `other` to keep the list open', () => {
    expect(disputeTypes).toEqual([
      'marriageFamily',
      'neighbours',
      'forestLandBoundary',
      'unpaidWages',
      'land',
      'infrastructureConstruction',
      'roadSafety',
      'collective',
      'other',
    ]);
    expect(isDisputeType('land')).toBe(true);
    expect(isDisputeType('Land')).toBe(false);
    expect(isDisputeType(3)).toBe(false);
  });
});

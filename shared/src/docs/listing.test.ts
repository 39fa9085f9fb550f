import { describe, expect, it } from 'vitest';
import { docListResponseSchema, docListingSchema } from './listing.ts';

const row = {
  name: 'case:abc',
  kind: 'case',
  title: '林地纠纷',
  village: 'jiangting',
  updatedAt: 1_700_000_000_000,
  access: 'write',
};

describe('docListingSchema', () => {
  it('S-LIST-1: a well-formed row is read as it is', () => {
    expect(docListingSchema.parse(row)).toEqual(row);
    expect(docListingSchema.parse({ ...row, village: null }).village).toBeNull();
  });

  it('S-LIST-1: a row whose name is not a document name is refused with the reason', () => {
    const result = docListingSchema.safeParse({ ...row, name: 'case:../etc' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('not a document name: bad_id');
    expect(docListingSchema.safeParse({ ...row, name: 'user:abc' }).success).toBe(false);
  });

  it('A-RIGHT-11: a row says read or write; anything else is refused', () => {
    expect(docListingSchema.parse({ ...row, access: 'read' }).access).toBe('read');
    expect(docListingSchema.safeParse({ ...row, access: 'none' }).success).toBe(false);
  });

  it('S-LIST-1: a row of an unknown kind or missing a field is refused', () => {
    expect(docListingSchema.safeParse({ ...row, kind: 'user' }).success).toBe(false);
    expect(docListingSchema.safeParse({ ...row, updatedAt: '2025-03-14' }).success).toBe(false);
    const { title: _title, ...untitled } = row;
    expect(docListingSchema.safeParse(untitled).success).toBe(false);
  });

  it('S-LIST-1: one bad row refuses the whole response', () => {
    expect(docListResponseSchema.safeParse({ docs: [row] }).success).toBe(true);
    expect(docListResponseSchema.safeParse({ docs: [row, { ...row, name: 'nope' }] }).success).toBe(false);
  });
});

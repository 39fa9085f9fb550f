import { z } from 'zod';
import { roles } from '../auth/user.ts';
import { docKinds, parseDocName, type DocName } from '../sync/doc-name.ts';

/** One row of `GET /api/docs`, checked where it enters the web app (SPEC S-LIST-1, A-RIGHT-11). */
export const docListingSchema = z.object({
  name: z.string().transform((value, ctx): DocName => {
    const parsed = parseDocName(value);
    if (parsed.ok) return parsed.name;
    ctx.addIssue({ code: 'custom', message: `not a document name: ${parsed.reason}` });
    return z.NEVER;
  }),
  kind: z.enum(docKinds),
  title: z.string(),
  village: z.string().nullable(),
  updatedAt: z.number(),
  /** What the caller may do with it: documents it may not open are not listed at all. */
  access: z.enum(['read', 'write']),
});

export const docListResponseSchema = z.object({ docs: z.array(docListingSchema) });

export type DocListing = z.infer<typeof docListingSchema>;

/** One entry of `GET /api/docs/:name/history`: who changed which fields, when (SPEC A-ATTR-1). */
export const docHistoryEntrySchema = z.object({
  at: z.number(),
  fields: z.array(z.string()),
  author: z.object({ id: z.string(), displayName: z.string(), role: z.enum(roles).nullable() }),
});
export type DocHistoryEntry = z.infer<typeof docHistoryEntrySchema>;

export const docHistoryResponseSchema = z.object({ history: z.array(docHistoryEntrySchema) });

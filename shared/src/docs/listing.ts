import { z } from 'zod';
import { docKinds, parseDocName, type DocName } from '../sync/doc-name.ts';

/** One row of `GET /api/docs`, checked where it enters the web app (SPEC S-LIST-1). */
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
});

export const docListResponseSchema = z.object({ docs: z.array(docListingSchema) });

export type DocListing = z.infer<typeof docListingSchema>;
